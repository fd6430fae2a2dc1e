"""Who may see and change what in networking sessions: the one place that answers it.

- A session belongs to an event of a programme: the people who manage that programme
  (mosty.programmes.access) manage its sessions (format, participants with their contacts,
  seating, the clock, PDFs, statistics). A session of an event the person may not see is
  404, of one they see but do not manage 403. The global coordinator role alone opens no
  other organiser's sessions.
- A participant sees their own phone page: by its secret link (a café guest has no account)
  or, when the participation is linked to their account, after logging in.
- Contact details of another participant are shown only to someone they matched with both
  ways, and only if they agreed to share them.
- Nobody else sees anything of a session.
"""
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from mosty.accounts.access import signed_in
from mosty.accounts.models import User
from mosty.events import access as events_access
from mosty.networking.models import NetworkingSession, Participant
from mosty.programmes.access import managed_programmes, programme_access
from mosty.programmes.models import Event


def can_manage(user: Any, event: Event) -> bool:
    """Manage the networking sessions of `event`: whoever manages its programme."""
    return programme_access(user, event.programme).manage


def managed_sessions(user: Any) -> QuerySet[NetworkingSession]:
    if not signed_in(user):
        return NetworkingSession.objects.none()
    return NetworkingSession.objects.filter(event__programme__in=managed_programmes(user))


def _refuse(user: Any, event: Event) -> None:
    """404 when the event is hidden from `user`, 403 when they see it."""
    if not events_access.visible_events(user).filter(pk=event.pk).exists():
        raise Http404
    raise PermissionDenied


def get_event_for_manager(user: Any, slug: str) -> Event:
    """404 for an event the user may not see, 403 for one whose programme they do not manage."""
    event = events_access.get_event(user, slug)
    if not can_manage(user, event):
        raise PermissionDenied
    return event


def get_session_for_manager(user: Any, pk: int) -> NetworkingSession:
    session = get_object_or_404(
        NetworkingSession.objects.select_related("event__programme"), pk=pk)
    if not can_manage(user, session.event):
        _refuse(user, session.event)
    return session


def get_participant_for_manager(user: Any, session: NetworkingSession,
                                pk: int) -> Participant:
    """Scoped to the session: a participant of another session is 404 here."""
    if not can_manage(user, session.event):
        _refuse(user, session.event)
    return get_object_or_404(session.participants.select_related("organisation"), pk=pk)


def is_link_shaped(token: str) -> bool:
    """Whether `token` could be a personal link's key at all (longer ones are not looked up)."""
    return bool(token) and len(token) <= 64


def get_participant_by_token(token: str) -> Participant:
    """The personal link is the key: an unknown or replaced link is 404."""
    if not is_link_shaped(token):
        raise Http404
    return get_object_or_404(Participant.objects.select_related("session__event__programme"),
                             token=token)


def get_own_participation(user: User, session_pk: int) -> Participant:
    """The logged-in person's participation in the session; 404 if they have none."""
    if not user.is_authenticated:
        raise Http404
    return get_object_or_404(Participant.objects.select_related("session__event"),
                             session_id=session_pk, user=user)


def may_see_contact(other: Participant, mutual: bool) -> bool:
    """E-mail and phone of `other` go only to a mutual match, and only with consent."""
    if not mutual:
        return False
    return other.share_contact
