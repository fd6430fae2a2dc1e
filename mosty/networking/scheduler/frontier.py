"""The Social Golfer Problem frontier: known results and stored starters.

``data/frontier.json`` lists every instance ``g-s`` (``g`` tables of ``s``
people) with ``g <= 10`` and ``s <= 8``: the trivial bound
``floor((g*s - 1)/(s - 1))``, the best proven upper bound, the most rounds of
a known repeat-free schedule and its source (see docs/networking.md).

``data/starters.json`` holds base rounds found by :mod:`.starters` (cyclic
development); they are checked by the tests and turn into the rounds of the
hardest instances (Kirkman and nearly Kirkman triple systems, resolvable
designs with block size 4...) instantly.  Plain Python, no Django.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from .starters import Rounds, Starter, develop, starter_from_json

DATA = Path(__file__).resolve().parent / "data"


@cache
def instances() -> tuple[dict[str, Any], ...]:
    """The rows of ``frontier.json`` (g, s, bound, upper, best_known, status, source)."""
    with open(DATA / "frontier.json", encoding="utf-8") as handle:
        return tuple(json.load(handle)["instances"])


@cache
def starters() -> dict[tuple[int, int], Starter]:
    """Stored starters by ``(g, s)`` (the one with most rounds for each)."""
    with open(DATA / "starters.json", encoding="utf-8") as handle:
        raw = json.load(handle)
    out: dict[tuple[int, int], Starter] = {}
    for name, data in raw["starters"].items():
        g, s, _ = (int(x) for x in name.split("-"))
        starter = starter_from_json(data)
        if (g, s) not in out or starter.rounds > out[(g, s)].rounds:
            out[(g, s)] = starter
    return out


def starter_rounds(g: int, s: int, rounds: int) -> Rounds:
    """Up to ``rounds`` repeat-free rounds of ``g`` tables of ``s`` from a stored starter."""
    starter = starters().get((g, s))
    if starter is None:
        return []
    return develop(starter, rounds)
