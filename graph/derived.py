"""What the canned queries need worked out ahead, so that a query starts from the entity it is
asked about and its cost follows its answer, not the size of the store.

Whom a stated position counts for (`cw:countsFor`): its speaker, whoever it was said on behalf of, the states
and parties the speaker's posts serve and the party ruling such a state, each also as the
representative of its owl:sameAs group (what a query parameter resolves to). It depends on
posts and groups that later loads may add, so it is rebuilt whole after every ingest and
whenever the groups change, in its own graph. Which positions a meeting set against each
other (`cw:opposedBy`): one for (a stance of positive polarity) and one against (negative)
by two speakers on a shared subject, found meeting by meeting.
"""

from __future__ import annotations

import pyoxigraph as ox

from .namespaces import CW, ID, META_GRAPH
from .store import GraphStore, plain_lines

DERIVED_GRAPH = ox.NamedNode(ID + "graph/derived")

_COUNTS_FOR = """
SELECT DISTINCT ?position ?x WHERE {
  ?position a cw:Position ; cw:speaker ?who .
  { ?position cw:speaker ?x } UNION { ?position cw:onBehalfOf ?x } UNION { ?who cw:holdsPost/org:organization ?x }
  UNION { ?who cw:holdsPost/org:organization ?ruled . ?x cw:rulingPartyOf ?ruled }
}"""


def counts_for(store: GraphStore) -> list[ox.Triple]:
    groups = {r["e"].value: r["rep"] for r in store.query("SELECT ?e ?rep WHERE { ?e cw:sameAsGroup ?rep }")}
    out = []
    for r in store.query(_COUNTS_FOR):
        position, who = r["position"], r["x"]
        if not isinstance(who, ox.NamedNode):
            continue
        out.append(ox.Triple(position, CW.countsFor, who))
        if who.value in groups:
            out.append(ox.Triple(position, CW.countsFor, groups[who.value]))
    return out


_AT_MEETINGS = """
SELECT ?position ?meeting ?speaker ?polarity ?subject WHERE {
  ?position a cw:Position ; cw:atMeeting ?meeting ; cw:speaker ?speaker ; cw:stance/cw:polarity ?polarity ;
            cw:about|cw:topic ?subject .
}"""


def opposed(store: GraphStore) -> list[ox.Triple]:
    """A position for and one against a shared subject, at one meeting, by two speakers."""
    seen: dict[tuple[str, str], dict] = {}
    for r in store.query(_AT_MEETINGS):
        entry = seen.setdefault((r["meeting"].value, r["position"].value),
                                {"node": r["position"], "speaker": r["speaker"].value, "polarity": int(r["polarity"].value),
                                 "subjects": set()})
        entry["subjects"].add(r["subject"].value)
    by_meeting: dict[str, list[dict]] = {}
    for (meeting, _), entry in seen.items():
        by_meeting.setdefault(meeting, []).append(entry)
    out = []
    for entries in by_meeting.values():
        for a in entries:
            if a["polarity"] <= 0:
                continue
            for b in entries:
                if b["polarity"] < 0 and a["speaker"] != b["speaker"] and a["subjects"] & b["subjects"]:
                    out.append(ox.Triple(a["node"], CW.opposedBy, b["node"]))
    return out


def write_derived(store: GraphStore) -> int:
    """Rebuild the derived graphs; how many triples they hold."""
    lines = plain_lines(counts_for(store) + opposed(store))
    store.replace_graph(DERIVED_GRAPH, lines)
    return len(lines)


def has_derived(store: GraphStore) -> bool:
    return bool(store.query(f"ASK {{ GRAPH {META_GRAPH} {{ {DERIVED_GRAPH} {CW.storedTriples} ?n }} }}"))
