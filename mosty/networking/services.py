"""State changes of networking sessions. Views, the importer and the API call these.

Each function is atomic, writes an audit entry and raises NetworkingError with a translated
message when the change is not allowed; nothing is changed then.
"""
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, TypedDict, cast

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.accounts.services import unconfirmed_problem
from mosty.core import undo
from mosty.core.audit import log_action, log_change, snapshot
from mosty.core.errors import DomainError, check_model
from mosty.core.models import Deletion
from mosty.directory.models import Membership, Organisation
from mosty.matching.models import RelationKind, RelationOrigin
from mosty.matching.services import record_relation
from mosty.networking.clock import BEFORE, FINISHED, TALK, clock_state
from mosty.networking.models import (
    ContinueMark, Mode, NetworkingSession, Participant, Seat, Status, Wish, WishKind, new_token)
from mosty.programmes.models import Event

MAX_WISHES = 5
MAX_AVOIDS = 3
FORMAT_FIELDS = ("rounds", "table_size", "tables", "mode", "cross_sector", "kind")
REQUEST_FIELDS = ("request_cap", "requests_need_acceptance")
CLOCK_FIELDS = ("minutes_per_round", "changeover_seconds", "planned_start")
SESSION_FIELDS = ("title", *FORMAT_FIELDS, *CLOCK_FIELDS, "wishes_open", *REQUEST_FIELDS)
# Participant fields the optimiser reads; changing them makes the seating outdated.
SETUP_FIELDS = ("sector", "host", "organisation", "organisation_name", "absent_rounds")
PARTICIPANT_FIELDS = ("name", "organisation_name", "sector", "host", "about", "email", "phone",
                      "share_contact", "absent_rounds")
# Set by the services, not by the caller: not checked against the model's rules.
PARTICIPANT_UNCHECKED = ("session", "user", "token", "organisation", "consent_at")


class SessionData(TypedDict, total=False):
    """A session's settings as plain values; a key left out keeps its value."""

    title: str
    rounds: int
    table_size: int
    tables: int | None
    mode: str
    cross_sector: bool
    minutes_per_round: int
    changeover_seconds: int
    planned_start: datetime | None
    wishes_open: bool
    kind: str
    request_cap: int
    requests_need_acceptance: bool


class ParticipantData(TypedDict, total=False):
    """A participant as plain values; a key left out keeps its value. Without
    `organisation`, the directory organisation of that exact name is linked."""

    name: str
    organisation_name: str
    organisation: Organisation | None
    sector: str
    host: bool
    about: str
    email: str
    phone: str
    share_contact: bool
    absent_rounds: list[int]


