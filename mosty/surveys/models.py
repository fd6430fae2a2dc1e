"""Surveys of a programme: sections, questions, responses and answers, invitations.

Anonymity is kept by the shape of the tables: a response of an anonymous survey has no
person, no invitation and no time (only the date it was submitted); its key is random (a
UUID, so rows cannot be ordered by arrival) and the browser that wrote it holds the only
secret that finds it again (its hash is kept until the survey closes, then wiped).
An invitation of an anonymous survey only knows whether it has been used.
"""
import secrets
import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Left
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from mosty.core.personal_data import (
    PROGRAMME_ARCHIVE, WITH_RECORD, Basis, Category, Erase, PersonalData)
from mosty.programmes.models import Event, Programme


def _token() -> str:
    return secrets.token_urlsafe(24)


def bilingual(pl: str, en: str) -> str:
    """The text in the active language, falling back to the other one."""
    if (translation.get_language() or "pl").startswith("en"):
        return en or pl
    return pl or en


class SurveyKind(models.TextChoices):
    GENERAL = "general", _("survey")
    EVALUATION = "evaluation", _("event evaluation")
    INDEX = "index", _("cooperation-quality self-assessment")
    PARTNERSHIP = "partnership", _("partnership self-assessment (collaboration factors)")
    NEEDS = "needs", _("residents' needs survey")


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class Survey(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="surveys",
                                  verbose_name=_("programme"))
    kind = models.CharField(_("kind"), max_length=12, choices=SurveyKind.choices,
                            default=SurveyKind.GENERAL)
    title_pl = models.CharField(_("title (Polish)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    intro_pl = models.TextField(_("introduction (Polish)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    status = models.CharField(_("status"), max_length=8, choices=SurveyStatus.choices,
                              default=SurveyStatus.DRAFT)
    anonymous = models.BooleanField(
        _("anonymous"), default=True,
        help_text=_("Answers are stored without any link to a person. Cannot be changed once "
                    "the first answer is saved."))
    editable = models.BooleanField(_("answers may be changed until the survey closes"),
                                   default=False)
    public_link = models.BooleanField(_("open to anyone with the link"), default=False)
    public_token = models.CharField(max_length=40, unique=True, default=_token, editable=False)
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="surveys", verbose_name=_("event evaluated"))
    # The self-assessment: whose cooperation and which year.
    place = models.CharField(_("municipality assessed"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    # Event evaluations: when the invitations and the one reminder went out.
    invitations_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Raised whenever results may change (answers, questions, figures): the key of the
    # cached results, shared by every server through the database.
    results_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-year", "place", "title_pl"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", args=[self.slug])

    @property
    def title(self) -> str:
        return bilingual(self.title_pl, self.title_en)

    @property
    def intro(self) -> str:
        return bilingual(self.intro_pl, self.intro_en)

    @property
    def is_open(self) -> bool:
        return self.status == SurveyStatus.OPEN


def results_changed(survey_id: int) -> None:
    """The cached results of the survey are out of date."""
    Survey.objects.filter(pk=survey_id).update(results_version=models.F("results_version") + 1)


class Section(models.Model):
    """A page of the survey: the respondent saves it with "next"."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    title_pl = models.CharField(_("title (Polish)"), max_length=255, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["survey", "position", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return bilingual(self.title_pl, self.title_en)


class QuestionKind(models.TextChoices):
    LIKERT = "likert", _("agreement scale (Likert)")
    SINGLE = "single", _("single choice")
    MULTIPLE = "multiple", _("multiple choice")
    NUMBER = "number", _("number")
    SHORT_TEXT = "short_text", _("short text")
    LONG_TEXT = "long_text", _("long text")
    MATRIX = "matrix", _("matrix (several items on one scale)")
    YES_NO = "yes_no", _("yes / no")
    DATE = "date", _("date")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
SCALE_KINDS = (QuestionKind.LIKERT, QuestionKind.MATRIX)
TEXT_KINDS = (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT)


class Question(models.Model):
    """A question. `code` is its identity across copies and versions of a survey: results of
    surveys copied from one template are compared question by question through it.

    `options` (choices) and `items` (matrix rows) are lists of {"value", "pl", "en"};
    `scale_labels` a list of {"pl", "en"}, one per point of the scale.
    """

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions",
                                verbose_name=_("section"))
    position = models.PositiveSmallIntegerField(_("order"), default=1)
    code = models.SlugField(_("code"), max_length=60)
    kind = models.CharField(_("kind"), max_length=12, choices=QuestionKind.choices)
    text_pl = models.CharField(_("question (Polish)"), max_length=500)
    text_en = models.CharField(_("question (English)"), max_length=500, blank=True)
    help_pl = models.CharField(_("hint (Polish)"), max_length=500, blank=True)
    help_en = models.CharField(_("hint (English)"), max_length=500, blank=True)
    required = models.BooleanField(_("required"), default=False)
    options = models.JSONField(default=list, blank=True)
    allow_other = models.BooleanField(_("with “other, please specify”"), default=False)
    items = models.JSONField(default=list, blank=True)
    scale_points = models.PositiveSmallIntegerField(_("points of the scale"), default=5)
    scale_labels = models.JSONField(default=list, blank=True)
    # Shown only when the answer to `condition_question` is one of `condition_values`.
    condition_question = models.ForeignKey("self", null=True, blank=True,
                                           on_delete=models.SET_NULL, related_name="dependants",
                                           verbose_name=_("shown only if the answer to"))
    condition_values = models.JSONField(default=list, blank=True)
    indicator = models.CharField(_("index indicator"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["section__position", "section_id", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["survey", "code"],
                                               name="unique_question_code")]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return bilingual(self.text_pl, self.text_en)

    @property
    def help(self) -> str:
        return bilingual(self.help_pl, self.help_en)

    def labelled_options(self) -> list[tuple[str, str]]:
        if self.kind == QuestionKind.YES_NO:
            return [("yes", str(_("yes"))), ("no", str(_("no")))]
        return [(str(o["value"]), bilingual(o.get("pl", ""), o.get("en", "")))
                for o in self.options]

    def labelled_items(self) -> list[tuple[str, str]]:
        return [(str(i["value"]), bilingual(i.get("pl", ""), i.get("en", ""))) for i in self.items]

    def scale(self) -> list[tuple[int, str]]:
        labels = list(self.scale_labels) + [{}] * self.scale_points
        return [(point, bilingual(labels[point - 1].get("pl", ""), labels[point - 1].get("en", ""))
                 or str(point)) for point in range(1, self.scale_points + 1)]


class Response(models.Model):
    """One respondent's answers. For anonymous surveys: no person, no invitation, no time."""

    # Erasing a person turns their named responses into anonymous ones: the results stay.
    PERSONAL_DATA = PersonalData(
        Category.SURVEY, _("who answered a named survey, and when"), Basis.CONSENT,
        PROGRAMME_ARCHIVE, person=("user",), fields=("user", "invitation", "submitted_at"),
        erase=Erase.ANONYMISE)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Named surveys only.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="survey_responses")
    invitation = models.OneToOneField("Invitation", null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="response")
    submitted_at = models.DateTimeField(null=True, blank=True)
    # Every survey: the day only.
    submitted_on = models.DateField(null=True, blank=True)
    # sha256 of the secret in the respondent's browser; wiped when the survey closes.
    key_hash = models.CharField(max_length=64, blank=True, db_index=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["survey", "submitted_on"])]

    def __str__(self) -> str:
        return str(self.pk)

    @property
    def submitted(self) -> bool:
        return self.submitted_on is not None


