"""Writes data/porozumienie.docx, the default DOCX template of agreements (docxtpl tags).

Run after changing it: `python -m mosty.agreements.make_template`. The document uses Word's
own Heading 1/2 styles, so the rendered agreement has a real heading structure (navigation
pane, accessibility, table of contents). Organisers may start their own template from it.
"""
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

TARGET = Path(__file__).resolve().parent / "data" / "porozumienie.docx"


def build(target: Path = TARGET) -> Path:
    document = Document()
    document.core_properties.title = "Porozumienie o współpracy"
    document.core_properties.language = "pl-PL"
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    heading = document.add_heading("{{ heading }}", level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = document.add_paragraph("{{ title }}")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("{{ made }}")
    document.add_paragraph("{%p for party in parties %}")
    document.add_paragraph("{{ loop.index }}. {{ party.line }}")
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p for section in sections %}")
    document.add_heading("{{ section.heading }}", level=2)
    document.add_paragraph("{{ section.body }}")
    document.add_paragraph("{%p endfor %}")
    document.add_heading("{{ signatures }}", level=2)
    document.add_paragraph("{%p for party in parties %}")
    document.add_paragraph("\n\n........................................\n{{ party.name }}\n"
                           "{{ party.representative }} {{ party.function }}")
    document.add_paragraph("{%p endfor %}")
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


if __name__ == "__main__":
    print(build())
