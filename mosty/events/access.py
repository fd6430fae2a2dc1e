"""Who may see and do what around events: the one place that answers it.

Who runs a programme is decided in mosty.programmes.access: its coordinators manage its
events (create, edit, schedule cycles, invite, open consultation slots); its facilitators
run them (check-in, attendance, conclusions). Django staff (`is_staff`) may do everything.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from mosty.accounts.access import Viewer, signed_in as _active
from mosty.accounts.models import User
from mosty.events.models import (
    ACTIVE_STATUSES, Conclusions, EventFile, FileKind, Registration, RegistrationStatus)
from mosty.programmes.access import (
    NO_ACCESS, ProgrammeAccess, programme_access, visible_programmes)
from mosty.programmes.models import Event, Group, GroupMember, Programme

_CACHE = "_mosty_event_roles"


def _access(user: Viewer, programme: Programme) -> ProgrammeAccess:
    """The programme rule (mosty.programmes.access), read once per request and programme."""
    if not _active(user):
        return NO_ACCESS
    cache = user.__dict__.setdefault(_CACHE, {})
    if programme.pk not in cache:
        cache[programme.pk] = programme_access(user, programme)
    return cache[programme.pk]


def can_manage(user: Viewer, programme: Programme) -> bool:
    """Create and edit events, schedule cycles, invite groups, open consultation slots."""
    return _access(user, programme).manage


def can_facilitate(user: Viewer, programme: Programme) -> bool:
    """Check people in, see attendance with contacts, record and publish conclusions."""
    return _access(user, programme).see_private


def visible_events(user: Viewer) -> QuerySet[Event]:
    """Events of visible programmes, and any event the user is invited to or registered for
    (a group's events in a programme that is not public)."""
    condition = Q(programme__in=visible_programmes(user))
    if _active(user):
        mine = Registration.objects.filter(user=user, status__in=ACTIVE_STATUSES)
        condition |= Q(pk__in=mine.values("event_id"))
    return Event.objects.filter(condition)


def get_event(user: Viewer, slug: str) -> Event:
    """An event the user may see (404 otherwise), with its programme and organiser."""
    return get_object_or_404(visible_events(user).select_related("programme__organiser"),
                             slug=slug)


def get_event_to_manage(user: Viewer, slug: str) -> Event:
    """404 for an event the user may not see, 403 when they see it but do not manage it."""
    event = get_event(user, slug)
    if not can_manage(user, event.programme):
        raise PermissionDenied
    return event


def get_event_to_facilitate(user: Viewer, slug: str) -> Event:
    event = get_event(user, slug)
    if not can_facilitate(user, event.programme):
        raise PermissionDenied
    return event


def group_people(group: Group) -> QuerySet[User]:
    """Who takes part in a group: the people named for each member organisation, or, where
    nobody is named, every member of that organisation."""
    named = GroupMember.people.through.objects.filter(groupmember__group=group).values("user")
    unnamed = GroupMember.objects.filter(group=group, people__isnull=True).values("organisation")
    return User.objects.filter(
        Q(pk__in=named) | Q(memberships__organisation__in=unnamed), is_active=True).distinct()


def is_in_group(user: Viewer, group: Group) -> bool:
    return _active(user) and group_people(group).filter(pk=user.pk).exists()


def own_registration(user: Viewer, event: Event) -> Registration | None:
    if not _active(user):
        return None
    return Registration.objects.filter(event=event, user=user).first()


def is_participant(user: Viewer, event: Event) -> bool:
    """Invited, registered or waiting: such people see the event's non-public materials."""
    registration = own_registration(user, event)
    return registration is not None and registration.status in ACTIVE_STATUSES


def can_see_online_link(user: Viewer, event: Event) -> bool:
    registration = own_registration(user, event)
    if registration is not None and registration.status == RegistrationStatus.CONFIRMED:
        return True
    return can_facilitate(user, event.programme)


def published_conclusions(event: Event) -> Conclusions | None:
    return Conclusions.objects.filter(event=event, is_published=True).first()


def can_download(user: Viewer, file: EventFile) -> bool:
    programme = file.event.programme
    if file.kind == FileKind.CONCLUSIONS:
        if can_facilitate(user, programme):
            return True
        return Conclusions.objects.filter(event=file.event, is_published=True).exists()
    if file.is_public:
        return True
    if can_facilitate(user, programme):
        return True
    return is_participant(user, file.event)


def visible_files(user: Viewer, event: Event) -> list[EventFile]:
    """The event's files this user may download (one query for the files)."""
    files = list(event.files.all())
    if can_facilitate(user, event.programme):
        return files
    published = any(f.kind == FileKind.CONCLUSIONS for f in files) and \
        Conclusions.objects.filter(event=event, is_published=True).exists()
    participant = any(f.kind == FileKind.MATERIAL and not f.is_public for f in files) and \
        is_participant(user, event)
    return [f for f in files if (published if f.kind == FileKind.CONCLUSIONS
                                 else f.is_public or participant)]
