"""Copy the store's named graphs into a remote SPARQL 1.1 store, moving only what changed.

Each graph's content digest (SHA-256 of its sorted N-Triples lines) is kept on the remote in a
small digest graph, beside the graphs themselves, so the remote says what it holds: a graph
moves when its digest there differs from ours. Graphs go in bounded batches, by the Graph
Store Protocol (one PUT per graph, which replaces it) or by SPARQL Update (DROP + INSERT DATA
per graph, a batch per request); a batch's digests are written only after its graphs, so a
push stopped halfway re-sends the unfinished graphs on the next run. The last step counts
the triples of every pushed graph on both sides.
"""

from __future__ import annotations

import hashlib
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from .endpoint import Endpoint, HttpClient
from cwkg.ontology.vocab import CW, META_GRAPH, PUSH_DIGESTS_GRAPH
from .remote import RemoteStore
from .store import GraphStore

DIGEST_GRAPH = PUSH_DIGESTS_GRAPH
BATCH_TRIPLES = 50_000  # triples per batch: one update request, or the PUTs before a digest write
BATCH_GRAPHS = 500
UPDATE_TRIPLES = 10_000  # triples per SPARQL Update request (a larger graph goes alone)
CHECK_GRAPHS = 200  # graphs per counting query


@dataclass(frozen=True)
class LocalGraph:
    graph: ox.NamedNode
    digest: str
    triples: int


@dataclass
class Plan:
    """What a push would do."""

    send: list[LocalGraph]
    unchanged: int
    delete: list[ox.NamedNode]
    stale: list[ox.NamedNode] = field(default_factory=list)  # on the remote, gone here, kept without --delete

    @property
    def triples(self) -> int:
        return sum(g.triples for g in self.send)

    def line(self) -> str:
        """What the plan moves, said before it moves."""
        stale = f", {len(self.stale)} remote graphs no longer here (kept; --delete removes them)" if self.stale else ""
        return (f"{len(self.send)} graphs to push ({self.triples} triples), {self.unchanged} unchanged, "
                f"{len(self.delete)} to delete{stale}")

    def dry_run_lines(self) -> list[str]:
        """`push --dry-run`'s output: a tab-separated line per graph it would send or delete."""
        return [f"push\t{g.graph.value}\t{g.triples}" for g in self.send] + [f"delete\t{g.value}" for g in self.delete]


@dataclass
class Outcome:
    plan: Plan
    sent: int = 0
    deleted: int = 0
    mismatches: list[tuple[str, int, int]] = field(default_factory=list)  # graph, local, remote

    def mismatch_lines(self) -> list[str]:
        return [f"mismatch: {graph}: {here} triples here, {there} on the remote" for graph, here, there in self.mismatches]

    def line(self) -> str:
        """The line that ends a push."""
        counts = f"differ for {len(self.mismatches)} graphs" if self.mismatches else "equal on both sides"
        return f"pushed {self.sent} graphs ({self.plan.triples} triples), deleted {self.deleted}; counts {counts}"


def _lines(store: GraphStore, graph: ox.NamedNode) -> list[str]:
    return sorted(f"{q.subject} {q.predicate} {q.object} ." for q in store.quads(graph))


def local_graphs(store: GraphStore) -> Iterator[LocalGraph]:
    """Every graph worth pushing (not cwkg's own bookkeeping) with its digest and size."""
    for graph in store.graphs():
        if graph in (META_GRAPH, DIGEST_GRAPH):
            continue
        lines = _lines(store, graph)
        digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
        yield LocalGraph(graph, digest, len(lines))


def remote_digests(remote: RemoteStore) -> dict[str, str]:
    rows = remote.query(f"SELECT ?g ?h WHERE {{ GRAPH {DIGEST_GRAPH} {{ ?g {CW.contentHash} ?h }} }}")
    return {r["g"].value: r["h"].value for r in rows}


def make_plan(local: Iterable[LocalGraph], remote: dict[str, str], delete: bool) -> Plan:
    send, unchanged, seen = [], 0, set()
    for g in local:
        seen.add(g.graph.value)
        if remote.get(g.graph.value) == g.digest:
            unchanged += 1
        else:
            send.append(g)
    gone = [ox.NamedNode(iri) for iri in sorted(remote) if iri not in seen]
    return Plan(send, unchanged, gone if delete else [], [] if delete else gone)


def batches(graphs: list[LocalGraph]) -> Iterator[list[LocalGraph]]:
    batch: list[LocalGraph] = []
    size = 0
    for g in graphs:
        if batch and (size + g.triples > BATCH_TRIPLES or len(batch) >= BATCH_GRAPHS):
            yield batch
            batch, size = [], 0
        batch.append(g)
        size += g.triples
    if batch:
        yield batch


