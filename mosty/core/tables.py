"""Reading the spreadsheets coordinators upload: XLSX, or CSV as Excel writes it.

`mosty.core.table_writer` writes them; what it quotes here is unquoted again.
"""
import codecs
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


def read_table(data: bytes, max_rows: int | None = None) -> "Table":
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


def _read_xlsx(data: bytes, max_rows: int | None = None) -> "Table":
    try:
        # Formulas are read as written ("=..."), not their cached results, so that the
        # importers can refuse them.
        workbook = load_workbook(io.BytesIO(data), read_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetError(_("This file cannot be read as an XLSX spreadsheet.")) from error
    sheet = workbook.worksheets[0]
    rows = Table([cell_text(value) for value in row]
                 for row in islice(sheet.iter_rows(values_only=True), max_rows))
    workbook.close()
    return rows


# Polish letters where Windows-1250 and ISO-8859-2 differ: ą ś ź Ą Ś Ź.
_POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
ENCODING_NAMES = {"cp1250": "Windows-1250", "iso-8859-2": "ISO-8859-2"}


class Table(list[list[str]]):
    """The rows read, and the encoding a CSV file turned out to have ("" for XLSX/UTF)."""

    guessed_encoding: str = ""

    @property
    def warning(self) -> str:
        """What the person should check when the encoding was guessed, or ""."""
        if not self.guessed_encoding:
            return ""
        return _("The file is not in UTF-8; Mosty read it as %(encoding)s. Check that the "
                 "Polish letters (ą, ś, ź…) came out right; if not, save the file as "
                 "“CSV UTF-8” and import it again.") % {
            "encoding": ENCODING_NAMES.get(self.guessed_encoding, self.guessed_encoding)}


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, guessed encoding): a BOM or UTF-8 say it for sure (""), otherwise the Polish
    one-byte encoding that yields more Polish letters, Windows-1250 on a tie."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding), ""
            except UnicodeDecodeError as error:
                raise SpreadsheetError(_("This file is neither an XLSX spreadsheet nor a CSV "
                                         "text file.")) from error
    head = data[:4096]
    if b"\x00" in head:
        # UTF-16 without a BOM: the high byte of most Latin characters is zero.
        for encoding, high_bytes in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
            if high_bytes.count(0) >= len(high_bytes) * 0.6:
                try:
                    return data.decode(encoding), ""
                except UnicodeDecodeError:
                    break
        raise SpreadsheetError(_("This file is neither an XLSX spreadsheet nor a CSV text file."))
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("cp1250", "iso-8859-2"):
        text = data.decode(encoding, errors="replace")
        controls = sum(1 for char in text if "\x80" <= char <= "\x9f" or char == "\ufffd")
        candidates.append((controls, -sum(1 for char in text if char in _POLISH), encoding, text))
    _controls, _letters, encoding, text = min(candidates)
    return text, encoding


def _read_csv(data: bytes, max_rows: int | None = None) -> Table:
    text, encoding = decode_text(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    table = Table([cell_text(cell) for cell in row] for row in islice(reader, max_rows))
    table.guessed_encoding = encoding
    return table
