"""Pages of the cooperation programme; access in mosty.cooperation.access, changes in services."""
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.access import signed_in
from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import undo
from mosty.core.errors import DomainError
from mosty.cooperation import access, bodies, documents, quality, services
from mosty.cooperation.diffing import compare
from mosty.cooperation.forms import (
    AdoptForm, AnswerForm, BodyForm, ChapterForm, CommentForm, ConsultationForm, MeetingsForm,
    MemberForm, OpinionForm, ReportForm, StartForm, comment_targets)
from mosty.cooperation.models import (
    ELEMENT_ORDER, Comment, CooperationProgramme, DialogueBody, Element, ImplementationReport)
from mosty.events.models import Conclusions


def _context(**values: Any) -> dict[str, Any]:
    return {"nav": "cooperation", **values}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    programmes = access.visible_programmes(request.user).select_related("territory") \
        .order_by("territory__name", "-year")
    return render(request, "cooperation/index.html", _context(
        programmes=programmes, can_start=access.can_start(request.user),
        bodies=DialogueBody.objects.select_related("territory")))


@login_required
@require_http_methods(["GET", "POST"])
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_start(request.user):
        raise PermissionDenied
    form = StartForm(request.user, request.POST or None,
                     initial={"year": timezone.localdate().year + 1})
    if request.method == "POST" and form.is_valid():
        try:
            programme = services.start_programme(
                request.user, form.cleaned_data["territory"], form.cleaned_data["year"],
                form.copy_source())
        except services.CooperationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The programme has been started."))
            return redirect(programme)
    return render(request, "cooperation/start.html", _context(form=form))


def _chapters(programme: CooperationProgramme, comments: list[Comment]
              ) -> list[dict[str, Any]]:
    by_paragraph: dict[int | None, list[Comment]] = {}
    new_in: dict[str, list[Comment]] = {}
    for comment in comments:
        if comment.paragraph_id is None:
            new_in.setdefault(comment.element, []).append(comment)
        else:
            by_paragraph.setdefault(comment.paragraph_id, []).append(comment)
    chapters, number = [], 0
    paragraphs = services.ordered_paragraphs(programme)
    for index, value in enumerate(ELEMENT_ORDER, start=1):
        items = []
        for paragraph in (p for p in paragraphs if p.element == value):
            number += 1
            items.append({"number": number, "paragraph": paragraph,
                          "comments": by_paragraph.get(paragraph.pk, [])})
        chapters.append({"number": index, "element": Element(value), "paragraphs": items,
                         "proposals": new_in.get(value, [])})
    return chapters


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_programme(request.user, pk)
    can_edit = access.can_edit(request.user, programme)
    comments = list(access.visible_comments(request.user, programme)
                    .select_related("organisation"))
    return render(request, "cooperation/detail.html", _context(
        programme=programme, chapters=_chapters(programme, comments), can_edit=can_edit,
        missing=services.missing_elements(programme) if can_edit else [],
        can_comment=access.can_comment(request.user, programme),
        unanswered=sum(1 for c in comments if not c.decision),
        comment_count=len(comments), meetings=programme.meetings.order_by("start"),
        today=timezone.localdate(), report=ImplementationReport.objects.filter(
            programme=programme).first(),
        signed_in=signed_in(request.user)))


def _editable(request: HttpRequest, pk: int) -> CooperationProgramme:
    programme = access.get_programme(request.user, pk)
    access.for_edit(request.user, programme)
    return programme


