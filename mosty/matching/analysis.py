"""The coordinators' matrix: sectors x resource categories, offers and needs, and the gaps.

Counts come from the engine's area report over the cached index, so the page costs a
fixed number of queries (the fingerprint, the scope's organisation ids for a programme or
group, and the organisations named in the unmet needs).
"""
from dataclasses import dataclass
from math import ceil

from django.utils.translation import gettext, gettext_lazy as _

from mosty.directory.choices import ResourceCategory, Sector
from mosty.directory.models import Organisation
from mosty.matching.engine import CATEGORIES, SECTORS, AreaReport, area_matrix
from mosty.matching.index_cache import matching_index
from mosty.matching.scopes import Scope

HEAT_LEVELS = 4

STATUS_LABELS = {
    "missing": _("missing: needed, nobody offers it"),
    "scarce": _("scarce: more needs than offers"),
    "balanced": _("balanced"),
    "plentiful": _("plentiful: more offers than needs"),
    "none": _("neither offered nor needed"),
}


@dataclass(frozen=True)
class Cell:
    category: str
    count: int
    level: int  # 0..HEAT_LEVELS, the colour intensity (the number is always printed)


@dataclass(frozen=True)
class Row:
    sector: str
    label: str
    cells: tuple[Cell, ...]
    total: int


@dataclass(frozen=True)
class Table:
    kind: str  # "offers" or "needs"
    rows: tuple[Row, ...]
    totals: tuple[int, ...]


@dataclass(frozen=True)
class Balance:
    category: str
    label: str
    offers: int
    needs: int
    unmet: int
    status: str

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass(frozen=True)
class UnmetNeed:
    organisation: Organisation | None
    name: str
    need: str
    category: str
    category_label: str
    sentence: str


@dataclass(frozen=True)
class Matrix:
    scope: Scope
    n_orgs: int
    categories: tuple[tuple[str, str], ...]
    offers: Table
    needs: Table
    balance: tuple[Balance, ...]
    unmet: tuple[UnmetNeed, ...]
    report: AreaReport


def heat(count: int, top: int) -> int:
    """Colour level of a count relative to the largest count of its table."""
    if count <= 0 or top <= 0:
        return 0
    return max(1, min(HEAT_LEVELS, ceil(HEAT_LEVELS * count / top)))


def status(offers: int, needs: int) -> str:
    if offers == 0:
        return "missing" if needs else "none"
    if needs > offers:
        return "scarce"
    if needs == 0 or offers >= 2 * needs:
        return "plentiful"
    return "balanced"


def _table(kind: str, grid: dict[str, dict[str, int]]) -> Table:
    sectors = dict(Sector.choices)
    top = max((grid[s][c] for s in SECTORS for c in CATEGORIES), default=0)
    rows = tuple(Row(s, str(sectors[s]), tuple(Cell(c, grid[s][c], heat(grid[s][c], top))
                                                for c in CATEGORIES),
                     sum(grid[s].values())) for s in SECTORS)
    return Table(kind, rows, tuple(sum(grid[s][c] for s in SECTORS) for c in CATEGORIES))


def scope_report(scope: Scope) -> AreaReport:
    """The engine's report for an area (by TERYT prefix) or for a programme's or group's
    organisations (those abroad are not indexed, so not counted)."""
    ids = None if scope.prefix else set(scope.organisations().values_list("id", flat=True))
    with matching_index() as index:
        if index is None:
            return area_matrix([])
        if ids is None:
            return index.area_report(scope.prefix)
        return area_matrix(index.get(pk) for pk in sorted(ids) if pk in index)


def scope_matrix(scope: Scope) -> Matrix:
    report = scope_report(scope)
    categories = dict(ResourceCategory.choices)
    offers, needs = report.totals("offers"), report.totals("needs")
    unmet_by_category: dict[str, int] = {}
    for unmet in report.unmet:
        unmet_by_category[unmet.need.category] = unmet_by_category.get(unmet.need.category, 0) + 1
    balance = tuple(Balance(c, str(categories[c]), offers[c], needs[c],
                            unmet_by_category.get(c, 0), status(offers[c], needs[c]))
                    for c in CATEGORIES)
    orgs = {o.pk: o for o in Organisation.objects.filter(
        pk__in={u.org_id for u in report.unmet})}
    unmet_needs = tuple(
        UnmetNeed(orgs.get(u.org_id), u.org_name, u.need.text, u.need.category,
                  str(categories[u.need.category]), u.sentence(gettext))
        for u in report.unmet)
    return Matrix(scope, report.n_orgs, tuple((c, str(categories[c])) for c in CATEGORIES),
                  _table("offers", report.offers), _table("needs", report.needs),
                  balance, unmet_needs, report)
