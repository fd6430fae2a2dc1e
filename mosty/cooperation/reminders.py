"""Deadline reminders for the offices: adopting next year's programme (by 30 November of the
year before) and the implementation report (by 31 May of the year after). Each is e-mailed
once, 30 days ahead, to the officials who edit the programme; `mosty cooperation_reminders`
runs it (daily from cron)."""
from datetime import date, timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from mosty.core.audit import log_action
from mosty.core.links import site_absolute
from mosty.cooperation import access
from mosty.cooperation.models import CooperationProgramme, Status

AHEAD = timedelta(days=30)
ADOPTION, REPORT = "adoption", "report"


def due(today: date) -> list[tuple[CooperationProgramme, str]]:
    """(programme, "adoption" | "report") for every reminder due on `today` and not sent."""
    found: list[tuple[CooperationProgramme, str]] = []
    programmes = CooperationProgramme.objects.select_related("territory", "implementation_report")
    for programme in programmes.filter(adoption_reminded_at__isnull=True) \
            .exclude(status=Status.ADOPTED).filter(year__in=(today.year, today.year + 1)):
        if today <= programme.adoption_deadline <= today + AHEAD:
            found.append((programme, ADOPTION))
    for programme in programmes.filter(report_reminded_at__isnull=True,
                                       year__in=(today.year - 1, today.year)):
        report = getattr(programme, "implementation_report", None)
        generated = report is not None and report.generated_at is not None
        if not generated and today <= programme.report_deadline <= today + AHEAD:
            found.append((programme, REPORT))
    return found


def send_due(today: date | None = None) -> int:
    """Send the reminders due today; returns how many e-mails went out."""
    today = today or timezone.localdate()
    sent = 0
    for programme, kind in due(today):
        with transaction.atomic():
            field = f"{kind}_reminded_at"
            claimed = CooperationProgramme.objects.filter(
                pk=programme.pk, **{f"{field}__isnull": True}).update(**{field: timezone.now()})
            if not claimed:
                continue  # Another run sent it.
            recipients = list(access.editors(programme.territory)
                              .exclude(email_confirmed_at__isnull=True))
            for user in recipients:
                with translation.override(user.language or "pl"):
                    context = {"programme": programme, "kind": kind, "user": user,
                               "url": site_absolute(programme.get_absolute_url())}
                    subject = render_to_string("cooperation/email/deadline_subject.txt",
                                               context)
                    body = render_to_string("cooperation/email/deadline.txt", context)
                send_mail(" ".join(subject.split()), body, None, [user.email])
                sent += 1
            log_action(None, f"cooperation.reminder.{kind}", programme,
                       recipients=[u.email for u in recipients])
    return sent
