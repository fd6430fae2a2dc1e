"""Application posts under load on SQLite: twenty organisations submit at the same moment."""
from pathlib import Path

from mosty.core.tests.migrated_database import run_against
from mosty.recruitment.choices import Status


def test_twenty_parallel_applications_are_all_stored_without_errors(
        migrated_sqlite: Path) -> None:
    """A real SQLite file (migrated: a copy) and real threads (a process of its own: the
    suite's database is in memory): every post answers with a redirect, none with 500 or
    "database is locked", and all twenty applications are stored as submitted."""
    result, outcome = run_against("mosty.recruitment.tests.parallel_applications",
                                  migrated_sqlite)
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * 20, result.stderr[-3000:]
    assert outcome["by_status"] == {Status.SUBMITTED: 20}
