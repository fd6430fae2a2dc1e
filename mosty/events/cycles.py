"""Cycles of events: a template (e.g. three workshops) scheduled for a group on chosen dates.

Scheduling creates one event per step for the group, copies the agenda modules and invites
the group's people; saving a programme's events as a template goes the other way.
"""
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from mosty.accounts.models import User
from mosty.core.audit import log_action
from mosty.events import services
from mosty.programmes.services import unique_event_slug
from mosty.events.cycle_data import install_templates
from mosty.events.models import CycleModule, CycleStep, CycleTemplate
from mosty.programmes.models import AgendaItem, Audience, Event, Group, Programme


class CycleError(Exception):
    """A translated reason why a cycle cannot be scheduled or saved."""


def install_shipped_templates() -> None:
    install_templates(CycleTemplate, CycleStep, CycleModule)


def templates_for(programme: Programme) -> QuerySet[CycleTemplate]:
    """The shared templates and the programme's own."""
    return CycleTemplate.objects.filter(Q(programme__isnull=True) | Q(programme=programme)) \
        .prefetch_related("steps__modules")


def step_end_date(step: CycleStep, day: date) -> date:
    return day + timedelta(days=step.days - 1)


@transaction.atomic
def schedule_cycle(actor: User | None, template: CycleTemplate, group: Group, dates: Sequence[date],
                   place: str = "", capacity: int | None = None) -> list[Event]:
    """Create the cycle's events for the group on the given start dates, one per step."""
    steps = list(template.steps.prefetch_related("modules"))
    if len(dates) != len(steps):
        raise CycleError(_("Give one date for each event of the cycle."))
    # dates[1:] is one shorter: the last step has no later date to compare with.
    for (step, day), later in zip(zip(steps, dates, strict=True), dates[1:], strict=False):
        if later <= step_end_date(step, day):
            raise CycleError(_("The events of a cycle follow one another: each must start "
                               "after the previous one ends."))
    programme = group.edition.programme
    events = []
    for step, day in zip(steps, dates, strict=True):
        start = timezone.make_aware(datetime.combine(day, step.starts_at))
        end = timezone.make_aware(datetime.combine(step_end_date(step, day), step.ends_at))
        title = f"{step.title} — {group.name}"[:255]
        event = Event.objects.create(
            programme=programme, edition=group.edition, group=group, title=title,
            slug=unique_event_slug(title), kind=step.kind,
            start=start, end=end, place=place, capacity=capacity, audience=Audience.GROUP,
            description=step.description)
        AgendaItem.objects.bulk_create([
            AgendaItem(event=event, day=m.day, starts_at=m.starts_at, ends_at=m.ends_at,
                       title=m.title, facilitator=m.facilitator, method=m.method)
            for m in step.modules.all()])
        services.invite_group(actor, event)
        events.append(event)
    log_action(actor, "events.cycle.scheduled", template, group=group.name,
               programme=programme.slug, events=[e.slug for e in events])
    return events


@transaction.atomic
def template_from_events(actor: User | None, programme: Programme, name: str,
                         events: Sequence[Event], description: str = "") -> CycleTemplate:
    """Save the chosen events of a programme (in date order) as the programme's own template,
    so that the next group gets the same cycle."""
    if not events:
        raise CycleError(_("Choose at least one event."))
    base = slugify(name.replace("ł", "l").replace("Ł", "L"))[:100].strip("-") or "cykl"
    slug, number = base, 2
    while CycleTemplate.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    template = CycleTemplate.objects.create(name=name, slug=slug, description=description,
                                            programme=programme)
    for position, event in enumerate(sorted(events, key=lambda e: e.start), start=1):
        start, end = timezone.localtime(event.start), timezone.localtime(event.end)
        title = event.title
        if event.group is not None:
            # "Warsztat 1 — grupa Jadów" becomes "Warsztat 1" again.
            title = title.removesuffix(f" — {event.group.name}")
        step = CycleStep.objects.create(
            template=template, position=position, title=title, kind=event.kind,
            days=(end.date() - start.date()).days + 1, starts_at=start.time(),
            ends_at=end.time(), description=event.description)
        CycleModule.objects.bulk_create([
            CycleModule(step=step, day=item.day, starts_at=item.starts_at,
                        ends_at=item.ends_at, title=item.title, facilitator=item.facilitator,
                        method=item.method) for item in event.agenda_items.all()])
    log_action(actor, "events.cycle.template_saved", template, programme=programme.slug)
    return template
