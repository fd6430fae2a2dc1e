from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.api import services
from mosty.api.models import ApiToken
from mosty.core import undo


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Personal API tokens: the raw token is shown once, right after it is created."""
    raw = None
    if request.method == "POST":
        try:
            _token, raw = services.create_token(request.user, request.POST.get("name", ""))
        except services.TokenError as error:
            messages.error(request, str(error))
    return render(request, "api/tokens.html", {
        "tokens": request.user.api_tokens.all(), "raw": raw})


@login_required
@require_http_methods(["GET", "POST"])
def revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Asks first (GET), then revokes (POST). No undo: a token is revoked because it may
    have leaked, and a new one takes a click."""
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if request.method == "GET":
        return undo.confirm_page(
            request, title=_("Revoke a token"), action=_("Revoke the token"),
            cancel_url=reverse("api_tokens"), question=_(
                "Revoke the token “%(name)s”? Programs using it will be refused from now on; "
                "this cannot be undone.") % {"name": token.name},
            details=[_("Beginning: %(prefix)s…") % {"prefix": token.prefix}], undoable=False)
    services.revoke_token(request.user, token)
    messages.success(request, _("The token has been revoked."))
    return redirect("api_tokens")
