"""The one spreadsheet writer: no control character breaks a file, no text becomes a formula,
and what it quotes the reader unquotes."""
import csv
import io

from openpyxl import Workbook, load_workbook

from mosty.core import table_writer
from mosty.core.tables import read_table

TRAP = '=HYPERLINK("http://x","y")'


def test_xlsx_texts_stay_texts_and_lose_control_characters():
    book = Workbook()
    table_writer.append_row(book.active, [TRAP, "Word\x0bpaste", "+48 600 100 200", 7, None])
    sheet = load_workbook(io.BytesIO(table_writer.workbook_bytes(book))).active
    cells = sheet[1]
    assert (cells[0].value, cells[0].data_type) == (TRAP, "s")
    assert cells[1].value == "Wordpaste"
    assert cells[2].value == "+48 600 100 200"
    assert cells[3].value == 7


def test_csv_quotes_formula_starts_and_the_reader_unquotes_them():
    values = [TRAP, "+48 600 100 200", "-5 osób", "@kgw", "'=already quoted", "tab\x0bbed",
              "plain", "line\nbreak"]
    content = table_writer.write_csv([values])
    written = next(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert written[:5] == ["'" + TRAP, "'+48 600 100 200", "'-5 osób", "'@kgw",
                           "''=already quoted"]
    assert written[5:] == ["tabbed", "plain", "line\nbreak"]
    assert read_table(content) == [[TRAP, "+48 600 100 200", "-5 osób", "@kgw",
                                    "'=already quoted", "tabbed", "plain", "line\nbreak"]]


def test_sheet_titles_lose_forbidden_characters():
    assert table_writer.sheet_title("Nabór: 2024/25 [I]\x0b", "x") == "Nabór 202425 I"
    assert table_writer.sheet_title("???", "Applications") == "Applications"


def test_write_only_workbook_keeps_formula_texts_as_texts_and_nothing_else_quoted():
    data = table_writer.xlsx_bytes([["a", 1, "=SUM(1)", 2, None, "x\x07"], [3, "y"]], "Odp")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert sheet.title == "Odp"
    first = [(c.value, c.data_type, c.quotePrefix) for c in sheet[1]]
    assert first == [("a", "s", False), (1, "n", False), ("=SUM(1)", "s", True),
                     (2, "n", False), (None, "n", False), ("x", "s", False)]
    assert [c.value for c in sheet[2]][:2] == [3, "y"]
