"""An application as a PDF, with Polish text intact."""
import shutil
import subprocess

import pytest

from mosty.recruitment.documents import application_pdf
from mosty.recruitment.tests.helpers import submit

pytestmark = pytest.mark.django_db


def test_the_pdf_holds_the_answers(call, applicant, organisation, tmp_path):
    application = submit(call, applicant, organisation)
    content = application_pdf(application)
    assert content.startswith(b"%PDF")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "application.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    for expected in ("Nabór 2019", "Miejska Biblioteka Publiczna w Śmiglu",
                     "We want to work with the OPS.", "deklaracja.pdf", "8 March"):
        assert expected in text
