"""Reading the spreadsheets coordinators upload: XLSX, or CSV as Excel writes it."""
import csv
import io
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook


class SpreadsheetError(Exception):
    """The file as a whole cannot be read (not a spreadsheet, no header row...)."""


def read_table(data: bytes) -> list[list[str]]:
    """Every row of the first sheet (or of the CSV) as stripped cell texts."""
    if data[:4] == b"PK\x03\x04":
        return _read_xlsx(data)
    return _read_csv(data)


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "tak" if value else "nie"  # a yes/no column typed as TRUE/FALSE in Excel
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # Excel stores numbers (NIP, REGON, phones) typed in as floats
    return str(value).strip()


def _read_xlsx(data: bytes) -> list[list[str]]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(_("This file cannot be read as an XLSX spreadsheet.")) from error
    sheet = workbook.worksheets[0]
    rows = [[cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def _read_csv(data: bytes) -> list[list[str]]:
    if b"\x00" in data[:4096]:
        raise SpreadsheetError(_("This file is neither an XLSX spreadsheet nor a CSV text file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1250", errors="replace")  # Excel's "CSV" on Polish Windows
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text),
                                                                 delimiter=delimiter)]
