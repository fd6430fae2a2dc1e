"""Importing a session's participants from a spreadsheet (XLSX or CSV). All or nothing.

Every row is checked first; with any problem nothing is saved and the coordinator gets a
list of (row, column, message). The headers are the Polish column names organisers use
(English ones are accepted too); their order does not matter.
"""
import unicodedata
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font

from mosty.core import table_writer
from mosty.core.tables import SpreadsheetError, formula_message, is_formula, read_table
from mosty.directory.choices import Sector
from mosty.directory.models import Organisation
from mosty.networking.models import NetworkingSession
from mosty.networking.services import ParticipantData

MAX_ROWS = 2000


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    aliases: tuple[str, ...]
    meaning: Any


COLUMNS = [
    Column("name", "imię i nazwisko", ("name", "full name", "uczestnik", "osoba"),
           gettext_lazy("full name (required)")),
    Column("organisation", "organizacja", ("organisation", "organization", "firma",
                                           "instytucja"),
           gettext_lazy("organisation; people of one organisation never share a table")),
    Column("sector", "sektor", ("sector",),
           gettext_lazy("sector, e.g. biznes, organizacja pozarządowa, instytucja publiczna")),
    Column("host", "gospodarz", ("host", "gospodarz/host", "gospodarz (host)"),
           gettext_lazy("tak/nie: a host stays at one table (hosts format only)")),
    Column("about", "o sobie", ("about", "about me", "opis"),
           gettext_lazy("one line shown to the people met (at most 200 characters)")),
    Column("email", "e-mail", ("email", "adres e-mail", "mail"), gettext_lazy("e-mail")),
    Column("phone", "telefon", ("phone", "tel", "tel."), gettext_lazy("phone")),
    Column("share_contact", "zgoda na udostępnienie kontaktu",
           ("zgoda", "consent", "share contact", "udostępnienie kontaktu"),
           gettext_lazy("tak/nie: e-mail and phone may be shown to mutual matches")),
    Column("absent_rounds", "nieobecny w rundach", ("absent rounds", "nieobecność"),
           gettext_lazy("optional: round numbers the person misses, e.g. 1, 2")),
]
HEADER_OF = {column.key: column.header for column in COLUMNS}
YES = {"tak", "t", "yes", "y", "1", "x", "true", "prawda"}
NO = {"", "nie", "n", "no", "0", "false", "falsz"}


def normalise(text: Any) -> str:
    """Lower case, no diacritics, single spaces: “Imię  i Nazwisko” -> “imie i nazwisko”."""
    text = str(text or "").replace("ł", "l").replace("Ł", "L")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("_", " ").split())


HEADERS = {normalise(alias): column.key for column in COLUMNS
           for alias in (column.header, column.key, *column.aliases)}


def _sector_lookup() -> dict[str, str]:
    lookup = {normalise(value): value for value in Sector.values}
    for value, label in Sector.choices:
        for language in ("pl", "en"):
            with translation.override(language):
                text = normalise(label)
            lookup[text] = value
            lookup.setdefault(text.split("(")[0].strip(), value)
    lookup.update({"biznes": Sector.BUSINESS, "firma": Sector.BUSINESS,
                   "przedsiebiorstwo": Sector.BUSINESS, "ngo": Sector.NGO,
                   "organizacja pozarzadowa": Sector.NGO, "jst": Sector.JST,
                   "samorzad": Sector.JST, "nauka": Sector.ACADEMIA,
                   "uczelnia": Sector.ACADEMIA})
    return lookup


@dataclass
class RowProblem:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    problems: list[RowProblem] = field(default_factory=list)
    rows: list[ParticipantData] = field(default_factory=list)
    created: int = 0
    # What to check when the file's encoding was guessed (mosty.core.tables), or "".
    warning: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def _rounds(text: str, rounds: int) -> list[int] | None:
    result: set[int] = set()
    for part in filter(None, text.replace(";", ",").replace(" ", "").split(",")):
        first, _sep, last = part.partition("-")
        if not first.isdigit() or (last and not last.isdigit()):
            return None
        start, end = int(first), int(last or first)
        if not 1 <= start <= end <= rounds:
            return None
        result.update(range(start, end + 1))
    return sorted(result)


