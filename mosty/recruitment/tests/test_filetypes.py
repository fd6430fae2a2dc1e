"""File types are told by content: names and the browser's content type are not trusted."""
import base64
import io
import zipfile

import pytest
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
