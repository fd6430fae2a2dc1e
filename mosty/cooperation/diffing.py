"""A readable difference between two versions of a draft, word by word (no Django here).

A version is a list of paragraphs `{"key", "element", "text"}`; paragraphs are matched by key,
so a paragraph that moved or changed is shown as changed, not as removed and added.
"""
import difflib
import re
from dataclasses import dataclass

WORDS = re.compile(r"\s+|[^\s]+")

Segment = tuple[str, str]  # ("same" | "added" | "removed", text)


@dataclass(frozen=True)
class ParagraphDiff:
    key: str
    element: str
    state: str  # "same", "changed", "added", "removed"
    segments: tuple[Segment, ...]


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    before, after = WORDS.findall(old), WORDS.findall(new)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("same", "".join(before[a1:a2])))
            continue
        if op in ("delete", "replace"):
            segments.append(("removed", "".join(before[a1:a2])))
        if op in ("insert", "replace"):
            segments.append(("added", "".join(after[b1:b2])))
    return tuple(segments)


def compare(old: list[dict[str, str]], new: list[dict[str, str]]) -> list[ParagraphDiff]:
    """Every paragraph of `new` in its order, with the removed ones of `old` after the
    paragraph that preceded them."""
    old_by_key = {p["key"]: p for p in old}
    new_keys = {p["key"] for p in new}
    rows: list[ParagraphDiff] = []
    for paragraph in new:
        before = old_by_key.get(paragraph["key"])
        if before is None:
            rows.append(ParagraphDiff(paragraph["key"], paragraph["element"], "added",
                                      (("added", paragraph["text"]),)))
        elif before["text"] == paragraph["text"] and before["element"] == paragraph["element"]:
            rows.append(ParagraphDiff(paragraph["key"], paragraph["element"], "same",
                                      (("same", paragraph["text"]),)))
        else:
            rows.append(ParagraphDiff(paragraph["key"], paragraph["element"], "changed",
                                      word_diff(before["text"], paragraph["text"])))
    for index, paragraph in enumerate(old):
        if paragraph["key"] in new_keys:
            continue
        removed = ParagraphDiff(paragraph["key"], paragraph["element"], "removed",
                                (("removed", paragraph["text"]),))
        previous = next((old[i]["key"] for i in range(index - 1, -1, -1)
                         if old[i]["key"] in new_keys), None)
        at = next((i + 1 for i, row in enumerate(rows) if row.key == previous), 0)
        while at < len(rows) and rows[at].state == "removed":
            at += 1
        rows.insert(at, removed)
    return rows
