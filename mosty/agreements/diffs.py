"""A readable diff of two texts: changed lines, and inside a changed line the changed words.

Plain Python (difflib): the versions page renders the result; no Django import.
"""
import difflib
from dataclasses import dataclass

from mosty.core.textdiff import word_diff


@dataclass(frozen=True)
class Segment:
    kind: str  # "same", "added", "removed"
    text: str


@dataclass(frozen=True)
class Line:
    kind: str  # "same", "added", "removed", "changed"
    segments: tuple[Segment, ...]


def _words(old: str, new: str) -> tuple[Segment, ...]:
    return tuple(Segment(kind, text) for kind, text in word_diff(old, new))


def diff(old: str, new: str) -> list[Line]:
    """Every line of the newer text with what was removed and added; a line replaced by
    one line is shown once, with its changed words marked."""
    a, b = old.splitlines(), new.splitlines()
    lines: list[Line] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            lines += [Line("same", (Segment("same", text),)) for text in a[i1:i2]]
        elif tag == "replace" and i2 - i1 == j2 - j1:
            lines += [Line("changed", _words(x, y))
                      for x, y in zip(a[i1:i2], b[j1:j2], strict=False)]
        else:
            lines += [Line("removed", (Segment("removed", text),)) for text in a[i1:i2]]
            lines += [Line("added", (Segment("added", text),)) for text in b[j1:j2]]
    return lines


def has_changes(lines: list[Line]) -> bool:
    return any(line.kind != "same" for line in lines)