class Answer(models.Model):
    """One value: a Likert point or number in `number`, a choice, "yes"/"no", a date or a
    text in `text`; a multiple choice has one row per option; `item` is the matrix row."""

    PERSONAL_DATA = PersonalData(
        Category.SURVEY, _("answers to named surveys"), Basis.CONSENT, PROGRAMME_ARCHIVE,
        person=("response__user",), fields=("text", "other"), erase=Erase.KEEP)

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    item = models.CharField(max_length=60, blank=True)
    number = models.FloatField(null=True, blank=True)
    text = models.TextField(blank=True)
    other = models.TextField(blank=True)

    class Meta:
        # Both cover the counting of results from the index alone: by question (the whole
        # survey, a filter's respondents) and by respondent (the answers of a breakdown's).
        # A text is indexed by its first 100 characters only: PostgreSQL refuses an index entry
        # over ~2.7 kB, and a long answer (up to 5,000 characters) would not be saved. Choice
        # keys, dates and yes/no, the values counted, are all shorter.
        indexes = [models.Index("question", "item", Left("text", 100), "number", "response",
                                name="surveys_answer_counts"),
                   models.Index("response", "question", "item", "number", Left("text", 100),
                                name="surveys_answer_by_response")]

    def __str__(self) -> str:
        return self.text or str(self.number)


