"""Pages that need no app: the health check, security.txt, the display switches and undoing
a deletion. The home page is mosty.programmes.views.public.home; the language switch is
mosty.accounts.views."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection, transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from mosty.core import security_txt, undo
from mosty.core.context_processors import FONT_SIZES, PREFERENCE_COOKIE_AGE, read_preferences
from mosty.core.models import Deletion


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 only when the database takes writes: a read-only database (a replica, a full disk,
    a read-only file) fails every form, so the load balancer must hear of it."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return JsonResponse({"status": "error", "database": "unreachable",
                             "detail": error.__class__.__name__}, status=503)
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                # Changes nothing and is rolled back, but needs a writable database.
                cursor.execute("UPDATE django_migrations SET app = app "
                               "WHERE id = (SELECT MIN(id) FROM django_migrations)")
            transaction.set_rollback(True)
    except DatabaseError as error:
        return JsonResponse({"status": "error", "database": "read-only",
                             "detail": error.__class__.__name__}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def security_txt_file(request: HttpRequest) -> HttpResponse:
    """/.well-known/security.txt (RFC 9116): the operator's contact for vulnerability reports
    (settings.SECURITY_CONTACT); 404 when the operator has named none."""
    text = security_txt.text(request.build_absolute_uri(security_txt.PATH), timezone.now())
    if text is None:
        raise Http404
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
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


@login_required
@require_POST
def undo_deletion(request: HttpRequest, pk: int) -> HttpResponse:
    """Undo one's own deletion while it is kept (mosty.core.undo); anyone else's is a 404."""
    deletion = get_object_or_404(Deletion, pk=pk, user=request.user)
    back = deletion.back_url if url_has_allowed_host_and_scheme(
        deletion.back_url, allowed_hosts={request.get_host()},
        require_https=request.is_secure()) else "/"
    try:
        undo.restore(request.user, deletion)
    except undo.UndoError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Restored: %(label)s.") % {"label": deletion.label})
    return redirect(back)
