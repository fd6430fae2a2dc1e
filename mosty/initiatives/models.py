"""Co-design: project ideas of cross-sector teams, their canvas and its history, partners,
presentations with peer feedback, coaching advice and a catalogue of funding sources.

Who sees and changes what is answered in mosty.initiatives.access only; every change goes
through mosty.initiatives.services.
"""
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mosty.directory.models import Organisation, Resource
from mosty.programmes.models import Event, Group, Programme
from mosty.surveys.models import Survey
from mosty.core.personal_data import (
    Basis, Category, Erase, NoPersonalData, PersonalData, UNTIL_ERASED, WITH_RECORD,
)


class IdeaStatus(models.TextChoices):
    IDEA = "idea", _("idea")
    DEVELOPED = "developed", _("developed")
    SUBMITTED = "submitted", _("submitted for funding")
    RUNNING = "running", _("running")
    FINISHED = "finished", _("finished")


class SectionKey(models.TextChoices):
    """The parts of the canvas; each is edited and versioned on its own."""

    PROBLEM = "problem", _("Problem")
    EVIDENCE = "evidence", _("Evidence of the problem")
    NEEDS = "needs", _("Community needs")
    TARGET_GROUP = "target_group", _("Target group")
    GOALS = "goals", _("Goals")
    ACTIVITIES = "activities", _("Activities and timeline")
    BUDGET = "budget", _("Budget")
    RESULTS = "results", _("Expected results and indicators")
    RISKS = "risks", _("Risks")


# Sections kept as rows (a table) rather than as text.
ROW_SECTIONS = (SectionKey.ACTIVITIES, SectionKey.BUDGET)


class Idea(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who started a project idea"), Basis.PUBLIC_TASK, WITH_RECORD,
        actors=("created_by",), erase=Erase.KEEP)

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+", verbose_name=_("programme"))
    group = models.ForeignKey(Group, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("group"))
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("event"))
    status = models.CharField(_("status"), max_length=12, choices=IdeaStatus.choices,
                              default=IdeaStatus.IDEA)
    is_public = models.BooleanField(
        _("public"), default=False,
        help_text=_("Everyone sees a public idea, without the team's contacts."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("project idea")
        verbose_name_plural = _("project ideas")
        ordering = ["-updated_at", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:idea", args=[self.slug])


class TeamMember(models.Model):
    """A person in the idea's team, in the name of one of their organisations."""

    PERSONAL_DATA = PersonalData(
        Category.MEMBERSHIP, _("teams of project ideas"), Basis.PUBLIC_TASK, UNTIL_ERASED,
        person=("user",), erase=Erase.DELETE)

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="idea_teams", verbose_name=_("person"))
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("organisation"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["idea", "user"],
                                               name="unique_idea_team_member")]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


class Section(models.Model):
    """One part of the canvas in its current version."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who edited a part of an idea"), Basis.PUBLIC_TASK, WITH_RECORD,
        actors=("updated_by",), erase=Erase.KEEP)

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(_("section"), max_length=20, choices=SectionKey.choices)
    text = models.TextField(_("text"), blank=True)
    rows = models.JSONField(_("rows"), default=list, blank=True)
    # Bumped on every save: an editor names the version they started from.
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("canvas section")
        verbose_name_plural = _("canvas sections")
        constraints = [models.UniqueConstraint(fields=["idea", "key"],
                                               name="unique_idea_section")]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.key} v{self.version}"


class Revision(models.Model):
    """A saved version of a section: the history that can be compared and restored."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who wrote a version of a part of an idea"), Basis.PUBLIC_TASK,
        WITH_RECORD, actors=("author",), erase=Erase.KEEP)

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    text = models.TextField(blank=True)
    rows = models.JSONField(default=list, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="+")
    restored_from = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["section", "version"],
                                               name="unique_section_revision")]

    def __str__(self) -> str:
        return f"{self.section} r{self.version}"


class PartnerOrigin(models.TextChoices):
    TEAM = "team", _("team")
    INVITATION = "invitation", _("accepted invitation")
    OFFER = "offer", _("accepted offer of help")
    MANUAL = "manual", _("added by the team")


class Partner(models.Model):
    """An organisation in the project and what it contributes."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("organisation"))
    contribution = models.TextField(_("what it contributes"), blank=True)
    resources = models.ManyToManyField(Resource, blank=True, related_name="+",
                                       verbose_name=_("resources from its profile"))
    origin = models.CharField(_("how it joined"), max_length=12, choices=PartnerOrigin.choices,
                              default=PartnerOrigin.MANUAL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["idea", "organisation"],
                                               name="unique_idea_partner")]

    def __str__(self) -> str:
        return str(self.organisation)


class OfferDirection(models.TextChoices):
    INVITATION = "invitation", _("the team invites the organisation")
    OFFER = "offer", _("the organisation offers help")


class OfferStatus(models.TextChoices):
    PENDING = "pending", _("waiting for an answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")


class PartnerOffer(models.Model):
    """An invitation of the team to an organisation (answered by its members) or an offer of
    help from an organisation (answered by the team)."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who offered or answered a partnership"), Basis.PUBLIC_TASK,
        WITH_RECORD, actors=("created_by", "answered_by"), erase=Erase.KEEP)

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="offers")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+",
                                     verbose_name=_("organisation"))
    direction = models.CharField(max_length=12, choices=OfferDirection.choices)
    text = models.TextField(_("what is needed or offered"))
    status = models.CharField(_("status"), max_length=10, choices=OfferStatus.choices,
                              default=OfferStatus.PENDING)
    feedback = models.ForeignKey("Feedback", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.idea}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"initiatives/{instance.idea_id}/{PurePath(filename).name}"


