"""Registrations, invitations, the waiting list and check-in. Views and the API call these.

Every change of places happens with the event's row locked (SELECT … FOR UPDATE), so
concurrent registrations are counted one after another and a full event cannot be
overbooked; the unique (event, person) constraint stops double registrations.
E-mails are queued inside the same transaction: with the database queue they are sent only
if the change is committed.
"""
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.core.errors import DomainError
from mosty.directory.choices import Sector
from mosty.events import access
from mosty.events.models import CalendarFeed, Registration, RegistrationStatus
from mosty.programmes.models import Audience, Event

Status = RegistrationStatus

# "Local government and its units": offices and their institutions (OPS, schools, libraries).
AUDIENCE_SECTORS: dict[str, set[str]] = {
    Audience.JST: {Sector.JST, Sector.PUBLIC_INSTITUTION},
    Audience.NGO: {Sector.NGO},
}


class RegistrationError(DomainError):
    """A translated reason why a registration cannot be made or changed."""


def _lock(event: Event) -> Event:
    return Event.objects.select_for_update().select_related("programme").get(pk=event.pk)


def audience_problem(user: User, event: Event) -> str | None:
    """Why this person is outside the event's audience, or None when they may take part."""
    sectors = AUDIENCE_SECTORS.get(event.audience)
    if sectors is not None:
        own = set(user.memberships.values_list("organisation__sector", flat=True))
        if not own & sectors:
            if event.audience == Audience.JST:
                return _("This date is for local government offices and their units (e.g. "
                         "social assistance centres, schools). None of your organisations in "
                         "Mosty belongs to that sector; look for a date open to you.")
            return _("This date is for non-governmental organisations. None of your "
                     "organisations in Mosty is an NGO; look for a date open to you.")
    if event.audience == Audience.GROUP:
        if event.group is None or not access.is_in_group(user, event.group):
            return _("This event is for the members of a programme group only. If your "
                     "organisation takes part, ask the coordinator to add you to the group.")
    return None


def registration_problem(user: User, event: Event) -> str | None:
    """Why this person cannot register now, or None."""
    if not getattr(user, "is_authenticated", False):
        return _("Log in to register.")
    if event.start <= timezone.now():
        return _("Registration has closed: the event has already started.")
    return audience_problem(user, event)


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Status.CONFIRMED).count()


def _has_room(event: Event) -> bool:
    return event.capacity is None or confirmed_count(event) < event.capacity


def _queue(registration_id: int, kind: str) -> None:
    from mosty.events import tasks

    # After the commit: a change rolled back later (e.g. a cycle that fails half-way) must
    # not have e-mailed anybody.
    transaction.on_commit(lambda: tasks.send_registration_mail.enqueue(registration_id, kind))


@transaction.atomic
def register(user: User, event: Event, language: str = "") -> Registration:
    """Register the person (or accept their invitation): a place if one is free, otherwise
    the end of the waiting list."""
    event = _lock(event)
    problem = registration_problem(user, event)
    if problem:
        raise RegistrationError(problem)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is not None and registration.status in (Status.CONFIRMED,
                                                            Status.WAITLISTED):
        raise RegistrationError(_("You are already registered for this event."))
    status = Status.CONFIRMED if _has_room(event) else Status.WAITLISTED
    now = timezone.now()
    language = language or translation.get_language() or ""
    if registration is None:
        registration = Registration.objects.create(event=event, user=user, status=status,
                                                   queued_at=now, language=language)
    else:
        registration.status, registration.queued_at = status, now
        registration.language = language
        registration.save(update_fields=["status", "queued_at", "language", "updated_at"])
    log_action(user, "events.registration.created", registration, event=event.slug,
               status=status)
    return registration


def _fill_from_waitlist(event: Event, actor: User | None) -> list[Registration]:
    """Give free places to the longest-waiting people; the event must be locked."""
    if event.capacity is None:
        free = None
    else:
        free = event.capacity - confirmed_count(event)
        if free <= 0:
            return []
    waiting = event.registrations.filter(status=Status.WAITLISTED).order_by("queued_at", "id")
    promoted = list(waiting[:free] if free is not None else waiting)
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        log_action(actor, "events.registration.promoted", registration, event=event.slug)
        _queue(registration.pk, "promoted")
    return promoted


