"""Small server-rendered SVG charts: bars, grouped bars, diverging stacked bars (Likert
scales) and a radar (the index's areas), drawn here rather than by a chart library.

Each chart is a picture; the page shows the same numbers in a table beside it for screen
readers (the SVG itself is aria-hidden). Colours and sizes are SVG presentation attributes
(fill, stroke, font-size), never a style attribute, <style> or <script>: the pages' strict
Content-Security-Policy allows no inline styles or scripts (why not pygal: docs/surveys.md).
"""
import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

LABEL_WIDTH = 220
BAR_WIDTH = 260
ROW = 26
GROUP_BAR_WIDTH = 380
COLOURS = ["#1f5f8b", "#d9822b", "#3c8d5a", "#8e44ad", "#b03a2e", "#566573"]


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    text: str = ""  # what is written after the bar (e.g. "12 (40%)")


def _short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def _wrap(label: str, width: int, most: int) -> list[str]:
    """The label in lines of about `width` characters, at most `most` of them."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > most:
        lines = lines[:most - 1] + [_short(" ".join(lines[most - 1:]), width)]
    return lines


def bars(items: Sequence[Bar], maximum: float | None = None) -> SafeString:
    """Horizontal bars, one per item, scaled to `maximum` (the largest value by default)."""
    top = maximum or max([b.value or 0 for b in items] + [1])
    height = ROW * len(items) + 6
    width = LABEL_WIDTH + BAR_WIDTH + 90
    parts = [format_html('<svg class="chart" viewBox="0 0 {} {}" width="100%" role="img" '
                         'aria-hidden="true" preserveAspectRatio="xMinYMin meet">', width, height)]
    for n, bar in enumerate(items):
        y = n * ROW + 4
        length = 0 if bar.value is None else max(1.0, BAR_WIDTH * bar.value / top)
        parts.append(format_html(
            '<text x="{}" y="{}" text-anchor="end" font-size="12">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
            '<text x="{}" y="{}" font-size="12">{}</text>',
            LABEL_WIDTH - 6, y + 14, _short(bar.label), LABEL_WIDTH, y, f"{length:.1f}",
            ROW - 8, COLOURS[0], f"{LABEL_WIDTH + length + 4:.1f}", y + 14, bar.text))
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


def grouped(categories: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
            maximum: float = 100) -> SafeString:
    """One group of bars per category (e.g. area) under its name, one bar per series (e.g.
    city and year) in the colours of the legend."""
    heading = 20
    per_group = heading + ROW * len(series) + 10
    legend = 18 * len(series) + 8
    height = per_group * len(categories) + legend
    width = GROUP_BAR_WIDTH + 50
    parts = [format_html('<svg class="chart" viewBox="0 0 {} {}" width="100%" role="img" '
                         'aria-hidden="true" preserveAspectRatio="xMinYMin meet">', width, height)]
    for s, (name, _values) in enumerate(series):
        y = s * 18 + 4
        parts.append(format_html('<rect x="0" y="{}" width="12" height="12" fill="{}"></rect>'
                                 '<text x="18" y="{}" font-size="12">{}</text>',
                                 y, COLOURS[s % len(COLOURS)], y + 11, name))
    for c, category in enumerate(categories):
        top = legend + c * per_group
        parts.append(format_html('<text x="0" y="{}" font-size="13" font-weight="bold">{}</text>',
                                 top + 14, _short(category, 60)))
        for s, (_name, values) in enumerate(series):
            value = values[c]
            y = top + heading + s * ROW
            length = 0 if value is None else max(1.0, GROUP_BAR_WIDTH * value / maximum)
            shown = "—" if value is None else f"{value:.0f}"
            parts.append(format_html(
                '<rect x="0" y="{}" width="{}" height="{}" fill="{}"></rect>'
                '<text x="{}" y="{}" font-size="12">{}</text>',
                y, f"{length:.1f}", ROW - 8, COLOURS[s % len(COLOURS)],
                f"{length + 4:.1f}", y + 14, shown))
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


# Negative (orange-brown) to positive (blue) points, neutral grey: readable by the
# colour-blind, each at least 3:1 against white.
NEGATIVE = ["#8c3b0a", "#c25e12", "#d98e4a"]
POSITIVE = ["#7aa6c9", "#3c78a8", "#1f5f8b"]
NEUTRAL = "#8a8a8a"
DIVERGING_WIDTH = 360


def scale_colours(points: int) -> list[str]:
    """A colour per point of a scale: negative half, neutral middle (odd scales), positive."""
    half = points // 2
    extra = max(0, half - len(NEGATIVE))
    negative = ([NEGATIVE[0]] * extra + NEGATIVE)[len(NEGATIVE) + extra - half:]
    positive = (POSITIVE + [POSITIVE[-1]] * extra)[:half]
    return negative + ([NEUTRAL] if points % 2 else []) + positive


def diverging(rows: Sequence[tuple[str, Sequence[int]]], scale: Sequence[str]) -> SafeString:
    """One stacked bar per row (a Likert question or a matrix item) of the counts of each
    point of `scale`: the disagreeing points left of the centre line, the agreeing ones
    right of it, the neutral middle point (odd scales) split half on each side. Lengths are
    shares of the row's answers, so rows of different sizes compare."""
    points = len(scale)
    colours = scale_colours(points)
    half = points // 2
    label_width = LABEL_WIDTH if any(label for label, _counts in rows) else 8
    centre = label_width + DIVERGING_WIDTH / 2
    top = points * 18 + 8
    height = top + ROW * len(rows) + 6
    width = label_width + DIVERGING_WIDTH + 10
    parts = [format_html('<svg class="chart" viewBox="0 0 {} {}" width="100%" role="img" '
                         'aria-hidden="true" preserveAspectRatio="xMinYMin meet">', width, height)]
    for n, name in enumerate(scale):
        x, y = 0, n * 18 + 4
        parts.append(format_html('<rect x="{}" y="{}" width="12" height="12" fill="{}"></rect>'
                                 '<text x="{}" y="{}" font-size="12">{}</text>',
                                 x, y, colours[n], x + 16, y + 11, _short(name, 50)))
    scaled = DIVERGING_WIDTH / 2
    for r, (label, counts) in enumerate(rows):
        y = top + r * ROW
        total = sum(counts) or 1
        shares = [c / total for c in counts]
        middle = shares[half] / 2 if points % 2 else 0.0
        left = centre - scaled * (sum(shares[:half]) + middle)
        if label:
            parts.append(format_html('<text x="{}" y="{}" text-anchor="end" font-size="12">{}'
                                     '</text>', label_width - 6, y + 14, _short(label)))
        for point, share in enumerate(shares):
            length = scaled * share
            if length > 0:
                parts.append(format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>',
                    f"{left:.1f}", y, f"{length:.1f}", ROW - 8, colours[point]))
                if length >= 26:
                    parts.append(format_html(
                        '<text x="{}" y="{}" text-anchor="middle" font-size="11" fill="{}">'
                        '{}</text>', f"{left + length / 2:.1f}", y + 13,
                        "#000000" if colours[point] in (NEUTRAL, NEGATIVE[2], POSITIVE[0])
                        else "#ffffff", f"{100 * share:.0f}%"))
            left += length
    parts.append(format_html('<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#222222" '
                             'stroke-width="1"></line>', f"{centre:.1f}", top - 4, height - 2))
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


