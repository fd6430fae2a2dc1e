"""Builds mosty/core/static/mosty/icons/sprite.svg from Lucide icons (ISC licence).

The sprite holds only the icons Mosty uses; templates show them with {% icon "name" %}.
To add one: `npm pack lucide-static` in a scratch folder, unpack it, add the name to ICONS
and run `python scripts/build_icons.py /path/to/package/icons`. Never loaded at run time.
"""

import re
import sys
from pathlib import Path

ICONS = [
    "arrow-left", "book-open", "building-2", "calendar", "chart-column", "chevron-down",
    "circle-alert", "circle-check", "clipboard-list", "clock", "contrast", "download",
    "external-link", "file-text", "folder-open", "handshake", "info", "languages",
    "lightbulb", "list-checks", "log-in", "log-out", "map-pin", "menu", "network", "pencil",
    "plus", "search", "settings", "triangle-alert", "user", "user-plus", "users", "x",
]
VERSION = "lucide-static 1.62.0"
OUT = Path(__file__).resolve().parent.parent / "mosty/core/static/mosty/icons/sprite.svg"


def symbol(name: str, source: str) -> str:
    body = re.search(r"<svg[^>]*>(.*)</svg>", source, re.S)
    if body is None:
        raise SystemExit(f"{name}: no <svg> element")
    shapes = " ".join(line.strip() for line in body.group(1).strip().splitlines())
    return f'<symbol id="{name}" viewBox="0 0 24 24">{shapes}</symbol>'


def main(folder: str) -> None:
    symbols = [symbol(name, (Path(folder) / f"{name}.svg").read_text()) for name in ICONS]
    OUT.write_text(
        f"<!-- Icons from {VERSION}, ISC licence: see LICENSE beside this file. -->\n"
        '<svg xmlns="http://www.w3.org/2000/svg" fill="none" stroke="currentColor"'
        ' stroke-width="2" stroke-linecap="round" stroke-linejoin="round">\n'
        + "\n".join(symbols) + "\n</svg>\n")
    print(f"{OUT}: {len(symbols)} icons")


if __name__ == "__main__":
    main(sys.argv[1])
