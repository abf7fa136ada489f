"""Occasions named by who made them: "the Minister's visit to Poland", "X and Y's visits to Warsaw", "the trip of X
to Ruritania", "the Secretary's recent speech to the General Assembly".

A visit, trip or speech that English names by its maker (a possessive, or "that of X") and its destination or
audience (a state, place or body after "to", "in" or "before") is an occasion of the record: an event labelled as a
historian writes it, "<maker>'s visit to <destination>", with each maker's family name. Nothing names it when the
maker or the destination is not a person, state, place or body the record already names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cwkg.records.facts import EntityFact, Mention, PersonFact, Span
from .organisations import record_key

_NOUN = r"(?P<noun>visits?|trips?|journeys?|tours?|speech(?:es)?|address(?:es)?)"
_PREP = r"(?P<prep>to|in|at|before)"
_POSSESSIVE = re.compile(r"['’]s?")
# After the makers' possessive: up to two words that describe ("recent", "state"), the noun, its preposition.
_AFTER_MAKER = re.compile(rf"['’]s?\s+(?:[a-z\-]+\s+){{0,2}}?{_NOUN}\s+{_PREP}\s+(?P<the>the\s+)?$")
# Before the maker: "the visit of", "trips like that of" (with "such as").
_BEFORE_MAKER = re.compile(rf"\b{_NOUN}\s+(?:(?:such\s+as\s+)?(?:that|those)\s+)?of\s+$", re.I)
_TO = re.compile(rf"\s+{_PREP}\s+(?P<the>the\s+)?$")
_AND = re.compile(r"(?:['’]s)?\s*(?:,|and|,\s*and)\s+")
_DESTINATION = ("state", "place", "organization", "region")


def _family_name(m: Mention, people: dict[str, PersonFact]) -> str:
    person = people.get(m.entity)
    name = person.label if person is not None and not person.unnamed else m.span.text
    return name.split()[-1]


def _singular(noun: str) -> str:
    return re.sub(r"(?:e?s)$", "", noun) if noun.endswith(("visits", "trips", "journeys", "tours")) else \
        re.sub(r"es$", "", noun) if noun.endswith(("speeches", "addresses")) else noun


def find(text: str, mentions: list[Mention], people: list[PersonFact], scope: str,
         paragraph_of: Callable[[int], int]) -> tuple[list[EntityFact], list[Mention]]:
    """The occasions `text` names by maker and destination, with a mention of each on its noun."""
    by_key = {p.key: p for p in people}
    ordered = sorted(mentions, key=lambda m: m.span.start)
    facts: dict[str, EntityFact] = {}
    out: list[Mention] = []
    i = 0
    while i < len(ordered):
        m = ordered[i]
        if m.kind != "person":
            i += 1
            continue
        makers = [m]  # "Ivanov and Nowak's", "Ivanov's and Nowak's"
        j = i + 1
        while j < len(ordered) and ordered[j].kind == "person" and _AND.fullmatch(text, makers[-1].span.end, ordered[j].span.start):
            makers.append(ordered[j])
            j += 1
        dest = ordered[j] if j < len(ordered) else None
        found = None
        if dest is not None and dest.kind in _DESTINATION:
            gap = text[makers[-1].span.end:dest.span.start]
            after = _AFTER_MAKER.fullmatch(gap)
            before = _BEFORE_MAKER.search(text, max(0, m.span.start - 40), m.span.start) if len(makers) == 1 else None
            if after and _POSSESSIVE.match(gap):
                at = makers[-1].span.end
                found = (after["noun"], after["prep"], after["the"], at + after.start("noun"), at + after.end("noun"))
            elif before and (to := _TO.fullmatch(gap)):
                found = (_singular(before["noun"].lower()), to["prep"], to["the"], before.start("noun"), before.end("noun"))
        if found is not None:
            noun, prep, the, start, end = found
            names = " and ".join(f"{_family_name(x, by_key)}'s" for x in makers)
            label = f"{names} {noun.lower()} {prep} {'the ' if the else ''}{dest.span.text}"
            key = record_key("event", label, scope)
            facts.setdefault(key, EntityFact(key, "event", label, set(),
                                             involves=(dest.entity,) if dest.kind == "state" else ()))
            out.append(Mention(key, "event", Span(start, end, text[start:end]), "description", paragraph_of(start),
                               "occasion-of-a-person"))
        i = j
    return list(facts.values()), out
