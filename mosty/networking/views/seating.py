"""Coordinator pages for the evening itself: the optimiser, seating (swap, lock), the clock,
the big screen, statistics and the printable PDFs."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.networking import access, analytics, documents, feedback, optimiser, screen, services
from mosty.networking.clock import TALK, clock_state
from mosty.networking.forms import SwapForm
from mosty.networking.models import NetworkingSession, Seat


@login_required
@require_POST
def optimise(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    if session.is_requested:
        return redirect("networking:meetings", session.pk)
    try:
        optimiser.start(session, request.user)
    except optimiser.OptimiserError as error:
        messages.error(request, str(error))
        return redirect(session)
    session.refresh_from_db()
    result = optimiser.progress(session)
    if result["state"] == "failed":
        messages.error(request, result["message"])
    elif result["state"] == "done":
        messages.success(request, _("The seating has been planned. Check it, then publish it."))
    else:
        messages.info(request, _("The optimiser is running; this page shows its progress."))
    return redirect(session)


@never_cache
@login_required
@require_GET
def optimiser_status(request: AuthenticatedHttpRequest, pk: int) -> JsonResponse:
    session = access.get_session_for_manager(request.user, pk)
    return JsonResponse(optimiser.progress(session))


def _round_choice(request: HttpRequest, session: NetworkingSession) -> int:
    value = request.GET.get("round") or request.POST.get("round") or ""
    if value.isdigit() and 1 <= int(value) <= session.rounds:
        return int(value)
    state = clock_state(session, timezone.now())
    return min(max(state.round, 1), session.rounds)


def _seating_page(request: HttpRequest, session: NetworkingSession, round_number: int,
                  form: SwapForm | None = None, warnings: list[str] | None = None,
                  status: int = 200) -> HttpResponse:
    seats = list(Seat.objects.filter(session=session, round=round_number)
                 .select_related("participant").order_by("table", "participant__name"))
    tables: dict[int, list[Seat]] = {}
    resting = []
    for seat in seats:
        if seat.table is None:
            resting.append(seat)
        else:
            tables.setdefault(seat.table, []).append(seat)
    people = [(s.participant_id, f"{s.participant.name} — " + (
        _("table %(table)s") % {"table": s.table} if s.table else _("resting")))
        for s in sorted(seats, key=lambda s: s.participant.name)]
    if form is None:
        form = SwapForm(people=people, initial={"version": session.schedule_version})
    everyone = {s.participant_id: s.participant for s in seats}
    everyone.update({p.pk: p for p in session.participants.exclude(pk__in=everyone)})
    problems = analytics.table_warnings(session, round_number, list(tables),
                                        people=everyone) if seats else []
    return render(request, "networking/seating.html", {
        "session": session, "round": round_number, "rounds": range(1, session.rounds + 1),
        "tables": sorted(tables.items()), "resting": resting, "form": form,
        "warnings": warnings or [], "problems": problems, "nav": "events",
        "progress": optimiser.progress(session)}, status=status)


@login_required
@require_GET
def seating(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    if session.is_requested:
        return redirect("networking:meetings", session.pk)
    return _seating_page(request, session, _round_choice(request, session))


@login_required
@require_POST
def swap(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    round_number = _round_choice(request, session)
    people = list(session.participants.values_list("pk", "name"))
    form = SwapForm(request.POST, people=people)
    if form.is_valid():
        by_pk = {p.pk: p for p in session.participants.filter(
            pk__in=[form.cleaned_data["first"], form.cleaned_data["second"]])}
        try:
            warnings = services.swap_seats(
                request.user, session, round_number, by_pk[form.cleaned_data["first"]],
                by_pk[form.cleaned_data["second"]], lock=form.cleaned_data["lock"],
                expected_version=form.cleaned_data["version"])
        except services.NetworkingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The two people have changed places."))
            for warning in warnings:
                messages.warning(request, warning)
            return redirect(reverse("networking:seating", args=[session.pk])
                            + f"?round={round_number}")
    session.refresh_from_db()
    return _seating_page(request, session, round_number, form=form, status=400)


@login_required
@require_POST
def locks(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    round_number = _round_choice(request, session)
    version = request.POST.get("version", "")
    expected = int(version) if version.isdigit() else None
    action = request.POST.get("action", "save")
    try:
        if action in ("lock_all", "unlock_all"):
            services.set_locks(request.user, session, action == "lock_all",
                               expected_version=expected)
        else:
            ids = [int(v) for v in request.POST.getlist("locked") if v.isdigit()]
            services.save_round_locks(request.user, session, round_number, ids, expected)
    except services.NetworkingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Locked seats have been saved."))
    return redirect(reverse("networking:seating", args=[session.pk]) + f"?round={round_number}")


@login_required
@require_POST
def clock(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    try:
        session = services.control_clock(request.user, session, request.POST.get("action", ""))
    except services.NetworkingError as error:
        messages.error(request, str(error))
    else:
        state = clock_state(session, timezone.now())
        if state.phase == TALK:
            messages.success(request, _("Round %(round)s is under way.") % {"round": state.round})
        else:
            messages.success(request, _("Done."))
    target = request.POST.get("next", "")
    if target == "screen":
        return redirect("networking:screen", session.pk)
    return redirect(session)


@login_required
@require_GET
def screen_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    view = screen.screen_view(session, timezone.now())
    return render(request, "networking/screen.html", {"session": session, "view": view})


@never_cache
@login_required
@require_GET
def screen_json(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    now = timezone.now()
    state = clock_state(session, now)
    tag = screen.etag(session, state)
    if request.headers.get("If-None-Match") == tag:
        response = HttpResponse(status=304)
    else:
        view = screen.screen_view(session, now, state)
        html = render_to_string("networking/_screen_live.html", {"view": view,
                                                                 "session": session}, request)
        response = JsonResponse(screen.payload(view) | {"html": html})
    response["ETag"] = tag
    return response


@login_required
@require_GET
def statistics(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    return render(request, "networking/statistics.html", {
        "session": session, "result": analytics.session_statistics(session),
        "follow_ups": feedback.follow_ups(session), "stats": session.stats, "nav": "events"})


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    return response


@login_required
@require_GET
def table_cards_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    return _pdf(documents.table_cards(session), f"stoliki-{session.pk}")


@login_required
@require_GET
def agendas_pdf(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    people = list(session.participants.all())
    links = {p.pk: request.build_absolute_uri(p.get_absolute_url()) for p in people}
    return _pdf(documents.agendas(session, people, links), f"agendy-{session.pk}")
