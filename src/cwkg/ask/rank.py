"""Rank statements against a claim in a question's words ("who said that ...", "which states were named as ...").

With the store's claim index (graph/claimindex.py) a statement's score is the sum of three features:

    text     BM25 of the claim's stemmed content words against the statement's evidence, within the question's time
             window, as a share of what a statement holding every claim word once would score (`ClaimIndex.search`):
             about 1 for a statement that says the claim in its words, 0 for one that shares none;
    entities ENTITY_WEIGHT (0.5) x the share of the entities the claim names that the statement is about: a claim
             naming Berlin prefers statements filed under Berlin, whatever their wording;
    stance   STANCE_BONUS (0.25) when the statement's stance is the one the question's verb gives ("warned" ->
             concerned), POLARITY_BONUS (0.1) when it only leans the same way (the stance scheme's polarity:
             "argued against" asks for opposes, and doubts or criticizes lean against too), else 0.

The weights keep the claim's words first: a full match of the words outranks any statement that matches by entity
and stance alone, and entity and stance decide between statements of about equal wording. A statement that shares
neither a word nor an entity with the claim is no answer, whatever its stance. Of those that are, `best` keeps the
ones within KEEP of the best, when the best clears FLOOR.

Without an index (a remote endpoint) the text feature is the interim one: the share of the claim's content words,
cut to a crude stem, found in the quote, with only the exact-stance bonus; the answer says so (`INTERIM`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from cwkg.graph import claimindex
from cwkg.graph.claimindex import Hit

from .lexicon import STOPWORDS
from .model import DateWindow

STANCE_BONUS = 0.25
POLARITY_BONUS = 0.1
ENTITY_WEIGHT = 0.5
KEEP = 0.75  # statements scoring at least this share of the best are kept
FLOOR = 0.2  # below this, a best statement matches too little of the claim to answer with
INTERIM = "ranked by word overlap: the endpoint has no claim index (BM25 needs an embedded store)"


class Search(Protocol):
    """What ranking needs of a claim index (`cwkg.graph.claimindex.ClaimIndex`)."""

    def search(self, words: Iterable[str], start: str | None = None, end: str | None = None) -> list[Hit]: ...

    def polarities(self) -> dict[str, int]: ...


@dataclass(frozen=True)
class Scored:
    key: str  # the statement (position IRI)
    score: float


@dataclass(frozen=True)
class Claim:
    """What a question says of the statements it asks for: the claim in its words, the entities it names (IRIs) and
    the stance of its verb, in its time window."""

    text: str
    entities: frozenset[str] = frozenset()
    stance: str | None = None
    window: DateWindow | None = None


@dataclass(frozen=True)
class Statement:
    """A statement of the window as ranking sees it."""

    key: str  # the position IRI
    quote: str
    subjects: frozenset[str]  # what it is about (IRIs)
    stance: str | None


def stem(word: str) -> str:
    """The interim ranking's crude stem (and the refusals' word matching)."""
    word = word.lower().strip("'-.")
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    return {stem(w) for w in re.findall(r"[\w'-]+", text.lower()) if w not in STOPWORDS and len(w) > 1 and not w.isdigit()}


def claim_terms(text: str) -> list[str]:
    """The claim's content words stemmed as the index stems them: function words and single letters left out."""
    return [claimindex.stem(w) for w in claimindex.words(text) if w not in STOPWORDS and len(w) > 1]


def score(claim: set[str], entities: set[str], quote: str, subjects: set[str], stance: str | None, wanted: str | None) -> float:
    """The interim score of one statement."""
    words = content_words(quote)
    overlap = len(claim & words) / len(claim) if claim else 0.0
    named = len(entities & subjects) / len(entities) if entities else 0.0
    bonus = STANCE_BONUS if wanted and stance == wanted else 0.0
    return round(overlap + ENTITY_WEIGHT * named + bonus, 4)


def _stance_feature(stance: str | None, wanted: str | None, polarities: dict[str, int]) -> float:
    if not wanted or not stance:
        return 0.0
    if stance == wanted:
        return STANCE_BONUS
    lean = polarities.get(wanted, 0)
    return POLARITY_BONUS if lean and polarities.get(stance) == lean else 0.0


def search(claim: Claim, index: Search) -> list[Hit]:
    """The statements of the claim's window whose evidence shares a word with it, best first (at most the index's
    TOP): the only statements the text feature scores above 0."""
    window = claim.window
    return index.search(claim_terms(claim.text), window.start.isoformat() if window else None,
                        window.end.isoformat() if window else None)


def rank(claim: Claim, statements: Iterable[Statement], index: Search | None, hits: list[Hit] | None = None) -> list[Scored]:
    """Every statement that matches the claim by a word or an entity, scored (in no order: `best` picks); with
    `index` None, by the interim word overlap. `hits`: the index's `search` for the claim, when already made."""
    statements = list(statements)
    if index is None:
        words = content_words(claim.text)
        return [Scored(s.key, score(words, set(claim.entities), s.quote, set(s.subjects), s.stance, claim.stance))
                for s in statements if (words & content_words(s.quote)) or (claim.entities & s.subjects)]
    text = {h.position: h.relevance for h in (hits if hits is not None else search(claim, index))}
    polarities = index.polarities()
    out = []
    for s in statements:
        named = len(claim.entities & s.subjects) / len(claim.entities) if claim.entities else 0.0
        if s.key not in text and not named:
            continue
        value = text.get(s.key, 0.0) + ENTITY_WEIGHT * named + _stance_feature(s.stance, claim.stance, polarities)
        out.append(Scored(s.key, round(value, 4)))
    return out


def entity_only_may_count(top: float) -> bool:
    """Whether a statement that shares no word with the claim (scored by entities and stance alone, at most
    ENTITY_WEIGHT + STANCE_BONUS) could be kept beside statements whose best scores `top`."""
    return ENTITY_WEIGHT + STANCE_BONUS >= KEEP * top - 1e-9


def best(scored: list[Scored]) -> list[Scored]:
    """The statements that answer: those within KEEP of the best, when the best clears FLOOR; best first."""
    if not scored:
        return []
    top = max(s.score for s in scored)
    if top < FLOOR:
        return []
    return sorted((s for s in scored if s.score >= KEEP * top), key=lambda s: (-s.score, s.key))
