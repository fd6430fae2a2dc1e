"""Writing the spreadsheets people download (XLSX, or CSV as Excel reads it), safe to open.

Every export goes through here, so that one pasted control character cannot break a file
and no text typed into Mosty opens as a live formula in somebody's spreadsheet:
- control characters are removed (XLSX cannot hold them at all; tab, new line and carriage
  return stay where the format allows them);
- XLSX: a text is always a text cell, even when it begins with "=" (openpyxl would otherwise
  store it as a formula);
- CSV: a text beginning with = + - @ tab or carriage return gets a leading apostrophe (the
  OWASP advice); `mosty.core.tables` removes it again on import, so "+48 600 100 200"
  survives a round trip.
"""
import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.http import HttpResponse
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

# What a spreadsheet may read as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# XLSX (XML 1.0) cannot hold these at all; \t \n \r are allowed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[:\\/?*\[\]\x00-\x1f\x7f]")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def download(content: bytes, file_name: str) -> HttpResponse:
    """A written spreadsheet as a file to save; its type follows the name's extension."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_name.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


def clean_text(text: str) -> str:
    """The text without control characters other than tab, new line and carriage return."""
    return _CONTROL.sub("", text)


def needs_quote(text: str) -> bool:
    """Would a spreadsheet read this CSV text as a formula (or is it an already quoted one)?"""
    return text.lstrip("'")[:1] in FORMULA_START


def csv_text(value: Any) -> Any:
    """A CSV cell: texts cleaned and, if they look like formulas, quoted; numbers unchanged."""
    if value is None:
        return ""
    if isinstance(value, Promise):
        value = str(value)
    if not isinstance(value, str):
        return value
    text = clean_text(value)
    return "'" + text if needs_quote(text) else text


def write_csv(rows: Iterable[Sequence[Any]], delimiter: str = ";") -> bytes:
    """UTF-8 with a BOM (Excel then opens Polish letters intact), semicolons by default."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in rows:
        writer.writerow([csv_text(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _as_text_cell(cell: Cell) -> Cell:
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"
        cell.quotePrefix = True  # Excel keeps it text when somebody edits the cell
    return cell


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, Promise):
        value = str(value)
    return clean_text(value) if isinstance(value, str) else value


def xlsx_cell(sheet: Worksheet, value: Any) -> Any:
    """A value for `Worksheet.append`: a text becomes a text cell, never a formula."""
    value = _xlsx_value(value)
    if not isinstance(value, str):
        return value
    return _as_text_cell(Cell(sheet, value=value))


def write_cell(sheet: Worksheet, row: int, column: int, value: Any) -> Cell:
    """`sheet.cell(row, column, value)` for a value that may hold anything people typed."""
    return _as_text_cell(sheet.cell(row=row, column=column, value=_xlsx_value(value)))


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """`sheet.append` for values that may hold anything people typed."""
    sheet.append([xlsx_cell(sheet, value) for value in values])


def append_rows(sheet: Worksheet, rows: Iterable[Iterable[Any]]) -> None:
    for row in rows:
        append_row(sheet, row)


def sheet_title(text: str, fallback: str) -> str:
    """A valid sheet name: at most 31 characters, none of : \\ / ? * [ ] or control ones."""
    return _SHEET_TITLE_FORBIDDEN.sub("", text)[:31].strip() or fallback


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows: Iterable[Iterable[Any]], title: str, fallback: str = "Sheet") -> bytes:
    """A one-sheet workbook of `rows` written as they come (openpyxl's write-only mode: the
    memory stays flat and it is several times faster for 100,000 rows)."""
    workbook = Workbook(write_only=True)
    sheet: Any = workbook.create_sheet(sheet_title(title, fallback))
    for row in rows:
        sheet.append(_write_only_row(sheet, row))
    return workbook_bytes(workbook)


def _write_only_row(sheet: Any, values: Iterable[Any]) -> list[Any]:
    """Plain values, except a text that looks like a formula: a text cell. openpyxl's
    write-only sheet then reuses that cell object for the values after it, so those become
    cells of their own too (or they would inherit its quote prefix)."""
    row: list[Any] = []
    own_cells = False
    for value in values:
        value = _xlsx_value(value)
        own_cells = own_cells or (isinstance(value, str) and value.startswith("="))
        row.append(_as_text_cell(WriteOnlyCell(sheet, value=value))
                   if own_cells and value is not None else value)
    return row
