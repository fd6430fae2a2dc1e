from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views import i18n as i18n_views
from django.views.decorators.http import require_GET, require_POST

from mosty.accounts.models import User
from mosty.core.context_processors import FONT_SIZES, PREFERENCE_COOKIE_AGE, read_preferences
from mosty.directory.models import Organisation
from mosty.programmes.models import Event, Programme


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "programmes": Programme.objects.filter(is_public=True).select_related("organiser")[:6],
        "organisation_count": Organisation.objects.count(),
        "programme_count": Programme.objects.filter(is_public=True).count(),
        "event_count": Event.objects.filter(programme__is_public=True).count(),
    }
    return render(request, "core/home.html", context)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "error", "database": "unreachable",
                             "detail": error.__class__.__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switch, which also remembers the choice on the account for e-mails."""
    response = i18n_views.set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        User.objects.filter(pk=request.user.pk).update(language=language)
    return response


@require_POST
def set_display(request: HttpRequest) -> HttpResponse:
    """Font-size and contrast switches: plain forms, so they work without JavaScript."""
    preferences = read_preferences(request)
    font = request.POST.get("font")
    if font in FONT_SIZES:
        preferences["font"] = font
    if request.POST.get("contrast") in ("high", "normal"):
        preferences["contrast"] = request.POST["contrast"]
    target = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()},
                                           require_https=request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    for key in ("font", "contrast"):
        response.set_cookie(f"mosty_{key}", preferences[key], max_age=PREFERENCE_COOKIE_AGE,
                            samesite="Lax", secure=request.is_secure())
    return response
