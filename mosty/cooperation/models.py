"""The municipality's annual programme of cooperation with NGOs (roczny program współpracy),
its public consultation and its implementation report; the dialogue bodies (KDO, RDPP).

A programme's chapters are the elements art. 5a ust. 4 of the act on public benefit activity
and volunteering requires (`Element`, in the order of the usual resolution); each chapter
holds numbered paragraphs. Paragraphs keep a `key` for life, so comments made on one stay
attached to it through later versions of the draft.
"""
import uuid
from datetime import date
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _, pgettext_lazy

from mosty.core.personal_data import (
    WITH_RECORD, Basis, Category, Erase, NoPersonalData, PersonalData)
from mosty.directory.models import Organisation, Territory
from mosty.programmes.models import Event


class Element(models.TextChoices):
    """The elements of art. 5a ust. 4, in the order the chapters appear."""

    GOALS = "goals", _("Main goal and specific goals")
    PRINCIPLES = "principles", _("Principles of cooperation")
    SCOPE = "scope", _("Subject scope")
    FORMS = "forms", _("Forms of cooperation")
    PRIORITIES = "priorities", _("Priority public tasks")
    PERIOD = "period", _("Period of implementation")
    METHOD = "method", _("Method of implementation")
    FUNDS = "funds", _("Planned funds")
    EVALUATION = "evaluation", _("Method of evaluating implementation")
    CREATION = "creation", _("How the programme was created and how the consultation went")
    COMMITTEES = "committees", _("How grant committees are appointed and work")


ELEMENT_ORDER = list(Element.values)


