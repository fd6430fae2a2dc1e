"""What a person's start page shows: their organisations and programmes, upcoming events,
what is waiting for them, and for coordinators the next steps of the programmes they run.

Gathered from many apps, so it lives in an app of its own that nothing imports. Every list
is read in a fixed number of queries, however many programmes, events or applications there
are (mosty/home/tests/test_start.py counts them). Who sees what follows the apps' own access
rules: a programme's private parts only to its staff, a survey invitation only to the person
it was made for.
"""
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _, pgettext_lazy
from django.utils.functional import Promise

from mosty.accounts.models import User
from mosty.agreements.models import Agreement, Party, Status as AgreementStatus
from mosty.cooperation.access import commenting_organisations, editable_territories
from mosty.cooperation.models import CooperationProgramme, Status as CooperationStatus
from mosty.directory.models import Membership, Organisation
from mosty.events.models import ACTIVE_STATUSES, Registration
from mosty.programmes.access import private_programmes, staffed_programmes
from mosty.programmes.models import Edition, Event, GroupMember, Programme
from mosty.recruitment.choices import Status as ApplicationStatus
from mosty.recruitment.models import Application, RecruitmentCall, Review
from mosty.surveys.models import Invitation, Survey, SurveyStatus

# Longest lists on the page; the pages behind the links show everything.
UPCOMING = 8
DUE = 10


class StepStatus:
    DONE = "done"
    TODO = "todo"
    BLOCKED = "blocked"


STATUS_LABELS = {StepStatus.DONE: pgettext_lazy("task", "done"),
                 StepStatus.TODO: pgettext_lazy("task", "to do"),
                 StepStatus.BLOCKED: pgettext_lazy("task", "cannot start yet")}


@dataclass(frozen=True)
class Step:
    """One next step of a programme: its status and, when it can be done, where."""

    key: str
    title: str | Promise
    status: str
    hint: str | Promise = ""
    url: str = ""

    @property
    def status_label(self) -> str | Promise:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class RunProgramme:
    programme: Programme
    manages: bool
    steps: list[Step] = field(default_factory=list)

    @property
    def steps_done(self) -> int:
        return sum(step.status == StepStatus.DONE for step in self.steps)


@dataclass(frozen=True)
class Upcoming:
    event: Event
    registration: Registration | None  # None: an event of a programme the person runs


@dataclass(frozen=True)
class ReviewWork:
    call: RecruitmentCall
    waiting: int


@dataclass
class StartPage:
    organisations: list[Organisation]
    running: list[RunProgramme]
    taking_part: list[Programme]
    events: list[Upcoming]
    drafts: list[Application]
    invitations: list[Invitation]
    approvals: list[Party]
    signatures: list[Agreement]
    reviews: list[ReviewWork]
    consultations: list[CooperationProgramme]
    kept: list[CooperationProgramme]  # annotated `unanswered`: comments waiting for answers

    @property
    def to_answer(self) -> list[CooperationProgramme]:
        return [programme for programme in self.kept if getattr(programme, "unanswered", 0)]

    @property
    def due_count(self) -> int:
        return (len(self.drafts) + len(self.invitations) + len(self.approvals)
                + len(self.signatures) + len(self.reviews) + len(self.consultations)
                + len(self.to_answer))


def _organisations(user: User) -> list[Organisation]:
    return [m.organisation for m in Membership.objects.filter(user=user)
            .select_related("organisation").order_by("organisation__name")]


def _taking_part(user: User, running: set[int]) -> list[Programme]:
    """Programmes the person takes part in: through a group (their organisation's, or in
    person), an application, or a registration for one of its events."""
    mine = Membership.objects.filter(user=user).values("organisation_id")
    ids = (GroupMember.objects.filter(Q(people=user) | Q(organisation_id__in=mine))
           .values("group__edition__programme_id"))
    applied = Application.objects.filter(applicant=user).values("call__edition__programme_id")
    registered = Registration.objects.filter(user=user, status__in=ACTIVE_STATUSES) \
        .values("event__programme_id")
    return list(Programme.objects.filter(Q(pk__in=ids) | Q(pk__in=applied)
                                         | Q(pk__in=registered))
                .exclude(pk__in=running).select_related("organiser").order_by("name"))


