"""E-mails to applicants, sent by the task queue (inline in tests and small installations)."""
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from mosty.core.links import site_absolute
from mosty.recruitment.models import Application

KINDS = ("submitted", "accepted", "waitlisted", "rejected")


def _subject(kind: str, call_title: str) -> str:
    return {
        "submitted": _("Application received: %(call)s"),
        "accepted": _("Your application has been accepted: %(call)s"),
        "waitlisted": _("Your application is on the waiting list: %(call)s"),
        "rejected": _("Decision on your application: %(call)s"),
    }[kind] % {"call": call_title}


@task()
def send_application_email(application_id: int, kind: str, language: str) -> None:
    """Tell the applicant their application was received, or what was decided."""
    if kind not in KINDS:
        raise ValueError(f"unknown e-mail kind {kind!r}")
    application = Application.objects.select_related(
        "call__edition__programme", "applicant", "organisation", "partner").get(pk=application_id)
    url = site_absolute(reverse("recruitment:application", args=[application.pk]))
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = _subject(kind, application.call.title)
        body = render_to_string("recruitment/email/application.txt", {
            "kind": kind, "application": application, "call": application.call,
            "programme": application.call.edition.programme, "url": url})
    send_mail(subject, body, None, [application.applicant.email])
