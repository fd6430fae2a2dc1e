"""Who may see and change what in networking sessions: the one place that answers it.

- Coordinators and staff manage every session (format, participants, seating, the clock).
- A participant sees their own phone page: by its secret link (a café guest has no account)
  or, when the participation is linked to their account, after logging in.
- Contact details of another participant are shown only to someone they matched with both
  ways, and only if they agreed to share them.
- Nobody else sees anything of a session.
"""
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from mosty.accounts.models import User
from mosty.networking.models import NetworkingSession, Participant
from mosty.programmes.models import Event


def can_manage(user: User) -> bool:
    if not user.is_authenticated:
        return False
    if not user.is_active:
        return False
    return user.is_coordinator


def require_manager(user: User) -> None:
    if not can_manage(user):
        raise PermissionDenied


def get_event_for_manager(user: User, slug: str) -> Event:
    """404 for an unknown event, 403 for someone who does not manage networking."""
    event = get_object_or_404(Event.objects.select_related("programme"), slug=slug)
    require_manager(user)
    return event


def get_session_for_manager(user: User, pk: int) -> NetworkingSession:
    session = get_object_or_404(NetworkingSession.objects.select_related("event__programme"),
                                pk=pk)
    require_manager(user)
    return session


def get_participant_for_manager(user: User, session: NetworkingSession,
                                pk: int) -> Participant:
    """Scoped to the session: a participant of another session is 404 here."""
    require_manager(user)
    return get_object_or_404(session.participants.select_related("organisation"), pk=pk)


def get_participant_by_token(token: str) -> Participant:
    """The personal link is the key: an unknown or replaced link is 404."""
    if not token or len(token) > 64:
        raise Http404
    return get_object_or_404(Participant.objects.select_related("session__event"), token=token)


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
