"""Word by word difference of two texts, for the version pages (plain Python, difflib).

Whitespace runs are words of their own, so joining the segments gives back either text.
"""
import difflib
import re

WORDS = re.compile(r"\s+|[^\s]+")

Segment = tuple[str, str]  # ("same" | "added" | "removed", text)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """The words of both texts in order: kept ones "same", the old side of a change
    "removed" before its new side "added"."""
    before, after = WORDS.findall(old), WORDS.findall(new)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("same", "".join(before[a1:a2])))
            continue
        if a2 > a1:
            segments.append(("removed", "".join(before[a1:a2])))
        if b2 > b1:
            segments.append(("added", "".join(after[b1:b2])))
    return tuple(segments)
