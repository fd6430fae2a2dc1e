"""Which groups break their composition rules: database rows in, programmes/rules.py decides."""
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from mosty.directory.choices import Kind, Sector
from mosty.programmes.models import Group, GroupMember, GroupRequirement
from mosty.programmes.rules import MemberFacts, Requirement, check_group


def with_members(groups: QuerySet[Group]) -> QuerySet[Group]:
    """Groups with their rules, members, members' organisations and people: four queries."""
    members = GroupMember.objects.select_related("organisation__municipality") \
        .prefetch_related("people").order_by("organisation__name")
    return groups.select_related("edition").prefetch_related(
        Prefetch("requirements", queryset=GroupRequirement.objects.order_by("id")),
        Prefetch("members", queryset=members))


def problems(group: Group) -> list[str]:
    """Every rule the group breaks (from prefetched rows, see `with_members`)."""
    requirements = [Requirement(r.label, tuple(r.sectors), tuple(r.kinds), r.minimum)
                    for r in group.requirements.all()]
    facts = [MemberFacts(m.organisation.name, m.organisation.sector, m.organisation.kind,
                         m.organisation.municipality_id) for m in group.members.all()]
    return check_group(group.area_rule, requirements, facts)


@dataclass
class GroupReport:
    group: Group
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def reports(groups: QuerySet[Group]) -> list[GroupReport]:
    return [GroupReport(group, problems(group)) for group in with_members(groups)]


def requirement_summary(requirement: GroupRequirement) -> str:
    """"culture centre, library, museum" for a rule's sectors and kinds."""
    sectors, kinds = dict(Sector.choices), dict(Kind.choices)
    return ", ".join([str(sectors.get(s, s)) for s in requirement.sectors] +
                     [str(kinds.get(k, k)) for k in requirement.kinds])
