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
from dataclasses import dataclass

import pyoxigraph as ox

from cwkg.ontology.vocab import CW, DERIVED_BASE, ID, ORG, RDF, is_document
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


@dataclass(frozen=True)
class _Said:
    """What the derivations read of one document graph, each predicate read once from the store's index of the
    graph. Asked as SPARQL over a chunk of graphs, the engine paid tens of microseconds a row for every pattern, and
    each derivation asked again (10,000 documents: 9.8 ms of CPU a document, against 5.8)."""
    graph: ox.NamedNode
    positions: set[ox.Term]  # the nodes typed cw:Position
    speakers: dict[ox.Term, list[ox.Term]]  # statement -> speakers (of positions or not)
    on_behalf: dict[ox.Term, list[ox.Term]]
    meetings: dict[ox.Term, list[ox.Term]]  # statement -> the meetings it was made at
    stances: dict[ox.Term, list[ox.Term]]
    subjects: dict[ox.Term, list[ox.Term]]  # statement -> what it is about (cw:about or cw:topic)
    mentioned: list[ox.Term]  # what the record mentions
    participants: dict[ox.Term, list[ox.Term]]  # meeting the record records -> who took part


def _read(store: WritableStore, graph: ox.NamedNode) -> _Said:
    def by_subject(predicate: ox.NamedNode) -> dict[ox.Term, list[ox.Term]]:
        out: dict[ox.Term, list[ox.Term]] = {}
        for q in store.quads(graph, predicate):
            out.setdefault(q.subject, []).append(q.object)
        return out

    subjects = by_subject(CW.about)
    for stated, topics in by_subject(CW.topic).items():
        subjects.setdefault(stated, []).extend(topics)
    recorded = set(by_subject(CW.records).get(graph, ()))
    return _Said(graph, {q.subject for q in store.quads(graph, RDF.type, CW.Position)}, by_subject(CW.speaker),
                 by_subject(CW.onBehalfOf), by_subject(CW.atMeeting), by_subject(CW.stance), subjects,
                 by_subject(CW.mentions).get(graph, []),
                 {meeting: who for meeting, who in by_subject(CW.participant).items() if meeting in recorded})


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


# The posts the query may accept: one attested in the record itself, or one with a start date (held in the
# record's year or not: the query decides). Dated ones are found from the few ambassadorial roles, once for a call.
_DATED_AMBASSADORS = """
SELECT DISTINCT ?who ?post WHERE {
  ?role a cw:AmbassadorialRole . ?post org:role ?role ; cw:startDate ?start . ?who cw:holdsPost ?post .
}"""

_POLARITY = "SELECT ?stance ?polarity WHERE { ?stance cw:polarity ?polarity }"


def _counts_for(store: WritableStore, said: list[_Said]) -> dict[str, list[ox.Triple]]:
    rows = [(d.graph.value, position, who) for d in said for position, speakers in d.speakers.items()
            if position in d.positions for who in speakers]
    behalf = {(d.graph.value, position): named for d in said for position, others in d.on_behalf.items()
              if (named := {x for x in others if isinstance(x, ox.NamedNode)})}
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


def _opposed(store: WritableStore, said: list[_Said]) -> dict[str, list[ox.Triple]]:
    """A position for and one against a shared subject, at one meeting, by two speakers."""
    polarity = {r["stance"].value: int(r["polarity"].value) for r in store.query(_POLARITY)}
    seen: dict[tuple[str, str, str], dict] = {}
    for d in said:
        for position in d.positions & d.meetings.keys() & d.speakers.keys() & d.subjects.keys():
            polar = [stance for stance in d.stances.get(position, ()) if stance.value in polarity]
            for meeting in d.meetings[position] if polar else ():
                seen[(d.graph.value, meeting.value, position.value)] = {
                    "node": position, "speaker": d.speakers[position][0].value, "polarity": polarity[polar[0].value],
                    "subjects": {subject.value for subject in d.subjects[position]}}
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


def _discussants(store: WritableStore, said: list[_Said], dated: dict[ox.NamedNode, set[ox.NamedNode]],
                 ambassadorial: set[ox.Term]) -> dict[str, list[ox.Triple]]:
    """One entry per occasion on which a possible ambassador (in `dated`, or attested as one by the record) took part
    in a meeting or stated a position, with what may have been discussed: the record's mentions, or the position's
    subjects. A post the record attests is ambassadorial when one of its roles is in `ambassadorial`."""
    attested: dict[tuple[str, ox.Term], set[ox.NamedNode]] = {}
    for d in said:
        for q in store.quads(None, CW.attestedIn, d.graph):
            if any(role.object in ambassadorial for role in store.quads_for(q.subject, ORG.role)):
                for held in store.quads(None, CW.holdsPost, q.subject):
                    attested.setdefault((d.graph.value, held.subject), set()).add(q.subject)

    def posts(graph: str, who) -> set[ox.NamedNode]:
        """The ambassadorial posts that may make `who` an ambassador in the record."""
        return dated.get(who, set()) | attested.get((graph, who), set()) if isinstance(who, ox.NamedNode) else set()

    # (document, person, meeting or None, position or None) -> topics
    occasions: dict[tuple[str, ox.Term, ox.Term | None, ox.Term | None], set[ox.Term]] = {}
    for d in said:
        g = d.graph.value
        for meeting, persons in d.participants.items() if d.mentioned else ():
            for person in persons:
                if posts(g, person):
                    occasions.setdefault((g, person, meeting, None), set()).update(d.mentioned)
        for stated, persons in d.speakers.items():
            for person in persons if stated in d.subjects else ():
                if posts(g, person):
                    for meeting in d.meetings.get(stated, [None]):
                        occasions.setdefault((g, person, meeting, stated), set()).update(d.subjects[stated])
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
    ambassadorial = {q.subject for q in store.quads(None, RDF.type, CW.AmbassadorialRole)} if docs else set()
    for i in range(0, len(docs), CHUNK):
        chunk = docs[i:i + CHUNK]
        said = [_read(store, doc) for doc in chunk]
        counts, opposed, discussants = _counts_for(store, said), _opposed(store, said), _discussants(store, said, dated, ambassadorial)
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

