"""People the publisher marked in the text (TEI persName), as mentions and name candidates."""

from __future__ import annotations

from collections.abc import Callable

from .facts import Mention, Span
from .persons import Candidate, _trim
from .spans import Taken
from cwkg.loaders.source import SourceDocument
from .volume import person_key


def marked_persons(doc: SourceDocument, paragraph_of: Callable[[int], int]) -> list[Mention]:
    """persName spans that point into the volume's list of persons."""
    known = {p.id for p in doc.people}
    return [
        Mention(person_key(doc.volume, m.ref), "person", Span(m.start, m.end, m.text), "name", paragraph_of(m.start), "markup")
        for m in doc.marked
        if m.kind == "person" and m.ref in known and doc.volume
    ]


def marked_candidates(doc: SourceDocument, taken: list[Mention]) -> list[Candidate]:
    """persName spans with no entry in the list of persons: names to group like any other."""
    covered = Taken((m.span.start, m.span.end) for m in taken)  # looked up, not read for each marked name
    out = []
    for m in doc.marked:
        if m.kind != "person" or covered.overlaps(m.start, m.end):
            continue
        name = _trim(m.text)
        if name:
            start = m.start + m.text.find(name)
            out.append(Candidate(name, Span(start, start + len(name), name), "markup"))
    return out
