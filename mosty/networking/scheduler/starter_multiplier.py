"""Starters invariant under a multiplier: a smaller search for perfect designs.

For ``v = c*q + 1`` people on ``Z_q x {0..c-1}`` plus one fixed point, with a
unit ``u`` of order ``c`` modulo ``q`` (``u^c == 1``), look for a base round
invariant under ``phi(x, i) = (u*x, i+1 mod c)``.  The fixed point's table is
``{inf, (0, 0), ..., (0, c-1)}`` and every other table comes with its ``c``
images, so only ``(q*c/(c+1) - 1)/c`` tables are searched.  This is how the
resolvable (40,4,1)-design (10 tables of 4 for 13 rounds: ``q = 13, c = 3,
u = 3``) in ``data/starters.json`` was found, in seconds.
"""

from __future__ import annotations

import random
import time

from .starters import Starter, _Quotient


def multiplier_search(
    q: int, c: int, s: int, u: int, time_limit: float, seed: int = 0, budget: int = 100_000
) -> Starter | None:
    """One base round of ``s``-tables over ``Z_q x c + {inf}`` invariant under ``phi``."""
    if s != c + 1 or pow(u, c, q) != 1 or (q * c + 1) % s:
        return None
    mc = q * c
    key = _Quotient(q, c, 1, []).key
    forbidden = _Quotient.FORBIDDEN
    fixed = [mc] + [i * q for i in range(c)]
    rng = random.Random(seed)
    deadline = time.perf_counter() + time_limit

    def phi(p: int) -> int:
        i, x = divmod(p, q)
        return ((i + 1) % c) * q + (u * x) % q

    def orbit(table: list[int]) -> list[list[int]]:
        out = [table]
        for _ in range(c - 1):
            out.append([phi(p) for p in out[-1]])
        return out

    def pair_keys(tables: list[list[int]]) -> list[int]:
        return [key(p, r) for t in tables for a, p in enumerate(t) for r in t[a + 1 :]]

    def attempt(order: list[int]) -> list[list[int]] | None:
        used = set(pair_keys([fixed]))
        covered = set(fixed)
        tables: list[list[int]] = []
        nodes = 0

        def extend(table: list[int], candidates: list[int]) -> bool:
            if len(table) == s:
                images = orbit(table)
                points = [p for t in images for p in t]
                keys = pair_keys(images)
                if len(set(points)) < len(points) or covered.intersection(points):
                    return False
                if forbidden in keys or len(set(keys)) < len(keys) or used.intersection(keys):
                    return False
                used.update(keys)
                covered.update(points)
                tables.extend(images)
                if complete():
                    return True
                used.difference_update(keys)
                covered.difference_update(points)
                del tables[-c:]
                return False
            for i, p in enumerate(candidates):
                keys = [key(p, x) for x in table]
                if forbidden in keys or len(set(keys)) < len(keys) or used.intersection(keys):
                    continue
                if extend([*table, p], candidates[i + 1 :]):
                    return True
            return False

        def complete() -> bool:
            nonlocal nodes
            nodes += 1
            if nodes > budget:
                return False
            free = [p for p in order if p not in covered]
            return not free or extend([free[0]], free[1:])

        return tables if complete() else None

    while time.perf_counter() < deadline:
        order = [p for p in range(mc) if p not in set(fixed)]
        rng.shuffle(order)
        found = attempt(order)
        if found is not None:
            base = tuple(tuple(sorted(t)) for t in [fixed, *found])
            return Starter(q, c, 1, (base,))
    return None
