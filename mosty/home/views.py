"""The personal start page, where people land after logging in."""
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.home.start import start_page
from mosty.programmes.access import may_create_programmes


@login_required
@require_GET
def start(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "home/start.html", {
        "page": start_page(request.user), "may_create": may_create_programmes(request.user),
        "nav": "start"})
