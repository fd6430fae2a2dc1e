"""The demo in a test database, fast: loading it runs every module's services (a minute on a
busy machine), so a loaded demo is kept as a SQLite file under var/test-cache/, named by a hash
of the code and data that build it. The first test process (xdist worker) to need it loads it
and saves the file; the others, and later runs with unchanged code, copy the file into their
in-memory database in well under a second. On PostgreSQL every process loads the demo itself."""
import fcntl
import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[3]
CACHE = ROOT / "var" / "test-cache"
# What the demo's content depends on: the code and data of every app (not their tests or
# templates), the migrations, and the pinned library versions.
SOURCES = ("*.py", "*.yaml", "*.yml", "*.json", "*.csv", "*.txt", "*.xml")


def fingerprint() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    package = ROOT / "mosty"
    files = sorted(path for pattern in SOURCES for path in package.rglob(pattern)
                   if "tests" not in path.relative_to(package).parts)
    for path in files:
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def shipped_data() -> None:
    """What migrations load and a transactional test's flush removes: TERYT, cycle templates."""
    from mosty.directory.models import Territory
    from mosty.directory.teryt import load_terc
    from mosty.events.cycle_data import install_templates
    from mosty.events.models import CycleModule, CycleStep, CycleTemplate

    if not Territory.objects.exists():
        load_terc(Territory)
    if not CycleTemplate.objects.exists():
        install_templates(CycleTemplate, CycleStep, CycleModule)


def load(load_demo: Callable[[], object], prepare: Callable[[], None]) -> None:
    """Fill the test database with the demo (committed). `prepare` puts back what migrations
    ship and a transactional test's flush removed; it runs before a fresh load."""
    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        prepare()
        load_demo()
        return
    CACHE.mkdir(parents=True, exist_ok=True)
    snapshot = CACHE / f"demo-{fingerprint()}.sqlite3"
    connection.ensure_connection()
    database = connection.connection
    with open(CACHE / "demo.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one process loads, the others wait for its file
        media = snapshot.with_suffix(".media")  # the demo's uploaded files
        if snapshot.exists():
            with sqlite3.connect(snapshot) as saved:
                saved.backup(database)
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
            return
        prepare()
        load_demo()
        for old in CACHE.glob("demo-*"):
            shutil.rmtree(old) if old.is_dir() else old.unlink()
        shutil.copytree(settings.MEDIA_ROOT, media)
        partial = snapshot.with_suffix(".partial")
        with sqlite3.connect(partial) as target:
            database.backup(target)
        partial.rename(snapshot)
