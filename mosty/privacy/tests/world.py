"""One person with something in every corner of Mosty, for the archive and erasure tests."""
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, cast

from django.core.files.base import ContentFile
from django.utils import timezone

from mosty.accounts.models import User
from mosty.api.models import ApiToken
from mosty.core.audit import log_action
from mosty.directory.models import ContactPerson, Membership
from mosty.directory.tests.factories import OrganisationFactory, UserFactory
from mosty.events.models import CalendarFeed, Registration, RegistrationStatus
from mosty.networking.models import NetworkingSession, Participant
from mosty.privacy import services
from mosty.privacy.texts import Purpose
from mosty.programmes.models import Edition, Event, Programme
from mosty.recruitment.choices import QuestionKind
from mosty.recruitment.models import Application, ApplicationFile, Question, RecruitmentCall

EMAIL = "ewa.kowalska@example.org"
NAME = "Ewa Kowalska"
PHONE = "+48 600 700 800"


@dataclass
class World:
    person: Any
    organisation: Any
    draft: Application
    submitted: Application
    draft_file: ApplicationFile
    submitted_file: ApplicationFile
    attended: Registration
    upcoming: Registration
    participant: Participant


def build_world() -> World:
    now = timezone.now()
    person = cast(User, UserFactory(email=EMAIL, full_name=NAME, phone=PHONE))
    organisation = OrganisationFactory(name="Stowarzyszenie Mosty", email=EMAIL)
    Membership.objects.create(user=person, organisation=organisation, position="prezeska")
    ContactPerson.objects.create(organisation=organisation, name=NAME, email=EMAIL, phone=PHONE)
    ApiToken.issue(person, "laptop")
    CalendarFeed.objects.create(user=person, token="t" * 32)
    services.give_consent(person, Purpose.TERMS)
    services.give_consent(person, Purpose.NEWSLETTER)
    log_action(person, "accounts.signed_up", person, email=EMAIL)

    programme = Programme.objects.create(name="Mosty 2026", slug="mosty-2026",
                                         organiser=OrganisationFactory(name="Urząd Gminy"))
    edition = Edition.objects.create(programme=programme, name="2026")
    calls = [RecruitmentCall.objects.create(
        edition=edition, title=f"Nabór {n}", opens_at=now - timedelta(days=30),
        deadline=now + timedelta(days=10), is_published=True) for n in (1, 2)]
    questions = [Question.objects.create(call=call, position=1, kind=QuestionKind.FILE,
                                         label="Deklaracja", file_types=["pdf"])
                 for call in calls]
    answers = {"motivation": f"Jestem {NAME}, piszcie na {EMAIL}."}
    draft = Application.objects.create(call=calls[0], applicant=person, answers=answers)
    submitted = Application.objects.create(call=calls[1], applicant=person, answers=answers,
                                           status="submitted", submitted_at=now)
    files = []
    for application, question in ((draft, questions[0]), (submitted, questions[1])):
        attachment = ApplicationFile(application=application, question=question,
                                     original_name="deklaracja-ewy.pdf", size=9, file_type="pdf")
        attachment.file.save("deklaracja.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        files.append(attachment)

    held = Event.objects.create(programme=programme, title="Warsztat 1", slug="w1",
                                kind="workshop", start=now - timedelta(days=5),
                                end=now - timedelta(days=5) + timedelta(hours=3))
    coming = Event.objects.create(programme=programme, title="Warsztat 2", slug="w2",
                                  kind="workshop", start=now + timedelta(days=5),
                                  end=now + timedelta(days=5, hours=3))
    attended = Registration.objects.create(event=held, user=person, queued_at=now,
                                           status=RegistrationStatus.CONFIRMED,
                                           attended_at=held.start)
    upcoming = Registration.objects.create(event=coming, user=person, queued_at=now,
                                           status=RegistrationStatus.CONFIRMED)
    session = NetworkingSession.objects.create(event=held, title="Networking", created_by=person)
    participant = Participant.objects.create(session=session, user=person, name=NAME,
                                             email=EMAIL, phone=PHONE, about="Szukam partnera",
                                             organisation_name="Stowarzyszenie Mosty")
    return World(person, organisation, draft, submitted, files[0], files[1], attended, upcoming,
                 participant)
