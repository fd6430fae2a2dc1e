"""The evening's clock: which round it is and how long is left, derived from a few fields.

Nothing ticks on the server. A round's end is a point in time computed from when the clock
was started, so every app process (and every phone) agrees without talking to each other.
"""
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

BEFORE = "before"      # published, not started yet
TALK = "talk"          # a round is under way
MOVE = "move"          # changing tables before the next round
FINISHED = "finished"  # after the last round


class ClockFields(Protocol):
    rounds: int
    minutes_per_round: int
    changeover_seconds: int
    clock_round: int
    clock_started_at: datetime | None
    clock_paused_at: datetime | None
    status: str


@dataclass(frozen=True)
class ClockState:
    phase: str
    round: int       # the round under way, or the one being moved to; 0 before the start
    remaining: int   # whole seconds left in this phase (0 when nothing counts down)
    paused: bool = False

    @property
    def remaining_text(self) -> str:
        return format_remaining(self.remaining)

    @property
    def started(self) -> bool:
        return self.phase != BEFORE

    @property
    def rounds_held(self) -> int:
        """Rounds that have begun: people in them have met (or are meeting now)."""
        if self.phase == BEFORE:
            return 0
        if self.phase == MOVE:
            return self.round - 1
        return self.round


def clock_state(session: ClockFields, now: datetime) -> ClockState:
    if session.status == "finished":
        return ClockState(FINISHED, session.rounds, 0)
    if session.clock_started_at is None or session.clock_round < 1:
        return ClockState(BEFORE, 0, 0)
    paused = session.clock_paused_at is not None
    at = session.clock_paused_at if session.clock_paused_at is not None else now
    elapsed = max(0.0, (at - session.clock_started_at).total_seconds())
    talk = session.minutes_per_round * 60
    cycle = talk + session.changeover_seconds
    passed, into = divmod(elapsed, cycle)
    current = session.clock_round + int(passed)
    if current > session.rounds or (current == session.rounds and into >= talk):
        return ClockState(FINISHED, session.rounds, 0)
    if into < talk:
        return ClockState(TALK, current, _ceil(talk - into), paused)
    return ClockState(MOVE, current + 1, _ceil(cycle - into), paused)


def _ceil(seconds: float) -> int:
    whole = int(seconds)
    return whole + (1 if seconds > whole else 0)


def format_remaining(seconds: int) -> str:
    """04:12"""
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes:02d}:{rest:02d}"
