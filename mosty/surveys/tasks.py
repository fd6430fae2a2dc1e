"""Background work of surveys: invitation and reminder e-mails, and the answer files of big
surveys (run by `mosty db_worker`, inline in tests). Each e-mail is written in the
invitee's language."""
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from mosty.core.links import site_absolute
from mosty.surveys.models import Invitation


def _language(invitation: Invitation) -> str:
    known = {code for code, _name in settings.LANGUAGES}
    for candidate in (getattr(invitation.user, "language", ""), invitation.language):
        if candidate and candidate.split("-")[0] in known:
            return candidate.split("-")[0]
    return settings.LANGUAGE_CODE


@task()
def send_invitation(invitation_id: int, kind: str) -> bool:
    """The invitation ("invitation") or the one reminder ("reminder"); nothing is sent to
    someone who has answered, and a reminder goes out at most once."""
    with transaction.atomic():
        # of=("self",): PostgreSQL cannot lock the nullable side of the joins to event and user.
        invitation = Invitation.objects.select_for_update(of=("self",)).select_related(
            "survey__event", "user").filter(pk=invitation_id, answered=False).first()
        if invitation is None or not invitation.survey.is_open:
            return False
        if kind == "reminder" and invitation.reminded:
            return False
        survey = invitation.survey
        with translation.override(_language(invitation)):
            context = {"survey": survey, "invitation": invitation,
                       "url": site_absolute(invitation.get_absolute_url()),
                       "reminder": kind == "reminder"}
            subject = render_to_string("surveys/email/invitation_subject.txt", context)
            body = render_to_string("surveys/email/invitation.txt", context)
        EmailMessage(" ".join(subject.split()), body, to=[invitation.email]).send()
        field = "reminded" if kind == "reminder" else "sent"
        setattr(invitation, field, True)
        invitation.save(update_fields=[field])
    return True


@task()
def build_answer_export(export_id: int) -> None:
    """The XLSX or CSV of a big survey's answers (mosty.surveys.exports)."""
    from mosty.surveys.exports import build_export

    build_export(export_id)
