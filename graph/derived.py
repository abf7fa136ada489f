"""What the canned queries need worked out ahead, so that a query starts from the entity it is
asked about and its cost follows its answer, not the size of the store.

Whom a stated position counts for (`cw:countsFor`): its speaker, whoever it was said on behalf of, the states
and parties the speaker's posts serve and the party ruling such a state, each also as the
representative of its owl:sameAs group (what a query parameter resolves to). Which positions a
meeting set against each other (`cw:opposedBy`): one for (a stance of positive polarity) and one
against (negative) by two speakers on a shared subject. Who may have discussed what as an
ambassador (`cw:discussant`): a holder of an ambassadorial post (one the record attests, or a
dated one: `cw:discussantPost`) taking part in a meeting, with everything its record mentions,
or stating a position, with its subjects; the query starts from the entries about its topic and
tests their posts against the meeting's year. Positions and meetings belong to one
document, so each document has its own derived graph, worked out a few hundred documents at a
time: an ingest works out those of the documents it loaded and of the documents whose speakers'
or participants' groups, posts or parties changed, never holding more than one chunk in memory.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pyoxigraph as ox

from cwkg.ontology.vocab import CW, DERIVED_BASE, ID, ORG, is_document
from .statements import Lines, plain_lines
from .storeapi import WritableStore

DERIVED_PREFIX = DERIVED_BASE
DERIVED_VERSION = "per-document+discussants"  # recorded in the metadata graph; a store without it gets its derived graphs once
_OLD_WHOLE_GRAPH = ox.NamedNode(DERIVED_BASE.rstrip("/"))  # one graph for the whole store, before derived graphs were per document
CHUNK = 200  # documents worked out (and written) together


def derived_graph(document: ox.NamedNode) -> ox.NamedNode:
    """The derived graph of a document graph (`id:document/X` -> `id:graph/derived/document/X`)."""
    return ox.NamedNode(DERIVED_PREFIX + document.value.removeprefix(ID))


def _values(nodes: Iterable[ox.NamedNode]) -> str:
    return " ".join(str(n) for n in nodes)


def _in_each_graph(variables: str, pattern: str) -> str:
    """A query template matching `pattern` inside each graph of a VALUES list (`{graphs}`, filled a chunk at a time),
    with the graph as ?g: what every per-document lookup of the derivations asks."""
    inner = pattern.replace("{", "{{").replace("}", "}}")
    return f"SELECT ?g {variables} WHERE {{{{ VALUES ?g {{{{ {{graphs}} }}}} GRAPH ?g {{{{ {inner} }}}} }}}}"


_SPEAKERS = _in_each_graph("?position ?who", "?position a cw:Position ; cw:speaker ?who .")

# Asked apart from the speakers: as an OPTIONAL of that query it was worked out over the whole store (1,000
# documents: 0.95 s a chunk, against 0.19 s for the two).
_ON_BEHALF = _in_each_graph("?position ?for", "?position cw:onBehalfOf ?for .")

_GROUPS = "SELECT ?x ?rep WHERE {{ VALUES ?x {{ {entities} }} ?x cw:sameAsGroup ?rep }}"


def _in_chunks(nodes: Iterable[ox.NamedNode], size: int = 500) -> Iterable[str]:
    """The nodes as VALUES lists of at most `size`, in a stable order."""
    ordered = sorted(nodes, key=lambda n: n.value)
    for i in range(0, len(ordered), size):
        yield _values(ordered[i:i + size])


def _served(store: WritableStore, speakers: set[ox.NamedNode]) -> dict[ox.NamedNode, set[ox.NamedNode]]:
    """The states and parties each speaker's posts serve, and the parties ruling those states: followed from each
    speaker through the store's indexes. As one query over a chunk's speakers the engine joined every post of the
    store (10,000 documents: 1.9 s a chunk of 200 documents, against 0.13 s followed here), so that the derived
    graphs of a first load took time growing with the square of its documents."""
    out: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    for who in speakers:
        for held in store.quads_for(who, CW.holdsPost):
            for served in store.quads_for(held.object, ORG.organization):
                found = out.setdefault(who, set())
                if isinstance(served.object, ox.NamedNode):
                    found.add(served.object)
                found.update(q.subject for q in store.quads(None, CW.rulingPartyOf, served.object)
                             if isinstance(q.subject, ox.NamedNode))
    return {who: found for who, found in out.items() if found}


def _lookup(store: WritableStore, template: str, key: str, value: str, entities: set[ox.NamedNode]) -> dict[ox.NamedNode, set]:
    """A query over a few hundred entities at a time, as entity -> values: joined here rather than in the engine,
    which would work the optional and union parts out over the whole store."""
    out: dict[ox.NamedNode, set] = {}
    for chunk in _in_chunks(entities):
        for r in store.query(template.format(entities=chunk)):
            if isinstance(r[value], ox.NamedNode):
                out.setdefault(r[key], set()).add(r[value])
    return out


_AT_MEETINGS = _in_each_graph("?position ?meeting ?speaker ?stance ?subject",
                              "?position a cw:Position ; cw:atMeeting ?meeting ; cw:speaker ?speaker ; cw:stance ?stance ; "
                              "cw:about|cw:topic ?subject .")

# Who took part in a meeting the document records, with what the record mentions, and who stated a position, with its
# subjects: the occasions on which a person may have discussed something.
_TOOK_PART = _in_each_graph("?person ?meeting", "?g cw:records ?meeting . ?meeting cw:participant ?person .")

_MENTIONED = _in_each_graph("?topic", "?g cw:mentions ?topic .")

# (A position is stated in the graph of its document, cw:inDocument.)
_STATED = _in_each_graph("?stated ?person", "?stated cw:speaker ?person .")

# Asked apart and joined here: as one query with the speakers, 1,000 synthetic documents took 1.6 s a chunk, against
# 0.3 s for the three.
_STATED_AT = _in_each_graph("?stated ?meeting", "?stated cw:atMeeting ?meeting .")

_STATED_ABOUT = _in_each_graph("?stated ?topic", "{ ?stated cw:about ?topic } UNION { ?stated cw:topic ?topic }")

# The posts the query may accept: one attested in the record itself, or one with a start date (held in the
# record's year or not: the query decides). Dated ones are found from the few ambassadorial roles, once for a call.
_ATTESTED_AMBASSADORS = """
SELECT ?g ?who ?post WHERE {{
  VALUES ?g {{ {graphs} }}
  ?post cw:attestedIn ?g ; org:role ?role . ?who cw:holdsPost ?post .
  FILTER EXISTS {{ ?role a cw:AmbassadorialRole }}
}}"""

_DATED_AMBASSADORS = """
SELECT DISTINCT ?who ?post WHERE {
  ?role a cw:AmbassadorialRole . ?post org:role ?role ; cw:startDate ?start . ?who cw:holdsPost ?post .
}"""

_POLARITY = "SELECT ?stance ?polarity WHERE { ?stance cw:polarity ?polarity }"


def _counts_for(store: WritableStore, graphs: list[ox.NamedNode]) -> dict[str, list[ox.Triple]]:
    values = _values(graphs)
    rows = [(r["g"].value, r["position"], r["who"]) for r in store.query(_SPEAKERS.format(graphs=values))]
    behalf: dict[tuple[str, ox.NamedNode], set[ox.NamedNode]] = {}
    for r in store.query(_ON_BEHALF.format(graphs=values)):
        if isinstance(r["for"], ox.NamedNode):
            behalf.setdefault((r["g"].value, r["position"]), set()).add(r["for"])
    speakers = {who for _, _, who in rows if isinstance(who, ox.NamedNode)}
    serves = _served(store, speakers)
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


def _opposed(store: WritableStore, graphs: list[ox.NamedNode]) -> dict[str, list[ox.Triple]]:
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


def _discussants(store: WritableStore, graphs: list[ox.NamedNode], dated: dict[ox.NamedNode, set[ox.NamedNode]]
                 ) -> dict[str, list[ox.Triple]]:
    """One entry per occasion on which a possible ambassador (in `dated`, or attested as one by the record) took part
    in a meeting or stated a position, with what may have been discussed: the record's mentions, or the position's
    subjects."""
    values = _values(graphs)
    attested: dict[tuple[str, ox.NamedNode], set[ox.NamedNode]] = {}
    for r in store.query(_ATTESTED_AMBASSADORS.format(graphs=values)):
        attested.setdefault((r["g"].value, r["who"]), set()).add(r["post"])

    def posts(graph: str, who) -> set[ox.NamedNode]:
        """The ambassadorial posts that may make `who` an ambassador in the record."""
        return dated.get(who, set()) | attested.get((graph, who), set()) if isinstance(who, ox.NamedNode) else set()

    mentioned: dict[str, set[ox.Term]] = {}
    for r in store.query(_MENTIONED.format(graphs=values)):
        mentioned.setdefault(r["g"].value, set()).add(r["topic"])
    # (document, person, meeting or None, position or None) -> topics
    occasions: dict[tuple[str, ox.NamedNode, ox.NamedNode | None, ox.NamedNode | None], set[ox.Term]] = {}
    for r in store.query(_TOOK_PART.format(graphs=values)):
        graph = r["g"].value
        if posts(graph, r["person"]) and mentioned.get(graph):
            occasions.setdefault((graph, r["person"], r["meeting"], None), set()).update(mentioned[graph])
    at: dict[tuple[str, ox.NamedNode], list[ox.NamedNode]] = {}
    for r in store.query(_STATED_AT.format(graphs=values)):
        at.setdefault((r["g"].value, r["stated"]), []).append(r["meeting"])
    about: dict[tuple[str, ox.NamedNode], set[ox.Term]] = {}
    for r in store.query(_STATED_ABOUT.format(graphs=values)):
        about.setdefault((r["g"].value, r["stated"]), set()).add(r["topic"])
    for r in store.query(_STATED.format(graphs=values)):
        graph, stated = r["g"].value, r["stated"]
        if posts(graph, r["person"]) and about.get((graph, stated)):
            for meeting in at.get((graph, stated), [None]):
                occasions.setdefault((graph, r["person"], meeting, stated), set()).update(about[(graph, stated)])
    out: dict[str, list[ox.Triple]] = {}
    for (graph, person, meeting, stated), topics in occasions.items():
        key = " ".join(str(x) for x in (person, meeting, stated))
        entry = ox.NamedNode(f"{derived_graph(ox.NamedNode(graph)).value}#discussant-{hashlib.sha1(key.encode()).hexdigest()[:12]}")
        triples = out.setdefault(graph, [])
        triples += [ox.Triple(entry, CW.discussant, person), ox.Triple(entry, CW.discussedIn, ox.NamedNode(graph))]
        triples += [ox.Triple(entry, CW.discussedAt, meeting)] if meeting is not None else []
        triples += [ox.Triple(entry, CW.discussedInStatement, stated)] if stated is not None else []
        triples += [ox.Triple(entry, CW.discussantPost, post) for post in sorted(posts(graph, person), key=str)]
        triples += [ox.Triple(entry, CW.discussed, t) for t in sorted(topics, key=str)]
    return out


def write_derived(store: WritableStore, documents: Iterable[ox.NamedNode] | None = None) -> int:
    """Work out the derived graphs of the given document graphs (all of them by default), a chunk at a time;
    how many triples they hold."""
    docs = sorted(set(documents), key=lambda g: g.value) if documents is not None else store.document_graphs()
    written = 0
    dated: dict[ox.NamedNode, set[ox.NamedNode]] = {}
    for r in store.query(_DATED_AMBASSADORS) if docs else ():
        dated.setdefault(r["who"], set()).add(r["post"])
    for i in range(0, len(docs), CHUNK):
        chunk = docs[i:i + CHUNK]
        counts, opposed, discussants = _counts_for(store, chunk), _opposed(store, chunk), _discussants(store, chunk, dated)
        graphs: list[tuple[ox.NamedNode, Lines]] = []
        for doc in chunk:
            lines = plain_lines(counts.get(doc.value, []) + opposed.get(doc.value, []) + discussants.get(doc.value, []))
            graphs.append((derived_graph(doc), lines))
            written += len(lines)
        store.replace_graphs(graphs)
    if documents is None and not has_derived(store):
        store.forget_graph(_OLD_WHOLE_GRAPH)
        store.set_meta(CW.derivedVersion, DERIVED_VERSION)
    return written


def has_derived(store: WritableStore) -> bool:
    """Whether the store's derived graphs are per document (the metadata graph says so)."""
    return store.meta(CW.derivedVersion) == DERIVED_VERSION


