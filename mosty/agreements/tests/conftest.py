"""Seed 000 in small: the Ostrów Mazowiecka group (a culture centre and a social-assistance
centre) after its third workshop, and one person in each role of the access matrix."""
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from mosty.accounts.models import Role, User
from mosty.agreements import services
from mosty.agreements.models import Agreement, ContributionKind
from mosty.directory.tests.factories import (
    MembershipFactory, OrganisationFactory, ResourceFactory, UserFactory)
from mosty.events.models import Conclusions
from mosty.programmes.models import (
    Edition, Event, Group, GroupMember, Programme, ProgrammeStaff, StaffRole)

ROLES = ["anonymous", "party_member", "outsider_member", "facilitator", "coordinator",
         "other_coordinator", "staff"]
SEE = {"party_member", "facilitator", "coordinator", "staff"}
MANAGE = {"coordinator", "staff"}
RECOMMENDATIONS = ("Raz w miesiącu zajęcia artystyczne MDK dla seniorów w świetlicy MOPS.\n"
                   "Pracownicy socjalni przekazują zaproszenia na wydarzenia domu kultury.")


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def mdk(db):
    org = OrganisationFactory(name="Miejski Dom Kultury w Ostrowi Mazowieckiej",
                              slug="mdk-ostrow-mazowiecka", sector="public_institution",
                              kind="culture_centre", municipality_id="1416011",
                              address="07-300 Ostrów Mazowiecka")
    ResourceFactory(organisation=org, category="expertise",
                    description="instruktorzy zajęć plastycznych, teatralnych i tanecznych")
    return org


@pytest.fixture
def mops(db):
    org = OrganisationFactory(name="Miejski Ośrodek Pomocy Społecznej w Ostrowi Mazowieckiej",
                              slug="mops-ostrow-mazowiecka", sector="public_institution",
                              kind="social_assistance", municipality_id="1416011")
    ResourceFactory(organisation=org, category="space",
                    description="świetlica klubu seniora na 25 osób")
    return org


@pytest.fixture
def programme(db):
    organiser = OrganisationFactory(name="Mazowiecki Instytut Kultury", slug="mik",
                                    sector="public_institution", kind="culture_institute")
    return Programme.objects.create(name="Kultura: Inicjatywy", slug="kultura-inicjatywy",
                                    organiser=organiser)


@pytest.fixture
def other_programme(db):
    return Programme.objects.create(name="Razem dla Regionu", slug="razem-dla-regionu",
                                    organiser=OrganisationFactory(name="Klub Myśli Społecznej"))


@pytest.fixture
def group(programme, mdk, mops):
    edition = Edition.objects.create(programme=programme, name="2019")
    group = Group.objects.create(edition=edition, name="grupa Ostrów Mazowiecka (2019)")
    GroupMember.objects.create(group=group, organisation=mdk)
    GroupMember.objects.create(group=group, organisation=mops)
    return group


@pytest.fixture
def workshop(programme, group):
    start = timezone.now() - timedelta(days=3)
    event = Event.objects.create(
        programme=programme, edition=group.edition, group=group, kind="workshop",
        slug="ki-2019-ostrow-warsztat-3", start=start, end=start + timedelta(hours=5),
        title="Warsztat 3: Podsumowanie wypracowanego modelu współpracy", audience="group")
    Conclusions.objects.create(event=event, conclusions="Znamy swoje zasoby.",
                               recommendations=RECOMMENDATIONS)
    return event


@pytest.fixture
def users(programme, other_programme, mdk):
    people: dict[str, Any] = {"anonymous": None}
    people["party_member"] = UserFactory(role=Role.PARTICIPANT)
    MembershipFactory(user=people["party_member"], organisation=mdk)
    people["outsider_member"] = UserFactory(role=Role.PARTICIPANT)
    MembershipFactory(user=people["outsider_member"], organisation=OrganisationFactory())
    people["facilitator"] = UserFactory(role=Role.FACILITATOR)
    ProgrammeStaff.objects.create(programme=programme, user=people["facilitator"],
                                  role=StaffRole.FACILITATOR)
    people["coordinator"] = UserFactory(role=Role.COORDINATOR)
    ProgrammeStaff.objects.create(programme=programme, user=people["coordinator"],
                                  role=StaffRole.COORDINATOR)
    people["other_coordinator"] = UserFactory(role=Role.COORDINATOR)
    ProgrammeStaff.objects.create(programme=other_programme, user=people["other_coordinator"],
                                  role=StaffRole.COORDINATOR)
    people["staff"] = UserFactory(role=Role.COORDINATOR, is_staff=True)
    return people


@pytest.fixture
def agreement(workshop, users) -> Agreement:
    return services.create_from_conclusions(users["coordinator"], workshop)


def complete(agreement: Agreement, actor: User | None = None) -> Agreement:
    """Fill in every element of the checklist."""
    agreement = services.update_terms(actor, agreement, services.Terms(
        title=agreement.title, place="Ostrów Mazowiecka", purpose="Kultura dla seniorów.",
        scope=RECOMMENDATIONS, work_plan="Pierwszy wtorek miesiąca.",
        indicators="15 seniorów na zajęciach.", communication="Spotkania raz na kwartał.",
        start_date=timezone.localdate(), review_date=timezone.localdate() + timedelta(days=10),
        disputes="Polubownie.", exit_terms="Wypowiedzenie z miesięcznym wyprzedzeniem."),
        agreement.version)
    for party in agreement.parties.select_related("organisation"):
        services.update_party(actor, party, services.PartyDetails(
            representative=f"Przedstawiciel {party.position}", function="dyrektor(ka)",
            email=f"strona{party.position}@example.org", objectives="Nowi odbiorcy.",
            role="Prowadzi zajęcia."))
        resource = party.organisation.resources.first()
        services.add_contribution(actor, party, services.ContributionDetails(
            kind=ContributionKind.IN_KIND, description="", resource_id=resource.pk))
    agreement.refresh_from_db()
    return agreement
