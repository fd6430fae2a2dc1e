"""State changes of a programme: its editions, groups (with their composition rules and
members) and staff. Views, the API and commands call these with plain values; each is atomic,
writes an audit entry (what changed, before → after) and raises ProgrammeError with a
translated message that views show next to the field it names (or above the form)."""
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.core.errors import DomainError
from mosty.directory.models import Organisation
from mosty.programmes.models import (
    AreaRule, Edition, Group, GroupMember, GroupRequirement, Programme, ProgrammeStaff, StaffRole)


class ProgrammeError(DomainError):
    """A translated reason why a change cannot be made; `field` names the form field, if any."""


@dataclass(frozen=True)
class EditionData:
    name: str
    start_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True)
class RequirementData:
    """At least `minimum` members of these sectors and/or kinds (see programmes/rules.py)."""

    label: str
    minimum: int = 1
    sectors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupData:
    name: str
    area_rule: str = AreaRule.ANY
    requirements: tuple[RequirementData, ...] = field(default_factory=tuple)


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{"name": [old, new]} for every value that changed (all of them for a new object)."""
    return {key: [before.get(key), value] for key, value in after.items()
            if before.get(key) != value}


def _edition_values(edition: Edition) -> dict[str, Any]:
    return {"name": edition.name,
            "start_date": edition.start_date.isoformat() if edition.start_date else None,
            "end_date": edition.end_date.isoformat() if edition.end_date else None}


@transaction.atomic
def save_edition(actor: User | None, programme: Programme, data: EditionData,
                 edition: Edition | None = None) -> Edition:
    """Create an edition of the programme, or change `edition` (which must belong to it)."""
    name = data.name.strip()
    if not name:
        raise ProgrammeError(_("Give the edition a name."), field="name")
    if data.start_date and data.end_date and data.end_date < data.start_date:
        raise ProgrammeError(_("The end must not come before the start."), field="end_date")
    if edition is not None and edition.programme_id != programme.pk:
        raise ProgrammeError(_("The edition belongs to another programme."))
    if Edition.objects.filter(programme=programme, name=name) \
            .exclude(pk=edition.pk if edition else None).exists():
        raise ProgrammeError(_("The programme already has an edition with this name."),
                             field="name")
    creating = edition is None or edition.pk is None
    if edition is None or edition.pk is None:
        edition, before = Edition(programme=programme), {}
    else:  # read again: a bound ModelForm has already changed the instance it was given
        edition = Edition.objects.select_for_update().get(pk=edition.pk)
        before = _edition_values(edition)
    edition.name, edition.start_date, edition.end_date = name, data.start_date, data.end_date
    edition.programme = programme
    edition.save()
    log_action(actor, "programmes.edition.created" if creating else "programmes.edition.updated",
               edition, changes=_changes(before, _edition_values(edition)))
    return edition


def _rule_values(requirement: GroupRequirement | RequirementData) -> dict[str, Any]:
    return {"label": requirement.label, "minimum": requirement.minimum,
            "sectors": list(requirement.sectors), "kinds": list(requirement.kinds)}


def _group_values(group: Group) -> dict[str, Any]:
    return {"name": group.name, "area_rule": group.area_rule,
            "rules": [_rule_values(rule) for rule in group.requirements.order_by("id")]}


@transaction.atomic
def save_group(actor: User | None, edition: Edition, data: GroupData,
               group: Group | None = None) -> Group:
    """Create a group of the edition, or change `group`; its composition rules become
    `data.requirements` (in that order)."""
    name = data.name.strip()
    if not name:
        raise ProgrammeError(_("Give the group a name."), field="name")
    if data.area_rule not in AreaRule.values:
        raise ProgrammeError(_("Choose one of the area rules."), field="area_rule")
    for rule in data.requirements:
        if not rule.sectors and not rule.kinds:
            raise ProgrammeError(_("Tick the sectors or kinds this rule counts."))
    if group is not None and group.pk is not None and group.edition_id != edition.pk:
        raise ProgrammeError(_("The group belongs to another edition."))
    creating = group is None or group.pk is None
    if group is None or group.pk is None:
        group, before = Group(edition=edition), {}
    else:  # read again: a bound ModelForm has already changed the instance it was given
        group = Group.objects.select_for_update().get(pk=group.pk)
        before = _group_values(group)
    group.edition, group.name, group.area_rule = edition, name, data.area_rule
    group.save()
    rules = [_rule_values(rule) for rule in data.requirements]
    if before.get("rules") != rules:
        group.requirements.all().delete()
        GroupRequirement.objects.bulk_create(
            GroupRequirement(group=group, **values) for values in rules)
    log_action(actor, "programmes.group.created" if creating else "programmes.group.updated",
               group, changes=_changes(before, _group_values(group)))
    return group


def _require_confirmed(person: User, field: str) -> None:
    """Rights in a programme go only to an address its owner has confirmed: whoever signs up
    first with someone else's address must not receive them."""
    if not person.email_confirmed:
        raise ProgrammeError(_("%(email)s has not confirmed this e-mail address yet. Ask the "
                               "person to open the link Mosty sent them, then try again.")
                             % {"email": person.email}, field=field)


@transaction.atomic
def add_group_member(actor: User | None, group: Group, organisation: Organisation,
                     people: list[User] | None = None) -> GroupMember:
    """Add an organisation to a group (or more of its people, if it is already in it)."""
    member, created = GroupMember.objects.get_or_create(group=group, organisation=organisation)
    if not created and not people:
        raise ProgrammeError(_("%(name)s is already in this group.")
                             % {"name": organisation.name}, field="organisation")
    before = [] if created else sorted(member.people.values_list("email", flat=True))
    for person in people or []:
        _require_confirmed(person, "people")
    if people:
        member.people.add(*people)
    log_action(actor, "programmes.group.member_added", group, organisation=organisation.slug,
               people=[person.email for person in people or []],
               changes={"people": [before, sorted(member.people.values_list("email", flat=True))]})
    return member


@transaction.atomic
def remove_group_member(actor: User | None, member: GroupMember) -> None:
    """Take an organisation out of a group; applications assigned there lose the assignment."""
    group = member.group
    log_action(actor, "programmes.group.member_removed", group,
               organisation=member.organisation.slug,
               changes={"organisation": [member.organisation.slug, None]})
    member.delete()


@transaction.atomic
def add_staff(actor: User | None, programme: Programme, person: User, role: str,
              expertise: str = "") -> ProgrammeStaff:
    """Make someone a coordinator or facilitator of the programme."""
    if role not in StaffRole.values:
        raise ProgrammeError(_("Choose coordinator or facilitator."), field="role")
    _require_confirmed(person, "email")
    staff, created = ProgrammeStaff.objects.get_or_create(
        programme=programme, user=person, role=role, defaults={"expertise": expertise})
    if not created:
        raise ProgrammeError(_("%(person)s already has this role.") % {"person": person},
                             field="email")
    log_action(actor, "programmes.staff.added", programme, person=person.email, role=role,
               changes={"role": [None, role]})
    return staff


@transaction.atomic
def remove_staff(actor: User | None, staff: ProgrammeStaff) -> None:
    """Take a role in the programme away from someone."""
    log_action(actor, "programmes.staff.removed", staff.programme, person=staff.user.email,
               role=staff.role, changes={"role": [staff.role, None]})
    staff.delete()
