"""Reading the spreadsheets coordinators upload: XLSX, or CSV as Excel writes it.

`mosty.core.table_writer` writes them; what it quotes here is unquoted again.
"""
import csv
import io
from itertools import islice
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.worksheet.formula import ArrayFormula

from mosty.core.table_writer import needs_quote


class SpreadsheetError(Exception):
    """The file as a whole cannot be read (not a spreadsheet, no header row...)."""


def read_table(data: bytes, max_rows: int | None = None) -> list[list[str]]:
    """Every row of the first sheet (or of the CSV) as stripped cell texts; with `max_rows`,
    reading stops after that many rows (the caller sees there were more)."""
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data, max_rows)
    return _read_csv(data, max_rows)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, ArrayFormula):
        value = value.text
    if isinstance(value, bool):
        return "tak" if value else "nie"  # a yes/no column typed as TRUE/FALSE in Excel
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores numbers (NIP, REGON, phones) typed in as floats
    return unquote(str(value)).strip()


def unquote(text: str) -> str:
    """Remove the apostrophe our CSV writer puts before a text a spreadsheet would read as a
    formula ("'+48 600 100 200" is a phone number again)."""
    stripped = text.strip()
    if stripped.startswith("'") and needs_quote(stripped[1:]):
        return stripped[1:]
    return text


def is_formula(text: str) -> bool:
    """A cell importers refuse: a formula (or a text that would become one when saved)."""
    return text.startswith("=")


def formula_message() -> str:
    return _("This cell holds a formula (it begins with “=”). Mosty does not import formulas: "
             "type the value itself.")


def _read_xlsx(data: bytes, max_rows: int | None = None) -> list[list[str]]:
    try:
        # Formulas are read as written ("=..."), not their cached results, so that the
        # importers can refuse them.
        workbook = load_workbook(io.BytesIO(data), read_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(_("This file cannot be read as an XLSX spreadsheet.")) from error
    sheet = workbook.worksheets[0]
    rows = [[cell_text(value) for value in row]
            for row in islice(sheet.iter_rows(values_only=True), max_rows)]
    workbook.close()
    return rows


def _read_csv(data: bytes, max_rows: int | None = None) -> list[list[str]]:
    if b"\x00" in data[:4096]:
        raise SpreadsheetError(_("This file is neither an XLSX spreadsheet nor a CSV text file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1250", errors="replace")  # Excel's "CSV" on Polish Windows
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [[cell_text(cell) for cell in row] for row in islice(reader, max_rows)]
