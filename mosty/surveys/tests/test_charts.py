"""The SVG charts: diverging bars put disagreement left of the centre, the radar puts each
area on its axis, and neither carries anything the Content-Security-Policy refuses."""
import re

from mosty.surveys import svg


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
    assert abs(w1 - half * 0.1) < 0.1 and abs(w3 - half * 0.2) < 0.1
    assert abs((x2 + w2) - x3) < 0.2 and x2 + w2 <= centre       # disagreement left
    assert abs(x3 + w3 / 2 - centre) < 0.2                        # neutral split in half
    assert x4 >= centre - 0.1                                     # agreement right
    assert "style" not in chart and "<script" not in chart


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
    assert top[0] == missing[0] and top[1] < missing[1]           # 100 straight up
    assert right[0] > top[0]
    assert all(f">{line}<" in chart for line in ("Współtworzenie", "lokalnej polityki",
                                                 "publicznej"))
    assert "style" not in chart and "<script" not in chart
