"""Cooperation programmes in the REST API: programmes with their numbered paragraphs, the
consultation comments with their answers (same visibility as the pages,
mosty.cooperation.access), and making a comment or answering one through the same services.
Mounted by mosty.api.api under /cooperation."""
from datetime import date, datetime
from typing import Annotated

from django.http import HttpRequest
from ninja import Router, Schema, Status

from mosty.accounts.access import signed_in
from mosty.accounts.models import User
from mosty.core.api import Error, choices_of
from mosty.core.errors import DomainError
from mosty.cooperation import access, services
from mosty.cooperation.models import Comment, CooperationProgramme, DialogueBody
from mosty.programmes import access as programmes_access
from mosty.programmes.models import Event

router = Router(tags=["cooperation"])


def _user(request: HttpRequest) -> User:
    """The caller, whom the access check before has found signed in."""
    user = request.user
    assert signed_in(user)
    return user


class ParagraphOut(Schema):
    id: int
    number: int
    chapter: str
    text: str


class CooperationProgrammeOut(Schema):
    id: int
    territory: str
    territory_name: str
    year: int
    title: str
    status: Annotated[str, choices_of(CooperationProgramme, "status")]
    consultation_start: date | None
    consultation_end: date | None
    adoption_deadline: date
    report_deadline: date
    resolution_number: str
    adopted_on: date | None
    missing_elements: list[str] | None
    url: str


class ProgrammeDetailOut(CooperationProgrammeOut):
    paragraphs: list[ParagraphOut]


class CommentOut(Schema):
    id: int
    paragraph: int | None
    chapter: str
    kind: Annotated[str, choices_of(Comment, "kind")]
    organisation: str
    organisation_name: str
    text: str
    proposed_text: str
    created_at: datetime
    decision: Annotated[str, choices_of(Comment, "decision", blank=True)]
    reason: str
    answered_at: datetime | None


class MemberOut(Schema):
    person: str | None
    organisation: str | None
    organisation_name: str | None
    function: str
    term_start: date | None
    term_end: date | None


class BodyOut(Schema):
    id: int
    territory: str
    kind: Annotated[str, choices_of(DialogueBody, "kind")]
    name: str
    description: str
    term_start: date | None
    term_end: date | None
    members: list[MemberOut]
    meetings: list[str]
    url: str


class CommentIn(Schema):
    organisation: str
    text: str
    paragraph: int | None = None
    chapter: str = ""
    kind: Annotated[str, choices_of(Comment, "kind")] = "comment"
    proposed_text: str = ""


class AnswerIn(Schema):
    decision: Annotated[str, choices_of(Comment, "decision")]
    reason: str


def programme_out(request: HttpRequest, programme: CooperationProgramme) -> dict[str, object]:
    editor = access.can_edit(request.user, programme)
    return {
        "id": programme.pk, "territory": programme.territory_id,
        "territory_name": programme.territory.name, "year": programme.year,
        "title": programme.title, "status": programme.status,
        "consultation_start": programme.consultation_start,
        "consultation_end": programme.consultation_end,
        "adoption_deadline": programme.adoption_deadline,
        "report_deadline": programme.report_deadline,
        "resolution_number": programme.resolution_number, "adopted_on": programme.adopted_on,
        "missing_elements": [e.value for e in services.missing_elements(programme)]
        if editor else None,
        "url": request.build_absolute_uri(programme.get_absolute_url())}


def comment_out(comment: Comment) -> dict[str, object]:
    return {"id": comment.pk, "paragraph": comment.paragraph_id, "chapter": comment.element,
            "kind": comment.kind, "organisation": comment.organisation.slug,
            "organisation_name": comment.organisation.name, "text": comment.text,
            "proposed_text": comment.proposed_text, "created_at": comment.created_at,
            "decision": comment.decision, "reason": comment.reason,
            "answered_at": comment.answered_at}


@router.get("/programmes", response=list[CooperationProgrammeOut])
def list_programmes(request: HttpRequest, territory: str = "", year: int | None = None
                    ) -> object:
    """The programmes the caller sees: published ones, and the drafts of their office."""
    programmes = access.visible_programmes(request.user).select_related("territory") \
        .prefetch_related("paragraphs").order_by("territory__name", "-year")
    if territory:
        programmes = programmes.filter(territory_id=territory)
    if year is not None:
        programmes = programmes.filter(year=year)
    return [programme_out(request, p) for p in programmes]


