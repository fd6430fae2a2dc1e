"""Running the seating optimiser for a session: inline for small evenings, else in the background.

A run is claimed by a conditional UPDATE of the session row (state, run id, worker, deadline),
so with several app processes only one runs at a time and anyone can show its progress.
A run that outlives its deadline (its process died) may be taken over by the next request.
Small inputs are optimised in the request; big ones in a separate process started by the
request (`mosty networking_optimise <session> <run>`), which writes the result to the database.
"""
import logging
import os
import socket
import subprocess
import sys
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.core.audit import log_action
from mosty.networking import reseat
from mosty.networking.clock import clock_state
from mosty.networking.models import (
    Mode, NetworkingSession, OptimiserState, Participant, Seat, Status, WishKind)
from mosty.networking.scheduler import ProblemError, schedule

logger = logging.getLogger(__name__)

BACKGROUND_FROM = 60      # participants; fewer are optimised within the request
INLINE_SECONDS = 3.0      # time limit within a request
GRACE = timedelta(seconds=120)  # after the deadline a run counts as dead


class OptimiserError(Exception):
    """The optimiser cannot run or failed; the message is translated, for the coordinator."""


def time_limit_for(participants: int, rounds: int, inline: bool) -> float:
    configured = getattr(settings, "NETWORKING_OPTIMISER_SECONDS", None)
    if configured is not None:
        return float(configured)
    if inline:
        return INLINE_SECONDS
    return float(min(60, max(5, participants * rounds // 20)))


def runs_inline(participants: int) -> bool:
    if getattr(settings, "NETWORKING_OPTIMISE_INLINE", False):
        return True
    # An in-memory SQLite database (the tests) is invisible to another process.
    name = str(connection.settings_dict.get("NAME", ""))
    if connection.vendor == "sqlite" and ("memory" in name or not name):
        return True
    return participants < getattr(settings, "NETWORKING_BACKGROUND_FROM", BACKGROUND_FROM)


def _people(session: NetworkingSession) -> list[Participant]:
    return list(session.participants.prefetch_related("wishes_made").order_by("id"))


def build_problem(session: NetworkingSession, people: list[Participant]) -> dict[str, Any]:
    """The scheduler's input from the database (see mosty.networking.scheduler)."""
    ids = {p.pk: p.scheduler_id for p in people}
    participants = []
    for person in people:
        wishes = [w for w in person.wishes_made.all() if w.to_participant_id in ids]
        participants.append({
            "id": person.scheduler_id, "name": person.name,
            "sector": person.sector or None, "organisation": person.organisation_key or None,
            "host": person.host and session.mode == Mode.HOSTS,
            "wishes": [ids[w.to_participant_id] for w in wishes if w.kind == WishKind.WISH],
            "avoid": [ids[w.to_participant_id] for w in wishes if w.kind == WishKind.AVOID],
            "absent_rounds": sorted(r for r in person.absent_rounds if 1 <= r <= session.rounds),
        })
    problem: dict[str, Any] = {"rounds": session.rounds, "table_size": session.table_size,
                               "mode": session.mode, "cross_sector": session.cross_sector,
                               "participants": participants}
    if session.tables:
        problem["tables"] = session.tables
    return problem


def check_setup(session: NetworkingSession, people: list[Participant]) -> None:
    """Refuse, with a message a coordinator understands, input the optimiser cannot seat."""
    if len(people) < 2:
        raise OptimiserError(_("Add at least two participants first."))
    if session.mode == Mode.HOSTS:
        hosts = sum(1 for p in people if p.host)
        if not hosts:
            raise OptimiserError(_("In the hosts format mark at least one participant as a "
                                   "host."))
        if len(people) - hosts < hosts:
            raise OptimiserError(_("There are %(hosts)s hosts but only %(guests)s guests: "
                                   "every host needs at least one guest.")
                                 % {"hosts": hosts, "guests": len(people) - hosts})
        if session.tables and session.tables != hosts:
            raise OptimiserError(_("In the hosts format every host has one table: set the "
                                   "number of tables to %(hosts)s or leave it empty.")
                                 % {"hosts": hosts})


def current_locks(session: NetworkingSession) -> dict[int, dict[str, int | None]]:
    """Locked seats, plus every seat of rounds already begun while the evening is under way."""
    held = 0
    if session.status == Status.RUNNING:
        held = clock_state(session, timezone.now()).rounds_held
    locks: dict[int, dict[str, int | None]] = {}
    seats = Seat.objects.filter(session=session).filter(Q(locked=True) | Q(round__lte=held))
    for round_number, table, participant_id in seats.values_list("round", "table",
                                                                 "participant_id"):
        if round_number <= session.rounds:
            locks.setdefault(round_number - 1, {})[f"p{participant_id}"] = (
                None if table is None else table - 1)
    return locks


def lock_message(error: reseat.LockError, names: dict[str, str]) -> str:
    params = {"round": error.round, "table": error.table,
              "name": names.get(error.participant or "", "")}
    messages = {
        "absent": _("Round %(round)s: a person locked at a table is absent in that round. "
                    "Unlock the seat or change the absence."),
        "no_table": _("Round %(round)s: table %(table)s no longer exists. Unlock the seats "
                      "at that table and run the optimiser again."),
        "table_full": _("Round %(round)s: more people are locked at table %(table)s than "
                        "it seats. Unlock some of them."),
        "rest_full": _("Round %(round)s: more people are locked as resting than need to "
                       "rest. Unlock some of them."),
        "host": _("Round %(round)s: a host is locked away from their own table. Unlock "
                  "that seat."),
    }
    return messages.get(error.code, _("The locked seats cannot all be kept.")) % params


def start(session: NetworkingSession, user: Any) -> str:
    """Claim the optimiser for `session` and run it (inline or in the background).

    Returns the run id. Raises OptimiserError if another run is under way or the input
    cannot be seated; nothing is changed then.
    """
    if session.status == Status.FINISHED:
        raise OptimiserError(_("The evening is over: its seating stays as it was."))
    people = _people(session)
    check_setup(session, people)
    inline = runs_inline(len(people))
    limit = time_limit_for(len(people), session.rounds, inline)
    now = timezone.now()
    run_id = uuid.uuid4().hex
    claimed = NetworkingSession.objects.filter(pk=session.pk).filter(
        ~Q(optimiser_state=OptimiserState.RUNNING) | Q(optimiser_deadline__lt=now)).update(
        optimiser_state=OptimiserState.RUNNING, optimiser_run_id=run_id,
        optimiser_worker=_worker(),
        optimiser_started_at=now, optimiser_time_limit=limit, optimiser_stage="queued",
        optimiser_deadline=now + timedelta(seconds=limit) + GRACE, optimiser_message="")
    if not claimed:
        raise OptimiserError(_("The optimiser is already running for this session. Wait for "
                               "it to finish."))
    log_action(user, "networking.optimiser.started", session, run=run_id, inline=inline,
               participants=len(people), time_limit=limit)
    if inline:
        execute(session.pk, run_id)
    else:
        _spawn(session.pk, run_id)
    return run_id


def _spawn(session_id: int, run_id: str) -> None:
    command = [sys.executable, "-m", "mosty", "networking_optimise", str(session_id), run_id]
    try:
        subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True)
    except OSError as error:
        logger.exception("cannot start the optimiser process")
        _finish(session_id, run_id, OptimiserState.FAILED,
                _("The optimiser could not be started (%(error)s).") % {"error": error})


def _worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _stage(session_id: int, run_id: str, stage: str) -> bool:
    """Record progress (and which process does the work); False when this run has been
    taken over by another."""
    return bool(NetworkingSession.objects.filter(pk=session_id, optimiser_run_id=run_id)
                .update(optimiser_stage=stage, optimiser_worker=_worker()))


def _finish(session_id: int, run_id: str, state: str, message: str = "") -> None:
    NetworkingSession.objects.filter(pk=session_id, optimiser_run_id=run_id).update(
        optimiser_state=state, optimiser_stage="", optimiser_message=message,
        optimiser_deadline=None)


def execute(session_id: int, run_id: str) -> None:
    """Do the run claimed as `run_id`: optimise, keep the locks, store seats and statistics."""
    session = NetworkingSession.objects.get(pk=session_id)
    if session.optimiser_run_id != run_id or not _stage(session_id, run_id, "optimising"):
        return
    try:
        people = _people(session)
        check_setup(session, people)
        problem = build_problem(session, people)
        setup_version, schedule_version = session.setup_version, session.schedule_version
        locks = current_locks(session)
        limit = session.optimiser_time_limit
        result = schedule(problem, time_limit=limit)
        if locks:
            _stage(session_id, run_id, "locks")
            result = reseat.apply_locks(problem, result, locks,
                                        time_limit=max(0.1, min(5.0, limit / 3)))
        if not _stage(session_id, run_id, "saving"):
            return
        _save(session_id, run_id, people, result, setup_version, schedule_version)
    except reseat.LockError as error:
        names = {p.scheduler_id: p.name for p in session.participants.all()}
        _finish(session_id, run_id, OptimiserState.FAILED, lock_message(error, names))
    except OptimiserError as error:
        _finish(session_id, run_id, OptimiserState.FAILED, str(error))
    except ProblemError as error:
        _finish(session_id, run_id, OptimiserState.FAILED,
                _("The optimiser refused the input: %(detail)s") % {"detail": error})
    except Exception as error:  # the run must end in a state the coordinator can see
        logger.exception("networking optimiser failed")
        _finish(session_id, run_id, OptimiserState.FAILED,
                _("The optimiser failed unexpectedly (%(error)s). Try again.")
                % {"error": error.__class__.__name__})


@transaction.atomic
def _save(session_id: int, run_id: str, people: list[Participant], result: dict[str, Any],
          setup_version: int, schedule_version: int) -> None:
    session = NetworkingSession.objects.select_for_update().get(pk=session_id)
    if session.optimiser_run_id != run_id:
        return
    if session.schedule_version != schedule_version:
        _finish(session_id, run_id, OptimiserState.FAILED,
                _("The seating was changed while the optimiser ran, so its result was not "
                  "saved. Run it again."))
        return
    by_id = {p.scheduler_id: p for p in people}
    locked = set(Seat.objects.filter(session=session, locked=True)
                 .values_list("participant_id", "round"))
    seats = []
    for number, rnd in enumerate(result["rounds"], start=1):
        for table, members in enumerate(rnd["tables"], start=1):
            seats += [Seat(session=session, round=number, table=table, participant=by_id[pid],
                           locked=(by_id[pid].pk, number) in locked) for pid in members]
        seats += [Seat(session=session, round=number, table=None, participant=by_id[pid],
                       locked=(by_id[pid].pk, number) in locked) for pid in rnd["resting"]]
    Seat.objects.filter(session=session).delete()
    Seat.objects.bulk_create(seats, batch_size=1000)
    status = Status.SCHEDULED if session.status == Status.DRAFT else session.status
    NetworkingSession.objects.filter(pk=session_id).update(
        stats=result["stats"], status=status, scheduled_setup_version=setup_version,
        schedule_version=F("schedule_version") + 1, optimiser_state=OptimiserState.DONE,
        optimiser_stage="", optimiser_message="", optimiser_deadline=None)
    log_action(None, "networking.optimiser.finished", session, run=run_id,
               stats=result["stats"])


def progress(session: NetworkingSession) -> dict[str, Any]:
    """What the coordinator's page shows while the optimiser runs (any process may ask)."""
    state = session.optimiser_state
    now = timezone.now()
    if state == OptimiserState.RUNNING and session.optimiser_deadline and \
            session.optimiser_deadline < now:
        state = OptimiserState.FAILED
        message = _("The optimiser stopped without a result (its process ended). Run it "
                    "again.")
    else:
        message = session.optimiser_message
    percent = 100 if state == OptimiserState.DONE else 0
    if state == OptimiserState.RUNNING and session.optimiser_started_at:
        elapsed = (now - session.optimiser_started_at).total_seconds()
        percent = int(min(99, 100 * elapsed / max(session.optimiser_time_limit, 0.1)))
    return {"state": state, "stage": session.optimiser_stage, "percent": percent,
            "message": message, "schedule_version": session.schedule_version}
