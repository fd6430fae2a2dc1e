"""Networking in the REST API: sessions, participants, seats, the optimiser, my assignment
and my marks. Same permissions as the pages (mosty.networking.access); mounted by
mosty.api.api with `api.add_router("/networking", networking_router)`."""
from datetime import datetime
from typing import Annotated

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mosty.accounts.models import User
from mosty.core.api import choices_of, form_errors
from mosty.networking import access, analytics, live, optimiser, services
from mosty.networking.models import (
    Kind, Mode, NetworkingSession, Participant, Seat, Status as State)

router = Router(tags=["networking"])


class Error(Schema):
    detail: str


class SessionIn(Schema):
    event: str
    title: str = "Speed networking"
    rounds: int = 6
    table_size: int = 4
    tables: int | None = None
    mode: Annotated[str, choices_of(NetworkingSession, "mode")] = Mode.MIXED
    cross_sector: bool = True
    minutes_per_round: int = 8
    changeover_seconds: int = 60
    wishes_open: bool = True
    kind: Annotated[str, choices_of(NetworkingSession, "kind")] = Kind.ROTATION
    request_cap: int = 5
    requests_need_acceptance: bool = True


class SessionOut(Schema):
    id: int
    event: str
    title: str
    status: Annotated[str, choices_of(NetworkingSession, "status")]
    rounds: int
    table_size: int
    tables: int | None
    mode: Annotated[str, choices_of(NetworkingSession, "mode")]
    cross_sector: bool
    minutes_per_round: int
    changeover_seconds: int
    planned_start: datetime | None
    schedule_version: int
    schedule_outdated: bool
    stats: dict
    kind: Annotated[str, choices_of(NetworkingSession, "kind")]
    request_cap: int
    requests_need_acceptance: bool


class ParticipantIn(Schema):
    name: str
    organisation: str = ""
    sector: Annotated[str, choices_of(Participant, "sector", blank=True)] = ""
    host: bool = False
    about: str = ""
    email: str = ""
    phone: str = ""
    share_contact: bool = False
    absent_rounds: list[int] = []


class ParticipantOut(Schema):
    id: int
    name: str
    organisation: str
    sector: Annotated[str, choices_of(Participant, "sector", blank=True)]
    host: bool
    about: str
    email: str
    phone: str
    share_contact: bool
    absent_rounds: list[int]
    link: str


class SeatOut(Schema):
    round: int
    table: int | None
    participant: int
    locked: bool


class SwapIn(Schema):
    round: int
    first: int
    second: int
    lock: bool = True
    version: int | None = None


class OptimiserOut(Schema):
    state: Annotated[str, choices_of(NetworkingSession, "optimiser_state")]
    stage: str
    percent: int
    message: str
    schedule_version: int


class SectorRowOut(Schema):
    sectors: str
    pairs_met: int
    marks: int
    matches: int


class StatisticsOut(Schema):
    rounds_held: int
    participants: int
    pairs_met: int
    conversations: int
    marks: int
    matches: int
    by_sector: list[SectorRowOut]
    optimiser: dict


def _user(request: HttpRequest) -> User:
    user = request.user
    if not user.is_authenticated:
        raise HttpError(401, _("Log in or send an API token."))
    return user


def _managed(request: HttpRequest, pk: int) -> NetworkingSession:
    """The same 404 and 403 as the pages (mosty.networking.access)."""
    user = _user(request)
    try:
        return access.get_session_for_manager(user, pk)
    except PermissionDenied:
        raise HttpError(403, _("Only coordinators manage networking sessions.")) from None


def _mine(request: HttpRequest, pk: int) -> Participant:
    return access.get_own_participation(_user(request), pk)


def session_out(session: NetworkingSession) -> dict:
    return {"id": session.pk, "event": session.event.slug, "title": session.title,
            "status": session.status, "rounds": session.rounds,
            "table_size": session.table_size, "tables": session.tables, "mode": session.mode,
            "cross_sector": session.cross_sector,
            "minutes_per_round": session.minutes_per_round,
            "changeover_seconds": session.changeover_seconds,
            "planned_start": session.planned_start,
            "schedule_version": session.schedule_version,
            "schedule_outdated": session.schedule_outdated, "stats": session.stats,
            "kind": session.kind, "request_cap": session.request_cap,
            "requests_need_acceptance": session.requests_need_acceptance}


