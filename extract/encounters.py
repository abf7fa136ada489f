"""The meetings a record tells of in its text, several where a journal or telegram reports several.

A sentence in which the author (I, we, or the author by name) receives, visits, calls on,
meets or has a talk with someone tells of an encounter; the words that follow, up to the
next such sentence, are that encounter's record. Its day is the one the sentence names,
else the last date line above it (a journal's "12 May 1958"), else the document's; its
place the one it is "in" or "at", else where the record was written.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from . import reporting
from cwkg.lang.dates import date_lines, find_dates
from cwkg.records.facts import Mention
from cwkg.lang.text import Block, sentences

# The verbs of meeting, with the kind of meeting each tells of (cf. `ontology/meeting-kinds.ttl`).
_ENCOUNTER = [
    (re.compile(r"\b(?:paid\s+(?:a|an|his|her|my|our|me\s+a|us\s+a)\s+(?:\w+\s+)?visit(?:\s+to)?|visited|called\s+on|came\s+to\s+see)\b", re.I), "visit"),
    (re.compile(r"\bhad\s+(?:a|an)\s+(?:\w+\s+){0,2}(?:talk|conversation|discussion|exchange\s+of\s+views)\s+with\b", re.I), "conversation"),
    (re.compile(r"\b(?:received|(?:was|were)\s+received\s+by|met(?:\s+with)?|had\s+(?:a|an)\s+(?:\w+\s+)?meeting\s+with)\b", re.I), "meeting"),
]
_FIRST_PERSON = re.compile(r"(?<![\w])(?:I(?![/.)])|me|we|us|We)(?![\w])")  # not a numbering's "I/", "I."
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


@dataclass(frozen=True)
class Encounter:
    sentence: Block
    kind: str  # the label of a meeting kind: visit, conversation, meeting
    others: tuple[str, ...]  # whom the author met
    day: date | None
    place: str | None
    host: str | None


def find_encounters(body: str, blocks: list[Block], mentions: list[Mention], author: str | None, doc_date: date | None,
                    written_at: str | None) -> list[Encounter]:
    lines = date_lines(body)
    persons = _Starts([m for m in mentions if m.kind == "person"])
    places = _Starts([m for m in mentions if m.kind == "place"])
    line_starts = [at for at, _ in lines]
    in_order = line_starts == sorted(line_starts)
    out: list[Encounter] = []
    for block in blocks:
        for sent in sentences(body, block.start, block.end):
            kind, verb = _first_of(_ENCOUNTER, sent.text)
            if kind is None:
                continue
            named = persons.within(sent.start, sent.end)
            authored = bool(_FIRST_PERSON.search(sent.text)) or any(m.entity == author for m in named)
            others = tuple(dict.fromkeys(m.entity for m in named if m.entity != author))
            if not authored or not others or _reported(sent.text, verb.start()):
                continue
            if in_order:  # the last date line above the sentence
                i = bisect.bisect_right(line_starts, sent.start)
                anchor = lines[i - 1][1] if i else doc_date
            else:
                anchor = next((d for at, d in reversed(lines) if at <= sent.start), doc_date)
            days = find_dates(sent.text, anchor or doc_date)
            place = _place_in(body, places, sent.start, sent.end)
            host = others[0] if re.search(r"\b(?:was|were)\s+received\s+by\b", sent.text, re.I) else (
                author if re.search(r"\b(?:I|we)\s+received\b", sent.text) else None)
            out.append(Encounter(sent, kind, others, days[0][2] if days else anchor, place or written_at, host))
    return out


# A meeting of others the record tells of: "X held a conversation with Y on the 25th", "his talks with Y, which took
# place in Z on 11 May", "X received Y yesterday".
_OTHERS_MET = [
    (re.compile(r"\b(?:held|had)\s+(?:a|an|his|her|their|the)?\s*(?:\w+\s+){0,2}?(?:conversation|talks?|discussion|meeting)s?\s+with\b"
                r"|\b(?:his|her|their)\s+(?:\w+\s+){0,2}?(?:conversation|talks?|discussion|meeting)s?\s+with\b", re.I), "conversation"),
    (re.compile(r"\b(?:met(?:\s+with)?|received)\b"), "meeting"),
    (re.compile(r"\b(?:visited|called\s+on|paid\s+(?:a|an)\s+(?:\w+\s+)?visit\s+to)\b"), "visit"),
]
_HE = re.compile(r"\b(?:he|she|He|She)\b")


def find_reported_meetings(body: str, blocks: list[Block], mentions: list[Mention], author: str | None,
                           doc_date: date | None, written_at: str | None) -> list[Encounter]:
    """Meetings of others that a sentence tells of with their day: who met (the persons the sentence names, and
    the one a "he" or "she" before the verb stands for: the last person named before it), when (a date the
    sentence gives, read from the day of writing), where (a place it is "in", else where the record was written).
    The author's own encounters are `find_encounters`'."""
    persons = _Starts([m for m in mentions if m.kind == "person"])
    every = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.span.start)
    starts = [m.span.start for m in every]
    places = _Starts([m for m in mentions if m.kind == "place"])
    out: list[Encounter] = []
    for block in blocks:
        for sent in sentences(body, block.start, block.end):
            kind, verb = _first_of(_OTHERS_MET, sent.text)
            if kind is None:
                continue
            # The clause that tells of the meeting: a colon or semicolon ends what comes before it.
            lo = max(sent.text.rfind(":", 0, verb.start()), sent.text.rfind(";", 0, verb.start())) + 1
            hi = sent.text.find(";", verb.end())
            hi = hi if hi >= 0 else len(sent.text)
            clause = sent.text[lo:hi]
            if _FIRST_PERSON.search(clause):
                continue
            days = find_dates(clause, doc_date)
            if not days:
                continue
            start = sent.start + lo
            named = [m.entity for m in persons.within(start, sent.start + hi)]
            pronoun = _HE.search(sent.text, lo, verb.start())
            if pronoun and not persons.within(sent.start + pronoun.start(), sent.start + verb.start()):
                before = bisect.bisect_left(starts, start)
                if before:
                    named.insert(0, every[before - 1].entity)
            who = tuple(dict.fromkeys(n for n in named if n != author or len(set(named)) > 2))
            if len(who) < 2:
                continue
            out.append(Encounter(sent, kind, who, days[0][2], _place_in(body, places, start, sent.start + hi) or written_at, None))
    return out


def _first_of(patterns: list[tuple[re.Pattern[str], str]], text: str) -> tuple[str | None, re.Match[str] | None]:
    """The kind of meeting the first pattern that matches tells of, and its match."""
    return next(((kind, m) for pattern, kind in patterns if (m := pattern.search(text))), (None, None))


def _place_in(body: str, places: _Starts, start: int, end: int) -> str | None:
    """The first place `body[start:end]` says something was "in" or "at"."""
    return next((m.entity for m in places.within(start, end)
                 if _IN_PLACE.search(body[max(start, m.span.start - 12):m.span.start])), None)


class _Starts:
    """Mentions looked up by where they start: those of one sentence in their own order, without reading every
    mention of the text for every sentence (which grew with the square of a page of many meetings)."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.by_start = sorted((m.span.start, i) for i, m in enumerate(mentions))
        self.starts = [at for at, _ in self.by_start]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in [start, end), in the order they were given."""
        lo, hi = bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)
        return [self.mentions[i] for i in sorted(i for _, i in self.by_start[lo:hi])]


# The past of the reporting lexicon's verbs that report a statement ("said", "told", "informed").
_TELLS = re.compile(rf"\b(?:{reporting.alternation(reporting.verb_forms(('say', 'tell')))})\b[^.;]*$")


def _reported(text: str, at: int) -> bool:
    """A meeting someone else tells of ("he said that he had met ..."): not one this record reports."""
    return _TELLS.search(text[:at]) is not None


# "the March 11–13 meeting of the Atlantic Policy Group", "the meeting of the Council on 12 May", "the Political
# Committee's session of 2 June": a body's meeting the record tells of in passing, named with its date.
_BODY = r"(?:the\s+)?(?P<body>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|of|for|on|and|the)){0,8})"
_GATHERING = r"(?:meeting|session|conference|summit|plenum|congress)"
_BODY_MEETING = re.compile(
    rf"\b(?:the|a|its|their)\s+(?P<lead>[^,;.]{{0,30}}?)\b{_GATHERING}s?\s+of\s+{_BODY}(?P<tail>[^,;.]{{0,40}})")


def find_body_meetings(body: str, blocks: list[Block], doc_date: date | None, written_at: str | None) -> list[Encounter]:
    """Meetings of a named body the text mentions with their date: reported, not recorded here; their participants
    are not known."""
    out: list[Encounter] = []
    for block in blocks:
        for sent in sentences(body, block.start, block.end):
            for m in _BODY_MEETING.finditer(sent.text):
                body_name = re.sub(r"\s+(?:of|for|on|and|the)$", "", m["body"].strip())
                if len(body_name.split()) < 2 and not re.fullmatch(r"[A-Z]{2,}", body_name):
                    continue  # "the meeting of Smith": a person, not a body ("of NATO" is one)
                dated = [d for part in ("lead", "tail") for _, _, d in find_dates(m[part], doc_date)]
                if dated:
                    out.append(Encounter(sent, "meeting", (), dated[0], None, body_name))
    return out
