"""`cwkg link`: find Wikidata candidates for every entity not yet linked, link the sure ones,
send the rest to a curator, then bring in what Wikidata says of every linked item.

Candidates come from, in order: the authority data's confirmed ids (already links, so such
entities are not asked about), VIAF ids (P214, a few hundred per request), and English
labels and aliases of items of the entity's kind. Everything is fetched before anything is
written, so an offline run missing answers, or a failed request, changes nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pyoxigraph as ox

from cwkg.errors import CwkgError
from cwkg.ontology.vocab import CW
from cwkg.graph.store import GraphStore
from cwkg.safewrite import refuse_unless_replaceable

from .client import WikidataClient, WikidataError
from .entities import KINDS, Entity, collect
from .facts import Fetched, fetch_facts
from .graphs import LINKS_GRAPH, Link, write_facts, write_links
from .queries import LABEL_BATCH, VIAF_BATCH, WD, batches, label_query, viaf_query
from .review import read_choices, write_review
from .scoring import THRESHOLD, Decision, Scored, decide, kind_classes, score

MAX_LABELS = 4  # names asked per entity: its preferred label and the longest distinct aliases


@dataclass
class LinkReport:
    considered: int = 0
    linked: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    for_review: int = 0
    review_rows: int = 0
    no_candidate: int = 0
    enriched: int = 0
    fact_triples: int = 0
    requests: int = 0
    from_cache: int = 0

    def line(self, review: Path | None) -> str:
        methods = ", ".join(f"{m} {n}" for m, n in sorted(self.linked.items())) or "none"
        where = f" in {review}" if review and self.review_rows else ""
        return (f"{self.considered} entities without an authority's or curator's Wikidata link: linked {sum(self.linked.values())} ({methods}), "
                f"{self.for_review} for review{where}, {self.no_candidate} without a candidate; "
                f"facts of {self.enriched} linked items ({self.fact_triples} triples); "
                f"{self.requests} requests sent, {self.from_cache} answered from the cache")


def query_labels(entity: Entity) -> list[str]:
    """The names worth asking Wikidata: full names (no inverted "Surname, Given" forms, no bare surnames for
    persons), the preferred first."""
    names = []
    for label in entity.labels:
        label = " ".join(label.split())
        if not label or "," in label or label in names:
            continue
        if entity.kind == "person" and len(label.split()) < 2:
            continue
        names.append(label)
    return (names[:1] + sorted(names[1:], key=lambda n: (-len(n), n)))[:MAX_LABELS]


def _check_offline(client: WikidataClient) -> None:
    missing = client.tally.missing
    if missing:
        raise WikidataError(f"--offline: {len(missing)} Wikidata requests are not in the cache ({missing[0]}"
                            f"{' and others' if len(missing) > 1 else ''}); run `cwkg link` without --offline to fetch them",
                            str(client.cache_dir))


def _viaf_candidates(client: WikidataClient, todo: list[Entity]) -> dict[str, set[str]]:
    owners: dict[str, list[Entity]] = defaultdict(list)
    for e in todo:
        for v in e.viaf:
            owners[v].append(e)
    found: dict[str, set[str]] = defaultdict(set)
    for chunk in batches(sorted(owners), VIAF_BATCH):
        answer = client.select(viaf_query(chunk), f"VIAF ids of {len(chunk)} persons")
        for b in answer.bindings if answer else ():
            for e in owners.get(b["viaf"]["value"], ()):
                found[e.iri].add(b["item"]["value"])
    return found


def _label_candidates(client: WikidataClient, todo: list[Entity]) -> tuple[dict[str, set[str]], dict[str, bool]]:
    """Candidate items per entity, and whether the entity's kind was checked (a kind without classes is not)."""
    classes = kind_classes()
    found: dict[str, set[str]] = defaultdict(set)
    typed: dict[str, bool] = {}
    for kind in KINDS:
        mine = [e for e in todo if e.kind == kind]
        owners: dict[str, list[Entity]] = defaultdict(list)
        for e in mine:
            typed[e.iri] = kind in classes
            for label in query_labels(e):
                owners[label].append(e)
        spec = classes.get(kind)
        for chunk in batches(sorted(owners), LABEL_BATCH):
            answer = client.select(label_query(chunk, spec.classes if spec else (), spec.subclasses if spec else False),
                                   f"{kind} names ({len(chunk)})")
            for b in answer.bindings if answer else ():
                for e in owners.get(b["label"]["value"], ()):
                    found[e.iri].add(b["item"]["value"])
    return found, typed


