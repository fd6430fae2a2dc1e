"""The expert panel: consultation slots with experts, booked by participants one per slot."""
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from mosty.accounts.access import Viewer
from mosty.accounts.models import User
from mosty.core import undo
from mosty.core.audit import log_action
from mosty.core.errors import DomainError
from mosty.core.models import Deletion
from mosty.events import access, services
from mosty.events.models import ConsultationSlot
from mosty.programmes.models import Event, ProgrammeStaff, StaffRole


class SlotError(DomainError):
    """A translated reason why a slot cannot be created, booked or released."""


def experts(event: Event) -> list[ProgrammeStaff]:
    """The programme's facilitators and experts, who may hold consultation slots."""
    return list(ProgrammeStaff.objects.filter(programme=event.programme_id,
                                              role=StaffRole.FACILITATOR)
                .select_related("user").order_by("user__full_name", "user__email"))


def planned_count(start: time, end: time, minutes: int) -> int:
    """How many slots of `minutes` fit between `start` and `end` on one day."""
    span = (datetime.combine(date.min, end) - datetime.combine(date.min, start))
    return max(0, int(span.total_seconds() // 60) // minutes) if minutes > 0 else 0


@transaction.atomic
def create_slots(actor: User | None, event: Event, expert: ProgrammeStaff, day: date, start: time,
                 end: time, minutes: int) -> list[ConsultationSlot]:
    """Slots of `minutes` each from `start` to `end` on `day`; times the expert already has a
    slot in are skipped, so the same series can be entered twice without harm."""
    if expert.programme_id != event.programme_id or expert.role != StaffRole.FACILITATOR:
        raise SlotError(_("Slots can be given only to experts of this programme."))
    if minutes < 10:
        raise SlotError(_("A consultation lasts at least 10 minutes."))
    first_day, last_day = timezone.localdate(event.start), timezone.localdate(event.end)
    if not first_day <= day <= last_day:
        raise SlotError(_("The event takes place from %(first)s to %(last)s: choose a day "
                          "within these dates.") % {
            "first": date_format(first_day, "j E Y"), "last": date_format(last_day, "j E Y")})
    cursor = timezone.make_aware(datetime.combine(day, start))
    finish = timezone.make_aware(datetime.combine(day, end))
    length = timedelta(minutes=minutes)
    if cursor + length > finish:
        raise SlotError(_("Between these hours there is no room for a single consultation."))
    existing = list(expert.consultation_slots.filter(start__lt=finish, end__gt=cursor)
                    .values_list("start", "end"))
    created = []
    while cursor + length <= finish:
        if not any(s < cursor + length and cursor < e for s, e in existing):
            created.append(ConsultationSlot(event=event, expert=expert, start=cursor,
                                            end=cursor + length))
        cursor += length
    if not created:
        raise SlotError(_(
            "No slot was added: %(expert)s already has consultations at all these times (in "
            "this event or another one). Choose other hours or another day.") % {
            "expert": expert.user.get_full_name()})
    ConsultationSlot.objects.bulk_create(created)
    log_action(actor, "events.slots.created", event, expert=expert.user.email,
               count=len(created))
    return created


@transaction.atomic
def book(user: User, slot: ConsultationSlot, topic: str = "") -> ConsultationSlot:
    """Book a free slot. The conditional UPDATE lets only one of two simultaneous bookings
    win, on any database."""
    event = slot.event
    if slot.start <= timezone.now():
        raise SlotError(_("This consultation has already started."))
    problem = services.audience_problem(user, event)
    if problem:
        raise SlotError(problem)
    if ConsultationSlot.objects.filter(booked_by=user, start__lt=slot.end,
                                       end__gt=slot.start).exclude(pk=slot.pk).exists():
        raise SlotError(_("You already have a consultation booked at this time."))
    if slot.expert.user_id == user.pk:
        raise SlotError(_("Experts cannot book their own slots."))
    taken = ConsultationSlot.objects.filter(pk=slot.pk, booked_by__isnull=True).update(
        booked_by=user, booked_at=timezone.now(), topic=topic.strip()[:300])
    if not taken:
        raise SlotError(_("Someone has just booked this slot. Choose another one."))
    slot.refresh_from_db()
    log_action(user, "events.slot.booked", slot, event=event.slug)
    return slot


def can_release(user: Viewer, slot: ConsultationSlot) -> bool:
    if slot.booked_by_id is not None and slot.booked_by_id == getattr(user, "pk", None):
        return True
    return access.can_manage(user, slot.event.programme)


@transaction.atomic
def release(actor: User, slot: ConsultationSlot) -> ConsultationSlot:
    """Cancel a booking: by the person who booked it or by a coordinator."""
    if not can_release(actor, slot):
        raise SlotError(_("Only the person who booked it or a coordinator can cancel it."))
    if slot.booked_by_id is None:
        raise SlotError(_("This slot is not booked."))
    if slot.end <= timezone.now():
        raise SlotError(_("This consultation is over."))
    booked_by = slot.booked_by
    # Only the booking this request was about: after a double click someone else may hold it.
    released = ConsultationSlot.objects.filter(pk=slot.pk, booked_by_id=slot.booked_by_id).update(
        booked_by=None, booked_at=None, topic="")
    if not released:
        raise SlotError(_("The booking has changed meanwhile; reload the page."))
    slot.refresh_from_db()
    log_action(actor, "events.slot.released", slot, person=getattr(booked_by, "email", ""))
    return slot


@transaction.atomic
def delete_slot(actor: User, slot: ConsultationSlot, back_url: str) -> Deletion:
    """Remove a free slot; `actor` may undo it for a few minutes (mosty.core.undo)."""
    if slot.booked_by_id is not None:
        raise SlotError(_("This slot is booked: cancel the booking first."))
    log_action(actor, "events.slot.deleted", slot, event=slot.event.slug)
    when = timezone.localtime(slot.start)
    return undo.delete(actor, slot, back_url=back_url,
                       label=f"{when:%Y-%m-%d %H:%M}, {slot.expert.user.get_full_name()}")
