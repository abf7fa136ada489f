"""Lookups over many spans of one text, in time that does not grow with how many spans there are.

A page may name one state or person tens of thousands of times (issue 30: paragraphs of one repeated
state name, 1.9 MB, took 37 s). Asking every earlier mention whether it overlaps a new one, or every
paragraph whether it holds an offset, makes finding mentions grow with the square of the text; these
answer the same questions, with the same answers, from an index built once.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterable, Sequence

from .text import Block


class Taken:
    """The characters covered by spans already taken, so `overlaps` costs the length of the span asked about.

    `overlaps(start, end)` answers exactly `any(s < end and start < e for s, e in spans)`: for spans that are
    not empty this is whether they share a character, which a byte per character of the text records. The rare
    empty span, or a query that is empty or reaches before the text, is answered from the spans themselves,
    kept in two arrays of integers (16 bytes a span, not a tuple's 100)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = (), size: int = 0) -> None:
        self._chars = bytearray(max(0, size))
        self._starts, self._ends = array("q"), array("q")
        self._empty: list[int] = []  # positions of empty spans, sorted
        self._odd = False  # a span that starts before 0 or ends before it starts: every query reads the spans
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        """Take the characters of [start, end)."""
        self._starts.append(start)
        self._ends.append(end)
        if start < 0 or end < start:
            self._odd = True
        elif start == end:
            bisect.insort(self._empty, start)
        else:
            if end > len(self._chars):
                self._chars.extend(bytes(end - len(self._chars) + 1024))
            self._chars[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a span taken, as `s < end and start < e` for some taken (s, e)."""
        if self._odd or start < 0 or end <= start:
            return any(s < end and start < e for s, e in zip(self._starts, self._ends))
        if self._chars.find(1, start, end) != -1:
            return True
        i = bisect.bisect_right(self._empty, start)  # an empty span strictly inside the query
        return i < len(self._empty) and self._empty[i] < end

    def covers(self, offset: int) -> bool:
        """Whether a taken span holds `offset`, as `s <= offset < e` for some taken (s, e)."""
        if self._odd or offset < 0:
            return any(s <= offset < e for s, e in zip(self._starts, self._ends))
        return offset < len(self._chars) and self._chars[offset] == 1


def block_number(blocks: Sequence[Block]) -> Callable[[int], int]:
    """`offset -> n`: the 1-based number of the first of `blocks` that holds the offset, 0 for none, as
    `next((i + 1 for i, b in enumerate(blocks) if b.start <= offset < b.end), 0)` but by bisection when the
    blocks are in text order and apart (as paragraphs are); otherwise by that scan."""
    blocks = tuple(blocks)
    starts = [b.start for b in blocks]
    ordered = all(a.end <= b.start for a, b in zip(blocks, blocks[1:])) and all(b.start <= b.end for b in blocks)
    if not ordered:
        return lambda offset: next((i + 1 for i, b in enumerate(blocks) if b.start <= offset < b.end), 0)

    def number(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1 if i >= 0 and offset < blocks[i].end else 0

    return number


def first_by(items: Iterable, key: Callable) -> dict:
    """`key(item) -> the first item with that key`, in the items' order: `next(x for x in items if key(x) == k)`
    as one dictionary lookup."""
    out: dict = {}
    for item in items:
        out.setdefault(key(item), item)
    return out
