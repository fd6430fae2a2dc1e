"""Writes docx/document.docx, the docxtpl template every cooperation document is rendered
with (a title, preamble lines, then sections with a heading and paragraphs). Run it after
changing the layout: `.venv/bin/python -m mosty.cooperation.make_template`."""
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

TEMPLATE = Path(__file__).resolve().parent / "docx" / "document.docx"


def main() -> None:
    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    document.add_paragraph("{%p for line in preamble %}")
    document.add_paragraph("{{ line }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.add_paragraph("{%p endfor %}")
    document.add_heading("{{ title }}", level=0).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("{%p for line in intro %}")
    document.add_paragraph("{{ line }}").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p for section in sections %}")
    document.add_heading("{{ section.title }}", level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph("{%p for text in section.paragraphs %}")
    document.add_paragraph("{{ text }}").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    document.add_paragraph("{%p endfor %}")
    document.add_paragraph("{%p endfor %}")
    TEMPLATE.parent.mkdir(exist_ok=True)
    document.save(str(TEMPLATE))


if __name__ == "__main__":
    main()
