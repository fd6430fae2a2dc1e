"""Real files for upload tests: event files are judged by their content, not their name."""
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from mosty.core.pdf import FONT, new_document, to_bytes


def pdf_bytes(text: str = "Program warsztatu") -> bytes:
    pdf = new_document(text)
    pdf.add_page()
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(0, 6, text)
    return to_bytes(pdf)


def pdf_upload(name: str = "program.pdf", text: str = "Program warsztatu") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")


def pptx_bytes() -> bytes:
    """The table of contents of a presentation: what the type check looks at."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p:presentation/>")
    return buffer.getvalue()


def odp_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()
