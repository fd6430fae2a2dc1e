"""The SVG charts: diverging bars put disagreement left of the centre, the radar puts each
area on its axis, and neither carries anything the Content-Security-Policy refuses."""
import re

import pytest
from django.urls import reverse

from mosty.core.tests.test_security_headers import INLINE
from mosty.surveys import services, svg
from mosty.surveys.tests.conftest import answer


def _rects(chart: str) -> list[tuple[float, float, str]]:
    return [(float(x), float(w), fill) for x, w, fill in re.findall(
        r'<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="18" fill="(#\w+)">', chart)]


def test_diverging_bars_split_the_neutral_point_across_the_centre():
    scale = ["zdecydowanie nie", "raczej nie", "ani tak, ani nie", "raczej tak", "tak"]
    chart = str(svg.diverging([("Pytanie", [1, 1, 2, 4, 2])], scale))
    centre = svg.LABEL_WIDTH + svg.DIVERGING_WIDTH / 2
    assert f'x1="{centre:.1f}"' in chart
    bars = _rects(chart)
    assert [fill for _x, _w, fill in bars] == svg.scale_colours(5)
    (x1, w1, _f1), (x2, w2, _f2), (x3, w3, _f3), (x4, _w4, _f4), _last = bars
    half = svg.DIVERGING_WIDTH / 2
    assert abs(w1 - half * 0.1) < 0.1
    assert abs(w3 - half * 0.2) < 0.1
    assert abs((x2 + w2) - x3) < 0.2
    assert x2 + w2 <= centre
    assert abs(x3 + w3 / 2 - centre) < 0.2                        # neutral split in half
    assert x4 >= centre - 0.1                                     # agreement right
    assert "style" not in chart
    assert "<script" not in chart


def test_even_scales_have_no_neutral_colour_and_empty_rows_draw_nothing():
    assert svg.NEUTRAL not in svg.scale_colours(4)
    assert len(svg.scale_colours(11)) == 11
    chart = str(svg.diverging([("Pusty", [0, 0, 0, 0])], ["1", "2", "3", "4"]))
    assert _rects(chart) == []


def test_radar_draws_one_polygon_per_series_and_wraps_long_area_names():
    chart = str(svg.radar(["Współtworzenie lokalnej polityki publicznej", "Zadania", "Warunki"],
                          [("Poznań 2019", [100, 50, None]), ("Ryga 2020", [0, 0, 0])]))
    polygons = re.findall(r'<polygon points="([^"]+)" fill="(#\w+)"', chart)
    assert [fill for _p, fill in polygons] == svg.COLOURS[:2]
    first = [tuple(map(float, p.split(","))) for p in polygons[0][0].split()]
    top, right, missing = first
    assert top[0] == missing[0]
    assert top[1] < missing[1]
    assert right[0] > top[0]
    assert all(f">{line}<" in chart for line in ("Współtworzenie lokalnej",
                                                 "polityki publicznej"))
    assert "style" not in chart
    assert "<script" not in chart


@pytest.mark.django_db
def test_pages_with_charts_pass_the_content_security_policy(client, survey, programme,
                                                            programme_coordinator):
    for _n in range(5):
        answer(survey)
    index_survey = services.create_index_survey(None, programme, "Poznań", 2020,
                                                anonymous=False)  # shown with no answers
    services.set_status(None, index_survey, "open")
    services.set_status(None, index_survey, "closed")
    client.force_login(programme_coordinator)
    for url in (reverse("surveys:results", args=[survey.slug]),
                reverse("surveys:results", args=[index_survey.slug]),
                reverse("surveys:compare") + f"?programme={programme.slug}"):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "unsafe-inline" not in policy
        html = response.content.decode()
        assert "<svg class=\"chart" in html
        assert [what for pattern, what in INLINE if pattern.search(html)] == [], url
