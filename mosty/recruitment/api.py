"""Recruitment in the REST API: public calls, one's own applications, and for a programme's
staff the applications with their scores. The same access rules as the pages."""
from datetime import datetime
from typing import Annotated, Any

from django.core.paginator import Paginator
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status

from mosty.core.api import PRIVATE, Error, choices_of, form_errors
from mosty.directory.models import Organisation
from mosty.recruitment import access
from mosty.recruitment.models import Application, ApplicationFile, Question, RecruitmentCall
from mosty.recruitment.queries import ScoredApplication, filtered, with_details

router = Router(tags=["recruitment"])
PAGE_SIZE = 50


class QuestionOut(Schema):
    id: int
    position: int
    kind: Annotated[str, choices_of(Question, "kind")]
    label: str
    help_text: str
    required: bool
    options: list[str]
    file_types: list[str]
    max_size_mb: int


class CallOut(Schema):
    id: int
    title: str
    programme: str
    edition: str
    description: str
    opens_at: datetime
    deadline: datetime
    phase: str
    applicant_mode: Annotated[str, choices_of(RecruitmentCall, "applicant_mode")]
    allowed_sectors: list[str]
    allowed_kinds: list[str]
    max_applications: int | None
    max_accepted: int | None
    questions: list[QuestionOut]
    url: str


class MyApplicationOut(Schema):
    id: int
    call: int
    call_title: str
    organisation: str | None
    partner: str | None
    status: Annotated[str, choices_of(Application, "status")]
    submitted_at: datetime | None
    group: str | None
    answers: dict[str, Any]


class FileOut(Schema):
    question: int
    name: str
    size: int
    file_type: Annotated[str, choices_of(ApplicationFile, "file_type")]


class ReviewOut(Schema):
    reviewer: str
    total: int
    scores: dict[str, int]
    comment: str


class ApplicationOut(Schema):
    id: int
    status: Annotated[str, choices_of(Application, "status")]
    organisation: str
    organisation_name: str
    sector: Annotated[str, choices_of(Organisation, "sector")]
    kind: Annotated[str, choices_of(Organisation, "kind")]
    municipality: str | None
    partner: str | None
    applicant: str
    applicant_is_member: bool
    submitted_at: datetime | None
    answers: dict[str, Any]
    files: list[FileOut]
    average: float | None
    reviews: list[ReviewOut]
    group: str | None


class ApplicationPage(Schema):
    count: int
    page: int
    pages: int
    results: list[ApplicationOut]


class ApplicationFilters(Schema):
    q: str = ""
    status: Annotated[str, choices_of(Application, "status", blank=True)] = ""
    sector: Annotated[str, choices_of(Organisation, "sector", blank=True)] = ""
    area: str = ""
    score_min: float | None = None
    score_max: float | None = None
    reviewer: str = ""
    reviewed: str = ""
    page: int = 1


def call_out(request: HttpRequest, call: RecruitmentCall) -> dict[str, Any]:
    return {
        "id": call.pk, "title": call.title, "programme": call.edition.programme.slug,
        "edition": call.edition.name, "description": call.description,
        "opens_at": call.opens_at, "deadline": call.deadline, "phase": call.phase(),
        "applicant_mode": call.applicant_mode, "allowed_sectors": call.allowed_sectors,
        "allowed_kinds": call.allowed_kinds, "max_applications": call.max_applications,
        "max_accepted": call.max_accepted,
        "questions": [{"id": q.pk, "position": q.position, "kind": q.kind, "label": q.label,
                       "help_text": q.help_text, "required": q.required, "options": q.options,
                       "file_types": q.file_types, "max_size_mb": q.max_size_mb}
                      for q in call.questions.all()],
        "url": request.build_absolute_uri(call.get_absolute_url()),
    }


@router.get("/calls", response=list[CallOut])
def list_calls(request: HttpRequest) -> object:
    """Published calls of public programmes (and, for their staff, unpublished ones)."""
    calls = access.visible_calls(request.user).prefetch_related("questions").order_by("deadline",
                                                                                      "pk")
    return [call_out(request, call) for call in calls]


@router.get("/calls/{call_id}", response={200: CallOut, 404: Error})
def get_call(request: HttpRequest, call_id: int) -> object:
    call = get_object_or_404(access.visible_calls(request.user).prefetch_related("questions"),
                             pk=call_id)
    return call_out(request, call)


@router.get("/my-applications", response=list[MyApplicationOut], auth=PRIVATE)
def my_applications(request: HttpRequest) -> object:
    """The caller's own applications, drafts included."""
    applications = access.own_applications(request.user).select_related(
        "call", "organisation", "partner", "group_member__group").order_by("pk")
    return [{"id": a.pk, "call": a.call_id, "call_title": a.call.title,
             "organisation": a.organisation.slug if a.organisation else None,
             "partner": a.partner.slug if a.partner else None, "status": a.status,
             "submitted_at": a.submitted_at,
             "group": a.group_member.group.name if a.group_member else None,
             "answers": a.answers} for a in applications]


def application_out(application: ScoredApplication) -> dict[str, Any]:
    org = application.organisation
    assert org is not None, "submitting an application requires its organisation"
    return {
        "id": application.pk, "status": application.status, "organisation": org.slug,
        "organisation_name": org.name, "sector": org.sector, "kind": org.kind,
        "municipality": org.municipality_id,
        "partner": application.partner.slug if application.partner else None,
        "applicant": application.applicant.email,
        "applicant_is_member": application.applicant_is_member,
        "submitted_at": application.submitted_at, "answers": application.answers,
        "files": [{"question": f.question_id, "name": f.original_name, "size": f.size,
                   "file_type": f.file_type} for f in application.files.all()],
        "average": round(application.average, 2) if application.average is not None else None,
        "reviews": [{"reviewer": r.reviewer.email, "total": r.total, "scores": r.scores,
                     "comment": r.comment} for r in application.reviews.all()],
        "group": application.group_member.group.name if application.group_member else None,
    }


@router.get("/calls/{call_id}/applications",
            response={200: ApplicationPage, 400: Error, 403: Error, 404: Error}, auth=PRIVATE)
def list_applications(request: HttpRequest, call_id: int,
                      filters: Query[ApplicationFilters]) -> object:
    """Submitted applications with answers and scores, for the programme's coordinators and
    facilitators; the same filters as the reviewers' page, 50 a page."""
    try:
        call, _rights = access.get_call(request.user, call_id)  # 404 as on the pages
    except PermissionDenied:
        return Status(403, {"detail": _("Only the programme's coordinators and facilitators "
                                        "see its applications.")})
    params = {k: v for k, v in filters.dict(exclude={"page"}).items() if v not in (None, "")}
    form, applications = filtered(call, request.user, params)
    if not form.is_valid():
        return Status(400, {"detail": form_errors(form)})
    page = Paginator(with_details(applications), PAGE_SIZE).get_page(filters.page)
    return {"count": page.paginator.count, "page": page.number,
            "pages": page.paginator.num_pages,
            "results": [application_out(a) for a in page.object_list]}
