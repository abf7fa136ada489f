"""People the publisher marked in the text (TEI persName), as mentions and name candidates.

Only the spans the text bears out (`markup_check`) are taken: a span the text reads otherwise ("White" of "White
House", a pointer to no entry) is read as unmarked text is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from .authority import Authority
from cwkg.records.facts import Mention, Span
from .markup_check import Disagreement, Reason, check, title_words
from .persons import Candidate, _trim
from cwkg.lang.spans import Taken
from cwkg.loaders.source import ListedParticipant, Marked, SourceDocument
from .volume import person_key


def disagreements(doc: SourceDocument, authority: Authority) -> list[Disagreement]:
    """The marked person spans the text does not bear out, the authority's role labels read as titles."""
    return check(doc, title_words(label for role in authority.roles for label in role.labels))


def _agreed(doc: SourceDocument, rejected: Iterable[Disagreement]) -> list[Marked]:
    """The body's marked person spans, less those the text does not bear out."""
    out = {(d.start, d.end) for d in rejected}
    return [m for m in doc.marked if m.kind == "person" and (m.start, m.end) not in out]


def marked_persons(doc: SourceDocument, paragraph_of: Callable[[int], int], rejected: Iterable[Disagreement] = ()) -> list[Mention]:
    """persName spans that point into the volume's list of persons."""
    known = {p.id for p in doc.people}
    return [
        Mention(person_key(doc.volume, m.ref), "person", Span(m.start, m.end, m.text), "name", paragraph_of(m.start), "markup")
        for m in _agreed(doc, rejected)
        if m.ref in known and doc.volume
    ]


def marked_candidates(doc: SourceDocument, taken: list[Mention], rejected: Iterable[Disagreement] = ()) -> list[Candidate]:
    """persName spans with no entry in the list of persons: names to group like any other."""
    covered = Taken((m.span.start, m.span.end) for m in taken)  # looked up, not read for each marked name
    out = []
    for m in _agreed(doc, rejected):
        if covered.overlaps(m.start, m.end):
            continue
        name = _trim(m.text)
        if name:
            start = m.start + m.text.find(name)
            out.append(Candidate(name, Span(start, start + len(name), name), "markup"))
    return out


def listed_agreed(doc: SourceDocument, rejected: Iterable[Disagreement], blocks: Iterable[tuple[int, int]]) -> tuple[ListedParticipant, ...]:
    """The participants list's entries as the text reads them (`blocks`: the list's paragraphs): an entry whose
    marked name is part of a longer name is no participant; one whose pointer or name the text does not bear out
    loses its pointer, and its words are read as unmarked text is."""
    spans = list(blocks)
    inside = [d for d in rejected if any(s <= d.start < e for s, e in spans)]
    out = []
    for p in doc.participants:
        found = next((d for d in inside if d.ref == p.ref and d.text.endswith(p.name)), None)
        if found is None:
            out.append(p)
        elif found.reason is not Reason.LONGER_NAME:
            out.append(replace(p, ref=None))
    return tuple(out)