def _events(user: User, running: set[int], now: datetime) -> list[Upcoming]:
    """The next events the person is invited or registered to, and those of the programmes
    they run."""
    registrations = {r.event_id: r for r in Registration.objects.filter(
        user=user, status__in=ACTIVE_STATUSES, event__end__gte=now)}
    events = Event.objects.filter(Q(pk__in=registrations) | Q(programme_id__in=running),
                                  end__gte=now).select_related("programme").order_by("start")
    return [Upcoming(event, registrations.get(event.pk)) for event in events[:UPCOMING]]


def _drafts(user: User, now: datetime) -> list[Application]:
    """Applications not yet submitted to calls that are still open."""
    return list(Application.objects.filter(applicant=user, status=ApplicationStatus.DRAFT,
                                           call__deadline__gte=now)
                .select_related("call__edition__programme", "organisation")
                .order_by("call__deadline")[:DUE])


def _invitations(user: User) -> list[Invitation]:
    """Personal invitations to open surveys not answered yet: made for the account, or for
    its address once the person has confirmed that it is theirs."""
    mine = Q(user=user)
    if user.email_confirmed:
        mine |= Q(user__isnull=True, email__iexact=user.email)
    return list(Invitation.objects.filter(mine, answered=False, survey__status=SurveyStatus.OPEN)
                .select_related("survey").order_by("survey__title_pl")[:DUE])


def _approvals(user: User) -> list[Party]:
    """Parties of the person's organisations that have not approved a draft agreement."""
    return list(Party.objects.filter(
        organisation__memberships__user=user, approved_at__isnull=True,
        agreement__status=AgreementStatus.DRAFT)
        .select_related("agreement", "organisation").order_by("agreement__title")[:DUE])


def _signatures(user: User, running: set[int]) -> list[Agreement]:
    """Agreements every party has approved that wait for the signing to be recorded: of the
    person's organisations and of the programmes they manage."""
    mine = Party.objects.filter(agreement=OuterRef("pk"), organisation__memberships__user=user)
    return list(Agreement.objects.filter(Q(Exists(mine)) | Q(programme_id__in=running),
                                         status=AgreementStatus.AGREED)
                .order_by("title")[:DUE])


def _reviews(user: User) -> list[ReviewWork]:
    """Per call, submitted applications still undecided that the person has not scored, in
    the programmes whose applications they see as coordinator or expert."""
    if user.is_staff:  # every programme: the page would list all of them
        programmes = staffed_programmes(user)
    else:
        programmes = private_programmes(user)
    scored = Review.objects.filter(application=OuterRef("pk"), reviewer=user)
    waiting = Counter(Application.objects.filter(
        status=ApplicationStatus.SUBMITTED, call__edition__programme__in=programmes)
        .exclude(Exists(scored)).values_list("call_id", flat=True))
    calls = RecruitmentCall.objects.filter(pk__in=waiting).select_related("edition__programme")
    return [ReviewWork(call, waiting[call.pk]) for call in calls.order_by("deadline")[:DUE]]


def _consultations(user: User, today: datetime) -> list[CooperationProgramme]:
    """Cooperation programmes under public consultation where the person's organisations
    may comment: those of their gmina, powiat and voivodeship."""
    gminas = [code for code in commenting_organisations(user)
              .values_list("municipality_id", flat=True) if code]
    if not gminas:
        return []
    codes = {code[:length] for code in gminas for length in (2, 4, 7)}
    day = timezone.localdate(today)
    return list(CooperationProgramme.objects.filter(
        territory__code__in=codes, status=CooperationStatus.CONSULTATION,
        published_at__isnull=False, report_published_at__isnull=True,
        consultation_start__lte=day, consultation_end__gte=day)
        .select_related("territory").order_by("consultation_end")[:DUE])


def _kept(user: User) -> list[CooperationProgramme]:
    """The annual cooperation programmes an official keeps (of their office's unit), with
    the consultation comments that wait for an answer (staff, who keep every one, left out:
    the admin lists them)."""
    if user.is_staff:
        return []
    return list(CooperationProgramme.objects.filter(territory__in=editable_territories(user))
                .annotate(unanswered=Count("comments", filter=Q(comments__answered_at=None)))
                .select_related("territory").order_by("-year", "territory__name")[:DUE])


