"""Reminders a day before: queued by `send_reminders`, sent by the task, once each."""
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory
from mosty.events import services, tasks
from mosty.events.models import Registration
from mosty.events.tests.conftest import make_event

pytestmark = pytest.mark.django_db


def person():
    return MembershipFactory(organisation=OrganisationFactory(sector="ngo")).user


def run() -> str:
    out = StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


@pytest.fixture
def tomorrow(programme):
    return make_event(programme, "jutro", start=timezone.now() + timedelta(hours=20),
                      capacity=1)


def test_reminders_go_once_to_confirmed_people_of_events_within_a_day(programme, tomorrow):
    confirmed, waiting = person(), person()
    services.register(confirmed, tomorrow, language="pl")
    services.register(waiting, tomorrow)
    later = make_event(programme, "za-dwa-dni", start=timezone.now() + timedelta(hours=30))
    services.register(person(), later)
    mail.outbox.clear()
    assert run().strip() == "Reminders queued: 1"
    assert [m.to for m in mail.outbox] == [[confirmed.email]]
    assert tomorrow.title in mail.outbox[0].subject
    assert "tajny-pokoj" in mail.outbox[0].body  # confirmed people get the online link
    assert mail.outbox[0].attachments[0][0] == "jutro.ics"
    assert run().strip() == "Reminders queued: 0"
    assert len(mail.outbox) == 1
    assert Registration.objects.get(user=confirmed).reminder_sent_at is not None
    assert AuditEntry.objects.filter(action="events.reminder.sent").count() == 1


def test_the_task_itself_sends_at_most_once(tomorrow):
    registration = services.register(person(), tomorrow)
    assert tasks.send_reminder.call(registration.pk) is True
    assert tasks.send_reminder.call(registration.pk) is False
    assert len(mail.outbox) == 1


def test_a_lost_queue_entry_is_queued_again_after_an_hour(tomorrow):
    registration = services.register(person(), tomorrow)
    Registration.objects.filter(pk=registration.pk).update(
        reminder_queued_at=timezone.now() - timedelta(minutes=30))
    assert tasks.enqueue_due_reminders() == 0
    Registration.objects.filter(pk=registration.pk).update(
        reminder_queued_at=timezone.now() - timedelta(hours=2))
    assert tasks.enqueue_due_reminders() == 1
    assert len(mail.outbox) == 1


def test_cancelled_people_get_no_reminder(tomorrow):
    someone = person()
    services.register(someone, tomorrow)
    services.cancel(someone, tomorrow)
    assert tasks.enqueue_due_reminders() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(("language", "weekday_names"), [
    ("en", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
    ("pl", ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]),
    ("", ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]),
])
def test_the_email_is_in_the_language_of_the_recipient(tomorrow, language, weekday_names):
    registration = services.register(person(), tomorrow)
    Registration.objects.filter(pk=registration.pk).update(language=language)
    tasks.enqueue_due_reminders()
    weekday = weekday_names[timezone.localtime(tomorrow.start).weekday()]
    assert weekday.lower() in mail.outbox[0].body.lower()


def test_an_account_language_wins_when_mosty_stores_one(tomorrow):
    registration = services.register(person(), tomorrow, language="pl")
    registration.user.language = "en"  # chosen with the language switch
    assert tasks.mail_language(registration) == "en"
