"""Evidence targets as RFC 5147 text fragments of a document (`<doc#char=120,164>`).

One IRI says which text and which characters, so a target needs no nodes of its own (a Web Annotation
SpecificResource with two selectors took eleven triples). Offsets count characters of the document's `cw:text`
from 0, the end exclusive, as RFC 5147's positions between characters do. Every reader of offsets parses the
IRI here, so the form lives in one place."""

from __future__ import annotations

import re

from dataclasses import dataclass

from pyoxigraph import NamedNode

_FRAGMENT = re.compile(r"#char=(\d+),(\d+)$")


@dataclass(frozen=True)
class CharRange:
    """The characters [start, end) of the text of `document` (an IRI)."""

    document: str
    start: int
    end: int


def char_target(document: NamedNode, start: int, end: int) -> NamedNode:
    """The target IRI of the characters [start, end) of the document's text."""
    if not 0 <= start <= end:
        raise ValueError(f"no character range {start},{end}")
    return NamedNode(f"{document.value}#char={start},{end}")


def char_range(target: str) -> CharRange | None:
    """The document and offsets a target IRI names; None for an IRI that is no RFC 5147 character range."""
    m = _FRAGMENT.search(target)
    if m is None or "#" in target[:m.start()]:
        return None
    start, end = int(m.group(1)), int(m.group(2))
    return CharRange(target[:m.start()], start, end) if start <= end else None
