from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext as _
from django.views import i18n as i18n_views
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.client_ip import client_ip
from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core import ratelimit
from mosty.accounts import services
from mosty.accounts.forms import EmailAuthenticationForm, ProfileForm, SignupForm
from mosty.core.audit import log_action


class LoginView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, rate-limited: per address (silently, so that nobody learns whether it
    has an account, nor floods it with e-mails) and per client address (openly)."""

    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: Any) -> HttpResponse:
        window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
        if not ratelimit.allow("password-reset-ip", client_ip(self.request) or "",
                               settings.PASSWORD_RESET_PER_IP, window):
            form.add_error(None, _("Too many password reset requests from your network. Try "
                                   "again in an hour."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        if not ratelimit.allow("password-reset-email", form.cleaned_data["email"].lower(),
                               settings.PASSWORD_RESET_PER_ADDRESS, window):
            return redirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # The link came to the address, so the person reads it: that confirms it too.
        services.confirm_by_password_reset(form.user)
        log_action(form.user, "accounts.password.changed", form.user, via="reset_link")
        return response


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.sign_up(form.sign_up_data(get_language() or ""))
        except services.AccountError as error:
            form.add_error(error.field or "email", str(error))
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _(
                "Welcome to Mosty! Your account has been created. We have sent a link to "
                "%(email)s: open it to confirm that the address is yours.") % {"email": user.email})
            return redirect("accounts:profile")
    return render(request, "accounts/signup.html", {"form": form})


@require_GET
def confirm_email(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the confirmation e-mail; it works without being logged in."""
    try:
        user = services.confirm_email(token)
    except services.AccountError as error:
        return render(request, "accounts/confirm_email.html", {"error": str(error)}, status=400)
    messages.success(request, _("Thank you: %(email)s is confirmed as your address.")
                     % {"email": user.email})
    return redirect("accounts:profile" if request.user.is_authenticated else "accounts:login")


@login_required
@require_POST
def resend_confirmation(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        services.send_confirmation_again(request.user)
    except services.AccountError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("We have sent a new confirmation link to %(email)s.")
                         % {"email": request.user.email})
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()},
                                           require_https=request.is_secure()):
        target = "accounts:profile"
    return redirect(target)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details have been saved."))
        return redirect("accounts:profile")
    # The organisations and invitations on this page come from the directory's template tag.
    return render(request, "accounts/profile.html", {"form": form})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, which also remembers the choice on the account for e-mails."""
    response = i18n_views.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        services.change_language(request.user, language)
    return response
