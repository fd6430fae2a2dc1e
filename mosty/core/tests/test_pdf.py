import shutil
import subprocess

import pytest

from mosty.core.pdf import FONT, new_document, to_bytes


def test_pdf_keeps_polish_diacritics(tmp_path):
    pdf = new_document("Zażółć gęślą jaźń")
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.cell(text="Zażółć gęślą jaźń — Śmigiel, Łomża")
    path = tmp_path / "test.pdf"
    path.write_bytes(to_bytes(pdf))
    assert path.read_bytes().startswith(b"%PDF")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "Zażółć gęślą jaźń — Śmigiel, Łomża" in text
