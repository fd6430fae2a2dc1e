"""E-mails of the directory, sent by the task queue (inline in tests and small installations)."""
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from mosty.accounts.models import User
from mosty.core.links import site_absolute


@task()
def send_invitation(invitation_id: int) -> None:
    """Tell the invited person how to join; written in their language if they have one."""
    from mosty.directory.models import MembershipInvitation

    invitation = MembershipInvitation.objects.select_related("organisation", "invited_by") \
        .filter(pk=invitation_id).first()
    if invitation is None:
        return  # withdrawn before the queue got to it
    account = User.objects.filter(email__iexact=invitation.email).first()
    language = (account.language if account else "") or settings.LANGUAGE_CODE
    with translation.override(language):
        where = site_absolute(reverse("accounts:profile" if account else "accounts:signup"))
        subject = _("Invitation to %(organisation)s in Mosty") % {
            "organisation": invitation.organisation.name}
        body = _("%(person)s invites you to keep the profile of %(organisation)s in Mosty up to "
                 "date. Log in with this e-mail address (or create an account with it) and "
                 "accept the invitation on your account page:\n\n%(url)s\n") % {
            "person": invitation.invited_by or _("A member"),
            "organisation": invitation.organisation.name, "url": where}
    send_mail(subject, body, None, [invitation.email])


@task()
def run_directory_import(import_id: int) -> None:
    """A big directory import, queued by mosty.directory.importer.queue_import."""
    from mosty.directory.importer import run_queued_import

    run_queued_import(import_id)
