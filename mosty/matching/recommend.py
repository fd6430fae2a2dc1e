"""Read side of matching: an organisation's partner recommendations and the free-text search.

Both ask the cached engine index (``index_cache``) and then fetch the organisations they
show in one query, so a page costs the same few queries however large the directory.
The engine's Polish sentences are rendered with ``gettext`` as its messages module expects.
"""
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext

from mosty.directory.models import Organisation
from mosty.matching.engine import (
    GEO_LEVELS, Recommendation, geo_label, render_headline, render_hit, render_reason)
from mosty.matching.index_cache import matching_index
from mosty.matching.models import COOPERATING_KINDS, HiddenPartner, Relation, RelationKind, \
    RelationOrigin

RADII = GEO_LEVELS  # gmina, powiat, voivodeship, country
DEFAULT_RADIUS = "voivodeship"
DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class Suggestion:
    """One recommended partner, explained."""

    partner: Organisation
    rank: int
    score: float
    mutual: bool
    geo_level: str
    geo_label: str
    headline: str
    they_give: tuple[str, ...]  # the partner meets our needs
    we_give: tuple[str, ...]  # we meet the partner's needs
    recommendation: Recommendation


@dataclass(frozen=True)
class KnownPartner:
    """A partner the organisation already works with, and how."""

    partner: Organisation
    relations: tuple[Relation, ...]

    @property
    def has_manual_mark(self) -> bool:
        """Whether a member's "we already cooperate" mark exists (it can be withdrawn)."""
        return any(r.kind == RelationKind.COOPERATE and r.origin == RelationOrigin.MEMBER
                   for r in self.relations)


@dataclass(frozen=True)
class PartnerPage:
    organisation: Organisation
    radius: str
    indexed: bool  # False for an organisation without a municipality (abroad)
    suggestions: tuple[Suggestion, ...]
    hidden: tuple[Organisation, ...]
    cooperating: tuple[KnownPartner, ...]


def _organisations(ids: set[int]) -> dict[int, Organisation]:
    orgs = Organisation.objects.filter(pk__in=ids).select_related("municipality")
    return {o.pk: o for o in orgs}


def _suggestion(rank: int, rec: Recommendation, partner: Organisation) -> Suggestion:
    return Suggestion(
        partner=partner, rank=rank, score=rec.score, mutual=rec.mutual, geo_level=rec.geo_level,
        geo_label=geo_label(rec.geo_level, gettext),
        headline=render_headline(rec, gettext),
        they_give=tuple(render_reason(r, gettext) for r in rec.reasons
                        if r.direction == "they_meet_our_need"),
        we_give=tuple(render_reason(r, gettext) for r in rec.reasons
                      if r.direction == "we_meet_their_need"),
        recommendation=rec)


def partner_page(organisation: Organisation, radius: str = DEFAULT_RADIUS,
                 limit: int = DEFAULT_LIMIT) -> PartnerPage:
    """Recommendations for ``organisation`` within ``radius``, without the partners it hid
    or already cooperates with (those are listed apart so the marks can be undone)."""
    if radius not in RADII:
        raise ValueError(f"unknown radius {radius!r}")
    hidden_ids = set(HiddenPartner.objects.filter(organisation=organisation)
                     .values_list("partner_id", flat=True))
    relations = list(Relation.objects.filter(
        Q(org_a=organisation) | Q(org_b=organisation), kind__in=COOPERATING_KINDS))
    cooperating_ids = {r.other(organisation.pk) for r in relations}
    recs: list[Recommendation] = []
    indexed = False
    with matching_index() as index:
        if index is not None and organisation.pk in index:
            indexed = True
            recs = index.recommend(organisation.pk, limit=limit, radius=radius,
                                   exclude=hidden_ids, cooperating=cooperating_ids,
                                   cooperating_mode="exclude")
    orgs = _organisations(hidden_ids | cooperating_ids | {r.org_id for r in recs})
    # A partner deleted since the index was read cannot be shown (nor linked to).
    suggestions = tuple(_suggestion(rank, rec, orgs[rec.org_id])
                        for rank, rec in enumerate((r for r in recs if r.org_id in orgs), 1))
    by_partner: dict[int, list[Relation]] = {}
    for relation in relations:
        by_partner.setdefault(relation.other(organisation.pk), []).append(relation)
    cooperating = tuple(sorted(
        (KnownPartner(orgs[pk], tuple(rels)) for pk, rels in by_partner.items() if pk in orgs),
        key=lambda known: known.partner.name))
    hidden = tuple(sorted((orgs[pk] for pk in hidden_ids if pk in orgs), key=lambda o: o.name))
    return PartnerPage(organisation, radius, indexed, suggestions, hidden, cooperating)


@dataclass(frozen=True)
class Helper:
    """An organisation whose offers match a free-text need."""

    organisation: Organisation
    score: float
    sentences: tuple[str, ...]
    categories: tuple[str, ...]


def area_prefix(gmina_code: str = "", powiat: str = "", voivodeship: str = "") -> str:
    """The narrowest area picked, as a TERYT prefix (a gmina's first 6 digits cover all of
    its parts)."""
    if gmina_code:
        return gmina_code[:6]
    return powiat or voivodeship


def find_helpers(text: str, area: str = "", limit: int = 15) -> list[Helper]:
    """Organisations whose offers match ``text`` (inflected Polish is fine), optionally in
    the area with TERYT prefix ``area`` (2, 4 or 6 digits)."""
    text = text.strip()
    if not text:
        return []
    with matching_index() as index:
        hits = index.search_text(text, limit=limit, area=area or None) if index else []
    orgs = _organisations({h.org_id for h in hits})
    return [Helper(orgs[h.org_id], h.score, tuple(render_hit(h, gettext)),
                   tuple(dict.fromkeys(m.offer.category for m in h.matches)))
            for h in hits if h.org_id in orgs]
