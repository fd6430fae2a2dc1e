"""Deadline reminders: the team of an idea hears by e-mail when a funding source that fits
the idea closes soon. Run `mosty send_funding_reminders` daily; `mosty db_worker` sends."""
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from mosty.core.audit import log_action
from mosty.core.links import site_absolute
from mosty.initiatives.models import FundingReminder, FundingSource, Idea, IdeaStatus
from mosty.initiatives.workshop import matching_sources

REMIND_DAYS = 14
# Ideas still looking for money.
OPEN_STATUSES = (IdeaStatus.IDEA, IdeaStatus.DEVELOPED)


def _language(user: object) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    language = str(getattr(user, "language", "") or "").split("-")[0]
    return language if language in known else settings.LANGUAGE_CODE


@task()
def send_funding_reminder(reminder_id: int) -> int:
    """E-mail each person of the team once; returns how many were written to."""
    with transaction.atomic():
        reminder = FundingReminder.objects.select_for_update().filter(
            pk=reminder_id, sent_at__isnull=True).first()
        if reminder is None:
            return 0
        idea = Idea.objects.get(pk=reminder.idea_id)
        source = FundingSource.objects.get(pk=reminder.source_id)
        sent = 0
        for member in idea.team.select_related("user"):
            with translation.override(_language(member.user)):
                context = {"idea": idea, "source": source, "deadline": reminder.deadline,
                           "idea_url": site_absolute(idea.get_absolute_url())}
                subject = render_to_string("initiatives/email/deadline_subject.txt", context)
                body = render_to_string("initiatives/email/deadline.txt", context)
            EmailMessage(" ".join(subject.split()), body, to=[member.user.email]).send()
            sent += 1
        reminder.sent_at = timezone.now()
        reminder.save(update_fields=["sent_at"])
    log_action(None, "initiatives.funding.reminded", idea, source=source.pk, people=sent)
    return sent


def enqueue_funding_reminders(today: date | None = None) -> int:
    """Queue one reminder per open idea and fitting source whose deadline is within
    REMIND_DAYS; the unique row makes it safe to run on several servers at once."""
    today = today or timezone.localdate()
    soon = FundingSource.objects.filter(is_active=True, deadline__gte=today,
                                        deadline__lte=today + timedelta(days=REMIND_DAYS))
    if not soon.exists():
        return 0
    soon_ids = set(soon.values_list("pk", flat=True))
    queued = 0
    for idea in Idea.objects.filter(status__in=OPEN_STATUSES):
        for match in matching_sources(idea, today):
            deadline = match.source.deadline
            if not match.fits or match.source.pk not in soon_ids or deadline is None:
                continue
            try:
                with transaction.atomic():
                    reminder = FundingReminder.objects.create(
                        idea=idea, source=match.source, deadline=deadline)
            except IntegrityError:
                continue
            send_funding_reminder.enqueue(reminder.pk)
            queued += 1
    return queued
