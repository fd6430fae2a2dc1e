"""Attachments are stored under the extension of the type their content shows."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mosty.core.uploads import detect
from mosty.recruitment.tests.helpers import pdf_bytes


def polyglot_pdf() -> bytes:
    """A real PDF that a browser would also render as a page if it were served as HTML."""
    return pdf_bytes().replace(b"%PDF-1.3\n", b"%PDF-1.3\n%<html><script>alert(1)</script>\n", 1)


@pytest.mark.parametrize("name", ["deklaracja.html", "deklaracja.svg", "deklaracja", ".htaccess"])
@pytest.mark.django_db
def test_attachments_are_stored_with_the_extension_of_their_content(call, applicant,
                                                                     organisation, name):
    from mosty.recruitment.services.applications import (
        ApplicationInput, Upload, save_application)
    from mosty.recruitment.tests.helpers import answers, question

    upload = SimpleUploadedFile(name, polyglot_pdf(), content_type="text/html")
    assert detect(upload) == "pdf"
    data = ApplicationInput(organisation=organisation, answers=answers(call), uploads={
        question(call, "Signed declaration").pk: Upload(upload, "pdf")})
    stored = save_application(applicant, call, data, submit=False).files.get()
    assert stored.file.name.endswith(".pdf")
    assert stored.original_name == name


@pytest.mark.django_db
def test_knowledge_files_are_stored_with_the_extension_of_their_content(client, coordinator,
                                                                        settings, tmp_path):
    from django.urls import reverse

    from mosty.knowledge.models import Publication

    settings.MEDIA_ROOT = tmp_path
    client.force_login(coordinator)
    upload = SimpleUploadedFile("wnioski.html", polyglot_pdf())
    client.post(reverse("knowledge:create", args=["publications"]),
                {"title": "Wnioski", "kind": "conclusions", "new_file": upload})
    assert Publication.objects.get().files.get().file.name.endswith(".pdf")
