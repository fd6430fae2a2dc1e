"""Which funding sources fit a project idea, with reasons. Plain Python, no Django: the
bridge in services builds the facts from the database."""
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

CULTURE_KINDS = {"culture_centre", "library", "museum", "culture_institute"}


@dataclass(frozen=True)
class TeamFacts:
    sectors: frozenset[str]
    kinds: frozenset[str]
    organisations: int
    requested: Decimal
    own: Decimal  # own contribution, cash and in kind


@dataclass(frozen=True)
class SourceFacts:
    key: int
    applicants: frozenset[str]
    amount_min: Decimal | None
    amount_max: Decimal | None
    own_percent: int
    deadline: date | None


@dataclass(frozen=True)
class Fit:
    key: int
    score: int
    reasons: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def fits(self) -> bool:
        return not self.problems


def applicant_types(team: TeamFacts) -> set[str]:
    """The kinds of applicant the team's organisations can apply as."""
    types: set[str] = set()
    if "ngo" in team.sectors:
        types.add("ngo")
    if "jst" in team.sectors:
        types.add("jst")
    if "business" in team.sectors:
        types.add("business")
    if "informal" in team.sectors:
        types.add("informal")
    if team.kinds & CULTURE_KINDS:
        types.add("culture")
    if "public_institution" in team.sectors and team.kinds - CULTURE_KINDS:
        types.add("public")
    if team.organisations >= 2:
        types.add("partnership")
    return types


def money(value: Decimal) -> str:
    return f"{value:,.0f}".replace(",", " ")


def fit(team: TeamFacts, source: SourceFacts, today: date,
        label: Callable[[str], str], _: Callable[[str], str]) -> Fit:
    """How `source` fits the team; `label` names an applicant type, `_` translates."""
    reasons: list[str] = []
    problems: list[str] = []
    score = 0
    eligible = applicant_types(team) & source.applicants
    if eligible:
        score += 2
        reasons.append(_("May apply: %s") % ", ".join(sorted(label(t) for t in eligible)))
    else:
        problems.append(_("No organisation of the team may apply."))
    if team.requested > 0:
        low, high = source.amount_min, source.amount_max
        if (low is None or team.requested >= low) and (high is None or team.requested <= high):
            score += 1
            reasons.append(_("The amount requested (%s PLN) is within the range.")
                           % money(team.requested))
        else:
            problems.append(_("The amount requested (%s PLN) is outside the range.")
                            % money(team.requested))
    if source.own_percent:
        total = team.requested + team.own
        share = (team.own * 100 / total) if total else Decimal(0)
        if share >= source.own_percent:
            score += 1
            reasons.append(_("Own contribution %(share)s%% (at least %(need)s%% required).")
                           % {"share": f"{share:.0f}", "need": source.own_percent})
        else:
            problems.append(_("Own contribution %(share)s%%, at least %(need)s%% required.")
                            % {"share": f"{share:.0f}", "need": source.own_percent})
    if source.deadline is not None:
        if source.deadline >= today:
            score += 1
            reasons.append(_("Deadline ahead: %s.") % source.deadline.isoformat())
        else:
            problems.append(_("The last known deadline has passed (%s).")
                            % source.deadline.isoformat())
    return Fit(source.key, score, tuple(reasons), tuple(problems))


def rank(team: TeamFacts, sources: Iterable[SourceFacts], today: date,
         label: Callable[[str], str], _: Callable[[str], str]) -> list[Fit]:
    """Fitting sources first, then by score."""
    fits = [fit(team, s, today, label, _) for s in sources]
    return sorted(fits, key=lambda f: (not f.fits, -f.score, f.key))