class Tally(models.Model):
    """How many submitted responses gave `value` (a choice, "yes"/"no", a point of a scale)
    to a question (a matrix item), or answered it at all ("answered" rows): kept up to date
    on each submission, so results of 100,000 responses read a few hundred rows."""

    VALUE, ANSWERED = "value", "answered"

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="tallies")
    kind = models.CharField(max_length=8)
    item = models.CharField(max_length=60, blank=True)
    value = models.CharField(max_length=60, blank=True)
    count = models.IntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "kind", "item", "value"],
                                               name="unique_survey_tally")]

    def __str__(self) -> str:
        return f"{self.question_id} {self.item} {self.value}: {self.count}"


class Invitation(models.Model):
    """A personal link. For an anonymous survey it only records that it has been used."""

    PERSONAL_DATA = PersonalData(
        Category.SURVEY, _("invitations to answer a survey"), Basis.PUBLIC_TASK, WITH_RECORD,
        person=("user",), fields=("email",), erase=Erase.DELETE)

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    token = models.CharField(max_length=40, unique=True, default=_token, editable=False)
    answered = models.BooleanField(_("answered"), default=False)
    language = models.CharField(max_length=10, blank=True)
    sent = models.BooleanField(default=False)
    reminded = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["survey", "email"]
        constraints = [models.UniqueConstraint(fields=["survey", "email"],
                                               name="unique_survey_invitation")]

    def __str__(self) -> str:
        return self.email

    def get_absolute_url(self) -> str:
        return reverse("surveys:invitation", args=[self.token])


class IndexFigures(models.Model):
    """The municipality's own figures for a self-assessment (entered by the coordinator)."""

    survey = models.OneToOneField(Survey, on_delete=models.CASCADE, related_name="figures")
    values: Any = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("municipality's figures")
        verbose_name_plural = _("municipality's figures")

    def __str__(self) -> str:
        return str(self.survey)


def export_path(instance: "AnswerExport", filename: str) -> str:
    return f"surveys/exports/{uuid.uuid4().hex}.{instance.fmt}"


class AnswerExport(models.Model):
    """A file of a survey's raw answers, built in the background for a coordinator and
    downloadable by them only, until it expires (exports.py)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    PERSONAL_DATA = PersonalData(
        Category.TECHNICAL, _("files of survey answers a coordinator asked for"),
        Basis.PUBLIC_TASK, _("the file is deleted when its link expires"),
        person=("requested_by",), fields=("file",), erase=Erase.DELETE, expires="expires_at")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="exports")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                     related_name="+")
    fmt = models.CharField(max_length=4)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(upload_to=export_path, blank=True, max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.survey_id} {self.fmt} {self.status}"
