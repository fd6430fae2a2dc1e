"""REST API of events: my registrations, registering and cancelling, attendance for staff,
published conclusions. The same services and access rules as the pages.

Mounted on the root API without a prefix; every path begins with a word of its own
(/registrations, /attendance, /conclusions) so nothing overlaps the root's /events/{slug}.
"""
from datetime import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from mosty.accounts.http import AuthenticatedHttpRequest
from mosty.core.api import PRIVATE, PUBLIC, Error, choices_of
from mosty.events import access, services
from mosty.events.models import Conclusions, FileKind, Registration, RegistrationStatus

events_router = Router(tags=["events"])
registrations = Router(tags=["events"], auth=PRIVATE)
staff = Router(tags=["events"], auth=PRIVATE)
public = Router(tags=["events"], auth=PUBLIC)


class RegistrationOut(Schema):
    event: str
    event_title: str
    start: datetime
    end: datetime
    status: Annotated[str, choices_of(Registration, "status")]
    attended: bool
    url: str


class AttendeeOut(Schema):
    name: str
    email: str
    phone: str
    organisations: list[str]
    status: Annotated[str, choices_of(Registration, "status")]
    attended_at: datetime | None


class AttachmentOut(Schema):
    title: str
    url: str


class ConclusionsOut(Schema):
    event: str
    conclusions: str
    recommendations: str
    published_at: datetime | None
    attachments: list[AttachmentOut]


def registration_out(request: HttpRequest, registration: Registration) -> dict:
    event = registration.event
    return {"event": event.slug, "event_title": event.title, "start": event.start,
            "end": event.end, "status": registration.status,
            "attended": registration.attended_at is not None,
            "url": request.build_absolute_uri(event.get_absolute_url())}


@registrations.get("", response=list[RegistrationOut])
def my_registrations(request: AuthenticatedHttpRequest) -> object:
    """My invitations, registrations and waiting-list places (not the declined ones)."""
    mine = Registration.objects.filter(user=request.user) \
        .exclude(status=RegistrationStatus.DECLINED).select_related("event") \
        .order_by("event__start")
    return [registration_out(request, r) for r in mine]


def _change(request: HttpRequest, slug: str, action: Any) -> object:
    """Run a registration service on the event; its refusal is a 400 with the reason."""
    event = access.get_event(request.user, slug)
    try:
        registration = action(request.user, event)
    except services.RegistrationError as error:
        return Status(400, {"detail": str(error)})
    return registration_out(request, registration)


@registrations.post("/{slug}", response={200: RegistrationOut, 400: Error, 404: Error})
def register(request: HttpRequest, slug: str) -> object:
    """Register for an event or accept its invitation: status `confirmed`, or `waitlisted`
    when the event is full."""
    return _change(request, slug, services.register)


@registrations.delete("/{slug}", response={200: RegistrationOut, 400: Error, 404: Error})
def cancel(request: HttpRequest, slug: str) -> object:
    """Cancel my registration (or leave the waiting list); the next person waiting moves up."""
    return _change(request, slug, services.cancel)


@registrations.post("/{slug}/decline", response={200: RegistrationOut, 400: Error, 404: Error})
def decline(request: HttpRequest, slug: str) -> object:
    return _change(request, slug, services.decline)


@staff.get("/{slug}", response={200: list[AttendeeOut], 403: Error, 404: Error})
def attendance(request: HttpRequest, slug: str) -> object:
    """Everyone invited, registered or waiting, with contacts: the programme's staff only."""
    event = access.get_event(request.user, slug)
    if not access.can_facilitate(request.user, event.programme):
        return Status(403, {"detail": _("Only the programme's staff see the attendance list.")})
    people = event.registrations.exclude(
        status__in=[RegistrationStatus.CANCELLED, RegistrationStatus.DECLINED]) \
        .select_related("user").prefetch_related("user__memberships__organisation") \
        .order_by("user__full_name", "user__email")
    return [{"name": r.user.get_full_name(), "email": r.user.email, "phone": r.user.phone,
             "organisations": [m.organisation.name for m in r.user.memberships.all()],
             "status": r.status, "attended_at": r.attended_at} for r in people]


@public.get("/{slug}", response={200: ConclusionsOut, 404: Error})
def conclusions(request: HttpRequest, slug: str) -> object:
    """Published conclusions of an event (the programme's staff also get unpublished ones)."""
    event = access.get_event(request.user, slug)
    record = get_object_or_404(Conclusions, event=event)
    if not record.is_published and not access.can_facilitate(request.user, event.programme):
        return Status(404, {"detail": _("The conclusions have not been published.")})
    files = event.files.filter(kind=FileKind.CONCLUSIONS)
    return {"event": event.slug, "conclusions": record.conclusions,
            "recommendations": record.recommendations, "published_at": record.published_at,
            "attachments": [{"title": f.title,
                             "url": request.build_absolute_uri(f.get_absolute_url())}
                            for f in files]}


events_router.add_router("/registrations", registrations)
events_router.add_router("/attendance", staff)
events_router.add_router("/conclusions", public)
