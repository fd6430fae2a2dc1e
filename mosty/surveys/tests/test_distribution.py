"""Invitations, event evaluations sent when the event ends, and the one reminder."""
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import UserFactory
from mosty.events.models import Registration
from mosty.surveys import answering, services
from mosty.surveys.answering import Given
from mosty.surveys.models import Invitation

pytestmark = pytest.mark.django_db(transaction=True)


def test_invitations_are_mailed_once_per_address(survey):
    assert services.invite(None, survey, ["A@example.org", "b@example.org", "a@example.org"]) == 2
    assert services.invite(None, survey, ["b@example.org", "c@example.org"]) == 1
    assert sorted(str(m.to[0]) for m in mail.outbox) == ["a@example.org", "b@example.org",
                                                    "c@example.org"]
    invitation = Invitation.objects.get(email="a@example.org")
    assert invitation.sent
    assert invitation.token in "".join(str(m.body) for m in mail.outbox)
    assert "Ankieta testowa" in mail.outbox[0].subject


def test_event_evaluation_goes_out_when_the_event_ends_with_one_reminder(event):
    people = [UserFactory() for _n in range(3)]
    now = timezone.now()
    for person in people:
        Registration.objects.create(event=event, user=person, status="confirmed", queued_at=now)
    Registration.objects.create(event=event, user=UserFactory(), status="cancelled",
                                queued_at=now)
    survey = services.set_status(None, services.create_evaluation(None, event), "open")
    # The event ended two hours ago.
    call_command("send_survey_invitations")
    assert sorted(str(m.to[0]) for m in mail.outbox) == sorted(str(p.email) for p in people)
    assert survey.invitations.count() == 3
    call_command("send_survey_invitations")  # nothing twice
    assert len(mail.outbox) == 3
    answered = survey.invitations.get(email=people[0].email)
    response = answering.start_response(survey, None, "klucz", answered)
    answering.save_page(response, survey.sections.all()[0], {"overall": Given(("5",))})
    answering.submit(response, answered)
    later = now + services.REMIND_AFTER + timedelta(minutes=1)
    assert services.send_event_evaluations(later) == 2
    reminders = mail.outbox[3:]
    assert sorted(str(m.to[0]) for m in reminders) == sorted(str(p.email) for p in people[1:])
    assert all("Przypomnienie" in m.subject or "Reminder" in m.subject for m in reminders)
    assert services.send_event_evaluations(later + timedelta(days=5)) == 0
    assert len(mail.outbox) == 5
    assert AuditEntry.objects.filter(action="surveys.evaluation.reminded").count() == 1


def test_evaluation_of_an_event_not_yet_over_waits(programme):
    from mosty.programmes.models import Event

    start = timezone.now() + timedelta(days=1)
    event = Event.objects.create(programme=programme, title="Jutro", slug="jutro",
                                 kind="workshop", start=start, end=start + timedelta(hours=2))
    survey = services.set_status(None, services.create_evaluation(None, event), "open")
    assert services.send_event_evaluations() == 0
    assert survey.invitations.count() == 0
