"""Who builds surveys and sees their results: the one place that answers it.

- A survey belongs to a programme (mosty.programmes.access): the programme's coordinators
  (and staff) build, open and close it, send invitations and export answers; its
  facilitators see the results; nobody else knows the survey exists (404).
- Respondents reach a survey only through its public link or a personal invitation link;
  those pages need no other right.
- Results of an anonymous survey are shown only from MIN_GROUP answers (also in exports and
  in the API), whoever asks.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from mosty.accounts.access import Viewer, signed_in
from mosty.programmes import access as programmes_access
from mosty.programmes.models import Programme
from mosty.surveys.index import MIN_ANSWERS
from mosty.surveys.models import Survey

MIN_GROUP = MIN_ANSWERS


def seen_surveys(user: Viewer) -> QuerySet[Survey]:
    """Surveys whose results `user` sees: those of programmes whose private parts they see."""
    if not signed_in(user):
        return Survey.objects.none()
    return Survey.objects.filter(programme__in=programmes_access.private_programmes(user))


def managed_programmes(user: Viewer) -> QuerySet[Programme]:
    return programmes_access.managed_programmes(user)


def can_manage(user: Viewer, survey: Survey) -> bool:
    return programmes_access.programme_access(user, survey.programme).manage


def get_survey(user: Viewer, slug: str) -> Survey:
    """The survey if `user` sees its results, else 404."""
    survey = seen_surveys(user).select_related("programme", "event").filter(slug=slug).first()
    if survey is None:
        raise Http404
    return survey


def get_managed_survey(user: Viewer, slug: str) -> Survey:
    """404 when `user` does not know the survey, 403 when they see but may not change it."""
    survey = get_survey(user, slug)
    if not can_manage(user, survey):
        raise PermissionDenied
    return survey


def breakdown_shown(survey: Survey, count: int) -> bool:
    """Whether a table of `count` answers may be shown: anonymous surveys need MIN_GROUP."""
    return not survey.anonymous or count >= MIN_GROUP
