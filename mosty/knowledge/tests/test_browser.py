"""The knowledge base in real headless Chromium: search, open a term, open a practice."""
import pytest

from mosty.core.tests.browser import screenshot
from mosty.directory.models import Territory
from mosty.directory.teryt import load_terc
from mosty.demo.builders.knowledge import load_knowledge_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_search_then_open_a_term_and_a_practice(page, settings, tmp_path):
    if not Territory.objects.exists():
        load_terc(Territory)
    settings.MEDIA_ROOT = tmp_path
    load_knowledge_demo()
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(page.base + "/knowledge/")
    page.get_by_label("Szukaj w słowniku, praktykach, publikacjach, programach, wydarzeniach "
                      "i organizacjach").fill("partnerstwa")
    with page.expect_navigation():
        page.get_by_role("button", name="Szukaj").click()
    assert page.get_by_role("heading", name="Słownik pojęć").is_visible()
    with page.expect_navigation():
        page.get_by_role("link", name="partnerstwo", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "partnerstwo"
    assert "Trwała i sformalizowana forma współpracy" in page.content()
    page.goto(page.base + "/knowledge/practices/?q=warsztatach")
    with page.expect_navigation():
        page.get_by_role("link", name="Warsztaty „Badanie przez ludzi”", exact=False).click()
    assert page.get_by_role("heading", name="Z kim").count() == 0  # a definition list term
    assert "Rydułtowy" in page.content()
    assert "32 42 22 446" in page.content()
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, "knowledge-practice")
    assert width <= 360
