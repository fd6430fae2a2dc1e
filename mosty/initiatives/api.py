"""Co-design in the REST API: the ideas the caller may see (with the canvas), their
feedback and the funding catalogue; read-only, with the rules of mosty.initiatives.access.
Mounted by mosty.api.api under /initiatives."""
from datetime import date
from decimal import Decimal
from typing import Annotated

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema

from mosty.core.api import Error, choices_of
from mosty.initiatives import access, services
from mosty.initiatives.models import Feedback, FundingSource, Idea, SectionKey

router = Router(tags=["initiatives"])


class IdeaPartnerOut(Schema):
    organisation: str
    name: str
    contribution: str
    resources: list[str]


class IdeaOut(Schema):
    slug: str
    title: str
    summary: str
    status: Annotated[str, choices_of(Idea, "status")]
    is_public: bool
    programme: str | None
    organisations: list[str]
    team: list[str] | None
    partners: list[IdeaPartnerOut]
    canvas: dict[str, object]
    requested: Decimal
    own_contribution: Decimal
    url: str


class FeedbackOut(Schema):
    author: str
    organisation: str | None
    strengths: str
    questions: str
    can_help: str
    ratings: dict[str, int]
    created_at: str


class SourceOut(Schema):
    slug: str
    name: str
    funder: str
    kind: Annotated[str, choices_of(FundingSource, "kind")]
    applicants: list[str]
    amount_min: Decimal | None
    amount_max: Decimal | None
    own_contribution_percent: int
    deadline: date | None
    deadline_note: str
    link: str
    activities: str
    region: str


def idea_out(request: HttpRequest, idea: Idea, inside: bool) -> dict[str, object]:
    saved = {s.key: s for s in idea.sections.all()}
    canvas: dict[str, object] = {}
    for key in SectionKey.values:
        section = saved.get(key)
        canvas[key] = (section.rows if section else []) if key in ("activities", "budget") \
            else (section.text if section else "")
    budget = saved.get(SectionKey.BUDGET)
    totals = services.budget_totals(budget.rows if budget else [])
    return {
        "slug": idea.slug, "title": idea.title, "summary": idea.summary,
        "status": idea.status, "is_public": idea.is_public,
        "programme": idea.programme.slug if idea.programme else None,
        "organisations": sorted({m.organisation.slug for m in idea.team.all()}),
        # People's names are contacts: only the team and the programme's staff get them.
        "team": [m.user.get_full_name() for m in idea.team.all()] if inside else None,
        "partners": [{"organisation": p.organisation.slug, "name": p.organisation.name,
                      "contribution": p.contribution,
                      "resources": [r.description for r in p.resources.all()]}
                     for p in idea.partners.all()],
        "canvas": canvas, "requested": totals.requested, "own_contribution": totals.own,
        "url": request.build_absolute_uri(idea.get_absolute_url())}


def _ideas(request: HttpRequest) -> QuerySet[Idea]:
    return access.visible_ideas(request.user).select_related("programme").prefetch_related(
        "sections", "team__user", "team__organisation", "partners__organisation",
        "partners__resources")


@router.get("/ideas", response=list[IdeaOut])
def list_ideas(request: HttpRequest, programme: str = "",
               status: Annotated[str, choices_of(Idea, "status", blank=True)] = "") -> object:
    """Project ideas the caller may see: their team's, their programmes', public ones."""
    ideas = _ideas(request)
    if programme:
        ideas = ideas.filter(programme__slug=programme)
    if status:
        ideas = ideas.filter(status=status)
    inside = access.inside_checker(request.user)
    return [idea_out(request, i, inside(i)) for i in ideas]


@router.get("/ideas/{slug}", response={200: IdeaOut, 404: Error})
def get_idea(request: HttpRequest, slug: str) -> object:
    idea = access.get_idea(request.user, slug)
    return idea_out(request, _ideas(request).get(slug=slug),
                    access.sees_inside(request.user, idea))


def feedback_out(item: Feedback) -> dict[str, object]:
    return {"author": item.author.get_full_name(),
            "organisation": item.organisation.name if item.organisation else None,
            "strengths": item.strengths, "questions": item.questions,
            "can_help": item.can_help, "ratings": item.ratings,
            "created_at": item.created_at.isoformat()}


@router.get("/ideas/{slug}/feedback", response={200: list[FeedbackOut], 404: Error})
def idea_feedback(request: HttpRequest, slug: str) -> object:
    """All feedback for the team and the programme's staff; your own for anyone else."""
    idea = access.get_idea(request.user, slug)
    return [feedback_out(f) for f in access.visible_feedback(request.user, idea)]


@router.get("/funding", response=list[SourceOut])
def funding_sources(request: HttpRequest) -> object:
    return list(FundingSource.objects.filter(is_active=True))
