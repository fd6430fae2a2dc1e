import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from mosty.directory.importer import import_directory
from mosty.directory.models import ContactPerson, Organisation, Resource
from mosty.directory.spreadsheet import COLUMN_KEYS, write_csv
from mosty.directory.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

GOOD_ROW = {
    "nazwa": "Stowarzyszenie Seniorów Śmigiel", "sektor": "organizacja pozarządowa",
    "rodzaj": "stowarzyszenie", "kod_teryt": "3011053", "www": "seniorzy.example.org",
    "nip": "526-000-12-46", "kontakt_osoba": "Maria Nowak", "kontakt_email": "m.nowak@example.org",
    "zasoby": "ludzie i wolontariusze: 12 wolontariuszy | w weekendy | bezpłatnie\n"
              "przestrzeń i sale: świetlica na 30 osób",
    "potrzeby": "transport: bus na wycieczki",
}


def xlsx(rows: list[dict[str, str]], headers: list[str] = COLUMN_KEYS) -> io.BytesIO:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append([row.get(key, "") for key in headers])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def csv_bytes(rows: list[dict[str, str]], encoding: str = "utf-8") -> io.BytesIO:
    lines = [";".join(COLUMN_KEYS)]
    for row in rows:
        lines.append(";".join('"' + row.get(k, "").replace('"', '""') + '"' for k in COLUMN_KEYS))
    return io.BytesIO("\r\n".join(lines).encode(encoding))


def test_xlsx_import_creates_organisations_with_resources_and_contacts():
    result = import_directory(None, xlsx([GOOD_ROW]))
    assert result.ok
    assert result.created == 1
    organisation = Organisation.objects.get(name="Stowarzyszenie Seniorów Śmigiel")
    assert organisation.municipality_id == "3011053"
    assert organisation.nip == "5260001246"
    assert organisation.website == "https://seniorzy.example.org"
    offers = organisation.resources.filter(kind="offer").order_by("category")
    assert [(r.category, r.description, r.conditions, r.cost) for r in offers] == [
        ("space", "świetlica na 30 osób", "", ""),
        ("volunteers", "12 wolontariuszy", "w weekendy", "free")]
    assert organisation.resources.get(kind="need").category == "transport"
    assert organisation.contacts.get().email == "m.nowak@example.org"
    assert "świetlica" in organisation.search_text


def test_polish_windows_csv_imports():
    result = import_directory(None, csv_bytes([GOOD_ROW], encoding="cp1250"))
    assert result.ok, result.problems
    assert Organisation.objects.filter(name="Stowarzyszenie Seniorów Śmigiel").exists()


def test_reimport_updates_by_nip_instead_of_duplicating():
    import_directory(None, xlsx([GOOD_ROW]))
    changed = {**GOOD_ROW, "nazwa": "Stowarzyszenie Seniorów Gminy Śmigiel",
               "potrzeby": "finansowanie: wkład własny do grantu"}
    result = import_directory(None, xlsx([changed]))
    assert (result.created, result.updated) == (0, 1)
    organisation = Organisation.objects.get()
    assert organisation.name == "Stowarzyszenie Seniorów Gminy Śmigiel"
    needs = organisation.resources.filter(kind="need").values_list("category", flat=True)
    assert list(needs) == ["funding"]
    assert ContactPerson.objects.count() == 1


def test_any_bad_row_saves_nothing_and_every_problem_is_named():
    rows = [GOOD_ROW,
            {**GOOD_ROW, "nazwa": "", "nip": ""},
            {**GOOD_ROW, "nazwa": "Fundacja B", "nip": "1234567890", "sektor": "kosmiczny"},
            {**GOOD_ROW, "nazwa": "Fundacja C", "nip": "", "kod_teryt": "9999999",
             "zasoby": "sala na 100 osób"},
            {**GOOD_ROW, "nazwa": "Fundacja D", "nip": "", "kod_teryt": "",
             "gmina": "Bolesławiec", "kontakt_email": "to-nie-email"}]
    result = import_directory(None, xlsx(rows))
    assert not result.ok
    found = {(p.row, p.column) for p in result.problems}
    assert found == {(3, "nazwa"), (4, "sektor"), (4, "nip"), (5, "kod_teryt"), (5, "zasoby"),
                     (6, "gmina"), (6, "kontakt_email")}
    messages = " ".join(p.message for p in result.problems)
    assert "Nieznany sektor „kosmiczny”" in messages
    assert "Kilka gmin nazywa się „Bolesławiec”" in messages
    assert Organisation.objects.count() == 0
    assert Resource.objects.count() == 0


