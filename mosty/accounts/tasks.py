"""E-mails of accounts, sent by the task queue (inline in tests and small installations)."""
from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from mosty.core.links import site_absolute


@task()
def send_confirmation_email(user_id: int, token: str) -> None:
    """The link that confirms the address, in the person's language."""
    from mosty.accounts.models import User
    from mosty.accounts.services import CONFIRMATION_MAX_AGE

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or user.email_confirmed:
        return
    with translation.override(user.language or settings.LANGUAGE_CODE):
        url = site_absolute(reverse("accounts:confirm_email", args=[token]))
        subject = _("Confirm your e-mail address in Mosty")
        body = _("Hello,\n\nsomeone (hopefully you) created a Mosty account with this e-mail "
                 "address. Open this link to confirm that the address is yours:\n\n%(url)s\n\n"
                 "The link is valid for %(days)s days. Until you open it you can use Mosty, "
                 "but you cannot join organisations or apply in their name.\n\nIf it was not you, "
                 "ignore this message.\n") % {"url": url, "days": CONFIRMATION_MAX_AGE.days}
    send_mail(subject, body, None, [user.email])
