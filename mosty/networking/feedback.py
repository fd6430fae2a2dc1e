"""Meeting feedback: after each meeting each side rates it in one tap.

A meeting is two people at one table in one round: a rotation round (where a table of four
holds three meetings for each person) or a requested one-to-one meeting's slot (placed
meetings are Seat rows too). A rating is keyed on (rater, other person, round), so a pair
meeting twice rates twice. The outcome is one of `Outcome`; the optional note goes to the
organisers only: never to the other person, never into the participant API.

Ratings and the older "I want to continue with …" marks: rating a meeting "cooperation
possible" also sets the rater's continue mark for that person, and withdrawing the last such
rating of the pair takes the mark away again. So two people who both see a cooperation
become a mutual match through the one existing path (`services.mark_and_match`): they get
each other's shared contacts, and their organisations get a "met at an event" relation on
the matching map (`record_relation`). A mark set by hand stays as it is whatever the rating.

Rating is open from the moment a round has begun until the organiser closes the feedback
(`NetworkingSession.feedback_closed_at`); until then a rating may be changed.
"""
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.networking.clock import clock_state
from mosty.networking.models import (
    ContinueMark, MeetingFeedback, NetworkingSession, Outcome, Participant, Seat)
from mosty.networking.services import NetworkingError, _locked, mark_and_match

MAX_NOTE = 500


@dataclass(frozen=True)
class FeedbackData:
    """One side's rating of one meeting."""

    other: int          # the other participant's id
    round: int          # the rotation round or the requested meeting's slot
    outcome: str        # an Outcome value
    note: str | None = None   # for the organisers only; None keeps the earlier note


@dataclass(frozen=True)
class Rated:
    feedback: MeetingFeedback
    changed: bool       # an earlier rating of this meeting was replaced
    mutual: bool        # both now want to continue with each other


def met_at(session: NetworkingSession, first: int, second: int, round_number: int) -> bool:
    """Did the two sit at one table in that round? (One query.)"""
    tables = dict(Seat.objects.filter(session=session, round=round_number,
                                      participant__in=[first, second],
                                      table__isnull=False)
                  .values_list("participant_id", "table"))
    return len(tables) == 2 and tables[first] == tables[second]


def _lock_pair(first: int, second: int) -> dict[int, Participant]:
    """Both people's rows, locked in id order (two people rating each other at once never
    deadlock, and the second one sees the first one's mark)."""
    return {p.pk: p for p in Participant.objects.select_for_update()
            .filter(pk__in=[first, second]).order_by("pk")}


@transaction.atomic
def rate_meeting(actor: User | None, rater: Participant, data: FeedbackData) -> Rated:
    """Rate (or re-rate) one meeting of `rater`. Raises NetworkingError when the meeting did
    not take place at a table of this session, has not begun, or feedback is closed."""
    if data.other == rater.pk:
        raise NetworkingError(_("Choose a person you met."))
    people = _lock_pair(rater.pk, data.other)
    me, other = people.get(rater.pk), people.get(data.other)
    if me is None or other is None or other.session_id != me.session_id:
        raise NetworkingError(_("Choose a person you met."))
    session = NetworkingSession.objects.select_related("event__programme").get(pk=me.session_id)
    if not session.is_visible_to_participants:
        raise NetworkingError(_("The seating has not been published yet."))
    if session.feedback_closed_at is not None:
        raise NetworkingError(_("The organisers have closed the feedback of this session."))
    if data.outcome not in Outcome.values:
        raise NetworkingError(_("Choose one of the answers."))
    note = (data.note or "").strip()
    if len(note) > MAX_NOTE:
        raise NetworkingError(ngettext("The note is too long (at most %(count)s character).",
                                       "The note is too long (at most %(count)s characters).",
                                       MAX_NOTE) % {"count": MAX_NOTE})
    held = clock_state(session, timezone.now()).rounds_held
    if not 1 <= data.round <= held or not met_at(session, me.pk, other.pk, data.round):
        raise NetworkingError(_("You can rate a meeting once it has begun, and only one you "
                                "had at a table."))
    feedback = MeetingFeedback.objects.filter(rater=me, other=other, round=data.round).first()
    before = feedback.outcome if feedback else ""
    if data.note is None and feedback is not None:
        note = feedback.note
    if feedback is None:
        feedback = MeetingFeedback.objects.create(session=session, rater=me, other=other,
                                                  round=data.round, outcome=data.outcome,
                                                  note=note)
    else:
        feedback.outcome, feedback.note = data.outcome, note
        feedback.save(update_fields=["outcome", "note", "updated_at"])
    mutual = False
    if data.outcome == Outcome.COOPERATION:
        mutual = mark_and_match(session, me, other)
    elif before == Outcome.COOPERATION and not MeetingFeedback.objects.filter(
            rater=me, other=other, outcome=Outcome.COOPERATION).exists():
        ContinueMark.objects.filter(from_participant=me, to_participant=other).delete()
    # Both phones change: my rating, and (through the mark) possibly the other's matches.
    Participant.objects.filter(pk__in=[me.pk, other.pk]).update(version=F("version") + 1)
    log_action(actor, "networking.feedback." + ("changed" if before else "given"), feedback,
               round=data.round, other=other.pk, outcome=data.outcome, note=bool(note),
               before=before or None)
    return Rated(feedback, bool(before), mutual)


