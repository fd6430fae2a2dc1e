"""The residents' needs survey of a project idea: started by the team in one click, its
results summarised on the idea's page as evidence of the need.

The survey belongs to the idea's programme like any other (mosty.surveys); the team is not
the programme's coordinator, so the survey is built by the system once
mosty.initiatives.access has let the team member through. It opens at once with a public
link, so the team can print the QR poster the same minute.
"""
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from mosty.accounts.access import Viewer
from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.initiatives import access
from mosty.initiatives.models import Idea, NeedsSurvey
from mosty.initiatives.services import require
from mosty.surveys import access as surveys_access, results, services as surveys
from mosty.surveys.models import SurveyStatus


@transaction.atomic
def start_needs_survey(actor: User | None, idea: Idea) -> NeedsSurvey:
    """An open, anonymous residents' needs survey with a public link, linked to the idea.
    Those who edit the idea (its team, its programme's coordinators) may start one while the
    idea has no open one."""
    if actor is not None:
        require(access.can_edit(actor, idea),
                _("Only the team of the idea can start its needs survey."))
    idea = Idea.objects.select_for_update().get(pk=idea.pk)
    require(idea.programme is not None,
            _("A needs survey belongs to a programme: add the idea to a programme first."))
    require(not idea.needs_surveys.filter(survey__status=SurveyStatus.OPEN).exists(),
            _("The idea already has an open needs survey: close it before starting another."))
    assert idea.programme is not None
    survey = surveys.create_needs_survey(
        None, idea.programme, f"Potrzeby mieszkańców: {idea.title}"[:255],
        f"Residents' needs: {idea.title}"[:255], public_link=True)
    survey = surveys.set_status(None, survey, SurveyStatus.OPEN)
    link = NeedsSurvey.objects.create(idea=idea, survey=survey, started_by=actor)
    log_action(actor, "initiatives.needs_survey.started", idea, survey=survey.slug)
    return link


@transaction.atomic
def close_needs_survey(actor: User | None, link: NeedsSurvey) -> None:
    """Stop taking answers (the team may, as it started the survey)."""
    if actor is not None:
        require(access.can_edit(actor, link.idea),
                _("Only the team of the idea can close its needs survey."))
    surveys.set_status(None, link.survey, SurveyStatus.CLOSED)
    log_action(actor, "initiatives.needs_survey.closed", link.idea, survey=link.survey.slug)


@dataclass
class Evidence:
    """What the idea's page shows of one needs survey."""

    link: NeedsSurvey
    outcome: results.Results
    sees_results: bool  # may open the full results in mosty.surveys
    public_url: str = ""
    qr: str = ""  # the poster's QR code (SVG), for those who edit the idea


def evidence(user: Viewer, idea: Idea) -> list[Evidence]:
    """The idea's needs surveys with their summaries (nothing below the anonymity rule)."""
    links = list(idea.needs_surveys.select_related("survey__programme"))
    seen = set(surveys_access.seen_surveys(user).filter(
        pk__in=[link.survey_id for link in links]).values_list("pk", flat=True))
    return [Evidence(link, results.cached(link.survey), link.survey_id in seen)
            for link in links]
