"""What a refusal says: the kinds `cwkg ask` understands and the canned queries nearest the question (by the words
they share with its title and description), so a reader knows where to go next."""

from __future__ import annotations

from cwkg.queries.catalog import CannedQuery

from .model import KINDS, Ambiguous, Refusal, Unreadable
from .rank import content_words

NEAREST = 3


def nearest(question: str, catalog: dict[str, CannedQuery], n: int = NEAREST) -> list[str]:
    words = content_words(question)
    scored = sorted(((len(words & content_words(f"{q.name.replace('-', ' ')} {q.title} {q.description}")), q.name)
                     for q in catalog.values()), key=lambda s: (-s[0], s[1]))
    return [name for _, name in scored[:n]]


def explain(refusal: Refusal, catalog: dict[str, CannedQuery]) -> str:
    """One line: why, and what to try instead."""
    if isinstance(refusal, Unreadable):
        near = ", ".join(f"`cwkg query {name}`" for name in nearest(refusal.question, catalog))
        return f"{refusal}. It understands: {'; '.join(KINDS)}. Nearest canned queries: {near}"
    if isinstance(refusal, Ambiguous):
        return str(refusal)
    return f"{refusal}; check the spelling, or ask with another name of it"
