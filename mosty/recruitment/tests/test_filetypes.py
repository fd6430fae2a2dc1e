"""File types are told by content: names and the browser's content type are not trusted."""
import base64
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from mosty.recruitment.filetypes import detect
from mosty.recruitment.tests.helpers import pdf_bytes

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
                       "hKmMIQAAAABJRU5ErkJggg==")
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 64


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def xlsx() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


DOCX = zipped({"[Content_Types].xml": b"<Types/>", "_rels/.rels": b"<Relationships/>",
               "word/document.xml": b"<w:document/>"})
ODT = zipped({"mimetype": b"application/vnd.oasis.opendocument.text",
              "content.xml": b"<office:document-content/>"})


@pytest.mark.parametrize(("content", "expected"), [
    (pdf_bytes(), "pdf"),
    (pdf_bytes()[:-200], None),                       # cut short: no %%EOF
    (b"This is text pretending to be a PDF.\n" * 10, None),
    (b"%PDF", None),                                  # a header and nothing else
    (DOCX, "docx"),
    (xlsx(), "xlsx"),
    (ODT, "odt"),
    (zipped({"notes.txt": b"hello"}), None),         # a zip, but no document inside
    (b"PK\x03\x04 broken zip", None),
    (PNG, "png"),
    (JPEG_HEAD, "jpg"),
    (b"", None),
    (b"MZ\x90\x00" + b"\x00" * 100, None),           # a Windows program
])
def test_detect_by_content(content, expected):
    assert detect(io.BytesIO(content)) == expected


def test_detect_leaves_the_file_at_its_start():
    handle = io.BytesIO(pdf_bytes())
    detect(handle)
    assert handle.tell() == 0


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
