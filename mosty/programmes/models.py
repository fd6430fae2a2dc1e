"""Programmes, their editions and groups, and events."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mosty.directory.models import Organisation
from mosty.core.personal_data import (
    Basis, Category, Erase, NoPersonalData, PROGRAMME_ARCHIVE, PersonalData, WITH_RECORD,
)


class ProgrammeLanguage(models.TextChoices):
    """Languages a programme is run in (its events, materials, forms)."""

    POLISH = "pl", _("Polish")
    ENGLISH = "en", _("English")
    UKRAINIAN = "uk", _("Ukrainian")
    GERMAN = "de", _("German")
    CZECH = "cs", _("Czech")
    SLOVAK = "sk", _("Slovak")
    LITHUANIAN = "lt", _("Lithuanian")
    POLISH_SIGN = "pso", _("Polish Sign Language")


class Programme(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.CONTACT, _("the coordinator's contact published with a programme"),
        Basis.PUBLIC_TASK, WITH_RECORD, fields=("coordinator_contact",), erase=Erase.KEEP)

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    organiser = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                  related_name="organised_programmes",
                                  verbose_name=_("organiser"))
    partners: "models.ManyToManyField[Organisation, ProgrammePartner]" = models.ManyToManyField(
        Organisation, through="ProgrammePartner", related_name="partner_programmes", blank=True,
        verbose_name=_("partners"))
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    goals = models.TextField(_("goals"), blank=True, help_text=_("One goal per line."))
    audience = models.CharField(_("target audience"), max_length=500, blank=True)
    funding = models.CharField(_("funding"), max_length=300, blank=True)
    coordinator_contact = models.CharField(_("coordinator contact"), max_length=300, blank=True)
    website = models.URLField(_("website"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    is_public = models.BooleanField(_("public"), default=True)
    languages = models.JSONField(_("languages"), default=list, blank=True,
                                 help_text=_("The languages the programme is run in."))
    # Bumped on every save through the edit page or the API; detects concurrent edits.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-start_date", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:detail", args=[self.slug])

    @property
    def goal_list(self) -> list[str]:
        return [line.strip() for line in self.goals.splitlines() if line.strip()]

    @property
    def language_names(self) -> list[str]:
        names = dict(ProgrammeLanguage.choices)
        return [str(names.get(code, code)) for code in self.languages]


class ProgrammePartner(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE,
                                  related_name="partnerships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="programme_partnerships",
                                     verbose_name=_("organisation"))
    role = models.CharField(_("role"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("programme partner")
        verbose_name_plural = _("programme partners")
        constraints = [models.UniqueConstraint(fields=["programme", "organisation"],
                                               name="unique_programme_partner")]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.programme}"


class StaffRole(models.TextChoices):
    COORDINATOR = "coordinator", _("coordinator")
    FACILITATOR = "facilitator", _("facilitator / expert")


class ProgrammeStaff(models.Model):
    """People who run a programme: they see its private parts (applications, attendance)."""

    PERSONAL_DATA = PersonalData(
        Category.MEMBERSHIP, _("coordinators, facilitators and experts of a programme"),
        Basis.PUBLIC_TASK, PROGRAMME_ARCHIVE, person=("user",), fields=("expertise",),
        erase=Erase.ANONYMISE)

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="programme_roles", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=20, choices=StaffRole.choices)
    expertise = models.CharField(_("expertise"), max_length=300, blank=True,
                                 help_text=_("For experts of the panel: their fields."))

    class Meta:
        verbose_name = _("programme staff member")
        verbose_name_plural = _("programme staff")
        constraints = [models.UniqueConstraint(fields=["programme", "user", "role"],
                                               name="unique_programme_staff")]

    def __str__(self) -> str:
        return f"{self.user} – {self.programme} ({self.role})"


class Edition(models.Model):
    """One round of a programme (e.g. 2019 and 2020), with its own groups and recruitment."""

    PERSONAL_DATA = NoPersonalData("names of programme editions")

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="editions",
                                  verbose_name=_("programme"))
    name = models.CharField(_("name"), max_length=100)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["start_date", "name"]
        constraints = [models.UniqueConstraint(fields=["programme", "name"],
                                               name="unique_edition_name")]

    def __str__(self) -> str:
        return f"{self.programme.name} {self.name}"


class AreaRule(models.TextChoices):
    ANY = "", _("anywhere")
    GMINA = "gmina", _("all from one gmina")
    POWIAT = "powiat", _("all from one powiat")
    VOIVODESHIP = "voivodeship", _("all from one voivodeship")


class Group(models.Model):
    """Organisations and people who go through a programme's cycle together."""

    PERSONAL_DATA = NoPersonalData("names of groups of organisations")

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="groups",
                                verbose_name=_("edition"))
    name = models.CharField(_("name"), max_length=200)
    area_rule = models.CharField(_("area"), max_length=12, choices=AreaRule.choices, blank=True)
    organisations: "models.ManyToManyField[Organisation, GroupMember]" = models.ManyToManyField(
        Organisation, through="GroupMember", related_name="programme_groups", blank=True)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["edition", "name"]

    def __str__(self) -> str:
        return self.name


