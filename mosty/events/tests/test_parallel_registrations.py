"""The last seat under load on SQLite: one place, twenty people at the same moment."""
from pathlib import Path

from mosty.core.tests.migrated_database import run_against


def test_twenty_parallel_registrations_for_the_last_seat_give_no_errors(
        migrated_sqlite: Path) -> None:
    """A real SQLite file (migrated: a copy) and real threads (a process of its own: the
    suite's database is in memory): one confirmed, nineteen on the waiting list, no 500 and
    no "database is locked"."""
    result, outcome = run_against("mosty.events.tests.parallel_registrations", migrated_sqlite)
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * 20, result.stderr[-3000:]
    assert outcome["confirmed"] == 1
    assert outcome["waitlisted"] == 19
    assert outcome["journal_mode"] == "wal"
