"""What the canned queries need worked out ahead, so that a query starts from the entity it is
asked about and its cost follows its answer, not the size of the store.

Whom a stated position counts for (`cw:countsFor`): its speaker, whoever it was said on behalf of, the states
and parties the speaker's posts serve and the party ruling such a state, each also as the
representative of its owl:sameAs group (what a query parameter resolves to). Which positions a
meeting set against each other (`cw:opposedBy`): one for (a stance of positive polarity) and one
against (negative) by two speakers on a shared subject. Positions and meetings belong to one
document, so each document has its own derived graph, worked out a few hundred documents at a
time: an ingest works out those of the documents it loaded and of the documents whose speakers'
groups, posts or parties changed, never holding more than one chunk in memory.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .namespaces import CW, ID
from .store import GraphStore, Lines, plain_lines

DERIVED_PREFIX = ID + "graph/derived/"
DERIVED_VERSION = "per-document"  # recorded in the metadata graph; a store without it gets its derived graphs once
_OLD_WHOLE_GRAPH = ox.NamedNode(ID + "graph/derived")  # one graph for the whole store, before derived graphs were per document
CHUNK = 200  # documents worked out (and written) together


def derived_graph(document: ox.NamedNode) -> ox.NamedNode:
    """The derived graph of a document graph (`id:document/X` -> `id:graph/derived/document/X`)."""
    return ox.NamedNode(DERIVED_PREFIX + document.value.removeprefix(ID))


def _values(nodes: Iterable[ox.NamedNode]) -> str:
    return " ".join(str(n) for n in nodes)


_SPEAKERS = """
SELECT ?g ?position ?who WHERE {{
  VALUES ?g {{ {graphs} }}
  GRAPH ?g {{ ?position a cw:Position ; cw:speaker ?who . }}
}}"""

# Asked apart from the speakers: as an OPTIONAL of that query it was worked out over the whole store (1,000
# documents: 0.95 s a chunk, against 0.19 s for the two).
_ON_BEHALF = """
SELECT ?g ?position ?for WHERE {{
  VALUES ?g {{ {graphs} }}
  GRAPH ?g {{ ?position cw:onBehalfOf ?for . }}
}}"""

_SERVES = """
SELECT ?who ?x WHERE {{
  VALUES ?who {{ {entities} }}
  ?who cw:holdsPost ?post . ?post org:organization ?of .
  {{ ?post org:organization ?x }} UNION {{ ?x cw:rulingPartyOf ?of }}
}}"""

_GROUPS = "SELECT ?x ?rep WHERE {{ VALUES ?x {{ {entities} }} ?x cw:sameAsGroup ?rep }}"


def _in_chunks(nodes: Iterable[ox.NamedNode], size: int = 500) -> Iterable[str]:
    """The nodes as VALUES lists of at most `size`, in a stable order."""
    ordered = sorted(nodes, key=lambda n: n.value)
    for i in range(0, len(ordered), size):
        yield _values(ordered[i:i + size])


def _lookup(store: GraphStore, template: str, key: str, value: str, entities: set[ox.NamedNode]) -> dict[ox.NamedNode, set]:
    """A query over a few hundred entities at a time, as entity -> values: joined here rather than in the engine,
    which would work the optional and union parts out over the whole store."""
    out: dict[ox.NamedNode, set] = {}
    for chunk in _in_chunks(entities):
        for r in store.query(template.format(entities=chunk)):
            if isinstance(r[value], ox.NamedNode):
                out.setdefault(r[key], set()).add(r[value])
    return out


_AT_MEETINGS = """
SELECT ?g ?position ?meeting ?speaker ?stance ?subject WHERE {{
  VALUES ?g {{ {graphs} }}
  GRAPH ?g {{ ?position a cw:Position ; cw:atMeeting ?meeting ; cw:speaker ?speaker ; cw:stance ?stance ;
                        cw:about|cw:topic ?subject . }}
}}"""

_POLARITY = "SELECT ?stance ?polarity WHERE { ?stance cw:polarity ?polarity }"


def _counts_for(store: GraphStore, graphs: list[ox.NamedNode]) -> dict[str, list[ox.Triple]]:
    values = _values(graphs)
    rows = [(r["g"].value, r["position"], r["who"]) for r in store.query(_SPEAKERS.format(graphs=values))]
    behalf: dict[tuple[str, ox.NamedNode], set[ox.NamedNode]] = {}
    for r in store.query(_ON_BEHALF.format(graphs=values)):
        if isinstance(r["for"], ox.NamedNode):
            behalf.setdefault((r["g"].value, r["position"]), set()).add(r["for"])
    speakers = {who for _, _, who in rows if isinstance(who, ox.NamedNode)}
    serves = _lookup(store, _SERVES, "who", "x", speakers)
    counted: dict[tuple[str, ox.NamedNode], set[ox.NamedNode]] = {}
    for graph, position, who in rows:
        found = counted.setdefault((graph, position), set())
        found |= ({who} if isinstance(who, ox.NamedNode) else set()) | behalf.get((graph, position), set()) | serves.get(who, set())
    reps = _lookup(store, _GROUPS, "x", "rep", set().union(*counted.values()) if counted else set())
    out: dict[str, list[ox.Triple]] = {}
    for (graph, position), found in counted.items():
        out.setdefault(graph, []).extend(ox.Triple(position, CW.countsFor, x)
                                         for x in sorted(found | set().union(*(reps.get(x, set()) for x in found)),
                                                         key=lambda n: n.value))
    return out


def _opposed(store: GraphStore, graphs: list[ox.NamedNode]) -> dict[str, list[ox.Triple]]:
    """A position for and one against a shared subject, at one meeting, by two speakers."""
    polarity = {r["stance"].value: int(r["polarity"].value) for r in store.query(_POLARITY)}
    seen: dict[tuple[str, str, str], dict] = {}
    for r in store.query(_AT_MEETINGS.format(graphs=_values(graphs))):
        if r["stance"].value not in polarity:
            continue
        entry = seen.setdefault((r["g"].value, r["meeting"].value, r["position"].value),
                                {"node": r["position"], "speaker": r["speaker"].value, "polarity": polarity[r["stance"].value],
                                 "subjects": set()})
        entry["subjects"].add(r["subject"].value)
    by_meeting: dict[tuple[str, str], list[dict]] = {}
    for (graph, meeting, _), entry in seen.items():
        by_meeting.setdefault((graph, meeting), []).append(entry)
    out: dict[str, list[ox.Triple]] = {}
    for (graph, _), entries in by_meeting.items():
        for a in entries:
            if a["polarity"] <= 0:
                continue
            for b in entries:
                if b["polarity"] < 0 and a["speaker"] != b["speaker"] and a["subjects"] & b["subjects"]:
                    out.setdefault(graph, []).append(ox.Triple(a["node"], CW.opposedBy, b["node"]))
    return out


def write_derived(store: GraphStore, documents: Iterable[ox.NamedNode] | None = None) -> int:
    """Work out the derived graphs of the given document graphs (all of them by default), a chunk at a time;
    how many triples they hold."""
    docs = sorted(set(documents), key=lambda g: g.value) if documents is not None else store.document_graphs()
    written = 0
    for i in range(0, len(docs), CHUNK):
        chunk = docs[i:i + CHUNK]
        counts, opposed = _counts_for(store, chunk), _opposed(store, chunk)
        graphs: list[tuple[ox.NamedNode, Lines]] = []
        for doc in chunk:
            lines = plain_lines(counts.get(doc.value, []) + opposed.get(doc.value, []))
            graphs.append((derived_graph(doc), lines))
            written += len(lines)
        store.replace_graphs(graphs)
    if documents is None and not has_derived(store):
        store.forget_graph(_OLD_WHOLE_GRAPH)
        store.set_meta(CW.derivedVersion, DERIVED_VERSION)
    return written


def has_derived(store: GraphStore) -> bool:
    """Whether the store's derived graphs are per document (the metadata graph says so)."""
    return store.meta(CW.derivedVersion) == DERIVED_VERSION


