"""A minimal programme and event model; recruitment, groups and cycles come later (issue 3)."""
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mosty.directory.models import Organisation


class Programme(models.Model):
    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    organiser = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                  related_name="organised_programmes",
                                  verbose_name=_("organiser"))
    partners = models.ManyToManyField(Organisation, through="ProgrammePartner",
                                      related_name="partner_programmes", blank=True,
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
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices,
                                default=Audience.ALL)
    description = models.TextField(_("description"), blank=True)
    agenda = models.TextField(_("agenda"), blank=True, help_text=_("One item per line."))

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start"]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")),
                                              name="event_ends_after_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:event", args=[self.slug])

    @property
    def agenda_items(self) -> list[str]:
        return [line.strip() for line in self.agenda.splitlines() if line.strip()]
