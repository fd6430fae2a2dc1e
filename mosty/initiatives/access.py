"""Who sees and changes project ideas, feedback, presentations and funding sources: the one
place that answers it.

- An idea is seen by its team, by the staff of its programme (mosty.programmes.access:
  facilitators see, coordinators manage) and by Django staff; a public idea by everyone,
  without the team's names and contacts.
- The canvas is edited by the team and by those who manage the idea's programme.
- Feedback: its author sees their own; the team and the programme's staff see all of it.
- Presentation sessions are run by the programme's staff (coordinators and facilitators);
  their participants (teams of the presented ideas, people registered for the event) give
  feedback.
- Advice is recorded by the programme's staff; the funding catalogue is edited by
  coordinators, officials and Django staff.
- Anything a user may not see answers 404; what they see but may not change answers 403.
"""
from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from mosty.accounts.access import Viewer, signed_in
from mosty.accounts.models import Role
from mosty.events.models import Registration
from mosty.initiatives.models import Feedback, Idea, PresentationSession, TeamMember
from mosty.programmes import access as programmes_access
from mosty.programmes.models import Programme


def visible_ideas(user: Viewer) -> QuerySet[Idea]:
    if not signed_in(user):
        return Idea.objects.filter(is_public=True)
    if user.is_staff:
        return Idea.objects.all()
    mine = TeamMember.objects.filter(user=user).values("idea_id")
    staffed = programmes_access.private_programmes(user).values("pk")
    return Idea.objects.filter(Q(is_public=True) | Q(pk__in=mine) | Q(programme__in=staffed))


def is_team_member(user: Viewer, idea: Idea) -> bool:
    return signed_in(user) and TeamMember.objects.filter(idea=idea, user=user).exists()


def _programme(user: Viewer, idea: Idea) -> programmes_access.ProgrammeAccess:
    if idea.programme is None:
        return programmes_access.NO_ACCESS
    return programmes_access.programme_access(user, idea.programme)


def sees_inside(user: Viewer, idea: Idea) -> bool:
    """The team's names and contacts, all feedback, advice: team and programme staff."""
    if not signed_in(user):
        return False
    if user.is_staff:
        return True
    if is_team_member(user, idea):
        return True
    return _programme(user, idea).see_private


def inside_checker(user: Viewer) -> Callable[[Idea], bool]:
    """`sees_inside` for many ideas at the cost of two queries (for lists)."""
    if not signed_in(user):
        return lambda idea: False
    if user.is_staff:
        return lambda idea: True
    mine = set(TeamMember.objects.filter(user=user).values_list("idea_id", flat=True))
    staffed = set(programmes_access.private_programmes(user).values_list("pk", flat=True))
    return lambda idea: idea.pk in mine or idea.programme_id in staffed


def can_edit(user: Viewer, idea: Idea) -> bool:
    if not signed_in(user):
        return False
    if user.is_staff:
        return True
    if is_team_member(user, idea):
        return True
    return _programme(user, idea).manage


def can_advise(user: Viewer, idea: Idea) -> bool:
    if not signed_in(user):
        return False
    if user.is_staff:
        return True
    return _programme(user, idea).see_private


def get_idea(user: Viewer, slug: str) -> Idea:
    idea = visible_ideas(user).select_related("programme", "group", "event") \
        .filter(slug=slug).first()
    if idea is None:
        raise Http404
    return idea


def for_edit(user: Viewer, idea: Idea) -> None:
    if not can_edit(user, idea):
        raise PermissionDenied


def visible_feedback(user: Viewer, idea: Idea) -> QuerySet[Feedback]:
    items = idea.feedback.select_related("author", "organisation")
    if sees_inside(user, idea):
        return items
    if not signed_in(user):
        return items.none()
    return items.filter(author=user)


# Presentation sessions --------------------------------------------------------------------

def can_run(user: Viewer, programme: Programme) -> bool:
    return programmes_access.programme_access(user, programme).see_private


def session_programmes(user: Viewer) -> QuerySet[Programme]:
    return programmes_access.private_programmes(user)


def attends(user: Viewer, session: PresentationSession) -> bool:
    if not signed_in(user):
        return False
    if can_run(user, session.programme):
        return True
    if TeamMember.objects.filter(user=user, idea__presentations__session=session).exists():
        return True
    return session.event_id is not None and Registration.objects.filter(
        event_id=session.event_id, user=user).exists()


def visible_sessions(user: Viewer) -> QuerySet[PresentationSession]:
    """Sessions `user` runs or presents in (registrations for the event are not listed)."""
    if not signed_in(user):
        return PresentationSession.objects.none()
    if user.is_staff:
        return PresentationSession.objects.all()
    presenting = TeamMember.objects.filter(user=user).values("idea_id")
    return PresentationSession.objects.filter(
        Q(programme__in=programmes_access.private_programmes(user).values("pk"))
        | Q(pk__in=PresentationSession.objects.filter(
            presentations__idea_id__in=presenting).values("pk")))


def get_session(user: Viewer, pk: int) -> PresentationSession:
    """A session its participants see; 404 for everyone else."""
    session = PresentationSession.objects.select_related("programme", "event") \
        .filter(pk=pk).first()
    if session is None or not attends(user, session):
        raise Http404
    return session


def get_session_to_run(user: Viewer, pk: int) -> PresentationSession:
    session = get_session(user, pk)
    if not can_run(user, session.programme):
        raise PermissionDenied
    return session


# Funding sources ----------------------------------------------------------------------------

def can_edit_funding(user: Viewer) -> bool:
    if not signed_in(user):
        return False
    return bool(user.is_staff or user.role in (Role.COORDINATOR, Role.OFFICIAL))
