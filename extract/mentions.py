"""Find the states, parties, people, places, organizations and events a text names.

Aliases from the authority data are matched on diacritic-folded text (so Gomułka and
Gomulka agree) with case kept, which keeps "US" apart from "us". A label several entities
share ("Korea", "Chinese") goes to the candidate the rest of the document names
unambiguously; congresses are found by ordinal and party; events with trigger patterns
count only when their context entity is named in the same sentence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .cuescan import first_guard
from .authority import Authority
from cwkg.records.facts import Mention, Span
from cwkg.lang.alternation import grouped
from cwkg.lang.spans import block_number
from cwkg.lang.text import fold, paragraphs, sentences

_ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth",
]
_TENS = {"twenty": 20, "thirty": 30}
_ROMAN = re.compile(r"^[IVXL]+$")


def ordinal_value(token: str) -> int | None:
    """20 for "20th", "twentieth", "XX"; None if the token is no ordinal."""
    t = token.lower().strip()
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", t):
        return int(m.group(1))
    if t in _ORDINAL_WORDS:
        return _ORDINAL_WORDS.index(t) + 1
    if m := re.fullmatch(r"(twenty|thirty)[- ](\w+)", t):
        unit = _ORDINAL_WORDS.index(m.group(2)) + 1 if m.group(2) in _ORDINAL_WORDS[:9] else None
        return _TENS[m.group(1)] + unit if unit else None
    if _ROMAN.match(token):
        values = {"I": 1, "V": 5, "X": 10, "L": 50}
        total = 0
        for a, b in zip(token, token[1:] + " "):
            v = values[a]
            total += -v if b != " " and values.get(b, 0) > v else v
        return total
    return None


_ORD = r"(?:\d{1,2}(?:st|nd|rd|th)|(?:twenty|thirty)[- ](?:" + "|".join(_ORDINAL_WORDS[:9]) + r")|" + "|".join(
    sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r"|[IVXL]{1,6})"
_CONGRESS = re.compile(
    rf"\b(?P<ords>{_ORD}(?:\s*(?:,|and|&)\s*{_ORD})*)\s+(?P<mid>(?:[\w'’.]+\s+){{0,4}}?)(?:[Pp]arty\s+)?[Cc]ongress(?:es)?\b"
    rf"(?P<of>\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    candidates: tuple[tuple[str, str], ...]  # (iri, form)


_FIGURATIVE = re.compile(r"\b(?:another|a second|a new)\s+$", re.IGNORECASE)
_PHRASE_END = re.compile(r"\s*(?:[.,;:!?)”\"]|$)|\s+(?:in|on|at|for|with|would|will|could|is|was|or|and|to|if)\b")
# A name that begins a ministry's office ("the Far East Department", "the Africa Division") names the office's area,
# not something the record talks about.
_OFFICE_AFTER = re.compile(r"\s+(?:Department|Division|Bureau|Desk|Directorate)\b")


class Gazetteer:
    """Alias matching over a text; built once per authority."""

    def __init__(self, authority: Authority) -> None:
        self.authority = authority
        self.table = authority.alias_table
        # The aliases grouped by shared beginnings (`lang.alternation`, the longer first where one begins another: 4.7x
        # faster than a list sorted longest first, the same matches); the guard names the characters a name begins
        # with, so the alternation is tried only there (2x faster again).
        names = "(?:" + grouped(self.table, space=re.escape(" ")) + ")"  # a space in an alias is one space
        self.pattern = re.compile(r"(?<![\w])" + first_guard(names) + names + r"(?![\w])")
        self.triggered = [e for e in authority.entities.values() if e.triggers]
        self.congresses = [e for e in authority.entities.values() if e.ordinal is not None]

    def hits(self, folded: str) -> list[_Hit]:
        out = []
        for m in self.pattern.finditer(folded):
            cands = tuple(dict.fromkeys((a.iri, a.form) for a in self.table[m.group(0)]))
            out.append(_Hit(m.start(), m.end(), cands))
        return out

    def find(self, text: str, year: int | None, context: Counter[str] | None = None, side: str | None = None) -> list[Mention]:
        """Every entity mention in `text`, resolved, in text order. An ambiguous name ("German", "Korea") goes to the
        entity the text itself names most often; failing that, to the half of a divided country on the side of the
        state whose record it is (`side`); failing that, to the one `context` (the text around it) names most."""
        folded = fold(text)
        paras = block_number(paragraphs(text))
        hits = self.hits(folded)
        resolved: list[tuple[_Hit, str, str]] = []
        pending: list[_Hit] = []
        for hit in hits:
            if _FIGURATIVE.search(folded[max(0, hit.start - 12):hit.start]) and _PHRASE_END.match(folded[hit.end:hit.end + 12]):
                continue  # "another Korea", "a second Cuba": a kind of situation, not the state
            if _OFFICE_AFTER.match(folded, hit.end) and any(self.authority.entities[iri].kind == "region" for iri, _ in hit.candidates):
                continue
            cands = [(iri, form) for iri, form in hit.candidates if self._plausible(iri, year)] or list(hit.candidates)
            firm = [c for c in cands if c[1] != "ambiguous"]
            if len({iri for iri, _ in firm}) == 1:
                resolved.append((hit, firm[0][0], firm[0][1]))
            elif len({iri for iri, _ in cands}) == 1:
                resolved.append((hit, cands[0][0], cands[0][1]))
            else:
                pending.append(hit)
        counts = Counter(iri for _, iri, _ in resolved)
        # A capital named in the text (a dateline "Hanoi") speaks for its state too.
        for _, iri, _ in list(resolved):
            if self.authority.entities[iri].kind == "place" and (state := self.authority.capital_state(iri, year)):
                counts[state] += 1
        bloc = self.authority.entities[side].bloc if side in self.authority.entities else None
        context = context or Counter()

        def weight(iri: str) -> tuple[int, bool, int]:
            return counts[iri], bloc is not None and self.authority.entities[iri].bloc == bloc, context[iri]

        for hit in pending:
            ranked = sorted({iri for iri, _ in hit.candidates if self._plausible(iri, year)}, key=weight, reverse=True)
            if ranked and weight(ranked[0]) > (0, False, 0) and (len(ranked) == 1 or weight(ranked[0]) > weight(ranked[1])):
                resolved.append((hit, ranked[0], "ambiguous"))
        mentions = [
            self._mention(text, paras, hit.start, hit.end, iri, form, "alias")
            for hit, iri, form in resolved
        ]
        mentions += self._congresses(text, folded, paras, mentions, year)
        mentions += self._triggers(text, folded, paras, mentions)
        return sorted(mentions, key=lambda m: (m.span.start, m.span.end))

    def _plausible(self, iri: str, year: int | None) -> bool:
        e = self.authority.entities[iri]
        if e.kind == "event":
            return year is None or e.event_year is None or e.event_year <= year
        if e.kind in ("state", "party", "organization"):
            return e.exists_in(year)
        return True

    def _mention(self, text: str, paras: Callable[[int], int], start: int, end: int, iri: str, form: str, rule: str) -> Mention:
        """`paras` numbers the paragraph an offset is in (`spans.block_number`): one bisection, not a scan of every
        paragraph for every mention, which grew with the square of a page of many names."""
        entity = self.authority.entities[iri]
        return Mention(iri, entity.kind, Span(start, end, text[start:end]), form, paras(start), rule)

    def _congresses(self, text: str, folded: str, paras: Callable[[int], int], found: list[Mention],
                    year: int | None) -> list[Mention]:
        out = []
        parties_in_doc = Counter(m.entity for m in found if m.kind == "party")
        # Only mentions that start inside the words before "Congress" or right after its "of" can name its party:
        # looked up by where they start, in the order of `found`, not read all for every congress. The index is
        # built at the first congress, so a text that names none pays nothing for it.
        by_start: dict[int, list[int]] = {}
        starts: list[int] = []
        for m in _CONGRESS.finditer(folded):
            if not starts and found:
                for i, mention in enumerate(found):
                    by_start.setdefault(mention.span.start, []).append(i)
                starts = sorted(by_start)
            ords = [ordinal_value(t) for t in re.split(r"\s*(?:,|and|&)\s*", m["ords"], flags=re.I) if t.strip()]
            party = None
            near: list[int] = []
            if m["mid"]:
                lo, hi = bisect.bisect_left(starts, m.start("mid")), bisect.bisect_left(starts, m.end("mid"))
                near += [i for at in starts[lo:hi] for i in by_start[at]]
            if m["of"]:
                near += by_start.get(m.end(), [])
            for mention in (found[i] for i in sorted(set(near))):
                inside = m.start("mid") <= mention.span.start < m.end("mid") if m["mid"] else False
                after = m["of"] and mention.span.start == m.end()
                if mention.kind == "party" and (inside or after):
                    party = mention.entity
                elif mention.kind == "state" and (inside or after) and party is None:
                    party = self._ruling_party(mention.entity)
            end = m.end() if not m["of"] else m.start("of")
            for n in ords:
                cands = [c for c in self.congresses if c.ordinal == n and self._plausible(c.iri, year)]
                if party:
                    cands = [c for c in cands if c.organized_by == party]
                elif len(cands) > 1:
                    best = max(parties_in_doc[c.organized_by or ""] for c in cands)
                    cands = [c for c in cands if parties_in_doc[c.organized_by or ""] == best]
                if len(cands) == 1:
                    out.append(self._mention(text, paras, m.start(), end, cands[0].iri, "ordinal", "congress-ordinal"))
        return out

    def _ruling_party(self, state_iri: str) -> str | None:
        return self.authority.ruling_party_of.get(state_iri)

    def _triggers(self, text: str, folded: str, paras: Callable[[int], int], found: list[Mention]) -> list[Mention]:
        out = []
        if not self.triggered:
            return out
        # The entities named in each sentence, read from the mentions sorted by start once rather than from every
        # mention for every sentence (which grew with the square of a page of many names).
        ordered = sorted(found, key=lambda m: m.span.start)
        starts = [m.span.start for m in ordered]
        for sent in sentences(text):
            lo, hi = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
            named = {m.entity for m in ordered[lo:hi]}
            for event in self.triggered:
                if event.trigger_context and not named.intersection(event.trigger_context):
                    continue
                for pattern in event.triggers:
                    for m in re.finditer(pattern, folded[sent.start : sent.end], re.IGNORECASE):
                        out.append(self._mention(text, paras, sent.start + m.start(), sent.start + m.end(), event.iri, "trigger", "event-trigger"))
        return out
