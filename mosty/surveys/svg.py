"""Small server-rendered SVG charts: horizontal bars and grouped bars, no library needed.

Each chart is a picture with a title; the page shows the same numbers in a table beside it
for screen readers (the SVG itself is aria-hidden).
"""
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


def qr_svg(url: str) -> SafeString:
    """The QR code of `url` as inline SVG (segno, pure Python)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=6, border=2, xmldecl=False)
    return mark_safe(buffer.getvalue().decode())
