"""Requested one-to-one meetings in the REST API, on the networking router (imported by
mosty.networking.api). A participant (logged in, with a participation linked to the account)
browses people, sends, answers and withdraws requests and reads their agenda; they see the
messages of their own requests only. Organisers see requests and meetings (without the
messages), place them and move them by hand."""
from datetime import datetime

from typing import Annotated

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Schema, Status

from mosty.core.api import choices_of

from mosty.networking import live, meeting_services, meetings
from mosty.networking.api import Error, _managed, _mine, _user, router
from mosty.networking.models import MeetingRequest, Participant, RequestState


class ProfileOut(Schema):
    id: int
    name: str
    organisation: str
    sector: Annotated[str, choices_of(Participant, "sector", blank=True)]
    about: str
    offers: list[str]
    seeks: list[str]
    score: float
    mutual_interest: bool
    request_state: str
    asked_me: bool


class RequestIn(Schema):
    to: int
    message: str = ""


class RequestOut(Schema):
    id: int
    sender: int
    receiver: int
    other_name: str
    incoming: bool
    state: RequestState
    mutual: bool
    message: str
    slot: int | None = None
    table: int | None = None
    start: datetime | None = None


class MeetingAnswerIn(Schema):
    accept: bool


class MeetingOut(Schema):
    id: int
    people: list[int]
    mutual: bool
    slot: int | None
    table: int | None
    locked: bool


class MoveIn(Schema):
    slot: int
    table: int
    version: int | None = None


class PlanOut(Schema):
    placed: int
    unplaced: int
    solver: str


def _request_out(row: meetings.RequestRow, me: Participant) -> dict:
    request = row.request
    return {"id": request.pk, "sender": request.sender_id, "receiver": request.receiver_id,
            "other_name": row.other.name, "incoming": row.incoming, "state": request.state,
            "mutual": request.mutual, "message": request.message,
            "slot": row.place.round if row.place else None,
            "table": row.place.table if row.place else None, "start": row.start}


def _my_rows(participant: Participant) -> list[meetings.RequestRow]:
    view = live.phone_view(participant, timezone.now())
    mine = meetings.my_requests(participant, view)
    return [*mine.received, *mine.meetings, *mine.sent, *mine.closed]


@router.get("/sessions/{pk}/me/people", response={200: list[ProfileOut], 401: Error, 404: Error})
def my_people(request: HttpRequest, pk: int) -> object:
    """The other participants with what their organisations offer and seek, suggested first."""
    participant = _mine(request, pk)
    if not participant.session.is_requested:
        return Status(404, {"detail": "Not Found"})
    mine = meetings.my_requests(participant)
    return [{"id": p.person.pk, "name": p.person.name,
             "organisation": p.person.organisation_name, "sector": p.person.sector,
             "about": p.person.about, "offers": [r.description for r in p.offers],
             "seeks": [r.description for r in p.seeks], "score": p.suggestion.score,
             "mutual_interest": p.suggestion.mutual, "request_state": p.state,
             "asked_me": p.asked_me} for p in meetings.profiles(participant, mine)]


@router.get("/sessions/{pk}/me/requests", response={200: list[RequestOut], 401: Error,
                                                    404: Error})
def my_requests(request: HttpRequest, pk: int) -> object:
    """My requests, sent and received, with their messages and, once placed, slot and table."""
    participant = _mine(request, pk)
    return [_request_out(row, participant) for row in _my_rows(participant)]


@router.post("/sessions/{pk}/me/requests", response={201: RequestOut, 400: Error, 401: Error,
                                                     404: Error})
def send_request(request: HttpRequest, pk: int, data: RequestIn) -> object:
    participant = _mine(request, pk)
    target = get_object_or_404(participant.session.participants, pk=data.to)
    try:
        sent = meeting_services.send_request(_user(request), participant, target,
                                             meeting_services.RequestData(data.message))
    except meeting_services.NetworkingError as error:
        return Status(400, {"detail": str(error)})
    return Status(201, _request_out(meetings.RequestRow(sent, target, False), participant))


def _answer(request: HttpRequest, pk: int, request_id: int, accept: bool | None) -> object:
    participant = _mine(request, pk)
    try:
        if accept is None:
            done = meeting_services.cancel_request(_user(request), participant, request_id)
        else:
            done = meeting_services.answer_request(_user(request), participant, request_id,
                                                   accept)
    except meeting_services.NetworkingError as error:
        return Status(400, {"detail": str(error)})
    row = meetings.RequestRow(done, done.other(participant),
                              done.receiver_id == participant.pk)
    return _request_out(row, participant)


@router.post("/sessions/{pk}/me/requests/{request_id}/answer",
             response={200: RequestOut, 400: Error, 401: Error, 404: Error})
def answer_request(request: HttpRequest, pk: int, request_id: int, data: MeetingAnswerIn) -> object:
    """Accept or decline a request sent to me."""
    return _answer(request, pk, request_id, data.accept)


@router.post("/sessions/{pk}/me/requests/{request_id}/cancel",
             response={200: RequestOut, 400: Error, 401: Error, 404: Error})
def cancel_request(request: HttpRequest, pk: int, request_id: int) -> object:
    """Withdraw my request, or call off an accepted meeting."""
    return _answer(request, pk, request_id, None)


@router.get("/sessions/{pk}/meetings", response={200: list[MeetingOut], 401: Error,
                                                 403: Error, 404: Error})
def list_meetings(request: HttpRequest, pk: int) -> object:
    """Accepted meetings with their slot and table (null: not placed yet); no messages."""
    session = _managed(request, pk)
    accepted = list(session.meeting_requests.filter(state="accepted").order_by("id"))
    placed, locked = meeting_services.placements(session, accepted)
    return [{"id": r.pk, "people": [r.sender_id, r.receiver_id], "mutual": r.mutual,
             "slot": placed[r.pk].slot if r.pk in placed else None,
             "table": placed[r.pk].table if r.pk in placed else None,
             "locked": r.pk in locked} for r in accepted]


@router.post("/sessions/{pk}/meetings/schedule",
             response={200: PlanOut, 400: Error, 401: Error, 403: Error, 404: Error})
def schedule(request: HttpRequest, pk: int) -> object:
    session = _managed(request, pk)
    try:
        plan = meeting_services.schedule_meetings(_user(request), session)
    except meeting_services.NetworkingError as error:
        return Status(400, {"detail": str(error)})
    return {"placed": plan.count, "unplaced": len(plan.unplaced), "solver": plan.solver}


@router.post("/sessions/{pk}/meetings/{request_id}/move",
             response={204: None, 400: Error, 401: Error, 403: Error, 404: Error})
def move(request: HttpRequest, pk: int, request_id: int, data: MoveIn) -> object:
    session = _managed(request, pk)
    get_object_or_404(MeetingRequest, pk=request_id, session=session)
    try:
        meeting_services.move_meeting(_user(request), session, request_id,
                                      meeting_services.MoveData(data.slot, data.table,
                                                                data.version))
    except meeting_services.NetworkingError as error:
        return Status(400, {"detail": str(error)})
    return Status(204, None)
