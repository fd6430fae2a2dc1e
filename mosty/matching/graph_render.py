"""Drawing a relationship network as SVG (inline on the page, and exported) and as PNG.

Colour is never the only cue: every sector also has its own shape and a letter inside the
node, every relation kind its own line style (width, dashes), and both are explained in a
legend drawn inside the picture so that exported files stand alone. Colours are the
Okabe-Ito palette (distinguishable with colour-vision deficiencies); every node has a dark
outline (3:1 against the white background) and its letter meets 4.5:1 on its fill.
"""
from __future__ import annotations

import io
import math
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

from mosty.matching.graph import KIND_ORDER, SECTOR_ORDER, Network

FONT_DIR = Path(__file__).resolve().parents[1] / "core" / "fonts"

# sector -> (shape, fill, letter colour)
SECTOR_STYLE: dict[str, tuple[str, str, str]] = {
    "jst": ("square", "#0072B2", "#ffffff"),
    "public_institution": ("circle", "#E69F00", "#000000"),
    "ngo": ("triangle", "#009E73", "#000000"),
    "business": ("diamond", "#CC79A7", "#000000"),
    "academia": ("hexagon", "#56B4E9", "#000000"),
    "informal": ("pentagon", "#F0E442", "#000000"),
}
# kind -> (width, dash pattern or None, colour)
KIND_STYLE: dict[str, tuple[float, tuple[int, int] | None, str]] = {
    "agreement": (4.5, None, "#1b1f24"),
    "codesign": (3.0, (2, 4), "#1b1f24"),
    "cooperate": (2.0, None, "#4a5560"),
    "met": (2.0, (8, 5), "#4a5560"),
}
OUTLINE = "#1b1f24"
INK = "#1b1f24"
NODE_R = 14
WIDTH = 760
PLOT_HEIGHT = 440
MARGIN = 56
LEGEND_ROW = 24
LABEL_CHARS = 26


@dataclass(frozen=True)
class Labels:
    """Translated texts the picture needs (this module does not translate)."""

    title: str
    description: str
    empty: str
    sectors: dict[str, str]
    letters: dict[str, str]
    kinds: dict[str, str]


def legend_height() -> int:
    return LEGEND_ROW * 4 + 12


def height() -> int:
    return PLOT_HEIGHT + legend_height()


def shape_points(shape: str, cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """Polygon corners of a node shape (a circle has none)."""
    if shape == "square":
        s = 0.88 * r
        return [(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s), (cx - s, cy + s)]
    if shape == "diamond":
        s = 1.2 * r
        return [(cx, cy - s), (cx + s, cy), (cx, cy + s), (cx - s, cy)]
    corners, radius, start = {"triangle": (3, 1.3 * r, -90.0), "hexagon": (6, 1.08 * r, 0.0),
                              "pentagon": (5, 1.12 * r, -90.0)}[shape]
    return [(cx + radius * math.cos(math.radians(start + i * 360 / corners)),
             cy + radius * math.sin(math.radians(start + i * 360 / corners)))
            for i in range(corners)]


def place(layout: dict[int, tuple[float, float]]) -> dict[int, tuple[float, float]]:
    """Layout coordinates in [0, 1] to pixels of the plot area."""
    return {pk: (round(MARGIN + x * (WIDTH - 2 * MARGIN), 1),
                 round(MARGIN * 0.7 + y * (PLOT_HEIGHT - 1.7 * MARGIN), 1))
            for pk, (x, y) in layout.items()}


def short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1].rstrip() + "…"


