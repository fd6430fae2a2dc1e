"""The start page: what each person sees on it, what they must not, and its query count."""
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mosty.accounts.models import Role, User
from mosty.agreements.models import Agreement, Party, Status as AgreementStatus
from mosty.cooperation.models import CooperationProgramme, Status as CooperationStatus
from mosty.core.tests.test_architecture import import_graph
from mosty.directory.models import Organisation
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from mosty.events.models import Registration, RegistrationStatus
from mosty.home.start import StepStatus, start_page
from mosty.programmes.models import (
    Edition, Event, Group, GroupMember, Programme, ProgrammeStaff, StaffRole)
from mosty.recruitment.models import Application, RecruitmentCall, Review
from mosty.surveys.models import Invitation, Survey, SurveyStatus

pytestmark = pytest.mark.django_db

WARSAW = ZoneInfo("Europe/Warsaw")
POZNAN = "3064011"


@dataclass
class World:
    coordinator: User
    facilitator: User
    participant: User
    outsider: User
    official: User
    programme: Programme
    organisation: Organisation


def _programme(organiser: Organisation, name: str, coordinator: User, facilitator: User,
               participant: User, organisation: Organisation) -> Programme:
    """A programme with everything a start page lists: an upcoming event the participant is
    registered to, an open call with their draft and another organisation's submitted
    application, a survey inviting them, a draft agreement their organisation must approve
    and an agreed one waiting for the signing."""
    now = timezone.now()
    slug = name.lower().replace(" ", "-")
    programme = Programme.objects.create(name=name, slug=slug, organiser=organiser,
                                         description="Opis.", goals="Cel")
    ProgrammeStaff.objects.create(programme=programme, user=coordinator,
                                  role=StaffRole.COORDINATOR)
    ProgrammeStaff.objects.create(programme=programme, user=facilitator,
                                  role=StaffRole.FACILITATOR)
    edition = Edition.objects.create(programme=programme, name="2027")
    group = Group.objects.create(edition=edition, name=f"Grupa {name}")
    GroupMember.objects.create(group=group, organisation=organisation)
    start = datetime(2094, 3, 11, 10, 0, tzinfo=WARSAW)  # a Thursday
    event = Event.objects.create(programme=programme, title=f"Warsztat {name}",
                                 slug=f"warsztat-{slug}", kind="workshop", start=start,
                                 end=start + timedelta(hours=4), place="Biblioteka, Śmigiel")
    Registration.objects.create(event=event, user=participant, queued_at=now,
                                status=RegistrationStatus.CONFIRMED)
    call = RecruitmentCall.objects.create(edition=edition, title=f"Nabór {name}",
                                          opens_at=now - timedelta(days=1),
                                          deadline=now + timedelta(days=20), is_published=True)
    Application.objects.create(call=call, applicant=participant, status="draft")
    other = UserFactory.create()
    Application.objects.create(call=call, applicant=other, status="submitted",
                               submitted_at=now)
    survey = Survey.objects.create(programme=programme, title_pl=f"Ankieta {name}",
                                   slug=f"ankieta-{slug}", status=SurveyStatus.OPEN)
    Invitation.objects.create(survey=survey, email=participant.email, user=participant)
    draft = Agreement.objects.create(title=f"Porozumienie {name}", programme=programme)
    Party.objects.create(agreement=draft, organisation=organisation, position=1)
    Party.objects.create(agreement=draft, organisation=organiser, position=2,
                         approved_at=now)
    Agreement.objects.create(title=f"Uzgodnione {name}", programme=programme,
                             status=AgreementStatus.AGREED)
    return programme


@pytest.fixture
def world(db) -> World:
    organiser = OrganisationFactory.create(name="Biblioteka Publiczna", kind="library",
                                           sector="public_institution")
    organisation = OrganisationFactory.create(name="Stowarzyszenie Sąsiedzi",
                                              municipality_id=POZNAN)
    confirmed = {"email_confirmed_at": timezone.now()}
    coordinator = UserFactory.create(role=Role.COORDINATOR, **confirmed)
    facilitator = UserFactory.create(role=Role.FACILITATOR, **confirmed)
    participant = UserFactory.create(role=Role.PARTICIPANT, **confirmed)
    outsider = UserFactory.create(role=Role.PARTICIPANT, **confirmed)
    official = UserFactory.create(role=Role.OFFICIAL, **confirmed)
    MembershipFactory.create(user=coordinator, organisation=organiser)
    MembershipFactory.create(user=participant, organisation=organisation)
    MembershipFactory.create(user=official, organisation=OrganisationFactory.create(
        name="Urząd Miasta Poznania", sector="jst", kind="municipal_office",
        municipality_id=POZNAN))
    programme = _programme(organiser, "Blisko", coordinator, facilitator, participant,
                           organisation)
    today = timezone.localdate()
    CooperationProgramme.objects.create(
        territory_id=POZNAN, year=today.year + 1, title="Program współpracy Poznania",
        status=CooperationStatus.CONSULTATION, published_at=timezone.now(),
        consultation_start=today - timedelta(days=1), consultation_end=today + timedelta(days=6))
    return World(coordinator, facilitator, participant, outsider, official, programme,
                 organisation)


