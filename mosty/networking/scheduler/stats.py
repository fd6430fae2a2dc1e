"""Statistics of a finished schedule and the upper bound on distinct pairs.

Everything here works on the *output* (participant ids), so the numbers
reported to coordinators are recomputed from what they will actually print,
independently of the optimiser's incremental bookkeeping.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from math import comb
from typing import Any

from .layout import mixed_table_sizes, present_in_round, split_evenly
from .model import Problem


def attendance_masks(problem: Problem) -> list[int]:
    """Bitmask of rounds in which each participant can be seated.

    Rounds where fewer than two people are present cannot seat anybody and
    are left out, so ``mask_i & mask_j`` tells whether ``i`` and ``j`` can
    ever meet.
    """
    masks = [0] * len(problem.participants)
    for r in range(problem.rounds):
        present = present_in_round(problem, r)
        if len(present) >= 2:
            for p in present:
                masks[p] |= 1 << r
    return masks


def _pair_degree_bound(caps: list[int], partners: list[int]) -> int:
    # Each person meets at most min(possible partners, seats they can fill).
    return sum(min(c, d) for c, d in zip(caps, partners, strict=False)) // 2


def _mixed_bound(problem: Problem, masks: list[int]) -> int:
    n = len(masks)
    encounters = 0
    caps = [0] * n
    for r in range(problem.rounds):
        present = present_in_round(problem, r)
        sizes = mixed_table_sizes(len(present), problem.table_size, problem.tables)
        encounters += sum(comb(s, 2) for s in sizes)
        for p in present:
            caps[p] += max(sizes, default=1) - 1
    partners = [sum(1 for j in range(n) if j != i and masks[i] & masks[j]) for i in range(n)]
    possible = sum(partners) // 2
    return min(possible, encounters, _pair_degree_bound(caps, partners))


def _hosts_bound(problem: Problem, masks: list[int]) -> int:
    is_host = [p.host for p in problem.participants]
    n = len(masks)
    hosts = [i for i in range(n) if is_host[i]]
    guests = [i for i in range(n) if not is_host[i]]
    hg_encounters = gg_encounters = 0
    host_cap = [0] * n  # guests a host can receive
    guest_gg_cap = [0] * n  # other guests a guest can sit with
    guest_hg_cap = [0] * n  # hosts a guest can visit (one per round)
    k = problem.table_size
    for r in range(problem.rounds):
        present = present_in_round(problem, r)
        h = [p for p in present if is_host[p]]
        g = [p for p in present if not is_host[p]]
        active = min(len(h), len(g))
        if not active:
            continue
        seats = min(len(g), active * (k - 1))
        counts = split_evenly(seats, active)
        hg_encounters += seats
        gg_encounters += sum(comb(c, 2) for c in counts)
        for p in h:
            host_cap[p] += counts[0]
        for p in g:
            guest_hg_cap[p] += 1
            guest_gg_cap[p] += counts[0] - 1
    hg_partners = [
        sum(1 for j in (guests if is_host[i] else hosts) if masks[i] & masks[j]) for i in range(n)
    ]
    gg_partners = [
        0 if is_host[i] else sum(1 for j in guests if j != i and masks[i] & masks[j])
        for i in range(n)
    ]
    hg_possible = sum(hg_partners[i] for i in hosts)
    hg = min(
        hg_possible,
        hg_encounters,
        sum(min(host_cap[i], hg_partners[i]) for i in hosts),
        sum(min(guest_hg_cap[i], hg_partners[i]) for i in guests),
    )
    gg = min(
        sum(gg_partners) // 2,
        gg_encounters,
        _pair_degree_bound([guest_gg_cap[i] for i in guests], [gg_partners[i] for i in guests]),
    )
    return hg + gg


def upper_bound_pairs(problem: Problem) -> int:
    """A true upper bound on the number of distinct pairs that can share a table.

    Table sizes are forced by the rules, so the bound is the minimum of: pairs
    that are ever present together, seats-at-a-table encounters summed over
    rounds, and a per-person bound (nobody meets more people than their seats
    allow).  In hosts mode host-guest and guest-guest pairs are bounded
    separately and hosts never meet each other.
    """
    masks = attendance_masks(problem)
    if problem.hosts_mode:
        return _hosts_bound(problem, masks)
    return _mixed_bound(problem, masks)


def compute_stats(
    problem: Problem, rounds: Sequence[dict[str, Any]], seconds: float
) -> dict[str, Any]:
    """Recompute all statistics of an output schedule from its tables.

    ``repeated_pairs`` counts extra encounters (a pair meeting three times
    adds two), so ``pairs_met + repeated_pairs`` equals the number of
    encounters.  ``same_organisation_pairs`` and ``avoid_pairs_met`` count
    distinct pairs that shared a table at least once.
    """
    people = {p.id: p for p in problem.participants}
    meetings: dict[frozenset[str], int] = {}
    single_sector = 0
    for rnd in rounds:
        for table in rnd["tables"]:
            for a, b in combinations(table, 2):
                key = frozenset((a, b))
                meetings[key] = meetings.get(key, 0) + 1
            sectors = {people[x].sector for x in table}
            if len(table) >= 2 and len(sectors) == 1 and None not in sectors:
                single_sector += 1
    wishes_total = wishes_met = 0
    for p in problem.participants:
        for q in p.wishes:
            wishes_total += 1
            wishes_met += frozenset((p.id, q)) in meetings
    same_org = avoid = 0
    for key in meetings:
        a, b = (people[x] for x in key)
        if a.organisation and a.organisation == b.organisation:
            same_org += 1
        if b.id in a.avoid or a.id in b.avoid:
            avoid += 1
    return {
        "pairs_met": len(meetings),
        "repeated_pairs": sum(m - 1 for m in meetings.values()),
        "upper_bound_pairs": upper_bound_pairs(problem),
        "wishes_met": wishes_met,
        "wishes_total": wishes_total,
        "same_organisation_pairs": same_org,
        "single_sector_tables": single_sector,
        "avoid_pairs_met": avoid,
        "seconds": round(seconds, 3),
    }
