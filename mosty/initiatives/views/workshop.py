"""Pages of presentation sessions (running order, clock, big screen, phone feedback),
coaching advice and the funding catalogue."""
import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core.errors import DomainError
from mosty.initiatives import access, workshop
from mosty.initiatives.forms import (
    AdviceForm, FeedbackForm, SessionForm, SourceForm, StepRows, steps_of)
from mosty.initiatives.models import FundingSource, NextStep, PresentationSession
from mosty.initiatives.views.ideas import _context, _error


@login_required
@require_http_methods(["GET", "POST"])
def create_session(request: AuthenticatedHttpRequest) -> HttpResponse:
    programmes = access.session_programmes(request.user).order_by("name")
    programme = get_object_or_404(programmes, slug=request.GET.get("programme", "")) \
        if request.GET.get("programme") else None
    if programme is None:
        return render(request, "initiatives/session_pick.html", _context(
            programmes=programmes))
    form = SessionForm(programme, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = workshop.create_session(request.user, workshop.SessionData(
                data["title"], programme, tuple(data["ideas"]), form.criteria_list(),
                data["minutes_per_idea"], data["event"]))
        except DomainError as error:
            _error(form, error)
        else:
            return redirect(session)
    return render(request, "initiatives/session_form.html", _context(
        form=form, programme=programme))


def _running_order(session: PresentationSession) -> list[dict[str, object]]:
    presentations = session.presentations.select_related("idea")
    teams: dict[int, list[str]] = {}
    for presentation in presentations:
        teams[presentation.idea_id] = sorted({
            m.organisation.name for m in presentation.idea.team.select_related("organisation")})
    return [{"position": p.position, "idea": p.idea, "teams": teams[p.idea_id]}
            for p in presentations]


@login_required
@require_GET
def session_page(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.get_session(request.user, pk)
    runs = access.can_run(request.user, session.programme)
    return render(request, "initiatives/session.html", _context(
        session=session, runs=runs, order=_running_order(session),
        clock=workshop.clock(session, timezone.now()),
        summary=workshop.summary(session) if runs else None))


@login_required
@require_POST
def move_clock(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_to_run(request.user, pk)
    try:
        workshop.move_clock(request.user, session, request.POST.get("action", ""))
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(request.POST.get("next") == "screen" and "initiatives:screen"
                    or "initiatives:session", session.pk)


@login_required
@require_POST
def reorder(request: AuthenticatedHttpRequest, pk: int, slug: str) -> HttpResponse:
    session = access.get_session_to_run(request.user, pk)
    presentation = get_object_or_404(session.presentations.select_related("idea"),
                                     idea__slug=slug)
    try:
        workshop.move_presentation(request.user, session, presentation.idea,
                                   -1 if request.POST.get("move") == "up" else 1)
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(session)


def _screen(request: HttpRequest, session: PresentationSession) -> dict[str, object]:
    state = workshop.clock(session, timezone.now())
    order = _running_order(session)
    current = order[state.position - 1] if 0 < state.position <= len(order) else None
    following = order[state.position] if state.position < len(order) else None
    return {"session": session, "clock": state, "current": current, "following": following,
            "feedback_url": request.build_absolute_uri(session.get_absolute_url())}


@login_required
@require_GET
def screen(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_to_run(request.user, pk)
    return render(request, "initiatives/screen.html", _screen(request, session))


@never_cache
@login_required
@require_GET
def screen_json(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_to_run(request.user, pk)
    context = _screen(request, session)
    html = render_to_string("initiatives/_screen_live.html", context, request)
    tag = '"' + hashlib.sha256(html.encode()).hexdigest()[:16] + '"'
    clock = context["clock"]
    state = {"position": clock.position, "remaining": clock.remaining,  # type: ignore
             "paused": clock.paused, "finished": clock.finished}  # type: ignore
    response = JsonResponse(state | {"html": html})
    response["ETag"] = tag
    return response


@login_required
@require_http_methods(["GET", "POST"])
def session_feedback(request: AuthenticatedHttpRequest, pk: int, slug: str) -> HttpResponse:
    """The phone form: feedback on one idea of the session."""
    session = access.get_session(request.user, pk)
    presentation = get_object_or_404(session.presentations.select_related("idea"),
                                     idea__slug=slug)
    idea = presentation.idea
    own = idea.feedback.filter(author=request.user).first()
    initial = {}
    if own is not None:
        initial = {"strengths": own.strengths, "questions": own.questions,
                   "can_help": own.can_help, "organisation": own.organisation_id}
        for number, criterion in enumerate(session.criteria):
            initial[f"rating_{number}"] = own.ratings.get(criterion)
    form = FeedbackForm(request.user, session.criteria, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            workshop.give_feedback(request.user, idea, workshop.FeedbackData(
                data["strengths"], data["questions"], data["can_help"], form.ratings(),
                data["organisation"]), session)
        except DomainError as error:
            _error(form, error)
        else:
            messages.success(request, _("Thank you! Your feedback on “%(idea)s” is saved.")
                             % {"idea": idea.title})
            return redirect(session)
    return render(request, "initiatives/feedback_form.html", _context(
        session=session, idea=idea, form=form,
        own_team=access.is_team_member(request.user, idea)))


@login_required
@require_http_methods(["GET", "POST"])
def advice(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    idea = access.get_idea(request.user, slug)
    if not access.can_advise(request.user, idea):
        raise PermissionDenied
    form = AdviceForm(request.POST or None, initial={"held_on": timezone.localdate()})
    steps = StepRows(request.POST or None, prefix="steps")
    if request.method == "POST" and form.is_valid() and steps.is_valid():
        try:
            workshop.record_advice(request.user, idea, form.cleaned_data["held_on"],
                                   form.cleaned_data["advice"], steps_of(steps))
        except DomainError as error:
            _error(form, error)
        else:
            messages.success(request, _("The advice is recorded."))
            return redirect(f"{idea.get_absolute_url()}#advice")
    return render(request, "initiatives/advice_form.html", _context(
        idea=idea, form=form, steps=steps))


@login_required
@require_POST
def mark_step(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    step = get_object_or_404(NextStep.objects.select_related("advice__idea"), pk=pk)
    idea = access.get_idea(request.user, step.advice.idea.slug)
    try:
        workshop.mark_step(request.user, step, request.POST.get("done") == "1")
    except DomainError as error:
        messages.error(request, error.message)
    return redirect(f"{idea.get_absolute_url()}#advice")


# Funding sources ----------------------------------------------------------------------------

@require_GET
def funding(request: HttpRequest) -> HttpResponse:
    sources = FundingSource.objects.all()
    if not access.can_edit_funding(request.user):
        sources = sources.filter(is_active=True)
    return render(request, "initiatives/funding.html", _context(
        sources=sources, can_edit=access.can_edit_funding(request.user),
        today=timezone.localdate()))


@login_required
@require_http_methods(["GET", "POST"])
def edit_source(request: AuthenticatedHttpRequest, slug: str = "") -> HttpResponse:
    if not access.can_edit_funding(request.user):
        raise PermissionDenied
    source = get_object_or_404(FundingSource, slug=slug) if slug else None
    if request.method == "POST":
        form = SourceForm(request.POST)
    else:
        form = SourceForm.for_source(source) if source else SourceForm()
    if request.method == "POST" and form.is_valid():
        try:
            workshop.save_source(request.user, form.data_out(), source)
        except DomainError as error:
            _error(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("initiatives:funding")
    return render(request, "initiatives/source_form.html", _context(form=form, source=source))