def firm_links(store: GraphStore) -> list[tuple[str, str]]:
    """(entity, item) links that no run of `cwkg link` may change: the authority data's and the curator's. The
    machine's own links are made again on every run, so a second run asks the same questions (all from the cache)
    and a link that no longer holds goes away."""
    rows = store.query(f"""SELECT DISTINCT ?e ?w WHERE {{
      {{ ?e skos:exactMatch ?w . FILTER NOT EXISTS {{ GRAPH {LINKS_GRAPH} {{ ?e skos:exactMatch ?w }} }} }}
      UNION {{ GRAPH {LINKS_GRAPH} {{ ?l {CW.linkedEntity} ?e ; {CW.linkTarget} ?w ; {CW.linkMethod} "curator" }} }}
      FILTER(isIRI(?e) && STRSTARTS(STR(?w), "{WD}Q")) }}""")
    return [(r["e"].value, r["w"].value) for r in rows]


def link(store: GraphStore, client: WikidataClient, review_path: Path | None, kinds: Iterable[str] = KINDS,
         threshold: float = THRESHOLD, enrich: bool = True, today: date | None = None) -> LinkReport:
    today = today or date.today()
    if review_path is not None:
        refuse_unless_replaceable(review_path)  # said before any request is sent
    report = LinkReport()
    kinds = set(kinds)
    firm = firm_links(store)
    firmly_linked = {e for e, _ in firm}
    todo = [e for e in collect(store) if e.kind in kinds and not firmly_linked.intersection(e.members)]
    report.considered = len(todo)

    by_viaf = _viaf_candidates(client, todo)
    rest = [e for e in todo if e.iri not in by_viaf]
    by_label, typed = _label_candidates(client, rest)
    candidates = set().union(*by_viaf.values(), *by_label.values()) if (by_viaf or by_label) else set()
    details = fetch_facts(client, candidates)
    _check_offline(client)

    decisions: list[Decision] = []
    for e in todo:
        if e.iri in by_viaf:
            items = sorted(by_viaf[e.iri])
            scored = [score(e, details.facts[i], "viaf", True) for i in items]
            if len(items) > 1:  # one VIAF id on two items: Wikidata's own duplicate, for a curator
                scored = [Scored(s.item, s.label, s.description, 0.9, s.evidence + ("the VIAF id is on several items",), s.via)
                          for s in scored if s]
        else:
            scored = [score(e, details.facts[i], "label", typed.get(e.iri, False)) for i in sorted(by_label.get(e.iri, ()))]
        decisions.append(decide(e, [s for s in scored if s is not None], threshold))

    links = [Link(d.entity.iri, d.link.item, d.link.via, d.link.score, "; ".join(d.link.evidence), today)
             for d in decisions if d.link]
    reviews = [d for d in decisions if d.review]
    for ln in links:
        report.linked[ln.method] += 1
    report.for_review = len(reviews)
    report.no_candidate = sum(1 for d in decisions if not d.link and not d.review)

    fetched = None
    if enrich:
        wanted = {w for _, w in firm} | {ln.item for ln in links}
        fetched = fetch_facts(client, wanted - details.facts.keys())  # the candidates' facts are in hand already
        fetched.facts.update({i: f for i, f in details.facts.items() if i in wanted})
        fetched.retrieved.update({i: d for i, d in details.retrieved.items() if i in wanted})
        _check_offline(client)
    if review_path is not None and (reviews or review_path.exists()):
        report.review_rows = write_review(review_path, reviews)  # before the store changes: a failed write changes nothing
    write_links(store, links, replacing={e.iri for e in todo})
    if fetched is not None:
        _store_facts(store, client, fetched, today, report)
    report.requests, report.from_cache = client.tally.sent, client.tally.cached
    return report


def _store_facts(store: GraphStore, client: WikidataClient, fetched: Fetched, today: date, report: LinkReport) -> None:
    report.fact_triples = write_facts(store, fetched, client.settings.endpoint, today)
    report.enriched = sum(1 for f in fetched.facts.values() if f.names or f.claims)


_IS_ENTITY = "ASK { ?e a ?c }"


def accept(store: GraphStore, client: WikidataClient | None, path: Path, today: date | None = None,
           enrich: bool = True) -> LinkReport:
    """Apply a curator's choices from a review file: each accepted row links its entity (replacing any link it had)."""
    today = today or date.today()
    choices = read_choices(path)
    for c in choices:  # each IRI a bound value of one fixed query, never text pasted into one
        if not store.query(_IS_ENTITY, substitutions={ox.Variable("e"): ox.NamedNode(c.entity)}):
            raise CwkgError(f"line {c.line}: {c.entity} is not an entity of this store", str(path))
    links = [Link(c.entity, c.item, "curator", 1.0, f"accepted in {path.name}", today) for c in choices]
    report = LinkReport(considered=len(choices))
    fetched = None
    if enrich and client is not None and links:
        fetched = fetch_facts(client, {w for e, w in firm_links(store) if e not in {c.entity for c in choices}}
                              | {ln.item for ln in links})
        _check_offline(client)
    write_links(store, links, replacing={c.entity for c in choices})
    report.linked["curator"] = len(links)
    if fetched is not None:
        _store_facts(store, client, fetched, today, report)
    if client is not None:
        report.requests, report.from_cache = client.tally.sent, client.tally.cached
    return report
