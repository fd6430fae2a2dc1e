"""Problem model and input validation for the speed-networking scheduler.

The JSON input documented in :mod:`mosty.networking.scheduler` is turned into
immutable :class:`Problem` / :class:`Participant` objects here.  Every check
raises :class:`ProblemError` with a message that names the offending
participant or field, because the message is shown verbatim to coordinators.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

MODES = ("mixed", "hosts")

_TOP_LEVEL_KEYS = {"rounds", "table_size", "tables", "mode", "cross_sector", "participants"}
# "name" is accepted (and ignored) so that callers can pass display names along.
_PARTICIPANT_KEYS = {
    "id",
    "sector",
    "organisation",
    "host",
    "wishes",
    "avoid",
    "absent_rounds",
    "name",
}


class ProblemError(ValueError):
    """Invalid scheduling input; the message is meant for the end user."""


@dataclass(frozen=True)
class Participant:
    """One person taking part in the networking session."""

    id: str
    sector: str | None = None
    organisation: str | None = None
    host: bool = False
    wishes: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    absent_rounds: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class Problem:
    """A validated scheduling problem.

    ``table_size`` is the maximum number of people at a table (2 = pairs);
    ``tables`` is the number of physical tables available (``None`` = as many
    as needed).  In ``"hosts"`` mode there is exactly one table per host.
    """

    rounds: int
    table_size: int
    participants: tuple[Participant, ...]
    tables: int | None = None
    mode: str = "mixed"
    cross_sector: bool = False

    @property
    def hosts_mode(self) -> bool:
        """True when hosts stay at their tables and guests rotate."""
        return self.mode == "hosts"

    def index(self) -> dict[str, int]:
        """Map participant id -> position in :attr:`participants`."""
        return {p.id: i for i, p in enumerate(self.participants)}

    def host_indices(self) -> list[int]:
        """Indices of hosts in input order (empty in mixed mode)."""
        if not self.hosts_mode:
            return []
        return [i for i, p in enumerate(self.participants) if p.host]

    def validate(self) -> None:
        """Check cross-field consistency; raise :class:`ProblemError` if broken."""
        _check_int("rounds", self.rounds, minimum=1)
        _check_int("table_size", self.table_size, minimum=2)
        if self.tables is not None:
            _check_int("tables", self.tables, minimum=1)
        if self.mode not in MODES:
            raise ProblemError(f"'mode' must be one of {', '.join(MODES)}, got {self.mode!r}")
        if not self.participants:
            raise ProblemError("'participants' must contain at least one participant")
        seen: set[str] = set()
        for p in self.participants:
            if p.id in seen:
                raise ProblemError(f"duplicate participant id {p.id!r}")
            seen.add(p.id)
        for p in self.participants:
            _check_refs(p, "wishes", p.wishes, seen)
            _check_refs(p, "avoid", p.avoid, seen)
            both = set(p.wishes) & set(p.avoid)
            if both:
                raise ProblemError(
                    f"participant {p.id!r}: {sorted(both)[0]!r} is in both 'wishes' and 'avoid'"
                )
            for r in p.absent_rounds:
                if not 1 <= r <= self.rounds:
                    raise ProblemError(
                        f"participant {p.id!r}: absent round {r} is outside 1..{self.rounds}"
                    )
        if self.hosts_mode:
            self._validate_hosts()

    def _validate_hosts(self) -> None:
        hosts = [p for p in self.participants if p.host]
        guests = len(self.participants) - len(hosts)
        if not hosts:
            raise ProblemError("mode 'hosts' needs at least one participant with \"host\": true")
        if self.tables is not None and self.tables != len(hosts):
            raise ProblemError(
                f"mode 'hosts': 'tables' is {self.tables} but there are {len(hosts)} hosts "
                "(each host keeps exactly one table)"
            )
        # Every host table needs at least one guest, otherwise the host would sit
        # alone all evening; this is a configuration error, not a scheduling one.
        if guests < len(hosts):
            raise ProblemError(
                f"mode 'hosts': {len(hosts)} hosts but only {guests} guests; "
                "every host table needs at least one guest"
            )


def _check_int(name: str, value: object, minimum: int) -> None:
    # bool is a subclass of int, but `"rounds": true` is certainly a mistake.
    if not isinstance(value, int) or isinstance(value, bool):
        raise ProblemError(f"'{name}' must be an integer, got {value!r}")
    if value < minimum:
        raise ProblemError(f"'{name}' must be at least {minimum}, got {value}")


def _check_refs(p: Participant, name: str, refs: tuple[str, ...], ids: set[str]) -> None:
    for ref in refs:
        if ref not in ids:
            raise ProblemError(f"participant {p.id!r}: unknown id {ref!r} in '{name}'")
        if ref == p.id:
            raise ProblemError(f"participant {p.id!r}: lists itself in '{name}'")


def _opt_str(where: str, key: str, value: object) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ProblemError(f"{where}: '{key}' must be a string, got {value!r}")
    return value


def _id_list(where: str, key: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProblemError(f"{where}: '{key}' must be a list of participant ids")
    # Duplicates are harmless; keep first occurrence so counts stay meaningful.
    return tuple(dict.fromkeys(value))


def _parse_participant(pos: int, raw: object) -> Participant:
    where = f"participant #{pos + 1}"
    if not isinstance(raw, Mapping):
        raise ProblemError(f"{where}: must be an object")
    pid = raw.get("id")
    if not isinstance(pid, str) or not pid.strip():
        raise ProblemError(f"{where}: 'id' is required and must be a non-empty string")
    where = f"participant {pid!r}"
    unknown = sorted(set(raw) - _PARTICIPANT_KEYS)
    if unknown:
        raise ProblemError(f"{where}: unknown field {unknown[0]!r}")
    host = raw.get("host", False)
    if not isinstance(host, bool):
        raise ProblemError(f"{where}: 'host' must be true or false")
    absent = raw.get("absent_rounds", [])
    if absent is None:
        absent = []
    if not isinstance(absent, list) or not all(
        isinstance(r, int) and not isinstance(r, bool) for r in absent
    ):
        raise ProblemError(f"{where}: 'absent_rounds' must be a list of round numbers")
    return Participant(
        id=pid,
        sector=_opt_str(where, "sector", raw.get("sector")),
        organisation=_opt_str(where, "organisation", raw.get("organisation")),
        host=host,
        wishes=_id_list(where, "wishes", raw.get("wishes")),
        avoid=_id_list(where, "avoid", raw.get("avoid")),
        absent_rounds=frozenset(absent),
    )


def parse_problem(data: Any) -> Problem:
    """Build and validate a :class:`Problem` from decoded JSON.

    Raises :class:`ProblemError` describing the first problem found.
    """
    if isinstance(data, Problem):
        data.validate()
        return data
    if not isinstance(data, Mapping):
        raise ProblemError("input must be a JSON object")
    unknown = sorted(set(data) - _TOP_LEVEL_KEYS)
    if unknown:
        raise ProblemError(f"unknown field {unknown[0]!r}")
    for key in ("rounds", "table_size", "participants"):
        if key not in data:
            raise ProblemError(f"missing required field '{key}'")
    participants = data["participants"]
    if not isinstance(participants, list):
        raise ProblemError("'participants' must be a list")
    cross = data.get("cross_sector", False)
    if not isinstance(cross, bool):
        raise ProblemError("'cross_sector' must be true or false")
    mode = data.get("mode", "mixed")
    if mode is None:
        mode = "mixed"
    problem = Problem(
        rounds=data["rounds"],
        table_size=data["table_size"],
        tables=data.get("tables"),
        mode=mode,
        cross_sector=cross,
        participants=tuple(_parse_participant(i, p) for i, p in enumerate(participants)),
    )
    problem.validate()
    return problem
