"""Who may see what in partner matching: the one place that answers it.

- An organisation's recommendations ("Partners for us"), and hiding or marking partners:
  its members, staff, and coordinators who may see the organisation privately in the
  directory (mosty.directory.access.can_see_private_contacts).
- The free-text search "who can help": everyone (it shows only public profile data).
- A programme's or group's matrix and relationship map follow the programme rule
  (mosty.programmes.access): whoever sees its private parts views them (404 when the
  programme is hidden from them, 403 otherwise); whoever manages it adds and removes the
  relations entered by hand for it.
- A gmina's or powiat's matrix and map show only public profile data and recorded
  relations: coordinators, officials and staff view them. Relations entered by hand belong
  to a programme, so only Django staff add or remove relations on an area's map.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from mosty.accounts.access import Viewer, signed_in as _active
from mosty.directory.access import can_see_private_contacts
from mosty.directory.models import Organisation
from mosty.matching.models import Relation, RelationOrigin
from mosty.matching.scopes import Scope
from mosty.programmes.access import (
    Need, check_programme, may_view_areas, private_programmes, programme_access)


def can_see_partners(user: Viewer, organisation: Organisation) -> bool:
    if not _active(user):
        return False
    return can_see_private_contacts(user, organisation)


def get_organisation_for_partners(user: Viewer, slug: str) -> Organisation:
    """The organisation if `user` may see its recommendations; 404 or 403 otherwise."""
    organisation = get_object_or_404(Organisation.objects.select_related("municipality"),
                                     slug=slug)
    if not can_see_partners(user, organisation):
        raise PermissionDenied
    return organisation


def can_analyse(user: Viewer, scope: Scope) -> bool:
    """See the matrix and the relationship map of an area, programme or group."""
    if scope.programme is None:
        return may_view_areas(user)
    return programme_access(user, scope.programme).see_private


def can_edit_relations(user: Viewer, scope: Scope) -> bool:
    """Add and remove relations entered by hand on the scope's map."""
    if not _active(user):
        return False
    if user.is_staff:
        return True
    if scope.programme is None:
        return False
    return programme_access(user, scope.programme).manage


def removable_relations(user: Viewer, scope: Scope, relations: QuerySet[Relation]
                        ) -> QuerySet[Relation]:
    """Staff remove any relation inside the scope; a programme's managers only those
    entered by hand for it (facts recorded by agreements or networking, and other
    programmes' entries, stay)."""
    if user.is_staff:
        return relations
    return relations.filter(origin=RelationOrigin.MANUAL, programme=scope.programme)


def can_use_analysis(user: Viewer) -> bool:
    """Whether to offer the analysis pages at all (the index of areas and programmes)."""
    if may_view_areas(user):
        return True
    return private_programmes(user).exists()


def check_analyse(user: Viewer, scope: Scope, edit: bool = False) -> Scope:
    """The scope if `user` may view it (or edit its relations); for a programme or group
    404 when the programme is hidden from them, otherwise 403."""
    if scope.programme is not None:
        check_programme(user, scope.programme, Need.MANAGE if edit else Need.PRIVATE)
        return scope
    if not (can_edit_relations(user, scope) if edit else can_analyse(user, scope)):
        raise PermissionDenied
    return scope
