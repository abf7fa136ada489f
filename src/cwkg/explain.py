"""Why the graph says what it says: each sentence of a document with the positions extraction drew from it.

A user sees which words made cwkg give a sentence to a speaker and a stance; a developer
sees where a rule did not fire. It runs the same extraction as `cwkg ingest`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cwkg.errors import InputError
from cwkg.extract.authority import Authority, default_authority
from cwkg.extract.extract import extract
from cwkg.records.facts import DocumentFacts, PositionFact
from cwkg.extract.notes import note_paragraphs
from cwkg.lang.text import paragraphs, sentences
from cwkg.loaders import load_documents
from cwkg.loaders.source import SourceDocument


@dataclass(frozen=True)
class Explained:
    """One position as a reader needs it: names, not IRIs."""

    speaker: str
    reporter: str | None
    stance: str
    why_stance: str
    rule: str
    verb: str | None
    confidence: float
    about: tuple[str, ...]
    quote: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    positions: tuple[Explained, ...]


def choose_document(path: Path, document: str | None) -> SourceDocument:
    """The document of a file: its only one, or the one whose id (or id suffix, "d5") is given."""
    docs = load_documents(path)
    for doc in docs:
        if document is None or doc.doc_id == document or doc.doc_id.endswith(f"-{document}"):
            return doc
    raise InputError(f"no document '{document}' in the file" if document else "no document in the file", str(path))


class _Names:
    def __init__(self, facts: DocumentFacts, authority: Authority) -> None:
        self.persons = {p.ref: p.label for p in facts.persons} | {p.key: p.label for p in facts.persons}
        self.authority = authority

    def __call__(self, ref: str | None) -> str | None:
        if ref is None:
            return None
        if ref in self.persons:
            return self.persons[ref]
        entity = self.authority.entities.get(ref)
        if entity is not None:
            return entity.label
        topic = next((t.label for t in self.authority.topics if t.iri == ref), None)
        return topic or ref.rsplit("/", 1)[-1]


def _explained(p: PositionFact, name: _Names) -> Explained:
    return Explained(name(p.speaker) or p.speaker, name(p.reported_by), p.stance, p.stance_why or "",
                     p.rule, p.verb, p.confidence, tuple(name(x) or x for x in [*p.about, *p.topics]), p.span.text)


@dataclass(frozen=True)
class Turn:
    label: str
    start: int
    end: int
    speaker: str


@dataclass(frozen=True)
class Voice:
    """The record's voice as extraction decided it: who wrote it and why, to whom, whose words it holds where no
    reporting cue says otherwise, and its speaker turns."""

    author: str | None
    author_why: str | None
    addressee: str | None
    default_speaker: str | None
    turns: tuple[Turn, ...]


@dataclass(frozen=True)
class Explanation:
    voice: Voice
    sentences: list[Sentence]


def _voice(facts: DocumentFacts, name: _Names) -> Voice:
    v = facts.voice
    if v is None:
        return Voice(name(facts.author), None, None, None, ())
    return Voice(name(v.author), v.author_why, name(v.addressee), name(v.default_speaker),
                 tuple(Turn(t.label, t.start, t.end, name(t.speaker) or t.speaker) for t in v.turns))


def explain(doc: SourceDocument, authority: Authority | None = None, skip: Sequence[str] = ()) -> Explanation:
    """Each sentence with the positions drawn from it; `skip` leaves extraction components out, to show what each
    contributes (an unknown or required one raises `components.PipelineError`)."""
    authority = authority or default_authority()
    facts = extract(doc, authority, skip=skip)
    name = _Names(facts, authority)
    out = []
    notes = [b for note in doc.notes for b in note_paragraphs(doc, note)]  # read as text too, after the body
    for para in [*paragraphs(doc.body), *notes]:
        for s in sentences(doc.text, para.start, para.end):
            found = tuple(_explained(p, name) for p in facts.positions if p.span.start < s.end and s.start < p.span.end)
            out.append(Sentence(s.start, s.end, s.text, found))
    return Explanation(_voice(facts, name), out)
