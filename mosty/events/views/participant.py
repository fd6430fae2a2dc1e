"""Pages and actions of participants: my events, registering, calendar feeds, files,
certificates and booking consultations."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.programmes.access import Need, get_programme
from mosty.events import access, content, services, slots
from mosty.events.calendar import event_calendar, ics_response, person_calendar
from mosty.events.documents import certificates_pdf
from mosty.events.models import (
    CalendarFeed, ConsultationSlot, EventFile, FileKind, Registration, RegistrationStatus)
from mosty.programmes.models import Event, EventKind

INLINE_TYPES = {"pdf", "png", "jpg", "jpeg", "txt"}


def back_to_event(request: HttpRequest, event: Event) -> HttpResponse:
    """Back where the button was: "my events" or the event page."""
    if request.POST.get("next") == "mine":
        return redirect("events:mine")
    return redirect(event.get_absolute_url() + "#registration")


@require_GET
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The page of an event: its programme's visitors see it, and so do people invited to it
    or registered for it when the programme is not public."""
    event = access.get_event(request.user, slug)
    return render(request, "events/event.html", {
        "event": event, "nav": "events", "agenda": content.agenda(event),
        "can_manage": access.can_manage(request.user, event.programme)})


@require_GET
def event_list(request: HttpRequest) -> HttpResponse:
    """Every event the person may open: those of visible programmes and those they are
    invited to or registered for (the same as the API's list)."""
    events = access.visible_events(request.user).select_related("programme") \
        .order_by("start", "pk")
    kind = request.GET.get("kind", "")
    if kind in EventKind.values:
        events = events.filter(kind=kind)
    when = request.GET.get("when", "")
    now = timezone.now()
    if when == "upcoming":
        events = events.filter(end__gte=now)
    elif when == "past":
        events = events.filter(end__lt=now).order_by("-start", "-pk")
    return render(request, "events/list.html", {
        "events": events, "kinds": EventKind.choices, "kind": kind, "when": when,
        "nav": "events"})


@login_required
@require_GET
def mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """My invitations, registrations, consultations and the address of my calendar."""
    registrations = Registration.objects.filter(user=request.user) \
        .exclude(status=RegistrationStatus.DECLINED) \
        .select_related("event__programme").order_by("event__start")
    now = timezone.now()
    feed = CalendarFeed.objects.filter(user=request.user).first()
    return render(request, "events/mine.html", {
        "upcoming": [r for r in registrations if r.event.end > now],
        "past": [r for r in registrations if r.event.end <= now][::-1],
        "bookings": ConsultationSlot.objects.filter(booked_by=request.user)
        .select_related("event", "expert__user").order_by("start"),
        "feed_url": request.build_absolute_uri(feed.get_absolute_url()) if feed else "",
        "nav": "events"})


@login_required
@require_POST
def reset_feed(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Create the personal calendar address, or replace it (the old one stops working)."""
    services.reset_calendar_feed(request.user)
    messages.success(request, _("Your calendar address is ready. Copy it into Google Calendar "
                                "or Outlook (“add calendar from URL”)."))
    return redirect("events:mine")


@require_POST
@login_required
def register(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = access.get_event(request.user, slug)
    try:
        registration = services.register(request.user, event)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        if registration.status == RegistrationStatus.CONFIRMED:
            messages.success(request, _("You are registered. See you there!"))
        else:
            messages.info(request, _("The event is full: you are on the waiting list. If a "
                                     "place comes free, it is yours and we will e-mail you."))
    return back_to_event(request, event)


@require_POST
@login_required
def cancel(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = access.get_event(request.user, slug)
    try:
        services.cancel(request.user, event)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return back_to_event(request, event)


@require_POST
@login_required
def decline(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = access.get_event(request.user, slug)
    try:
        services.decline(request.user, event)
    except services.RegistrationError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("You have declined the invitation."))
    return back_to_event(request, event)


@require_GET
def person_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The personal feed: the secret token in the address replaces the login."""
    feed = CalendarFeed.objects.select_related("user").filter(
        token=token, user__is_active=True).first()
    if feed is None:
        raise Http404
    return ics_response(person_calendar(feed.user, request.build_absolute_uri), "mosty")


@require_GET
def programme_feed(request: HttpRequest, slug: str) -> HttpResponse:
    programme, _rights = get_programme(request.user, slug, Need.SEE)
    events = programme.events.select_related("programme").prefetch_related("agenda_items")
    return ics_response(event_calendar(events, programme.name, request.build_absolute_uri),
                        programme.slug)


@require_GET
def event_feed(request: HttpRequest, slug: str) -> HttpResponse:
    event = access.get_event(request.user, slug)
    return ics_response(event_calendar([event], event.title, request.build_absolute_uri),
                        event.slug)


@require_GET
def download(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    event = access.get_event(request.user, slug)
    file = get_object_or_404(EventFile.objects.select_related("event__programme"),
                             event=event, pk=pk)
    if not access.can_download(request.user, file):
        # Someone who may not see it learns nothing about it, not even that it exists.
        raise Http404
    extension = file.filename.rsplit(".", 1)[-1].lower()
    response = FileResponse(file.file.open("rb"), filename=file.filename,
                            as_attachment=extension not in INLINE_TYPES)
    if not file.is_public or file.kind != FileKind.MATERIAL:
        response["Cache-Control"] = "private"
    return response


def _pdf(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{name}.pdf"'
    response["Cache-Control"] = "private"
    return response


def attendance_for_certificates(event: Event) -> QuerySet[Registration]:
    return event.registrations.filter(attended_at__isnull=False) \
        .select_related("user").prefetch_related("user__memberships__organisation") \
        .order_by("user__full_name", "user__email")


@login_required
@require_GET
def my_certificate(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    event = access.get_event(request.user, slug)
    registrations = list(attendance_for_certificates(event).filter(user=request.user))
    if not registrations:
        raise PermissionDenied(_("A certificate is issued to people checked in at the event."))
    return _pdf(certificates_pdf(_with_details(event), registrations), f"zaswiadczenie-{slug}")


def _with_details(event: Event) -> Event:
    return Event.objects.select_related("programme__organiser") \
        .prefetch_related("agenda_items").get(pk=event.pk)


@require_POST
@login_required
def book_slot(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access.get_event(request.user, slug)
    slot = get_object_or_404(event.consultation_slots.select_related("expert"), pk=pk)
    try:
        slots.book(request.user, slot, request.POST.get("topic", ""))
    except slots.SlotError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The consultation is booked."))
    return redirect(event.get_absolute_url() + "#consultations")


@require_POST
@login_required
def release_slot(request: AuthenticatedHttpRequest, slug: str, pk: int) -> HttpResponse:
    event = access.get_event(request.user, slug)
    slot = get_object_or_404(event.consultation_slots.select_related("event__programme"),
                             pk=pk)
    if not slots.can_release(request.user, slot):
        raise PermissionDenied
    try:
        slots.release(request.user, slot)
    except slots.SlotError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The booking has been cancelled."))
    if request.POST.get("next") == "slots":
        return redirect("events:slots", slug=event.slug)
    return redirect(event.get_absolute_url() + "#consultations")