class Status(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("cooperation programme", "draft")
    CONSULTATION = "consultation", _("draft under public consultation")
    FINAL = "final", _("final draft")
    ADOPTED = "adopted", _("adopted")


def opinion_path(instance: "CooperationProgramme", filename: str) -> str:
    return f"cooperation/{instance.pk}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class CooperationProgramme(models.Model):
    territory = models.ForeignKey(Territory, on_delete=models.PROTECT,
                                  related_name="cooperation_programmes",
                                  verbose_name=_("local government unit"))
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("started from"))
    # Set when the draft is first published for consultation (or the programme adopted):
    # from then on everyone sees the programme, also if it goes back to being a draft.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    consultation_start = models.DateField(_("consultation opens"), null=True, blank=True)
    consultation_end = models.DateField(_("consultation closes"), null=True, blank=True)
    meetings = models.ManyToManyField(Event, blank=True, related_name="cooperation_programmes",
                                      verbose_name=_("consultation meetings"))
    # Comments become public with the consultation report.
    report_published_at = models.DateTimeField(_("consultation report published"), null=True,
                                               blank=True)
    opinion_file = models.FileField(_("opinion of the public benefit council"),
                                    upload_to=opinion_path, max_length=250, blank=True)
    opinion_file_type = models.CharField(max_length=10, blank=True)
    resolution_number = models.CharField(_("resolution number"), max_length=60, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    # When the office was reminded of the deadlines (mosty.cooperation.reminders).
    adoption_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    report_reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Moves forward on every change of the text; detects concurrent edits.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("cooperation programme")
        verbose_name_plural = _("cooperation programmes")
        ordering = ["territory__name", "-year"]
        constraints = [models.UniqueConstraint(fields=["territory", "year"],
                                               name="one_cooperation_programme_a_year")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:detail", args=[self.pk])

    @property
    def is_public(self) -> bool:
        return self.published_at is not None

    @property
    def adoption_deadline(self) -> date:
        """Adopted by 30 November of the year before (art. 5a ust. 1)."""
        return date(self.year - 1, 11, 30)

    @property
    def report_deadline(self) -> date:
        """The implementation report goes to the council and is published by 31 May of the
        year after (art. 5a ust. 3)."""
        return date(self.year + 1, 5, 31)

    def consultation_open_on(self, day: date) -> bool:
        return (self.status == Status.CONSULTATION and self.report_published_at is None
                and self.consultation_start is not None
                and self.consultation_end is not None
                and self.consultation_start <= day <= self.consultation_end)


class Paragraph(models.Model):
    programme = models.ForeignKey(CooperationProgramme, on_delete=models.CASCADE,
                                  related_name="paragraphs")
    element = models.CharField(_("chapter"), max_length=20, choices=Element.choices)
    position = models.PositiveSmallIntegerField(default=1)
    text = models.TextField(_("text"))
    # The same paragraph in every version of the draft (and of a copy made from it).
    key = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["programme", "position"]
        constraints = [models.UniqueConstraint(fields=["programme", "key"],
                                               name="one_paragraph_key_a_programme")]

    def __str__(self) -> str:
        return self.text[:60]


class DraftVersion(models.Model):
    """The text of the draft as it stood at one moment: when the consultation opened, or when
    the official saved a version."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who saved a version of a cooperation programme"),
        Basis.PUBLIC_TASK, WITH_RECORD, actors=("created_by",), erase=Erase.KEEP)

    programme = models.ForeignKey(CooperationProgramme, on_delete=models.CASCADE,
                                  related_name="versions")
    number = models.PositiveSmallIntegerField()
    label = models.CharField(_("label"), max_length=200, blank=True)
    # [{"key": …, "element": …, "text": …}] in document order.
    paragraphs = models.JSONField(default=list)
    # Versions saved before the draft was first published are the office's working copies.
    public = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("version of the draft")
        verbose_name_plural = _("versions of the draft")
        ordering = ["programme", "number"]
        constraints = [models.UniqueConstraint(fields=["programme", "number"],
                                               name="one_draft_version_number")]

    def __str__(self) -> str:
        return f"{self.programme} v{self.number}"


class CommentKind(models.TextChoices):
    COMMENT = "comment", pgettext_lazy("consultation comment", "comment")
    WORDING = "wording", _("new wording proposed")


class Decision(models.TextChoices):
    ACCEPTED = "accepted", pgettext_lazy("consultation comment", "accepted")
    PARTLY = "partly", pgettext_lazy("consultation comment", "partly accepted")
    REJECTED = "rejected", pgettext_lazy("consultation comment", "rejected")


class Comment(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.CONTENT, _("comments in consultations of cooperation programmes"),
        Basis.LEGAL_OBLIGATION, WITH_RECORD, person=("author",), actors=("answered_by",),
        fields=("text", "proposed_text"), erase=Erase.KEEP)

    programme = models.ForeignKey(CooperationProgramme, on_delete=models.CASCADE,
                                  related_name="comments")
    paragraph = models.ForeignKey(Paragraph, null=True, blank=True, on_delete=models.PROTECT,
                                  related_name="comments", verbose_name=_("paragraph"))
    # The chapter the comment is about (a paragraph's chapter, or one a new paragraph is
    # proposed for).
    element = models.CharField(_("chapter"), max_length=20, choices=Element.choices)
    # The paragraph's text when the comment was made (later versions may change it).
    paragraph_text = models.TextField(blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=CommentKind.choices,
                            default=CommentKind.COMMENT)
    text = models.TextField(_("comment"))
    proposed_text = models.TextField(_("proposed wording"), blank=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="cooperation_comments",
                                     verbose_name=_("on behalf of"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    decision = models.CharField(_("answer"), max_length=10, choices=Decision.choices,
                                blank=True)
    reason = models.TextField(_("reason"), blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("consultation comment")
        verbose_name_plural = _("consultation comments")
        ordering = ["programme", "created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.text[:50]}"


class ImplementationReport(models.Model):
    """The figures the official enters for the report on the programme's implementation;
    the rest of the report comes from recorded data."""

    programme = models.OneToOneField(CooperationProgramme, on_delete=models.CASCADE,
                                     related_name="implementation_report")
    open_competitions = models.PositiveIntegerField(_("open competitions held"), default=0)
    offers_received = models.PositiveIntegerField(_("offers received"), default=0)
    grants_given = models.PositiveIntegerField(_("grants given"), default=0)
    grants_amount = models.DecimalField(_("amount of grants (PLN)"), max_digits=14,
                                        decimal_places=2, default=0)
    small_grants = models.PositiveIntegerField(_("small grants (art. 19a)"), default=0)
    small_grants_amount = models.DecimalField(_("amount of small grants (PLN)"),
                                              max_digits=14, decimal_places=2, default=0)
    tasks_commissioned = models.PositiveIntegerField(_("public tasks commissioned"),
                                                     default=0)
    notes = models.TextField(_("other information"), blank=True)
    generated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("implementation report")
        verbose_name_plural = _("implementation reports")

    def __str__(self) -> str:
        return str(self.programme)


class BodyKind(models.TextChoices):
    KDO = "kdo", _("civic dialogue commission (KDO)")
    RDPP = "rdpp", _("public benefit council (RDPP)")
    OTHER = "other", _("other advisory body")


class DialogueBody(models.Model):
    """An advisory body of civic dialogue at the office: a civic dialogue commission (KDO) or
    the public benefit council (art. 41a of the act)."""

    PERSONAL_DATA = NoPersonalData("names of dialogue bodies")

    territory = models.ForeignKey(Territory, on_delete=models.PROTECT,
                                  related_name="dialogue_bodies",
                                  verbose_name=_("local government unit"))
    kind = models.CharField(_("kind"), max_length=10, choices=BodyKind.choices)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    term_start = models.DateField(_("term of office from"), null=True, blank=True)
    term_end = models.DateField(_("term of office until"), null=True, blank=True)
    meetings = models.ManyToManyField(Event, blank=True, related_name="dialogue_bodies",
                                      verbose_name=_("meetings"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dialogue body")
        verbose_name_plural = _("dialogue bodies")
        ordering = ["territory__name", "kind", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("cooperation:body", args=[self.pk])


class BodyMember(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.MEMBERSHIP, _("members of dialogue bodies"), Basis.PUBLIC_TASK, WITH_RECORD,
        fields=("person", "function"), erase=Erase.KEEP)

    body = models.ForeignKey(DialogueBody, on_delete=models.CASCADE, related_name="members")
    person = models.CharField(_("person"), max_length=200)
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("organisation"))
    function = models.CharField(_("function"), max_length=120, blank=True)
    term_start = models.DateField(_("member from"), null=True, blank=True)
    term_end = models.DateField(_("member until"), null=True, blank=True)

    class Meta:
        verbose_name = _("member of a dialogue body")
        verbose_name_plural = _("members of dialogue bodies")
        ordering = ["body", "person"]

    def __str__(self) -> str:
        return self.person
