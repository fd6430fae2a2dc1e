"""Blank documents of a call: uploaded by its coordinators, checked by content, downloaded by
whoever sees the call, removed after a confirmation with an undo."""
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mosty.core import uploads
from mosty.core.models import Deletion
from mosty.directory.tests.factories import UserFactory
from mosty.recruitment.models import CallDocument
from mosty.recruitment.services.documents import add_document
from mosty.recruitment.tests.helpers import pdf_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def test_coordinator_adds_a_form_applicants_download_it(client, call, programme_coordinator,
                                                        applicant, media):
    client.force_login(programme_coordinator)
    url = reverse("recruitment:call_documents", args=[call.pk])
    assert client.get(url).status_code == 200
    blank = pdf_bytes("Formularz zgłoszeniowy")
    response = client.post(url, {"title": "Formularz do wypełnienia", "file": SimpleUploadedFile(
        "formularz.pdf", blank, content_type="application/pdf")})
    assert response.status_code == 302
    bad = client.post(url, {"file": SimpleUploadedFile("x.pdf", b"<html>nope</html>")})
    assert "file" in bad.context["form"].errors
    document = CallDocument.objects.get()
    assert (document.title, document.file_type) == ("Formularz do wypełnienia", "pdf")
    client.force_login(applicant)
    page = client.get(call.get_absolute_url()).content.decode()
    assert 'data-testid="call-documents"' in page
    assert document.get_absolute_url() in page
    response = client.get(document.get_absolute_url())
    assert b"".join(response.streaming_content) == blank
    assert "attachment" in response["Content-Disposition"]
    # Only the call's coordinators manage its documents.
    assert client.get(url).status_code == 403
    assert client.post(reverse("recruitment:call_document_delete",
                               args=[document.pk])).status_code == 403
    assert CallDocument.objects.exists()


def test_documents_of_a_hidden_call_are_not_found(client, call, media):
    document = add_document(None, call, uploads.Upload(io.BytesIO(pdf_bytes()), "a.pdf"))
    call.is_published = False
    call.save()
    client.force_login(UserFactory())
    assert client.get(document.get_absolute_url()).status_code == 404


def test_removing_a_document_asks_first_and_can_be_undone(client, call, programme_coordinator,
                                                         media):
    client.force_login(programme_coordinator)
    client.post(reverse("recruitment:call_documents", args=[call.pk]), {
        "file": SimpleUploadedFile("regulamin.pdf", pdf_bytes("Regulamin"))})
    document = CallDocument.objects.get()
    url = reverse("recruitment:call_document_delete", args=[document.pk])
    assert "Usunąć „regulamin.pdf”" in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert not CallDocument.objects.exists()
    assert 'data-testid="undo"' in page
    client.post(reverse("core:undo", args=[Deletion.objects.get().pk]))
    assert CallDocument.objects.get().pk == document.pk
