from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.api import services
from mosty.api.models import ApiToken


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
@require_POST
def revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    services.revoke_token(request.user, get_object_or_404(ApiToken, pk=pk, user=request.user))
    messages.success(request, _("The token has been revoked."))
    return redirect("api_tokens")
