"""A programme (not public), its coordinator and facilitator, two teams' people and an idea."""
import pytest

from mosty.accounts.models import Role
from mosty.directory.tests.factories import (
    MembershipFactory, OrganisationFactory, ResourceFactory, UserFactory)
from mosty.initiatives import services
from mosty.programmes.models import Programme, ProgrammeStaff


def person(organisation, **extra):
    user = UserFactory(role=Role.PARTICIPANT, **extra)
    MembershipFactory(user=user, organisation=organisation)
    return user


@pytest.fixture
def programme(db):
    organiser = OrganisationFactory(name="Biblioteka organizator", sector="public_institution",
                                    kind="library")
    return Programme.objects.create(name="BLISKO test", slug="blisko-test", organiser=organiser,
                                    is_public=False)


@pytest.fixture
def other_programme(db):
    organiser = OrganisationFactory(name="Inny organizator")
    return Programme.objects.create(name="Inny program", slug="inny", organiser=organiser,
                                    is_public=False)


@pytest.fixture
def library(db):
    return OrganisationFactory(name="Biblioteka w Śmiglu", sector="public_institution",
                               kind="library", municipality_id="3011053")


@pytest.fixture
def kgw(db):
    org = OrganisationFactory(name="KGW Nietążkowo", sector="ngo", kind="rural_women_circle",
                              municipality_id="3011053")
    ResourceFactory(organisation=org, kind="offer", category="volunteers",
                    description="gospodynie upieką ciasta na festyn")
    return org


@pytest.fixture
def osp(db):
    org = OrganisationFactory(name="OSP Stare Bojanowo", sector="ngo", kind="fire_brigade",
                              municipality_id="3011053")
    ResourceFactory(organisation=org, kind="offer", category="space",
                    description="sala remizy na 40 osób")
    return org


@pytest.fixture
def author(library):
    return person(library)


@pytest.fixture
def teammate(kgw):
    return person(kgw)


@pytest.fixture
def osp_member(osp):
    return person(osp)


@pytest.fixture
def facilitator(programme):
    user = UserFactory(role=Role.FACILITATOR)
    ProgrammeStaff.objects.create(programme=programme, user=user, role="facilitator")
    return user


@pytest.fixture
def programme_coordinator(programme):
    user = UserFactory(role=Role.PARTICIPANT)
    ProgrammeStaff.objects.create(programme=programme, user=user, role="coordinator")
    return user


@pytest.fixture
def other_coordinator(other_programme):
    user = UserFactory(role=Role.PARTICIPANT)
    ProgrammeStaff.objects.create(programme=other_programme, user=user, role="coordinator")
    return user


@pytest.fixture
def idea(programme, author, library, teammate, kgw):
    made = services.create_idea(author, services.IdeaData(
        "Czytanie pod remizą", "Wieczory czytania dla seniorów.", programme=programme), library)
    services.add_member(author, made, teammate, kgw)
    services.save_section(author, made, "problem", "Seniorzy z wiosek nie przychodzą do "
                          "biblioteki.")
    return made
