"""iCalendar (RFC 5545) feeds that Google Calendar, Outlook and phones can subscribe to.

Times are written in UTC ("…Z"), which every client understands without a VTIMEZONE block;
UIDs are stable, so a re-fetched feed updates events instead of duplicating them. The
icalendar library does the escaping and the 75-octet line folding.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, UTC
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.events.models import ACTIVE_STATUSES, ConsultationSlot, Registration, RegistrationStatus
from mosty.programmes.models import Event, ProgrammeStaff

if TYPE_CHECKING:
    from icalendar import Event as VEvent

Absolute = Callable[[str], str]
CONTENT_TYPE = "text/calendar; charset=utf-8"
STATUS: dict[str, str] = {RegistrationStatus.CONFIRMED: "CONFIRMED",
                          RegistrationStatus.WAITLISTED: "TENTATIVE",
                          RegistrationStatus.INVITED: "TENTATIVE"}


def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def _host() -> str:
    return urlparse(settings.SITE_URL).hostname or "mosty"


def _agenda_lines(event: Event) -> list[str]:
    multi_day = timezone.localdate(event.start) != timezone.localdate(event.end)
    lines = []
    for item in event.agenda_items.all():
        day = _("day %(day)s") % {"day": item.day} + ", " if multi_day else ""
        lines.append(f"{day}{item.time_range} {item.title}".strip(" ,"))
    return lines


def event_component(event: Event, absolute: Absolute, stamp: datetime, *,
                    with_online_link: bool = False, status: str = "") -> VEvent:
    from icalendar import Event as VEvent  # here: icalendar takes 0.2 s to import, at every start

    url = absolute(event.get_absolute_url())
    component = VEvent()
    component.add("uid", f"mosty-event-{event.pk}@{_host()}")
    component.add("dtstamp", stamp)
    component.add("dtstart", _utc(event.start))
    component.add("dtend", _utc(event.end))
    component.add("summary", event.title)
    parts = [event.description.strip()]
    agenda = _agenda_lines(event)
    if agenda:
        parts.append(_("Agenda:") + "\n" + "\n".join(agenda))
    location = event.place
    if with_online_link and event.online_link:
        parts.append(_("Online: %(link)s") % {"link": event.online_link})
        location = location or event.online_link
    parts.append(f"{event.programme.name}\n{url}")
    component.add("description", "\n\n".join(p for p in parts if p))
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", STATUS.get(status, "CONFIRMED"))
    return component


def slot_component(slot: ConsultationSlot, absolute: Absolute, stamp: datetime,
                   for_expert: bool) -> VEvent:
    event = slot.event
    if for_expert:
        who = str(slot.booked_by) if slot.booked_by else _("not booked yet")
        summary = _("Consultation with %(person)s") % {"person": who}
    else:
        summary = _("Consultation with %(expert)s") % {"expert": slot.expert.user}
    from icalendar import Event as VEvent

    component = VEvent()
    component.add("uid", f"mosty-slot-{slot.pk}@{_host()}")
    component.add("dtstamp", stamp)
    component.add("dtstart", _utc(slot.start))
    component.add("dtend", _utc(slot.end))
    component.add("summary", summary)
    url = absolute(event.get_absolute_url())
    component.add("description", "\n\n".join(p for p in (slot.topic, event.title, url) if p))
    if event.place:
        component.add("location", event.place)
    component.add("url", url)
    return component


def to_ics(name: str, components: Iterable[VEvent]) -> bytes:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", "-//Mosty//Mosty events//PL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for component in components:
        calendar.add_component(component)
    return calendar.to_ical()


def ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    # Feeds may carry private details (online links); shared caches must not keep them.
    response["Cache-Control"] = "private, max-age=300"
    return response


def event_calendar(events: Iterable[Event], name: str, absolute: Absolute) -> bytes:
    """Public events (no online links): one event's file or a programme's feed."""
    stamp = _utc(timezone.now())
    return to_ics(name, (event_component(e, absolute, stamp) for e in events))


def person_calendar(user: User, absolute: Absolute) -> bytes:
    """The person's events (registered, waiting, invited), consultations they booked or give,
    and the events of programmes they run. A constant number of queries."""
    stamp = _utc(timezone.now())
    registrations = Registration.objects.filter(user=user, status__in=ACTIVE_STATUSES)
    status_of = dict(registrations.values_list("event_id", "status"))
    staffed = set(ProgrammeStaff.objects.filter(user=user).values_list("programme_id", flat=True))
    events = Event.objects.filter(Q(pk__in=registrations.values("event"))
                                  | Q(programme__in=staffed)) \
        .select_related("programme").prefetch_related("agenda_items").distinct()
    components = [event_component(
        e, absolute, stamp, status=status_of.get(e.pk, ""),
        with_online_link=status_of.get(e.pk) == RegistrationStatus.CONFIRMED
        or e.programme_id in staffed) for e in events]
    slots = ConsultationSlot.objects.filter(Q(booked_by=user) | Q(expert__user=user)) \
        .select_related("event__programme", "expert__user", "booked_by")
    components += [slot_component(s, absolute, stamp, for_expert=s.expert.user_id == user.pk)
                   for s in slots]
    return to_ics(_("Mosty: my events"), components)

