from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from mosty.api.models import ApiToken
from mosty.core.audit import log_action


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request: HttpRequest) -> HttpResponse:
    """Personal API tokens: the raw token is shown once, right after it is created."""
    raw = None
    if request.method == "POST":
        name = request.POST.get("name", "").strip()[:100]
        if not name:
            messages.error(request, _("Give the token a name, e.g. the program that will use it."))
        else:
            token, raw = ApiToken.issue(request.user, name)
            log_action(request.user, "api.token.created", token)
    return render(request, "api/tokens.html", {
        "tokens": request.user.api_tokens.all(), "raw": raw})


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    log_action(request.user, "api.token.revoked", token)
    token.delete()
    messages.success(request, _("The token has been revoked."))
    return redirect("api_tokens")
