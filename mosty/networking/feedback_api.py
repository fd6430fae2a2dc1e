"""Meeting feedback in the REST API, on the networking router (imported by
mosty.networking.api). A participant (logged in, participation linked to the account) rates
their own meetings and reads their own answers, never anyone's notes; organisers read the
outcomes by pair of sectors and the follow-up list with the notes."""
from typing import Annotated

from django.http import HttpRequest
from django.utils import timezone
from ninja import Schema, Status

from mosty.core.api import choices_of

from mosty.networking import analytics, feedback, live
from mosty.networking.api import Error, _managed, _mine, _user, router
from mosty.networking.models import Outcome, Participant


class RatingIn(Schema):
    other: int
    round: int
    outcome: Outcome
    note: str | None = None     # null or left out: keep the earlier note


class RatingOut(Schema):
    round: int
    other: int
    outcome: Outcome
    mutual: bool = False


class MeetingRatingOut(Schema):
    round: int
    other: int
    other_name: str
    outcome: str | None


class SectorOutcomesOut(Schema):
    sectors: str
    pairs_met: int
    outcomes: dict[str, int]
    cooperation_both: int


class PersonOut(Schema):
    id: int
    name: str
    organisation: str
    sector: Annotated[str, choices_of(Participant, "sector", blank=True)]
    email: str | None
    phone: str | None


class NoteOut(Schema):
    writer: int
    round: int
    outcome: Outcome
    text: str


class FollowUpOut(Schema):
    people: list[PersonOut]
    both: bool
    rounds: list[int]
    notes: list[NoteOut]


class OutcomesOut(Schema):
    ratings: int
    outcomes: dict[str, int]
    cooperation_both: int
    feedback_open: bool
    by_sector: list[SectorOutcomesOut]
    follow_ups: list[FollowUpOut]


@router.get("/sessions/{pk}/me/feedback",
            response={200: list[MeetingRatingOut], 401: Error, 404: Error})
def my_feedback(request: HttpRequest, pk: int) -> object:
    """My meetings held so far (latest first) with my answer (null: not rated yet)."""
    view = live.phone_view(_mine(request, pk), timezone.now())
    return [{"round": row.round, "other": row.person.pk, "other_name": row.person.name,
             "outcome": row.outcome or None} for row in view.meetings_to_rate]


@router.post("/sessions/{pk}/me/feedback",
             response={200: RatingOut, 400: Error, 401: Error, 404: Error})
def rate(request: HttpRequest, pk: int, data: RatingIn) -> object:
    """Rate one of my meetings (or change my answer while the feedback is open)."""
    participant = _mine(request, pk)
    try:
        rated = feedback.rate_meeting(_user(request), participant, feedback.FeedbackData(
            data.other, data.round, data.outcome, data.note))
    except feedback.NetworkingError as error:
        return Status(400, {"detail": str(error)})
    return {"round": rated.feedback.round, "other": rated.feedback.other_id,
            "outcome": rated.feedback.outcome, "mutual": rated.mutual}


def _person(person: Participant) -> dict:
    shared = person.share_contact
    return {"id": person.pk, "name": person.name, "organisation": person.organisation_name,
            "sector": person.sector, "email": person.email if shared else None,
            "phone": person.phone if shared else None}


@router.get("/sessions/{pk}/outcomes",
            response={200: OutcomesOut, 401: Error, 403: Error, 404: Error})
def outcomes(request: HttpRequest, pk: int) -> object:
    """Organisers: the answers by pair of sectors and the pairs to contact after the event
    (notes included; contacts only of people who agreed to share them)."""
    session = _managed(request, pk)
    result = analytics.session_statistics(session)
    return {
        "ratings": result.ratings,
        "outcomes": {value: result.outcomes[value] for value in Outcome.values},
        "cooperation_both": result.cooperation_both, "feedback_open": session.feedback_open,
        "by_sector": [{"sectors": row.label, "pairs_met": row.meetings,
                       "outcomes": {value: row.outcomes[value] for value in Outcome.values},
                       "cooperation_both": row.cooperation_both} for row in result.by_sector],
        "follow_ups": [{"people": [_person(row.first), _person(row.second)],
                        "both": row.both, "rounds": sorted(row.rounds),
                        "notes": [{"writer": n.writer.pk, "round": n.round,
                                   "outcome": n.outcome, "text": n.text} for n in row.notes]}
                       for row in feedback.follow_ups(session)]}
