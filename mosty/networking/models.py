"""Speed-networking sessions: who takes part, who sits where in which round, who wants more.

The rotation itself comes from the plain-Python optimiser in `mosty.networking.scheduler`;
these models keep its input (participants, wishes, format) and its output (seats).
"""
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from mosty.directory.choices import Sector
from mosty.directory.models import Organisation
from mosty.programmes.models import Event
from mosty.core.personal_data import Basis, Category, Erase, PersonalData, WITH_RECORD

MAX_ROUNDS = 30
MAX_TABLE_SIZE = 12


class Mode(models.TextChoices):
    MIXED = "mixed", _("everybody moves (mixed tables)")
    HOSTS = "hosts", _("hosts stay at their tables, guests move")


class Kind(models.TextChoices):
    ROTATION = "rotation", _("rotation: everybody meets in rounds planned by the optimiser")
    REQUESTED = "requested", _("requested one-to-one meetings in time slots")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SCHEDULED = "scheduled", _("seating planned")
    PUBLISHED = "published", _("published to participants")
    RUNNING = "running", _("under way")
    FINISHED = "finished", _("finished")


class OptimiserState(models.TextChoices):
    IDLE = "idle", _("not run yet")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    FAILED = "failed", _("failed")


def new_token() -> str:
    """A personal link's secret: 128 random bits, URL-safe."""
    return secrets.token_urlsafe(16)


