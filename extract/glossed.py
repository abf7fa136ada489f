"""Abbreviations the publisher glosses: a marked "S/P" or "DOD" whose entry in the volume's list of abbreviations
("S/P: Policy Planning Council, Department of State") names an institution is a mention of that institution.

The list is the editors' own statement of what each abbreviation stands for in their volume, so it is read as
data, never guessed; an entry that names no institution by its shape ("Deptel: Department of State telegram",
"DCM: Deputy Chief of Mission") or names a state or party (left to the gazetteer) gives nothing. The institution
is the authority's when the authority data holds the name, else one of the record, keyed as the same words
written out in the text would be (`organisations.record_key`), so "S/P" and "the Policy Planning Council" in one
record are one entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from cwkg.loaders.source import Marked, SourceDocument

from .authority import Authority
from cwkg.records.facts import EntityFact, Mention, Span
from .organisations import ORGANIZATION, names_a_body, record_key

_GLOSS = re.compile(r"\s*\([^)]*\)\s*$")  # "Christian Democratic Union (Germany)": the bracket glosses the name


@dataclass
class Glossed:
    mentions: list[Mention] = field(default_factory=list)
    entities: list[EntityFact] = field(default_factory=list)


def institution_named(expansion: str) -> str | None:
    """The institution's name in a list entry: its first part, before the body it belongs to ("Bureau of European
    Affairs, Department of State"), without a bracketed gloss; None when it names no institution."""
    name = _GLOSS.sub("", expansion.split(",")[0]).strip()
    return name if names_a_body(name) else None


def marks_of(doc: SourceDocument) -> list[Marked]:
    """The marked abbreviations of the body and of the notes, at their offsets in the document's text."""
    out = [m for m in doc.marked if m.kind == "term"]
    for note in doc.notes:
        out += [Marked(m.start + note.start, m.end + note.start, m.kind, m.ref, m.text) for m in note.marked if m.kind == "term"]
    return out


def glossed_institutions(doc: SourceDocument, taken: list[Mention], authority: Authority,
                         paragraph_of: Callable[[int], int]) -> Glossed:
    """The institutions the document's glossed abbreviations stand for, where no mention stands already."""
    terms = dict(doc.terms)
    if not terms:
        return Glossed()
    spans = sorted((m.span.start, m.span.end) for m in taken)
    text = doc.text
    out = Glossed()
    minted: dict[str, EntityFact] = {}
    for mark in marks_of(doc):
        written = text[mark.start:mark.end]
        name = institution_named(terms.get(written.strip(), ""))
        if name is None or any(s < mark.end and mark.start < e for s, e in spans):
            continue
        if re.match(r"\s*\d", text[mark.end:mark.end + 3]):
            continue  # "RG 59": an abbreviation numbered as a series names a series, not a body
        if authority.resolve_label(name, ("state", "party", "person")):
            continue
        iri = authority.resolve_label(name, (ORGANIZATION,)) or authority.resolve_label(written, (ORGANIZATION,))
        if iri is None:
            iri = record_key(ORGANIZATION, name, doc.doc_id)
            fact = minted.setdefault(iri, EntityFact(iri, ORGANIZATION, name))
            fact.aliases.add(written.strip())
        out.mentions.append(Mention(iri, ORGANIZATION, Span(mark.start, mark.end, written), "abbreviation",
                                    paragraph_of(mark.start), "glossed-term"))
    out.entities = list(minted.values())
    return out
