"""Cycle templates: the shipped ones, scheduling for a group, saving events as a template."""
from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from mosty.events import cycles
from mosty.events.cycle_data import KI_WORKSHOPS, RDR_BLOCKS
from mosty.events.documents import event_hours
from mosty.events.models import CycleTemplate, Registration
from mosty.programmes.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def templates(db):
    cycles.install_shipped_templates()
    return {t.slug: t for t in CycleTemplate.objects.all()}


def test_the_shipped_templates_follow_seeds_000_and_003(templates):
    cycles.install_shipped_templates()  # idempotent
    assert CycleTemplate.objects.count() == 2
    ki = templates[KI_WORKSHOPS["slug"]]
    assert [s.title for s in ki.steps.all()] == [
        "Warsztat 1: Integracja, zapoznanie, sieciowanie",
        "Warsztat 2: Współpraca — zasoby i potencjały",
        "Warsztat 3: Podsumowanie wypracowanego modelu współpracy"]
    blocks = list(templates[RDR_BLOCKS["slug"]].steps.all())
    assert len(blocks) == 5
    assert {(b.kind, b.days) for b in blocks} == {("training_block", 2)}
    assert all(sum(m.ends_at.hour - m.starts_at.hour for m in b.modules.all()) == 16
               for b in blocks)


def next_monday() -> date:
    today = timezone.localdate()
    return today + timedelta(days=7 - today.weekday())


def test_scheduling_creates_the_groups_events_with_agenda_and_invitations(
        client, templates, programme, group, prog_coordinator, member):
    client.force_login(prog_coordinator)
    url = reverse("events:schedule", args=[programme.slug])
    template = templates[KI_WORKSHOPS["slug"]]
    step_two = client.get(url, {"template": template.slug})
    assert [f for f in step_two.context["form"].fields] == [
        "group", "place", "capacity", "date_1", "date_2", "date_3"]
    first = next_monday()
    response = client.post(url, {
        "template": template.slug, "group": group.pk, "place": "GBP w Jadowie",
        "date_1": first, "date_2": first + timedelta(days=14),
        "date_3": first + timedelta(days=28)})
    assert response["Location"] == reverse("programmes:events_manage", args=[programme.slug])
    events = list(Event.objects.order_by("start"))
    assert [e.title for e in events] == [
        "Warsztat 1: Integracja, zapoznanie, sieciowanie — grupa Śmigiel",
        "Warsztat 2: Współpraca — zasoby i potencjały — grupa Śmigiel",
        "Warsztat 3: Podsumowanie wypracowanego modelu współpracy — grupa Śmigiel"]
    assert {(e.group, e.edition, e.audience, e.place) for e in events} == {
        (group, group.edition, "group", "GBP w Jadowie")}
    assert timezone.localtime(events[0].start).time() == time(10)
    assert timezone.localtime(events[0].start).date() == first
    assert [a.title for a in events[0].agenda_items.all()][:2] == [
        "Powitanie i przedstawienie projektu", "Ćwiczenia integracyjne: kim jesteśmy, co robimy"]
    assert events[0].agenda_items.first().method == "krąg"
    assert Registration.objects.filter(user=member, status="invited").count() == 3


def test_two_day_blocks_end_on_the_second_day(templates, group):
    template = templates[RDR_BLOCKS["slug"]]
    first = next_monday()
    events = cycles.schedule_cycle(None, template, group,
                                   [first + timedelta(days=7 * n) for n in range(5)])
    assert timezone.localtime(events[0].end).date() == first + timedelta(days=1)
    assert event_hours(events[0]) == 16


def test_dates_must_follow_one_another(templates, group):
    template = templates[RDR_BLOCKS["slug"]]
    first = next_monday()
    overlapping = [first, first + timedelta(days=1)] + [first + timedelta(days=7 * n)
                                                        for n in range(2, 5)]
    with pytest.raises(cycles.CycleError):
        cycles.schedule_cycle(None, template, group, overlapping)
    with pytest.raises(cycles.CycleError):
        cycles.schedule_cycle(None, template, group, [first])
    assert not Event.objects.exists()


def test_a_programmes_events_become_its_own_template(client, templates, programme, other_programme,
                                                     group, prog_coordinator):
    first = next_monday()
    events = cycles.schedule_cycle(None, templates[KI_WORKSHOPS["slug"]], group,
                                   [first, first + timedelta(days=7), first + timedelta(days=14)])
    client.force_login(prog_coordinator)
    response = client.post(reverse("events:save_template", args=[programme.slug]), {
        "name": "Nasz cykl", "events": [e.pk for e in events[:2]]})
    template = CycleTemplate.objects.get(name="Nasz cykl")
    assert response["Location"].endswith(f"?template={template.slug}")
    assert template.programme == programme
    steps = list(template.steps.all())
    assert [s.title for s in steps] == ["Warsztat 1: Integracja, zapoznanie, sieciowanie",
                                        "Warsztat 2: Współpraca — zasoby i potencjały"]
    assert steps[0].modules.count() == events[0].agenda_items.count()
    assert template in cycles.templates_for(programme)
    assert template not in cycles.templates_for(other_programme)