@transaction.atomic
def close_feedback(user: User, session: NetworkingSession, closed: bool) -> NetworkingSession:
    """Close the feedback (ratings are final) or open it again."""
    current = _locked(session)
    current.feedback_closed_at = timezone.now() if closed else None
    current.save(update_fields=["feedback_closed_at", "updated_at"])
    # Every phone shows or hides its rating buttons.
    Participant.objects.filter(session=current).update(version=F("version") + 1)
    log_action(user, "networking.feedback." + ("closed" if closed else "reopened"), current)
    return current


# ---- what the organisers read ----------------------------------------------------------------

@dataclass
class Note:
    writer: Participant
    round: int
    outcome: str
    text: str


@dataclass
class FollowUp:
    """A pair of people of whom at least one saw a possible cooperation."""

    first: Participant
    second: Participant
    cooperation: set[int]            # who of the two said "cooperation possible"
    rounds: set[int]
    notes: list[Note]

    @property
    def both(self) -> bool:
        return len(self.cooperation) == 2

    def contact(self, person: Participant) -> str:
        """E-mail and phone, only of a person who agreed to share them."""
        if not person.share_contact:
            return ""
        return ", ".join(value for value in (person.email, person.phone) if value)

    @property
    def first_contact(self) -> str:
        return self.contact(self.first)

    @property
    def second_contact(self) -> str:
        return self.contact(self.second)


def follow_ups(session: NetworkingSession) -> list[FollowUp]:
    """Pairs to contact after the event (one query): both sides first, then by name. Notes
    of any rating of the pair come along."""
    ratings = list(MeetingFeedback.objects.filter(session=session)
                   .select_related("rater", "other").order_by("round", "id"))
    pairs: dict[tuple[int, int], FollowUp] = {}
    for rating in ratings:
        if rating.outcome != Outcome.COOPERATION:
            continue
        first, second = sorted((rating.rater, rating.other), key=lambda p: p.pk)
        row = pairs.setdefault((first.pk, second.pk), FollowUp(first, second, set(), set(), []))
        row.cooperation.add(rating.rater_id)
        row.rounds.add(rating.round)
    for rating in ratings:
        key = (min(rating.rater_id, rating.other_id), max(rating.rater_id, rating.other_id))
        if key in pairs and rating.note:
            pairs[key].notes.append(Note(rating.rater, rating.round, rating.outcome,
                                         rating.note))
    return sorted(pairs.values(), key=lambda r: (not r.both, r.first.name, r.second.name,
                                                 r.first.pk, r.second.pk))


def follow_ups_xlsx(session: NetworkingSession, rows: list[FollowUp]) -> bytes:
    """The follow-up list as a spreadsheet (through mosty.core.table_writer)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from mosty.core import table_writer

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = table_writer.sheet_title(_("Follow-up"), "Follow-up")
    table_writer.append_row(sheet, [
        _("Person"), _("Organisation"), _("Sector"), _("Contact (if shared)"),
        _("Person"), _("Organisation"), _("Sector"), _("Contact (if shared)"),
        _("Cooperation possible for"), _("Rounds or slots"), _("Notes for the organisers")])
    both, one = _("both"), _("one side")
    for row in rows:
        table_writer.append_row(sheet, [
            row.first.name, row.first.organisation_name, row.first.get_sector_display(),
            row.first_contact,
            row.second.name, row.second.organisation_name, row.second.get_sector_display(),
            row.second_contact,
            both if row.both else one, ", ".join(str(r) for r in sorted(row.rounds)),
            "\n".join(f"{note.writer.name} ({note.round}): {note.text}" for note in row.notes)])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter in "ABCDEFGHIJK":
        sheet.column_dimensions[letter].width = 24
    sheet.freeze_panes = "A2"
    return table_writer.workbook_bytes(book)
