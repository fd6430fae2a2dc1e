"""Application posts under load on SQLite: twenty organisations submit at the same moment."""
import json
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from mosty.recruitment.choices import Status


def test_twenty_parallel_applications_are_all_stored_without_errors(
        migrated_sqlite: Path) -> None:
    """A real SQLite file (migrated: a copy) and real threads (a process of its own: the
    suite's database is in memory): every post answers with a redirect, none with 500 or
    "database is locked", and all twenty applications are stored as submitted."""
    result = subprocess.run(
        [sys.executable, "-m", "mosty.recruitment.tests.parallel_applications",
         str(migrated_sqlite)],
        capture_output=True, text=True, timeout=300, cwd=settings.BASE_DIR.parent, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert outcome["statuses"] == [302] * 20, result.stderr[-3000:]
    assert outcome["by_status"] == {Status.SUBMITTED: 20}
