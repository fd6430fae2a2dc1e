"""PDF documents with Polish diacritics: fpdf2 with the DejaVu fonts shipped in mosty/core/fonts."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fpdf import FPDF

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"


def new_document(title: str, orientation: str = "portrait") -> FPDF:
    """An A4 document with the Unicode font registered as "DejaVu" (regular and bold)."""
    from fpdf import FPDF  # here: fpdf (with fontTools) takes 0.3 s to import, at every start
    pdf = FPDF(orientation="P" if orientation == "portrait" else "L", unit="mm", format="A4")
    pdf.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_title(title)
    pdf.set_creator("Mosty")
    pdf.set_font(FONT, size=11)
    pdf.set_auto_page_break(auto=True, margin=15)
    return pdf


def to_bytes(pdf: FPDF) -> bytes:
    return bytes(pdf.output())
