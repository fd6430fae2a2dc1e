"""What the directory list shows of each organisation, built for a page at a time.

The list is the busiest page of the directory: one query of the page's resource categories
(instead of prefetching whole resources into every organisation) and labels from ready
dictionaries (Django's get_FOO_display rebuilds one at every call)."""
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.functional import Promise

from mosty.directory.choices import Kind, ResourceCategory, ResourceKind, Sector
from mosty.directory.models import Organisation, Resource

SECTORS: dict[str, str | Promise] = dict(Sector.choices)
KINDS: dict[str, str | Promise] = dict(Kind.choices)
CATEGORIES: dict[str, str | Promise] = dict(ResourceCategory.choices)


@dataclass
class Card:
    organisation: Organisation
    sector: str | Promise
    kind: str | Promise
    offered: list[str | Promise] = field(default_factory=list)
    needed: list[str | Promise] = field(default_factory=list)


def cards(organisations: Iterable[Organisation]) -> list[Card]:
    """One card per organisation, in order, with the distinct categories it offers and
    needs (in the order of the categories)."""
    found = [Card(org, SECTORS.get(org.sector, org.sector), KINDS.get(org.kind, org.kind))
             for org in organisations]
    by_id = {card.organisation.pk: card for card in found}
    rows = Resource.objects.filter(organisation_id__in=by_id).order_by(
        "kind", "category").values_list("organisation_id", "kind", "category").distinct()
    for organisation_id, kind, category in rows:
        card = by_id[organisation_id]
        label = CATEGORIES.get(category, category)
        if kind == ResourceKind.OFFER:
            card.offered.append(label)
        elif kind == ResourceKind.NEED:
            card.needed.append(label)
    return found
