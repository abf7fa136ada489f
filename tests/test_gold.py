"""The graph built from each Wilson document holds what the gold file says a historian
would record: every item of `document`, `meetings` and `persons`, every entity of
`mentions`, each checked through SPARQL."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import yaml

from cwkg.gold import norm as gold_norm
from cwkg.graph.store import GraphStore
from cwkg.pipeline import ingest

from support import CORPUS, GOLD, need

LABEL = "skos:prefLabel|skos:altLabel|skos:hiddenLabel|rdfs:label|cw:abbreviation"


def norm(text: str) -> str:
    """Names compare as `cwkg eval` compares them: case, diacritics, dashes and a trailing (gloss) ignored."""
    return gold_norm(str(text))


def document_of(gold_path):
    """The corpus file a gold file describes: its `document.file`, else the file it is named after."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    name = (gold.get("document") or {}).get("file") or gold_path.name.replace(".gold.yaml", "")
    hits = sorted(CORPUS.rglob(name)) or sorted(CORPUS.rglob(name + ".*"))
    return hits[0] if hits else None


def gold_files():
    if not GOLD.exists():
        return []
    return sorted(p for p in GOLD.glob("*.gold.yaml") if document_of(p) is not None)


def gold_params(section):
    out = []
    for path in gold_files():
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        items = gold.get(section) or []
        if isinstance(items, dict):
            items = list(items.items())
        out += [pytest.param(path, item, id=f"{path.name.split('.')[0]}-{i}") for i, item in enumerate(items)]
    return out or [pytest.param(None, None, id="no-gold")]


_stores: dict = {}


def graph_of(path, tmp_path_factory) -> tuple[GraphStore, ox.NamedNode]:
    if path is None:
        need(GOLD / "000_adaeb2830212c886.gold.yaml")  # skips, saying why, when ../shared is absent
        need(CORPUS / "wilson")
    if path not in _stores:
        store = GraphStore(tmp_path_factory.mktemp("gold") / "store")
        (result,) = list(ingest(store, [document_of(path)]))
        assert result.ok, result.error
        _stores[path] = (store, ox.NamedNode(result.document))
    return _stores[path]


def labels(store, iri) -> set[str]:
    rows = store.query(f"SELECT ?l ?e WHERE {{ ?e {LABEL} ?l }}", {ox.Variable("e"): iri})
    return {norm(r["l"].value) for r in rows}


def value(store, doc, path: str) -> list:
    rows = store.query(f"SELECT ?v ?d WHERE {{ ?d {path} ?v }}", {ox.Variable("d"): doc})
    return [r["v"] for r in rows]


def names_match(store, term, name) -> bool:
    return norm(name) in labels(store, term) or norm(name) == norm(getattr(term, "value", term))


@pytest.mark.parametrize(("path", "item"), gold_params("document"))
def test_document_item(path, item, tmp_path_factory):
    store, doc = graph_of(path, tmp_path_factory)
    key, expected = item
    paths = {
        "title": "dcterms:title", "date": "dcterms:date", "place": "cw:writtenAt", "author": "dcterms:creator",
        "language": "dcterms:language", "publisher": "dcterms:publisher", "archive": "cw:archive",
        "collection": "cw:collection", "archive_reference": "cw:archiveReference", "translator": "cw:translator",
        "translated_for": "cw:translatedFor", "kind": "cw:documentKind", "file": "dcterms:source",
    }
    found = value(store, doc, paths[key])
    if key == "file":
        assert any(v.value.endswith(str(expected)) for v in found)
    else:
        assert any(names_match(store, v, expected) for v in found), (key, expected, found)


@pytest.mark.parametrize(("path", "meeting"), gold_params("meetings"))
def test_meeting(path, meeting, tmp_path_factory):
    store, doc = graph_of(path, tmp_path_factory)
    meetings = value(store, doc, "cw:records")
    def matches(m):
        one = lambda prop: value(store, m, prop)
        return (
            any(names_match(store, k, meeting["kind"]) for k in one("cw:meetingKind"))
            and [v.value for v in one("cw:date")] == [str(meeting["date"])]
            and any(names_match(store, p, meeting["place"]) for p in one("cw:place"))
            and ("duration" not in meeting or [v.value for v in one("cw:duration")] == [meeting["duration"]])
            and ("host" not in meeting or any(names_match(store, h, meeting["host"]) for h in one("cw:host")))
            and all(any(names_match(store, p, who) for p in one("cw:participant")) for who in meeting["participants"])
            and len(one("cw:participant")) == len(meeting["participants"])
        )
    assert any(matches(m) for m in meetings), meeting


def _person(store, doc, gold):
    rows = store.query("SELECT DISTINCT ?p ?d WHERE { GRAPH ?d { ?p a cw:Person } }", {ox.Variable("d"): doc})
    for r in rows:
        names = labels(store, r["p"])
        if norm(gold["name"]) in names or any(norm(a) in names for a in gold.get("aliases", [])):
            return r["p"]
    return None


@pytest.mark.parametrize(("path", "gold"), gold_params("persons"))
def test_person_with_every_spelling_and_post(path, gold, tmp_path_factory):
    store, doc = graph_of(path, tmp_path_factory)
    person = _person(store, doc, gold)
    assert person is not None, gold["name"]
    assert {norm(a) for a in gold.get("aliases", [])} <= labels(store, person)
    for post in gold.get("posts", []):
        rows = list(store.query(
            "SELECT ?role ?of ?to ?at ?p WHERE { ?p cw:holdsPost ?post . ?post org:role ?role ."
            " OPTIONAL { ?post org:organization ?of } OPTIONAL { ?post cw:accreditedTo ?to } OPTIONAL { ?post cw:postCity ?at } }",
            {ox.Variable("p"): person}))
        assert any(
            names_match(store, r["role"], post["role"])
            and all(r[k] is not None and names_match(store, r[k], post[k]) for k in ("of", "to", "at") if k in post)
            for r in rows
        ), (gold["name"], post)


@pytest.mark.parametrize(("path", "group"), gold_params("mentions"))
def test_every_mentioned_entity_is_linked_to_the_document(path, group, tmp_path_factory):
    store, doc = graph_of(path, tmp_path_factory)
    kind, names = group
    mentioned = value(store, doc, "cw:mentions")
    missing = [n for n in names if not any(names_match(store, e, n) for e in mentioned)]
    assert missing == [], kind
