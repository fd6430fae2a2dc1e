"""Background work of agreements: the reminder before a signed agreement's review date.

`mosty send_agreement_reminders` (from cron, e.g. daily) queues them; `mosty db_worker`
sends them (inline in tests). Documents and e-mails are in Polish, like the agreement.
"""
from datetime import date, timedelta

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from mosty.agreements.models import Agreement, Status
from mosty.core.audit import log_action
from mosty.core.links import site_absolute

REVIEW_NOTICE = timedelta(days=14)


def _recipients(agreement: Agreement) -> list[str]:
    emails = [p.email for p in agreement.parties.all() if p.email]
    if agreement.created_by is not None and agreement.created_by.email:
        emails.append(agreement.created_by.email)
    return sorted(set(emails))


@task()
def send_review_reminder(agreement_id: int) -> bool:
    agreement = Agreement.objects.select_related("created_by").filter(
        pk=agreement_id, status=Status.SIGNED).first()
    if agreement is None or agreement.review_date is None:
        return False
    recipients = _recipients(agreement)
    if not recipients:
        return False
    with translation.override("pl"):
        context = {"agreement": agreement, "url": site_absolute(agreement.get_absolute_url())}
        subject = render_to_string("agreements/email/review_subject.txt", context)
        body = render_to_string("agreements/email/review.txt", context)
    EmailMessage(" ".join(subject.split()), body, to=recipients).send()
    log_action(None, "agreements.review.reminded", agreement, recipients=len(recipients))
    return True


def enqueue_due_reviews(today: date | None = None) -> int:
    """Queue one reminder per signed agreement whose review is within 14 days. Each row is
    claimed with a conditional UPDATE, so running it on several servers sends one."""
    today = today or timezone.localdate()
    due = Agreement.objects.filter(status=Status.SIGNED, review_reminded_at__isnull=True,
                                   review_date__gte=today,
                                   review_date__lte=today + REVIEW_NOTICE)
    queued = 0
    for pk in due.values_list("pk", flat=True):
        if Agreement.objects.filter(pk=pk, review_reminded_at__isnull=True).update(
                review_reminded_at=timezone.now()):
            send_review_reminder.enqueue(pk)
            queued += 1
    return queued
