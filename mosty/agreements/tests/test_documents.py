"""The agreement as DOCX (real headings, Polish intact), PDF, and through LibreOffice."""
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from mosty.agreements import services
from mosty.core import uploads
from mosty.agreements.documents import TEMPLATE, render_docx, render_pdf
from mosty.agreements.tests.conftest import complete
from mosty.agreements.make_template import build

pytestmark = pytest.mark.django_db
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def pdf_text(content: bytes, tmp_path: Path) -> str:
    assert content.startswith(b"%PDF")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "out.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_shipped_template_is_what_the_script_makes(tmp_path):
    made = build(tmp_path / "porozumienie.docx")
    headings = [p.style.name for p in Document(str(made)).paragraphs
                if p.style.name.startswith("Heading")]
    assert headings == [p.style.name for p in Document(str(TEMPLATE)).paragraphs
                        if p.style.name.startswith("Heading")]


def test_docx_has_headings_and_polish_text(agreement, mdk, mops):
    agreement = complete(agreement)
    document = Document(io.BytesIO(render_docx(agreement)))
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert headings[0] == ("Heading 1", "Porozumienie o współpracy")
    second = [text for style, text in headings if style == "Heading 2"]
    assert "§ 1. Cel współpracy" in second
    assert "§ 4. Wkład stron" in second
    text = "\n".join(p.text for p in document.paragraphs)
    assert mops.name in text
    assert "Ośrodek Pomocy Społecznej" in text
    assert "świetlica klubu seniora na 25 osób" in text
    assert "{{" not in text
    assert "{%" not in text


def test_pdf_contains_both_parties_and_their_contributions(agreement, mdk, mops, tmp_path):
    text = pdf_text(render_pdf(complete(agreement)), tmp_path)
    flat = " ".join(text.split())
    assert "Porozumienie o współpracy" in flat
    assert mdk.name in flat
    assert mops.name in flat
    assert "instruktorzy zajęć plastycznych, teatralnych i tanecznych" in flat
    assert "świetlica klubu seniora na 25 osób" in flat


def test_an_own_template_is_used_and_a_broken_one_refused(agreement, users):
    own = Document()
    own.add_heading("Umowa partnerska: {{ title }}", level=1)
    own.add_paragraph("{%p for party in parties %}")
    own.add_paragraph("Strona: {{ party.name }}")
    own.add_paragraph("{%p endfor %}")
    data = io.BytesIO()
    own.save(data)
    services.set_template(users["coordinator"], agreement,
                          SimpleUploadedFile("moj.docx", data.getvalue()))
    agreement.refresh_from_db()
    rendered = Document(io.BytesIO(render_docx(agreement)))
    assert rendered.paragraphs[0].text == f"Umowa partnerska: {agreement.title}"
    broken = Document()
    broken.add_paragraph("{% for x in %}")
    data = io.BytesIO()
    broken.save(data)
    with pytest.raises(services.AgreementError):
        services.set_template(users["coordinator"], agreement,
                              SimpleUploadedFile("zly.docx", data.getvalue()))
    with pytest.raises(services.AgreementError) as refused:
        services.set_template(users["coordinator"], agreement,
                              SimpleUploadedFile("udaje.docx", b"%PDF-1.4 not a docx"))
    assert str(refused.value) == uploads.wrong_type("udaje.docx", None, ("docx",))


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed "
                    "(apt-get install libreoffice-writer-nogui)")
def test_libreoffice_opens_the_docx_with_polish_text(agreement, mdk, mops, tmp_path):
    source = tmp_path / "porozumienie.docx"
    source.write_bytes(render_docx(complete(agreement)))
    subprocess.run([str(SOFFICE), "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    text = " ".join(pdf_text((tmp_path / "porozumienie.pdf").read_bytes(), tmp_path).split())
    assert "Porozumienie o współpracy" in text
    assert mops.name in text
    assert mdk.name in text
    assert "świetlica klubu seniora na 25 osób" in text
