"""Programmes (public and not), their coordinators, and knowledge items in each scope."""
import pytest
from django.db import models

from mosty.accounts.models import Role
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.knowledge import services
from mosty.programmes.models import Programme, ProgrammeStaff


def make_programme(slug: str, public: bool) -> Programme:
    organiser = OrganisationFactory(name=f"Organizator {slug}")
    return Programme.objects.create(name=f"Program {slug}", slug=slug, organiser=organiser,
                                    is_public=public)


@pytest.fixture
def public_programme(db):
    return make_programme("jawny", True)


@pytest.fixture
def private_programme(db):
    return make_programme("niejawny", False)


@pytest.fixture
def programme_coordinator(private_programme, public_programme):
    user = UserFactory(role=Role.PARTICIPANT)
    for programme in (private_programme, public_programme):
        ProgrammeStaff.objects.create(programme=programme, user=user, role="coordinator")
    return user


@pytest.fixture
def other_coordinator(db):
    """Coordinates another programme only (global role participant)."""
    user = UserFactory(role=Role.PARTICIPANT)
    ProgrammeStaff.objects.create(programme=make_programme("inny", False), user=user,
                                  role="coordinator")
    return user


@pytest.fixture
def participant(db):
    return UserFactory(role=Role.PARTICIPANT)


@pytest.fixture
def items(public_programme, private_programme):
    """One of each kind globally and in the unpublished programme."""
    made: dict[str, models.Model] = {}
    made["term"] = services.create_term(None, services.TermData(
        term_pl="partnerstwo", term_en="partnership",
        definition_pl="Trwała forma współpracy.", definition_en="A lasting cooperation."))
    made["private_term"] = services.create_term(None, services.TermData(
        term_pl="partnerstwo lokalne", definition_pl="Tajna definicja partnerstwa.",
        programme=private_programme))
    made["practice"] = services.create_practice(None, services.PracticeData(
        title="Warsztaty partnerskie w Rydułtowach", who="OPS", what="Warsztaty dla JST i NGO.",
        contacts="Jan Kowalski, 600 100 200", municipality_code="2415031",
        sector_a="jst", sector_b="ngo", tags=("warsztaty",)))
    made["draft"] = services.create_practice(None, services.PracticeData(
        title="Szkic partnerstwa", who="OPS", what="Jeszcze nie gotowe.", status="draft"))
    made["private_practice"] = services.create_practice(None, services.PracticeData(
        title="Partnerstwo w niejawnym programie", who="GOPS", what="Opis.",
        programme=private_programme))
    made["publication"] = services.create_publication(None, services.PublicationData(
        title="Broszura o partnerstwie", kind="brochure", is_public=True))
    made["hidden_publication"] = services.create_publication(None, services.PublicationData(
        title="Raport roboczy o partnerstwie", kind="report", is_public=False))
    return made
