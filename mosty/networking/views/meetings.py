"""Requested one-to-one meetings: the participant's pages (by personal link, like the phone
page) to browse people and ask, accept or decline; the organiser's grid of slots × tables
with scheduling and moving meetings by hand."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.accounts.models import User
from mosty.networking import access, meeting_services, meetings
from mosty.networking.clock import clock_state
from mosty.networking.forms import MeetingRequestForm, MoveForm
from mosty.networking.models import NetworkingSession, Participant
from mosty.networking.views.phone import _private


def _requested_participant(token: str) -> Participant:
    participant = access.get_participant_by_token(token)
    if not participant.session.is_requested:
        raise Http404
    return participant


def _actor(request: HttpRequest) -> User | None:
    return request.user if request.user.is_authenticated else None


def _back(participant: Participant, anchor: str = "#meetings") -> HttpResponse:
    return redirect(reverse("networking:phone", args=[participant.token]) + anchor)


@require_GET
def people(request: HttpRequest, token: str) -> HttpResponse:
    """Everybody else, with what their organisation offers and seeks, suggested first."""
    participant = _requested_participant(token)
    mine = meetings.my_requests(participant)
    return _private(render(request, "networking/people.html", {
        "participant": participant, "session": participant.session, "mine": mine,
        "profiles": meetings.profiles(participant, mine)}))


@require_http_methods(["GET", "POST"])
def ask(request: HttpRequest, token: str, other: int) -> HttpResponse:
    """One person's profile and the form to ask them for a meeting."""
    participant = _requested_participant(token)
    target = get_object_or_404(participant.session.participants.exclude(pk=participant.pk),
                               pk=other)
    form = MeetingRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = meeting_services.send_request(
                _actor(request), participant, target,
                meeting_services.RequestData(form.cleaned_data["message"]))
        except meeting_services.NetworkingError as error:
            form.add_error(None, str(error))
        else:
            if sent.state == "accepted":
                messages.success(request, _("You will meet %(name)s: the meeting appears in "
                                            "your agenda once the organisers place it.")
                                 % {"name": target.name})
            else:
                messages.success(request, _("Your request has been sent to %(name)s.")
                                 % {"name": target.name})
            return _back(participant)
    mine = meetings.my_requests(participant)
    profile = meetings.profiles(participant, mine, only=target.pk)[0]
    return _private(render(request, "networking/ask.html", {
        "participant": participant, "session": participant.session, "profile": profile,
        "form": form, "mine": mine}, status=400 if form.errors else 200))


@require_POST
def answer(request: HttpRequest, token: str, request_id: int) -> HttpResponse:
    participant = _requested_participant(token)
    action = request.POST.get("action", "")
    try:
        if action in ("accept", "decline"):
            done = meeting_services.answer_request(
                _actor(request), participant, request_id,
                action == "accept")
            other = done.sender.name
            messages.success(request, (_("You will meet %(name)s.") if action == "accept"
                                       else _("You have declined the request of %(name)s."))
                             % {"name": other})
        elif action == "cancel":
            done = meeting_services.cancel_request(_actor(request),
                                                   participant, request_id)
            messages.success(request, _("Withdrawn."))
        else:
            messages.error(request, _("Unknown action."))
    except meeting_services.NetworkingError as error:
        messages.error(request, str(error))
    return _back(participant)


# ---- the organiser ---------------------------------------------------------------------------

def _managed_requested(request: AuthenticatedHttpRequest, pk: int) -> NetworkingSession:
    session = access.get_session_for_manager(request.user, pk)
    if not session.is_requested:
        raise Http404
    return session


def _grid_page(request: AuthenticatedHttpRequest, session: NetworkingSession,
               form: MoveForm | None = None, status: int = 200) -> HttpResponse:
    grid = meetings.grid(session)
    if form is None:
        form = MoveForm(session=session, meetings=grid.accepted,
                        initial={"version": session.schedule_version})
    return render(request, "networking/meetings_grid.html", {
        "session": session, "grid": grid, "form": form, "nav": "events",
        "clock": clock_state(session, timezone.now())}, status=status)


@login_required
@require_GET
def grid(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _grid_page(request, _managed_requested(request, pk))


@login_required
@require_POST
def schedule(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = _managed_requested(request, pk)
    try:
        plan = meeting_services.schedule_meetings(request.user, session)
    except meeting_services.NetworkingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Meetings placed: %(placed)s, not placed: %(left)s.")
                         % {"placed": plan.count, "left": len(plan.unplaced)})
    return redirect("networking:meetings", session.pk)


@login_required
@require_POST
def move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = _managed_requested(request, pk)
    grid = meetings.grid(session)
    form = MoveForm(request.POST, session=session, meetings=grid.accepted)
    if form.is_valid():
        data = form.cleaned_data
        try:
            meeting_services.move_meeting(request.user, session, data["meeting"],
                                          meeting_services.MoveData(
                                              data["slot"], data["table"], data["version"]))
        except meeting_services.NetworkingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The meeting has been moved and locked there."))
            return redirect("networking:meetings", session.pk)
    session.refresh_from_db()
    return _grid_page(request, session, form, status=400)
