"""Signed-in people who have not accepted the current terms are asked to, before anything else."""
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from mosty.accounts.middleware import skips_account_checks
from mosty.privacy.services import has_current_terms
from mosty.privacy.texts import Purpose, current_version

SESSION_KEY = "privacy_terms_version"


class CurrentTermsMiddleware:
    """Checked once the view is known (process_view), after the two-factor check."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any,
                     kwargs: Any) -> HttpResponse | None:
        if skips_account_checks(view) or not self._must_ask(request):
            return None
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(reverse("privacy:accept") + (f"?{query}" if query else ""))

    def _must_ask(self, request: HttpRequest) -> bool:
        if not settings.PRIVACY_ASK_FOR_TERMS or not request.user.is_authenticated:
            return False
        version = current_version(Purpose.TERMS)
        if request.session.get(SESSION_KEY) == version:
            return False
        # Pages that must work before accepting: the texts, leaving, the language, files,
        # security.txt.
        free = (reverse("privacy:index"), reverse("accounts:logout"), reverse("set_language"),
                "/" + settings.STATIC_URL.lstrip("/"), "/api/", "/.well-known/")
        if request.path.startswith(free):
            return False
        if has_current_terms(request.user):
            request.session[SESSION_KEY] = version
            return False
        return True
