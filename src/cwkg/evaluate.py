"""Score the graph built from a document against its gold file (shared/gold/README.md).

The document is loaded into a fresh in-memory store and everything is read back from the
graph through SPARQL, so what is scored is what a user would query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from cwkg.gold import Gold, locate_document, norm, read_gold
from cwkg.graph.store import GraphStore
from cwkg.pipeline import ingest_file
from cwkg.queries.catalog import load_catalog
from cwkg.queries.runner import run

KINDS = {
    "https://w3id.org/cwkg/ontology#State": "states",
    "https://w3id.org/cwkg/ontology#PoliticalParty": "parties",
    "https://w3id.org/cwkg/ontology#Event": "events",
    "https://w3id.org/cwkg/ontology#Congress": "events",
    "https://w3id.org/cwkg/ontology#City": "places",
    "https://w3id.org/cwkg/ontology#Place": "places",
    "https://w3id.org/cwkg/ontology#Organization": "organizations",
    "https://w3id.org/cwkg/ontology#Person": "persons",
}
# English question forms the evaluation can put to the canned queries: pattern -> (query, answer column).
QUESTIONS = [
    (re.compile(r"^which ambassadors discussed (?P<topic>.+?)(?: in (?P<year>\d{4}(?:\s*-\s*\d{4})?))?\??$", re.I),
     "ambassadors-discussing", "ambassador"),
]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def as_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass
class Report:
    gold: Path
    document: Path
    persons: Score
    mentions: dict[str, Score]
    positions: Score
    speaker: Accuracy
    topic: Accuracy
    stance: Accuracy
    reported_by: Accuracy
    questions: Accuracy
    missed_positions: list[str] = field(default_factory=list)
    extra_positions: list[str] = field(default_factory=list)

    @property
    def mentions_total(self) -> Score:
        return Score(*(sum(getattr(s, k) for s in self.mentions.values()) for k in ("tp", "fp", "fn")))

    def as_dict(self) -> dict:
        return {
            "gold": str(self.gold), "document": str(self.document), "persons": self.persons.as_dict(),
            "mentions": {"all": self.mentions_total.as_dict(), **{k: s.as_dict() for k, s in self.mentions.items()}},
            "positions": self.positions.as_dict(), "speaker_accuracy": self.speaker.as_dict(),
            "topic_accuracy": self.topic.as_dict(), "stance_accuracy": self.stance.as_dict(),
            "reported_by_accuracy": self.reported_by.as_dict(), "questions": self.questions.as_dict(),
            "missed_positions": self.missed_positions, "extra_positions": self.extra_positions,
        }


def _labels(store: GraphStore) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in store.query("SELECT ?e ?l WHERE { ?e skos:prefLabel|skos:altLabel|skos:hiddenLabel|rdfs:label|cw:abbreviation ?l }"):
        out.setdefault(r["e"].value, set()).add(norm(r["l"].value))
    return out


def _doc(doc: ox.NamedNode) -> dict[ox.Variable, ox.NamedNode]:
    return {ox.Variable("doc"): doc}


def _score_persons(store: GraphStore, doc: ox.NamedNode, gold: Gold, labels: dict[str, set[str]]) -> Score:
    rows = store.query("SELECT DISTINCT ?p ?doc WHERE { GRAPH ?doc { ?p a cw:Person } FILTER NOT EXISTS { ?p cw:unnamed true } }", _doc(doc))
    predicted = [labels.get(r["p"].value, set()) for r in rows]
    matched_gold = sum(1 for g in gold.persons if any(names & g.names() for names in predicted))
    matched_pred = sum(1 for names in predicted if any(names & g.names() for g in gold.persons))
    return Score(tp=matched_gold, fp=len(predicted) - matched_pred, fn=len(gold.persons) - matched_gold)


def _score_mentions(store: GraphStore, doc: ox.NamedNode, gold: Gold, labels: dict[str, set[str]]) -> dict[str, Score]:
    rows = store.query("SELECT DISTINCT ?e ?t ?doc WHERE { ?doc cw:mentions ?e . ?e a ?t }", _doc(doc))
    by_kind: dict[str, set[str]] = {}
    for r in rows:
        kind = KINDS.get(r["t"].value)
        if kind:
            by_kind.setdefault(kind, set()).add(r["e"].value)
    scores = {}
    for kind, names in gold.mentions.items():
        wanted = {norm(n) for n in names}
        entities = by_kind.get(kind, set())
        tp = sum(1 for n in wanted if any(n in labels.get(e, set()) for e in entities))
        fp = sum(1 for e in entities if not labels.get(e, set()) & wanted)
        scores[kind] = Score(tp, fp, len(wanted) - tp)
    return scores


def _find(body: str, evidence: str) -> tuple[int, int] | None:
    """Offsets in `body` of a quote whose runs of white space were folded to one space."""
    pattern = r"\s+".join(re.escape(w) for w in evidence.split())
    m = re.search(pattern, body)
    if m is None:
        from cwkg.loaders.text import fold

        m = re.search(r"\s+".join(re.escape(w) for w in fold(evidence).split()), fold(body))
    return (m.start(), m.end()) if m else None


@dataclass
class _Predicted:
    iri: str
    start: int
    end: int
    speaker: set[str]
    stance: str
    about: set[str]
    reporter: set[str]
    quote: str
    name: str


def _predicted_positions(store: GraphStore, doc: ox.NamedNode, labels: dict[str, set[str]]) -> list[_Predicted]:
    rows = store.query("""
        SELECT ?p ?speaker (SAMPLE(?name) AS ?speakerName) ?stanceLabel ?start ?end ?exact ?reporter
               (GROUP_CONCAT(DISTINCT STR(?x); separator=" ") AS ?about) ?doc WHERE {
          ?p cw:inDocument ?doc ; a cw:Position ; cw:speaker ?speaker ; cw:stance/skos:prefLabel ?stanceLabel ;
             oa:hasTarget/oa:hasSelector ?pos , ?quote .
          ?pos oa:start ?start ; oa:end ?end . ?quote oa:exact ?exact .
          OPTIONAL { ?p cw:reportedBy ?reporter }
          OPTIONAL { ?p cw:about|cw:topic ?x }
          OPTIONAL { ?speaker skos:prefLabel ?name }
        } GROUP BY ?p ?speaker ?stanceLabel ?start ?end ?exact ?reporter ?doc""", _doc(doc))
    out = []
    for r in rows:
        about = set().union(*(labels.get(x, set()) for x in r["about"].value.split())) if r["about"] else set()
        out.append(_Predicted(r["p"].value, int(r["start"].value), int(r["end"].value), labels.get(r["speaker"].value, set()),
                              r["stanceLabel"].value, about, labels.get(r["reporter"].value, set()) if r["reporter"] else set(),
                              r["exact"].value, r["speakerName"].value if r["speakerName"] else r["speaker"].value))
    return out


def _score_positions(store: GraphStore, doc: ox.NamedNode, body: str, gold: Gold, labels: dict[str, set[str]], report: Report) -> None:
    predicted = _predicted_positions(store, doc, labels)
    matched_pred: set[str] = set()
    for g in gold.positions:
        span = _find(body, g.evidence)
        speaker_names = gold.person_names(g.speaker)
        overlapping = [p for p in predicted if span and p.start < span[1] and span[0] < p.end]
        if overlapping:
            report.speaker.total += 1
            report.speaker.correct += any(p.speaker & speaker_names for p in overlapping)
        matches = [p for p in overlapping if p.speaker & speaker_names]
        if not matches:
            report.positions.fn += 1
            report.missed_positions.append(f"{g.id}: {g.speaker}: {g.evidence}")
            continue
        report.positions.tp += 1
        matched_pred.update(p.iri for p in matches)
        best = max(matches, key=lambda p: min(p.end, span[1]) - max(p.start, span[0]))
        report.topic.total += 1
        report.topic.correct += any(norm(a) in best.about for a in g.about)
        report.stance.total += 1
        report.stance.correct += norm(best.stance) == norm(g.stance)
        if g.reported_by:
            report.reported_by.total += 1
            report.reported_by.correct += bool(best.reporter & gold.person_names(g.reported_by))
    extra = [p for p in predicted if p.iri not in matched_pred]
    report.positions.fp = len(extra)
    report.extra_positions = [f"{p.name}: {p.stance}: {p.quote}" for p in extra]


def _score_questions(store: GraphStore, gold: Gold) -> Accuracy:
    acc = Accuracy()
    catalog = load_catalog()
    for q in gold.questions:
        for pattern, name, column in QUESTIONS:
            m = pattern.match(q.ask.strip())
            if m:
                params = {k: v for k, v in m.groupdict().items() if v}
                result = run(store, catalog[name], params)
                answers = {norm(r[column].value) for r in result.rows if r.get(column) is not None}
                wanted = [gold.person_names(a) for a in q.answer]
                acc.total += 1
                acc.correct += len(answers) == len(wanted) and all(names & answers for names in wanted)
                break
    return acc


def evaluate(gold_path: Path, roots: list[Path]) -> Report:
    gold = read_gold(gold_path)
    document = locate_document(gold, roots)
    with GraphStore.in_memory() as store:
        store.ensure_static()
        result = ingest_file(store, document)
        if not result.ok:
            from cwkg.errors import InputError

            raise InputError(result.error or "cannot load", str(document))
        doc = ox.NamedNode(result.document)
        body = next(iter(store.query("SELECT ?t ?doc WHERE { ?doc cw:text ?t }", _doc(doc))))["t"].value
        labels = _labels(store)
        report = Report(gold_path, document, _score_persons(store, doc, gold, labels), _score_mentions(store, doc, gold, labels),
                        Score(), Accuracy(), Accuracy(), Accuracy(), Accuracy(), Accuracy())
        _score_positions(store, doc, body, gold, labels, report)
        report.questions = _score_questions(store, gold)
    return report
