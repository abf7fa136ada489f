"""What Wikidata says of a set of items, fetched in batches: names, claims and offices held."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .client import WikidataClient
from .queries import (ITEM_BATCH, LANGUAGES, PositionHeld, ItemFacts, batches, claims_query, names_query,
                      positions_query, term)


@dataclass
class Fetched:
    facts: dict[str, ItemFacts]
    retrieved: dict[str, date]  # the oldest answer each item's facts come from


def fetch_facts(client: WikidataClient, items: Iterable[str], languages: Sequence[str] = LANGUAGES) -> Fetched:
    wanted = sorted(set(items))
    facts = {i: ItemFacts(i, [], [], []) for i in wanted}
    retrieved: dict[str, date] = {}

    def note(item: str, day: date) -> None:
        retrieved[item] = min(day, retrieved.get(item, day))

    def statements(query: str, purpose: str, into: str) -> None:
        """(property, value) rows of one batch into the items' names or claims."""
        answer = client.select(query, purpose)
        for b in answer.bindings if answer else ():
            item, value = b["item"]["value"], term(b.get("value"))
            if item in facts and value is not None:
                getattr(facts[item], into).append((b["property"]["value"], value))
                note(item, answer.retrieved)

    for chunk in batches(wanted, ITEM_BATCH):
        statements(names_query(chunk, languages), f"names of {len(chunk)} Wikidata items", "names")
        statements(claims_query(chunk), f"facts of {len(chunk)} Wikidata items", "claims")
        answer = client.select(positions_query(chunk), f"offices held of {len(chunk)} Wikidata items")
        for b in answer.bindings if answer else ():
            item, position = b["item"]["value"], term(b.get("position"))
            if item in facts and position is not None and b.get("position", {}).get("type") == "uri":
                statement = b.get("statement", {})
                label = term(b.get("positionLabel"))
                facts[item].positions.append(PositionHeld(
                    statement["value"] if statement.get("type") == "uri" else None, position.value,
                    label.value if label is not None else None, term(b.get("start")), term(b.get("end"))))
                note(item, answer.retrieved)
    return Fetched(facts, retrieved)