def test_the_same_organisation_twice_in_a_file_is_reported():
    result = import_directory(None, xlsx([GOOD_ROW, {**GOOD_ROW, "nazwa": "Inna nazwa"}]))
    assert [(p.row, p.column) for p in result.problems] == [(3, "nip")]


def test_a_file_that_is_not_a_spreadsheet_is_refused_clearly():
    result = import_directory(None, io.BytesIO(b"%PDF-1.4\x00\x01binary"))
    assert not result.ok
    assert "ani arkuszem XLSX, ani plikiem CSV" in result.problems[0].message


def test_thousand_rows_with_three_bad_ones_then_fixed(client, coordinator):
    rows = [{"nazwa": f"Organizacja {i}", "sektor": "ngo", "rodzaj": "fundacja",
             "kod_teryt": "3064011", "zasoby": "sprzęt: nagłośnienie",
             "potrzeby": "promocja i media: plakaty"} for i in range(1000)]
    broken = [dict(row) for row in rows]
    broken[10]["sektor"] = "nieznany"
    broken[500]["kod_teryt"] = "123"
    broken[999]["nazwa"] = ""
    client.force_login(coordinator)
    upload = SimpleUploadedFile("organizacje.xlsx", xlsx(broken).getvalue())
    response = client.post(reverse("directory:import"), {"file": upload})
    result = response.context["result"]
    assert sorted(p.row for p in result.problems) == [12, 502, 1001]
    page = response.content.decode()
    assert "Nic nie zostało zaimportowane" in page
    assert Organisation.objects.count() == 0
    upload = SimpleUploadedFile("organizacje.xlsx", xlsx(rows).getvalue())
    response = client.post(reverse("directory:import"), {"file": upload})
    assert response.context["result"].created == 1000
    assert Organisation.objects.count() == 1000
    assert Resource.objects.count() == 2000


def test_export_reimports_to_the_same_directory(client, coordinator, organisation):
    OrganisationFactory(name="Fundacja Eksportowa", nip="5260001246")
    # The coordinator added both and nobody has joined them: they may update them.
    Organisation.objects.update(created_by=coordinator)
    client.force_login(coordinator)
    exported = client.get(reverse("directory:export")).content
    sheet = load_workbook(io.BytesIO(exported)).active
    assert [cell.value for cell in sheet[1]] == COLUMN_KEYS
    before = {(o.name, o.municipality_id, o.resources.count()) for o in Organisation.objects.all()}
    result = import_directory(coordinator, io.BytesIO(exported))
    assert result.ok, result.problems
    assert (result.created, result.updated) == (0, 2)
    after = {(o.name, o.municipality_id, o.resources.count()) for o in Organisation.objects.all()}
    assert after == before


def test_template_downloads_are_real_spreadsheets(client, db):
    workbook = load_workbook(io.BytesIO(client.get(reverse("directory:import_template")).content))
    assert [c.value for c in workbook["organizacje"][1]] == COLUMN_KEYS
    assert workbook["organizacje"].data_validations.dataValidation
    result = import_directory(None, io.BytesIO(
        client.get(reverse("directory:import_template") + "?format=csv").content))
    assert result.ok, result.problems


def test_columns_missing_from_the_file_keep_what_the_organisation_has():
    import_directory(None, xlsx([{**GOOD_ROW, "opis": "Opis, który zostaje", "adres": "ul. Polna 1",
                                  "email": "biuro@example.org"}]))
    ContactPerson.objects.update(is_public=True)
    partial = ["nazwa", "sektor", "rodzaj", "nip", "potrzeby", "kontakt_osoba"]
    result = import_directory(None, xlsx([{**GOOD_ROW, "potrzeby": "finansowanie: wkład własny"}],
                                         headers=partial))
    assert (result.ok, result.updated) == (True, 1)
    organisation = Organisation.objects.get()
    assert (organisation.description, organisation.address, organisation.email,
            organisation.municipality_id, organisation.website) == (
        "Opis, który zostaje", "ul. Polna 1", "biuro@example.org", "3011053",
        "https://seniorzy.example.org")
    assert list(organisation.resources.filter(kind="need").values_list("category", flat=True)) \
        == ["funding"]
    assert organisation.contacts.get().is_public  # the public flag survives a re-import


