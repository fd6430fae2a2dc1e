"""What the events app adds when a programme's event is saved (invitations, the waiting list
moving up), materials and conclusions. Creating and editing events: programmes/tests."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory
from mosty.events import content, services
from mosty.events.models import Conclusions, EventFile, FileKind, Registration
from mosty.events.tests.conftest import soon
from mosty.programmes.models import Event

pytestmark = pytest.mark.django_db


def event_data(**changes: object) -> dict:
    start = soon(10)
    data: dict[str, object] = {
            "title": "Warsztat 2: Współpraca — zasoby i potencjały", "kind": "workshop",
            "start": f"{start:%Y-%m-%dT10:00}", "end": f"{start:%Y-%m-%dT15:00}",
            "place": "MDK Ostrów Mazowiecka", "online_link": "meet.example.org/w2",
            "capacity": "12", "audience": "all", "edition": "", "group": "", "description": "",
            "agenda-TOTAL_FORMS": "2", "agenda-INITIAL_FORMS": "0",
            "agenda-0-day": "1", "agenda-0-starts_at": "10:00", "agenda-0-ends_at": "10:30",
            "agenda-0-title": "Co się wydarzyło od pierwszego spotkania",
            "agenda-0-facilitator": "Ewa Moderatorka", "agenda-0-method": "runda",
            "agenda-1-day": "1", "agenda-1-title": ""}
    data.update(changes)
    return data


def test_a_new_group_event_invites_the_group(client, programme, prog_coordinator, group,
                                             member):
    client.force_login(prog_coordinator)
    client.post(reverse("programmes:event_create", args=[programme.slug]),
                event_data(audience="group", group=str(group.pk)))
    event = Event.objects.get()
    assert event.edition == group.edition
    assert list(Registration.objects.values_list("user", "status")) == [(member.pk, "invited")]


def test_raising_the_capacity_moves_the_waiting_list_up(client, event, prog_coordinator):
    organisation = OrganisationFactory()
    for _ in range(7):
        services.register(MembershipFactory(organisation=organisation).user, event)
    client.force_login(prog_coordinator)
    data = event_data(title=event.title, capacity="6", **{
        "start": f"{timezone.localtime(event.start):%Y-%m-%dT%H:%M}",
        "end": f"{timezone.localtime(event.end):%Y-%m-%dT%H:%M}"})
    client.post(reverse("programmes:event_edit", args=[event.slug]), data)
    assert event.registrations.filter(status="confirmed").count() == 6
    assert event.registrations.filter(status="waitlisted").count() == 1


def test_materials_are_uploaded_downloaded_and_removed(client, event, facilitator, outsider):
    client.force_login(facilitator)
    url = reverse("events:files", args=[event.slug])
    client.post(url, {"title": "Prezentacja", "is_public": "on", "file": SimpleUploadedFile(
        "prezentacja.pdf", b"%PDF-1.4 slajdy", content_type="application/pdf")})
    bad = client.post(url, {"title": "Skrypt", "file": SimpleUploadedFile("a.html", b"<x>")})
    assert "file" in bad.context["form"].errors
    file = EventFile.objects.get()
    assert file.kind == FileKind.MATERIAL
    assert file.is_public
    client.force_login(outsider)
    response = client.get(file.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == \
        b"%PDF-1.4 slajdy"
    assert "inline" in response["Content-Disposition"]
    assert 'data-testid="materials"' in client.get(event.get_absolute_url()).content.decode()
    client.force_login(facilitator)
    client.post(reverse("events:delete_file", args=[event.slug, file.pk]))
    assert not EventFile.objects.exists()


def test_too_large_uploads_are_refused(client, event, facilitator, settings):
    from mosty.events import forms

    client.force_login(facilitator)
    big = SimpleUploadedFile("duzy.pdf", b"0" * (forms.MAX_UPLOAD_MB * 1024 * 1024 + 1))
    response = client.post(reverse("events:files", args=[event.slug]), {"file": big})
    assert "file" in response.context["form"].errors


def test_conclusions_are_recorded_published_and_unpublished(client, event, facilitator):
    client.force_login(facilitator)
    url = reverse("events:conclusions", args=[event.slug])
    client.post(url, {"conclusions": "Wiele organizacji nie znało programu.",
                      "recommendations": "Informować wcześniej.",
                      "attachment": SimpleUploadedFile("konkluzje.pdf", b"%PDF-1.4 k"),
                      "attachment_title": "Konkluzje z warsztatu"})
    record = Conclusions.objects.get(event=event)
    assert not record.is_published
    assert record.updated_by == facilitator
    client.logout()
    assert "Wiele organizacji" not in client.get(event.get_absolute_url()).content.decode()
    client.force_login(facilitator)
    client.post(url, {"conclusions": record.conclusions, "recommendations": "Informować.",
                      "is_published": "on"})
    record.refresh_from_db()
    assert record.is_published
    assert record.published_at
    client.logout()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Wiele organizacji nie znało programu." in page
    assert "Konkluzje z warsztatu" in page
    api = client.get(f"/api/conclusions/{event.slug}").json()
    assert api["conclusions"] == "Wiele organizacji nie znało programu."
    assert api["attachments"][0]["title"] == "Konkluzje z warsztatu"
    content.save_conclusions(facilitator, event, record.conclusions, "", publish=False)
    assert "Wiele organizacji" not in client.get(event.get_absolute_url()).content.decode()
    assert AuditEntry.objects.filter(action="events.conclusions.unpublished").exists()