def _page(client, user: User) -> str:
    client.force_login(user)
    response = client.get(reverse("home:start"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_participant_sees_their_organisation_programme_event_and_what_is_due(
        client, world):
    body = _page(client, world.participant)
    assert "Stowarzyszenie Sąsiedzi" in body
    assert 'data-testid="taking-part"' in body
    assert world.programme.get_absolute_url() in body
    # The event with its place and its date and time in Polish.
    assert "Czwartek, 11 marca 2094, 10:00</time>–14:00" in body
    assert "Biblioteka, Śmigiel" in body
    assert "Czekają na ciebie 4 sprawy." in body
    for due in ("due-drafts", "due-surveys", "due-approvals", "due-consultations"):
        assert f'data-testid="{due}"' in body
    assert reverse("surveys:invitation", args=[Invitation.objects.get().token]) in body
    assert "Program współpracy Poznania" in body
    # Nothing of those who run the programme.
    for private in ("due-reviews", "due-signatures", "run-programme"):
        assert private not in body


def test_the_coordinator_sees_the_programme_with_its_next_steps(client, world):
    body = _page(client, world.coordinator)
    assert 'data-programme="blisko"' in body
    assert 'data-testid="due-signatures"' in body
    assert "Uzgodnione Blisko" in body
    page = start_page(world.coordinator)
    steps = {step.key: step.status for step in page.running[0].steps}
    assert steps == {"describe": StepStatus.DONE, "edition": StepStatus.DONE,
                     "recruit": StepStatus.DONE, "groups": StepStatus.DONE,
                     "events": StepStatus.DONE, "evaluate": StepStatus.DONE,
                     "agreements": StepStatus.TODO}
    assert 'class="task-list"' in body
    assert "do zrobienia" in body


def test_steps_follow_the_data(world):
    empty = Programme.objects.create(name="Nowy", slug="nowy",
                                     organiser=world.programme.organiser)
    ProgrammeStaff.objects.create(programme=empty, user=world.coordinator,
                                  role=StaffRole.COORDINATOR)
    page = start_page(world.coordinator)
    steps = {step.key: step for step in
             next(run for run in page.running if run.programme == empty).steps}
    assert {key: step.status for key, step in steps.items()} == {
        "describe": StepStatus.TODO, "edition": StepStatus.TODO,
        "recruit": StepStatus.BLOCKED, "groups": StepStatus.BLOCKED,
        "events": StepStatus.TODO, "evaluate": StepStatus.BLOCKED,
        "agreements": StepStatus.BLOCKED}
    assert steps["edition"].url == reverse("programmes:edition_create", args=["nowy"])
    # After an event has taken place, evaluating can start.
    Event.objects.filter(programme=world.programme).update(programme=empty,
        start=timezone.now() - timedelta(days=2), end=timezone.now() - timedelta(days=1))
    run = next(r for r in start_page(world.coordinator).running if r.programme == empty)
    assert {s.key: s.status for s in run.steps}["evaluate"] == StepStatus.TODO


def test_the_facilitator_has_applications_to_score_and_no_steps(client, world):
    body = _page(client, world.facilitator)
    assert 'data-testid="due-reviews"' in body
    assert "1 zgłoszenie jeszcze bez twojej oceny" in body
    page = start_page(world.facilitator)
    assert [(run.manages, run.steps) for run in page.running] == [(False, [])]
    Review.objects.create(application=Application.objects.get(status="submitted"),
                          reviewer=world.facilitator, total=5)
    assert start_page(world.facilitator).reviews == []


def test_the_official_sees_the_comments_to_answer(client, world):
    programme = CooperationProgramme.objects.get()
    programme.comments.create(element="goals", text="Uwaga", organisation=world.organisation)
    body = _page(client, world.official)
    assert 'data-testid="due-comments"' in body
    assert "1 uwaga bez odpowiedzi" in body


def test_nothing_of_others_reaches_an_outsider(client, world):
    body = _page(client, world.outsider)
    assert "Nic na ciebie teraz nie czeka." in body
    for other in ("Blisko", "Ankieta", "Porozumienie", "Nabór", "Sąsiedzi"):
        assert other not in body
    # An invitation made out to an address opens on the page only once it is confirmed.
    survey = Survey.objects.get()
    Invitation.objects.create(survey=survey, email=world.outsider.email.upper())
    assert len(start_page(world.outsider).invitations) == 1
    world.outsider.email_confirmed_at = None
    world.outsider.save()
    assert start_page(world.outsider).invitations == []


def _count(client, user: User) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home:start")).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_data(client, world):
    people = (world.coordinator, world.facilitator, world.participant, world.official)
    before = [_count(client, person) for person in people]
    for name in ("Drugi", "Trzeci", "Czwarty"):
        _programme(world.programme.organiser, name, world.coordinator, world.facilitator,
                   world.participant, world.organisation)
    after = [_count(client, person) for person in people]
    assert after == before
    assert len(start_page(world.coordinator).running) == 4


def test_login_lands_on_the_start_page(client, world):
    response = client.post(reverse("accounts:login"), {
        "username": world.participant.email, "password": "haslo-testowe-123"})
    assert response["Location"] == reverse("home:start")


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(reverse("home:start"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_no_app_imports_the_start_page():
    assert [app for app, others in import_graph().items() if "home" in others] == []
