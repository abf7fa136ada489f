"""N-Quads shards: record graphs written where extraction ran (a Dask worker), loaded into a store elsewhere.

A shard holds the named graphs of a batch of records exactly as the embedded store keeps them (label keys
included), so loading shards gives the store an ingest of the same files gives. A shard is read and checked
whole before anything of it is stored, and stored in one transaction (or, on a first load, through the bulk
loader with the shard journaled and removed again if the write fails): a bad shard changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from cwkg.errors import CwkgError, InputError
from cwkg.ontology.vocab import OWN_GRAPHS
from cwkg.graph.store import GraphStore, Lines
from cwkg.inputs import read_limited
from cwkg.safewrite import write_bytes

SUFFIX = ".nq"
MAX_SHARD = 2 * 1024 ** 3  # bytes: a shard is a batch of records, megabytes; this much is not one


@dataclass(frozen=True)
class Shard:
    path: Path
    graphs: list[tuple[ox.NamedNode, Lines]]

    @property
    def quads(self) -> int:
        return sum(len(lines) for _, lines in self.graphs)


@dataclass(frozen=True)
class ShardLoad:
    """What loading one shard did: the graphs and statements stored, or why nothing was."""

    path: Path
    graphs: tuple[str, ...] = ()
    quads: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def documents(self) -> int:
        return sum(1 for g in self.graphs if GraphStore.is_document_graph(ox.NamedNode(g)))


def shard_text(graphs: Iterable[tuple[str, Lines]]) -> bytes:
    """Graphs (IRI, N-Triples statements without their dots) as N-Quads."""
    out = []
    for graph, lines in graphs:
        end = f" <{graph}> .\n"
        out.append(end.join(lines) + end if lines else "")
    return "".join(out).encode("utf-8")


def write_shard(path: Path, graphs: Iterable[tuple[str, Lines]]) -> Path:
    """Write a shard whole or not at all (a temporary file renamed over `path`), so a loader never reads half."""
    write_bytes(path, shard_text(graphs))
    return path


def shard_files(paths: Iterable[Path]) -> list[Path]:
    """Shard files as given, folders as their `.nq` files (hidden names, such as a writer's temporary file, aside)."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            inside = sorted(f for f in p.rglob(f"*{SUFFIX}") if f.is_file()
                            and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not inside:
                raise InputError(f"holds no shards (*{SUFFIX} files)", str(p))
            found += inside
        elif not p.exists():
            raise InputError("no such file or folder", str(p))
        else:
            found.append(p)
    return found


def read_shard(path: Path) -> Shard:
    """A shard's graphs, each statement checked; one InputError naming the shard and its first problem."""
    data = read_limited(path, MAX_SHARD, "shard")
    try:
        quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    except SyntaxError as exc:
        raise InputError(f"not N-Quads ({str(exc).splitlines()[0][:160]})", str(path)) from None
    if not quads:
        raise InputError("holds no statements", str(path))
    graphs: dict[ox.NamedNode, dict[str, None]] = {}
    for q in quads:
        if not isinstance(q.graph_name, ox.NamedNode):
            raise InputError(f"a statement outside any named graph ({q.subject} {q.predicate} ...): a shard holds "
                             "record graphs only", str(path))
        if q.graph_name.value.startswith(OWN_GRAPHS):
            raise InputError(f"holds {q.graph_name}, a graph cwkg works out itself: a shard holds record graphs only",
                             str(path))
        graphs.setdefault(q.graph_name, {})[f"{q.subject} {q.predicate} {q.object}"] = None
    return Shard(path, [(g, Lines(lines)) for g, lines in graphs.items()])


def load_shard(store: GraphStore, path: Path, bulk: bool = False, bulk_quads: int = 20_000) -> ShardLoad:
    """Store one shard's graphs, replacing any the store holds, all or none. With `bulk` (a first load) a large
    shard of graphs new to the store goes through the bulk loader, journaled and removed again on failure."""
    try:
        shard = read_shard(path)
    except CwkgError as exc:
        return ShardLoad(path, error=str(exc))
    names = tuple(g.value for g, _ in shard.graphs)
    big = bulk and shard.quads >= bulk_quads and not any(store.has_graph(g) for g, _ in shard.graphs)
    journaled = store.is_partly_loaded(path)
    if big:
        store.begin_load(path)
    try:
        store.replace_graphs(shard.graphs, bulk=big)
    except Exception as exc:  # the engine's failure (a full disk): nothing of the shard may stay
        if big:
            for graph, _ in shard.graphs:
                store.forget_graph(graph)
            store.finish_load(path)
        return ShardLoad(path, error=f"{path}: not loaded ({type(exc).__name__}: {str(exc)[:160]})")
    if big or journaled:
        store.finish_load(path)
    return ShardLoad(path, names, shard.quads)


def load_shards(store: GraphStore, paths: Iterable[Path], on_shard: Callable[[], None] | None = None,
                on_error: Callable[[ShardLoad], None] | None = None) -> Iterator[ShardLoad]:
    """Load every shard, then work out what an ingest works out after its writes (people links, derived graphs);
    `on_error` hears of a shard that failed as it fails."""
    from cwkg.pipeline import BULK_QUADS, after_writes

    static_changed = store.ensure_static()
    bulk = not store.document_graphs()
    documents: set[ox.NamedNode] = set()
    others: set[ox.NamedNode] = set()
    for path in paths:
        result = load_shard(store, path, bulk, BULK_QUADS)
        for graph in map(ox.NamedNode, result.graphs):
            (documents if store.is_document_graph(graph) else others).add(graph)
        if on_shard:
            on_shard()
        if on_error and not result.ok:
            on_error(result)
        yield result
    after_writes(store, documents, others, static_changed)


def summary(results: list[ShardLoad], store: GraphStore) -> str:
    """The line that ends `cwkg load`."""
    loaded = [r for r in results if r.ok]
    return (f"{len(loaded)} shards loaded ({sum(r.documents for r in loaded)} documents, {sum(r.quads for r in loaded)} "
            f"statements), {len(results) - len(loaded)} failed; store {store.path} holds {store.count()} triples")
