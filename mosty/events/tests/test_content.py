"""What the events app adds when a programme's event is saved (invitations, the waiting list
moving up), materials and conclusions. Creating and editing events: programmes/tests."""
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mosty.core import uploads
from mosty.core.models import AuditEntry
from mosty.directory.tests.factories import MembershipFactory, OrganisationFactory
from mosty.events import content, services
from mosty.events.models import Conclusions, EventFile, FileKind, Registration
from mosty.events.tests.conftest import soon
from mosty.events.tests.files import odp_bytes, pdf_bytes, pdf_upload, pptx_bytes
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
        services.register(MembershipFactory.create(organisation=organisation).user, event)
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
    slides = pdf_bytes("slajdy")
    client.post(url, {"title": "Prezentacja", "is_public": "on", "file": SimpleUploadedFile(
        "prezentacja.pdf", slides, content_type="application/pdf")})
    bad = client.post(url, {"title": "Skrypt", "file": SimpleUploadedFile("a.html", b"<x>")})
    assert "file" in bad.context["form"].errors
    file = EventFile.objects.get()
    assert file.kind == FileKind.MATERIAL
    assert file.is_public
    client.force_login(outsider)
    response = client.get(file.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == slides
    assert "inline" in response["Content-Disposition"]
    assert 'data-testid="materials"' in client.get(event.get_absolute_url()).content.decode()
    client.force_login(facilitator)
    client.post(reverse("events:delete_file", args=[event.slug, file.pk]))
    assert not EventFile.objects.exists()


def test_too_large_uploads_are_refused(client, event, facilitator, settings):
    client.force_login(facilitator)
    big = SimpleUploadedFile("duzy.pdf", b"0" * (content.MAX_FILE_BYTES + 1))
    response = client.post(reverse("events:files", args=[event.slug]), {"file": big})
    assert response.context["form"].errors["file"] == [
        uploads.too_large("duzy.pdf", content.MAX_FILE_BYTES + 1, content.MAX_FILE_BYTES)]
    # The service checks the size too (the demo, for one, does not pass the form).
    big.seek(0)
    with pytest.raises(content.ContentError) as refused:
        content.add_file(facilitator, event, FileKind.MATERIAL, "Duży", big)
    assert refused.value.message == uploads.too_large(
        "duzy.pdf", content.MAX_FILE_BYTES + 1, content.MAX_FILE_BYTES)
    assert not EventFile.objects.exists()


def test_conclusions_are_recorded_published_and_unpublished(client, event, facilitator):
    client.force_login(facilitator)
    url = reverse("events:conclusions", args=[event.slug])
    client.post(url, {"conclusions": "Wiele organizacji nie znało programu.",
                      "recommendations": "Informować wcześniej.",
                      "attachment": pdf_upload("konkluzje.pdf"),
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



def polyglot_pdf() -> bytes:
    """A real PDF that a browser would also render as a page if it were served as HTML."""
    return pdf_bytes().replace(b"%PDF-1.3\n", b"%PDF-1.3\n%<html><script>alert(1)</script>\n", 1)


@pytest.mark.parametrize("kind", [FileKind.MATERIAL, FileKind.CONCLUSIONS])
@pytest.mark.parametrize("name", ["program.html", "program.svg", "program", ".htaccess"])
def test_event_files_are_stored_with_the_extension_of_their_content(event, facilitator, kind,
                                                                    name):
    data = polyglot_pdf()
    assert b"<script>" in data
    file = content.add_file(facilitator, event, kind, "Program",
                            SimpleUploadedFile(name, data, content_type="text/html"))
    assert file.file.name.endswith(".pdf")
    assert file.filename.endswith(".pdf")


@pytest.mark.parametrize(("data", "extension"), [
    (pptx_bytes(), "pptx"), (odp_bytes(), "odp"), (pdf_bytes(), "pdf")])
def test_presentations_and_documents_keep_the_type_found_inside(event, facilitator, data,
                                                                extension):
    file = content.add_file(facilitator, event, FileKind.MATERIAL, "Slajdy",
                            SimpleUploadedFile("slajdy.dat", data))
    assert file.file.name.endswith(f".{extension}")


REFUSED = [
    ("strona.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
    ("rysunek.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("makro.doc", bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 600),
    ("archiwum.zip", b"PK\x03\x04" + b"\0" * 100),
    ("notatka.txt", "Zwykły tekst".encode()),
]


@pytest.mark.parametrize(("name", "data"), REFUSED)
def test_unknown_or_dangerous_materials_are_refused_with_a_clear_message(
        client, event, facilitator, name, data):
    client.force_login(facilitator)
    response = client.post(reverse("events:files", args=[event.slug]), {
        "title": "Coś", "file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200
    # Worded as every other upload check (mosty.core.uploads).
    assert response.context["form"].errors["file"] == [
        uploads.wrong_type(name, None, content.FILE_TYPES)]
    assert response.context["form"].errors["file"][0].startswith(
        f"Plik „{name}” nie należy do akceptowanych rodzajów plików (PDF, dokument Word (DOCX), "
        "arkusz Excel (XLSX), prezentacja PowerPoint (PPTX), ")
    assert not EventFile.objects.exists()
    assert not AuditEntry.objects.filter(action="events.file.added").exists()


def test_a_refused_attachment_keeps_the_conclusions_unsaved(client, event, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("events:conclusions", args=[event.slug]), {
        "conclusions": "Wnioski", "is_published": "on",
        "attachment": SimpleUploadedFile("wnioski.pdf", b"<html>nie PDF</html>"),
        "attachment_title": "Wnioski"})
    assert response.status_code == 200
    assert "attachment" in response.context["form"].errors
    assert not Conclusions.objects.filter(event=event).exists()
    assert not EventFile.objects.exists()


def test_the_agenda_leaves_out_columns_empty_in_every_row(client, programme):
    from datetime import time, timedelta

    from mosty.events.tests.conftest import make_event
    from mosty.programmes.models import AgendaItem

    start = soon(10)
    block = make_event(programme, "blok-dwudniowy", start=start,
                       end=start + timedelta(days=1, hours=6))
    for day in (1, 2):
        AgendaItem.objects.create(event=block, day=day, starts_at=time(10), ends_at=time(16),
                                  title=f"Dzień {day}")
    table = client.get(block.get_absolute_url()).content.decode().split(
        'data-testid="agenda"')[1].split("</table>")[0]
    assert ">Dzień<" in table
    assert ">Moduł<" in table
    assert "Prowadzenie" not in table
    assert "Metoda" not in table
    AgendaItem.objects.filter(day=2).update(method="warsztat")
    table = client.get(block.get_absolute_url()).content.decode().split(
        'data-testid="agenda"')[1].split("</table>")[0]
    assert ">Metoda<" in table
    # day 1 has no method; the column stays for day 2
    assert len(re.findall(r"<td[^>]*></td>", table)) == 1
