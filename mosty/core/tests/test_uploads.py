"""File types are told by content: names and the browser's content type are not trusted."""
import base64
import io
import zipfile

import pytest
from django.utils import translation
from openpyxl import Workbook

from mosty.core import uploads
from mosty.core.uploads import detect
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


def test_a_refused_type_is_named_with_what_was_found_and_what_is_accepted():
    with translation.override("en"):
        assert uploads.wrong_type("slajdy.pdf", "pptx", ("pdf", "docx")) == (
            "“slajdy.pdf” is not one of the accepted kinds of file (PDF, Word document (DOCX)): "
            "its content is PowerPoint presentation (PPTX), whatever its name says.")
        assert uploads.wrong_type("x.pdf", None, ("pdf",)) == (
            "“x.pdf” is not one of the accepted kinds of file (PDF): its content is not a "
            "document Mosty recognises, whatever its name says.")
    assert uploads.wrong_type("x.pdf", "pdf", ("pdf",)) is None
    assert uploads.wrong_type("skan.png", "png", ("pdf", "jpg", "png")) is None


def test_every_detectable_type_has_a_polish_label():
    with translation.override("pl"):
        labels = {kind: str(label) for kind, label in uploads.TYPE_LABELS.items()}
    assert labels["pptx"] == "prezentacja PowerPoint (PPTX)"
    assert labels["ods"] == "arkusz OpenDocument (ODS)"
    assert labels["odp"] == "prezentacja OpenDocument (ODP)"
    assert labels["docx"] == "dokument Word (DOCX)"


def test_check_measures_bounds_and_recognises():
    pdf = pdf_bytes()
    fine = uploads.check(io.BytesIO(pdf), "a.pdf", ("pdf",), len(pdf))
    assert fine == uploads.Checked("pdf", len(pdf), None)
    big = uploads.check(io.BytesIO(pdf), "a.pdf", ("pdf",), len(pdf) - 1)
    assert big.problem == uploads.too_large("a.pdf", len(pdf), len(pdf) - 1)
    assert big.size == len(pdf)
    wrong = uploads.check(io.BytesIO(DOCX), "a.pdf", ("pdf",))
    assert wrong.problem == uploads.wrong_type("a.pdf", "docx", ("pdf",))
    assert wrong.file_type == "docx"
    handle = io.BytesIO(pdf)
    uploads.check(handle, "a.pdf", ("pdf",))
    assert handle.tell() == 0