def _legend_items(labels: Labels) -> list[tuple[str, str, float, float]]:
    """(what, key, x, y) of each legend entry: sectors in 3 columns, then relation kinds."""
    items: list[tuple[str, str, float, float]] = []
    for i, sector in enumerate(SECTOR_ORDER):
        items.append(("sector", sector, 16 + (i % 3) * 250,
                      PLOT_HEIGHT + 14 + (i // 3) * LEGEND_ROW))
    for i, kind in enumerate(KIND_ORDER):
        col, row = i % 2, i // 2
        items.append(("kind", kind, 16 + col * 375, PLOT_HEIGHT + 14 + (2 + row) * LEGEND_ROW))
    return items


# -- SVG ---------------------------------------------------------------------------------
def _svg_shape(sector: str, cx: float, cy: float, r: float) -> str:
    shape, fill, _ink = SECTOR_STYLE.get(sector, ("circle", "#ffffff", INK))
    if shape == "circle":
        return (f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r:.1f}" fill="{fill}" '
                f'stroke="{OUTLINE}" stroke-width="1.5"/>')
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in shape_points(shape, cx, cy, r))
    return f'<polygon points="{points}" fill="{fill}" stroke="{OUTLINE}" stroke-width="1.5"/>'


def _svg_letter(sector: str, letter: str, cx: float, cy: float, size: int) -> str:
    ink = SECTOR_STYLE.get(sector, ("", "", INK))[2]
    return (f'<text x="{cx:.1f}" y="{cy + size * 0.36:.1f}" text-anchor="middle" '
            f'font-size="{size}" font-weight="700" fill="{ink}" aria-hidden="true">'
            f"{escape(letter)}</text>")


def _svg_line(kind: str, x1: float, y1: float, x2: float, y2: float) -> str:
    width, dash, colour = KIND_STYLE.get(kind, (2.0, None, INK))
    dashes = f' stroke-dasharray="{dash[0]} {dash[1]}"' if dash else ""
    return (f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{width}"{dashes} stroke-linecap="round"')


def render_svg(network: Network, layout: dict[int, tuple[float, float]], labels: Labels,
               id_prefix: str = "map") -> str:
    """A standalone SVG document (also fit for inlining in HTML)."""
    w, h = WIDTH, height()
    pos = place(layout)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" '
           f'height="{h}" role="img" aria-labelledby="{id_prefix}-title {id_prefix}-desc" '
           f'class="network-map" font-family="DejaVu Sans, Arial, sans-serif" '
           f'data-nodes="{len(network.nodes)}" data-links="{network.graph.number_of_edges()}">',
           f'<title id="{id_prefix}-title">{escape(labels.title)}</title>',
           f'<desc id="{id_prefix}-desc">{escape(labels.description)}</desc>',
           f'<rect width="{w}" height="{h}" fill="#ffffff"/>']
    if not network.nodes:
        out.append(f'<text x="{w / 2}" y="{PLOT_HEIGHT / 2}" text-anchor="middle" '
                   f'font-size="16" fill="{INK}">{escape(labels.empty)}</text>')
    out.append('<g class="edges">')
    for a, b in sorted(network.graph.edges, key=lambda e: (min(e), max(e))):
        kinds = network.graph.edges[a, b]["kinds"]
        kind = network.strongest_kind(a, b)
        tip = f"{network.by_id[a].label} – {network.by_id[b].label}: " + ", ".join(
            labels.kinds.get(k, k) for k in sorted(set(kinds), key=KIND_ORDER.index))
        (x1, y1), (x2, y2) = pos[a], pos[b]
        out.append(_svg_line(kind, x1, y1, x2, y2)
                   + f' data-kind="{kind}"><title>{escape(tip)}</title></line>')
    out.append('</g><g class="nodes">')
    for node in network.nodes:
        cx, cy = pos[node.id]
        sector = labels.sectors.get(node.sector, node.sector)
        out.append(f'<g class="node" data-id="{node.id}" data-sector="{node.sector}">'
                   f'<title>{escape(node.label)} ({escape(sector)})</title>'
                   + _svg_shape(node.sector, cx, cy, NODE_R)
                   + _svg_letter(node.sector, labels.letters.get(node.sector, "?"), cx, cy, 13)
                   + f'<text x="{cx:.1f}" y="{cy + NODE_R + 14:.1f}" text-anchor="middle" '
                     f'font-size="11" fill="{INK}" stroke="#ffffff" stroke-width="3" '
                     f'paint-order="stroke">{escape(short(node.label))}</text></g>')
    out.append(f'</g><g class="legend"><line x1="0" y1="{PLOT_HEIGHT}" x2="{w}" '
               f'y2="{PLOT_HEIGHT}" stroke="#c9d2da"/>')
    for what, key, x, y in _legend_items(labels):
        if what == "sector":
            out.append(_svg_shape(key, x + 9, y, 8) + _svg_letter(key, labels.letters.get(key, "?"),
                                                                   x + 9, y, 9))
            text = labels.sectors.get(key, key)
        else:
            out.append(_svg_line(key, x, y, x + 34, y) + "/>")
            text = labels.kinds.get(key, key)
        out.append(f'<text x="{x + (24 if what == "sector" else 44)}" y="{y + 4}" '
                   f'font-size="12" fill="{INK}">{escape(text)}</text>')
    out.append("</g></svg>")
    return "\n".join(out)


# -- PNG ---------------------------------------------------------------------------------
def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:  # fonts missing from a trimmed install: still draw something legible
        return ImageFont.load_default(size)


def _dashed(draw: ImageDraw.ImageDraw, p0: tuple[float, float], p1: tuple[float, float],
            dash: tuple[int, int] | None, width: int, fill: str) -> None:
    if dash is None:
        draw.line([p0, p1], fill=fill, width=width)
        return
    length = math.dist(p0, p1)
    if length == 0:
        return
    on, off = dash[0] * width / 2 + 2, dash[1] * width / 2 + 2
    ux, uy = (p1[0] - p0[0]) / length, (p1[1] - p0[1]) / length
    t = 0.0
    while t < length:
        end = min(t + on, length)
        draw.line([(p0[0] + ux * t, p0[1] + uy * t), (p0[0] + ux * end, p0[1] + uy * end)],
                  fill=fill, width=width)
        t = end + off


def _png_node(draw: ImageDraw.ImageDraw, sector: str, letter: str, cx: float, cy: float,
              r: float, font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> None:
    shape, fill, ink = SECTOR_STYLE.get(sector, ("circle", "#ffffff", INK))
    if shape == "circle":
        draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill, outline=OUTLINE, width=3)
    else:
        draw.polygon(shape_points(shape, cx, cy, r), fill=fill, outline=OUTLINE, width=3)
    draw.text((cx, cy), letter, fill=ink, font=font, anchor="mm")


def render_png(network: Network, layout: dict[int, tuple[float, float]], labels: Labels,
               scale: int = 2) -> bytes:
    """The same picture as :func:`render_svg`, as PNG bytes (``scale`` x for sharpness)."""
    w, h = WIDTH * scale, height() * scale
    image = Image.new("RGB", (w, h), "#ffffff")
    draw = ImageDraw.Draw(image)
    letter_font, label_font = _font(13 * scale, bold=True), _font(11 * scale)
    legend_font, small_letter = _font(12 * scale), _font(9 * scale, bold=True)
    pos = {pk: (x * scale, y * scale) for pk, (x, y) in place(layout).items()}
    if not network.nodes:
        draw.text((w / 2, PLOT_HEIGHT * scale / 2), labels.empty, fill=INK,
                  font=_font(16 * scale), anchor="mm")
    for a, b in sorted(network.graph.edges, key=lambda e: (min(e), max(e))):
        width, dash, colour = KIND_STYLE.get(network.strongest_kind(a, b), (2.0, None, INK))
        _dashed(draw, pos[a], pos[b], dash, max(1, round(width * scale)), colour)
    for node in network.nodes:
        cx, cy = pos[node.id]
        _png_node(draw, node.sector, labels.letters.get(node.sector, "?"), cx, cy,
                  NODE_R * scale, letter_font)
        draw.text((cx, cy + (NODE_R + 10) * scale), short(node.label), fill=INK,
                  font=label_font, anchor="mm", stroke_width=2 * scale, stroke_fill="#ffffff")
    draw.line([(0, PLOT_HEIGHT * scale), (w, PLOT_HEIGHT * scale)], fill="#c9d2da", width=scale)
    for what, key, x, y in _legend_items(labels):
        x, y = x * scale, y * scale
        if what == "sector":
            _png_node(draw, key, labels.letters.get(key, "?"), x + 9 * scale, y, 8 * scale,
                      small_letter)
            text, tx = labels.sectors.get(key, key), x + 24 * scale
        else:
            width, dash, colour = KIND_STYLE[key]
            _dashed(draw, (x, y), (x + 34 * scale, y), dash, round(width * scale), colour)
            text, tx = labels.kinds.get(key, key), x + 44 * scale
        draw.text((tx, y), text, fill=INK, font=legend_font, anchor="lm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()