@transaction.atomic
def cancel(user: User, event: Event) -> Registration:
    """Give up a place (or the waiting-list spot); the first person waiting gets the place."""
    event = _lock(event)
    registration = Registration.objects.filter(event=event, user=user).first()
    if registration is None or registration.status not in (Status.CONFIRMED, Status.WAITLISTED):
        raise RegistrationError(_("You are not registered for this event."))
    if event.end <= timezone.now():
        raise RegistrationError(_("The event is over; its registrations cannot be changed."))
    registration.status = Status.CANCELLED
    registration.save(update_fields=["status", "updated_at"])
    log_action(user, "events.registration.cancelled", registration, event=event.slug)
    _fill_from_waitlist(event, user)
    return registration


@transaction.atomic
def decline(user: User, event: Event) -> Registration:
    event = _lock(event)
    registration = Registration.objects.filter(event=event, user=user,
                                               status=Status.INVITED).first()
    if registration is None:
        raise RegistrationError(_("You have no open invitation to this event."))
    registration.status = Status.DECLINED
    registration.save(update_fields=["status", "updated_at"])
    log_action(user, "events.invitation.declined", registration, event=event.slug)
    return registration


@transaction.atomic
def invite_group(actor: User | None, event: Event) -> list[Registration]:
    """Invite everyone of the event's group who has no registration yet (safe to repeat:
    people who joined the group later get their invitation, nobody gets two)."""
    event = _lock(event)
    if event.group is None:
        raise RegistrationError(_("The event has no group to invite."))
    already = event.registrations.values("user")
    now = timezone.now()
    invited = Registration.objects.bulk_create([
        Registration(event=event, user=person, status=Status.INVITED, queued_at=now)
        for person in access.group_people(event.group).exclude(pk__in=already)])
    # bulk_create sets primary keys on PostgreSQL and SQLite alike.
    for registration in invited:
        _queue(registration.pk, "invited")
    if invited:
        log_action(actor, "events.group.invited", event, group=event.group.name,
                   count=len(invited))
    return invited


def why_nobody_invited(event: Event) -> str:
    """Why inviting the event's group sent no invitation: nobody in it, or all invited."""
    if event.group is None:
        return _("The event has no group to invite.")
    if not access.group_people(event.group).exists():
        return _("No invitation was sent: the group “%(group)s” has nobody in it yet. Add "
                 "organisations or people to the group first.") % {"group": event.group.name}
    return _("No invitation was sent: everyone in the group “%(group)s” has already been "
             "invited or has registered.") % {"group": event.group.name}


@transaction.atomic
def fill_free_places(actor: User | None, event: Event) -> list[Registration]:
    """After the capacity was raised: the waiting list moves up."""
    return _fill_from_waitlist(_lock(event), actor)


def event_saved(sender: type[Event], actor: User | None, event: Event, created: bool,
                old_capacity: int | None, **kwargs: Any) -> None:
    """After mosty.programmes.services.save_event (connected in EventsConfig.ready): a group
    event invites its group; added places move the waiting list up."""
    if event.group_id and event.audience == Audience.GROUP:
        invite_group(actor, event)
    if not created and old_capacity is not None and (
            event.capacity is None or event.capacity > old_capacity):
        fill_free_places(actor, event)


@transaction.atomic
def check_in(actor: User | None, registration: Registration, present: bool) -> Registration:
    """Mark a person present (or undo it). Someone who came without answering the invitation
    or from the waiting list holds a place from now on."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status not in (Status.CONFIRMED, Status.INVITED, Status.WAITLISTED) \
            and present:
        raise RegistrationError(_("This person cancelled their registration."))
    fields = ["attended_at", "checked_in_by", "updated_at"]
    if present:
        registration.attended_at = registration.attended_at or timezone.now()
        registration.checked_in_by = actor
        if registration.status != Status.CONFIRMED:
            registration.status = Status.CONFIRMED
            fields.append("status")
    else:
        registration.attended_at = None
        registration.checked_in_by = None
    registration.save(update_fields=fields)
    log_action(actor, "events.attendance.checked_in" if present else "events.attendance.undone",
               registration, event_id=registration.event_id)
    return registration


@transaction.atomic
def reset_calendar_feed(user: User) -> CalendarFeed:
    """Create the person's secret calendar address, or replace it (the old one stops
    working). The audit keeps only the first characters of the tokens."""
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(
        user=user, defaults={"token": CalendarFeed.new_token()})
    before = None if created else feed.token[:6]
    if not created:
        feed.token = CalendarFeed.new_token()
        feed.save(update_fields=["token", "created_at"])
    log_action(user, "events.calendar_feed.created" if created
               else "events.calendar_feed.replaced", feed,
               token={"before": before, "after": feed.token[:6]})
    return feed
