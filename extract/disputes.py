"""Disputes named by their two sides: "the controversy between Moscow and Peking" is the authority's dispute of
those two states, where one is listed for the record's year.

English names a quarrel between states by a noun of conflict and "between X and Y", and diplomatic English lets a
capital stand for its government. The authority lists the splits and disputes of the period with the states they
involve and their years (`ontology/authority/events.ttl`); a phrase names one of them only when its two sides are
exactly the dispute's states and the record falls within its years, so a quarrel of other states or of another
decade names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .authority import Authority, Entity
from cwkg.records.facts import Mention, Span

_CONFLICT = re.compile(r"\b(?:disputes?|controvers(?:y|ies)|conflicts?|split|rift|quarrels?|polemics?|schism|breach)"
                       r"\s+between\s+(?:the\s+)?$", re.I)
_AND = re.compile(r"\s+and\s+(?:the\s+)?")


def _state(m: Mention, authority: Authority, year: int | None) -> str | None:
    if m.kind == "state":
        return m.entity
    if m.kind == "place":
        return authority.capital_state(m.entity, year)
    return None


def _years(e: Entity) -> tuple[int, int] | None:
    start = e.start_year or e.event_year
    end = e.end_year or start
    return (start, end) if start is not None else None


def mentions(text: str, found: list[Mention], authority: Authority, year: int | None,
             paragraph_of: Callable[[int], int]) -> list[Mention]:
    """A mention of the authority's dispute for each "<conflict> between X and Y" whose sides are its two states."""
    if year is None:
        return []
    candidates = [e for e in authority.disputes if (years := _years(e)) and years[0] <= year <= years[1]]
    if not candidates:
        return []
    ordered = sorted(found, key=lambda m: m.span.start)
    out = []
    for a, b in zip(ordered, ordered[1:]):
        head = _CONFLICT.search(text, max(0, a.span.start - 40), a.span.start)
        if head is None or not _AND.fullmatch(text, a.span.end, b.span.start):
            continue
        sides = {_state(a, authority, year), _state(b, authority, year)}
        if None in sides or len(sides) != 2:
            continue
        for e in candidates:
            if sides <= e.involves:
                noun = re.match(r"\w+", head.group(0))
                start, end = head.start(), head.start() + noun.end()
                out.append(Mention(e.iri, "event", Span(start, end, text[start:end]), "description", paragraph_of(start),
                                   "dispute-between"))
                break
    return out