@login_required
@require_http_methods(["GET", "POST"])
def edit_chapter(request: AuthenticatedHttpRequest, pk: int, element: str) -> HttpResponse:
    programme = _editable(request, pk)
    if element not in Element.values:
        raise Http404
    current = programme.paragraphs.filter(element=element).order_by("position", "pk")
    form = ChapterForm(request.POST or None, initial={
        "text": "\n\n".join(p.text for p in current), "version": programme.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.save_chapter(request.user, programme, element, form.paragraphs(),
                                  form.cleaned_data["version"])
        except services.ConcurrentEditError as error:
            # Sending the form again knowingly overwrites the other person's text.
            resend = request.POST.copy()
            resend["version"] = str(CooperationProgramme.objects.get(pk=pk).version)
            form = ChapterForm(resend)
            form.is_valid()
            form.add_error(None, error.message)
        except services.CooperationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect(f"{programme.get_absolute_url()}#chapter-{element}")
    comments = programme.comments.filter(element=element).select_related("organisation")
    return render(request, "cooperation/chapter.html", _context(
        programme=programme, form=form, element=Element(element), comments=comments))


@login_required
@require_POST
def action(request: AuthenticatedHttpRequest, pk: int, name: str) -> HttpResponse:
    """The one-button steps: save a version, mark final, reopen, publish the report."""
    programme = _editable(request, pk)
    steps: dict[str, tuple[Callable[[Any, CooperationProgramme], object], str]] = {
        "version": (services.save_version, _("The version has been saved.")),
             "final": (services.mark_final, _("The draft is final.")),
             "reopen": (services.reopen, _("The programme is a draft again.")),
             "report": (services.publish_consultation_report,
                        _("The consultation report has been published."))}
    if name not in steps:
        raise Http404
    service, done = steps[name]
    try:
        service(request.user, programme)
    except services.CooperationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, done)
    return redirect(programme)


@login_required
@require_http_methods(["GET", "POST"])
def consultation(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Open the consultation, link its meetings, attach the council's opinion, adopt."""
    programme = _editable(request, pk)
    post = request.POST if request.method == "POST" else None
    which = post.get("form") if post else None
    forms = {
        "open": ConsultationForm(post if which == "open" else None, initial={
            "consultation_start": programme.consultation_start or timezone.localdate(),
            "consultation_end": programme.consultation_end}),
        "meetings": MeetingsForm(request.user, programme, post if which == "meetings" else None,
                                 initial={"meetings": [m.pk for m in programme.meetings.all()]}),
        "opinion": OpinionForm(post if which == "opinion" else None,
                               request.FILES if which == "opinion" else None),
        "adopt": AdoptForm(post if which == "adopt" else None, initial={
            "adopted_on": timezone.localdate()}),
    }
    form = forms.get(which or "")
    if form is not None and form.is_valid():
        try:
            if which == "open":
                services.open_consultation(request.user, programme,
                                           form.cleaned_data["consultation_start"],
                                           form.cleaned_data["consultation_end"])
            elif isinstance(form, MeetingsForm):
                services.set_meetings(request.user, programme, form.event_ids())
            elif which == "opinion":
                upload = form.cleaned_data["opinion"]
                services.attach_opinion(request.user, programme,
                                        services.Upload(upload, upload.name))
            else:
                services.adopt(request.user, programme, form.cleaned_data["resolution_number"],
                               form.cleaned_data["adopted_on"])
        except services.CooperationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect(programme)
    return render(request, "cooperation/consultation.html", _context(
        programme=programme, forms=forms))


@login_required
@require_http_methods(["GET", "POST"])
def comment(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    programme = access.get_programme(request.user, pk)
    if not access.can_comment(request.user, programme):
        raise PermissionDenied
    numbered = list(enumerate(services.ordered_paragraphs(programme), start=1))
    chosen = request.GET.get("paragraph", "")
    form = CommentForm(request.user, comment_targets(numbered), request.POST or None,
                       initial={"target": f"p-{chosen}" if chosen.isdigit() else None})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_comment(request.user, programme, form.to_data())
        except DomainError as error:  # also an unconfirmed e-mail address
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Thank you: your comment has been sent to the office."))
            return redirect(programme)
    quoted = next(((n, p) for n, p in numbered if str(p.pk) == chosen), None)
    return render(request, "cooperation/comment.html", _context(
        programme=programme, form=form, quoted=quoted))


@login_required
@require_http_methods(["GET", "POST"])
def answers(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Every comment with the office's answer form."""
    programme = _editable(request, pk)
    numbers = documents.paragraph_numbers(programme)
    comments = list(programme.comments.select_related("organisation", "author"))
    posted = request.POST.get("comment") if request.method == "POST" else None
    rows = []
    for item in comments:
        data = request.POST if posted == str(item.pk) else None
        form = AnswerForm(data, prefix=f"c{item.pk}", initial={
            "decision": item.decision or None, "reason": item.reason})
        if data is not None and form.is_valid():
            try:
                services.answer_comment(request.user, item, form.cleaned_data["decision"],
                                        form.cleaned_data["reason"])
            except services.CooperationError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The answer has been saved."))
                return redirect(f"{request.path}#comment-{item.pk}")
        number = numbers.get(item.paragraph_id) if item.paragraph_id else None
        rows.append({"comment": item, "form": form, "number": number})
    return render(request, "cooperation/answers.html", _context(programme=programme, rows=rows))


@require_GET
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_programme(request.user, pk)
    saved = list(programme.versions.all() if access.can_edit(request.user, programme)
                 else programme.versions.filter(public=True))
    current = [{"key": str(p.key), "element": p.element, "text": p.text}
               for p in services.ordered_paragraphs(programme)]
    texts = {str(v.number): v.paragraphs for v in saved} | {"current": current}
    old = request.GET.get("a") or (str(saved[-1].number) if saved else "current")
    new = request.GET.get("b") or "current"
    if old not in texts or new not in texts:
        raise Http404
    compared = compare(texts[old], texts[new])
    rows = [{"row": row, "element": Element(row.element)} for row in compared]
    return render(request, "cooperation/versions.html", _context(
        programme=programme, saved=saved, rows=rows, old=old, new=new,
        changed=sum(1 for row in compared if row.state != "same")))


@login_required
@require_http_methods(["GET", "POST"])
def report(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The implementation report: recorded data and the figures the office enters."""
    programme = _editable(request, pk)
    existing = ImplementationReport.objects.filter(programme=programme).first()
    form = ReportForm(request.POST or None, instance=existing or ImplementationReport())
    if request.method == "POST" and form.is_valid():
        try:
            services.save_report_figures(request.user, programme, form.to_figures(),
                                         generate="generate" in request.POST)
        except services.CooperationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The report has been saved."))
            return redirect("cooperation:report", pk=programme.pk)
    return render(request, "cooperation/report.html", _context(
        programme=programme, form=form, report=existing,
        events=documents.events_held(programme),
        consultations=documents.consultations_held(programme),
        agreements=documents.agreements_signed(programme),
        quality=quality.paragraphs(quality.quality_index(programme))))


DOCUMENTS = ("programme", "consultation", "implementation")


@require_GET
def download(request: HttpRequest, pk: int, document: str, kind: str) -> HttpResponse:
    programme = access.get_programme(request.user, pk)
    can_edit = access.can_edit(request.user, programme)
    if document == "programme":
        built = documents.programme_document(programme)
    elif document == "consultation":
        if not (can_edit or programme.report_published_at):
            raise Http404
        built = documents.consultation_document(programme)
    elif document == "implementation":
        figures = ImplementationReport.objects.filter(programme=programme).first()
        if figures is None or not (can_edit or figures.generated_at):
            raise Http404
        built = documents.implementation_document(programme, figures)
    else:
        raise Http404
    if kind == "docx":
        content, mime = documents.render_docx(built), documents.DOCX
    elif kind == "pdf":
        content, mime = documents.render_pdf(built), "application/pdf"
    else:
        raise Http404
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{built.filename}.{kind}"'
    return response


@require_GET
def opinion(request: HttpRequest, pk: int) -> FileResponse:
    programme = access.get_programme(request.user, pk)
    if not programme.opinion_file:
        raise Http404
    try:
        handle = programme.opinion_file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True,
                        filename=f"opinia-{programme.year}.{programme.opinion_file_type}")



# Dialogue bodies ------------------------------------------------------------------------

@require_GET
def body(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_body(pk)
    meetings = list(access.visible_meetings(request.user, item).order_by("start"))
    published = {c.event_id: c for c in Conclusions.objects.filter(event__in=meetings,
                                                                   is_published=True)}
    can_edit = access.can_edit_territory(request.user, item.territory)
    return render(request, "cooperation/body.html", _context(
        body=item, members=item.members.select_related("organisation"),
        meetings=[(m, published.get(m.pk)) for m in meetings], can_edit=can_edit,
        show_people=access.can_see_people(request.user),
        member_form=MemberForm(item.territory_id) if can_edit else None))


def _body_page(request: AuthenticatedHttpRequest, item: DialogueBody | None) -> HttpResponse:
    initial = {"territory": item.territory_id, "kind": item.kind, "name": item.name,
               "description": item.description, "term_start": item.term_start,
               "term_end": item.term_end,
               "meetings": [m.pk for m in item.meetings.all()]} if item else {}
    form = BodyForm(request.user, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                saved = bodies.save_body(request.user, item, form.to_data())
                bodies.set_body_meetings(request.user, saved, form.event_ids())
        except services.CooperationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect(saved)
    return render(request, "cooperation/body_edit.html", _context(body=item, form=form))


@login_required
@require_http_methods(["GET", "POST"])
def body_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_start(request.user):
        raise PermissionDenied
    return _body_page(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def body_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = access.get_body(pk)
    access.for_edit_body(request.user, item)
    return _body_page(request, item)


@login_required
@require_POST
def body_member(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Add a member."""
    item = access.get_body(pk)
    access.for_edit_body(request.user, item)
    form = MemberForm(item.territory_id, request.POST)
    try:
        if not form.is_valid():
            raise services.CooperationError(" ".join(
                f"{form.fields[name].label}: {' '.join(str(e) for e in errors)}"
                for name, errors in form.errors.items()))
        bodies.add_member(request.user, item, form.to_data())
    except (services.CooperationError, ValueError) as error:
        messages.error(request, getattr(error, "message", str(error)))
    else:
        messages.success(request, _("Saved."))
    return redirect(item)


@login_required
@require_http_methods(["GET", "POST"])
def body_member_remove(request: AuthenticatedHttpRequest, pk: int,
                       member: int) -> HttpResponse:
    """Asks first (GET), then takes the member off (POST); the next page offers to undo it."""
    item = access.get_body(pk)
    access.for_edit_body(request.user, item)
    person = get_object_or_404(item.members.select_related("organisation", "body__territory"),
                               pk=member)
    back = item.get_absolute_url()
    return undo.ask_then_delete(
        request, lambda: bodies.remove_member(request.user, person, back),
        title=_("Remove a member"), action=_("Remove the member"), back_url=back,
        question=_("Remove %(person)s from “%(body)s”?") % {
            "person": person.person, "body": item.name},
        details=[line for line in (person.organisation.name if person.organisation else "",
                                   person.function) if line])
