"""Session limits and two-factor authentication, checked on every request of a session.

Both keep what they need in the session itself (no query on an ordinary request):
- LOGIN_AT / SEEN_AT: when the person logged in and last sent a request (seconds since the
  epoch; SEEN_AT is written at most once a minute so that reading pages writes no session);
- TWO_FACTOR: "none" (the account has no authenticator app), "verified" (it has one and this
  session gave a code) or "unverified" (it has one and this session did not give a code — a
  login that went round the code page, e.g. the admin's; such a session is ended).
"""
import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from mosty.accounts import security

LOGIN_AT = "mosty_login_at"
SEEN_AT = "mosty_seen_at"
TWO_FACTOR = "mosty_two_factor"
NONE, VERIFIED, UNVERIFIED = "none", "verified", "unverified"
View = TypeVar("View", bound=Callable[..., Any])
# How often "last seen" is written (seconds): the idle limit is that much less exact.
SEEN_GRANULARITY = 60
# Pages a person who must set up two-factor authentication may still open.
OPEN_WHILE_ENROLLING = {"accounts:security", "accounts:two_factor_setup",
                        "accounts:two_factor_codes", "accounts:logout", "accounts:confirm_email",
                        "accounts:resend_confirmation", "set_language", "core:security_txt"}


def start_session(request: HttpRequest, has_two_factor: bool) -> None:
    """Called at every login (the user_logged_in signal)."""
    now = int(time.time())
    request.session[LOGIN_AT] = now
    request.session[SEEN_AT] = now
    request.session[TWO_FACTOR] = UNVERIFIED if has_two_factor else NONE


def end_session(request: HttpRequest, reason: str) -> None:
    request.mosty_logout_reason = reason  # type: ignore[attr-defined]  # for the audit entry
    logout(request)


class SessionTimeoutMiddleware:
    """Ends a session SESSION_IDLE_MINUTES after its last request and SESSION_MAX_HOURS
    after the login."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = request.session
        if SESSION_KEY in session:
            now = int(time.time())
            login_at, seen_at = session.get(LOGIN_AT), session.get(SEEN_AT)
            if login_at is None or seen_at is None:  # a session from before these limits
                session[LOGIN_AT] = session[SEEN_AT] = now
            elif now - login_at > settings.SESSION_MAX_HOURS * 3600:
                end_session(request, "max_age")
                messages.info(request, _("You have been logged out %(hours)s hours after "
                                         "logging in. Please log in again.")
                              % {"hours": settings.SESSION_MAX_HOURS})
            elif now - seen_at > settings.SESSION_IDLE_MINUTES * 60:
                end_session(request, "idle")
                messages.info(request, _("You have been logged out after %(minutes)s minutes "
                                         "without activity. Please log in again.")
                              % {"minutes": settings.SESSION_IDLE_MINUTES})
            elif now - seen_at >= SEEN_GRANULARITY:
                session[SEEN_AT] = now
        return self.get_response(request)


def no_account_checks(view: View) -> View:
    """Mark a view that never uses the account, answering whoever holds its link (a phone's
    live.json, polled every few seconds): the two-factor and terms checks leave it alone, so
    no account is loaded for it. The session limits still apply."""
    view.no_account_checks = True  # type: ignore[attr-defined]
    return view


def skips_account_checks(view: Callable[..., Any]) -> bool:
    return getattr(view, "no_account_checks", False)


class TwoFactorMiddleware:
    """Ends sessions of accounts with an authenticator app that gave no code, and sends
    people who must use two-factor authentication (settings.MFA_REQUIRED_FOR) to set it up
    before anything else. Checked once the view is known (process_view)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view: Callable[..., Any], args: Any,
                     kwargs: Any) -> HttpResponse | None:
        if skips_account_checks(view):
            return None
        if SESSION_KEY in request.session and request.user.is_authenticated:
            state = request.session.get(TWO_FACTOR)
            if state is None:  # a session from before two-factor authentication
                state = UNVERIFIED if security.has_two_factor(request.user) else NONE
                request.session[TWO_FACTOR] = state
            if state == UNVERIFIED:
                end_session(request, "two_factor")
                messages.info(request, _("Please log in with your password and a code from "
                                         "your authenticator app."))
                return redirect_to_login(request.get_full_path()
                                         if request.method == "GET" else "/")
            url_name = request.resolver_match.view_name if request.resolver_match else ""
            if (state == NONE and security.two_factor_required(request.user)
                    and url_name not in OPEN_WHILE_ENROLLING):
                messages.warning(request, _("Set up two-factor authentication to go on: this "
                                            "instance requires it for your account."))
                return redirect("accounts:security")
        return None
