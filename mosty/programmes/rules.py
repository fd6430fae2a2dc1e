"""Checking a group's composition rules (plain data in, translated problems out)."""
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _, ngettext


@dataclass(frozen=True)
class MemberFacts:
    name: str
    sector: str
    kind: str
    teryt: str | None


@dataclass(frozen=True)
class Requirement:
    label: str
    sectors: tuple[str, ...]
    kinds: tuple[str, ...]
    minimum: int

    def accepts(self, member: MemberFacts) -> bool:
        if self.sectors and member.sector not in self.sectors:
            return False
        return not self.kinds or member.kind in self.kinds


AREA_PREFIX = {"gmina": 7, "powiat": 4, "voivodeship": 2}


def check_group(area_rule: str, requirements: Iterable[Requirement],
                members: list[MemberFacts]) -> list[str]:
    """Every way in which the group breaks its rules; an empty list when it keeps them."""
    problems = []
    if area_rule in AREA_PREFIX:
        length = AREA_PREFIX[area_rule]
        outside = [m.name for m in members if not m.teryt]
        areas = {m.teryt[:length] for m in members if m.teryt}
        if outside:
            problems.append(_("No municipality given for: %(names)s.") % {
                "names": ", ".join(outside)})
        if len(areas) > 1:
            problems.append({
                "gmina": _("The members come from %(count)s different gminas; the rule is one."),
                "powiat": _("The members come from %(count)s different powiats; the rule is one."),
                "voivodeship": _("The members come from %(count)s different voivodeships; "
                                 "the rule is one."),
            }[area_rule] % {"count": len(areas)})
    for requirement in requirements:
        found = sum(1 for m in members if requirement.accepts(m))
        if found < requirement.minimum:
            problems.append(ngettext(
                "At least %(minimum)s member must be: %(label)s (now %(found)s).",
                "At least %(minimum)s members must be: %(label)s (now %(found)s).",
                requirement.minimum) % {"minimum": requirement.minimum,
                                        "label": requirement.label, "found": found})
    return problems
