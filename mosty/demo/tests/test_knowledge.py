"""The demo's knowledge base: the seed 002 glossary, seeds 001–003 practices, the brochure."""
import pytest

from mosty.demo import content
from mosty.demo.builders.knowledge import load_knowledge_demo
from mosty.knowledge.models import GlossaryTerm, GoodPractice, Publication

pytestmark = pytest.mark.django_db


def test_loading_twice_gives_the_glossary_practices_and_brochure_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    data = content.read("knowledge.yaml")
    load_knowledge_demo()
    load_knowledge_demo()
    assert GlossaryTerm.objects.count() == len(data["glossary"]) == 11
    assert set(GlossaryTerm.objects.values_list("term_en", flat=True)) >= {
        "cross-sector cooperation", "sector", "partnership", "leader", "public task"}
    assert GoodPractice.objects.count() == len(data["practices"]) == 4
    assert GoodPractice.objects.filter(municipality_id="2415031").exists()  # seed 001
    assert GoodPractice.objects.filter(who="Klub Myśli Społecznej Inicjatywy").count() == 2
    practice = GoodPractice.objects.get(municipality_id="2415031")
    assert practice.tags.startswith("warsztaty, zasoby")
    brochure = Publication.objects.get(kind="brochure")
    assert brochure.is_public
    assert brochure.title.startswith("Budowanie partnerstw lokalnych")
    pdf = brochure.files.get()
    assert pdf.file_type == "pdf"
    assert pdf.file.open("rb").read(5) == b"%PDF-"