class Attachment(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who attached a file to an idea"), Basis.PUBLIC_TASK, WITH_RECORD,
        actors=("uploaded_by",), erase=Erase.KEEP)

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    title = models.CharField(_("title"), max_length=200, blank=True)
    file_type = models.CharField(max_length=8)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.title or PurePath(self.file.name).name


class NeedsSurvey(models.Model):
    """A residents' needs survey started from the idea: its results are the idea's evidence.
    The link lives here so that surveys know nothing of ideas."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who started a needs survey for an idea"), Basis.PUBLIC_TASK,
        WITH_RECORD, actors=("started_by",), erase=Erase.KEEP)

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="needs_surveys")
    survey = models.OneToOneField(Survey, on_delete=models.CASCADE, related_name="idea_link")
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("needs survey of an idea")
        verbose_name_plural = _("needs surveys of ideas")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return str(self.survey)


class PresentationSession(models.Model):
    """Teams present their ideas in a workshop, one after another, against a clock."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who prepared a presentation session"), Basis.PUBLIC_TASK,
        WITH_RECORD, actors=("created_by",), erase=Erase.KEEP)

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="+",
                                  verbose_name=_("programme"))
    event = models.ForeignKey(Event, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+", verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=200)
    criteria = models.JSONField(_("rating criteria"), default=list, blank=True)
    minutes_per_idea = models.PositiveSmallIntegerField(_("minutes per presentation"),
                                                        default=7)
    # The clock: which presentation runs (0 before the first) and since when.
    current = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    paused_at = models.DateTimeField(null=True, blank=True)
    finished = models.BooleanField(default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("presentation session")
        verbose_name_plural = _("presentation sessions")
        ordering = ["-created_at", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("initiatives:session", args=[self.pk])


class Presentation(models.Model):
    session = models.ForeignKey(PresentationSession, on_delete=models.CASCADE,
                                related_name="presentations")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="presentations")
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "idea"],
                                               name="unique_session_idea")]

    def __str__(self) -> str:
        return f"{self.position}. {self.idea_id}"


class Feedback(models.Model):
    """What another participant says about an idea, usually from a phone in the room."""

    PERSONAL_DATA = PersonalData(
        Category.CONTENT, _("feedback on presented ideas"), Basis.PUBLIC_TASK, WITH_RECORD,
        person=("author",), fields=("strengths", "questions", "can_help"), erase=Erase.KEEP)

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="feedback")
    session = models.ForeignKey(PresentationSession, null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="feedback")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                               related_name="+")
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("on behalf of"))
    strengths = models.TextField(_("strengths"), blank=True)
    questions = models.TextField(_("questions"), blank=True)
    can_help = models.TextField(_("we can help with…"), blank=True)
    ratings = models.JSONField(_("ratings"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["idea", "author"],
                                               name="unique_feedback_author")]

    def __str__(self) -> str:
        return f"{self.author} → {self.idea}"


class AdviceSession(models.Model):
    """An expert's or coach's advice on an idea (seed 003: coaching of the expert panel)."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("which expert advised a team"), Basis.PUBLIC_TASK, WITH_RECORD,
        actors=("expert",), erase=Erase.KEEP)

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="advice")
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("expert"))
    held_on = models.DateField(_("date"))
    advice = models.TextField(_("advice"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"{self.idea} {self.held_on}"


class NextStep(models.Model):
    advice = models.ForeignKey(AdviceSession, on_delete=models.CASCADE, related_name="steps")
    what = models.CharField(_("next step"), max_length=300)
    owner = models.CharField(_("who"), max_length=200)
    due_on = models.DateField(_("by when"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.what


class Applicant(models.TextChoices):
    NGO = "ngo", _("NGO")
    JST = "jst", _("local government (JST)")
    CULTURE = "culture", _("culture institution")
    PUBLIC = "public", _("other public institution")
    PARTNERSHIP = "partnership", _("partnership")
    INFORMAL = "informal", _("informal group")
    BUSINESS = "business", _("business")


class FundingKind(models.TextChoices):
    GOVERNMENT = "government", _("government programme")
    EU = "eu", _("EU funds")
    EEA = "eea", _("EEA and Norway grants")
    MINISTRY = "ministry", _("ministry programme")
    REGIONAL = "regional", _("voivodeship open call")
    MUNICIPAL = "municipal", _("municipal open call")
    SMALL_GRANT = "small_grant", _("small grant (art. 19a)")
    LOCAL_FUND = "local_fund", _("local grant scheme")
    FOUNDATION = "foundation", _("private foundation")


class FundingSource(models.Model):
    PERSONAL_DATA = NoPersonalData("names of funding programmes")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    funder = models.CharField(_("funder"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=FundingKind.choices)
    applicants = models.JSONField(_("who may apply"), default=list, blank=True)
    amount_min = models.DecimalField(_("smallest grant (PLN)"), max_digits=12, decimal_places=2,
                                     null=True, blank=True)
    amount_max = models.DecimalField(_("largest grant (PLN)"), max_digits=12, decimal_places=2,
                                     null=True, blank=True)
    own_contribution_percent = models.PositiveSmallIntegerField(
        _("own contribution required (%)"), default=0)
    deadline = models.DateField(_("next deadline"), null=True, blank=True)
    deadline_note = models.CharField(_("deadlines"), max_length=300, blank=True)
    link = models.URLField(_("link"), blank=True)
    activities = models.TextField(_("kinds of activity"), blank=True)
    region = models.CharField(_("region"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("initiatives:funding")




class FundingReminder(models.Model):
    """One e-mail to an idea's team about one deadline of a matching source: never twice."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(FundingSource, on_delete=models.CASCADE, related_name="+")
    deadline = models.DateField()
    queued_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "source", "deadline"],
                                               name="unique_funding_reminder")]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.source_id} {self.deadline}"