def only(data: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """The entries of `data` (e.g. a form's cleaned data) that `keys` names."""
    keys = set(keys)
    return {name: value for name, value in data.items() if name in keys}


# A form's cleaned data holds the values its fields checked; these keep the entries the
# TypedDicts declare (a TypedDict cannot be built from names known only when running).
def session_data(cleaned: Mapping[str, Any]) -> SessionData:
    """The session settings in a form's cleaned data."""
    return cast(SessionData, only(cleaned, SESSION_FIELDS))


def participant_data(cleaned: Mapping[str, Any],
                     keys: Iterable[str] = PARTICIPANT_FIELDS) -> ParticipantData:
    """The participant fields in a form's cleaned data (only those of `keys`)."""
    return cast(ParticipantData, only(cleaned, set(keys) & set(PARTICIPANT_FIELDS)))


class NetworkingError(DomainError):
    """A change that is not allowed; the message is translated and meant for the user."""


def _locked(session: NetworkingSession) -> NetworkingSession:
    return NetworkingSession.objects.select_for_update().get(pk=session.pk)


def _bump(session: NetworkingSession, *counters: str) -> None:
    NetworkingSession.objects.filter(pk=session.pk).update(
        **{name: F(name) + 1 for name in counters})
    session.refresh_from_db(fields=list(counters))


# ---- sessions -------------------------------------------------------------------------------

@transaction.atomic
def create_session(user: User | None, event: Event, data: SessionData) -> NetworkingSession:
    session = NetworkingSession(event=event, created_by=user)
    values: Mapping[str, object] = data  # read by field name
    for name in SESSION_FIELDS:
        if name in values:
            setattr(session, name, values[name])
    if session.planned_start is None:
        session.planned_start = event.start
    check_model(session, NetworkingError, ["event", "created_by"])
    session.save()
    log_change(user, "networking.session.created", session,
               after=snapshot(session, SESSION_FIELDS))
    return session


@transaction.atomic
def update_session(user: User, session: NetworkingSession, data: SessionData,
                   expected_version: int | None = None) -> NetworkingSession:
    """Save the format; the seating becomes outdated when the optimiser's input changed."""
    current = _locked(session)
    if expected_version is not None and expected_version != current.setup_version:
        raise NetworkingError(_("Someone else changed this session while you were editing it. "
                                "Nothing was saved; check the current settings and try again."))
    values: Mapping[str, object] = data  # read by field name
    changed = [n for n in SESSION_FIELDS if n in values and getattr(current, n) != values[n]]
    if current.status in (Status.RUNNING, Status.FINISHED) and \
            any(n in FORMAT_FIELDS for n in changed):
        raise NetworkingError(_("The evening is under way: the number of rounds and the "
                                "table format can no longer change."))
    before = snapshot(current, SESSION_FIELDS)
    for name in changed:
        setattr(current, name, values[name])
    check_model(current, NetworkingError, ["event", "created_by"])
    current.save()
    if any(n in FORMAT_FIELDS for n in changed):
        _bump(current, "setup_version")
    if changed:
        _bump(current, "live_version")
    log_change(user, "networking.session.updated", current, before, fields=changed)
    return current


@transaction.atomic
def delete_session(user: User, session: NetworkingSession) -> None:
    log_action(user, "networking.session.deleted", session, event=session.event.slug)
    session.delete()


@transaction.atomic
def set_status(user: User | None, session: NetworkingSession, status: str) -> NetworkingSession:
    """Publish to participants, or take back to planning before the evening starts."""
    current = _locked(session)
    if status == Status.PUBLISHED:
        if not current.has_schedule:
            raise NetworkingError(_("Run the optimiser before publishing the seating."))
        if current.schedule_outdated:
            raise NetworkingError(_("Participants or the format changed after the seating "
                                    "was planned. Run the optimiser again, then publish."))
        if current.status not in (Status.SCHEDULED, Status.DRAFT):
            raise NetworkingError(_("This session is already published."))
    elif status == Status.SCHEDULED:
        if current.status != Status.PUBLISHED:
            raise NetworkingError(_("Only a published session that has not started can be "
                                    "taken back."))
    else:
        raise NetworkingError(_("This change of status is not possible."))
    current.status = status
    current.save(update_fields=["status", "updated_at"])
    _bump(current, "live_version")
    log_action(user, f"networking.session.{status}", current)
    return current


# ---- the live clock -------------------------------------------------------------------------

@transaction.atomic
def control_clock(user: User, session: NetworkingSession, action: str,
                  now: datetime | None = None) -> NetworkingSession:
    """Start the evening, jump to the next round, pause, resume or finish."""
    now = now or timezone.now()
    current = _locked(session)
    state = clock_state(current, now)
    if action == "start":
        if current.status != Status.PUBLISHED:
            raise NetworkingError(_("Publish the seating before starting the evening."))
        if current.schedule_outdated:
            raise NetworkingError(_("Participants or the format changed after publishing: run "
                                    "the optimiser and publish again before starting."))
        current.status = Status.RUNNING
        current.clock_round, current.clock_started_at, current.clock_paused_at = 1, now, None
    elif current.status != Status.RUNNING:
        raise NetworkingError(_("The evening is not under way."))
    elif action == "next":
        target = state.round + 1 if state.phase == TALK else state.round
        if state.phase == FINISHED or target > current.rounds:
            current.status = Status.FINISHED
        else:
            current.clock_round, current.clock_started_at = target, now
            current.clock_paused_at = None
    elif action == "pause":
        if current.clock_paused_at is None and state.phase not in (BEFORE, FINISHED):
            current.clock_paused_at = now
    elif action == "resume":
        if current.clock_paused_at is not None and current.clock_started_at is not None:
            current.clock_started_at += now - current.clock_paused_at
            current.clock_paused_at = None
    elif action == "finish":
        current.status = Status.FINISHED
        current.clock_paused_at = None
    else:
        raise NetworkingError(_("Unknown action."))
    current.save(update_fields=["status", "clock_round", "clock_started_at", "clock_paused_at",
                                "updated_at"])
    _bump(current, "live_version")
    log_action(user, f"networking.clock.{action}", current, round=current.clock_round)
    return current


# ---- participants ---------------------------------------------------------------------------

def _directory_organisation(name: str) -> Organisation | None:
    name = " ".join(name.split())
    if not name:
        return None
    return Organisation.objects.filter(name__iexact=name).first()


def _late_absences(session: NetworkingSession, absent: Iterable[int]) -> list[int]:
    """Someone added during the evening cannot have sat in the rounds already begun."""
    rounds = set(absent)
    if session.status == Status.RUNNING:
        rounds |= set(range(1, clock_state(session, timezone.now()).rounds_held + 1))
    return sorted(r for r in rounds if 1 <= r <= session.rounds)


def _fill(participant: Participant, data: ParticipantData) -> None:
    values: Mapping[str, object] = data  # read by field name
    for name in PARTICIPANT_FIELDS:
        if name in values:
            setattr(participant, name, values[name])
    if participant.share_contact and participant.consent_at is None:
        participant.consent_at = timezone.now()
    if not participant.share_contact:
        participant.consent_at = None
    if "organisation_name" in data and "organisation" not in data:
        participant.organisation = _directory_organisation(participant.organisation_name)
    elif "organisation" in data:
        participant.organisation = data["organisation"]
    if participant.organisation and not participant.organisation_name:
        participant.organisation_name = participant.organisation.name
    if participant.organisation and not participant.sector:
        participant.sector = participant.organisation.sector


@transaction.atomic
def add_participant(user: User | None, session: NetworkingSession,
                    data: ParticipantData) -> Participant:
    current = _locked(session)
    participant = Participant(session=current)
    _fill(participant, data)
    participant.absent_rounds = _late_absences(current, participant.absent_rounds or [])
    check_model(participant, NetworkingError, PARTICIPANT_UNCHECKED)
    participant.save()
    _bump(current, "setup_version", "live_version")
    log_change(user, "networking.participant.added", participant,
               after=snapshot(participant, PARTICIPANT_FIELDS), session=current.pk)
    return participant


def _check_consent_is_their_own(user: User | None, participant: Participant,
                                data: ParticipantData) -> None:
    """Someone with an account agrees to share their contact details themselves (set_consent,
    on their phone page); nobody else may switch it on for them. Withdrawing is always fine."""
    if not data.get("share_contact") or participant.share_contact:
        return
    if participant.user_id is None or (user is not None and user.pk == participant.user_id):
        return
    raise NetworkingError(_("Only %(name)s can agree to share their contact details: they do "
                            "it on their own phone page.") % {"name": participant.name})


@transaction.atomic
def update_participant(user: User | None, participant: Participant,
                       data: ParticipantData) -> Participant:
    session = _locked(participant.session)
    # The row as it is now (a form may have changed the object passed in).
    participant = Participant.objects.select_for_update().get(pk=participant.pk)
    before = snapshot(participant, {*PARTICIPANT_FIELDS, *SETUP_FIELDS})
    _check_consent_is_their_own(user, participant, data)
    _fill(participant, data)
    participant.absent_rounds = sorted(
        r for r in set(participant.absent_rounds or []) if 1 <= r <= session.rounds)
    check_model(participant, NetworkingError, PARTICIPANT_UNCHECKED)
    participant.version += 1
    participant.save()
    if snapshot(participant, SETUP_FIELDS) != {name: before[name] for name in SETUP_FIELDS}:
        _bump(session, "setup_version")
    _bump(session, "live_version")
    log_change(user, "networking.participant.updated", participant, before,
               session=session.pk)
    return participant


def _require_not_started(session: NetworkingSession) -> None:
    if session.status in (Status.RUNNING, Status.FINISHED):
        raise NetworkingError(_("The evening has started: instead of removing a person, mark "
                                "the rounds they miss as absent and run the optimiser again."))


@transaction.atomic
def remove_participant(user: User, participant: Participant, back_url: str = "") -> Deletion:
    """Take someone (with their seats, wishes and messages) out of a session that has not
    started; `user` may undo it for a few minutes (mosty.core.undo)."""
    session = _locked(participant.session)
    _require_not_started(session)
    log_action(user, "networking.participant.removed", participant, session=session.pk)
    had_seats = participant.seats.exists()
    deletion = undo.delete(user, participant, label=participant.name, back_url=back_url)
    _bump(session, "setup_version", "live_version", *(("schedule_version",) if had_seats else ()))
    return deletion


@undo.after_restore(Participant)
def _participant_restored(user: User, participant: Participant) -> None:
    """Only before the evening starts, and the plans that changed are new versions again."""
    session = _locked(participant.session)
    _require_not_started(session)
    had_seats = participant.seats.exists()
    _bump(session, "setup_version", "live_version", *(("schedule_version",) if had_seats else ()))


def _add_people(session: NetworkingSession,
                people: Iterable[tuple[User, Organisation | None]]) -> tuple[int, int]:
    """Participants for accounts (with their organisation); those already in are skipped."""
    taken = set(session.participants.exclude(user=None).values_list("user_id", flat=True))
    added = skipped = 0
    for person, organisation in people:
        if person.pk in taken:
            skipped += 1
            continue
        taken.add(person.pk)
        Participant.objects.create(
            session=session, user=person, organisation=organisation,
            name=person.full_name or person.email, email=person.email, phone=person.phone,
            organisation_name=organisation.name if organisation else "",
            sector=organisation.sector if organisation else "",
            absent_rounds=_late_absences(session, []))
        added += 1
    if added:
        _bump(session, "setup_version", "live_version")
    return added, skipped


@transaction.atomic
def add_members(user: User, session: NetworkingSession,
                memberships: Iterable[Membership]) -> tuple[int, int]:
    """Add people of directory organisations; those already taking part are skipped."""
    current = _locked(session)
    added, skipped = _add_people(current, ((m.user, m.organisation) for m in memberships))
    log_action(user, "networking.participants.added_members", current, added=added,
               skipped=skipped)
    return added, skipped


def registered_people(session: NetworkingSession) -> list[tuple[User, Organisation | None]]:
    """People with a confirmed place at the session's event, each with their (first)
    organisation in the directory."""
    from mosty.events.models import Registration, RegistrationStatus

    users = [r.user for r in Registration.objects.filter(
        event=session.event_id, status=RegistrationStatus.CONFIRMED, user__is_active=True)
        .select_related("user").order_by("queued_at", "id")]
    first: dict[int, Organisation] = {}
    for membership in Membership.objects.filter(user__in=users).select_related(
            "organisation").order_by("created_at", "id"):
        first.setdefault(membership.user_id, membership.organisation)
    return [(person, first.get(person.pk)) for person in users]


def registered_not_taking_part(session: NetworkingSession) -> int:
    """How many people with a confirmed place at the event do not take part yet (one query)."""
    from mosty.events.models import Registration, RegistrationStatus

    taking_part = session.participants.filter(user__isnull=False).values("user_id")
    return (Registration.objects.filter(event=session.event_id,
                                        status=RegistrationStatus.CONFIRMED,
                                        user__is_active=True)
            .exclude(user_id__in=taking_part).values("user_id").distinct().count())


@transaction.atomic
def add_registered(user: User, session: NetworkingSession) -> tuple[int, int]:
    """Add everybody registered (confirmed) for the event who does not take part yet."""
    current = _locked(session)
    added, skipped = _add_people(current, registered_people(current))
    log_action(user, "networking.participants.added_registered", current, added=added,
               skipped=skipped)
    return added, skipped


@transaction.atomic
def add_imported(user: User, session: NetworkingSession, rows: list[ParticipantData]) -> int:
    """Save rows checked by `importer.check_file`, all in one transaction."""
    current = _locked(session)
    people = []
    for values in rows:
        participant = Participant(session=current)
        _fill(participant, values)
        participant.absent_rounds = _late_absences(current, values.get("absent_rounds", []))
        check_model(participant, NetworkingError, PARTICIPANT_UNCHECKED)
        people.append(participant)
    Participant.objects.bulk_create(people, batch_size=500)
    if people:
        _bump(current, "setup_version", "live_version")
    log_action(user, "networking.participants.imported", current, count=len(people))
    return len(people)


@transaction.atomic
def new_link(user: User | None, participant: Participant) -> Participant:
    """A fresh personal link; the old one stops working (e.g. it was sent to a wrong person)."""
    participant.token = new_token()
    participant.save(update_fields=["token"])
    log_action(user, "networking.participant.new_link", participant)
    return participant


# ---- what participants do -------------------------------------------------------------------

@transaction.atomic
def set_wishes(actor: User | None, participant: Participant, wish_ids: Iterable[int],
               avoid_ids: Iterable[int], by_coordinator: bool = False) -> None:
    """Replace whom `participant` wants to meet and would rather not meet."""
    session = _locked(participant.session)
    if not by_coordinator and (not session.wishes_open or
                               session.status in (Status.RUNNING, Status.FINISHED)):
        raise NetworkingError(_("Wishes are closed for this session."))
    wishes, avoids = set(wish_ids), set(avoid_ids)
    if wishes & avoids:
        raise NetworkingError(_("Nobody can be both wanted and avoided."))
    if participant.pk in wishes | avoids:
        raise NetworkingError(_("You cannot choose yourself."))
    if len(wishes) > MAX_WISHES:
        raise NetworkingError(_("Choose at most %(count)s people to meet.")
                              % {"count": MAX_WISHES})
    if len(avoids) > MAX_AVOIDS:
        raise NetworkingError(_("Choose at most %(count)s people to avoid.")
                              % {"count": MAX_AVOIDS})
    known = set(session.participants.filter(pk__in=wishes | avoids).values_list("pk", flat=True))
    if known != wishes | avoids:
        raise NetworkingError(_("Some of the chosen people do not take part in this session."))
    before = set(Wish.objects.filter(from_participant=participant)
                 .values_list("to_participant_id", "kind"))
    after = {(pk, WishKind.WISH) for pk in wishes} | {(pk, WishKind.AVOID) for pk in avoids}
    if before == after:
        return
    Wish.objects.filter(from_participant=participant).delete()
    Wish.objects.bulk_create([Wish(session=session, from_participant=participant,
                                   to_participant_id=pk, kind=kind) for pk, kind in after])
    Participant.objects.filter(pk=participant.pk).update(version=F("version") + 1)
    _bump(session, "setup_version")
    log_action(actor, "networking.wishes.set", participant, wishes=len(wishes),
               avoids=len(avoids))


@transaction.atomic
def set_consent(participant: Participant, share: bool) -> None:
    """Share (or stop sharing) e-mail and phone with mutual matches; an account's e-mail is
    shared only once its owner has confirmed it."""
    problem = unconfirmed_problem(participant.user) if share and participant.user else None
    if problem:
        raise NetworkingError(problem)
    participant.share_contact = share
    participant.consent_at = timezone.now() if share else None
    participant.version += 1
    participant.save(update_fields=["share_contact", "consent_at", "version"])
    # The people this person matched with see the contact details appear or disappear.
    marked_me = ContinueMark.objects.filter(to_participant=participant).values("from_participant")
    Participant.objects.filter(pk__in=marked_me).update(version=F("version") + 1)
    log_action(None, "networking.consent." + ("given" if share else "withdrawn"), participant)


def met_in_rounds_held(session: NetworkingSession, a: Participant, b: Participant,
                       now: datetime | None = None) -> bool:
    held = clock_state(session, now or timezone.now()).rounds_held
    seats = Seat.objects.filter(session=session, participant__in=[a.pk, b.pk],
                                round__lte=held, table__isnull=False)
    places: dict[int, set[tuple[int, int]]] = {a.pk: set(), b.pk: set()}
    for participant_id, round_number, table in seats.values_list("participant_id", "round",
                                                                 "table"):
        assert table is not None  # seats without a table are filtered out above
        places[participant_id].add((round_number, table))
    return bool(places[a.pk] & places[b.pk])


@transaction.atomic
def set_mark(participant: Participant, target: Participant, wanted: bool) -> bool:
    """“I want to continue with …” on or off; returns True if the two now match both ways."""
    session = NetworkingSession.objects.get(pk=participant.session_id)
    if target.session_id != session.pk or target.pk == participant.pk:
        raise NetworkingError(_("You can only choose people you met at this session."))
    if wanted:
        if not session.is_visible_to_participants or \
                not met_in_rounds_held(session, participant, target):
            raise NetworkingError(_("You can only choose people you have already met at a "
                                    "table."))
        mutual = mark_and_match(session, participant, target)
    else:
        ContinueMark.objects.filter(from_participant=participant, to_participant=target).delete()
        mutual = False
    Participant.objects.filter(pk__in=[participant.pk, target.pk]).update(
        version=F("version") + 1)
    log_action(None, "networking.mark." + ("set" if wanted else "removed"), participant,
               to=target.pk)
    return mutual


def mark_and_match(session: NetworkingSession, participant: Participant,
                   target: Participant) -> bool:
    """`participant` wants to continue with `target` (a mark; a second one changes nothing).
    Returns True if the two now mark each other: then their organisations are recorded as
    having met (the one path for both the marks and meeting feedback)."""
    try:
        with transaction.atomic():
            ContinueMark.objects.create(session=session, from_participant=participant,
                                        to_participant=target)
    except IntegrityError:
        pass  # marked twice (a double click): nothing to do
    mutual = ContinueMark.objects.filter(from_participant=target,
                                         to_participant=participant).exists()
    if mutual:
        _record_meeting(session, participant, target)
    return mutual


def _record_meeting(session: NetworkingSession, a: Participant, b: Participant) -> None:
    """A mutual match puts the two organisations on the relationship map ("met at an event")."""
    if not a.organisation_id or not b.organisation_id or a.organisation_id == b.organisation_id:
        return
    event = Event.objects.select_related("programme").get(pk=session.event_id)
    record_relation(a.organisation_id, b.organisation_id, RelationKind.MET,
                    RelationOrigin.NETWORKING, programme=event.programme, when=event.start)


# ---- seats ----------------------------------------------------------------------------------

def _check_schedule_version(session: NetworkingSession, expected: int | None) -> None:
    if expected is not None and expected != session.schedule_version:
        raise NetworkingError(_("The seating changed since you opened this page (someone else "
                                "edited it or the optimiser ran). Nothing was changed; check "
                                "the current seating and try again."))


@transaction.atomic
def swap_seats(user: User, session: NetworkingSession, round_number: int, first: Participant,
               second: Participant, lock: bool = True,
               expected_version: int | None = None) -> list[str]:
    """Two people change places in one round. Returns warnings about the new tables."""
    from mosty.networking.analytics import table_warnings

    current = _locked(session)
    _check_schedule_version(current, expected_version)
    if not 1 <= round_number <= current.rounds:
        raise NetworkingError(_("There is no round %(round)s.") % {"round": round_number})
    if current.status == Status.FINISHED or (
            current.status == Status.RUNNING
            and round_number <= clock_state(current, timezone.now()).rounds_held):
        raise NetworkingError(_("Round %(round)s has already taken place: who sat where stays "
                                "as it was.") % {"round": round_number})
    if first.pk == second.pk:
        raise NetworkingError(_("Choose two different people."))
    seats = {s.participant_id: s for s in Seat.objects.filter(
        session=current, round=round_number, participant__in=[first.pk, second.pk])}
    for person in (first, second):
        if person.pk not in seats:
            raise NetworkingError(_("%(name)s is absent in round %(round)s.")
                                  % {"name": person.name, "round": round_number})
    a, b = seats[first.pk], seats[second.pk]
    if a.table == b.table:
        raise NetworkingError(_("%(first)s and %(second)s already sit at the same table.")
                              % {"first": first.name, "second": second.name})
    if current.mode == Mode.HOSTS and (first.host or second.host):
        raise NetworkingError(_("Hosts stay at their own tables; swap guests instead."))
    a.table, b.table = b.table, a.table
    a.locked = b.locked = lock or a.locked or b.locked
    Seat.objects.bulk_update([a, b], ["table", "locked"])
    _after_seat_change(current)
    log_action(user, "networking.seats.swapped", current, round=round_number,
               people=[first.pk, second.pk])
    return table_warnings(current, round_number, [a.table, b.table])


@transaction.atomic
def set_locks(user: User, session: NetworkingSession, locked: bool,
              round_number: int | None = None, seat_ids: Iterable[int] = (),
              expected_version: int | None = None) -> int:
    """Lock or unlock seats: given ones, a whole round, or (neither) all of them."""
    current = _locked(session)
    _check_schedule_version(current, expected_version)
    seats = Seat.objects.filter(session=current)
    ids = list(seat_ids)
    if ids:
        seats = seats.filter(pk__in=ids)
    elif round_number is not None:
        seats = seats.filter(round=round_number)
    count = seats.exclude(locked=locked).update(locked=locked)
    _bump(current, "schedule_version")
    log_action(user, "networking.seats." + ("locked" if locked else "unlocked"), current,
               count=count, round=round_number)
    return count


@transaction.atomic
def save_round_locks(user: User, session: NetworkingSession, round_number: int,
                     locked_ids: Iterable[int], expected_version: int | None = None) -> int:
    """The seats of one round: the listed ones locked, the others unlocked."""
    current = _locked(session)
    _check_schedule_version(current, expected_version)
    wanted = set(locked_ids)
    seats = list(Seat.objects.filter(session=current, round=round_number))
    changed = [seat for seat in seats if seat.locked != (seat.pk in wanted)]
    for seat in changed:
        seat.locked = seat.pk in wanted
    Seat.objects.bulk_update(changed, ["locked"])
    if changed:
        _bump(current, "schedule_version")
    log_action(user, "networking.seats.locks_saved", current, round=round_number,
               changed=len(changed))
    return len(changed)


def _after_seat_change(session: NetworkingSession) -> None:
    from mosty.networking.analytics import stats_from_seats

    session.stats = {**session.stats, **stats_from_seats(session)}
    session.save(update_fields=["stats", "updated_at"])
    _bump(session, "schedule_version")
