"""How far a Wikidata item is the entity of our graph: name, kind, dates and offices, weighed
into a score with the evidence that made it. Pure functions over plain data.

A person is never linked on a name alone: the name must be corroborated by something the
records say (a birth year, the state they served, an office held at the time). A
candidate the records contradict (dead before they act, founded after it is mentioned) is
dropped; two candidates close in score go to a curator.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from importlib import resources

from rapidfuzz import fuzz
from unidecode import unidecode

from .entities import Entity
from .queries import WD, ItemFacts, year_of

THRESHOLD = 0.8
MARGIN = 0.1


@dataclass(frozen=True)
class KindClasses:
    classes: tuple[str, ...]
    subclasses: bool


def kind_classes() -> dict[str, KindClasses]:
    text = resources.files("cwkg.ontology").joinpath("wikidata-types.tsv").read_text(encoding="utf-8")
    rows = [r for r in csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")]
    out: dict[str, KindClasses] = {}
    for kind in sorted({r["kind"] for r in rows}):
        mine = [r for r in rows if r["kind"] == kind]
        out[kind] = KindClasses(tuple(r["class"] for r in mine), any(r["subclasses"] == "yes" for r in mine))
    return out


def fold(name: str) -> str:
    """Transliteration-blind form: a letter with or without its diacritic and in either case is the same letter;
    hyphens and dots are spaces."""
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", unidecode(name).lower())).strip()


def name_similarity(ours: tuple[str, ...], theirs: list[str]) -> float:
    best = 0.0
    for a in {fold(x) for x in ours if x}:
        for b in {fold(x) for x in theirs if x}:
            if a and b:
                best = max(best, 1.0 if a == b else fuzz.token_sort_ratio(a, b) / 100)
    return best


@dataclass(frozen=True)
class Scored:
    item: str
    label: str
    description: str
    score: float
    evidence: tuple[str, ...]
    via: str  # viaf | label


@dataclass(frozen=True)
class Decision:
    entity: Entity
    link: Scored | None
    review: tuple[Scored, ...]


def _contradiction(entity: Entity, facts: ItemFacts) -> str | None:
    first, last = entity.years or (None, None)
    born, died = facts.year("P569"), facts.year("P570")
    founded, dissolved = facts.year("P571"), facts.year("P576")
    if entity.kind == "person":
        if died is not None and first is not None and died < first - 1:
            return f"died {died}, before the records' {first}"
        if born is not None and first is not None and born > first - 16:
            return f"born {born}, too young for the records' {first}"
        if born is not None and entity.birth is not None and abs(born - entity.birth) > 1:
            return f"born {born}, not {entity.birth}"
        if died is not None and entity.death is not None and abs(died - entity.death) > 1:
            return f"died {died}, not {entity.death}"
    elif first is not None:
        if dissolved is not None and dissolved < first - 1:
            return f"dissolved {dissolved}, before the records' {first}"
        if founded is not None and last is not None and founded > last + 1:
            return f"founded {founded}, after the records' {last}"
    return None


def _office_match(entity: Entity, facts: ItemFacts) -> str | None:
    first, last = entity.years or (None, None)
    for held in facts.positions:
        if not held.label:
            continue
        start, end = year_of(held.start), year_of(held.end)
        if first is not None and ((end is not None and end < first) or (start is not None and start > last)):
            continue
        for role in entity.roles:
            if fuzz.token_set_ratio(fold(role), fold(held.label)) >= 85:
                return f"held '{held.label}' ({start or '?'}–{end or '?'}), as the records' '{role}'"
    return None


def score(entity: Entity, facts: ItemFacts, via: str, typed: bool) -> Scored | None:
    """The candidate's score and evidence, or None when the records contradict it."""
    label = facts.label() or (facts.labels() or [facts.item[len(WD):]])[0]
    description = next((v.value for p, v in facts.names if p.endswith("description") and v.language == "en"), "")
    if via == "viaf":
        return Scored(facts.item, label, description, 1.0, (f"VIAF {', '.join(entity.viaf)} on the item",), via)
    why = _contradiction(entity, facts)
    if why:
        return None
    similarity = name_similarity(entity.labels, facts.labels())
    evidence = [f"name {similarity:.2f} ('{label}')"]
    if entity.kind == "person":
        total = 0.55 * similarity + (0.2 if typed else 0)
        if facts.year("P569") is not None and entity.birth is not None:
            total += 0.15
            evidence.append(f"born {facts.year('P569')} as recorded")
        citizenship = {v.value for v in facts.values("P27")} & set(entity.states)
        if citizenship:
            total += 0.1
            evidence.append("citizen of the state the records give")
        office = _office_match(entity, facts)
        if office:
            total += 0.15
            evidence.append(office)
    else:
        total = 0.6 * similarity + (0.25 if typed else 0)
        if typed and entity.years and (facts.year("P571") is not None or facts.year("P576") is not None):
            total += 0.05
            evidence.append("existed when the records mention it")
        country = {v.value for v in facts.values("P17") + facts.values("P1376")} & set(entity.states)
        if country:
            total += 0.1
            evidence.append("in or capital of the state the records give")
    if typed:
        evidence.insert(1, "kind matches")
    return Scored(facts.item, label, description, round(min(total, 1.0), 3), tuple(evidence), via)


def decide(entity: Entity, candidates: list[Scored], threshold: float = THRESHOLD, margin: float = MARGIN) -> Decision:
    """Link the best candidate when it clears the threshold and no other comes within the margin; otherwise any
    candidate left goes to a curator."""
    ranked = sorted(candidates, key=lambda c: (-c.score, c.item))
    if not ranked:
        return Decision(entity, None, ())
    best = ranked[0]
    if best.score >= threshold and (len(ranked) == 1 or best.score - ranked[1].score >= margin):
        return Decision(entity, best, ())
    return Decision(entity, None, tuple(ranked))
