"""Who runs a programme and sees its private parts: one rule for recruitment, events, maps.

- manage (calls, editions, groups, events, decisions): Django staff; the programme's
  coordinators (ProgrammeStaff "coordinator"); people with the global role coordinator who
  are members of the programme's organiser.
- see private parts (applications, attendance, contacts of participants): the above and the
  programme's facilitators / experts.
- everyone sees public programmes; people invited to or registered for an event of a
  programme that is not public still see that event (mosty.events.access).
"""
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet

from mosty.accounts.access import signed_in as _active
from mosty.accounts.models import Role
from mosty.directory.models import Membership
from mosty.programmes.models import Programme, ProgrammeStaff, StaffRole


@dataclass(frozen=True)
class ProgrammeAccess:
    manage: bool = False
    see_private: bool = False

    @property
    def review(self) -> bool:
        return self.see_private


NO_ACCESS = ProgrammeAccess()


def programme_access(user: Any, programme: Programme) -> ProgrammeAccess:
    """What `user` may do in `programme` (at most two queries)."""
    if not _active(user):
        return NO_ACCESS
    if user.is_staff:
        return ProgrammeAccess(manage=True, see_private=True)
    roles = set(ProgrammeStaff.objects.filter(programme=programme, user=user)
                .values_list("role", flat=True))
    if StaffRole.COORDINATOR in roles:
        return ProgrammeAccess(manage=True, see_private=True)
    if user.role == Role.COORDINATOR and Membership.objects.filter(
            user=user, organisation_id=programme.organiser_id).exists():
        return ProgrammeAccess(manage=True, see_private=True)
    if StaffRole.FACILITATOR in roles:
        return ProgrammeAccess(manage=False, see_private=True)
    return NO_ACCESS


def _programmes(user: Any, roles: list[str]) -> QuerySet[Programme]:
    if not _active(user):
        return Programme.objects.none()
    if user.is_staff:
        return Programme.objects.all()
    staff = ProgrammeStaff.objects.filter(programme=OuterRef("pk"), user=user, role__in=roles)
    condition = Q(Exists(staff))
    if user.role == Role.COORDINATOR:
        condition |= Q(Exists(Membership.objects.filter(
            organisation=OuterRef("organiser_id"), user=user)))
    return Programme.objects.filter(condition)


def managed_programmes(user: Any) -> QuerySet[Programme]:
    return _programmes(user, [StaffRole.COORDINATOR])


def private_programmes(user: Any) -> QuerySet[Programme]:
    """Programmes whose private parts `user` sees (coordinators and facilitators)."""
    return _programmes(user, [StaffRole.COORDINATOR, StaffRole.FACILITATOR])


def visible_programmes(user: Any) -> QuerySet[Programme]:
    """Public programmes, and the unpublished ones whose private parts `user` sees."""
    if _active(user) and user.is_staff:
        return Programme.objects.all()
    return Programme.objects.filter(
        Q(is_public=True) | Q(pk__in=private_programmes(user).values("pk")))
