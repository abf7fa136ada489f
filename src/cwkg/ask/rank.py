"""The interim ranking of statements against a claim in a question's words ("who said that ...", "which states
were named as ..."): the share of the claim's content words found in the statement's quote (words cut to a crude
stem), plus half the share of the claim's named entities the statement is about, plus a bonus when its stance is
the one the question's verb gives. A search index over the evidence (issue 27, item 2) can replace `score`
without changing its callers: they only read `Scored`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import STOPWORDS

STANCE_BONUS = 0.25
ENTITY_WEIGHT = 0.5
KEEP = 0.75  # statements scoring at least this share of the best are kept
FLOOR = 0.2  # below this, a best statement matches too little of the claim to answer with


def stem(word: str) -> str:
    word = word.lower().strip("'-.")
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[\w'-]+", text.lower()) if w not in STOPWORDS and len(w) > 1 and not w.isdigit()}


@dataclass(frozen=True)
class Scored:
    key: str  # the statement (position IRI)
    score: float


def score(claim: set[str], entities: set[str], quote: str, subjects: set[str], stance: str | None, wanted: str | None) -> float:
    words = content_words(quote)
    overlap = len(claim & words) / len(claim) if claim else 0.0
    named = len(entities & subjects) / len(entities) if entities else 0.0
    bonus = STANCE_BONUS if wanted and stance == wanted else 0.0
    return round(overlap + ENTITY_WEIGHT * named + bonus, 4)


def best(scored: list[Scored]) -> list[Scored]:
    """The statements that answer: those within KEEP of the best, when the best clears FLOOR; best first."""
    if not scored:
        return []
    top = max(s.score for s in scored)
    if top < FLOOR:
        return []
    return sorted((s for s in scored if s.score >= KEEP * top), key=lambda s: (-s.score, s.key))
