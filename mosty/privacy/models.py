"""Consents, data archives, erasures and retention warnings (RODO)."""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mosty.core.personal_data import UNTIL_ERASED, Basis, Category, Erase, PersonalData
from mosty.privacy.texts import Purpose


class Consent(models.Model):
    """One consent: given at `given_at` to the text `version`, withdrawn at `withdrawn_at`.

    Withdrawing keeps the row: the controller must be able to show that consent was given
    (art. 7(1) RODO). Giving it again makes a new row.
    """

    PERSONAL_DATA = PersonalData(
        Category.CONSENT, _("proof of consents given and withdrawn"), Basis.LEGAL_OBLIGATION,
        _("as long as the processing they allowed, plus the limitation period of claims"),
        person=("user",), erase=Erase.KEEP)

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=30, choices=Purpose.choices)
    version = models.CharField(_("text version"), max_length=30)
    given_at = models.DateTimeField(_("given"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]
        indexes = [models.Index(fields=["user", "purpose", "withdrawn_at"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} {self.version}"


def export_path(instance: "DataExport", filename: str) -> str:
    return f"privacy/exports/{uuid.uuid4().hex}.zip"


class DataExport(models.Model):
    """An archive of everything Mosty holds about a person, built in the background."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    PERSONAL_DATA = PersonalData(
        Category.TECHNICAL, _("archives of a person's data they asked for"), Basis.LEGAL_OBLIGATION,
        _("the file is deleted when its link expires"), person=("user",), fields=("file",),
        erase=Erase.DELETE, expires="expires_at")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="data_exports")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(upload_to=export_path, blank=True, max_length=200)
    created_at = models.DateTimeField(_("asked"))
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"


class Erasure(models.Model):
    """That an account was erased, when and why; it points to the anonymised account."""

    PERSONAL_DATA = PersonalData(
        Category.ACCOUNT, _("proof that an account was erased"), Basis.LEGAL_OBLIGATION,
        UNTIL_ERASED, person=("user",), erase=Erase.KEEP)

    class Reason(models.TextChoices):
        REQUEST = "request", _("at the person's request")
        UNCONFIRMED = "unconfirmed", _("the e-mail address was never confirmed")
        INACTIVE = "inactive", _("the account was not used")

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="erasure")
    reason = models.CharField(max_length=20, choices=Reason.choices)
    erased_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.user_id} {self.reason}"


class RetentionNotice(models.Model):
    """A warning e-mailed before an unconfirmed or unused account is removed."""

    PERSONAL_DATA = PersonalData(
        Category.ACCOUNT, _("warnings before removing unused accounts"), Basis.LEGAL_OBLIGATION,
        UNTIL_ERASED, person=("user",), erase=Erase.DELETE)

    class Kind(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("unconfirmed account")
        INACTIVE = "inactive", _("inactive account")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="retention_notices")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.sent_at:%Y-%m-%d}"
