from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from mosty.core.personal_data import Basis, Category, Erase, PersonalData


def own_field(model: type[models.Model] | models.Model, name: str) -> models.Field:
    """The field `name` declared on `model` itself, never a reverse relation: the kind that
    holds a value to clean or record."""
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), f"{name} is not a field of {model._meta.label}"
    return field


class AuditEntry(models.Model):
    """Who changed what and when; written by service functions, read in the admin."""

    PERSONAL_DATA = PersonalData(
        Category.AUDIT, _("accountability: who changed what and when"), Basis.LEGAL_OBLIGATION,
        _("5 years, then deleted by the operator"), person=("user",),
        fields=("object_repr", "data"), erase=Erase.KEEP)

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+", verbose_name=_("user"))
    action = models.CharField(_("action"), max_length=100)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class Deletion(models.Model):
    """Rows just deleted, kept for a few minutes so that the person can undo it
    (mosty.core.undo): the deleted row and what its deletion took with it, serialised, and
    the stored files, which stay until the entry expires."""

    PERSONAL_DATA = PersonalData(
        Category.CONTENT, _("undoing a deletion for a few minutes"), Basis.CONTRACT,
        _("10 minutes, then deleted"), person=("user",), fields=("label", "rows"),
        erase=Erase.DELETE)

    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="+", verbose_name=_("user"))
    label = models.CharField(_("what was deleted"), max_length=300)
    back_url = models.CharField(_("page to return to"), max_length=500)
    rows = models.JSONField(_("deleted rows"), default=list)
    files = models.JSONField(_("stored files"), default=list)
    # Rows the deletion left in place but unlinked (on_delete=SET_NULL): [model, pk, field,
    # the key it held], so that undoing links them again.
    relinks = models.JSONField(_("unlinked rows"), default=list)

    class Meta:
        verbose_name = _("deletion that can be undone")
        verbose_name_plural = _("deletions that can be undone")

    def __str__(self) -> str:
        return self.label
