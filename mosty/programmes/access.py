"""Who runs a programme and sees its private parts: the one rule for everything that belongs
to a programme (editions, groups, calls, applications, events, networking sessions, maps).

- manage (calls, editions, groups, events, networking sessions, decisions, relations on the
  programme's map): Django staff; the programme's coordinators (ProgrammeStaff
  "coordinator"); people with the global role coordinator who are members of the
  programme's organiser. The global role alone opens nothing of other organisers.
- see private parts (applications, attendance, contacts of participants, the programme's
  map): the above and the programme's facilitators / experts, who also run its events.
- everyone sees public programmes; people invited to or registered for an event of a
  programme that is not public still see that event (mosty.events.access; `get_event` asks
  it through settings.PROGRAMME_EVENT_PARTICIPANT).

Refusals: 404 for what a person may not know exists (an unpublished programme and what
belongs to it), 403 for what they know exists but may not do (managing a public programme).
`get_programme` and `check_programme` raise them, so pages and the API answer the same.
"""
from dataclasses import dataclass
from enum import Enum
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.module_loading import import_string

from mosty.accounts.access import Viewer, signed_in as _active
from mosty.accounts.models import Role
from mosty.directory.models import Membership, Organisation
from mosty.programmes.models import (
    Event, GroupMember, Programme, ProgrammePartner, ProgrammeStaff, StaffRole)


@dataclass(frozen=True)
class ProgrammeAccess:
    manage: bool = False
    see_private: bool = False

    @property
    def review(self) -> bool:
        return self.see_private


NO_ACCESS = ProgrammeAccess()


class Need(Enum):
    """What a page or endpoint needs of the programme it belongs to."""

    SEE = "see"          # the programme's public parts
    PRIVATE = "private"  # applications, attendance, participants' contacts
    MANAGE = "manage"    # change it: calls, groups, events, sessions, decisions


def programme_access(user: Viewer, programme: Programme) -> ProgrammeAccess:
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


def allows(access: ProgrammeAccess, programme: Programme, need: Need) -> bool:
    if need is Need.MANAGE:
        return access.manage
    if need is Need.PRIVATE:
        return access.see_private
    return programme.is_public or access.see_private


def check_programme(user: Viewer, programme: Programme, need: Need = Need.SEE,
                    public: bool | None = None) -> ProgrammeAccess:
    """The user's access to `programme` when it allows `need`. Otherwise 404 when the thing
    asked for is hidden from the user (not `public` — by default: the programme is not — and
    its private parts closed to them), 403 when they may know it exists."""
    access = programme_access(user, programme)
    if allows(access, programme, need):
        return access
    if public is None:
        public = programme.is_public
    if not (public or access.see_private):
        raise Http404
    raise PermissionDenied


def get_programme(user: Viewer, slug: str,
                  need: Need = Need.PRIVATE) -> tuple[Programme, ProgrammeAccess]:
    """The programme with this slug and the user's access to it: the one helper recruitment,
    events, networking, matching and the API call for a programme named in a URL. By default
    for the staff pages (private parts); pass Need.SEE for public pages."""
    programme = get_object_or_404(Programme.objects.select_related("organiser"), slug=slug)
    return programme, check_programme(user, programme, need)


def get_event(user: Viewer, slug: str, need: Need = Need.MANAGE) -> Event:
    """The event with this slug, with its programme and organiser, when the user's access to
    its programme allows `need` (people invited to it also see it). 404 when the user may not
    know the event exists (its programme is hidden from them and they are neither invited
    nor registered), 403 when they may but `need` is refused."""
    event = get_object_or_404(Event.objects.select_related("programme__organiser"), slug=slug)
    programme = event.programme
    access = programme_access(user, programme)
    if allows(access, programme, need):
        return event
    participant = import_string(settings.PROGRAMME_EVENT_PARTICIPANT)
    if not (programme.is_public or access.see_private or participant(user, event)):
        raise Http404
    if need is Need.SEE:  # invited to an event of a programme they do not see
        return event
    raise PermissionDenied