class RowChecker:
    def __init__(self, session: NetworkingSession) -> None:
        self.session = session
        self.sectors = _sector_lookup()
        self.seen: dict[tuple[str, str], int] = {}
        self.existing = {(normalise(n), normalise(o)) for n, o in
                         session.participants.values_list("name", "organisation_name")}

    def check(self, number: int, cells: dict[str, str],
              problems: list[RowProblem]) -> ParticipantData | None:
        errors: list[RowProblem] = []

        def problem(column: str, message: str) -> None:
            errors.append(RowProblem(number, column, message))

        for key, raw in cells.items():
            if is_formula(raw):
                problem(HEADER_OF[key], formula_message())
        name = " ".join(cells.get("name", "").split())
        organisation = " ".join(cells.get("organisation", "").split())
        if not name:
            problem("imię i nazwisko", _("The name is required."))
        elif len(name) > 200:
            problem("imię i nazwisko", _("At most 200 characters."))
        sector_text = normalise(cells.get("sector", ""))
        sector = self.sectors.get(sector_text, "")
        if sector_text and not sector:
            allowed = ", ".join(str(label) for _v, label in Sector.choices)
            problem("sektor", _("Unknown sector “%(value)s”. Allowed: %(allowed)s.")
                    % {"value": cells.get("sector", ""), "allowed": allowed})
        elif not sector_text and self.session.cross_sector:
            problem("sektor", _("The sector is required: the session mixes sectors at tables."))
        flags: dict[str, bool] = {}
        for key, header in (("host", "gospodarz"),
                            ("share_contact", "zgoda na udostępnienie kontaktu")):
            value = normalise(cells.get(key, ""))
            if value not in YES | NO:
                problem(header, _("Write “tak” or “nie”, not “%(value)s”.")
                        % {"value": cells.get(key, "")})
            flags[key] = value in YES
        about = cells.get("about", "").strip()
        if len(about) > 200:
            problem("o sobie", _("At most 200 characters (now %(count)s).")
                    % {"count": len(about)})
        email = cells.get("email", "").strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                problem("e-mail", _("“%(value)s” is not an e-mail address.") % {"value": email})
        phone = cells.get("phone", "").strip()
        if len(phone) > 40:
            problem("telefon", _("At most 40 characters."))
        absent = _rounds(cells.get("absent_rounds", ""), self.session.rounds)
        if absent is None:
            problem("nieobecny w rundach", _("Write round numbers from 1 to %(max)s separated "
                                             "by commas, e.g. “1, 2”.")
                    % {"max": self.session.rounds})
        person = (normalise(name), normalise(organisation))
        if name and person in self.seen:
            problem("imię i nazwisko", _("The same person is already in row %(row)s.")
                    % {"row": self.seen[person]})
        elif name and person in self.existing:
            problem("imię i nazwisko", _("This person already takes part in the session."))
        self.seen.setdefault(person, number)
        problems.extend(errors)
        if errors:
            return None
        return {"name": name, "organisation_name": organisation, "sector": sector,
                "host": flags["host"], "about": about, "email": email, "phone": phone,
                "share_contact": flags["share_contact"], "absent_rounds": absent or []}


def check_file(session: NetworkingSession, upload: IO[bytes]) -> ImportResult:
    """Read and check every row; `result.rows` are ready to save when `result.ok`."""
    result = ImportResult()
    try:
        raw = read_table(upload.read())
    except SpreadsheetError as error:
        result.problems.append(RowProblem(1, "", str(error)))
        return result
    result.warning = raw.warning
    if not raw:
        result.problems.append(RowProblem(1, "", _("The file is empty.")))
        return result
    keys = [HEADERS.get(normalise(cell)) for cell in raw[0]]
    if "name" not in keys:
        result.problems.append(RowProblem(1, "", _(
            "The first row must hold the column headers, at least “imię i nazwisko”. "
            "Download the template to see them.")))
        return result
    body = [(n, row) for n, row in enumerate(raw[1:], start=2) if any(c.strip() for c in row)]
    if len(body) > MAX_ROWS:
        result.problems.append(RowProblem(1, "", _("At most %(max)s people in one file.")
                                          % {"max": MAX_ROWS}))
        return result
    checker = RowChecker(session)
    for number, row in body:
        cells = {key: row[i] if i < len(row) else "" for i, key in enumerate(keys) if key}
        values = checker.check(number, cells, result.problems)
        if values:
            result.rows.append(values)
    if not body:
        result.problems.append(RowProblem(2, "", _("The file has no rows with people.")))
    _link_organisations(result.rows)
    return result


def _link_organisations(rows: list[ParticipantData]) -> None:
    """An organisation named exactly as in the directory is linked to it."""
    wanted = {r["organisation_name"].lower() for r in rows if r["organisation_name"]}
    found = {o.lname: o for o in Organisation.objects.annotate(lname=Lower("name"))
             .filter(lname__in=wanted)}
    for row in rows:
        organisation = found.get(row["organisation_name"].lower())
        row["organisation"] = organisation
        if organisation and not row["sector"]:
            row["sector"] = organisation.sector


def template_xlsx() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "uczestnicy"
    table_writer.append_row(sheet, [c.header for c in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    table_writer.append_rows(sheet, [
        ["Zofia Wąsowicz-Łęcka", "Fundacja „Zielona Wilda”", "organizacja pozarządowa", "nie",
         "Szukamy firm do wspólnego sadzenia drzew na Wildzie.", "z.wasowicz@example.org",
         "600 100 200", "tak", ""],
        ["Michał Szymański", "Wartka IT sp. z o.o.", "biznes", "nie",
         "Wolontariat pracowniczy: 20 programistów, 2 dni w roku.", "", "", "nie", "1"]])
    for letter, width in zip("ABCDEFGHI", (26, 34, 24, 11, 50, 26, 15, 18, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    help_sheet = book.create_sheet("instrukcja")
    help_sheet.append(["kolumna", "znaczenie"])
    for column in COLUMNS:
        table_writer.append_row(help_sheet, [column.header, column.meaning])
    help_sheet.column_dimensions["A"].width = 34
    help_sheet.column_dimensions["B"].width = 80
    return table_writer.workbook_bytes(book)
