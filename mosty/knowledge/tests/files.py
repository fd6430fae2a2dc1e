"""Real files for upload tests: the upload checks look at the content, not the name."""
from mosty.core.pdf import FONT, new_document, to_bytes


def small_pdf() -> bytes:
    pdf = new_document("Wnioski")
    pdf.add_page()
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(0, 6, "Wnioski z warsztatu: współpraca się opłaca. " * 40)
    return to_bytes(pdf)