TRAP = '=HYPERLINK("http://x","y")'


def test_exports_survive_control_characters_and_keep_formulas_as_text(client, db):
    OrganisationFactory(name=TRAP, description="Wklejone z Worda\x0bdruga linia",
                        address="ul. Polna\x0c 1", nip="5260001246")
    response = client.get(reverse("directory:export"))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    name, description = sheet.cell(2, COLUMN_KEYS.index("nazwa") + 1), \
        sheet.cell(2, COLUMN_KEYS.index("opis") + 1)
    assert (name.value, name.data_type) == (TRAP, "s")
    assert description.value == "Wklejone z Wordadruga linia"
    response = client.get(reverse("directory:export") + "?format=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0]["nazwa"] == "'" + TRAP
    assert rows[0]["adres"] == "ul. Polna 1"


def test_formulas_are_refused_row_by_row_and_nothing_is_saved():
    file = xlsx([GOOD_ROW, {**GOOD_ROW, "nazwa": TRAP, "nip": ""},
                 {**GOOD_ROW, "nazwa": "Inna", "nip": "", "opis": "=1+1"}])
    result = import_directory(None, file)
    assert not result.ok
    assert [(p.row, p.column) for p in result.problems] == [(3, "nazwa"), (4, "opis")]
    assert "formuł" in result.problems[0].message
    assert Organisation.objects.count() == 0
    csv_file = csv_bytes([{**GOOD_ROW, "telefon": TRAP}])
    result = import_directory(None, csv_file)
    assert [(p.row, p.column) for p in result.problems] == [(2, "telefon")]


def test_phone_numbers_survive_a_csv_export_and_import(client, coordinator):
    OrganisationFactory(name="Fundacja Telefoniczna", nip="5260001246", phone="+48 600 100 200",
                        created_by=coordinator)  # theirs: nobody has joined it
    client.force_login(coordinator)
    exported = client.get(reverse("directory:export") + "?format=csv").content
    assert "'+48 600 100 200" in exported.decode("utf-8-sig")
    result = import_directory(coordinator, io.BytesIO(exported))
    assert result.ok, result.problems
    assert result.updated == 1
    assert Organisation.objects.get().phone == "+48 600 100 200"


def test_a_coordinator_may_not_overwrite_an_organisation_they_do_not_keep(
        client, coordinator, member, organisation):
    client.force_login(coordinator)
    exported = client.get(reverse("directory:export")).content
    result = import_directory(coordinator, io.BytesIO(exported))
    assert not result.ok
    assert [(p.row, p.column) for p in result.problems] == [(2, "nazwa")]
    organisation.refresh_from_db()
    assert organisation.version == 1


def test_imported_organisations_are_kept_by_their_importer_until_members_join(
        coordinator, outsider):
    from mosty.directory import access

    upload = io.BytesIO(write_csv([["Fundacja Nowa", "organizacja pozarządowa", "fundacja",
                                    "3011053"] + [""] * (len(COLUMN_KEYS) - 4)]))
    assert import_directory(coordinator, upload).ok
    created = Organisation.objects.get(name="Fundacja Nowa")
    assert created.created_by == coordinator
    assert access.can_edit(coordinator, created)
    created.memberships.create(user=outsider)
    coordinator = type(coordinator).objects.get(pk=coordinator.pk)
    assert not access.can_edit(coordinator, created)


def bad_rows(count: int) -> list[dict[str, str]]:
    """Rows each with two problems: an unknown sector and an unknown TERYT code."""
    return [{"nazwa": f"Organizacja {i}", "sektor": "nieznany", "rodzaj": "fundacja",
             "kod_teryt": "123"} for i in range(count)]


def test_the_problem_report_is_bounded_per_column_and_counts_the_rest(client, coordinator):
    from mosty.directory.importer import PROBLEMS_SHOWN_PER_COLUMN

    client.force_login(coordinator)
    upload = SimpleUploadedFile("organizacje.csv", csv_bytes(bad_rows(600)).getvalue())
    response = client.post(reverse("directory:import"), {"file": upload})
    result = response.context["result"]
    assert result.problem_counts == {"sektor": 600, "kod_teryt": 600}
    assert len(result.problems) == 2 * PROBLEMS_SHOWN_PER_COLUMN
    assert result.problems_left_out == 1200 - 2 * PROBLEMS_SHOWN_PER_COLUMN
    page = response.content.decode()
    assert "W pliku jest 1200 problemów" in page
    assert (f"Lista pokazuje pierwsze {PROBLEMS_SHOWN_PER_COLUMN} problemów każdej kolumny; "
            f"{1200 - 2 * PROBLEMS_SHOWN_PER_COLUMN} kolejnych nie wymieniono") in page
    assert len(response.content) < 100_000
    assert Organisation.objects.count() == 0


def test_a_file_over_the_row_limit_is_refused_with_a_clear_message(monkeypatch):
    from mosty.directory import importer

    monkeypatch.setattr(importer, "MAX_IMPORT_ROWS", 50)
    rows = [dict(GOOD_ROW, nazwa=f"Organizacja {i}", nip="") for i in range(51)]
    for reader in (xlsx, csv_bytes):
        result = import_directory(None, reader(rows))
        assert not result.ok
        assert result.problem_total == 1
        assert "więcej niż 50 wierszy" in result.problems[0].message
    assert import_directory(None, xlsx(rows[:50])).created == 50


def test_a_big_file_is_imported_in_the_background_with_a_status_page(
        client, coordinator, outsider, monkeypatch, django_capture_on_commit_callbacks):
    from mosty.directory import views
    from mosty.directory.models import DirectoryImport

    monkeypatch.setattr(views, "IMPORT_IN_REQUEST_BYTES", 1000)
    client.force_login(coordinator)
    broken = SimpleUploadedFile("duzy.csv", csv_bytes(bad_rows(100)).getvalue())
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = client.post(reverse("directory:import"), {"file": broken})
    job = DirectoryImport.objects.get()
    assert response["Location"] == reverse("directory:import_status", args=[job.pk])
    waiting = client.get(response["Location"]).content.decode()
    assert 'data-state="queued"' in waiting
    assert 'http-equiv="refresh"' in waiting
    for callback in queued:
        callback()
    job.refresh_from_db()
    assert job.state == "done"
    assert not job.file  # the uploaded contacts are not kept
    report = client.get(response["Location"]).content.decode()
    assert 'data-testid="import-problems"' in report
    assert 'http-equiv="refresh"' not in report
    assert Organisation.objects.count() == 0  # all or nothing
    client.force_login(outsider)
    assert client.get(response["Location"]).status_code in (403, 404)
    client.force_login(coordinator)
    good = [dict(GOOD_ROW, nazwa=f"Organizacja {i}", nip="") for i in range(100)]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("directory:import"),
                               {"file": SimpleUploadedFile("dobry.csv",
                                                           csv_bytes(good).getvalue())})
    assert 'data-testid="import-done"' in client.get(response["Location"]).content.decode()
    assert Organisation.objects.count() == 100


def test_an_iso_8859_2_file_imports_right_and_the_page_says_how_it_was_read(client, coordinator):
    client.force_login(coordinator)
    row = dict(GOOD_ROW, nazwa="Koło Gospodyń Wiejskich „Źródło” w Śmiglu", nip="")
    row["nazwa"] = row["nazwa"].replace("„", "").replace("”", "")
    upload = SimpleUploadedFile("organizacje.csv", csv_bytes([row], "iso-8859-2").getvalue())
    response = client.post(reverse("directory:import"), {"file": upload})
    assert Organisation.objects.get().name == "Koło Gospodyń Wiejskich Źródło w Śmiglu"
    assert "ISO-8859-2" in response.content.decode()
    assert 'data-testid="import-warning"' in response.content.decode()


def test_a_utf16_file_imports_without_a_warning(client, coordinator):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("organizacje.csv", csv_bytes([GOOD_ROW], "utf-16").getvalue())
    response = client.post(reverse("directory:import"), {"file": upload})
    assert response.context["result"].created == 1
    assert 'data-testid="import-warning"' not in response.content.decode()
