"""A participant's own pages, opened from a personal link on a phone (no account needed).

The page works without JavaScript (reload link, plain forms); with it, a few lines poll
`live.json` every 5 seconds, and an unchanged state costs a 304 with no body.
"""
from collections.abc import Mapping

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.accounts.middleware import no_account_checks
from mosty.networking import access, documents, live, meetings, services
from mosty.networking.clock import clock_state
from mosty.networking.models import Participant, Status, WishKind
from mosty.networking.services import MAX_AVOIDS, MAX_WISHES


def _private(response: HttpResponse) -> HttpResponse:
    # The link is the key: keep it out of other sites' referrers, search engines and shared
    # caches. ("no-referrer" would also blank the Origin of our own forms and fail CSRF.)
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-cache"
    return response


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@require_GET
def phone(request: HttpRequest, token: str) -> HttpResponse:
    participant = access.get_participant_by_token(token)
    view = live.phone_view(participant, timezone.now())
    session = participant.session
    mine = meetings.my_requests(participant, view) if session.is_requested else None
    return _private(render(request, "networking/phone.html", {
        "view": view, "participant": participant, "session": session,
        "etag": live.etag(participant, view.clock), "mine": mine,
        "wishes_open": not session.is_requested and _wishes_open(request, participant)}))


@no_account_checks
@gzip_page
@require_GET
def live_json(request: HttpRequest, token: str) -> HttpResponse:
    now = timezone.now()
    known = request.headers.get("If-None-Match")
    if known:
        # Most polls: nothing changed. One narrow query, no participant loaded.
        key = live.live_key(token)
        if key is None:
            raise Http404
        if known == key.etag(clock_state(key, now)):
            return _private(_not_modified(known))
    participant = access.get_participant_by_token(token)
    view = live.phone_view(participant, now)
    html = render_to_string("networking/_phone_live.html",
                            {"view": view, "participant": participant}, request)
    # The whole evening is in `html` already: leave it out of the data to save bytes.
    response = JsonResponse(live.payload(view, agenda=False) | {"html": html})
    response["ETag"] = live.etag(participant, view.clock)
    return _private(response)


def _not_modified(tag: str) -> HttpResponse:
    response = HttpResponse(status=304)
    response["ETag"] = tag
    return response


def _back(participant: Participant, anchor: str = "") -> HttpResponse:
    return redirect(reverse("networking:phone", args=[participant.token]) + anchor)


@require_POST
def mark(request: HttpRequest, token: str) -> HttpResponse:
    participant = access.get_participant_by_token(token)
    target_id = request.POST.get("to", "")
    target = get_object_or_404(participant.session.participants,
                               pk=int(target_id) if target_id.isdigit() else 0)
    wanted = request.POST.get("on") == "1"
    try:
        mutual = services.set_mark(participant, target, wanted)
    except services.NetworkingError as error:
        if _wants_json(request):
            return _private(JsonResponse({"ok": False, "error": str(error)}, status=400))
        messages.error(request, str(error))
        return _back(participant, "#met")
    if _wants_json(request):
        return _private(JsonResponse({"ok": True, "mutual": mutual}))
    if mutual:
        messages.success(request, _("It's a match: %(name)s also wants to continue with you.")
                         % {"name": target.name})
    return _back(participant, "#met")


@require_POST
def consent(request: HttpRequest, token: str) -> HttpResponse:
    participant = access.get_participant_by_token(token)
    share = request.POST.get("share") == "1"
    try:
        services.set_consent(participant, share)
    except services.NetworkingError as error:
        messages.error(request, str(error))
        return _back(participant, "#consent")
    messages.success(request, _("Your contact details are shared with your matches.") if share
                     else _("Your contact details are no longer shared."))
    return _back(participant, "#consent")


def _wishes_open(request: HttpRequest, participant: Participant) -> bool:
    session = participant.session
    if access.can_manage(request.user, session.event):
        return True
    return session.wishes_open and session.status not in (Status.RUNNING, Status.FINISHED)


@require_http_methods(["GET", "POST"])
def wishes(request: HttpRequest, token: str) -> HttpResponse:
    participant = access.get_participant_by_token(token)
    session = participant.session
    by_coordinator = access.can_manage(request.user, session.event)
    error = ""
    chosen: Mapping[int, str]
    if request.method == "POST":
        wish = [int(v) for v in request.POST.getlist("wish") if v.isdigit()]
        avoid = [int(v) for v in request.POST.getlist("avoid") if v.isdigit()]
        try:
            actor = request.user if request.user.is_authenticated else None
            services.set_wishes(actor, participant, wish, avoid,
                                by_coordinator=by_coordinator)
        except services.NetworkingError as problem:
            error = str(problem)
        else:
            messages.success(request, _("Your choices have been saved."))
            return _back(participant)
        chosen = {pk: WishKind.WISH for pk in wish} | {pk: WishKind.AVOID for pk in avoid}
    else:
        chosen = dict(participant.wishes_made.values_list("to_participant_id", "kind"))
    others = session.participants.exclude(pk=participant.pk).order_by("sector", "name")
    return _private(render(request, "networking/wishes.html", {
        "participant": participant, "session": session,
        "rows": [(p, chosen.get(p.pk, "")) for p in others],
        "error": error, "open": _wishes_open(request, participant),
        "max_wishes": MAX_WISHES, "max_avoids": MAX_AVOIDS}, status=400 if error else 200))


@require_GET
def agenda_pdf(request: HttpRequest, token: str) -> HttpResponse:
    participant = access.get_participant_by_token(token)
    if not participant.session.is_visible_to_participants:
        messages.error(request, _("The seating has not been published yet."))
        return _back(participant)
    link = request.build_absolute_uri(participant.get_absolute_url())
    content = documents.agendas(participant.session, [participant], {participant.pk: link})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="agenda.pdf"'
    return _private(response)


@login_required
@require_GET
def my_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A participation linked to the account opens without the link."""
    participant = access.get_own_participation(request.user, pk)
    return redirect("networking:phone", participant.token)