def participant_out(request: HttpRequest, person: Participant) -> dict:
    return {"id": person.pk, "name": person.name, "organisation": person.organisation_name,
            "sector": person.sector, "host": person.host, "about": person.about,
            "email": person.email, "phone": person.phone,
            "share_contact": person.share_contact, "absent_rounds": person.absent_rounds,
            "link": request.build_absolute_uri(person.get_absolute_url())}


@router.get("/sessions", response={200: list[SessionOut], 401: Error})
def list_sessions(request: HttpRequest, event: str = "") -> object:
    """The sessions of programmes the user manages, and the published sessions they take
    part in."""
    user = _user(request)
    mine = NetworkingSession.objects.filter(participants__user=user).exclude(
        status__in=[State.DRAFT, State.SCHEDULED])
    sessions = NetworkingSession.objects.select_related("event").filter(
        Q(pk__in=access.managed_sessions(user).values("pk")) | Q(pk__in=mine.values("pk")))
    if event:
        sessions = sessions.filter(event__slug=event)
    return [session_out(s) for s in sessions]


@router.post("/sessions", response={201: SessionOut, 400: Error, 401: Error, 403: Error,
                                    404: Error})
def create_session(request: HttpRequest, data: SessionIn) -> object:
    user = _user(request)
    try:
        event = access.get_event_for_manager(user, data.event)
    except PermissionDenied:
        raise HttpError(403, _("Only coordinators manage networking sessions.")) from None
    from mosty.networking.forms import SessionForm

    values = data.dict(exclude={"event"})
    form = SessionForm({k: v for k, v in values.items() if v is not None})
    if not form.is_valid():
        return Status(400, {"detail": form_errors(form)})
    created = services.create_session(user, event, services.session_data(form.cleaned_data))
    return Status(201, session_out(created))


@router.get("/sessions/{pk}", response={200: SessionOut, 401: Error, 404: Error})
def get_session(request: HttpRequest, pk: int) -> object:
    user = _user(request)
    session = access.managed_sessions(user).select_related("event").filter(pk=pk).first()
    if session is not None:
        return session_out(session)
    return session_out(_mine(request, pk).session)


@router.get("/sessions/{pk}/participants",
            response={200: list[ParticipantOut], 401: Error, 403: Error, 404: Error})
def list_participants(request: HttpRequest, pk: int) -> object:
    session = _managed(request, pk)
    return [participant_out(request, p) for p in session.participants.all()]


@router.post("/sessions/{pk}/participants",
             response={201: ParticipantOut, 400: Error, 401: Error, 403: Error, 404: Error})
def add_participant(request: HttpRequest, pk: int, data: ParticipantIn) -> object:
    from mosty.networking.forms import ParticipantForm

    session = _managed(request, pk)
    values = data.dict()
    values["organisation_name"] = values.pop("organisation")
    values["absent_rounds"] = ", ".join(str(r) for r in values["absent_rounds"])
    form = ParticipantForm(values, session=session)
    if not form.is_valid():
        return Status(400, {"detail": form_errors(form)})
    person = services.add_participant(_user(request), session,
                                      services.participant_data(form.cleaned_data))
    return Status(201, participant_out(request, person))


@router.delete("/sessions/{pk}/participants/{participant}",
               response={204: None, 400: Error, 401: Error, 403: Error, 404: Error})
def remove_participant(request: HttpRequest, pk: int, participant: int) -> object:
    session = _managed(request, pk)
    person = get_object_or_404(session.participants, pk=participant)
    try:
        services.remove_participant(_user(request), person)
    except services.NetworkingError as error:
        return Status(400, {"detail": str(error)})
    return Status(204, None)


@router.post("/sessions/{pk}/optimise",
             response={202: OptimiserOut, 400: Error, 401: Error, 403: Error, 404: Error})
def optimise(request: HttpRequest, pk: int) -> object:
    """Start the optimiser; small sessions finish within the call, big ones in the background
    (poll GET /optimiser)."""
    session = _managed(request, pk)
    if session.is_requested:
        return Status(400, {"detail": _("This session has requested meetings: place them "
                                        "with POST /meetings/schedule.")})
    try:
        optimiser.start(session, _user(request))
    except optimiser.OptimiserError as error:
        return Status(400, {"detail": str(error)})
    session.refresh_from_db()
    return Status(202, optimiser.progress(session))