_AFFECTED = """
SELECT DISTINCT ?g WHERE {{
  VALUES ?x {{ {entities} }}
  {{ GRAPH ?g {{ ?position cw:speaker|cw:onBehalfOf ?x }} }}
  UNION {{ GRAPH ?g {{ ?meeting cw:participant ?x }} }}
  UNION {{ ?who cw:holdsPost/org:organization ?x . GRAPH ?g {{ ?position cw:speaker ?who }} }}
  UNION {{ ?x cw:rulingPartyOf ?ruled . ?who cw:holdsPost/org:organization ?ruled . GRAPH ?g {{ ?position cw:speaker ?who }} }}
}}"""


def documents_speaking_of(store: WritableStore, entities: Iterable[str]) -> set[ox.NamedNode]:
    """The document graphs whose derived graphs change when the groups or posts of any of `entities` do: where one
    speaks, is spoken for or takes part in a meeting (a post may make them an ambassador there), or is the state or
    party of a speaker's post or the party ruling it."""
    out: set[ox.NamedNode] = set()
    for chunk in _in_chunks(map(ox.NamedNode, entities)):
        out |= {r["g"] for r in store.query(_AFFECTED.format(entities=chunk))
                if isinstance(r["g"], ox.NamedNode) and is_document(r["g"].value)}
    return out


def post_holders(store: WritableStore, graphs: Iterable[ox.NamedNode]) -> set[str]:
    """The persons whose posts the given graphs (volume lists, POCOM, the people authority) state: whom a
    position counts for changes only where they speak."""
    out: set[str] = set()
    for chunk in _in_chunks(graphs):
        query = f"SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {chunk} }} GRAPH ?g {{ ?s cw:holdsPost ?post }} }}"
        out |= {r["s"].value for r in store.query(query) if isinstance(r["s"], ox.NamedNode)}
    return out

