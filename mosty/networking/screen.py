"""The big screen in the room: the clock and who sits at which table (one query)."""
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import translation

from mosty.networking.clock import BEFORE, FINISHED, MOVE, ClockState, clock_state
from mosty.networking.models import Mode, NetworkingSession, Participant, Seat


@dataclass
class ScreenView:
    clock: ClockState
    shown_round: int            # the round whose tables are listed (0: none)
    tables: list[tuple[int, list[Participant]]] = field(default_factory=list)
    resting: list[Participant] = field(default_factory=list)

    @property
    def moving(self) -> bool:
        return self.clock.phase == MOVE


def etag(session: NetworkingSession, clock: ClockState) -> str:
    parts = (session.pk, session.status, session.live_version, session.schedule_version,
             clock.phase, clock.round, int(clock.paused), translation.get_language())
    return 'W/"s' + ".".join(str(p) for p in parts) + '"'


def screen_view(session: NetworkingSession, now: datetime,
                clock: ClockState | None = None) -> ScreenView:
    clock = clock or clock_state(session, now)
    shown = 1 if clock.phase == BEFORE else clock.round
    if clock.phase == FINISHED or not session.has_schedule:
        return ScreenView(clock, 0)
    view = ScreenView(clock, shown)
    tables: dict[int, list[Participant]] = {}
    seats = (Seat.objects.filter(session=session, round=shown).select_related("participant")
             .order_by("table", "participant__name"))
    for seat in seats:
        person = seat.participant
        if seat.table is None:
            view.resting.append(person)
        elif person.host and session.mode == Mode.HOSTS:
            tables.setdefault(seat.table, []).insert(0, person)
        else:
            tables.setdefault(seat.table, []).append(person)
    view.tables = sorted(tables.items())
    return view


def payload(view: ScreenView) -> dict:
    return {"clock": {"phase": view.clock.phase, "round": view.clock.round,
                      "remaining": view.clock.remaining, "paused": view.clock.paused},
            "round": view.shown_round,
            "tables": [{"table": t, "people": [p.name for p in people]}
                       for t, people in view.tables]}
