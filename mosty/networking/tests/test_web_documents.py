"""Printed table cards and agendas (read back with pdftotext), the XLSX import."""
import io
import shutil
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from mosty.networking.importer import COLUMNS, check_file
from mosty.networking.tests.test_web_support import make_session, people_of, tablemates

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def quick_optimiser(settings):
    settings.NETWORKING_OPTIMISER_SECONDS = 0.2


def pdf_text(content: bytes, tmp_path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_table_cards_have_a_page_per_table_with_polish_names(client, coordinator, tmp_path):
    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    client.force_login(coordinator)
    response = client.get(reverse("networking:table_cards", args=[session.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    pages = text.split("\f")[:-1]
    assert len(pages) == 2
    for table, page in enumerate(pages, start=1):
        assert f"\n{table}\n" in "\n" + "\n".join(line.strip() for line in page.splitlines())
        sitting = {s.participant.name for s in session.seats.filter(table=table)
                   .select_related("participant")}
        for name in sitting:
            assert name in page
    assert "Zofia Wąsowicz" in text
    assert "Łukasz Żmuda" in text
    assert "Fundacja „Zielona Wilda”" in text
    assert "Bajgle Króla Jana, Poznań" in text


def test_personal_agenda_lists_rounds_tables_and_people(client, coordinator, tmp_path):
    session = make_session(people=8, rounds=3, publish=True, user=coordinator)
    person = people_of(session)[1]
    response = client.get(reverse("networking:agenda", args=[person.token]))
    text = pdf_text(response.content, tmp_path)
    assert person.name in text
    for number in range(1, 4):
        for mate in tablemates(session, person, number):
            assert mate.name in text
    assert person.get_absolute_url() in text.replace("\n", "")
    client.force_login(coordinator)
    everyone = pdf_text(client.get(reverse("networking:agendas", args=[session.pk])).content,
                        tmp_path)
    assert everyone.count("\f") == 8
    assert "Małgorzata Źrebiec" in everyone


def test_an_unpublished_agenda_is_not_given_out(client, coordinator):
    session = make_session(people=4, rounds=2, seat=True, user=coordinator)
    response = client.get(reverse("networking:agenda", args=[people_of(session)[0].token]))
    assert response.status_code == 302


GOOD = [["imię i nazwisko", "organizacja", "sektor", "gospodarz", "o sobie", "e-mail",
         "telefon", "zgoda na udostępnienie kontaktu"],
        ["Zofia Wąsowicz-Łęcka", "Fundacja „Zielona Wilda”", "organizacja pozarządowa", "nie",
         "Sadzimy drzewa", "z.w@example.org", "600 100 200", "tak"],
        ["Michał Szymański", "Wartka IT", "biznes", "", "Wolontariat", "", "", "nie"]]


def xlsx(rows: list[list[str]]) -> io.BytesIO:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_import_adds_everybody_from_a_good_file(client, coordinator):
    session = make_session(people=0, user=coordinator)
    client.force_login(coordinator)
    upload = SimpleUploadedFile("ludzie.xlsx", xlsx(GOOD).read())
    response = client.post(reverse("networking:import", args=[session.pk]), {"file": upload})
    assert response.status_code == 302
    zofia = session.participants.get(name="Zofia Wąsowicz-Łęcka")
    assert (zofia.sector, zofia.share_contact, zofia.email, zofia.consent_at is not None) == (
        "ngo", True, "z.w@example.org", True)
    assert session.participants.get(name="Michał Szymański").sector == "business"


def test_a_bad_file_imports_nobody_and_reports_every_row(client, coordinator):
    session = make_session(people=2, user=coordinator)
    existing = people_of(session)[0]
    rows = GOOD + [
        ["", "Firma", "biznes", "", "", "", "", ""],
        ["Jan Nowak", "Firma", "kosmos", "może", "", "to-nie-mail", "", "tak"],
        ["Zofia Wąsowicz-Łęcka", "Fundacja „Zielona Wilda”", "ngo", "", "", "", "", ""],
        [existing.name, existing.organisation_name, "biznes", "", "", "", "", ""],
        ["Ala Długa", "X", "ngo", "", "x" * 201, "", "", ""],
    ]
    client.force_login(coordinator)
    response = client.post(reverse("networking:import", args=[session.pk]),
                           {"file": SimpleUploadedFile("zle.xlsx", xlsx(rows).read())})
    assert response.status_code == 200
    problems = [(p.row, p.column) for p in response.context["result"].problems]
    assert problems == [(4, "imię i nazwisko"), (5, "sektor"), (5, "gospodarz"), (5, "e-mail"),
                        (6, "imię i nazwisko"), (7, "imię i nazwisko"), (8, "o sobie")]
    assert 'data-testid="import-report"' in response.content.decode()
    assert session.participants.count() == 2


def test_import_reads_csv_from_polish_excel_and_rejects_junk(coordinator):
    session = make_session(people=0, user=coordinator)
    text = "\r\n".join(";".join(row) for row in GOOD)
    result = check_file(session, io.BytesIO(text.encode("cp1250")))
    assert result.ok
    assert [r["name"] for r in result.rows] == ["Zofia Wąsowicz-Łęcka",
                                                              "Michał Szymański"]
    assert not check_file(session, io.BytesIO(b"\x00\x01binary")).ok
    assert not check_file(session, io.BytesIO(b"nazwa;sektor\nA;B")).ok


# Without „”, which ISO-8859-2 lacks; with ą, ś and ź, where it differs from Windows-1250.
PLAIN = [GOOD[0], ["Zofia Wąsowicz-Łęcka", "Fundacja Zielona Wilda", "ngo", "nie",
                   "Sadzimy drzewa na Śródce i Źródłach", "z.w@example.org", "", "tak"]]
GUESSED = ("Plik nie jest zapisany w UTF-8; Mosty odczytały go jako %s. Sprawdź, czy polskie "
           "litery (ą, ś, ź…) są poprawne; jeśli nie, zapisz plik jako „CSV UTF-8” i zaimportuj "
           "go ponownie.")


@pytest.mark.parametrize(("encoding", "name"), [("cp1250", "Windows-1250"),
                                                ("iso-8859-2", "ISO-8859-2")])
def test_a_guessed_encoding_is_reported_after_a_good_import(client, coordinator, encoding,
                                                            name):
    session = make_session(people=0, user=coordinator)
    text = "\r\n".join(";".join(row) for row in PLAIN)
    client.force_login(coordinator)
    response = client.post(reverse("networking:import", args=[session.pk]), {
        "file": SimpleUploadedFile("ludzie.csv", text.encode(encoding))}, follow=True)
    assert session.participants.filter(name="Zofia Wąsowicz-Łęcka").exists()
    assert [str(m) for m in response.context["messages"]][-1] == GUESSED % name


def test_a_guessed_encoding_is_reported_with_the_problems(client, coordinator):
    session = make_session(people=0, user=coordinator)
    rows = PLAIN + [["Jan Nowak", "Firma", "kosmos", "", "", "", "", ""]]
    client.force_login(coordinator)
    response = client.post(reverse("networking:import", args=[session.pk]), {
        "file": SimpleUploadedFile("ludzie.csv", "\r\n".join(
            ";".join(row) for row in rows).encode("iso-8859-2"))})
    page = response.content.decode()
    assert 'data-testid="import-warning"' in page
    assert GUESSED % "ISO-8859-2" in page
    assert not session.participants.exists()


@pytest.mark.parametrize("data", [
    "\r\n".join(";".join(row) for row in GOOD).encode("utf-8"),
    "\r\n".join(";".join(row) for row in GOOD).encode("utf-16"),
    xlsx(GOOD).read()])
def test_a_known_encoding_gives_no_warning(coordinator, data):
    session = make_session(people=0, user=coordinator)
    result = check_file(session, io.BytesIO(data))
    assert result.ok
    assert result.warning == ""


def test_the_template_has_the_columns_and_imports_cleanly(client, coordinator):
    content = client.get(reverse("networking:import_template")).content
    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[1]] == [c.header for c in COLUMNS]
    session = make_session(people=0, user=coordinator)
    assert check_file(session, io.BytesIO(content)).ok


def test_import_refuses_formulas_row_by_row_and_keeps_phones(coordinator):
    session = make_session(people=0, user=coordinator)
    rows = [GOOD[0], ["Jan Formuła", '=HYPERLINK("http://x","y")', "biznes"],
            ["Ewa Telefon", "Firma", "biznes", "", "", "", "'+48 600 100 200"]]
    text = "\r\n".join(";".join(row) for row in rows)
    result = check_file(session, io.BytesIO(text.encode()))
    assert [(p.row, p.column) for p in result.problems] == [(2, "organizacja")]
    rows.pop(1)
    result = check_file(session, io.BytesIO("\r\n".join(";".join(r) for r in rows).encode()))
    assert result.ok
    assert result.rows[0]["phone"] == "+48 600 100 200"