class GroupRequirement(models.Model):
    """A composition rule: at least `minimum` members of these sectors and/or kinds."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="requirements")
    label = models.CharField(_("what is required"), max_length=200,
                             help_text=_("E.g. “a culture institution”."))
    sectors = models.JSONField(_("sectors"), default=list, blank=True)
    kinds = models.JSONField(_("kinds"), default=list, blank=True)
    minimum = models.PositiveSmallIntegerField(_("at least"), default=1)

    class Meta:
        verbose_name = _("composition rule")
        verbose_name_plural = _("composition rules")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.label} (≥ {self.minimum})"


class GroupMember(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.MEMBERSHIP, _("people of an organisation in a group"), Basis.PUBLIC_TASK,
        PROGRAMME_ARCHIVE, person=("people",), erase=Erase.DELETE)

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="group_memberships",
                                     verbose_name=_("organisation"))
    people = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                    related_name="programme_group_memberships",
                                    verbose_name=_("people"))

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        constraints = [models.UniqueConstraint(fields=["group", "organisation"],
                                               name="unique_group_member")]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.group}"


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("workshop")
    TRAINING = "training", _("training")
    TRAINING_BLOCK = "training_block", _("training block")
    CONSULTATION = "consultation", _("coaching / expert consultation")
    PARTNER_MEETING = "partner_meeting", _("partner meeting")
    CONFERENCE = "conference", _("conference")
    NETWORKING = "networking", _("speed networking")
    MEETING = "meeting", _("consultation meeting")


class Audience(models.TextChoices):
    ALL = "all", _("open to all")
    JST = "jst", _("local government and its units only")
    NGO = "ngo", _("non-governmental organisations only")
    GROUP = "group", _("programme group only")


class Event(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="events",
                                  verbose_name=_("programme"))
    edition = models.ForeignKey(Edition, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="events", verbose_name=_("edition"))
    group = models.ForeignKey(Group, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="events", verbose_name=_("group"))
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True,
                                           help_text=_("Leave empty for no limit."))
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices,
                                default=Audience.ALL)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")),
                                              name="event_ends_after_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])


class AgendaItem(models.Model):
    """A module of an event's programme: time, title, who leads it and how."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda_items")
    starts_at = models.TimeField(_("from"), null=True, blank=True)
    ends_at = models.TimeField(_("to"), null=True, blank=True)
    day = models.PositiveSmallIntegerField(_("day"), default=1)
    title = models.CharField(_("title"), max_length=255)
    facilitator = models.CharField(_("led by"), max_length=200, blank=True)
    method = models.CharField(_("method"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("agenda module")
        verbose_name_plural = _("agenda modules")
        ordering = ["day", "starts_at", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def time_range(self) -> str:
        if not self.starts_at:
            return ""
        end = f"–{self.ends_at:%H:%M}" if self.ends_at else ""
        return f"{self.starts_at:%H:%M}{end}"
