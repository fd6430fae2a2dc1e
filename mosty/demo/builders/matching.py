"""Demo relations between the demo organisations (``organisations.yaml``), for the maps.

Idempotent: groups are looked up by name and relations go through ``record_relation``,
which keeps one row per pair and kind. Call it after ``load_seeds()``. The relations, in
``data/matching.yaml``, tell the story the programmes aim at (see the comment there).
"""
from django.db import transaction

from mosty.demo import content
from mosty.demo.builders.groups import load_groups
from mosty.demo.builders.seeds import _date
from mosty.directory.models import Organisation
from mosty.matching.models import RelationOrigin
from mosty.matching.services import record_relation
from mosty.programmes.models import Programme

# The groups of "Kultura: Inicjatywy" (groups.yaml) give the maps their group scopes.
GROUPS_OF = "kultura-inicjatywy"


def relations() -> list[list]:
    """[organisation, partner, kind, origin, programme or None, date] per demo relation."""
    return content.read("matching.yaml")["relations"]


@transaction.atomic
def load_matching_demo() -> int:
    """Create the seed-000 groups (if missing) and the demo relations; returns how many
    relations the demo defines. Raises LookupError when the demo directory is not loaded."""
    rows = relations()
    slugs = {s for row in rows for s in row[:2]}
    wanted = {row[4] for row in rows if row[4]} | {GROUPS_OF}
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    programmes = {p.slug: p for p in Programme.objects.filter(slug__in=wanted)}
    missing = sorted(slugs - set(organisations)) + sorted(wanted - set(programmes))
    if missing:
        raise LookupError(f"load the demo first (mosty demo); missing: {', '.join(missing)}")
    load_groups(programmes[GROUPS_OF])
    for a, b, kind, origin, programme, when in rows:
        record_relation(organisations[a], organisations[b], kind, RelationOrigin(origin),
                        programme=programmes[programme] if programme else None,
                        when=_date(when))
    return len(rows)
