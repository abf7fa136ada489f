"""A record's notes read as text: footnotes, the source note, the page's summary.

The notes follow the body in `SourceDocument.text`, so whatever is found in them keeps
offsets into the same text as the body, and a reader can tell by `SourceDocument.note_at`
that it came from a note. What each kind of note may give:
- a footnote is the editors' words, but may report what someone said ("X told the
  Ambassador that ..."): its names, and positions where a reporting clause names who
  spoke and introduces the words reported. It is not the record's voice: no "I" of the
  author, no speaker carried over from the body, no meeting of the record;
- a source note is archival data (where the original is, "Drafted by X"): it gives the
  record's drafter, as authorship (extract.persons reads it so), and nothing else;
- a summary is an archivist's third-person paraphrase of the record, whose positions the
  body already holds in the speakers' own words: its names only.
"""

from __future__ import annotations

import re

from .authority import Authority
from cwkg.records.facts import MeetingFact, Mention, PersonFact, PositionFact, PostFact
from .positions import build_context, find_positions
from cwkg.lang.text import Block, paragraphs, sentences
from cwkg.loaders.source import FOOTNOTE, SUMMARY, Note, SourceDocument

READ_FOR_NAMES = frozenset({FOOTNOTE, SUMMARY})  # the notes whose names, states and places count as the record's mentions
READ_FOR_SPEECH = frozenset({FOOTNOTE})  # the notes that may report a position


def reading_text(doc: SourceDocument, kinds: frozenset[str] = READ_FOR_NAMES) -> str:
    """`doc.text` with everything that is neither body nor a note of `kinds` blanked (the notes rule, the headings,
    the other notes) but line breaks: same length and lines, so a finder run over it gives offsets into `doc.text`.
    What a note cites is blanked too: it names where words are, not what they say."""
    if not doc.notes:
        return doc.text
    kept = [(n.start, n.end) for n in doc.notes if n.kind in kinds]
    parts, at = [doc.body], len(doc.body)
    for start, end in kept + [(len(doc.text), len(doc.text))]:
        parts += [_BLANK.sub(" ", doc.text[at:start]), _CITED.sub(lambda m: _BLANK.sub(" ", m.group(0)), doc.text[start:end])]
        at = end
    return "".join(parts)


_BLANK = re.compile(r"[^\n]")
# Where a note cites a source: "X Library" is a presidential library, not the person X; "(London, 1964)" is where a
# book was published.
_CITED = re.compile(r"(?:\b[A-Z][\w.’'-]*\s+){1,4}Library\b|\((?:[A-Z][\w.’'-]*\s*){1,3},\s*\d{4}\)")


def note_paragraphs(doc: SourceDocument, note: Note) -> tuple[Block, ...]:
    """The note's paragraphs, with offsets into `doc.text`."""
    return tuple(Block(note.start + p.start, note.start + p.end, p.text) for p in paragraphs(note.text))


def note_positions(doc: SourceDocument, mentions: list[Mention], people: list[PersonFact], posts: list[PostFact],
                   meeting: MeetingFact | None, authority: Authority, year: int | None,
                   perspective: str | None) -> list[PositionFact]:
    """Positions the footnotes report, each note read on its own: only what a reporting clause gives a named,
    titled or resolvable speaker. The record's meeting lends its participants' titles ("the Secretary"), not its
    floor; there is no author, so a note's "I" or "we" speaks for no one."""
    notes = [n for n in doc.notes if n.kind in READ_FOR_SPEECH and _MAY_REPORT.search(n.text)]
    if not notes:
        return []
    ctx = build_context(doc.text, mentions, people, posts, meeting, None, authority, None, None, year, perspective)
    ctx.participants, ctx.host = [], None
    out: list[PositionFact] = []
    for note in notes:
        reporting: set[str] = set()  # speakers whose words the note has reported so far
        for p in find_positions(ctx, list(note_paragraphs(doc, note))):
            if _side_by_pronoun(doc.text, note, p, mentions, ctx.author_side):
                continue
            if _reports_a_statement(doc.text, p) or p.rule.startswith(_GOING_ON) and p.speaker in reporting:
                reporting.add(p.speaker)
                out.append(p)
    return out


_GOING_ON = ("continuation", "direct-speech")  # the reported words go on after the clause that reported them


# What opens reported words: a complementizer ("told him that", "asked whether"), a colon or an opening quotation mark.
_COMPLEMENT = re.compile(r"(?:\b(?:that|whether|if)|[:\"“‘])\s*$")
_QUOTED = re.compile(r"^[\"“‘]")
# A note with none of these reports no statement ("Not found.", "Document 4."), and is not parsed.
_MAY_REPORT = re.compile(r"\b(?:that|whether|if)\b|[:\"“‘]")


def _reports_a_statement(text: str, position: PositionFact) -> bool:
    """In the editors' words, a position is a statement they report: a clause the reporting words introduce ("X
    told the Ambassador that ...", a quotation, "..., X said"), not an act they describe ("X called for the
    withdrawal of ...", "X criticized the press"), which glosses an event the record refers to."""
    before = text[max(0, position.span.start - 12):position.span.start]
    inverted = position.verb is not None and position.verb in position.span.text  # "...", X said.
    return bool(_COMPLEMENT.search(before) or _QUOTED.match(position.span.text) or inverted)


def _side_by_pronoun(text: str, note: Note, position: PositionFact, mentions: list[Mention], side: str | None) -> bool:
    """A position given to the record's side though its sentence never names it: a "we" or "I" resolved to the
    side, which in a note is the editors', not the side's."""
    if side is None or position.speaker != side:
        return False
    sentence = next((s for s in sentences(text, note.start, note.end) if s.start <= position.span.start < s.end), None)
    if sentence is None:
        return True
    return not any(m.entity == side and sentence.start <= m.span.start < position.span.end for m in mentions)
