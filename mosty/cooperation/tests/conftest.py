"""Poznań's office with its official, an official of another gmina, a Poznań NGO with a member,
and programmes: a complete one and a draft under consultation."""
from datetime import timedelta

import pytest
from django.utils import timezone

from mosty.accounts.models import Role
from mosty.cooperation import services
from mosty.cooperation.models import CooperationProgramme, Element
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory

POZNAN = "3064011"
SMIGIEL = "3011053"


def texts() -> dict[str, list[str]]:
    """One or two paragraphs for every required element."""
    made = {value: [f"Treść rozdziału {label}."] for value, label in Element.choices}
    made[Element.GOALS] = ["Cel główny: partnerska współpraca.", "Cele szczegółowe: dialog."]
    return made


def write(programme: CooperationProgramme, chapters: dict[str, list[str]]) -> None:
    for element, paragraphs in chapters.items():
        services.save_chapter(None, programme, element, paragraphs)


@pytest.fixture
def poznan_office(db):
    return OrganisationFactory(name="Urząd Miasta Poznania", sector="jst",
                               kind="municipal_office", municipality_id=POZNAN)


@pytest.fixture
def poznan_official(poznan_office):
    user = UserFactory(role=Role.OFFICIAL, full_name="Jan Urzędnik")
    MembershipFactory(user=user, organisation=poznan_office)
    return user


@pytest.fixture
def other_official(db):
    """An official of another gmina's office."""
    office = OrganisationFactory(name="Urząd Miejski w Śmiglu", sector="jst",
                                 kind="municipal_office", municipality_id=SMIGIEL)
    user = UserFactory(role=Role.OFFICIAL)
    MembershipFactory(user=user, organisation=office)
    return user


@pytest.fixture
def ngo(db):
    return OrganisationFactory(name="Fundacja Zielona Wilda", sector="ngo", kind="foundation",
                               municipality_id=POZNAN)


@pytest.fixture
def ngo_member(ngo):
    user = UserFactory(role=Role.PARTICIPANT, full_name="Natalia Wróbel")
    MembershipFactory(user=user, organisation=ngo)
    return user


@pytest.fixture
def other_ngo_member(db):
    user = UserFactory(role=Role.PARTICIPANT)
    MembershipFactory(user=user, organisation=OrganisationFactory(
        name="Stowarzyszenie Sąsiedzkie", sector="ngo", municipality_id=POZNAN))
    return user


@pytest.fixture
def programme_2019(db):
    programme = services.start_programme(None, POZNAN, 2019)
    write(programme, texts())
    return programme


@pytest.fixture
def draft(programme_2019):
    """2020's draft, copied from 2019's and open for consultation from yesterday."""
    programme = services.start_programme(None, POZNAN, 2020, copy_from=programme_2019)
    today = timezone.localdate()
    services.open_consultation(None, programme, today - timedelta(days=1),
                               today + timedelta(days=20))
    return programme


@pytest.fixture
def comment(draft, ngo, ngo_member):
    paragraph = draft.paragraphs.get(element=Element.FORMS)
    return services.add_comment(ngo_member, draft, services.CommentData(
        organisation_id=ngo.pk, paragraph_id=paragraph.pk, text="Dopiszcie użyczanie sal."))
