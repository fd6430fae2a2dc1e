"""Cooperation agreements (porozumienia o współpracy): parties, terms, versions, approvals."""
import secrets
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mosty.directory.models import Organisation, Resource
from mosty.initiatives.models import Idea
from mosty.matching.models import Relation
from mosty.programmes.models import Event, Group, Programme
from mosty.core.personal_data import Basis, Category, Erase, PROGRAMME_ARCHIVE, PersonalData


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    AGREED = "agreed", _("agreed")
    SIGNED = "signed", _("signed")
    ENDED = "ended", _("ended")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def _file_path(instance: "Agreement", filename: str, folder: str) -> str:
    # A random folder: files are served only through the access check.
    name = PurePath(filename).name[-100:]
    return f"agreements/{folder}/{secrets.token_hex(8)}/{name}"


def scan_path(instance: "Agreement", filename: str) -> str:
    return _file_path(instance, filename, "signed")


def template_path(instance: "Agreement", filename: str) -> str:
    return _file_path(instance, filename, "templates")


# The text fields of an agreement, in the order of the document; each becomes a section.
TERM_FIELDS = ("purpose", "scope", "work_plan", "indicators", "communication", "disputes",
               "exit_terms", "personal_data", "attachments_note")


class Agreement(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who prepared an agreement"), Basis.PUBLIC_TASK, PROGRAMME_ARCHIVE,
        actors=("created_by",), erase=Erase.KEEP)

    title = models.CharField(_("title"), max_length=255)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="agreements", verbose_name=_("programme"))
    group = models.ForeignKey(Group, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="agreements", verbose_name=_("group"))
    source_event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="agreements",
                                     verbose_name=_("created from the conclusions of"))
    source_idea = models.ForeignKey(Idea, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+",
                                    verbose_name=_("created from the project idea"))
    recommendations = models.TextField(_("recommendations it is based on"), blank=True)
    place = models.CharField(_("place of signing"), max_length=200, blank=True)
    purpose = models.TextField(_("purpose of the cooperation (shared objectives)"), blank=True)
    scope = models.TextField(_("scope and forms of cooperation"), blank=True)
    work_plan = models.TextField(_("activities and work plan"), blank=True)
    indicators = models.TextField(_("indicators of success"), blank=True)
    communication = models.TextField(_("coordinators and communication"), blank=True)
    start_date = models.DateField(_("in force from"), null=True, blank=True)
    end_date = models.DateField(_("in force until"), null=True, blank=True,
                                help_text=_("Leave empty for an indefinite period."))
    review_date = models.DateField(_("review date"), null=True, blank=True,
                                   help_text=_("When the parties look at how the cooperation "
                                               "works; Mosty reminds them beforehand."))
    disputes = models.TextField(_("how disputes are solved"), blank=True)
    exit_terms = models.TextField(_("how a party leaves the agreement"), blank=True)
    personal_data = models.TextField(_("personal data and use of logos"), blank=True)
    attachments_note = models.TextField(_("attachments"), blank=True,
                                        help_text=_("One attachment per line."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    # Raised by every saved change: a form sent with an older number was edited meanwhile.
    version = models.PositiveIntegerField(default=1)
    template = models.FileField(_("own DOCX template"), upload_to=template_path, blank=True,
                                max_length=255)
    signed_scan = models.FileField(_("signed scan"), upload_to=scan_path, blank=True,
                                   max_length=255)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    relation = models.ForeignKey(Relation, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("relation on the map"))
    review_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("created by"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("cooperation agreement")
        verbose_name_plural = _("cooperation agreements")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", args=[self.pk])


class Party(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.AGREEMENT, _("representatives of the parties of agreements"),
        Basis.LEGAL_OBLIGATION, PROGRAMME_ARCHIVE, actors=("approved_by",),
        fields=("representative", "function", "email", "coordinator"), erase=Erase.KEEP)

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="agreement_parties",
                                     verbose_name=_("organisation"))
    representative = models.CharField(_("representative"), max_length=200, blank=True)
    function = models.CharField(_("function of the representative"), max_length=200,
                                blank=True)
    email = models.EmailField(_("representative's e-mail"), blank=True)
    objectives = models.TextField(_("this party's objectives"), blank=True)
    role = models.TextField(_("role and tasks"), blank=True)
    coordinator = models.CharField(_("coordinator (name and contact)"), max_length=300,
                                   blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("approved by"))
    approved_version = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["agreement", "organisation"],
                                               name="unique_agreement_party")]

    def __str__(self) -> str:
        return str(self.organisation)


class ContributionKind(models.TextChoices):
    IN_KIND = "in_kind", _("in kind")
    STAFF = "staff", _("staff work")
    MONEY = "money", _("money")


class Contribution(models.Model):
    party = models.ForeignKey(Party, on_delete=models.CASCADE, related_name="contributions")
    kind = models.CharField(_("kind"), max_length=10, choices=ContributionKind.choices)
    description = models.CharField(_("description"), max_length=500)
    resource = models.ForeignKey(Resource, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("from the profile"))
    amount = models.DecimalField(_("amount (PLN)"), max_digits=12, decimal_places=2,
                                 null=True, blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.description


class Version(models.Model):
    """The agreement's text as it was after one saved change."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who saved a version of an agreement"), Basis.PUBLIC_TASK,
        PROGRAMME_ARCHIVE, actors=("created_by",), erase=Erase.KEEP)

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"],
                                               name="unique_agreement_version")]

    def __str__(self) -> str:
        return f"{self.agreement} v{self.number}"
