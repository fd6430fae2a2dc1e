"""Pages of account security: the login's second step, two-factor authentication set-up,
"log out my other sessions" and the password change (see docs/security.md)."""
import time
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _, gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from mosty.accounts import security, views
from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.accounts.middleware import NONE, TWO_FACTOR, VERIFIED
from mosty.accounts.models import User
from mosty.core.audit import log_action

# The login between the password and the code, kept in the (not yet logged-in) session.
PENDING = "mosty_login_pending"
PENDING_SECONDS = 5 * 60
CODE_TRIES = 5
NEW_CODES = "mosty_recovery_codes"


class CodeForm(forms.Form):
    code = forms.CharField(label=gettext_lazy("Code"), max_length=32, strip=True,
                           widget=forms.TextInput(attrs={"autocomplete": "one-time-code",
                                                         "inputmode": "text",
                                                         "autofocus": True}))


class LoginView(views.LoginView):
    """The password first; an account with an authenticator app is logged in only after
    `login_code`. django-axes throttles the passwords as before."""

    def form_valid(self, form: Any) -> HttpResponse:
        user = form.get_user()
        if not security.has_two_factor(user):
            return super().form_valid(form)
        self.request.session[PENDING] = {"user": user.pk, "backend": user.backend,
                                         "at": int(time.time()), "tries": 0,
                                         "next": self.get_success_url()}
        return redirect("accounts:login_code")


def _pending_user(request: HttpRequest) -> tuple[dict[str, Any], User] | None:
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        return None
    user = User.objects.filter(pk=pending["user"], is_active=True).first()
    return (pending, user) if user is not None else None


@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    """The login's second step: a code from the authenticator app or a recovery code."""
    found = _pending_user(request)
    if found is None:
        request.session.pop(PENDING, None)
        messages.info(request, _("Please log in again: the time for the code ran out."))
        return redirect("accounts:login")
    pending, user = found
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = security.check_code(user, form.cleaned_data["code"])
        if device is None:
            pending["tries"] += 1
            log_action(None, "accounts.login.code_failed", user, tries=pending["tries"])
            if pending["tries"] >= CODE_TRIES:
                del request.session[PENDING]
                messages.error(request, _("Too many wrong codes. Log in again."))
                return redirect("accounts:login")
            request.session[PENDING] = pending
            form.add_error("code", _("This code is not right (or you tried too quickly: wait "
                                     "a few seconds)."))
        else:
            del request.session[PENDING]
            login(request, user, backend=pending["backend"])
            otp_login(request, device)
            request.session[TWO_FACTOR] = VERIFIED
            if isinstance(device, StaticDevice):
                messages.warning(request, _(
                    "You used a recovery code; %(left)s left. Each works once.")
                    % {"left": security.recovery_codes_left(user)})
            return redirect(pending["next"])
    return render(request, "accounts/security/login_code.html", {"form": form})


@login_required
@require_GET
def security_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Two-factor authentication on or off, and the sessions."""
    user = request.user
    enabled = security.has_two_factor(user)
    return render(request, "accounts/security/page.html", {
        "enabled": enabled,
        "required": security.two_factor_required(user),
        "codes_left": security.recovery_codes_left(user) if enabled else 0,
        "disable_form": CodeForm(prefix="disable"),
    })


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """POST without a code: a new key; GET: its QR code; POST with a code: confirm."""
    user = request.user
    if request.method == "POST" and "code" not in request.POST:
        try:
            security.start_enrolment(user)
        except security.SecurityError as error:
            messages.error(request, error.message)
            return redirect("accounts:security")
        return redirect("accounts:two_factor_setup")
    device = security.pending_app(user)
    if device is None:
        return redirect("accounts:security")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = security.confirm_enrolment(user, form.cleaned_data["code"])
        except security.SecurityError as error:
            form.add_error("code" if error.field else None, error.message)
        else:
            # The other sessions have just ended; this one goes on, verified.
            user.refresh_from_db(fields=["session_salt"])
            update_session_auth_hash(request, user)
            otp_login(request, device)
            request.session[TWO_FACTOR] = VERIFIED
            request.session[NEW_CODES] = codes
            return redirect("accounts:two_factor_codes")
    return render(request, "accounts/security/setup.html", {
        "form": form, "qr": security.qr_svg(device), "secret": security.secret_text(device)})


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_codes(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The new recovery codes, shown once; POST makes new ones."""
    if request.method == "POST":
        try:
            request.session[NEW_CODES] = security.new_recovery_codes(request.user)
        except security.SecurityError as error:
            messages.error(request, error.message)
            return redirect("accounts:security")
        return redirect("accounts:two_factor_codes")
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        return redirect("accounts:security")
    return render(request, "accounts/security/codes.html", {"codes": codes})


@login_required
@require_POST
def two_factor_disable(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = CodeForm(request.POST, prefix="disable")
    try:
        if not form.is_valid():
            raise security.SecurityError(_("Type a code to turn two-factor authentication off."))
        security.disable(request.user, form.cleaned_data["code"])
    except security.SecurityError as error:
        messages.error(request, error.message)
    else:
        request.session[TWO_FACTOR] = NONE
        messages.success(request, _("Two-factor authentication is off."))
    return redirect("accounts:security")


@login_required
@require_POST
def end_other_sessions(request: AuthenticatedHttpRequest) -> HttpResponse:
    security.end_sessions(request.user)
    update_session_auth_hash(request, request.user)
    messages.success(request, _("You have been logged out everywhere else."))
    return redirect("accounts:security")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change (which ends the account's other sessions: they were signed
    with the old password), recorded in the audit log."""

    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        log_action(form.user, "accounts.password.changed", form.user, via="account_page")
        return response
