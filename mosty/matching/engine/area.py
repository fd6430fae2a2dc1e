"""Area analysis for coordinators: who offers and needs what, and the gaps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .messages import Translate, identity, render_unmet
from .types import CATEGORIES, SECTORS, Item, Org


@dataclass(frozen=True, slots=True)
class UnmetNeed:
    """A need whose category no other organisation of the area offers."""

    org_id: int
    org_name: str
    need: Item

    def sentence(self, translate: Translate = identity) -> str:
        return render_unmet(self.org_name, self.need.text, self.need.category, translate)


@dataclass(frozen=True, slots=True)
class AreaReport:
    """Sector x category counts of offers and needs, plus unmet needs.

    ``offers[sector][category]`` and ``needs[sector][category]`` count items
    (not organisations).  All sectors and categories are present, zeros
    included, so templates can render a fixed grid.
    """

    n_orgs: int
    offers: dict[str, dict[str, int]]
    needs: dict[str, dict[str, int]]
    unmet: tuple[UnmetNeed, ...]

    def totals(self, kind: str) -> dict[str, int]:
        """Per-category totals over all sectors (``kind``: "offers"/"needs")."""
        grid = self.offers if kind == "offers" else self.needs
        return {c: sum(grid[s][c] for s in SECTORS) for c in CATEGORIES}

    def rows(self) -> list[tuple[str, str, int, int]]:
        """Flat (sector, category, offers, needs) rows, e.g. for CSV export."""
        return [(s, c, self.offers[s][c], self.needs[s][c]) for s in SECTORS for c in CATEGORIES]


def area_matrix(orgs: Iterable[Org]) -> AreaReport:
    """Analyse a set of organisations (a gmina, a powiat, a programme group).

    A need counts as unmet when no *other* organisation of the set offers
    its category: an organisation's own offers do not close its own gap.
    """
    orgs = list(orgs)
    offers = {s: dict.fromkeys(CATEGORIES, 0) for s in SECTORS}
    needs = {s: dict.fromkeys(CATEGORIES, 0) for s in SECTORS}
    # category -> ids of organisations offering it
    providers: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    for org in orgs:
        for it in org.items:
            if it.kind == "offer":
                offers[org.sector][it.category] += 1
                providers[it.category].add(org.id)
            else:
                needs[org.sector][it.category] += 1
    unmet = tuple(
        UnmetNeed(org.id, org.name, it)
        for org in orgs
        for it in org.needs
        if not (providers[it.category] - {org.id})
    )
    return AreaReport(n_orgs=len(orgs), offers=offers, needs=needs, unmet=unmet)
