"""The questions put to Wikidata, in its own vocabulary, each over a batch of ids or labels.

Batches keep the number of requests proportional to what is asked divided by the batch
size, whatever the store holds; every query selects by a VALUES block first so the
endpoint never scans.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from cwkg.ontology.vocab import WIKIDATA_PREFIXES

WD, WDT, P, PS, PQ = (WIKIDATA_PREFIXES[p] for p in ("wd", "wdt", "p", "ps", "pq"))
SCHEMA = "http://schema.org/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"

PREFIXES = f"""PREFIX wd: <{WD}>
PREFIX wdt: <{WDT}>
PREFIX p: <{P}>
PREFIX ps: <{PS}>
PREFIX pq: <{PQ}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <{SCHEMA}>
"""

# The item facts cwkg reads: kind, born, died, founded, dissolved, citizenship, country, capital of, party, VIAF.
CLAIMS = ("P31", "P569", "P570", "P571", "P576", "P27", "P17", "P1376", "P102", "P214")
LANGUAGES = ("en", "ko", "ru", "cs", "zh", "de", "fr")

VIAF_BATCH = 300
LABEL_BATCH = 200
ITEM_BATCH = 100


def batches(values: Sequence, size: int) -> Iterator[Sequence]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def is_item(iri: str) -> bool:
    return iri.startswith(WD + "Q") and iri[len(WD) + 1:].isdigit()


def _items(items: Iterable[str]) -> str:
    return " ".join(f"wd:{iri[len(WD):]}" for iri in items)


def viaf_query(viaf_ids: Sequence[str]) -> str:
    values = " ".join(str(ox.Literal(v)) for v in viaf_ids)
    return PREFIXES + f"SELECT ?viaf ?item WHERE {{ VALUES ?viaf {{ {values} }} ?item wdt:P214 ?viaf . }}"


def label_query(labels: Sequence[str], classes: Sequence[str], subclasses: bool) -> str:
    """Items whose English label or alias is one of `labels` and whose kind is one of `classes` (or a subclass of one,
    with `subclasses`); no class: any item (the caller then never links without a curator)."""
    values = " ".join(str(ox.Literal(label, language="en")) for label in labels)
    kind = ""
    if classes:
        path = "wdt:P31/wdt:P279*" if subclasses else "wdt:P31"
        kind = f"VALUES ?class {{ {' '.join('wd:' + c for c in classes)} }} ?item {path} ?class ."
    return PREFIXES + (f"SELECT DISTINCT ?label ?item WHERE {{ VALUES ?label {{ {values} }} "
                       f"{{ ?item rdfs:label ?label }} UNION {{ ?item skos:altLabel ?label }} {kind} }}")


def names_query(items: Sequence[str], languages: Sequence[str]) -> str:
    langs = ", ".join(f'"{lang}"' for lang in languages)
    return PREFIXES + (f"SELECT ?item ?property ?value WHERE {{ VALUES ?item {{ {_items(items)} }} "
                       f"VALUES ?property {{ rdfs:label skos:altLabel schema:description }} ?item ?property ?value . "
                       f"FILTER(LANG(?value) IN ({langs})) }}")


def claims_query(items: Sequence[str]) -> str:
    props = " ".join(f"wdt:{p}" for p in CLAIMS)
    return PREFIXES + (f"SELECT ?item ?property ?value WHERE {{ VALUES ?item {{ {_items(items)} }} "
                       f"VALUES ?property {{ {props} }} ?item ?property ?value . }}")


def positions_query(items: Sequence[str]) -> str:
    return PREFIXES + (f"SELECT ?item ?statement ?position ?positionLabel ?start ?end WHERE {{ "
                       f"VALUES ?item {{ {_items(items)} }} ?item p:P39 ?statement . ?statement ps:P39 ?position . "
                       f"OPTIONAL {{ ?statement pq:P580 ?start }} OPTIONAL {{ ?statement pq:P582 ?end }} "
                       f"OPTIONAL {{ ?position rdfs:label ?positionLabel FILTER(LANG(?positionLabel) = \"en\") }} }}")


# ---------------------------------------------------------------------- answers as terms


def term(binding: dict[str, str] | None) -> ox.NamedNode | ox.Literal | None:
    """A SPARQL JSON value as an RDF term; blank nodes (unknown values) are left out."""
    if not binding:
        return None
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind in ("literal", "typed-literal"):
        if binding.get("xml:lang"):
            return ox.Literal(value, language=binding["xml:lang"])
        if binding.get("datatype"):
            return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
        return ox.Literal(value)
    return None


def year_of(value: ox.NamedNode | ox.Literal | None) -> int | None:
    """The year of a Wikidata time value ("1894-04-15T00:00:00Z", "-0500-..." for BCE)."""
    if not isinstance(value, ox.Literal):
        return None
    text = value.value
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-").split("-", 1)[0]
    return sign * int(digits) if digits.isdigit() else None


@dataclass(frozen=True)
class PositionHeld:
    statement: str | None
    position: str
    label: str | None
    start: ox.Literal | None
    end: ox.Literal | None


@dataclass
class ItemFacts:
    """What Wikidata says of one item, as its own properties and values."""

    item: str
    names: list[tuple[str, ox.Literal]]  # (property IRI, language-tagged literal)
    claims: list[tuple[str, ox.NamedNode | ox.Literal]]  # (wdt: property IRI, value)
    positions: list[PositionHeld]

    def values(self, prop: str) -> list[ox.NamedNode | ox.Literal]:
        return [v for p, v in self.claims if p == WDT + prop]

    def labels(self, language: str = "en") -> list[str]:
        return [v.value for p, v in self.names if p in (RDFS_LABEL, SKOS_ALT) and v.language == language]

    def label(self, language: str = "en") -> str | None:
        return next((v.value for p, v in self.names if p == RDFS_LABEL and v.language == language), None)

    def year(self, prop: str) -> int | None:
        years = [y for y in (year_of(v) for v in self.values(prop)) if y is not None]
        return min(years) if years else None
