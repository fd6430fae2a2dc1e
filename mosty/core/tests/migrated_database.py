"""A migrated SQLite database file, fast, for tests that run Mosty in a process of their own
against a real file (the parallel-posts tests). Migrating a new file takes half a minute (Django
renders the models of all 90-odd migrations), so the file is made once and copied: the copy is
kept under var/test-cache/, named by the code's fingerprint (demo_snapshot.fingerprint()).

On SQLite the test database of each process is saved right after pytest-django created it, as
the migrations left it, in milliseconds (keep_fresh(), from conftest's django_db_setup); later
test processes (every xdist worker, every run with the same code) restore their in-memory test
database from that file instead of migrating (restore_instead_of_migrating()). On PostgreSQL
the first process that needs the file migrates it once; the others wait and copy it."""
import fcntl
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

from mosty.core.tests import demo_snapshot

LOCK = demo_snapshot.CACHE / "migrated.lock"


def _template() -> Path:
    demo_snapshot.CACHE.mkdir(parents=True, exist_ok=True)
    return demo_snapshot.CACHE / f"migrated-{demo_snapshot.fingerprint()}.sqlite3"


def _publish(template: Path, fill) -> None:
    """Make `template` with fill(partial path), atomically (readers never see half a file)."""
    partial = template.with_suffix(f".{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    fill(partial)
    for old in template.parent.glob("migrated-*.sqlite3"):
        old.unlink()  # made by older code
    partial.rename(template)


def keep_fresh() -> None:
    """Save the just-created in-memory SQLite test database, unless a copy exists already."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        return
    template = _template()
    if template.exists():
        return
    connection.ensure_connection()

    def backup(partial: Path) -> None:
        with sqlite3.connect(partial) as target:
            connection.connection.backup(target)

    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            _publish(template, backup)


def restore_instead_of_migrating() -> None:
    """Have pytest-django's test database, when it is SQLite in memory and a migrated copy is
    saved, restored from that copy: migrating costs each xdist worker about 15 s of CPU,
    restoring milliseconds. Otherwise (PostgreSQL, first run of new code) it migrates."""
    creation = connection.creation
    create_test_db = creation.create_test_db

    def create_or_restore(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        name = creation._get_test_db_name()
        template = _template()
        if connection.vendor != "sqlite" or not creation.is_in_memory_db(name) \
                or not template.exists():
            return create_test_db(verbosity, autoclobber, serialize, keepdb)
        # What create_test_db does, with the saved file in place of `migrate` (the file was
        # saved right after it, so cache tables and migrations' data are in it).
        connection.close()
        settings.DATABASES[connection.alias]["NAME"] = name
        connection.settings_dict["NAME"] = name
        connection.ensure_connection()
        with sqlite3.connect(template) as saved:
            saved.backup(connection.connection)
        if serialize:
            connection._test_serialized_contents = creation.serialize_db_to_string()
        return name

    creation.create_test_db = create_or_restore  # type: ignore[method-assign]


def copy_to(target: Path) -> Path:
    """A migrated SQLite database at `target` (with the data that migrations load)."""
    template = _template()
    with open(LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one process migrates, the others wait for its file
        if not template.exists():
            _publish(template, _migrate)
    shutil.copyfile(template, target)
    return target


def run_against(module: str, database: Path) -> tuple[subprocess.CompletedProcess, dict]:
    """Run `python -m module database` (a script that loads Mosty on that SQLite file and
    prints its findings as JSON on its last line); the finished process and those findings."""
    result = subprocess.run([sys.executable, "-m", module, str(database)], capture_output=True,
                            text=True, timeout=300, cwd=demo_snapshot.ROOT, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return result, json.loads(result.stdout.strip().splitlines()[-1])


def _migrate(partial: Path) -> None:
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{partial}",
                   "DJANGO_SETTINGS_MODULE": "mosty.test_settings"}
    subprocess.run([sys.executable, "-m", "django", "migrate", "--verbosity", "0"],
                   env=environment, cwd=demo_snapshot.ROOT, check=True, timeout=600)
