"""Reading and writing the directory spreadsheet (XLSX or CSV), the format coordinators use.

The column headers are fixed Polish keys (documented in docs/import.md) so that a file made
in one UI language imports in the other; English header aliases are accepted too.
"""
from dataclasses import dataclass
from typing import IO, Any

from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from mosty.core import table_writer
from mosty.core.tables import SpreadsheetError, read_table


@dataclass(frozen=True)
class Column:
    key: str
    label: Any
    aliases: tuple[str, ...] = ()
    width: int = 18


COLUMNS = [
    Column("nazwa", _("name (required)"), ("name",), 40),
    Column("sektor", _("sector (required)"), ("sector",), 24),
    Column("rodzaj", _("kind (required)"), ("kind",), 28),
    Column("kod_teryt", _("TERYT code of the gmina (7 digits)"), ("teryt", "teryt_code"), 12),
    Column("gmina", _("gmina name, if no TERYT code"), ("municipality",), 20),
    Column("adres", _("address"), ("address",), 30),
    Column("www", _("website"), ("website",), 24),
    Column("email", _("e-mail"), ("e-mail",), 26),
    Column("telefon", _("phone"), ("phone",), 16),
    Column("opis", _("description"), ("description",), 40),
    Column("krs", "KRS", (), 12),
    Column("regon", "REGON", (), 14),
    Column("nip", "NIP", (), 13),
    Column("kontakt_osoba", _("contact person"), ("contact_name",), 22),
    Column("kontakt_stanowisko", _("contact person's position"), ("contact_position",), 18),
    Column("kontakt_email", _("contact person's e-mail"), ("contact_email",), 24),
    Column("kontakt_telefon", _("contact person's phone"), ("contact_phone",), 16),
    Column("zasoby",
           _("resources offered: one per line, 'category: description | conditions | cost'"),
           ("resources", "offers"), 50),
    Column("potrzeby", _("needs: one per line, 'category: description | details'"),
           ("needs",), 50),
]
COLUMN_KEYS = [column.key for column in COLUMNS]


def header_key(header: Any) -> str | None:
    text = str(header or "").strip().lower().replace(" ", "_")
    for column in COLUMNS:
        if text == column.key or text in column.aliases:
            return column.key
    return None


def read_rows(upload: IO[bytes], max_rows: int | None = None
              ) -> tuple[list[str | None], list[tuple[int, list[str]]], str]:
    """Return (column keys by position, [(spreadsheet row number, cell texts)], a warning
    about a guessed encoding or "").

    With `max_rows`, a file of more rows (below the header) is refused without reading on.
    """
    raw = read_table(upload.read(), None if max_rows is None else max_rows + 2)
    if not raw:
        raise SpreadsheetError(_("The file is empty."))
    if max_rows is not None and len(raw) > max_rows + 1:
        raise SpreadsheetError(_("The file has more than %(limit)s rows. Split it into files "
                                 "of at most %(limit)s organisations and import them one by "
                                 "one.") % {"limit": max_rows})
    keys = [header_key(cell) for cell in raw[0]]
    if "nazwa" not in keys:
        raise SpreadsheetError(_("The first row must hold the column headers (e.g. 'nazwa', "
                                 "'sektor', 'rodzaj'). Download the template to see them."))
    rows = [(number, row) for number, row in enumerate(raw[1:], start=2)
            if any(cell.strip() for cell in row)]
    return keys, rows, raw.warning


def write_xlsx(rows: list[list[str]], choices: dict[str, list[str]] | None = None) -> bytes:
    """A workbook with a header row, the rows, and drop-down lists for choice columns."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "organizacje"
    sheet.append(COLUMN_KEYS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = column.width
    table_writer.append_rows(sheet, rows)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    help_sheet = workbook.create_sheet("instrukcja")
    help_sheet.append(["kolumna", "znaczenie"])
    for column in COLUMNS:
        table_writer.append_row(help_sheet, [column.key, column.label])
    help_sheet.column_dimensions["A"].width = 20
    help_sheet.column_dimensions["B"].width = 90
    if choices:
        lists = workbook.create_sheet("slowniki")
        for col_index, (key, values) in enumerate(choices.items(), start=1):
            lists.cell(row=1, column=col_index, value=key)
            for row_index, value in enumerate(values, start=2):
                table_writer.write_cell(lists, row_index, col_index, value)
            letter = lists.cell(row=1, column=col_index).column_letter
            target = COLUMN_KEYS.index(key) + 1
            target_letter = sheet.cell(row=1, column=target).column_letter
            validation = DataValidation(
                type="list", formula1=f"slowniki!${letter}$2:${letter}${len(values) + 1}",
                allow_blank=True, showErrorMessage=False)
            validation.add(f"{target_letter}2:{target_letter}5000")
            sheet.add_data_validation(validation)
    return table_writer.workbook_bytes(workbook)


def write_csv(rows: list[list[str]]) -> bytes:
    return table_writer.write_csv([COLUMN_KEYS, *rows])
