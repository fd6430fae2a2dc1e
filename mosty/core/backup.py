"""Backing up and restoring an instance: the database and the uploaded files, into one folder.

A backup folder holds `database.sqlite3` (SQLite's online backup, consistent while the site
runs) or `database.dump` (`pg_dump -Fc`, PostgreSQL's custom format, for `pg_restore`),
`media.tar.gz` (everything under MEDIA_ROOT) and `manifest.json` saying which is which.
PostgreSQL needs `pg_dump` and `pg_restore` on the PATH, of the server's major version or newer.
"""
import json
import os
import sqlite3
import subprocess
import tarfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import connections
from django.utils import timezone

SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
MANIFEST_FILE = "manifest.json"


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Backup:
    directory: Path
    database_file: Path
    media_file: Path


def _vendor(database: Mapping[str, Any]) -> str:
    engine = database["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        return "sqlite"
    if engine == "django.db.backends.postgresql":
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def _postgres_env(database: Mapping[str, Any]) -> dict[str, str]:
    """libpq reads the connection from the environment, so no password is on a command line."""
    env = dict(os.environ)
    for key, name in [("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"),
                      ("PASSWORD", "PGPASSWORD")]:
        if database.get(key):
            env[name] = str(database[key])
    return env


def _run(command: list[str], database: Mapping[str, Any]) -> None:
    try:
        result = subprocess.run(command, env=_postgres_env(database), capture_output=True,
                                text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (it is on no folder of PATH).") \
            from None
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup(directory: Path, media_root: Path, alias: str = "default") -> Backup:
    """Write the database of connection `alias` and the files under `media_root` into
    `directory` (created if missing; must not hold a backup already)."""
    directory.mkdir(parents=True, exist_ok=True)
    if (directory / MANIFEST_FILE).exists():
        raise BackupError(f"{directory} holds a backup already; choose an empty folder.")
    connection = connections[alias]
    vendor = _vendor(connection.settings_dict)
    if vendor == "sqlite":
        database_file = directory / SQLITE_FILE
        # Through Django's own connection: works for a file and for an in-memory database.
        connection.ensure_connection()
        with sqlite3.connect(database_file) as target:
            connection.connection.backup(target)
        target.close()
    else:
        database_file = directory / POSTGRES_FILE
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(database_file),
              connection.settings_dict["NAME"]], connection.settings_dict)
    media_file = directory / MEDIA_FILE
    with tarfile.open(media_file, "w:gz") as archive:
        if media_root.is_dir():
            for child in sorted(media_root.iterdir()):
                archive.add(child, arcname=child.name)
    manifest = {"database": vendor, "database_file": database_file.name,
                "media_file": media_file.name, "created": timezone.now().isoformat()}
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")
    return Backup(directory, database_file, media_file)


def restore(directory: Path, database: Mapping[str, Any], media_root: Path) -> None:
    """Put the backup in `directory` into `database` (a DATABASES entry; its tables are
    replaced) and unpack its files under `media_root` (files of the same name are replaced)."""
    try:
        manifest = json.loads((directory / MANIFEST_FILE).read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{directory} holds no readable backup: {error}") from None
    vendor = _vendor(database)
    if manifest["database"] != vendor:
        raise BackupError(f"The backup is of a {manifest['database']} database; the target is "
                          f"{vendor}. Move data between the two with dumpdata/loaddata.")
    database_file = directory / manifest["database_file"]
    if vendor == "sqlite":
        with sqlite3.connect(database_file) as source, \
                sqlite3.connect(database["NAME"]) as target:
            source.backup(target)
        source.close()
        target.close()
    else:
        _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
              "--exit-on-error", "--dbname", database["NAME"], str(database_file)], database)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(directory / manifest["media_file"], "r:gz") as archive:
        # The "data" filter refuses absolute paths, links out of the folder and device files.
        archive.extractall(media_root, filter="data")