def _with_facts(programmes: list[int], now: datetime) -> list[Programme]:
    """The programmes with what their next steps depend on, in one query."""
    of = OuterRef("pk")
    return list(Programme.objects.filter(pk__in=programmes).annotate(
        has_edition=Exists(Edition.objects.filter(programme=of)),
        has_call=Exists(RecruitmentCall.objects.filter(edition__programme=of,
                                                       is_published=True)),
        has_members=Exists(GroupMember.objects.filter(group__edition__programme=of)),
        has_event=Exists(Event.objects.filter(programme=of)),
        has_past_event=Exists(Event.objects.filter(programme=of, end__lt=now)),
        has_survey=Exists(Survey.objects.filter(programme=of).exclude(
            status=SurveyStatus.DRAFT)),
        has_agreement=Exists(Agreement.objects.filter(programme=of)),
        has_signed=Exists(Agreement.objects.filter(
            programme=of, status__in=[AgreementStatus.SIGNED, AgreementStatus.ENDED])),
    ).select_related("organiser").order_by("name"))


def steps(programme: Programme) -> list[Step]:
    """The next steps of a programme annotated by _with_facts, in the order they are done."""
    slug = programme.slug

    def fact(name: str) -> bool:
        return bool(getattr(programme, name))

    def step(key: str, title: str | Promise, done: bool, blocked: str | Promise | None,
             todo: str | Promise, url: str) -> Step:
        if done:
            return Step(key, title, StepStatus.DONE)
        if blocked:
            return Step(key, title, StepStatus.BLOCKED, blocked)
        return Step(key, title, StepStatus.TODO, todo, url)

    no_edition = None if fact("has_edition") else _("Add an edition first.")
    return [
        step("describe", _("Describe the programme"),
             bool(programme.description and programme.goals), None,
             _("Add its description and goals."), reverse("programmes:edit", args=[slug])),
        step("edition", _("Add an edition"), fact("has_edition"), None,
             _("Editions hold groups and recruitment."),
             reverse("programmes:edition_create", args=[slug])),
        step("recruit", _("Open recruitment"), fact("has_call"), no_edition,
             _("Publish a call for applications."),
             reverse("recruitment:call_create", args=[slug])),
        step("groups", _("Form groups"), fact("has_members"), no_edition,
             _("Put the organisations taking part into groups."),
             reverse("recruitment:manage", args=[slug])),
        step("events", _("Schedule events"), fact("has_event"), None,
             _("Plan workshops, trainings and meetings."),
             reverse("programmes:event_create", args=[slug])),
        step("evaluate", _("Evaluate"), fact("has_survey"),
             None if fact("has_past_event") else _("After the first event."),
             _("Ask participants to evaluate, e.g. with an event evaluation survey."),
             reverse("surveys:create") + f"?programme={programme.pk}"),
        step("agreements", _("Sign agreements"), fact("has_signed"),
             None if fact("has_members") or fact("has_agreement")
             else _("When the groups are formed."),
             _("Turn recommendations into cooperation agreements."),
             reverse("agreements:list")),
    ]


def start_page(user: User, now: datetime | None = None) -> StartPage:
    now = now or timezone.now()
    # "manages" is an annotation of staffed_programmes, which the stubs cannot follow there.
    staffed = list(staffed_programmes(user).values_list("pk", "manages"))  # type: ignore[misc]
    running_ids = {pk for pk, _manages in staffed}
    managed = {pk for pk, manages in staffed if manages}
    running = [RunProgramme(p, p.pk in managed, steps(p) if p.pk in managed else [])
               for p in _with_facts(list(running_ids), now)]
    return StartPage(
        organisations=_organisations(user),
        running=running,
        taking_part=_taking_part(user, running_ids),
        events=_events(user, running_ids, now),
        drafts=_drafts(user, now),
        invitations=_invitations(user),
        approvals=_approvals(user),
        signatures=_signatures(user, managed),
        reviews=_reviews(user),
        consultations=_consultations(user, now),
        kept=_kept(user),
    )