RADAR = 120  # radius of the 100 ring


def radar(axes: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
          maximum: float = 100) -> SafeString:
    """A radar (spider) chart: one axis per area from the centre (0) to the outer ring
    (`maximum`), one outlined polygon per series in the colours of the legend. A missing
    value is drawn at the centre and marked "—" in the table beside the chart."""
    legend = 18 * len(series) + 8
    margin = 155
    cx, cy = margin + RADAR, legend + 64 + RADAR
    parts: list[SafeString] = []
    for s, (name, _values) in enumerate(series):
        row = s * 18 + 4
        parts.append(format_html('<rect x="0" y="{}" width="12" height="12" fill="{}"></rect>'
                                 '<text x="18" y="{}" font-size="12">{}</text>',
                                 row, COLOURS[s % len(COLOURS)], row + 11, name))

    def point(axis: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * axis / len(axes)
        radius = RADAR * max(0.0, min(value, maximum)) / maximum
        return cx + radius * math.cos(angle), cy + radius * math.sin(angle)

    for ring in (25, 50, 75, 100):
        corners = " ".join(f"{x:.1f},{y:.1f}" for x, y in
                           (point(a, maximum * ring / 100) for a in range(len(axes))))
        parts.append(format_html('<polygon points="{}" fill="none" stroke="#c8c8c8" '
                                 'stroke-width="1"></polygon>', corners))
        x, y = point(0, maximum * ring / 100)
        parts.append(format_html('<text x="{}" y="{}" font-size="10" fill="#555555">{}</text>',
                                 f"{x + 4:.1f}", f"{y + 12:.1f}", f"{maximum * ring / 100:g}"))
    for a, name in enumerate(axes):
        x, y = point(a, maximum)
        lx, ly = point(a, maximum * 1.12)
        anchor = "middle" if abs(lx - cx) < 10 else ("start" if lx > cx else "end")
        parts.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" '
                                 'stroke="#c8c8c8" stroke-width="1"></line>',
                                 cx, cy, f"{x:.1f}", f"{y:.1f}"))
        lines = _wrap(name, 24, 3)
        ly = ly - 14 * (len(lines) - 1) - 2 if ly < cy - 10 else ly + 6
        for n, text in enumerate(lines):
            parts.append(format_html('<text x="{}" y="{}" text-anchor="{}" font-size="12">{}'
                                     '</text>', f"{lx:.1f}", f"{ly + n * 14:.1f}", anchor, text))
    for s, (_name, values) in enumerate(series):
        colour = COLOURS[s % len(COLOURS)]
        corners = " ".join(f"{x:.1f},{y:.1f}" for x, y in
                           (point(a, v or 0) for a, v in enumerate(values)))
        parts.append(format_html('<polygon points="{}" fill="{}" fill-opacity="0.12" '
                                 'stroke="{}" stroke-width="2"></polygon>',
                                 corners, colour, colour))
        for a, value in enumerate(values):
            if value is not None:
                x, y = point(a, value)
                parts.append(format_html('<circle cx="{}" cy="{}" r="3" fill="{}"></circle>',
                                         f"{x:.1f}", f"{y:.1f}", colour))
    bottom = max(point(a, maximum * 1.12)[1] for a in range(len(axes))) + 3 * 14 + 10
    parts.insert(0, format_html('<svg class="chart radar" viewBox="0 0 {} {}" width="100%" '
                                'role="img" aria-hidden="true" '
                                'preserveAspectRatio="xMinYMin meet">',
                                2 * (margin + RADAR), f"{max(bottom, cy + 20):.0f}"))
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(parts))


def qr_svg(url: str) -> SafeString:
    """The QR code of `url` as inline SVG (segno, pure Python)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=6, border=2, xmldecl=False)
    return mark_safe(buffer.getvalue().decode())
