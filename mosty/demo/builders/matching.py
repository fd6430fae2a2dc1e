"""Demo relations between the demo organisations (``organisations.yaml``), for the maps.

Idempotent: groups are looked up by name and relations go through ``record_relation``,
which keeps one row per pair and kind. Call it after ``load_seeds()``.

The relations tell the story the programmes aim at: a few organisations cooperated before
a programme started; during it their staff met at the workshops, signed agreements and
co-designed projects. So the "before" and "after" maps of "Kultura: Inicjatywy" and of
BLISKO in Śmigiel differ, and Śmigiel keeps one isolated business for the coordinator to
notice.
"""
from datetime import date

from django.db import transaction

from mosty.directory.models import Organisation
from mosty.matching.models import RelationOrigin
from mosty.matching.services import record_relation
from mosty.programmes.models import Edition, Group, GroupMember, Programme

KI = "kultura-inicjatywy"
BLISKO = "blisko-smigiel"

# Seed 000: one group = the culture centre and the social-assistance centre of one gmina
# (the same names as the recruitment demo, so whichever runs first creates them).
KI_GROUPS = [
    ("2019", date(2019, 1, 1), date(2019, 12, 31), "grupa Ostrów Mazowiecka (2019)",
     ["mdk-ostrow-mazowiecka", "mops-ostrow-mazowiecka"]),
    ("2019", date(2019, 1, 1), date(2019, 12, 31), "grupa Jadów (2019)", ["gbp-jadow", "gops-jadow"]),
    ("2020", date(2020, 1, 1), date(2020, 12, 31), "grupa Mszczonów (2020)", ["ok-mszczonow", "ops-mszczonow"]),
]

# (organisation, partner, kind, origin, programme or None, date)
RELATIONS = [
    # Kultura: Inicjatywy (2019-2020): two links before, many more during the workshops.
    ("mik", "mdk-ostrow-mazowiecka", "cooperate", "manual", None, date(2017, 5, 10)),
    ("mik", "ok-mszczonow", "cooperate", "manual", None, date(2018, 2, 1)),
    ("mdk-ostrow-mazowiecka", "mops-ostrow-mazowiecka", "met", "manual", KI, date(2019, 4, 9)),
    ("mik", "mops-ostrow-mazowiecka", "met", "manual", KI, date(2019, 4, 9)),
    ("mdk-ostrow-mazowiecka", "mops-ostrow-mazowiecka", "agreement", "agreement", KI,
     date(2019, 6, 4)),
    ("gbp-jadow", "gops-jadow", "met", "manual", KI, date(2019, 9, 24)),
    ("mik", "gbp-jadow", "met", "manual", KI, date(2019, 9, 24)),
    ("mik", "gops-jadow", "met", "manual", KI, date(2019, 9, 24)),
    ("gbp-jadow", "gops-jadow", "agreement", "agreement", KI, date(2019, 11, 5)),
    ("ok-mszczonow", "ops-mszczonow", "met", "manual", KI, date(2020, 9, 15)),
    ("mik", "ops-mszczonow", "met", "manual", KI, date(2020, 9, 15)),
    ("ok-mszczonow", "ops-mszczonow", "codesign", "initiative", KI, date(2020, 10, 13)),
    # Gmina Śmigiel and BLISKO (autumn 2023): the office's old ties, then the training.
    ("um-smigiel", "ck-smigiel", "cooperate", "manual", None, date(2015, 3, 1)),
    ("um-smigiel", "ops-smigiel", "cooperate", "manual", None, date(2016, 1, 15)),
    ("mbp-smigiel", "sp-czacz", "cooperate", "manual", None, date(2020, 9, 1)),
    ("ck-smigiel", "kgw-nietazkowo", "cooperate", "manual", None, date(2021, 6, 20)),
    ("mbp-smigiel", "kgw-nietazkowo", "met", "manual", BLISKO, date(2023, 10, 12)),
    ("mbp-smigiel", "osp-stare-bojanowo", "met", "manual", BLISKO, date(2023, 10, 12)),
    ("mbp-smigiel", "stow-przyjaciol-ziemi-smigielskiej", "met", "manual", BLISKO,
     date(2023, 10, 12)),
    ("ck-smigiel", "osp-stare-bojanowo", "met", "manual", BLISKO, date(2023, 10, 12)),
    ("ck-smigiel", "fundacja-smigielskie-wiatraki", "met", "manual", BLISKO, date(2023, 10, 12)),
    ("kgw-nietazkowo", "osp-stare-bojanowo", "met", "manual", BLISKO, date(2023, 10, 12)),
    ("um-smigiel", "stow-przyjaciol-ziemi-smigielskiej", "met", "manual", BLISKO,
     date(2023, 10, 12)),
    ("mbp-smigiel", "ck-smigiel", "agreement", "agreement", BLISKO, date(2023, 11, 20)),
    ("mbp-smigiel", "kgw-nietazkowo", "codesign", "initiative", BLISKO, date(2023, 12, 5)),
    ("osp-stare-bojanowo", "sp-czacz", "codesign", "initiative", BLISKO, date(2023, 12, 5)),
]


def _groups(programme: Programme, organisations: dict[str, Organisation]) -> None:
    for edition_name, start, end, group_name, members in KI_GROUPS:
        edition, _created = Edition.objects.get_or_create(
            programme=programme, name=edition_name,
            defaults={"start_date": start, "end_date": end})
        group = Group.objects.filter(edition=edition, name=group_name).first() or \
            Group.objects.create(edition=edition, name=group_name, area_rule="gmina")
        for slug in members:
            GroupMember.objects.get_or_create(group=group, organisation=organisations[slug])


@transaction.atomic
def load_matching_demo() -> int:
    """Create the seed-000 groups (if missing) and the demo relations; returns how many
    relations the demo defines. Raises LookupError when the demo directory is not loaded."""
    slugs = {s for row in RELATIONS for s in row[:2]} | {
        s for group in KI_GROUPS for s in group[4]}
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=slugs)}
    programmes = {p.slug: p for p in Programme.objects.filter(slug__in=[KI, BLISKO])}
    missing = sorted(slugs - set(organisations)) + sorted({KI, BLISKO} - set(programmes))
    if missing:
        raise LookupError(f"load the demo first (mosty demo); missing: {', '.join(missing)}")
    _groups(programmes[KI], organisations)
    for a, b, kind, origin, programme, when in RELATIONS:
        record_relation(organisations[a], organisations[b], kind, RelationOrigin(origin),
                        programme=programmes[programme] if programme else None, when=when)
    return len(RELATIONS)
