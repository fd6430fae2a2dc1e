"""The programme, the consultation report and the implementation report as DOCX and PDF."""
import io
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document as read_docx

from mosty.agreements.models import Agreement, Party
from mosty.cooperation import documents, services
from mosty.cooperation.diffing import compare, word_diff
from mosty.cooperation.models import Decision, Element

pytestmark = pytest.mark.django_db


def docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in read_docx(io.BytesIO(content)).paragraphs)


def pdf_text(content: bytes, tmp_path: Path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_the_programme_reads_as_a_resolution_with_chapters_and_numbered_paragraphs(draft):
    built = documents.programme_document(draft)
    assert built.sections[0].title == "Rozdział 1. Cel główny i cele szczegółowe programu"
    assert built.sections[0].paragraphs[1] == "§ 2. Cele szczegółowe: dialog."
    assert built.sections[10].paragraphs == [
        "§ 12. Treść rozdziału Tryb powoływania i zasady działania komisji konkursowych do "
        "opiniowania ofert."]
    text = docx_text(documents.render_docx(built))
    assert "Rozdział 11. Tryb powoływania i zasady działania komisji konkursowych" in text
    assert "§ 1. Cel główny: partnerska współpraca." in text
    assert "Projekt (projekt w konsultacjach)" in text
    heading = next(p for p in read_docx(io.BytesIO(documents.render_docx(built))).paragraphs
                   if p.text.startswith("Rozdział 1."))
    assert heading.style.name == "Heading 1"


def test_the_consultation_report_lists_every_comment_and_answer(draft, comment, poznan_official,
                                                                tmp_path):
    services.answer_comment(poznan_official, comment, Decision.PARTLY, "Dopisano sale & kluby.")
    built = documents.consultation_document(draft)
    assert built.sections[0].title == "Uwaga nr 1"
    assert "Dotyczy: § 5 (Formy współpracy)" in built.sections[0].paragraphs
    pdf = pdf_text(documents.render_pdf(built), tmp_path)
    assert "Dopiszcie użyczanie sal." in pdf
    assert "uwzględniona częściowo" in pdf
    assert "Dopisano sale & kluby." in docx_text(documents.render_docx(built))


def test_the_implementation_report_adds_recorded_data_to_the_figures(draft, comment, ngo,
                                                                     programme_2019, tmp_path):
    report = services.save_report_figures(None, programme_2019, services.ReportFigures(
        open_competitions=12, grants_given=340, grants_amount=Decimal("41250000.50"),
        small_grants=85, small_grants_amount=Decimal("850000"), tasks_commissioned=352))
    draft.consultation_start = draft.consultation_start.replace(year=2019)
    draft.save()
    signed = Agreement.objects.create(title="Porozumienie", status="signed",
                                      signed_on=date(2019, 5, 6))
    Party.objects.create(agreement=signed, organisation=ngo)
    Agreement.objects.create(title="Szkic", status="draft").parties.create(organisation=ngo)
    built = documents.implementation_document(programme_2019, report)
    text = pdf_text(documents.render_pdf(built), tmp_path)
    assert "Udzielone dotacje: 340, na kwotę 41 250 000,50 zł." in text
    assert "Program nie został przyjęty." in text
    assert "liczba uwag: 1" in text  # 2020's draft was consulted in 2019
    assert "organizacje z terenu jednostki: 1." in text  # the signed agreement, not the draft
    assert "Zlecone zadania publiczne: 352" in docx_text(documents.render_docx(built))


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_libreoffice_opens_the_docx(draft, tmp_path):
    path = tmp_path / "program.docx"
    path.write_bytes(documents.render_docx(documents.programme_document(draft)))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=120)
    assert "Rozdział 5. Priorytetowe zadania publiczne" in pdf_text(
        (tmp_path / "program.pdf").read_bytes(), tmp_path)


def test_the_diff_shows_changed_added_and_removed_paragraphs():
    old = [{"key": "a", "element": "goals", "text": "Cel główny: współpraca."},
           {"key": "b", "element": "goals", "text": "Usunięty."},
           {"key": "c", "element": "funds", "text": "100 zł."}]
    new = [{"key": "a", "element": "goals", "text": "Cel główny: partnerska współpraca."},
           {"key": "c", "element": "funds", "text": "100 zł."},
           {"key": "d", "element": "funds", "text": "Nowy."}]
    rows = compare(old, new)
    assert [(r.key, r.state) for r in rows] == [("a", "changed"), ("b", "removed"),
                                                ("c", "same"), ("d", "added")]
    assert ("added", "partnerska ") in rows[0].segments
    assert word_diff("jeden dwa", "jeden trzy") == (("same", "jeden "), ("removed", "dwa"),
                                                    ("added", "trzy"))


def test_elements_are_the_eleven_of_the_act():
    assert len(Element.values) == 11