@router.get("/programmes/{pk}", response={200: ProgrammeDetailOut, 404: Error})
def get_programme(request: HttpRequest, pk: int) -> object:
    programme = access.get_programme(request.user, pk)
    paragraphs = [{"id": p.pk, "number": number, "chapter": p.element, "text": p.text}
                  for number, p in enumerate(services.ordered_paragraphs(programme), start=1)]
    return programme_out(request, programme) | {"paragraphs": paragraphs}


@router.get("/programmes/{pk}/comments", response={200: list[CommentOut], 404: Error})
def list_comments(request: HttpRequest, pk: int) -> object:
    """Comments the caller sees: their organisations' own, all of them for the office, and
    everyone's once the consultation report is published."""
    programme = access.get_programme(request.user, pk)
    comments = access.visible_comments(request.user, programme).select_related("organisation")
    return [comment_out(c) for c in comments]


@router.post("/programmes/{pk}/comments", response={201: CommentOut, 400: Error, 401: Error,
                                                     404: Error})
def add_comment(request: HttpRequest, pk: int, payload: CommentIn) -> object:
    if not request.user.is_authenticated:
        return Status(401, {"detail": "Authentication required."})
    programme = access.get_programme(request.user, pk)
    organisation = access.commenting_organisations(request.user).filter(
        slug=payload.organisation).first()
    try:
        comment = services.add_comment(request.user, programme, services.CommentData(
            organisation_id=organisation.pk if organisation else 0, text=payload.text,
            paragraph_id=payload.paragraph, element=payload.chapter, kind=payload.kind,
            proposed_text=payload.proposed_text))
    except DomainError as error:
        return Status(400, {"detail": error.message})
    return Status(201, comment_out(comment))


@router.post("/programmes/{pk}/comments/{comment_id}/answer",
             response={200: CommentOut, 400: Error, 403: Error, 404: Error})
def answer_comment(request: HttpRequest, pk: int, comment_id: int, payload: AnswerIn
                   ) -> object:
    programme = access.get_programme(request.user, pk)
    comment = access.visible_comments(request.user, programme).filter(pk=comment_id) \
        .select_related("organisation", "programme__territory").first()
    if comment is None:
        return Status(404, {"detail": "Not found."})
    if not access.can_edit(request.user, programme):
        return Status(403, {"detail": "Only officials of the office answer comments."})
    try:
        comment = services.answer_comment(_user(request), comment, payload.decision,
                                          payload.reason)
    except DomainError as error:
        return Status(400, {"detail": error.message})
    return comment_out(comment)


@router.get("/bodies", response=list[BodyOut])
def list_bodies(request: HttpRequest, territory: str = "") -> object:
    """Dialogue bodies (KDO, RDPP) with their members (names for signed-in callers) and the
    slugs of their meetings (events the caller sees)."""
    items = DialogueBody.objects.prefetch_related("members__organisation")
    if territory:
        items = items.filter(territory_id=territory)
    people = access.can_see_people(request.user)
    visible = set(Event.objects.filter(
        dialogue_bodies__in=items,
        programme__in=programmes_access.visible_programmes(request.user)).values_list(
            "pk", flat=True))
    meetings: dict[int, list[str]] = {}
    for body_id, event_id, slug in DialogueBody.meetings.through.objects.filter(
            dialoguebody__in=items).values_list("dialoguebody_id", "event_id", "event__slug"):
        if event_id in visible:
            meetings.setdefault(body_id, []).append(slug)
    return [{"id": b.pk, "territory": b.territory_id, "kind": b.kind, "name": b.name,
             "description": b.description, "term_start": b.term_start, "term_end": b.term_end,
             "members": [{"person": m.person if people else None,
                          "organisation": m.organisation.slug if m.organisation else None,
                          "organisation_name": m.organisation.name if m.organisation else None,
                          "function": m.function, "term_start": m.term_start,
                          "term_end": m.term_end} for m in b.members.all()],
             "meetings": sorted(meetings.get(b.pk, [])),
             "url": request.build_absolute_uri(b.get_absolute_url())} for b in items]
