"""Writes idea_summary.docx, the docxtpl template of an idea's project summary.

Run after changing it: `.venv/bin/python mosty/initiatives/docx/make_template.py`.
Headings use Word's real Heading styles; all words come from the context (translated), so
the template holds only layout and docxtpl tags.
"""
from pathlib import Path
from typing import Any

from docx import Document

OUT = Path(__file__).resolve().parent / "idea_summary.docx"


def _table(document: Any, headers: list[str], cells: list[str], loop: str,
           footer: list[str] | None = None) -> None:
    """A table: a bold header row, a row repeated for each item of `loop`, an optional
    footer row (docxtpl's {%tr %} tags sit in rows of their own, removed on rendering)."""
    table = document.add_table(rows=4 + (1 if footer else 0), cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=False):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    table.rows[1].cells[0].text = "{%tr for row in " + loop + " %}"
    for cell, text in zip(table.rows[2].cells, cells, strict=False):
        cell.text = text
    table.rows[3].cells[0].text = "{%tr endfor %}"
    if footer:
        for cell, text in zip(table.rows[4].cells, footer, strict=False):
            cell.text = text


def main() -> None:
    document = Document()
    document.add_heading("{{ title }}", level=0)
    document.add_paragraph("{{ summary }}")
    document.add_paragraph("{{ meta }}")
    document.add_heading("{{ h.team }}", level=1)
    _table(document, ["{{ h.organisation }}", "{{ h.sector }}", "{{ h.contribution }}"],
           ["{{ row.organisation }}", "{{ row.sector }}", "{{ row.contribution }}"],
           "partners")
    document.add_paragraph("{%p for s in sections %}")
    document.add_heading("{{ s.label }}", level=1)
    document.add_paragraph("{{ s.text }}")
    document.add_paragraph("{%p endfor %}")
    document.add_heading("{{ h.activities }}", level=1)
    _table(document, ["{{ h.activity }}", "{{ h.start }}", "{{ h.end }}", "{{ h.who }}"],
           ["{{ row.what }}", "{{ row.start }}", "{{ row.end }}", "{{ row.who }}"],
           "activities")
    document.add_heading("{{ h.budget }}", level=1)
    _table(document, ["{{ h.item }}", "{{ h.own_cash }}", "{{ h.own_in_kind }}",
                      "{{ h.requested }}"],
           ["{{ row.item }}", "{{ row.own_cash }}", "{{ row.own_in_kind }}",
            "{{ row.requested }}"],
           "budget", footer=["{{ h.total }}", "{{ totals.own_cash }}",
                             "{{ totals.own_in_kind }}", "{{ totals.requested }}"])
    document.add_paragraph("{{ h.grand_total }}")
    document.save(str(OUT))


if __name__ == "__main__":
    main()
