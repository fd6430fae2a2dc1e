"""Fixtures of the matching app's Django tests: a planted directory and programme roles.

Nothing here is autouse, so the engine's own tests (test_engine*.py) stay database-free.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pytest

from mosty.accounts.models import Role
from mosty.directory.models import Organisation
from mosty.directory.services import refresh_search_text
from mosty.directory.tests.factories import OrganisationFactory, ResourceFactory, UserFactory
from mosty.programmes.models import Edition, Group, GroupMember, Programme, ProgrammeStaff

SMIGIEL = "3011053"
KOSCIAN = "3011011"  # same powiat (kościański), another gmina
POZNAN = "3064011"  # same voivodeship
WARSZAWA = "1465011"  # another voivodeship



def make_org(name: str, sector: str, kind: str, teryt: str | None,
             offers: Sequence[tuple[str, str]] = (), needs: Sequence[tuple[str, str]] = (),
             slug: str | None = None) -> Organisation:
    """An organisation with resources, saved the way the directory's services do it."""
    extra = {"slug": slug} if slug else {}
    org = OrganisationFactory.create(name=name, sector=sector, kind=kind, municipality_id=teryt,
                                     **extra)
    for kind_, items in (("offer", offers), ("need", needs)):
        for category, text in items:
            ResourceFactory(organisation=org, kind=kind_, category=category, description=text)
    refresh_search_text(org)  # moves updated_at, as every profile change does
    return org


@dataclass
class Planted:
    library: Organisation  # public institution in Śmigiel (the `organisation` fixture)
    osp: Organisation  # NGO in Śmigiel: complements the library both ways
    bakery: Organisation  # business in Śmigiel: offers what the OSP needs, nothing more
    ngo_twin: Organisation  # another NGO in Śmigiel, same sector as the OSP
    koscian: Organisation  # business in the same powiat
    poznan: Organisation  # university in the same voivodeship
    warsaw: Organisation  # foundation in another voivodeship
    abroad: Organisation  # no municipality: never matched


@pytest.fixture
def planted(organisation: Organisation, other_organisation: Organisation) -> Planted:
    osp = other_organisation
    for kind, category, text in (
            ("offer", "volunteers", "strażacy ochotnicy do pomocy przy festynach i imprezach"),
            ("offer", "equipment", "namiot i ławki na imprezy plenerowe"),
            ("need", "space", "sala na zebrania i szkolenia strażaków"),
            ("need", "promotion", "promocja naboru do młodzieżowej drużyny pożarniczej")):
        ResourceFactory(organisation=osp, kind=kind, category=category, description=text)
    refresh_search_text(osp)
    return Planted(
        library=organisation, osp=osp,
        bakery=make_org("Piekarnia Śmigielska", "business", "company", SMIGIEL,
                        offers=[("funding", "nagrody rzeczowe i słodki poczęstunek na festyny")],
                        needs=[("promotion", "reklama w lokalnych mediach")]),
        ngo_twin=make_org("Stowarzyszenie Seniorów Śmigla", "ngo", "association", SMIGIEL,
                          offers=[("volunteers", "seniorzy do pomocy przy festynie")],
                          needs=[("space", "sala na spotkania seniorów")]),
        koscian=make_org("Drukarnia Kościańska", "business", "company", KOSCIAN,
                         offers=[("promotion", "druk plakatów i ulotek")],
                         needs=[("space", "sala na szkolenie pracowników")]),
        poznan=make_org("Uniwersytet Poznański", "academia", "university", POZNAN,
                        offers=[("volunteers", "studenci wolontariusze do pomocy przy festynach")],
                        needs=[("contacts", "partnerzy w powiatach")]),
        warsaw=make_org("Fundacja Warszawska", "ngo", "foundation", WARSZAWA,
                        offers=[("volunteers", "wolontariusze do pomocy przy festynach")],
                        needs=[("space", "sala na konferencję dla 60 osób")]),
        abroad=make_org("Stiftung Berlin", "ngo", "foundation", None,
                        offers=[("volunteers", "wolontariusze do pomocy przy festynie")]),
    )


@pytest.fixture
def programme_setup(planted: Planted) -> dict:
    """A programme (2023) with one group of the library and the OSP, and its coordinator."""
    programme = Programme.objects.create(
        name="Razem w Śmiglu", slug="razem-w-smiglu", organiser=planted.library,
        start_date=date(2023, 3, 1), end_date=date(2023, 11, 30))
    edition = Edition.objects.create(programme=programme, name="2023",
                                     start_date=date(2023, 3, 1), end_date=date(2023, 11, 30))
    group = Group.objects.create(edition=edition, name="Grupa Śmigiel")
    for org in (planted.library, planted.osp, planted.bakery):
        GroupMember.objects.create(group=group, organisation=org)
    coordinator = UserFactory(role=Role.PARTICIPANT, email="koordynatorka-programu@example.org")
    ProgrammeStaff.objects.create(programme=programme, user=coordinator, role="coordinator")
    return {"programme": programme, "group": group, "coordinator": coordinator}
