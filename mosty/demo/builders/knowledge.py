"""The knowledge base of the demo, from ``data/knowledge.yaml``: the seed 002 glossary, good
practices of seeds 001–003 and the seed 003 brochure. Safe to run again: an existing term
(same Polish term) or item (same title) is kept as it is."""
from typing import Any

from django.core.files.base import ContentFile

from mosty.core.pdf import FONT, new_document, to_bytes
from mosty.demo import content
from mosty.knowledge import services
from mosty.knowledge.models import GlossaryTerm, GoodPractice, Publication


def publication_pdf(entry: dict[str, Any]) -> bytes:
    """The demo file of a publication: its heading and sections, in Polish fonts."""
    pdf = new_document(entry["title"])
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 8, entry["pdf_heading"], new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for section in entry["pdf_sections"]:
        pdf.set_font(FONT, "B", 12)
        pdf.multi_cell(0, 7, section["heading"], new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(FONT, "", 11)
        pdf.multi_cell(0, 6, section["text"], new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    return to_bytes(pdf)


def load_knowledge_demo() -> None:
    data = content.read("knowledge.yaml")
    existing = {term.lower() for term in GlossaryTerm.objects.filter(
        programme__isnull=True).values_list("term_pl", flat=True)}
    for term in data["glossary"]:
        if term["pl"].lower() not in existing:
            services.create_term(None, services.TermData(
                term_pl=term["pl"], term_en=term["en"], definition_pl=term["definition_pl"],
                definition_en=term["definition_en"], source=data["glossary_source"]))
    titles = set(GoodPractice.objects.values_list("title", flat=True))
    for practice in data["practices"]:
        if practice["title"] not in titles:
            fields: dict[str, Any] = {name: tuple(value) if isinstance(value, list) else value
                                      for name, value in practice.items()}
            services.create_practice(None, services.PracticeData(**fields))
    for entry in data["publications"]:
        if Publication.objects.filter(title=entry["title"]).exists():
            continue
        fields = {name: value for name, value in entry.items()
                  if name not in {"file", "file_title", "pdf_heading", "pdf_sections"}}
        pdf = ContentFile(publication_pdf(entry), name=entry["file"])
        services.create_publication(None, services.PublicationData(**fields), files=(
            services.Upload(pdf, entry["file"], entry["file_title"]),))