_AFFECTED = """
SELECT DISTINCT ?g WHERE {{
  VALUES ?x {{ {entities} }}
  {{ GRAPH ?g {{ ?position cw:speaker|cw:onBehalfOf ?x }} }}
  UNION {{ ?who cw:holdsPost/org:organization ?x . GRAPH ?g {{ ?position cw:speaker ?who }} }}
  UNION {{ ?x cw:rulingPartyOf ?ruled . ?who cw:holdsPost/org:organization ?ruled . GRAPH ?g {{ ?position cw:speaker ?who }} }}
}}"""


def documents_speaking_of(store: GraphStore, entities: Iterable[str]) -> set[ox.NamedNode]:
    """The document graphs whose positions may count for any of `entities` (a speaker, one spoken for, a state or
    party of a speaker's post, the party ruling it): those whose derived graphs change when their groups do."""
    out: set[ox.NamedNode] = set()
    for chunk in _in_chunks(map(ox.NamedNode, entities)):
        out |= {r["g"] for r in store.query(_AFFECTED.format(entities=chunk))
                if isinstance(r["g"], ox.NamedNode) and r["g"].value.startswith(ID + "document/")}
    return out


def post_holders(store: GraphStore, graphs: Iterable[ox.NamedNode]) -> set[str]:
    """The persons whose posts the given graphs (volume lists, POCOM, the people authority) state: whom a
    position counts for changes only where they speak."""
    out: set[str] = set()
    for chunk in _in_chunks(graphs):
        query = f"SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {chunk} }} GRAPH ?g {{ ?s cw:holdsPost ?post }} }}"
        out |= {r["s"].value for r in store.query(query) if isinstance(r["s"], ox.NamedNode)}
    return out

