"""Recruitment calls, their application forms, applications and their reviews."""
import uuid
from datetime import datetime
from pathlib import PurePath

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mosty.directory.models import Organisation
from mosty.programmes.models import AreaRule, Edition, GroupMember, Programme
from mosty.recruitment.choices import ApplicantMode, FileType, QuestionKind, Status
from mosty.core.personal_data import (
    Basis, Category, Erase, NoPersonalData, PROGRAMME_ARCHIVE, WITH_RECORD, PersonalData,
)


class RecruitmentCall(models.Model):
    """A call for applications to one edition of a programme."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="calls",
                                verbose_name=_("edition"))
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("applications open"))
    deadline = models.DateTimeField(_("deadline"),
                                    help_text=_("Date and time (Polish time) after which "
                                                "nothing can be submitted."))
    is_published = models.BooleanField(_("published"), default=False,
                                       help_text=_("Unpublished calls are seen only by the "
                                                   "programme's coordinators and facilitators."))
    allowed_sectors = models.JSONField(_("sectors that may apply"), default=list, blank=True)
    allowed_kinds = models.JSONField(_("kinds of organisation that may apply"), default=list,
                                     blank=True)
    applicant_mode = models.CharField(_("who applies"), max_length=10,
                                      choices=ApplicantMode.choices, default=ApplicantMode.SINGLE)
    pair_area_rule = models.CharField(_("a pair must come from"), max_length=12,
                                      choices=AreaRule.choices, blank=True)
    max_applications = models.PositiveIntegerField(
        _("most applications"), null=True, blank=True,
        help_text=_("Submissions stop when this many have been received. Empty: no limit."))
    max_accepted = models.PositiveIntegerField(
        _("most accepted"), null=True, blank=True,
        help_text=_("No more applications can be accepted past this. Empty: no limit."))
    score_max = models.PositiveSmallIntegerField(
        _("highest score"), default=10,
        help_text=_("Used when the call has no scoring criteria: each reviewer gives one "
                    "score from 0 to this number."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recruitment call")
        verbose_name_plural = _("recruitment calls")
        ordering = ["-deadline", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(deadline__gt=models.F("opens_at")),
                                              name="call_deadline_after_opening")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("recruitment:call", args=[self.pk])

    @property
    def programme(self) -> Programme:
        return self.edition.programme

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now <= self.deadline

    def phase(self, now: datetime | None = None) -> str:
        """"upcoming", "open" or "closed" (for labels and the API)."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now <= self.deadline else "closed"

    @property
    def takes_pairs(self) -> bool:
        return self.applicant_mode in (ApplicantMode.PAIR, ApplicantMode.EITHER)


