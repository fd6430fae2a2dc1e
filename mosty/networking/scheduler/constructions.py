"""Known repeat-free rotations used as starting points for the optimiser.

Each function returns rounds as ``(tables, resting)`` with participant
*indices*.  They are only used when everybody attends every round: the
constructions rely on the exact head count, and the local search takes over
afterwards anyway (it relabels people to satisfy sectors, wishes, etc.).
"""

from __future__ import annotations

from math import gcd

from .designs import coset_rounds, projective_triple_rounds, transversal_rounds
from .frontier import starter_rounds
from .layout import mixed_table_sizes
from .model import Problem

SeatedRound = tuple[list[list[int]], list[int]]


def circle_rounds(people: list[int], rounds: int) -> list[SeatedRound]:
    """Round-robin pairs by the circle method (one person rests per round if odd).

    With ``n`` people every pair meets exactly once in ``n - 1`` rounds
    (``n`` rounds when odd); later rounds cycle through the same matchings.
    """
    ring: list[int | None] = list(people)
    if len(ring) % 2:
        ring.append(None)  # the partner of the dummy rests
    n = len(ring)
    out: list[SeatedRound] = []
    for r in range(rounds):
        step = r % (n - 1)
        # Position 0 is fixed, everybody else turns ``step`` places around the circle.
        order = [ring[0]] + [ring[1 + (i - step) % (n - 1)] for i in range(n - 1)]
        tables, resting = [], []
        for i in range(n // 2):
            a, b = order[i], order[n - 1 - i]
            if a is None or b is None:
                resting.append(b if a is None else a)
            else:
                tables.append([a, b])
        out.append((tables, [p for p in resting if p is not None]))
    return out


def _balanced_step(hosts: int, guests: int, rounds: int) -> int | None:
    """A step ``c`` (coprime to ``guests``) that spreads the rests evenly over ``rounds``."""
    steps = sorted(
        (c for c in range(1, guests + 1) if gcd(c, guests) == 1), key=lambda c: (abs(c - hosts), c)
    )
    for c in steps[:20]:  # a handful of candidates is plenty; keep it cheap
        seated = [0] * guests
        for t in range(rounds):
            for i in range(hosts):
                seated[(i + t * c) % guests] += 1
        if max(seated) - min(seated) <= 1:
            return c
    return None


def hosts_pair_rounds(hosts: list[int], guests: list[int], rounds: int) -> list[SeatedRound]:
    """Classic host x guest rotation: in round ``t`` host ``i`` meets guest ``i + t*c``.

    Needs ``len(guests) >= len(hosts)``.  With ``c`` coprime to the number of
    guests ``g``, every guest meets every host once in ``g`` rounds; ``c`` is
    chosen so that the guests left without a host (resting) take turns evenly
    even when the evening is shorter than ``g`` rounds.  Returns [] if no such
    step exists.
    """
    g = len(guests)
    step = _balanced_step(len(hosts), g, rounds)
    if step is None:
        return []
    out: list[SeatedRound] = []
    for t in range(rounds):
        shift = t * step
        seated = {(i + shift) % g for i in range(len(hosts))}
        tables = [[h, guests[(i + shift) % g]] for i, h in enumerate(hosts)]
        out.append((tables, [guests[j] for j in range(g) if j not in seated]))
    return out


def _sector_blocks(problem: Problem, people: list[int], count: int) -> list[list[int]]:
    """Split ``people`` into ``count`` equal blocks, grouping sector and organisation.

    People of one transversal block never meet, so putting colleagues and
    same-sector people together keeps them apart and mixes sectors at tables.
    """
    ps = problem.participants
    order = sorted(people, key=lambda i: (ps[i].sector or "", ps[i].organisation or "", i))
    size = len(order) // count
    return [order[j * size : (j + 1) * size] for j in range(count)]


def transversal_seating(problem: Problem, group: int, rounds: int) -> list[SeatedRound]:
    """Mixed mode: ``n = group * q`` people, one person of every block per table."""
    people = list(range(len(problem.participants)))
    blocks = _sector_blocks(problem, people, group)
    design = transversal_rounds(blocks, rounds)
    if len(blocks[0]) == group and len(design) == group < rounds:
        # g == s: the blocks never met, so they are one more round (the
        # affine plane AG(2, q) when q is a prime power).
        design.append([list(b) for b in blocks])
    return [(tables, []) for tables in design]


def hosts_table_rounds(
    problem: Problem, hosts: list[int], guests: list[int], per_table: int, rounds: int
) -> list[SeatedRound]:
    """Hosts mode with ``per_table`` guests at each of the ``H`` host tables.

    A transversal design whose block 0 (multiplier 0, so it never moves) is the
    hosts: guests visit every host once in ``H`` rounds and two guests meet at
    most once.
    """
    if len(guests) != len(hosts) * per_table:
        return []
    blocks = [hosts] + _sector_blocks(problem, guests, per_table)
    return [(tables, []) for tables in transversal_rounds(blocks, rounds)]


def construct(problem: Problem) -> list[SeatedRound]:
    """Longest known repeat-free prefix of rounds for ``problem`` ([] if none applies)."""
    if any(p.absent_rounds for p in problem.participants):
        return []
    people = list(range(len(problem.participants)))
    k, rounds = problem.table_size, problem.rounds
    if problem.hosts_mode:
        hosts = problem.host_indices()
        guests = [p for p in people if not problem.participants[p].host]
        if k == 2:
            return hosts_pair_rounds(hosts, guests, rounds)
        per_table = min(k - 1, len(guests) // len(hosts))
        return hosts_table_rounds(problem, hosts, guests, per_table, rounds)
    sizes = mixed_table_sizes(len(people), k, problem.tables)
    if not sizes:
        return []
    if max(sizes) == 2 and len(sizes) == len(people) // 2:
        return circle_rounds(people, rounds)
    group = sizes[0]
    if sum(sizes) != len(people) or min(sizes) != group:
        return []
    # Transversal first: on ties it wins because it also separates colleagues.
    candidates = [transversal_seating(problem, group, rounds)]
    if len(candidates[0]) < rounds:
        design = coset_rounds(len(people), group, rounds)
        if len(design) < rounds:
            # Stored cyclic starters (Kirkman systems, resolvable designs...).
            design = max(design, starter_rounds(len(sizes), group, rounds), key=len)
        if not design and group == 3:
            design = projective_triple_rounds(len(people), rounds, budget=50_000)
        candidates.append([([list(g) for g in rd], []) for rd in design])
    return max(candidates, key=len)