class Pusher:
    """Sends graphs to one endpoint by one protocol ("gsp" or "update")."""

    def __init__(self, store: GraphStore, endpoint: Endpoint, client: HttpClient, remote: RemoteStore, protocol: str = "gsp") -> None:
        if protocol not in ("gsp", "update"):
            raise ValueError(protocol)
        self.store, self.endpoint, self.client, self.remote, self.protocol = store, endpoint, client, remote, protocol

    def plan(self, delete: bool = False) -> Plan:
        return make_plan(local_graphs(self.store), remote_digests(self.remote), delete)

    def _update(self, text: str) -> None:
        self.client.request("POST", self.endpoint.update, text.encode("utf-8"),
                            {"Content-Type": "application/sparql-update; charset=utf-8"})

    def _put(self, graph: ox.NamedNode) -> None:
        body = "\n".join(_lines(self.store, graph)).encode("utf-8") + b"\n"
        url = f"{self.endpoint.store}?graph={urllib.parse.quote(graph.value, safe='')}"
        self.client.request("PUT", url, body, {"Content-Type": "application/n-triples"})

    def _send(self, batch: list[LocalGraph]) -> None:
        if self.protocol == "gsp":
            for g in batch:
                self._put(g.graph)
        else:
            ops: list[str] = []
            size = 0
            for g in batch:
                if ops and size + g.triples > UPDATE_TRIPLES:
                    self._update(" ;\n".join(ops))
                    ops, size = [], 0
                ops += self._replace(g.graph)
                size += g.triples
            if ops:
                self._update(" ;\n".join(ops))
        self._record(batch)

    def _replace(self, graph: ox.NamedNode) -> list[str]:
        """DROP + INSERT DATA for one graph; a graph with blank nodes is inserted by INSERT ... WHERE {},
        as some stores (Virtuoso) refuse blank nodes in DATA."""
        lines = _lines(self.store, graph)
        ops = [f"DROP SILENT GRAPH {graph}"]
        if lines:
            body = "\n".join(lines)
            blank = any(line.startswith("_:") or " _:" in line for line in lines)
            ops.append(f"INSERT {{ GRAPH {graph} {{\n{body}\n}} }} WHERE {{}}" if blank else f"INSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
        return ops

    def _record(self, batch: list[LocalGraph]) -> None:
        graphs = " ".join(str(g.graph) for g in batch)
        data = "\n".join(f"{g.graph} {CW.contentHash} {ox.Literal(g.digest)} ." for g in batch)
        self._update(f"DELETE {{ GRAPH {DIGEST_GRAPH} {{ ?g {CW.contentHash} ?h }} }} "
                     f"WHERE {{ VALUES ?g {{ {graphs} }} GRAPH {DIGEST_GRAPH} {{ ?g {CW.contentHash} ?h }} }} ;\n"
                     f"INSERT DATA {{ GRAPH {DIGEST_GRAPH} {{\n{data}\n}} }}")

    def _delete(self, graphs: list[ox.NamedNode]) -> None:
        for i in range(0, len(graphs), BATCH_GRAPHS):
            chunk = graphs[i:i + BATCH_GRAPHS]
            ops = [f"DROP SILENT GRAPH {g}" for g in chunk]
            ops.append(f"DELETE {{ GRAPH {DIGEST_GRAPH} {{ ?g ?p ?o }} }} WHERE {{ VALUES ?g {{ {' '.join(map(str, chunk))} }} "
                       f"GRAPH {DIGEST_GRAPH} {{ ?g ?p ?o }} }}")
            self._update(" ;\n".join(ops))

    def remote_counts(self, graphs: list[ox.NamedNode]) -> dict[str, int]:
        counts: dict[str, int] = {}
        for i in range(0, len(graphs), CHECK_GRAPHS):
            chunk = " ".join(str(g) for g in graphs[i:i + CHECK_GRAPHS])
            rows = self.remote.query(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {chunk} }} GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g")
            counts.update({r["g"].value: int(r["n"].value) for r in rows})
        return counts

    def push(self, plan: Plan, progress: Callable[[int], None] = lambda n: None) -> Outcome:
        out = Outcome(plan)
        for batch in batches(plan.send):
            self._send(batch)
            out.sent += len(batch)
            progress(sum(g.triples for g in batch))
        if plan.delete:
            self._delete(plan.delete)
            out.deleted = len(plan.delete)
        remote = self.remote_counts([g.graph for g in plan.send])
        out.mismatches = [(g.graph.value, g.triples, remote.get(g.graph.value, 0)) for g in plan.send
                          if remote.get(g.graph.value, 0) != g.triples]
        return out
