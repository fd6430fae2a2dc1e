"""The map's figures speak correct Polish for every count (1 / 2-4 / 5+, and 22 like 2)."""
import re
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import translation


def figures(count: int) -> str:
    measures = SimpleNamespace(n_nodes=count, n_links=count, isolated=[0] * count,
                               components=count)
    with translation.override("pl"):
        html = render_to_string("matching/_measures.html", {"m": measures, "which": "now"})
    return re.sub(r"<[^>]+>", "", re.sub(r"\s+", " ", html)).strip()


@pytest.mark.parametrize(("count", "expected"), [
    (1, ["1 organizacja", "1 powiązana para", "1 bez żadnej relacji", "1 odrębne skupisko"]),
    (2, ["2 organizacje", "2 powiązane pary", "2 bez żadnej relacji", "2 odrębne skupiska"]),
    (5, ["5 organizacji", "5 powiązanych par", "5 bez żadnej relacji", "5 odrębnych skupisk"]),
    (22, ["22 organizacje", "22 powiązane pary", "22 bez żadnej relacji",
          "22 odrębne skupiska"]),
])
def test_map_figures_in_polish(count, expected):
    text = figures(count)
    for phrase in expected:
        assert phrase in text, (phrase, text)


def test_map_figures_keep_their_test_ids():
    with translation.override("pl"):
        html = render_to_string("matching/_measures.html", {
            "m": SimpleNamespace(n_nodes=7, n_links=9, isolated=[], components=1),
            "which": "now"})
    assert '<strong data-testid="n-nodes">7</strong> organizacji' in html
    assert '<strong data-testid="n-links">9</strong> powiązanych par' in html
