"""Panels the events app adds to the programmes' pages (event page, programme page, the list of
a programme's events), so those pages gain registration, files, conclusions, consultations
and registration numbers without their views changing or programmes importing events."""
from typing import Any

from django import template
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from mosty.events import access, services
from mosty.events.models import Conclusions, FileKind, RegistrationStatus
from mosty.programmes.models import Event, Programme, ProgrammeStaff, StaffRole

register = template.Library()
Status = RegistrationStatus


@register.inclusion_tag("events/panel.html", takes_context=True)
def event_panel(context: template.Context, event: Event) -> dict[str, Any]:
    user = context["request"].user
    registration = access.own_registration(user, event)
    holds_place = registration is not None and registration.status in (Status.CONFIRMED,
                                                                       Status.WAITLISTED)
    facilitator = access.can_facilitate(user, event.programme)
    confirmed = services.confirmed_count(event) if event.capacity else 0
    files = access.visible_files(user, event)
    record = Conclusions.objects.filter(event=event).first()
    now = timezone.now()
    return {
        "event": event, "user": user, "csrf_token": context.get("csrf_token"),
        "registration": registration, "holds_place": holds_place,
        "problem": None if holds_place else services.registration_problem(user, event),
        "places_left": max(event.capacity - confirmed, 0) if event.capacity else None,
        "upcoming": event.start > now, "is_over": event.end <= now,
        "show_online_link": event.online_link and (
            facilitator or (registration is not None
                            and registration.status == Status.CONFIRMED)),
        "materials": [f for f in files if f.kind == FileKind.MATERIAL],
        "attachments": [f for f in files if f.kind == FileKind.CONCLUSIONS],
        "conclusions": record if record and (record.is_published or facilitator) else None,
        "slots": list(event.consultation_slots.select_related("expert__user")),
        "can_manage": access.can_manage(user, event.programme), "can_facilitate": facilitator,
    }


@register.simple_tag
def registration_numbers(events: QuerySet[Event]) -> QuerySet[Event]:
    """The events with how many people are registered (`confirmed`), waiting, invited and
    present, in one query: the programme's list of its events shows them."""
    return events.annotate(
        confirmed=Count("registrations", filter=Q(registrations__status=Status.CONFIRMED)),
        waiting=Count("registrations", filter=Q(registrations__status=Status.WAITLISTED)),
        invited=Count("registrations", filter=Q(registrations__status=Status.INVITED)),
        present=Count("registrations", filter=Q(registrations__attended_at__isnull=False)))


@register.inclusion_tag("events/programme_panel.html", takes_context=True)
def programme_panel(context: template.Context, programme: Programme) -> dict[str, Any]:
    user = context["request"].user
    return {
        "programme": programme, "user": user,
        "experts": ProgrammeStaff.objects.filter(programme=programme, role=StaffRole.FACILITATOR)
        .exclude(expertise="").select_related("user").order_by("user__full_name"),
        "can_facilitate": access.can_facilitate(user, programme),
        "can_manage": access.can_manage(user, programme),
    }
