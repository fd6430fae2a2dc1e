"""Every uploaded file is checked here: its type recognised by its content, never by its name
or the browser's word, its size bounded, and the refusal worded the same in every app.

PDF, JPEG and PNG by their magic bytes (the `filetype` package); DOCX, XLSX, PPTX and the
OpenDocument ODT, ODS and ODP are zip archives, so the archive is opened and its table of
contents checked for the parts that make a real document (nothing is decompressed, so a zip
bomb costs nothing).

Apps call `check(handle, name, allowed, limit)` and raise their own error with its `problem`;
a checked file is stored under `stored_name(...)`.
"""
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import IO

import filetype
from django.template.defaultfilters import filesizeformat
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

HEAD_BYTES = 8192
# A complete PDF ends with %%EOF; some writers add a few bytes after it.
PDF_TAIL_BYTES = 2048

ZIP_PARTS = {
    "docx": {"[Content_Types].xml", "word/document.xml"},
    "xlsx": {"[Content_Types].xml", "xl/workbook.xml"},
    "pptx": {"[Content_Types].xml", "ppt/presentation.xml"},
}
# What people call each type, in messages and choices (recruitment.choices.FileType too).
TYPE_LABELS: dict[str, Promise] = {
    "pdf": gettext_lazy("PDF"),
    "docx": gettext_lazy("Word document (DOCX)"),
    "xlsx": gettext_lazy("Excel spreadsheet (XLSX)"),
    "pptx": gettext_lazy("PowerPoint presentation (PPTX)"),
    "odt": gettext_lazy("OpenDocument text (ODT)"),
    "ods": gettext_lazy("OpenDocument spreadsheet (ODS)"),
    "odp": gettext_lazy("OpenDocument presentation (ODP)"),
    "jpg": gettext_lazy("JPEG image"),
    "png": gettext_lazy("PNG image"),
}

ODF_MIMETYPES = {b"application/vnd.oasis.opendocument.text": "odt",
                 b"application/vnd.oasis.opendocument.spreadsheet": "ods",
                 b"application/vnd.oasis.opendocument.presentation": "odp"}


def _read_head_and_tail(handle: IO[bytes]) -> tuple[bytes, bytes]:
    handle.seek(0)
    head = handle.read(HEAD_BYTES)
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(max(0, size - PDF_TAIL_BYTES))
    tail = handle.read(PDF_TAIL_BYTES)
    handle.seek(0)
    return head, tail


def _zip_document_type(handle: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(handle) as archive:
            names = set(archive.namelist())
            # The "mimetype" entry is tiny in a real OpenDocument; read it only then.
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                odf = ODF_MIMETYPES.get(archive.read("mimetype").strip())
                if odf:
                    return odf
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    finally:
        handle.seek(0)
    for kind, parts in ZIP_PARTS.items():
        if parts <= names:
            return kind
    return None


def detect(handle: IO[bytes]) -> str | None:
    """"pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "jpg", "png", or None for anything
    else (or broken). Callers accept only the types they list."""
    head, tail = _read_head_and_tail(handle)
    if head.startswith(b"PK\x03\x04"):
        return _zip_document_type(handle)
    kind = filetype.guess(head)
    if kind is None:
        return None
    if kind.extension == "pdf":
        # A PDF cut short (an interrupted upload or copy) has no end-of-file marker.
        return "pdf" if b"%%EOF" in tail else None
    if kind.extension in ("jpg", "png"):
        return kind.extension
    return None


def stored_name(client_name: str | None, file_type: str) -> str:
    """The name a checked file is stored under: the client's name with the extension of the
    type its content showed, so that a PDF/HTML polyglot called "x.html" is kept as "x.pdf"
    and is never served as a page."""
    stem = PurePath(client_name or "").stem.strip()[:80] or "plik"
    return f"{stem}.{file_type}"


@dataclass(frozen=True)
class Upload:
    """A file to attach: any binary handle (an uploaded file, a ContentFile) and its name."""

    handle: IO[bytes] = field(repr=False)
    name: str
    title: str = ""


def measured_size(handle: IO[bytes]) -> int:
    """The handle's size in bytes, read by seeking (a ContentFile has no `size` to trust);
    the handle is left at its start."""
    handle.seek(0, 2)
    size = handle.tell()
    handle.seek(0)
    return size


def too_large(name: str, size: int, limit: int) -> str | None:
    """Why a file of `size` bytes is refused, or None when it fits under `limit`."""
    if size <= limit:
        return None
    return _("“%(name)s” is %(size)s; files of at most %(limit)s are accepted.") % {
        "name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)}


def wrong_type(name: str, found: str | None, allowed: Iterable[str]) -> str | None:
    """Why a file whose content is of type `found` is refused, or None when it is allowed."""
    allowed = list(allowed)
    if found is not None and found in allowed:
        return None
    what = TYPE_LABELS.get(found) if found else None
    return _("“%(name)s” is not one of the accepted kinds of file (%(allowed)s): its content "
             "is %(what)s, whatever its name says.") % {
        "name": name, "allowed": ", ".join(str(TYPE_LABELS[kind]) for kind in allowed),
        "what": what or _("not a document Mosty recognises")}


@dataclass(frozen=True)
class Checked:
    """What `check` found: the type by content ("" when none it knows), the size in bytes, and
    the refusal to show (None when the file may be stored)."""

    file_type: str
    size: int
    problem: str | None


def check(handle: IO[bytes], name: str | None, allowed: Iterable[str],
          limit: int | None = None) -> Checked:
    """Check an upload (any binary handle: an UploadedFile, a ContentFile) against the types
    `allowed` and the size `limit` in bytes (None: no limit); the handle is left at its start."""
    name = name or _("the file")
    size = measured_size(handle)
    problem = too_large(name, size, limit) if limit is not None else None
    found = None
    if problem is None:
        found = detect(handle)
        problem = wrong_type(name, found, allowed)
    return Checked(found or "", size, problem)