@router.get("/sessions/{pk}/optimiser",
            response={200: OptimiserOut, 401: Error, 403: Error, 404: Error})
def optimiser_progress(request: HttpRequest, pk: int) -> object:
    return optimiser.progress(_managed(request, pk))


@router.post("/sessions/{pk}/publish", response={200: SessionOut, 400: Error, 401: Error,
                                                 403: Error, 404: Error})
def publish(request: HttpRequest, pk: int) -> object:
    session = _managed(request, pk)
    try:
        return session_out(services.set_status(_user(request), session, State.PUBLISHED))
    except services.NetworkingError as error:
        return Status(400, {"detail": str(error)})


@router.get("/sessions/{pk}/seats",
            response={200: list[SeatOut], 401: Error, 403: Error, 404: Error})
def list_seats(request: HttpRequest, pk: int, round: int | None = None) -> object:
    session = _managed(request, pk)
    seats = Seat.objects.filter(session=session).order_by("round", "table", "participant_id")
    if round is not None:
        seats = seats.filter(round=round)
    return [{"round": s.round, "table": s.table, "participant": s.participant_id,
             "locked": s.locked} for s in seats]


@router.post("/sessions/{pk}/seats/swap",
             response={200: list[str], 400: Error, 401: Error, 403: Error, 404: Error})
def swap(request: HttpRequest, pk: int, data: SwapIn) -> object:
    """Two people change places in a round; answers the warnings about their new tables."""
    session = _managed(request, pk)
    first = get_object_or_404(session.participants, pk=data.first)
    second = get_object_or_404(session.participants, pk=data.second)
    try:
        return services.swap_seats(_user(request), session, data.round, first, second,
                                   lock=data.lock, expected_version=data.version)
    except services.NetworkingError as error:
        return Status(400, {"detail": str(error)})


@router.get("/sessions/{pk}/statistics",
            response={200: StatisticsOut, 401: Error, 403: Error, 404: Error})
def statistics(request: HttpRequest, pk: int) -> object:
    session = _managed(request, pk)
    result = analytics.session_statistics(session)
    return {"rounds_held": result.rounds_held, "participants": result.participants,
            "pairs_met": result.pairs_met, "conversations": result.conversations,
            "marks": result.marks, "matches": result.matches,
            "by_sector": [{"sectors": r.label, "pairs_met": r.meetings, "marks": r.marks,
                           "matches": r.matches} for r in result.by_sector],
            "optimiser": session.stats}


@router.get("/sessions/{pk}/me", response={200: dict, 401: Error, 404: Error})
def my_assignment(request: HttpRequest, pk: int) -> object:
    """My clock, current table and the people at it, my whole evening, marks and matches."""
    participant = _mine(request, pk)
    return live.payload(live.phone_view(participant, timezone.now()))


@router.put("/sessions/{pk}/me/marks/{other}",
            response={200: dict, 400: Error, 401: Error, 404: Error})
def mark(request: HttpRequest, pk: int, other: int) -> object:
    """“I want to continue with …”; answers whether it is now mutual."""
    participant = _mine(request, pk)
    target = get_object_or_404(participant.session.participants, pk=other)
    try:
        return {"mutual": services.set_mark(participant, target, True)}
    except services.NetworkingError as error:
        return Status(400, {"detail": str(error)})


@router.delete("/sessions/{pk}/me/marks/{other}",
               response={204: None, 400: Error, 401: Error, 404: Error})
def unmark(request: HttpRequest, pk: int, other: int) -> object:
    participant = _mine(request, pk)
    target = get_object_or_404(participant.session.participants, pk=other)
    try:
        services.set_mark(participant, target, False)
    except services.NetworkingError as error:
        return Status(400, {"detail": str(error)})
    return Status(204, None)


# The requested-meetings and feedback endpoints register themselves on this router.
from mosty.networking import meetings_api  # noqa: E402,F401
from mosty.networking import feedback_api  # noqa: E402,F401