class NetworkingSession(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.AUTHORSHIP, _("who prepared the session"), Basis.PUBLIC_TASK, WITH_RECORD,
        actors=("created_by",), erase=Erase.KEEP)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="networking_sessions",
                              verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=200)
    rounds = models.PositiveSmallIntegerField(
        _("rounds"), default=6, validators=[MinValueValidator(1), MaxValueValidator(MAX_ROUNDS)])
    table_size = models.PositiveSmallIntegerField(
        _("people per table"), default=4,
        validators=[MinValueValidator(2), MaxValueValidator(MAX_TABLE_SIZE)],
        help_text=_("2 means one-to-one conversations in pairs."))
    tables = models.PositiveSmallIntegerField(
        _("tables available"), null=True, blank=True, validators=[MinValueValidator(1)],
        help_text=_("Leave empty if there are as many tables as needed."))
    mode = models.CharField(_("format"), max_length=10, choices=Mode.choices, default=Mode.MIXED)
    # Requested meetings reuse the rotation's fields: rounds are the time slots,
    # minutes_per_round their length, tables the tables, Seat rows the placed meetings.
    kind = models.CharField(_("type of session"), max_length=10, choices=Kind.choices,
                            default=Kind.ROTATION)
    request_cap = models.PositiveSmallIntegerField(
        _("meeting requests per person"), default=5,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_ROUNDS)],
        help_text=_("How many requests one person may have open or accepted at a time."))
    requests_need_acceptance = models.BooleanField(
        _("requests need acceptance"), default=True,
        help_text=_("Otherwise a request is a meeting at once (if both people have time)."))
    cross_sector = models.BooleanField(
        _("mix sectors at every table"), default=True,
        help_text=_("Avoid tables where everybody comes from one sector."))
    minutes_per_round = models.PositiveSmallIntegerField(
        _("minutes per round"), default=8,
        validators=[MinValueValidator(1), MaxValueValidator(120)])
    changeover_seconds = models.PositiveSmallIntegerField(
        _("seconds to change tables"), default=60, validators=[MaxValueValidator(900)],
        help_text=_("A short break between rounds for moving to the next table."))
    planned_start = models.DateTimeField(
        _("first round starts at"), null=True, blank=True,
        help_text=_("Printed on the personal agendas. The live clock starts when you press "
                    "“Start”."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.DRAFT)
    wishes_open = models.BooleanField(
        _("participants may say whom they want to meet"), default=True,
        help_text=_("Before the evening each participant can pick people to meet (or to "
                    "avoid) on their personal page."))

    # Bumped by every change of the optimiser's input, so an outdated seating is detected.
    setup_version = models.PositiveIntegerField(default=1)
    scheduled_setup_version = models.PositiveIntegerField(default=0)
    # Bumped by every change of the seats (optimiser run, swap, lock): phones refresh.
    schedule_version = models.PositiveIntegerField(default=0)
    # Bumped by every clock control (start, next round, pause...).
    live_version = models.PositiveIntegerField(default=0)
    stats = models.JSONField(_("optimiser statistics"), default=dict, blank=True)

    # The optimiser run: a row, not a process's memory, says who runs it and since when.
    optimiser_state = models.CharField(max_length=10, choices=OptimiserState.choices,
                                       default=OptimiserState.IDLE)
    optimiser_run_id = models.CharField(max_length=32, blank=True)
    optimiser_worker = models.CharField(max_length=120, blank=True)
    optimiser_started_at = models.DateTimeField(null=True, blank=True)
    optimiser_deadline = models.DateTimeField(null=True, blank=True)
    optimiser_time_limit = models.FloatField(default=0)
    optimiser_stage = models.CharField(max_length=20, blank=True)
    optimiser_message = models.TextField(blank=True)

    # The live clock: round `clock_round` started at `clock_started_at`; later rounds follow
    # every minutes_per_round + changeover. A pause freezes the clock at `clock_paused_at`.
    clock_round = models.PositiveSmallIntegerField(default=0)
    clock_started_at = models.DateTimeField(null=True, blank=True)
    clock_paused_at = models.DateTimeField(null=True, blank=True)
    # Meeting feedback is open from the first meeting held until the organiser closes it.
    feedback_closed_at = models.DateTimeField(_("feedback closed at"), null=True, blank=True)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("networking session")
        verbose_name_plural = _("networking sessions")
        ordering = ["event__start", "id"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("networking:session", args=[self.pk])

    @property
    def is_requested(self) -> bool:
        return self.kind == Kind.REQUESTED

    @property
    def is_pairs(self) -> bool:
        return self.table_size == 2

    @property
    def has_schedule(self) -> bool:
        return self.schedule_version > 0 and self.scheduled_setup_version > 0

    @property
    def schedule_outdated(self) -> bool:
        """Participants, wishes or the format changed since the optimiser last ran."""
        return self.has_schedule and self.scheduled_setup_version != self.setup_version

    @property
    def is_visible_to_participants(self) -> bool:
        return self.status in (Status.PUBLISHED, Status.RUNNING, Status.FINISHED)

    @property
    def feedback_open(self) -> bool:
        return self.is_visible_to_participants and self.feedback_closed_at is None

    @property
    def round_seconds(self) -> int:
        return self.minutes_per_round * 60


class Participant(models.Model):
    PERSONAL_DATA = PersonalData(
        Category.NETWORKING, _("seating and contact sharing at networking sessions"),
        Basis.PUBLIC_TASK, WITH_RECORD, person=("user",),
        fields=("name", "organisation_name", "about", "email", "phone"), erase=Erase.ANONYMISE)

    session = models.ForeignKey(NetworkingSession, on_delete=models.CASCADE,
                                related_name="participants", verbose_name=_("session"))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="networking_participations",
                             verbose_name=_("account"))
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("organisation in the directory"))
    name = models.CharField(_("full name"), max_length=200)
    organisation_name = models.CharField(_("organisation"), max_length=255, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    host = models.BooleanField(_("host (stays at one table)"), default=False)
    about = models.CharField(_("one line about me"), max_length=200, blank=True,
                             help_text=_("Shown to the people you meet, e.g. “we look for "
                                         "volunteers for a Christmas fair”."))
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    share_contact = models.BooleanField(
        _("share my e-mail and phone with people who also want to continue with me"),
        default=False)
    consent_at = models.DateTimeField(null=True, blank=True)
    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    absent_rounds = models.JSONField(_("absent in rounds"), default=list, blank=True)
    # Bumped whenever this person's phone page changes for a reason other than the clock.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["session", "user"],
                                               condition=models.Q(user__isnull=False),
                                               name="networking_one_participation_per_user")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("networking:phone", args=[self.token])

    @property
    def scheduler_id(self) -> str:
        return f"p{self.pk}"

    @property
    def organisation_key(self) -> str:
        """Colleagues never share a table: same directory organisation, or the same name."""
        if self.organisation_id:
            return f"org{self.organisation_id}"
        return " ".join(self.organisation_name.lower().split())


class WishKind(models.TextChoices):
    WISH = "wish", _("wants to meet")
    AVOID = "avoid", _("would rather not meet")


class Wish(models.Model):
    session = models.ForeignKey(NetworkingSession, on_delete=models.CASCADE,
                                related_name="wishes")
    from_participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                         related_name="wishes_made")
    to_participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                       related_name="wishes_received")
    kind = models.CharField(max_length=5, choices=WishKind.choices, default=WishKind.WISH)

    class Meta:
        verbose_name = _("wish")
        verbose_name_plural = _("wishes")
        constraints = [models.UniqueConstraint(fields=["from_participant", "to_participant"],
                                               name="networking_one_wish_per_pair")]

    def __str__(self) -> str:
        return f"{self.from_participant} → {self.to_participant} ({self.kind})"


