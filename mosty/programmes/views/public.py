"""Public pages: the home page and programmes (the list of events is the events app's)."""
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from mosty.directory.models import Organisation
from mosty.programmes import access
from mosty.programmes.models import Event, Programme


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    context = {
        "programmes": Programme.objects.filter(is_public=True).select_related("organiser")[:6],
        "organisation_count": Organisation.objects.count(),
        "programme_count": Programme.objects.filter(is_public=True).count(),
        "event_count": Event.objects.filter(programme__is_public=True).count(),
    }
    return render(request, "programmes/home.html", context)


def visible_programmes(request: HttpRequest):
    """Public programmes for everyone; their own staff and Django staff also see unpublished."""
    return access.visible_programmes(request.user).select_related("organiser")


@require_GET
def programme_list(request: HttpRequest) -> HttpResponse:
    return render(request, "programmes/list.html", {
        "programmes": visible_programmes(request), "nav": "programmes",
        "may_create": access.may_create_programmes(request.user)})


@require_GET
def programme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    programme = get_object_or_404(visible_programmes(request), slug=slug)
    partnerships = programme.partnerships.select_related("organisation").order_by("id")
    return render(request, "programmes/detail.html", {
        "programme": programme, "partnerships": partnerships,
        "rights": access.programme_access(request.user, programme),
        "events": programme.events.all(), "nav": "programmes"})
