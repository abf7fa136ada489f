"""Offices by their titles: what a title is, where a description joins two, whom an office serves.

Lists of persons and participants describe people by office ("Secretary of the Treasury from
April 1965", "Chairman of the Council of State and First Secretary of the East German
Communist Party"). An office the role scheme does not list keeps its title; a title must
have an office's head word (a rank, office or role of `lexicon/titles.tsv`), so "Embassy of ..." or "Press
Office" is an affiliation, not an office.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cwkg.lang import title_words
from cwkg.lang.dates import trailing_period
from cwkg.records.facts import Mention, PostFact


def _lexicon() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Modifiers ("Acting", "First") and head words ("Secretary", "Director") of office titles."""
    return title_words.heads("qualifier", "grade"), title_words.heads("rank", "office", "civic", "role")


@lru_cache(maxsize=1)
def office_words() -> frozenset[str]:
    """The modifiers and head words of office titles, as written ("Deputy", "Minister")."""
    modifiers, heads = _lexicon()
    return frozenset(modifiers + heads)


@lru_cache(maxsize=1)
def _joined() -> re.Pattern[str]:
    modifiers, heads = _lexicon()
    return re.compile(rf",?\s+and\s+(?=(?:(?:{'|'.join(map(re.escape, modifiers))})[\s-]+)*(?:{'|'.join(map(re.escape, heads))})\b)")


@lru_cache(maxsize=1)
def _head() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, _lexicon()[1]))})\b", re.IGNORECASE)


def offices(phrase: str) -> list[str]:
    """The offices a description joins with "and": split where the second begins with an office's head word."""
    parts = [p.strip(" ,") for p in _joined().split(phrase.strip())]
    return [p for p in parts if p]


_STEPS = re.compile(r";\s*|,\s*(?=(?:thereafter|then|later|subsequently)\b)", re.IGNORECASE)
_FOLLOWS = re.compile(r"^(?:thereafter|then|later|subsequently|afterwards)\b,?\s*", re.IGNORECASE)
_BEFORE = re.compile(r"^(?:formerly|former|previously)\b", re.IGNORECASE)


def career(description: str) -> list[tuple[str, str | None, str | None]]:
    """Each office a description gives, with its period: "Ambassador to France to February 1968; thereafter Deputy
    Under Secretary of State" -> the embassy to 1968-02, the second office from then. An office held "formerly",
    with no dates, is left out: nothing says when it ended."""
    out: list[tuple[str, str | None, str | None]] = []
    previous_end: str | None = None
    for segment in _STEPS.split(description or ""):
        segment = segment.strip(" .")
        follows = bool(_FOLLOWS.match(segment))
        segment = re.sub(r"^also\s+", "", _FOLLOWS.sub("", segment))
        start, end, phrase = trailing_period(segment)
        if _BEFORE.match(phrase) and start is None and end is None:
            continue
        if follows and start is None:
            start = previous_end
        out += [(office, start, end) for office in offices(phrase)]
        previous_end = end or previous_end
    return out


_OFFICE = re.compile(r"^(?:also\s+|later\s+|then\s+|formerly\s+)?(?P<title>[A-Z][\w’'.-]*(?:[\s,]+(?:[A-Z][\w’'.-]*|of|the|for|and|on|to|in|at|de|du|la|des)){0,14})")


def office_title(phrase: str) -> str | None:
    """The office a volume's description names ("Secretary of the Treasury from April 1965" -> its title)."""
    m = _OFFICE.match(phrase.strip())
    if not m:
        return None
    title = re.sub(r"[\s,]+(?:of|the|for|and|on|to|in|at)$", "", m["title"].strip(" ,")).strip(" ,")
    if not 1 <= len(title.split()) <= 15 or re.fullmatch(r"[A-Z]\.?", title) or not _head().search(title):
        return None
    return title


def office_post(holder: str, text: str, at: int, mentions: list[Mention]) -> PostFact | None:
    """An office the role scheme does not list, by its title: "German Minister for Transportation" serves the state of
    its leading adjective, "First Secretary of the Communist Party of X" the body named after "of"; a state named
    after "for" or "to" is the office's subject, not whom it serves."""
    title = office_title(text[at:])
    if title is None:
        return None
    lead = next((m for m in mentions if m.span.start == at and m.kind == "state"), None)
    if lead is not None and len(title) > len(lead.span.text) + 1:
        return PostFact(holder, None, of=lead.entity, title=title[len(lead.span.text):].strip(" ,"))
    end = at + len(title)
    for m in mentions:
        if m.kind in ("party", "organization", "state") and m.span.end == end:
            head = re.match(r"(?P<head>.+?),?\s+of\s+(?:the\s+)?$", text[at:m.span.start])
            if head and office_title(head["head"]):
                return PostFact(holder, None, of=m.entity, title=head["head"].strip(" ,"))
    return PostFact(holder, None, title=title)