class Seat(models.Model):
    """One participant in one round: at a table, or resting (table is empty)."""

    session = models.ForeignKey(NetworkingSession, on_delete=models.CASCADE, related_name="seats")
    round = models.PositiveSmallIntegerField(_("round"))
    table = models.PositiveSmallIntegerField(_("table"), null=True, blank=True)
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="seats")
    locked = models.BooleanField(_("locked"), default=False,
                                 help_text=_("Re-optimising keeps this seat."))

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["round", "table", "id"]
        constraints = [models.UniqueConstraint(fields=["participant", "round"],
                                               name="networking_one_seat_per_round")]
        indexes = [models.Index(fields=["session", "round", "table"])]

    def __str__(self) -> str:
        return f"{self.participant}: round {self.round}, table {self.table or '–'}"


class ContinueMark(models.Model):
    """“I want to continue with …”: two marks in opposite directions make a follow-up."""

    session = models.ForeignKey(NetworkingSession, on_delete=models.CASCADE,
                                related_name="marks")
    from_participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                         related_name="marks_made")
    to_participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                       related_name="marks_received")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wish to continue")
        verbose_name_plural = _("wishes to continue")
        constraints = [models.UniqueConstraint(fields=["from_participant", "to_participant"],
                                               name="networking_one_mark_per_pair")]

    def __str__(self) -> str:
        return f"{self.from_participant} → {self.to_participant}"


class RequestState(models.TextChoices):
    PENDING = "pending", _("waiting for an answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    CANCELLED = "cancelled", _("withdrawn")


OPEN_REQUESTS = (RequestState.PENDING, RequestState.ACCEPTED)


class MeetingRequest(models.Model):
    """“I would like to meet you”: a one-to-one meeting asked for in a requested-meetings
    session. Accepted ones are placed by the scheduler as two Seat rows at one table."""

    PERSONAL_DATA = PersonalData(
        Category.NETWORKING, _("requested one-to-one meetings and their messages"),
        Basis.PUBLIC_TASK, WITH_RECORD, person=("sender__user", "receiver__user"),
        fields=("message",), erase=Erase.ANONYMISE)

    session = models.ForeignKey(NetworkingSession, on_delete=models.CASCADE,
                                related_name="meeting_requests")
    sender = models.ForeignKey(Participant, on_delete=models.CASCADE,
                               related_name="requests_sent", verbose_name=_("from"))
    receiver = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                 related_name="requests_received", verbose_name=_("to"))
    message = models.CharField(_("message"), max_length=500, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=RequestState.choices,
                             default=RequestState.PENDING)
    # Both asked to meet each other: the scheduler places these first.
    mutual = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["sender", "receiver"],
                                               name="networking_one_request_per_pair")]
        indexes = [models.Index(fields=["session", "state"])]

    def __str__(self) -> str:
        return f"{self.sender} → {self.receiver} ({self.state})"

    def other(self, participant: Participant) -> Participant:
        return self.receiver if participant.pk == self.sender_id else self.sender


class Outcome(models.TextChoices):
    """How one meeting went, in one tap, from one side."""

    NOT_HELD = "not_held", _("did not take place")
    NO_INTEREST = "no_interest", _("no shared interest")
    INFORMATIVE = "informative", _("informative")
    COOPERATION = "cooperation", _("cooperation possible")


class MeetingFeedback(models.Model):
    """One side's rating of one meeting: a rotation round or a requested-meeting slot
    (`round`), with one other person. The note is for the organisers only."""

    PERSONAL_DATA = PersonalData(
        Category.NETWORKING, _("ratings of networking meetings and notes to the organisers"),
        Basis.PUBLIC_TASK, WITH_RECORD, person=("rater__user",), fields=("note",),
        erase=Erase.ANONYMISE)

    session = models.ForeignKey(NetworkingSession, on_delete=models.CASCADE,
                                related_name="feedback")
    rater = models.ForeignKey(Participant, on_delete=models.CASCADE,
                              related_name="feedback_given", verbose_name=_("rated by"))
    other = models.ForeignKey(Participant, on_delete=models.CASCADE,
                              related_name="feedback_received", verbose_name=_("met"))
    round = models.PositiveSmallIntegerField(_("round or slot"))
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    note = models.CharField(_("note for the organisers"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting feedback")
        verbose_name_plural = _("meeting feedback")
        ordering = ["round", "id"]
        constraints = [models.UniqueConstraint(fields=["rater", "other", "round"],
                                               name="networking_one_feedback_per_meeting")]
        indexes = [models.Index(fields=["session", "outcome"])]

    def __str__(self) -> str:
        return f"{self.rater} → {self.other}, {self.round}: {self.outcome}"
