"""The one reader of uploaded tables finds the encoding of a CSV file, or says it guessed."""
import codecs

import pytest

from mosty.core.tables import SpreadsheetError, read_table

TEXT = "nazwa;opis\r\nŚwietlica „Źródło”;Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ\r\n"
ROWS = [["nazwa", "opis"], ["Świetlica „Źródło”", "Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ"]]
PLAIN = "nazwa;opis\r\nŚwietlica Źródło;Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ\r\n"  # no „ ” in ISO


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"), codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"), codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
    TEXT.encode("utf-16-le"), TEXT.encode("utf-16-be")])
def test_utf_files_are_read_exactly_without_a_warning(data):
    table = read_table(data)
    assert table == ROWS
    assert table.warning == ""


@pytest.mark.parametrize(("encoding", "name"), [("cp1250", "Windows-1250"),
                                                ("iso-8859-2", "ISO-8859-2")])
def test_polish_one_byte_files_are_read_right_and_say_so(encoding, name):
    table = read_table(PLAIN.encode(encoding))
    assert table[1] == ["Świetlica Źródło", "Zażółć gęślą jaźń ĄĆĘŁŃÓŚŹŻ"]
    assert name in table.warning


def test_binary_files_are_still_refused():
    with pytest.raises(SpreadsheetError):
        read_table(b"%PDF-1.4\x00\x01binary stream \x00\x00\xff")
