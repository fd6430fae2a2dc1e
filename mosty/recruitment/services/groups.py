"""Coordinators keep a programme's editions and groups: composition rules and members."""
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.directory.models import Organisation
from mosty.programmes.models import Edition, Group, GroupMember, Programme, ProgrammeStaff
from mosty.recruitment.services import RecruitmentError


@transaction.atomic
def save_edition(actor: User, programme: Programme, form: Any) -> Edition:
    """Create or change an edition from a valid form."""
    edition = form.save(commit=False)
    creating = edition.pk is None
    edition.programme = programme
    if Edition.objects.filter(programme=programme, name=edition.name) \
            .exclude(pk=edition.pk).exists():
        raise RecruitmentError(_("The programme already has an edition with this name."),
                               field="name")
    edition.save()
    log_action(actor, "programmes.edition.created" if creating else "programmes.edition.updated",
               edition)
    return edition


@transaction.atomic
def save_group(actor: User, edition: Edition, form: Any, requirements: Any) -> Group:
    """Create or change a group and its composition rules from a valid form and formset."""
    group = form.save(commit=False)
    creating = group.pk is None
    group.edition = edition
    group.save()
    requirements.instance = group
    requirements.save()
    log_action(actor, "programmes.group.created" if creating else "programmes.group.updated",
               group, rules=group.requirements.count())
    return group


@transaction.atomic
def add_group_member(actor: User, group: Group, organisation: Organisation,
                     people: list[User] | None = None) -> GroupMember:
    """Add an organisation to a group (or more of its people, if it is already in it)."""
    member, created = GroupMember.objects.get_or_create(group=group, organisation=organisation)
    if not created and not people:
        raise RecruitmentError(_("%(name)s is already in this group.")
                               % {"name": organisation.name}, field="organisation")
    if people:
        member.people.add(*people)
    log_action(actor, "programmes.group.member_added", group, organisation=organisation.slug,
               people=[person.email for person in people or []])
    return member


@transaction.atomic
def remove_group_member(actor: User, member: GroupMember) -> None:
    """Take an organisation out of a group; applications assigned there lose the assignment."""
    group = member.group
    log_action(actor, "programmes.group.member_removed", group,
               organisation=member.organisation.slug)
    member.delete()


@transaction.atomic
def add_staff(actor: User, programme: Programme, person: User, role: str,
              expertise: str = "") -> ProgrammeStaff:
    """Make someone a coordinator or facilitator of the programme."""
    staff, created = ProgrammeStaff.objects.get_or_create(
        programme=programme, user=person, role=role, defaults={"expertise": expertise})
    if not created:
        raise RecruitmentError(_("%(person)s already has this role.") % {"person": person},
                               field="email")
    log_action(actor, "programmes.staff.added", programme, person=person.email, role=role)
    return staff


@transaction.atomic
def remove_staff(actor: User, staff: ProgrammeStaff) -> None:
    log_action(actor, "programmes.staff.removed", staff.programme, person=staff.user.email,
               role=staff.role)
    staff.delete()
