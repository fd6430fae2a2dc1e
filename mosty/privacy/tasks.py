"""Background work of privacy: building archives and the e-mails about them and retention."""
from datetime import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django_tasks import task

from mosty.core.links import site_absolute


@task()
def build_data_export(export_id: int) -> None:
    from mosty.privacy.services import build_export

    build_export(export_id)


@task()
def send_export_ready(export_id: int) -> None:
    """The link to the archive, in the person's language."""
    from mosty.privacy.models import DataExport
    from mosty.privacy.services import export_token

    export = DataExport.objects.select_related("user").filter(
        pk=export_id, status=DataExport.Status.READY).first()
    if export is None or export.expires_at is None:
        return
    user = export.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        url = site_absolute(reverse("privacy:download", args=[export_token(export)]))
        subject = _("Your data from Mosty is ready")
        body = _("Hello,\n\nthe archive of your data you asked for is ready. Download it (you "
                 "need to be logged in) until %(until)s:\n\n%(url)s\n\nIf you did not ask for "
                 "it, change your password.\n") % {
            "url": url, "until": formats.date_format(export.expires_at, "DATETIME_FORMAT")}
    send_mail(subject, body, None, [user.email])


@task()
def send_retention_warning(user_id: int, kind: str, deadline: str) -> None:
    """Tell the person what will happen to their account and how to keep it."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    when = datetime.fromisoformat(deadline)
    with translation.override(user.language or settings.LANGUAGE_CODE):
        login = site_absolute(reverse("accounts:login"))
        day = formats.date_format(when, "DATE_FORMAT")
        if kind == "unconfirmed":
            subject = _("Confirm your e-mail address or your Mosty account will be removed")
            body = _("Hello,\n\nyou created a Mosty account with this address but never "
                     "confirmed it. Unless you confirm it, the account will be removed on "
                     "%(day)s. Log in and have a new confirmation link sent from your account "
                     "page:\n\n%(url)s\n") % {"day": day, "url": login}
        else:
            subject = _("Your Mosty account will be anonymised")
            body = _("Hello,\n\nyou have not used your Mosty account for a long time. We keep "
                     "personal data only as long as needed, so on %(day)s the account will be "
                     "anonymised. To keep it, just log in before then:\n\n%(url)s\n") % {
                "day": day, "url": login}
    send_mail(subject, body, None, [user.email])