class Question(models.Model):
    """One question of a call's application form; attachments are questions of kind "file"."""

    call = models.ForeignKey(RecruitmentCall, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind of answer"), max_length=20, choices=QuestionKind.choices,
                            default=QuestionKind.TEXT)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    options = models.JSONField(_("options"), default=list, blank=True)
    max_size_mb = models.PositiveSmallIntegerField(_("largest file (MB)"), default=5)
    file_types = models.JSONField(_("allowed file types"), default=list, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label

    @property
    def is_file(self) -> bool:
        return self.kind == QuestionKind.FILE

    @property
    def key(self) -> str:
        """The key of this question's answer in Application.answers (JSON keys are strings)."""
        return str(self.pk)

    @property
    def file_type_labels(self) -> list[str]:
        labels = dict(FileType.choices)
        return [str(labels.get(value, value)) for value in self.file_types]


class Criterion(models.Model):
    """A scoring criterion: each reviewer gives 0 to `max_points` points."""

    PERSONAL_DATA = NoPersonalData("names of scoring criteria")

    call = models.ForeignKey(RecruitmentCall, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("criterion"), max_length=200)
    max_points = models.PositiveSmallIntegerField(_("most points"), default=5)

    class Meta:
        verbose_name = _("scoring criterion")
        verbose_name_plural = _("scoring criteria")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Application(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.APPLICATION, _("recruitment to programmes"), Basis.PUBLIC_TASK, PROGRAMME_ARCHIVE,
        person=("applicant",), actors=("decided_by",), fields=("answers",), erase=Erase.DELETE,
        keep=Q(submitted_at__isnull=False),
        kept=_("submitted applications"))

    call = models.ForeignKey(RecruitmentCall, on_delete=models.CASCADE,
                             related_name="applications", verbose_name=_("call"))
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                  related_name="recruitment_applications",
                                  verbose_name=_("applicant"))
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.PROTECT, related_name="applications",
                                     verbose_name=_("organisation"))
    partner = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.PROTECT,
                                related_name="partner_applications", verbose_name=_("partner"))
    # False when the applicant named an organisation they are not a member of in Mosty.
    applicant_is_member = models.BooleanField(default=False)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.DRAFT)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # The applicant's language when submitting: later e-mails about decisions use it.
    language = models.CharField(max_length=8, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decision_message = models.TextField(_("message to the applicant"), blank=True)
    group_member = models.ForeignKey(GroupMember, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="applications",
                                     verbose_name=_("group"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["call", "applicant"],
                                    name="one_application_per_person"),
            models.UniqueConstraint(fields=["call", "organisation"],
                                    name="one_application_per_organisation"),
        ]
        indexes = [models.Index(fields=["call", "status"])]

    def __str__(self) -> str:
        name = self.organisation.name if self.organisation else str(self.applicant)
        return f"{self.call} – {name}"

    def get_absolute_url(self) -> str:
        return reverse("recruitment:application", args=[self.pk])

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT


def upload_path(instance: "ApplicationFile", filename: str) -> str:
    # A random name: the original one is kept in the database, never trusted as a path.
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"recruitment/{instance.application.call_id}/{uuid.uuid4().hex}{suffix}"


class ApplicationFile(models.Model):
    """An attachment answering a file question; served only through a permission check."""

    PERSONAL_DATA = PersonalData(
        Category.APPLICATION, _("files attached to applications"), Basis.PUBLIC_TASK,
        PROGRAMME_ARCHIVE, person=("application__applicant",), fields=("file", "original_name"),
        erase=Erase.DELETE, keep=Q(application__submitted_at__isnull=False),
        kept=_("files of submitted applications"))

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(upload_to=upload_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size in bytes"))
    file_type = models.CharField(_("file type"), max_length=8, choices=FileType.choices)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [models.UniqueConstraint(fields=["application", "question"],
                                               name="one_file_per_question")]

    def __str__(self) -> str:
        return self.original_name


class Review(models.Model):
    """One reviewer's scores of one application: per criterion, or a single score."""

    PERSONAL_DATA = PersonalData(
        Category.REVIEW, _("evaluation of applications"), Basis.PUBLIC_TASK, PROGRAMME_ARCHIVE,
        person=("reviewer",), fields=("comment",), erase=Erase.KEEP)

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="recruitment_reviews", verbose_name=_("reviewer"))
    scores = models.JSONField(_("points per criterion"), default=dict, blank=True)
    total = models.PositiveIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["application", "reviewer"],
                                               name="one_review_per_reviewer")]

    def __str__(self) -> str:
        return f"{self.reviewer}: {self.total}"


class Note(models.Model):
    """An internal comment on an application, for the programme's staff only."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("internal notes on applications"), Basis.PUBLIC_TASK,
        PROGRAMME_ARCHIVE, actors=("author",), erase=Erase.KEEP)

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+")
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("internal comment")
        verbose_name_plural = _("internal comments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:50]


def document_path(instance: "CallDocument", filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"recruitment/{instance.call_id}/documents/{uuid.uuid4().hex}{suffix}"


class CallDocument(models.Model):
    """A blank document of a call (a form to fill in, rules, a model agreement): anyone who
    may see the call downloads it."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who uploaded documents of calls"), Basis.PUBLIC_TASK,
        WITH_RECORD, actors=("uploaded_by",), erase=Erase.KEEP)

    call = models.ForeignKey(RecruitmentCall, on_delete=models.CASCADE, related_name="documents",
                             verbose_name=_("call"))
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=document_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    file_type = models.CharField(_("file type"), max_length=8)
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="+",
                                    verbose_name=_("uploaded by"))

    class Meta:
        verbose_name = _("document of a call")
        verbose_name_plural = _("documents of calls")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("recruitment:call_document", args=[self.pk])


@receiver(post_delete, sender=ApplicationFile)
def delete_stored_file(sender: type, instance: ApplicationFile, **kwargs: object) -> None:
    """A replaced or deleted attachment leaves the disk too, once the deletion is committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))
