"""Meeting feedback: a participant rates a meeting from the phone page; the organisers read
the follow-up list (also as XLSX) and close the feedback."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import table_writer
from mosty.networking import access, feedback
from mosty.networking.services import NetworkingError
from mosty.networking.views.phone import _back, _private, _wants_json


def _number(value: str) -> int:
    return int(value) if value.isdigit() and len(value) < 9 else 0


@require_POST
def rate(request: HttpRequest, token: str) -> HttpResponse:
    """One tap: the outcome is the button pressed; the note (if the form has one) comes along."""
    participant = access.get_participant_by_token(token)
    data = feedback.FeedbackData(
        other=_number(request.POST.get("other", "")), round=_number(request.POST.get("round", "")),
        outcome=request.POST.get("outcome", ""), note=request.POST.get("note"))
    actor = request.user if request.user.is_authenticated else None
    try:
        rated = feedback.rate_meeting(actor, participant, data)
    except NetworkingError as error:
        if _wants_json(request):
            return _private(JsonResponse({"ok": False, "error": str(error)}, status=400))
        messages.error(request, str(error))
        return _back(participant, "#feedback")
    if _wants_json(request):
        return _private(JsonResponse({"ok": True, "mutual": rated.mutual}))
    if rated.mutual:
        messages.success(request, _("It's a match: %(name)s also wants to continue with you.")
                         % {"name": rated.feedback.other.name})
    else:
        messages.success(request, _("Thank you, your answer has been saved."))
    return _back(participant, "#feedback")


@login_required
@require_GET
def follow_ups_xlsx(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    content = feedback.follow_ups_xlsx(session, feedback.follow_ups(session))
    return table_writer.download(content, f"follow-up-{session.pk}.xlsx")


@login_required
@require_POST
def close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for_manager(request.user, pk)
    closed = request.POST.get("closed") == "1"
    feedback.close_feedback(request.user, session, closed)
    messages.success(request, _("The feedback is closed: ratings can no longer be changed.")
                     if closed else _("The feedback is open again."))
    return redirect("networking:statistics", session.pk)
