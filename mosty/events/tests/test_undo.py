"""Undo after a deletion (mosty.core.undo), on an event's materials: asked first, deleted,
restored with the same key and file, and gone for good once the time is over."""
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from mosty.core import undo
from mosty.core.models import AuditEntry, Deletion
from mosty.events import content
from mosty.events.models import EventFile, FileKind
from mosty.events.tests.conftest import make_event, staff_member
from mosty.events.tests.files import pdf_bytes
from mosty.programmes.models import StaffRole
from mosty.core.tests.removal import ask_then_remove

pytestmark = pytest.mark.django_db


@pytest.fixture
def material(programme):
    event = make_event(programme)
    upload = SimpleUploadedFile("program.pdf", pdf_bytes("program"))
    return content.add_file(None, event, FileKind.MATERIAL, "Program warsztatu", upload)


@pytest.fixture
def facilitator(programme):
    return staff_member(programme, StaffRole.FACILITATOR)


def test_removing_asks_first_then_offers_to_undo(client, material, facilitator,
                                                django_capture_on_commit_callbacks):
    event, name = material.event, material.file.name
    storage = material.file.storage
    client.force_login(facilitator)
    files = reverse("events:files", args=[event.slug])
    url = reverse("events:delete_file", args=[event.slug, material.pk])
    page = ask_then_remove(client, files, url, mentions=["Usunąć „Program warsztatu”"],
                           exists=EventFile.objects.exists)
    assert storage.exists(name)  # kept while it can be undone
    assert "Usunięto: Program warsztatu" in page
    deletion = Deletion.objects.get()
    assert 'data-testid="undo"' not in client.get(files).content.decode()  # offered once
    response = client.post(reverse("core:undo", args=[deletion.pk]), follow=True)
    assert response.redirect_chain[-1][0] == files
    restored = EventFile.objects.get()
    assert (restored.pk, restored.file.name, restored.title) == (
        material.pk, name, "Program warsztatu")
    assert storage.exists(name)
    assert not Deletion.objects.exists()
    assert AuditEntry.objects.filter(action="core.restored").exists()


def test_only_the_person_who_deleted_may_undo_and_only_for_a_while(
        client, material, facilitator, programme, django_capture_on_commit_callbacks):
    name, storage = material.file.name, material.file.storage
    deletion = content.delete_file(facilitator, material, "/")
    other = staff_member(programme, StaffRole.FACILITATOR)
    client.force_login(other)
    assert client.post(reverse("core:undo", args=[deletion.pk])).status_code == 404
    Deletion.objects.filter(pk=deletion.pk).update(
        created_at=timezone.now() - timedelta(minutes=undo.UNDO_MINUTES + 1))
    with pytest.raises(undo.UndoError):
        undo.restore(facilitator, deletion)
    with django_capture_on_commit_callbacks(execute=True):
        assert undo.purge() == 1
    assert not storage.exists(name)
    assert not EventFile.objects.exists()


def test_restoring_fails_cleanly_when_the_event_has_gone(material, facilitator):
    deletion = content.delete_file(facilitator, material, "/")
    material.event.delete()
    with pytest.raises(undo.UndoError, match="usunięte"):
        undo.restore(facilitator, deletion)
    assert Deletion.objects.filter(pk=deletion.pk).exists()
