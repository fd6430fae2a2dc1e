"""Relations between organisations and the partners an organisation hid from its list.

The recommendations themselves are not stored: they are computed from the directory by the
engine (``mosty.matching.engine``) through a per-process index (``index_cache``).
"""
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mosty.directory.models import Organisation
from mosty.programmes.models import Programme
from mosty.core.personal_data import Basis, Category, Erase, PersonalData, WITH_RECORD


class RelationKind(models.TextChoices):
    COOPERATE = "cooperate", _("cooperate")
    AGREEMENT = "agreement", _("signed an agreement")
    MET = "met", _("met at an event")
    CODESIGN = "codesign", _("co-designed a project")


# Kinds that mean "already working together": such partners leave the recommendations.
# Having only met at an event does not, so the recommendation can help to follow up.
COOPERATING_KINDS = (RelationKind.COOPERATE, RelationKind.AGREEMENT, RelationKind.CODESIGN)


class RelationOrigin(models.TextChoices):
    MANUAL = "manual", _("entered by hand")
    NETWORKING = "networking", _("speed networking")
    AGREEMENT = "agreement", _("cooperation agreement")
    INITIATIVE = "initiative", _("co-designed project")
    MEMBER = "member", _("marked by a member of the organisation")


class Relation(models.Model):
    """Two organisations know each other in some way (one row per pair and kind).

    The pair is unordered: ``org_a`` always has the smaller id, so (A, B) and (B, A) are the
    same row and the unique constraint makes recording it twice impossible.
    """

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who recorded a relation between organisations"), Basis.PUBLIC_TASK,
        WITH_RECORD, actors=("created_by",), erase=Erase.KEEP)

    org_a = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("organisation"))
    org_b = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("partner"))
    kind = models.CharField(_("kind"), max_length=12, choices=RelationKind.choices)
    origin = models.CharField(_("origin"), max_length=12, choices=RelationOrigin.choices,
                              default=RelationOrigin.MANUAL)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("programme"))
    # Not auto_now_add: automatic relations carry the date the meeting or signing happened,
    # and before/after maps of a programme compare these dates with its start and end.
    created_at = models.DateTimeField(_("since"), default=timezone.now, db_index=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("recorded by"))

    class Meta:
        verbose_name = _("relation between organisations")
        verbose_name_plural = _("relations between organisations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["org_a", "org_b", "kind"], name="unique_relation"),
            models.CheckConstraint(condition=models.Q(org_a__lt=models.F("org_b")),
                                   name="relation_pair_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.org_a_id}–{self.org_b_id} ({self.kind})"

    def other(self, organisation_id: int) -> int:
        """The id of the partner of ``organisation_id`` in this relation."""
        return self.org_b_id if organisation_id == self.org_a_id else self.org_a_id


class HiddenPartner(models.Model):
    """An organisation does not want to see ``partner`` among its recommendations."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who hid a suggested partner"), Basis.PUBLIC_TASK, WITH_RECORD,
        actors=("created_by",), erase=Erase.KEEP)

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("organisation"))
    partner = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+",
                                verbose_name=_("hidden partner"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("hidden by"))

    class Meta:
        verbose_name = _("hidden recommendation")
        verbose_name_plural = _("hidden recommendations")
        constraints = [models.UniqueConstraint(fields=["organisation", "partner"],
                                               name="unique_hidden_partner")]

    def __str__(self) -> str:
        return f"{self.organisation_id} hides {self.partner_id}"
