from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.template.loader import select_template
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.privacy import services
from mosty.privacy.forms import EraseForm
from mosty.privacy.middleware import SESSION_KEY
from mosty.privacy.register import entries
from mosty.privacy.texts import OPTIONAL, VERSIONS, Purpose, current_version


def _text(kind: str, version: str) -> str:
    """The template of one version of a text in the current language (Polish as fallback)."""
    if version not in set(VERSIONS.values()):
        raise Http404
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return select_template([f"privacy/texts/{kind}_{version}_{language}.html",
                            f"privacy/texts/{kind}_{version}_pl.html"]).template.name


def _text_context(version: str) -> dict[str, object]:
    return {"version": version, "controller": settings.PRIVACY_CONTROLLER,
            "controller_address": settings.PRIVACY_CONTROLLER_ADDRESS,
            "contact_email": settings.PRIVACY_CONTACT_EMAIL or settings.DEFAULT_FROM_EMAIL,
            "dpo_email": settings.PRIVACY_DPO_EMAIL,
            "export_days": settings.PRIVACY_EXPORT_DAYS,
            "unconfirmed_days": settings.PRIVACY_UNCONFIRMED_REMOVE_DAYS,
            "inactive_months": settings.PRIVACY_INACTIVE_WARN_DAYS // 30}


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return redirect("privacy:notice")


@require_GET
def notice(request: HttpRequest, version: str = "") -> HttpResponse:
    version = version or current_version(Purpose.TERMS)
    return render(request, "privacy/text.html", {
        **_text_context(version), "text": _text("notice", version), "kind": "notice",
        "title": _("Privacy notice")})


@require_GET
def terms(request: HttpRequest, version: str = "") -> HttpResponse:
    version = version or current_version(Purpose.TERMS)
    return render(request, "privacy/text.html", {
        **_text_context(version), "text": _text("terms", version), "kind": "terms",
        "title": _("Terms of use")})


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return default


@login_required
@require_http_methods(["GET", "POST"])
def accept(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The current terms for someone who has not accepted them yet: accept, or leave."""
    if request.method == "POST":
        services.give_consent(request.user, Purpose.TERMS)
        request.session[SESSION_KEY] = current_version(Purpose.TERMS)
        messages.success(request, _("Thank you: you accepted the current terms of use."))
        return redirect(_safe_next(request, "accounts:profile"))
    earlier = request.user.consents.filter(purpose=Purpose.TERMS).exists()
    return render(request, "privacy/accept.html", {
        "earlier": earlier, "version": current_version(Purpose.TERMS),
        "next": _safe_next(request, "")})


@login_required
@require_POST
def consent(request: AuthenticatedHttpRequest, purpose: str) -> HttpResponse:
    """Give or withdraw an optional consent with one click."""
    if purpose not in OPTIONAL:
        raise Http404
    try:
        if request.POST.get("give"):
            services.give_consent(request.user, purpose)
            messages.success(request, _("Consent given: %(purpose)s.")
                             % {"purpose": Purpose(purpose).label})
        else:
            services.withdraw_consent(request.user, purpose)
            messages.success(request, _("Consent withdrawn: %(purpose)s.")
                             % {"purpose": Purpose(purpose).label})
    except services.PrivacyError as error:
        messages.error(request, error.message)
    return redirect("accounts:profile")


@login_required
@require_POST
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        services.request_export(request.user)
    except services.PrivacyError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("We are preparing the archive of your data. We will e-mail "
                                    "you a link when it is ready; it is also shown here."))
    return redirect("accounts:profile")


@login_required
@require_GET
def download(request: AuthenticatedHttpRequest, token: str) -> HttpResponseBase:
    try:
        archive = services.export_for(token, request.user)
    except services.PrivacyError as error:
        return render(request, "privacy/link_invalid.html", {"error": error.message},
                      status=404)
    name = f"mosty-{archive.created_at:%Y-%m-%d}.zip"
    return FileResponse(archive.file.open("rb"), as_attachment=True, filename=name,
                        content_type="application/zip")


@login_required
@require_http_methods(["GET", "POST"])
def erase(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = EraseForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.erase_account(request.user, actor=request.user)
        logout(request)
        messages.success(request, _("Your account has been erased. Thank you for using Mosty."))
        return redirect("programmes:home")
    return render(request, "privacy/erase.html", {"form": form})


@staff_member_required
@require_GET
def register(request: HttpRequest) -> HttpResponse:
    return render(request, "privacy/register.html", {"entries": entries()})
