"""What a partnering agreement should contain, and what a given draft still lacks.

Plain Python (no Django): who / why / what / how, after the partnering-agreement checklists
of partnership brokers: partners and their representatives; shared and each party's
objectives; activities, work plan, resource commitments and roles; coordination, indicators,
review, disputes and exit. Labels are English msgids; the caller translates them.
"""
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


def _noop(message: str) -> str:
    """Marks a msgid for translation without importing Django."""
    return message


@dataclass(frozen=True)
class PartyFacts:
    name: str
    representative: str = ""
    function: str = ""
    objectives: str = ""
    role: str = ""
    contributions: int = 0


@dataclass(frozen=True)
class AgreementFacts:
    parties: list[PartyFacts] = field(default_factory=list)
    purpose: str = ""
    scope: str = ""
    work_plan: str = ""
    indicators: str = ""
    communication: str = ""
    start_date: date | None = None
    review_date: date | None = None
    disputes: str = ""
    exit_terms: str = ""


@dataclass(frozen=True)
class Item:
    section: str  # "who", "why", "what", "how"
    label: str
    ok: bool
    missing_for: tuple[str, ...] = ()  # the parties that lack it, for per-party items


SECTIONS = {"who": _noop("Who"), "why": _noop("Why"), "what": _noop("What"), "how": _noop("How")}


def _filled(text: str) -> bool:
    return bool(text.strip())


def _per_party(facts: AgreementFacts, section: str, label: str,
               has: Callable[[PartyFacts], bool]) -> Item:
    lacking = tuple(p.name for p in facts.parties if not has(p))
    return Item(section, label, bool(facts.parties) and not lacking, lacking)


def check(facts: AgreementFacts) -> list[Item]:
    """Every element with whether the draft has it, in document order."""
    return [
        Item("who", _noop("At least two partners"), len(facts.parties) >= 2),
        _per_party(facts, "who", _noop("Each partner's representative and their function"),
                   lambda p: _filled(p.representative) and _filled(p.function)),
        Item("why", _noop("Shared objectives of the partnership"), _filled(facts.purpose)),
        _per_party(facts, "why", _noop("Each partner's own objectives"),
                   lambda p: _filled(p.objectives)),
        Item("what", _noop("Scope and forms of cooperation"), _filled(facts.scope)),
        Item("what", _noop("Activities and work plan"), _filled(facts.work_plan)),
        _per_party(facts, "what", _noop("Each partner's resource commitments"),
                   lambda p: p.contributions > 0),
        _per_party(facts, "what", _noop("Each partner's role and tasks"),
                   lambda p: _filled(p.role)),
        Item("how", _noop("Coordinators and communication"), _filled(facts.communication)),
        Item("how", _noop("Duration (date of entry into force)"), facts.start_date is not None),
        Item("how", _noop("Indicators of success"), _filled(facts.indicators)),
        Item("how", _noop("Review date"), facts.review_date is not None),
        Item("how", _noop("How disputes are solved"), _filled(facts.disputes)),
        Item("how", _noop("How a partner leaves the agreement"), _filled(facts.exit_terms)),
    ]


def missing(facts: AgreementFacts) -> list[Item]:
    return [item for item in check(facts) if not item.ok]
