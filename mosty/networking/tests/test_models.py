"""The clock, locked seats around the optimiser, and the models' own rules."""
from dataclasses import dataclass
from datetime import datetime, timedelta, UTC

import pytest

from mosty.networking.clock import BEFORE, FINISHED, MOVE, TALK, clock_state, format_remaining
from mosty.networking.reseat import LockError, Score, apply_locks
from mosty.networking.scheduler import parse_problem, schedule

T0 = datetime(2019, 12, 12, 16, 15, tzinfo=UTC)


@dataclass
class Clock:
    rounds: int = 6
    minutes_per_round: int = 8
    changeover_seconds: int = 60
    clock_round: int = 1
    clock_started_at: datetime | None = T0
    clock_paused_at: datetime | None = None
    status: str = "running"


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.mark.parametrize(("seconds", "phase", "round_number", "remaining"), [
    (0, TALK, 1, 480),
    (0.4, TALK, 1, 480),
    (479, TALK, 1, 1),
    (480, MOVE, 2, 60),
    (539, MOVE, 2, 1),
    (540, TALK, 2, 480),
    (2 * 540 + 228, TALK, 3, 252),
    (5 * 540 + 479, TALK, 6, 1),
    (5 * 540 + 480, FINISHED, 6, 0),
])
def test_the_clock_runs_rounds_and_changeovers(seconds, phase, round_number, remaining):
    state = clock_state(Clock(), at(seconds))
    assert (state.phase, state.round, state.remaining) == (phase, round_number, remaining)


def test_before_the_start_and_after_finish():
    assert clock_state(Clock(clock_started_at=None, clock_round=0), T0).phase == BEFORE
    assert clock_state(Clock(status="finished"), T0).phase == FINISHED
    assert clock_state(Clock(clock_started_at=None), T0).rounds_held == 0


def test_a_pause_freezes_the_clock():
    paused = Clock(clock_paused_at=at(100))
    state = clock_state(paused, at(5000))
    assert (state.phase, state.round, state.remaining, state.paused) == (TALK, 1, 380, True)


def test_rounds_held_counts_the_round_under_way_but_not_the_one_moved_to():
    assert clock_state(Clock(), at(10)).rounds_held == 1
    assert clock_state(Clock(), at(500)).rounds_held == 1
    assert clock_state(Clock(clock_round=4), at(10)).rounds_held == 4
    assert clock_state(Clock(status="finished"), at(10)).rounds_held == 6


def test_format_remaining():
    assert format_remaining(252) == "04:12"
    assert format_remaining(-3) == "00:00"


def problem(people: int = 12, rounds: int = 4, size: int = 4, mode: str = "mixed") -> dict:
    return {"rounds": rounds, "table_size": size, "mode": mode, "cross_sector": True,
            "participants": [{"id": f"p{i}", "sector": "ngo" if i % 2 else "business",
                              "organisation": f"o{i}", "host": mode == "hosts" and i < 3}
                             for i in range(people)]}


def where(result: dict, round_index: int, pid: str) -> int | None:
    for t, members in enumerate(result["rounds"][round_index]["tables"]):
        if pid in members:
            return t
    return None


def test_locked_seats_are_kept_and_the_rest_reoptimised():
    data = problem()
    base = schedule(data, time_limit=0.2)
    locks = {0: {"p0": 2, "p1": 2, "p2": 2}, 1: {"p5": 0}, 3: {"p7": 1, "p8": 1}}
    result = apply_locks(data, base, locks, time_limit=0.3)
    for r, wanted in locks.items():
        for pid, table in wanted.items():
            assert where(result, r, pid) == table
    for rnd in result["rounds"]:
        assert sorted(p for t in rnd["tables"] for p in t) == sorted(f"p{i}" for i in range(12))
        assert all(len(t) == 4 for t in rnd["tables"])
    assert result["stats"]["single_sector_tables"] == 0
    assert result["stats"]["same_organisation_pairs"] == 0


def test_a_whole_round_can_be_locked_as_it_was():
    data = problem()
    base = schedule(data, time_limit=0.2, seed=1)
    other = schedule(data, time_limit=0.2, seed=7)
    held = {pid: t for t, members in enumerate(other["rounds"][0]["tables"]) for pid in members}
    result = apply_locks(data, base, {0: held}, time_limit=0.3)
    assert [sorted(t) for t in result["rounds"][0]["tables"]] == \
        [sorted(t) for t in other["rounds"][0]["tables"]]


def test_the_local_search_never_makes_the_schedule_worse():
    data = problem(people=16, rounds=5)
    base = schedule(data, time_limit=0.1)
    parsed = parse_problem(data)
    index = parsed.index()
    before = Score(parsed, [[[index[p] for p in t] for t in r["tables"]] for r in base["rounds"]])
    result = apply_locks(data, base, {}, time_limit=0.3)
    after = Score(parsed, [[[index[p] for p in t] for t in r["tables"]]
                           for r in result["rounds"]])
    assert after.total([[[index[p] for p in t] for t in r["tables"]] for r in result["rounds"]]) \
        <= before.total([[[index[p] for p in t] for t in r["tables"]] for r in base["rounds"]])


@pytest.mark.parametrize(("locks", "code"), [
    ({0: {"p0": 7}}, "no_table"),
    ({0: {"p0": 0, "p1": 0, "p2": 0, "p3": 0, "p4": 0}}, "table_full"),
    ({0: {"p0": None}}, "rest_full"),
])
def test_impossible_locks_are_refused_with_a_reason(locks, code):
    data = problem()
    with pytest.raises(LockError) as error:
        apply_locks(data, schedule(data, time_limit=0.1), locks)
    assert error.value.code == code
    assert error.value.round == 1


def test_a_locked_person_absent_in_that_round_is_refused():
    data = problem()
    data["participants"][3]["absent_rounds"] = [2]
    with pytest.raises(LockError) as error:
        apply_locks(data, schedule(data, time_limit=0.1), {1: {"p3": 0}})
    assert error.value.code == "absent"


def test_hosts_stay_at_their_tables_and_guests_can_be_locked():
    data = problem(people=12, rounds=3, mode="hosts")
    base = schedule(data, time_limit=0.2)
    result = apply_locks(data, base, {1: {"p9": 2}}, time_limit=0.2)
    for rnd in result["rounds"]:
        assert [t[0] for t in rnd["tables"]] == ["p0", "p1", "p2"]
    assert where(result, 1, "p9") == 2
    with pytest.raises(LockError) as error:
        apply_locks(data, base, {1: {"p0": 1}})
    assert error.value.code == "host"


@pytest.mark.django_db
def test_participant_tokens_are_long_random_and_unique():
    from mosty.networking.tests.test_web_support import make_session

    session = make_session(people=6)
    tokens = [p.token for p in session.participants.all()]
    assert len(set(tokens)) == 6
    assert all(len(t) >= 22 for t in tokens)


@pytest.mark.django_db
def test_colleagues_are_recognised_by_directory_link_or_by_name():
    from mosty.directory.tests.factories import OrganisationFactory
    from mosty.networking.models import Participant

    org = OrganisationFactory()
    assert Participant(organisation=org).organisation_key == f"org{org.pk}"
    assert Participant(organisation_name="  Wartka   IT ").organisation_key == "wartka it"
    assert Participant(organisation_name="").organisation_key == ""
