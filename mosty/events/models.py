"""What happens around an event: registrations and attendance, files, conclusions,
consultation slots with experts, personal calendar feeds, and cycle templates."""
import secrets
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mosty.programmes.models import Event, EventKind, Programme, ProgrammeStaff
from mosty.core.personal_data import (
    Basis, Category, Erase, NoPersonalData, PersonalData, UNTIL_ERASED, WITH_RECORD,
)


class RegistrationStatus(models.TextChoices):
    INVITED = "invited", _("invited")
    CONFIRMED = "confirmed", _("registered")
    WAITLISTED = "waitlisted", _("on the waiting list")
    CANCELLED = "cancelled", _("cancelled")
    DECLINED = "declined", _("declined")


# Who holds or may soon hold a place; cancelled and declined registrations are history.
ACTIVE_STATUSES = (RegistrationStatus.INVITED, RegistrationStatus.CONFIRMED,
                   RegistrationStatus.WAITLISTED)


class Registration(models.Model):
    """One person's place at one event: an invitation, a registration or a waiting-list spot.

    One row per person and event (the unique constraint), whatever happens to it: cancelling
    and registering again reuses the row, so a double click can never create two places.
    """

    PERSONAL_DATA = PersonalData(
        Category.EVENT, _("registration for events; attendance lists"), Basis.PUBLIC_TASK,
        _("until erasure; attendance of held events for the archiving period of the programme"),
        person=("user",), actors=("checked_in_by",), erase=Erase.DELETE,
        keep=Q(attended_at__isnull=False), kept=_("attendance at held events"))

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations",
                              verbose_name=_("event"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="event_registrations", verbose_name=_("person"))
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    # The place in the waiting-list queue: when the person (last) asked for a place.
    queued_at = models.DateTimeField(_("queued at"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    # Language the person used when registering: e-mails about the event are written in it.
    language = models.CharField(_("language"), max_length=10, blank=True)
    attended_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                      on_delete=models.SET_NULL, related_name="+",
                                      verbose_name=_("checked in by"))
    # Reminders go out once: queued_at lets a lost queue entry be retried, sent_at stops repeats.
    reminder_queued_at = models.DateTimeField(null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "queued_at", "id"]
        constraints = [models.UniqueConstraint(fields=["event", "user"],
                                               name="unique_event_registration")]
        indexes = [models.Index(fields=["event", "status", "queued_at"]),
                   models.Index(fields=["status", "reminder_sent_at"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.event}"

    @property
    def attended(self) -> bool:
        return self.attended_at is not None


class CalendarFeed(models.Model):
    """The secret address of a person's calendar, for Google or Outlook to subscribe to.

    Calendar programs cannot log in, so the token in the address is the credential; the
    person can replace it at any time, which stops the old address from working.
    """

    PERSONAL_DATA = PersonalData(
        Category.TECHNICAL, _("the personal calendar feed"), Basis.CONTRACT, UNTIL_ERASED,
        person=("user",), erase=Erase.DELETE)

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="calendar_feed", verbose_name=_("person"))
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("events:person_feed", args=[self.token])

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(32)


class FileKind(models.TextChoices):
    MATERIAL = "material", _("material")
    CONCLUSIONS = "conclusions", _("attachment to the conclusions")


def event_file_path(instance: "EventFile", filename: str) -> str:
    # A random folder: files are served only through an access check, and their addresses
    # in storage cannot be guessed from the event either.
    name = PurePath(filename).name[-100:]
    return f"events/{instance.event_id}/{secrets.token_hex(8)}/{name}"


class EventFile(models.Model):
    """A file of an event: a material (handout, brochure, presentation) or an attachment
    to the recorded conclusions."""

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who uploaded event materials"), Basis.PUBLIC_TASK, WITH_RECORD,
        actors=("uploaded_by",), erase=Erase.KEEP)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="files",
                              verbose_name=_("event"))
    kind = models.CharField(_("kind"), max_length=12, choices=FileKind.choices)
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to=event_file_path, max_length=255)
    is_public = models.BooleanField(
        _("public"), default=True,
        help_text=_("Materials: everyone may download it; otherwise only participants of the "
                    "event and its staff. Attachments to conclusions follow the conclusions."))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("uploaded by"))
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("event file")
        verbose_name_plural = _("event files")
        ordering = ["kind", "created_at", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:file", args=[self.event.slug, self.pk])

    @property
    def filename(self) -> str:
        return PurePath(self.file.name).name


class Conclusions(models.Model):
    """Conclusions (konkluzje) and recommendations recorded after an event.

    Private to the programme's staff until published; then public on the event page.
    """

    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who wrote the conclusions of an event"), Basis.PUBLIC_TASK,
        WITH_RECORD, actors=("updated_by",), erase=Erase.KEEP)

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="conclusions",
                                 verbose_name=_("event"))
    conclusions = models.TextField(_("conclusions"), blank=True)
    recommendations = models.TextField(_("recommendations"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("recorded by"))
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        verbose_name = _("conclusions")
        verbose_name_plural = _("conclusions")

    def __str__(self) -> str:
        return str(self.event)


class ConsultationSlot(models.Model):
    """A bookable time with an expert of the programme's panel; one person per slot."""

    PERSONAL_DATA = PersonalData(
        Category.EVENT, _("booked consultations with experts"), Basis.PUBLIC_TASK, WITH_RECORD,
        person=("booked_by",), fields=("topic",), erase=Erase.ANONYMISE)

    event = models.ForeignKey(Event, on_delete=models.CASCADE,
                              related_name="consultation_slots", verbose_name=_("event"))
    expert = models.ForeignKey(ProgrammeStaff, on_delete=models.PROTECT,
                               related_name="consultation_slots", verbose_name=_("expert"))
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    booked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="consultation_bookings",
                                  verbose_name=_("booked by"))
    booked_at = models.DateTimeField(_("booked at"), null=True, blank=True)
    topic = models.CharField(_("what do you want to discuss?"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("consultation slot")
        verbose_name_plural = _("consultation slots")
        ordering = ["start", "expert_id", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")),
                                   name="slot_ends_after_start"),
            models.UniqueConstraint(fields=["expert", "start"], name="unique_expert_slot_start"),
        ]

    def __str__(self) -> str:
        return f"{self.expert.user} {self.start:%Y-%m-%d %H:%M}"


class CycleTemplate(models.Model):
    """A reusable series of events (e.g. three workshops) with their agenda modules.

    Templates without a programme are shared by all programmes (the shipped ones).
    """

    PERSONAL_DATA = NoPersonalData("names of event cycle templates")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address in Mosty"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    programme = models.ForeignKey(Programme, null=True, blank=True, on_delete=models.CASCADE,
                                  related_name="cycle_templates", verbose_name=_("programme"),
                                  help_text=_("Empty: available to every programme."))

    class Meta:
        verbose_name = _("cycle template")
        verbose_name_plural = _("cycle templates")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CycleStep(models.Model):
    """One event of a cycle: its title, kind, length in days and daily hours."""

    template = models.ForeignKey(CycleTemplate, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    days = models.PositiveSmallIntegerField(_("days"), default=1)
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("to"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("cycle step")
        verbose_name_plural = _("cycle steps")
        ordering = ["template", "position"]
        constraints = [models.UniqueConstraint(fields=["template", "position"],
                                               name="unique_cycle_step_position")]

    def __str__(self) -> str:
        return self.title


class CycleModule(models.Model):
    """An agenda module of a cycle step, copied to the event's agenda when scheduled."""

    step = models.ForeignKey(CycleStep, on_delete=models.CASCADE, related_name="modules")
    day = models.PositiveSmallIntegerField(_("day"), default=1)
    starts_at = models.TimeField(_("from"), null=True, blank=True)
    ends_at = models.TimeField(_("to"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=255)
    facilitator = models.CharField(_("led by"), max_length=200, blank=True)
    method = models.CharField(_("method"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("agenda module")
        verbose_name_plural = _("agenda modules")
        ordering = ["step", "day", "starts_at", "id"]

    def __str__(self) -> str:
        return self.title
