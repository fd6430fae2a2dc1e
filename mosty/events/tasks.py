"""Background work of events: e-mails about invitations, places and reminders.

Run by `mosty db_worker` (inline in tests). Every e-mail is written in the recipient's
language: the account's language if Mosty stores one, else the one used when registering,
else Polish.
"""
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from mosty.core.audit import log_action
from mosty.core.links import site_absolute
from mosty.events.calendar import event_calendar
from mosty.events.models import Registration, RegistrationStatus

MAIL_KINDS = ("invited", "promoted", "reminder")
# A reminder queued this long ago and still unsent is queued again (its job was lost);
# sending is guarded by reminder_sent_at, so the person still gets one e-mail.
REQUEUE_AFTER = timedelta(hours=1)


def mail_language(registration: Registration) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    for candidate in (getattr(registration.user, "language", ""), registration.language):
        if candidate and candidate.split("-")[0] in known:
            return candidate.split("-")[0]
    return settings.LANGUAGE_CODE


def _send(registration: Registration, kind: str) -> None:
    event = registration.event
    with translation.override(mail_language(registration)):
        context = {"registration": registration, "event": event, "user": registration.user,
                   "event_url": site_absolute(event.get_absolute_url()),
                   "mine_url": site_absolute(reverse("events:mine")),
                   "online_link": event.online_link
                   if registration.status == RegistrationStatus.CONFIRMED else "",
                   "start": timezone.localtime(event.start),
                   "end": timezone.localtime(event.end)}
        subject = render_to_string(f"events/email/{kind}_subject.txt", context)
        body = render_to_string(f"events/email/{kind}.txt", context)
        message = EmailMessage(" ".join(subject.split()), body, to=[registration.user.email])
        message.attach(f"{event.slug}.ics", event_calendar([event], event.title, site_absolute),
                       "text/calendar")
    message.send()


def _registration(registration_id: int) -> Registration | None:
    return Registration.objects.select_related("event__programme", "user") \
        .prefetch_related("event__agenda_items").filter(pk=registration_id).first()


@task()
def send_registration_mail(registration_id: int, kind: str) -> bool:
    """An invitation, or the news that a place came free for someone on the waiting list."""
    registration = _registration(registration_id)
    expected = {"invited": RegistrationStatus.INVITED, "promoted": RegistrationStatus.CONFIRMED}
    if registration is None or registration.status != expected.get(kind):
        return False  # Things changed since it was queued (e.g. declined); nothing to say.
    _send(registration, kind)
    return True


@task()
def send_reminder(registration_id: int) -> bool:
    """The reminder a day before; sent at most once per registration."""
    with transaction.atomic():
        locked = Registration.objects.select_for_update().filter(
            pk=registration_id, reminder_sent_at__isnull=True,
            status=RegistrationStatus.CONFIRMED).first()
        if locked is None:
            return False
        registration = _registration(registration_id)
        assert registration is not None
        if registration.event.start <= timezone.now():
            return False
        _send(registration, "reminder")
        Registration.objects.filter(pk=registration_id).update(reminder_sent_at=timezone.now())
    log_action(None, "events.reminder.sent", registration, event=registration.event.slug)
    return True


def enqueue_due_reminders(now: datetime | None = None) -> int:
    """Queue a reminder for each confirmed registration of an event starting within 24 hours
    that has not had one. Claiming each row with a conditional UPDATE makes it safe to run
    from cron on several servers at once."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        Q(reminder_queued_at__isnull=True) | Q(reminder_queued_at__lt=now - REQUEUE_AFTER),
        status=RegistrationStatus.CONFIRMED, reminder_sent_at__isnull=True,
        event__start__gt=now, event__start__lte=now + timedelta(hours=24))
    queued = 0
    for pk, claimed_before in due.values_list("pk", "reminder_queued_at"):
        claimed = Registration.objects.filter(pk=pk, reminder_queued_at=claimed_before,
                                              reminder_sent_at__isnull=True) \
            .update(reminder_queued_at=now)
        if claimed:
            send_reminder.enqueue(pk)
            queued += 1
    return queued
