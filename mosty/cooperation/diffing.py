"""A readable difference between two versions of a draft, word by word (no Django here).

A version is a list of paragraphs `{"key", "element", "text"}`; paragraphs are matched by key,
so a paragraph that moved or changed is shown as changed, not as removed and added.
"""
from dataclasses import dataclass

from mosty.core.textdiff import Segment, word_diff


@dataclass(frozen=True)
class ParagraphDiff:
    key: str
    element: str
    state: str  # "same", "changed", "added", "removed"
    segments: tuple[Segment, ...]


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
