"""The demo's content, read from the YAML files under ``data/`` (UTF-8, edited by hand).

``organisations.yaml`` and ``accounts.yaml`` hold the organisations and the demo accounts;
``programmes/NNN_*.yaml`` one seed programme each, with its events; every other file the
content of one module's demo (``groups.yaml``, ``recruitment.yaml``, ``events.yaml``, …),
read by its builder. A value left out of a file reads as empty.
"""
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent / "data"


def read(name: str) -> Any:
    """The parsed content of ``data/<name>``."""
    with (DATA / name).open(encoding="utf-8") as file:
        return yaml.safe_load(file)


def organisations() -> list[dict[str, Any]]:
    return read("organisations.yaml")


def accounts() -> list[dict[str, Any]]:
    return read("accounts.yaml")


def programmes() -> list[dict[str, Any]]:
    """One ``{"programme": …, "events": […]}`` per seed file, in file-name order."""
    return [read(f"programmes/{path.name}")
            for path in sorted((DATA / "programmes").glob("*.yaml"))]
