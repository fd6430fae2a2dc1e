"""Finite-geometry constructions of repeat-free rounds (resolvable designs).

Two families are built here, both as lists of *rounds*, each round a
partition of the points ``0..n-1`` into groups of equal size:

* **Coset designs** over ``GF(p)^d`` (``n = p^d`` people, groups of ``p^s``):
  a round is the set of cosets of an ``s``-dimensional subspace ``W``.  Two
  people meet in that round iff their difference lies in ``W``, so rounds
  built from subspaces that pairwise intersect only in ``0`` (a *partial
  spread*) never repeat a pair.  ``s = 1`` gives the affine geometry
  ``AG(d, p)``; ``p = 2, d = 5, s = 2`` gives the 9 repeat-free rounds of 32
  people in tables of four.
* **Packings of PG(d-1, 2)** (``n = 2^d - 1`` people, groups of three): the
  lines ``{a, b, a xor b}`` of the projective space meet in at most one point,
  so partitions of the points into lines that use every line at most once are
  repeat-free.  For ``d = 4`` this solves Kirkman's schoolgirl problem.

The searches are small depth-first searches with a node budget, so they fail
quickly (returning fewer rounds) instead of hanging on hopeless sizes.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from math import comb

Rounds = list[list[list[int]]]

# Enumerating subspaces is only worth it for small geometries.
_MAX_SPAN_CANDIDATES = 60_000


def prime_power(n: int) -> tuple[int, int] | None:
    """Return ``(p, d)`` with ``n == p**d`` for prime ``p`` and ``d >= 1``, else None."""
    if n < 2:
        return None
    p = next(f for f in range(2, n + 1) if n % f == 0)
    d, rest = 0, n
    while rest % p == 0:
        rest //= p
        d += 1
    return (p, d) if rest == 1 else None


class VectorSpace:
    """``GF(p)^d`` with vectors encoded as integers in base ``p``."""

    def __init__(self, p: int, d: int) -> None:
        self.p, self.d, self.size = p, d, p**d
        digits = [self._digits(v) for v in range(self.size)]
        self._digits_of = digits

    def _digits(self, v: int) -> tuple[int, ...]:
        out = []
        for _ in range(self.d):
            v, c = divmod(v, self.p)
            out.append(c)
        return tuple(out)

    def _encode(self, digits: Iterator[int]) -> int:
        value, scale = 0, 1
        for c in digits:
            value += c * scale
            scale *= self.p
        return value

    def add(self, x: int, y: int) -> int:
        """Vector sum ``x + y``."""
        if self.p == 2:
            return x ^ y
        a, b = self._digits_of[x], self._digits_of[y]
        return self._encode((i + j) % self.p for i, j in zip(a, b, strict=False))

    def scale(self, c: int, x: int) -> int:
        """Scalar multiple ``c * x``."""
        return self._encode((c * i) % self.p for i in self._digits_of[x])

    def span(self, basis: tuple[int, ...]) -> frozenset[int]:
        """All linear combinations of ``basis`` (including 0)."""
        vectors = {0}
        for b in basis:
            multiples = [self.scale(c, b) for c in range(self.p)]
            vectors = {self.add(v, m) for v in vectors for m in multiples}
        return frozenset(vectors)

    def subspaces(self, dim: int) -> list[frozenset[int]]:
        """All ``dim``-dimensional subspaces, or [] when there are too many to list."""
        target = self.p**dim
        nonzero = range(1, self.size)
        if dim == 1:
            return sorted({self.span((v,)) for v in nonzero}, key=min_nonzero)
        if comb(self.size - 1, dim) > _MAX_SPAN_CANDIDATES:
            return []
        found = set()
        for basis in itertools.combinations(nonzero, dim):
            w = self.span(basis)
            if len(w) == target:
                found.add(w)
        return sorted(found, key=sorted)

    def cosets(self, w: frozenset[int]) -> list[list[int]]:
        """Partition of the whole space into cosets ``x + W``."""
        seen: set[int] = set()
        groups = []
        for x in range(self.size):
            if x not in seen:
                group = sorted(self.add(x, v) for v in w)
                seen.update(group)
                groups.append(group)
        return groups


def min_nonzero(w: frozenset[int]) -> int:
    """Smallest nonzero vector of a subspace (used as a sort key)."""
    return min(v for v in w if v)


def _partial_spread(points: int, blocks: list[int], target: int, budget: int) -> list[int]:
    """Find ``target`` pairwise disjoint bitmask ``blocks`` over points ``1..points-1``.

    Depth-first search: always cover the smallest point that is neither covered
    nor deliberately skipped; ``slack`` bounds how many points may stay
    uncovered.  Returns the best (largest) selection found within ``budget``.
    """
    block_size = bin(blocks[0]).count("1") if blocks else 1
    slack = (points - 1) - target * block_size
    if slack < 0 or not blocks:
        return []
    through: list[list[int]] = [[] for _ in range(points)]
    for b in blocks:
        for v in range(1, points):
            if b >> v & 1:
                through[v].append(b)
    best: list[int] = []
    chosen: list[int] = []
    nodes = 0

    def dfs(covered: int, skipped: int, start: int) -> bool:
        nonlocal nodes, best
        if len(chosen) > len(best):
            best = list(chosen)
        if len(chosen) == target:
            return True
        nodes += 1
        if nodes > budget:
            return False
        v = start
        while v < points and (covered >> v) & 1:
            v += 1
        if v >= points:
            return False
        for b in through[v]:
            if not b & covered:
                chosen.append(b)
                if dfs(covered | b, skipped, v + 1):
                    return True
                chosen.pop()
        if skipped < slack:
            return dfs(covered | (1 << v), skipped + 1, v + 1)
        return False

    dfs(1, 0, 1)  # bit 0 is the zero vector, never part of a block's mask
    return best


def coset_rounds(n: int, group: int, rounds: int, budget: int = 100_000) -> Rounds:
    """Repeat-free rounds for ``n`` people in groups of ``group`` from a partial spread.

    Returns at most ``rounds`` rounds (possibly fewer, possibly none).
    """
    pn, pg = prime_power(n), prime_power(group)
    if pn is None or pg is None or pn[0] != pg[0] or pg[1] >= pn[1]:
        return []
    space = VectorSpace(pn[0], pn[1])
    subspaces = space.subspaces(pg[1])
    if not subspaces:
        return []
    masks = [sum(1 << v for v in w if v) for w in subspaces]
    by_mask = dict(zip(masks, subspaces, strict=True))
    target = min(rounds, (n - 1) // (group - 1))
    found = _partial_spread(n, masks, target, budget)
    if len(found) < target:
        # The exact search ran out of budget: fall back to the best of a few
        # randomised greedy packings (always maximal, usually near maximum).
        rng = random.Random(n * 1000 + group)
        for _ in range(20):
            order = rng.sample(masks, len(masks))
            greedy: list[int] = []
            covered = 0
            for m in order:
                if not m & covered and len(greedy) < target:
                    greedy.append(m)
                    covered |= m
            found = max(found, greedy, key=len)
    return [space.cosets(by_mask[m]) for m in found]


def _packing(points: list[int], lines: list[int], rounds: int, budget: int) -> list[list[int]]:
    """Up to ``rounds`` disjoint partitions of ``points`` into ``lines`` (bitmasks)."""
    full = sum(1 << v for v in points)
    through: dict[int, list[int]] = {v: [] for v in points}
    for line in lines:
        for v in points:
            if line >> v & 1:
                through[v].append(line)
    classes: list[list[int]] = []
    used: set[int] = set()
    best: list[list[int]] = []
    nodes = 0

    def fill(current: list[int], covered: int) -> bool:
        nonlocal nodes, best
        if covered == full:
            classes.append(list(current))
            if len(classes) > len(best):
                best = [list(c) for c in classes]
            ok = len(classes) == rounds or fill([], 0)
            if not ok:
                classes.pop()
            return ok
        nodes += 1
        if nodes > budget:
            return False
        v = next(x for x in points if not covered >> x & 1)
        for line in through[v]:
            if line not in used and not line & covered:
                used.add(line)
                current.append(line)
                if fill(current, covered | line):
                    return True
                current.pop()
                used.discard(line)
        return False

    fill([], 0)
    return best


def projective_triple_rounds(n: int, rounds: int, budget: int = 200_000) -> Rounds:
    """Repeat-free rounds of triples for ``n = 2^d - 1`` people (a PG(d-1, 2) packing)."""
    pw = prime_power(n + 1)
    if pw is None or pw[0] != 2 or pw[1] < 2:
        return []
    points = list(range(1, n + 1))
    lines = sorted({(1 << a) | (1 << b) | (1 << (a ^ b)) for a in points for b in points if a < b})
    found = _packing(points, lines, min(rounds, (n - 1) // 2), budget)
    return [[sorted(v - 1 for v in points if line >> v & 1) for line in cls] for cls in found]


class Ring:
    """``GF(q)`` for prime powers ``q``, otherwise the integers mod ``q``.

    Elements are ``0..q-1``; only addition, subtraction, multiplication and a
    unit test are needed by the transversal construction.
    """

    def __init__(self, q: int) -> None:
        self.q = q
        pw = prime_power(q)
        if pw is None or pw[1] == 1:
            self._mul = [[(a * b) % q for b in range(q)] for a in range(q)]
            self._sub = [[(a - b) % q for b in range(q)] for a in range(q)]
            self.is_field = pw is not None
        else:
            self._mul, self._sub = _extension_field(*pw)
            self.is_field = True
        self.units = frozenset(a for a in range(q) if 1 in self._mul[a])

    def mul(self, a: int, b: int) -> int:
        """Product ``a * b``."""
        return self._mul[a][b]

    def sub(self, a: int, b: int) -> int:
        """Difference ``a - b``."""
        return self._sub[a][b]

    def difference_set(self, size: int) -> list[int] | None:
        """``size`` elements, starting with 0, whose pairwise differences are units."""
        chosen = [0]
        for a in range(1, self.q):
            if len(chosen) == size:
                break
            if all(self.sub(a, b) in self.units for b in chosen):
                chosen.append(a)
        return chosen if len(chosen) == size else None


def _extension_field(p: int, e: int) -> tuple[list[list[int]], list[list[int]]]:
    """Multiplication and subtraction tables of ``GF(p^e)`` (elements in base ``p``).

    Searches a monic polynomial ``f`` of degree ``e`` for which ``x`` generates
    all ``q - 1`` nonzero residues (a primitive polynomial); then
    multiplication is addition of discrete logarithms.
    """
    q = p**e

    def digits(v: int) -> list[int]:
        return [(v // p**i) % p for i in range(e)]

    def encode(ds: list[int]) -> int:
        return sum(c * p**i for i, c in enumerate(ds))

    ds = [digits(v) for v in range(q)]
    sub = [
        [encode([(x - y) % p for x, y in zip(ds[a], ds[b], strict=False)]) for b in range(q)]
        for a in range(q)
    ]
    for low in range(1, q):
        f = digits(low)  # f = x^e + f[e-1] x^(e-1) + ... + f[0]
        power = [1] + [0] * (e - 1)
        exp = []
        for _ in range(q - 1):
            exp.append(encode(power))
            # Multiply by x and reduce with x^e = -(f[0] + f[1] x + ...).
            top = power[-1]
            power = [0] + power[:-1]
            power = [(c - top * fc) % p for c, fc in zip(power, f, strict=False)]
        if len(set(exp)) == q - 1:
            log = {v: i for i, v in enumerate(exp)}
            mul = [[0] * q for _ in range(q)]
            for a in range(1, q):
                for b in range(1, q):
                    mul[a][b] = exp[(log[a] + log[b]) % (q - 1)]
            return mul, sub
    raise ValueError(f"no primitive polynomial for GF({p}^{e})")  # pragma: no cover


def transversal_rounds(blocks: list[list[int]], rounds: int) -> Rounds:
    """Repeat-free rounds from a resolvable transversal design.

    ``blocks`` are ``g`` equally long lists of ``q`` people.  In round ``r``
    table ``t`` receives person ``t - a_j * r`` of every block ``j`` (ring
    arithmetic mod ``q``).  Two people of different blocks meet when
    ``(a_j - a_j') * r`` equals a fixed difference, which happens for exactly
    one ``r`` because all ``a_j - a_j'`` are units; people of one block never
    meet.  ``a_0 = 0``, so block 0 stays put (used for hosts).  Returns
    ``min(rounds, q)`` rounds, or [] when no suitable multipliers exist.
    """
    q = len(blocks[0])
    if q < 2 or q > 128 or any(len(b) != q for b in blocks):
        return []
    ring = Ring(q)
    mult = ring.difference_set(len(blocks))
    if mult is None:
        return []
    out: Rounds = []
    for r in range(min(rounds, q)):
        out.append(
            [
                [block[ring.sub(t, ring.mul(a, r))] for block, a in zip(blocks, mult, strict=False)]
                for t in range(q)
            ]
        )
    return out
