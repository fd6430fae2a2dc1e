"""Who may see what in partner matching: the one place that answers it.

- An organisation's recommendations ("Partners for us"), and hiding or marking partners:
  its members, coordinators and staff.
- The free-text search "who can help": everyone (it shows only public profile data).
- Area analysis (the sectors x categories matrix, unmet needs) and relationship maps,
  including adding and removing relations by hand: coordinators and staff for any area,
  programme or group; a programme's own coordinators (ProgrammeStaff) for that programme
  and its groups.
"""
from typing import Any

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from mosty.accounts.access import signed_in as _active
from mosty.directory.models import Organisation
from mosty.matching.scopes import Scope
from mosty.programmes.models import Programme, ProgrammeStaff, StaffRole


def can_see_partners(user: Any, organisation: Organisation) -> bool:
    if not _active(user):
        return False
    if user.is_coordinator:
        return True
    return organisation.memberships.filter(user=user).exists()


def get_organisation_for_partners(user: Any, slug: str) -> Organisation:
    """The organisation if `user` may see its recommendations; 404 or 403 otherwise."""
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"),
                                     slug=slug)
    if not can_see_partners(user, organisation):
        raise PermissionDenied
    return organisation


def coordinates_programme(user: Any, programme: Programme) -> bool:
    """A coordinator of this programme (ProgrammeStaff), not a coordinator in general."""
    return ProgrammeStaff.objects.filter(programme=programme, user=user,
                                         role=StaffRole.COORDINATOR).exists()


def can_analyse(user: Any, scope: Scope) -> bool:
    """See the matrix and the relationship map of an area, programme or group, and edit
    its relations."""
    if not _active(user):
        return False
    if user.is_coordinator:
        return True
    if scope.programme is None:
        return False
    return coordinates_programme(user, scope.programme)


def can_use_analysis(user: Any) -> bool:
    """Whether to offer the analysis pages at all (the index of areas and programmes)."""
    if not _active(user):
        return False
    if user.is_coordinator:
        return True
    return ProgrammeStaff.objects.filter(user=user, role=StaffRole.COORDINATOR).exists()


def check_analyse(user: Any, scope: Scope) -> Scope:
    if not can_analyse(user, scope):
        raise PermissionDenied
    return scope