def _programmes(user: Viewer, roles: list[str]) -> QuerySet[Programme]:
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


def staffed_programmes(user: Viewer) -> QuerySet[Programme]:
    """The programmes `user` runs in person (the blanket right of Django staff left out),
    each annotated `manages`: True where they manage it, False where they facilitate it."""
    if not _active(user):
        return Programme.objects.none()
    coordinates = Exists(ProgrammeStaff.objects.filter(
        programme=OuterRef("pk"), user=user, role=StaffRole.COORDINATOR))
    manages = Q(coordinates)
    if user.role == Role.COORDINATOR:
        manages |= Q(Exists(Membership.objects.filter(
            organisation=OuterRef("organiser_id"), user=user)))
    staffed = Exists(ProgrammeStaff.objects.filter(programme=OuterRef("pk"), user=user))
    return Programme.objects.annotate(
        manages=ExpressionWrapper(manages, output_field=BooleanField())).filter(
        Q(staffed) | manages)


def managed_programmes(user: Viewer) -> QuerySet[Programme]:
    return _programmes(user, [StaffRole.COORDINATOR])


def private_programmes(user: Viewer) -> QuerySet[Programme]:
    """Programmes whose private parts `user` sees (coordinators and facilitators)."""
    return _programmes(user, [StaffRole.COORDINATOR, StaffRole.FACILITATOR])


def visible_programmes(user: Viewer) -> QuerySet[Programme]:
    """Public programmes, and the unpublished ones whose private parts `user` sees."""
    if _active(user) and user.is_staff:
        return Programme.objects.all()
    return Programme.objects.filter(
        Q(is_public=True) | Q(pk__in=private_programmes(user).values("pk")))


def programme_organisations(user: Viewer) -> QuerySet[Any]:
    """Ids of the organisations taking part in the programmes `user` manages: organiser,
    partners, group members, and applicants with a submitted application (as the
    organisation or its partner). The directory lets such coordinators keep their profiles
    (mosty.directory.access, through settings.DIRECTORY_PROGRAMME_ORGANISATIONS)."""
    programmes = managed_programmes(user)
    applied = Q(applications__call__edition__programme__in=programmes,
                applications__submitted_at__isnull=False)
    partnered = Q(partner_applications__call__edition__programme__in=programmes,
                  partner_applications__submitted_at__isnull=False)
    return Organisation.objects.filter(
        Q(pk__in=programmes.values("organiser_id"))
        | Q(pk__in=ProgrammePartner.objects.filter(programme__in=programmes)
            .values("organisation_id"))
        | Q(pk__in=GroupMember.objects.filter(group__edition__programme__in=programmes)
            .values("organisation_id"))
        | Q(pk__in=Organisation.objects.filter(applied).values("pk"))
        | Q(pk__in=Organisation.objects.filter(partnered).values("pk"))).values("pk")


def may_create_programmes(user: Viewer) -> bool:
    """Coordinators create programmes (of an organisation they belong to) and become their
    coordinators; staff create them for any organisation."""
    if not _active(user):
        return False
    return user.is_staff or user.role == Role.COORDINATOR


def organiser_choices(user: Viewer, programme: Programme | None = None
                      ) -> QuerySet[Organisation]:
    """The organisations `user` may name as a programme's organiser: their own (every one
    for staff), and the programme's present organiser, which may be kept."""
    if not _active(user):
        return Organisation.objects.none()
    if user.is_staff:
        return Organisation.objects.order_by("name")
    condition = Q(memberships__user=user)
    if programme is not None and programme.organiser_id:
        condition |= Q(pk=programme.organiser_id)
    return Organisation.objects.filter(
        pk__in=Organisation.objects.filter(condition).values("pk")).order_by("name")


def may_view_areas(user: Viewer) -> bool:
    """The matrix and map of a gmina or powiat show only public profile data and recorded
    relations: coordinators, officials and staff may view them."""
    if not _active(user):
        return False
    if user.is_staff:
        return True
    return user.role in (Role.COORDINATOR, Role.OFFICIAL)
