"""The embedded store: pyoxigraph on disk, one named graph per document.

Replacing a graph is one SPARQL update (DROP + INSERT DATA), which Oxigraph runs as a
single transaction: a reader sees the old graph or the new one, never a mix, and a
failure leaves the old graph in place. pyoxigraph's Python API has no transaction that
holds a removal and an insertion, so every write that replaces something (a graph, a
value of the metadata graph, a load's journal entry) stays one update; a write that only
adds, or only removes, goes through the API (`add`, `remove_graph`, `load` of the
workers' N-Quads). Every write or removal of a document graph is
followed in the claim index (graph/claimindex.py), the search index of its positions'
evidence that the store folder also holds.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from cwkg import ontology
from cwkg.errors import CwkgError

from .labelkeys import VERSION as LABEL_KEYS_VERSION
from .compact import compact_evidence
from .spool import Spool, SpoolLost, discard_left
from .statements import Lines, plain_lines, triple_lines  # noqa: F401 - plain_lines: for the store's writers
from cwkg.ontology.vocab import AUTHORITY_GRAPH, CW, ID, META_GRAPH, OA, ONTOLOGY_GRAPH, PREFIXES, RDF, SCHEMES_GRAPH, is_document

if TYPE_CHECKING:
    from .claimindex import ClaimIndex

FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
}
DATASET_FORMATS = {"nquads", "trig", "jsonld"}
FLUSH_QUADS = 200_000  # quads written between flushes of the engine's write buffers (see `GraphStore._written`)
BULK_PIECE = 50_000  # statements handed to the bulk loader at a time (see `GraphStore._add_new_graphs`)
# What the metadata graph records of each graph as it is written, beside its triple count: how many statements of a
# kind it holds, so that counting them over the store is a sum of one number a graph (`GraphStore.tally`) instead
# of a scan of the index (a million mentions in 10,000 documents: about a second). A mention belongs to the one
# document graph that mints it, so the sum is the number of mentions.
TALLIES = {CW.storedMentions: f" {RDF.type} {CW.Mention}"}


def _triples_of(path: Path) -> list[ox.Triple]:
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]


def static_graphs() -> dict[ox.NamedNode, list[Path]]:
    """The graphs cwkg ships: ontology, SKOS schemes, authority data."""
    return {
        ONTOLOGY_GRAPH: [ontology.ontology_file()],
        SCHEMES_GRAPH: ontology.scheme_files(),
        AUTHORITY_GRAPH: ontology.authority_files(),
    }


def _static_digests() -> dict[ox.NamedNode, tuple[list[Path], str]]:
    """Each shipped graph's files and the digest of their contents (and of the label keys' version) that the
    metadata graph records once the graph is loaded."""
    return {graph: (paths, hashlib.sha1(b"".join(p.read_bytes() for p in paths) + LABEL_KEYS_VERSION.encode()).hexdigest())
            for graph, paths in static_graphs().items()}


def _recorded(graph: ox.NamedNode, lines: list[str]) -> list[str]:
    """What the metadata graph says of a graph as it is written: its triple count and its tallies, as
    N-Triples statements without the final dot."""
    counts = [f"{graph} {CW.storedTriples} {ox.Literal(len(lines))}"]
    for predicate, ending in TALLIES.items():
        counts.append(f"{graph} {predicate} {ox.Literal(sum(1 for line in lines if line.endswith(ending)))}")
    return counts


def _in_graph(lines: list[str], graph: ox.NamedNode) -> str:
    """N-Triples statements (without their dots) as N-Quads of `graph`."""
    end = f" {graph} .\n"
    return end.join(lines) + end


def _pieces(graphs: list[tuple[ox.NamedNode, list[str]]], size: int) -> Iterator[str]:
    """The graphs' statements as N-Quads in pieces of about `size` statements: many small graphs share a piece, a
    large one is cut into several."""
    piece: list[str] = []
    held = 0
    for graph, lines in graphs:
        for start in range(0, len(lines), size):
            part = lines[start:start + size]
            piece.append(_in_graph(part, graph))
            held += len(part)
            if held >= size:
                yield "".join(piece)
                piece, held = [], 0
    if piece:
        yield "".join(piece)


XSD_DATETIME = ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")


def _now() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _load_node(path: Path) -> ox.NamedNode:
    return ox.NamedNode(f"{ID}load/{hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]}")


# How evidence is written on export: as the store keeps it, or as full Web Annotation selectors.
ANNOTATION_FORMS = ("compact", "full")

# Files that make a folder an Oxigraph (RocksDB) store.
_STORE_FILES = re.compile(r"^(?:CURRENT|IDENTITY|LOCK|LOG(?:\.old.*)?|MANIFEST-\d+|OPTIONS-\d+|\d+\.(?:sst|log|blob))$")


KEPT_OLD_LOGS = 2  # the engine's info logs of the last runs kept beside the current one, for a look after a failure


def retire_old_logs(path: Path, keep: int = KEPT_OLD_LOGS) -> int:
    """Remove all but the newest `keep` of the info logs RocksDB leaves at each writer's open (`LOG.old.<time>`,
    20-140 KB each; pyoxigraph exposes no option to bound them), so a store folder does not grow with use; how many
    were removed. They are closed text logs the engine never reads again."""
    old = sorted((p for p in path.glob("LOG.old.*") if p.is_file()), key=lambda p: (p.stat().st_mtime_ns, p.name))
    removed = 0
    for stale in old[:max(0, len(old) - keep)]:
        try:
            stale.unlink()
            removed += 1
        except OSError:  # gone already, or not ours to remove: the folder is only left larger
            pass
    return removed


def _check_store_folder(path: Path) -> None:
    """Refuse to make a store of a file, or of a folder that holds other things (it would be filled with store files)."""
    if path.exists() and not path.is_dir():
        raise CwkgError("not a store: it is a file; give a folder (new or empty, or one cwkg made)", str(path))
    if path.is_dir():
        names = [p.name for p in path.iterdir()]
        if names and not any(_STORE_FILES.match(n) for n in names):
            raise CwkgError("not a store: the folder holds other files; give a new or empty folder, or one cwkg made",
                            str(path))


def require_store(path: Path) -> None:
    """Refuse, in one line and creating nothing, a folder that holds no store: a command that reads it would
    otherwise make an empty store there and answer from it (a bare header, exit 0), hiding a mistyped --store.
    A file, or a folder of other files, is refused as `GraphStore` refuses it."""
    _check_store_folder(path)
    if not (path / "CURRENT").is_file():
        what = "does not exist" if not path.exists() else "holds no store"
        raise CwkgError(f"no store here: the folder {what}; `cwkg ingest` makes one (or give --store the folder of "
                        "an existing store)", str(path))


def store_error(exc: BaseException, path: Path | str) -> CwkgError:
    """What a failure of the store's engine means to a user: a damaged store (and how to rebuild it), a full disk,
    a permission; one line either way."""
    text = str(exc)
    first = text.splitlines()[0] if text else type(exc).__name__
    if re.search(r"Corruption|corrupt|No such file|CURRENT|MANIFEST|checksum|truncated|Invalid argument|bad block|"
                 r"unexpected end", text, re.IGNORECASE):
        return CwkgError(f"the store is damaged ({first[:160]}); rebuild it: move the folder aside and run "
                         "`cwkg ingest` on your sources again", str(path))
    if re.search(r"No space left", text):
        return CwkgError("the disk is full; free some space and run the command again", str(path))
    if re.search(r"Permission denied|Read-only file system", text, re.IGNORECASE):
        return CwkgError(f"cannot write the store ({first[:120]}); check the folder's permissions", str(path))
    return CwkgError(f"the store failed ({first[:160]})", str(path))


_ENGINE_FAILURE = re.compile(r"Corruption|IO error|No such file|MANIFEST|CURRENT")


def engine_failure(exc: BaseException, path: Path | str) -> CwkgError | None:
    """An unexpected failure that is the engine's own about its files (a RuntimeError whose first line reads as the
    engine's: a damaged store), said as `store_error` says it; None for any other failure."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, RuntimeError) and _ENGINE_FAILURE.search(text):
        return store_error(exc, path)
    return None


class GraphStore:
    """A cwkg dataset in an on-disk Oxigraph store."""

    def __init__(self, path: str | Path, reading: bool = False) -> None:
        """Open (or create) the store in `path`. A command that only reads (`reading`) may open a store it cannot
        write, one on a read-only disk or in a folder it may not write: read-only, then."""
        self.path = Path(path)
        self.read_only = False
        _check_store_folder(self.path)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(self.path))
            retire_old_logs(self.path)
            if left := discard_left(self.path):
                logging.getLogger("cwkg").warning("%s: removed the spool of an ingest that stopped before loading it "
                                                  "(%d bytes); its files are noted as partly loaded", self.path, left)
        except (OSError, RuntimeError) as exc:
            busy = "LOCK" in str(exc) and "No such file" not in str(exc)
            if reading and (self.path / "CURRENT").exists() and (busy or re.search(r"Permission denied|Read-only file system",
                                                                                   str(exc), re.IGNORECASE)):
                # Read what is there: the store as it stands when opened (a writer's later commits are not seen).
                try:
                    self._store = ox.Store.read_only(str(self.path))
                    self.read_only = True
                    return
                except (OSError, RuntimeError) as again:
                    raise store_error(again, self.path) from None
            if "LOCK" in str(exc) and "lock hold by current process" not in str(exc).lower() and "No such file" not in str(exc):
                raise CwkgError("the store is in use by another process (an ingest, a push or `cwkg serve --writable`?); "
                                "try again when it has finished", str(self.path)) from None
            raise store_error(exc, self.path) from None

    @classmethod
    def snapshot(cls, path: str | Path) -> "GraphStore":
        """The store as it stands now, opened read-only without its lock: for a reader beside a server that holds
        or may take the store (`cwkg serve`'s site); a writer's later commits are not seen."""
        self = cls.__new__(cls)
        self.path = Path(path)
        self.read_only = True
        if not (self.path / "CURRENT").is_file():
            raise CwkgError("no store here (load documents with `cwkg ingest` first)", str(self.path))
        try:
            self._store = ox.Store.read_only(str(self.path))
        except (OSError, RuntimeError) as exc:
            raise store_error(exc, self.path) from None
        return self

    @classmethod
    def for_reading(cls, path: str | Path) -> "GraphStore":
        """A store to query. Opened read-only when it is current (`is_current`): that open skips what a writer's
        does (the write-ahead log made writable, a new info log started and the last one kept as `LOG.old.*`, so
        the folder grew by one file a query) and takes half the time. A store an older cwkg wrote is opened as a
        reader that may write (`GraphStore(path, reading=True)`) and brought up to date (`ensure_static`) once."""
        store = cls.snapshot(path)
        if store.is_current():
            return store
        store.close()
        store = cls(path, reading=True)
        store.ensure_static()
        return store

    @classmethod
    def in_memory(cls) -> "GraphStore":
        self = cls.__new__(cls)
        self.path = Path(":memory:")
        self.read_only = False
        self._store = ox.Store()
        return self

    # ------------------------------------------------------------------ writing

    def replace_graph(self, graph: ox.NamedNode, triples: Iterable[ox.Triple]) -> None:
        """Make `graph` hold exactly `triples`, in one transaction."""
        self.replace_graphs([(graph, triples)])

    def replace_graphs(self, graphs: Iterable[tuple[ox.NamedNode, Iterable[ox.Triple]]], bulk: bool = False) -> None:
        """Replace several graphs in one SPARQL update: one transaction for the whole batch. Each graph's triple count
        goes into the metadata graph in the same transaction, so `check` can tell a whole graph from a damaged one.
        With `bulk`, the graphs of the batch new to the store go through the engine's bulk loader (about three
        times faster than an update, whose text the engine must parse) and the others are replaced by an update: not
        one transaction (the caller journals the file and removes what a failure left)."""
        graphs = [(g, t if isinstance(t, Lines) else triple_lines(t)) for g, t in graphs]
        self._unspool([g for g, _ in graphs])
        with self._claims_follow((g for g, _ in graphs), written=graphs):
            self._replace(graphs, bulk)

    def _replace(self, graphs: list[tuple[ox.NamedNode, Lines]], bulk: bool) -> None:
        known = [self._known(g) for g, _ in graphs]
        if graphs and not any(known):
            self._add_new_graphs(graphs, bulk)
            return
        if bulk:  # (no transaction either way: the new graphs go to the bulk loader, only the others through an update)
            if new := [pair for pair, seen in zip(graphs, known) if not seen]:
                self._add_new_graphs(new, bulk)
            graphs = [pair for pair, seen in zip(graphs, known) if seen]
        self._written(sum(len(lines) for _, lines in graphs))
        operations = []
        counts = []
        for graph, triples in graphs:
            operations.append(f"DROP SILENT GRAPH {graph}")
            lines = triples
            if lines:
                body = " .\n".join(lines)
                operations.append(f"INSERT DATA {{ GRAPH {graph} {{\n{body} }} }}")
            counts += _recorded(graph, lines)
        if operations:
            recorded = " ".join(str(p) for p in (CW.storedTriples, *TALLIES))
            operations.append(f"DELETE {{ GRAPH {META_GRAPH} {{ ?g ?p ?n }} }} WHERE {{ VALUES ?g {{ "
                              f"{' '.join(str(g) for g, _ in graphs)} }} VALUES ?p {{ {recorded} }} GRAPH {META_GRAPH} {{ ?g ?p ?n }} }}")
            operations.append(f"INSERT DATA {{ GRAPH {META_GRAPH} {{ {' . '.join(counts)} }} }}")
            self._store.update(" ;\n".join(operations))

    def _written(self, quads: int) -> None:
        """Flush the engine's in-memory tables once enough has been written since the last flush. RocksDB keeps
        up to two 64 MB write buffers for each of Oxigraph's ten or so indexes, so without this a long ingest
        grows by about 1 KB for every quad it writes, to over a gigabyte."""
        self._unflushed = getattr(self, "_unflushed", 0) + quads
        if self._unflushed >= FLUSH_QUADS:
            self.flush()

    def has_graph(self, graph: ox.NamedNode) -> bool:
        """Whether the store holds the graph (or a count recorded for it)."""
        return self._known(graph)

    def _known(self, graph: ox.NamedNode) -> bool:
        """Whether the store has the graph, or a count recorded for it."""
        spool = self._spool
        return spool is not None and graph.value in spool.graphs or self._store.contains_named_graph(graph) or \
            next(iter(self._store.quads_for_pattern(graph, CW.storedTriples, None, META_GRAPH)), None) is not None

    def _add_new_graphs(self, graphs: list[tuple[ox.NamedNode, Lines]], bulk: bool = False) -> None:
        """Graphs the store does not have yet, with their counts, as one N-Quads load: one transaction, as the
        update is, without parsing a SPARQL update (most of a fresh load's writing time). With `bulk`, through the
        bulk loader in pieces (`_pieces`), which is no transaction either way."""
        counts = [_in_graph(_recorded(graph, lines), META_GRAPH) for graph, lines in graphs]
        spool = self._spool
        if bulk and spool is not None:
            # (a graph's N-Quads at a time: the whole batch as text would double what the writer holds)
            spool.add(itertools.chain((_in_graph(lines, graph) for graph, lines in graphs if lines), counts),
                      sum(len(lines) for _, lines in graphs), [graph.value for graph, _ in graphs])
            return
        if bulk and str(self.path) != ":memory:":
            # In pieces: the bulk loader holds what it is given in memory, about a kilobyte a quad, so one
            # document's graph of millions of quads (a page of repeated names) would take gigabytes at once.
            for piece in _pieces(graphs, BULK_PIECE):
                self._store.bulk_load(piece, ox.RdfFormat.N_QUADS)
            self._store.bulk_load("".join(counts), ox.RdfFormat.N_QUADS)
            return  # (the bulk loader writes table files of its own, past the write buffers: nothing to flush)
        self._written(sum(len(lines) for _, lines in graphs))
        # One string a graph, its statements joined with the graph's name: no string for each quad on the way.
        self._store.load("".join([_in_graph(lines, graph) for graph, lines in graphs if lines] + counts), ox.RdfFormat.N_QUADS)

    # ------------------------------------------------------------------ a first load's spool (graph/spool.py)

    _spool: Spool | None = None

    def begin_spool(self) -> None:
        """From now on, graphs new to the store that would go to the bulk loader are gathered on disk and loaded at
        once (`load_spool`): a first load's way of writing. Only for a store on disk."""
        if self._spool is None and str(self.path) != ":memory:" and not self.read_only:
            self._spool = Spool(self.path)

    def spooling(self) -> bool:
        """Whether new graphs are gathered in the spool (`begin_spool`) rather than written."""
        return self._spool is not None

    def spooled(self) -> int:
        """Statements waiting in the spool."""
        return self._spool.statements if self._spool is not None else 0

    def load_spool(self) -> None:
        """Load what the spool holds, back to back, then close the journal entries of the files it completes and
        index the positions of its documents. If the load fails, the spooled graphs are removed (the bulk loader is no
        transaction) and `SpoolLost` names them; their files stay noted as partly loaded."""
        spool = self._spool
        if spool is None or not spool.statements:
            return
        try:
            for piece in spool.pieces(BULK_PIECE):
                self._store.bulk_load(piece, ox.RdfFormat.N_QUADS)
        except Exception as exc:
            lost = sorted(spool.graphs)
            spool.clear()
            for graph in lost:
                self.forget_graph(ox.NamedNode(graph))
            raise SpoolLost(lost, exc) from exc
        for path in spool.journals:
            self._finished(path)
        for rows in spool.claims():
            self.claim_index().follow(self, list(rows), rows)
        spool.clear()

    def end_spool(self, load: bool = True) -> None:
        """Load the spool (or, with `load` False, give it up) and write directly again."""
        spool = self._spool
        if spool is None:
            return
        try:
            if load:
                self.load_spool()
        finally:
            self._spool = None
            spool.close()

    def _unspool(self, graphs: list[ox.NamedNode]) -> None:
        """Load the spool before a write or removal of a graph it holds, which must meet the graph in the store."""
        spool = self._spool
        if spool is not None and any(g.value in spool.graphs for g in graphs):
            self.load_spool()

    # ------------------------------------------------------------------ the load journal

    def begin_load(self, path: Path) -> None:
        """Note that a file's records are about to be stored in several transactions."""
        node, when = _load_node(path), ox.Literal(_now(), datatype=XSD_DATETIME)
        self._store.update(f"DELETE WHERE {{ GRAPH {META_GRAPH} {{ {node} ?p ?o }} }} ;"
                           f"INSERT DATA {{ GRAPH {META_GRAPH} {{ {node} {CW.loadedFile} {ox.Literal(str(path.resolve()))} ; "
                           f"{CW.loadBegun} {when} }} }}")

    def finish_load(self, path: Path) -> None:
        """Note that a file's records are all stored: once the spool that holds some of them is loaded, if one does."""
        if self._spool is not None and self._spool.statements:
            self._spool.journals.append(path)
            return
        self._finished(path)

    def _finished(self, path: Path) -> None:
        self._store.add(ox.Quad(_load_node(path), CW.loadFinished, ox.Literal(_now(), datatype=XSD_DATETIME), META_GRAPH))

    def is_partly_loaded(self, path: Path) -> bool:
        return any(f == str(path.resolve()) for f, _ in self.partial_loads())

    def partial_loads(self) -> list[tuple[str, str]]:
        """Files whose load began and did not finish (an ingest killed halfway): (path, when it began)."""
        rows = self._store.query(f"SELECT ?f ?b WHERE {{ GRAPH {META_GRAPH} {{ ?l {CW.loadedFile} ?f ; {CW.loadBegun} ?b "
                                 f"FILTER NOT EXISTS {{ ?l {CW.loadFinished} ?e }} }} }} ORDER BY ?f")
        return [(r["f"].value, r["b"].value) for r in rows]

    def stored_counts(self) -> dict[str, int]:
        """Each graph's triple count when it was written."""
        return {q.subject.value: int(q.object.value)
                for q in self._store.quads_for_pattern(None, CW.storedTriples, None, META_GRAPH)}

    def ensure_static(self) -> bool:
        """Load (or refresh) the shipped ontology and authority graphs, and give an older store its label
        keys; True if anything changed. A store opened read-only is read as it is."""
        if getattr(self, "read_only", False):
            return False
        changed = self.upgrade_label_keys() > 0
        changed = self.upgrade_evidence() > 0 or changed
        from .derived import has_derived, write_derived  # (derived reads the store: imported when needed)

        if not has_derived(self):  # a store written by an older cwkg gets this version's derived graphs once
            if self.document_graphs():  # (minutes on a large store: say why the command waits)
                logging.getLogger("cwkg").warning("%s: working out the derived graphs of a store written by an older "
                                                  "cwkg (once)", self.path)
            changed = write_derived(self) > 0 or changed
        for graph, (paths, digest) in _static_digests().items():
            if self.meta(CW.contentHash, graph) == digest:
                continue
            triples = [t for p in paths for t in _triples_of(p)]
            self.replace_graph(graph, triples)
            self.set_meta(CW.contentHash, digest, graph)
            changed = True
        return changed

    def is_current(self) -> bool:
        """Whether the store holds this version's shipped graphs, label keys and derived graphs: nothing for
        `ensure_static` to write."""
        from .derived import has_derived

        return self.has_label_keys() and not self.has_full_selectors() and has_derived(self) and all(
            self.meta(CW.contentHash, graph) == digest for graph, (_, digest) in _static_digests().items())

    def upgrade_label_keys(self) -> int:
        """Give every graph of a store written before label keys existed its keys, once; the number of
        graphs upgraded. A store that has them says so in its metadata graph."""
        if self.has_label_keys():
            return 0
        upgraded = 0
        for graph in self.graphs():
            if graph == META_GRAPH:
                continue
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in self._store.quads_for_pattern(None, None, None, graph)]
            self.replace_graph(graph, triples)
            upgraded += 1
        self.set_meta(CW.labelKeysVersion, LABEL_KEYS_VERSION)
        return upgraded

    def has_full_selectors(self) -> bool:
        """Whether a graph holds evidence in the full Web Annotation form a cwkg before compact provenance wrote."""
        return next(self._store.quads_for_pattern(None, OA.hasSelector, None, None), None) is not None

    def upgrade_evidence(self, batch: int = 200) -> int:
        """Rewrite, once, the evidence of the graphs an older cwkg wrote in full Web Annotation form in the compact
        form (graph/compact.py), `batch` graphs a transaction, then compact the store so the folder shrinks with
        the graph; the number of graphs rewritten."""
        if not self.has_full_selectors():
            return 0
        graphs = sorted({q.graph_name for q in self._store.quads_for_pattern(None, OA.hasSelector, None, None)
                         if isinstance(q.graph_name, ox.NamedNode)}, key=lambda g: g.value)
        logging.getLogger("cwkg").warning("%s: rewriting the evidence of %d graphs written by an older cwkg in the "
                                          "compact form (once)", self.path, len(graphs))
        for k in range(0, len(graphs), batch):
            self.replace_graphs([(g, compact_evidence(self._store.quads_for_pattern(None, None, None, g)))
                                 for g in graphs[k:k + batch]])
        self.compact()  # the old form's data stays on disk until the engine merges its tables (the corpus: 5.5x)
        return len(graphs)

    def meta(self, predicate: ox.NamedNode, subject: ox.NamedNode = META_GRAPH) -> str | None:
        """A value the metadata graph records of the store itself (a version, say) or of one of its graphs."""
        for q in self._store.quads_for_pattern(subject, predicate, None, META_GRAPH):
            return q.object.value
        return None

    def set_meta(self, predicate: ox.NamedNode, value: str, subject: ox.NamedNode = META_GRAPH) -> None:
        self._store.update(f"DELETE WHERE {{ GRAPH {META_GRAPH} {{ {subject} {predicate} ?v }} }} ;"
                           f"INSERT DATA {{ GRAPH {META_GRAPH} {{ {subject} {predicate} {ox.Literal(value)} }} }}")

    def forget_graph(self, graph: ox.NamedNode) -> None:
        """Remove a graph and what the metadata graph says of it."""
        self._unspool([graph])
        with self._claims_follow([graph]):
            self._store.update(f"DROP SILENT GRAPH {graph} ; DELETE WHERE {{ GRAPH {META_GRAPH} {{ {graph} ?p ?o }} }}")

    def has_label_keys(self) -> bool:
        """Whether every graph carries label keys of the current version (see graph/labelkeys.py)."""
        return self.meta(CW.labelKeysVersion) == LABEL_KEYS_VERSION

    def load_ntriples(self, data: bytes) -> None:
        """Add N-Triples to the default graph (for scratch stores)."""
        self._store.load(data, ox.RdfFormat.N_TRIPLES)

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self._unspool([graph])
        with self._claims_follow([graph]):
            self._store.remove_graph(graph)

    # ------------------------------------------------------------------ the claim index

    def claim_index(self) -> "ClaimIndex":
        """The search index of the positions' evidence (graph/claimindex.py), opened (and built or caught up, if
        need be) on first use."""
        if getattr(self, "_claims", None) is None:
            from .claimindex import ClaimIndex  # (its stemmer is imported by the commands that write or ask)

            self._claims = ClaimIndex.of(self)
        return self._claims

    @contextmanager
    def _claims_follow(self, graphs: Iterable[ox.NamedNode],
                       written: list[tuple[ox.NamedNode, Lines]] | None = None) -> Iterator[None]:
        """Around a write of graphs: the claim index's rows of the document graphs among them are taken out before
        (while the store still holds the words they were made from) and the documents noted as pending, then indexed
        after (a failed write leaves them pending, to be caught up): from the statements `written`, which the graphs
        now hold exactly, or else from the store."""
        documents = [g.value for g in graphs if self.is_document_graph(g)]
        if not documents:
            yield
            return
        from .claimindex import positions_in_lines

        index = self.claim_index()
        index.expect(documents, self)
        yield
        wanted = set(documents)
        rows = {g.value: positions_in_lines(lines) for g, lines in written or () if g.value in wanted}
        spool = self._spool
        if spool is not None:  # spooled documents are indexed once they are loaded; until then they stay pending
            spool.defer_claims({d: rows[d] for d in documents if d in spool.graphs and d in rows})
            documents = [d for d in documents if d not in spool.graphs or d not in rows]
        index.follow(self, documents, rows)

    # ------------------------------------------------------------------ reading

    def query(self, sparql: str, substitutions: dict[ox.Variable, ox.NamedNode | ox.Literal] | None = None):
        """A read-only SPARQL query over the union of all graphs."""
        return self._store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES, substitutions=substitutions)

    def count(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> int:
        """Quads in one graph counted by the engine, or in the whole store (`size` is the fast answer there)."""
        if graph is None:
            return len(self._store)
        pattern = "?s ?p ?o" if isinstance(graph, ox.DefaultGraph) else f"GRAPH {graph} {{ ?s ?p ?o }}"
        return self._aggregate("COUNT(*)", pattern)

    def size(self) -> int:
        """The store's quads, from the count each graph was written with, summed by the engine (its own length
        reads every quad: seconds for tens of millions); a graph written without one (the metadata graph, the
        default graph of a scratch store) is counted. `cwkg check-store` compares those counts with what the
        graphs hold."""
        total = self._aggregate("SUM(?n)", f"GRAPH {META_GRAPH} {{ ?g {CW.storedTriples} ?n }} FILTER EXISTS {{ GRAPH ?g {{ }} }}")
        unrecorded = self._store.query(f"SELECT ?g WHERE {{ GRAPH ?g {{ }} MINUS {{ GRAPH {META_GRAPH} "
                                       f"{{ ?g {CW.storedTriples} ?n }} }} }}")
        return total + self.count(ox.DefaultGraph()) + sum(self.count(row["g"]) for row in unrecorded)

    def tally(self, predicate: ox.NamedNode) -> int | None:
        """The sum of a tally (`TALLIES`) over the store's graphs; None when a graph was written without it (by an
        older version), so the caller counts instead."""
        recorded = f"GRAPH {META_GRAPH} {{ ?g {CW.storedTriples} ?n }}"
        tallied = f"GRAPH {META_GRAPH} {{ ?g {predicate} ?n }}"
        if self._aggregate("COUNT(*)", recorded) != self._aggregate("COUNT(*)", tallied):
            return None
        return self._aggregate("SUM(?n)", f"{tallied} FILTER EXISTS {{ GRAPH ?g {{ }} }}")

    def _aggregate(self, aggregate: str, pattern: str) -> int:
        """One number the engine works out over a pattern of the dataset (named graphs by GRAPH; 0 for none)."""
        row = next(iter(self._store.query(f"SELECT ({aggregate} AS ?total) WHERE {{ {pattern} }}")))
        return int(row["total"].value) if row["total"] is not None else 0

    def graphs(self) -> list[ox.NamedNode]:
        return sorted((g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)

    def document_graphs(self) -> list[ox.NamedNode]:
        return [g for g in self.graphs() if self.is_document_graph(g)]

    @staticmethod
    def is_document_graph(graph: ox.NamedNode) -> bool:
        return is_document(graph.value)

    def quads(self, graph: ox.NamedNode | None = None, predicate: ox.NamedNode | None = None,
              obj: ox.Term | None = None) -> Iterator[ox.Quad]:
        """The quads of one graph (or all), of one predicate and object (or any)."""
        return self._store.quads_for_pattern(None, predicate, obj, graph)

    def quads_for(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[ox.Quad]:
        """What any graph says of `subject` with `predicate`."""
        return list(self._store.quads_for_pattern(subject, predicate, None, None))

    def export(self, fmt: str, output, graphs: list[ox.NamedNode] | None = None, include_static: bool = True,
               context_url: str | None = None, annotations: str = "compact") -> None:
        """Write the dataset (or the given graphs) in `fmt`, graph by graph as the store is read, so memory
        stays flat. Triple formats merge the graphs: a triple stated in two graphs is written twice, which
        RDF reads as once. With `annotations` "full", evidence is written as Web Annotation selectors."""
        if annotations not in ANNOTATION_FORMS:
            raise CwkgError(f"no such form of annotations: {annotations!r} (use {', '.join(ANNOTATION_FORMS)})")
        if graphs is None:
            graphs = [g for g in self.graphs() if include_static or is_document(g.value)]
        graphs = [g for g in graphs if g != META_GRAPH]
        read = self._full_graph if annotations == "full" else lambda g: self._store.quads_for_pattern(None, None, None, g)
        if fmt == "jsonld":
            from .jsonld import write

            write(((g, read(g)) for g in graphs), output, context_url=context_url)
            return
        quads = (q for g in graphs for q in read(g))
        if fmt in DATASET_FORMATS:
            ox.serialize(quads, output, FORMATS[fmt], prefixes=PREFIXES if fmt == "trig" else None)
        else:
            triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
            ox.serialize(triples, output, FORMATS[fmt], prefixes=PREFIXES if fmt in ("turtle", "rdfxml") else None)

    def _full_graph(self, graph: ox.NamedNode) -> list[ox.Quad]:
        from .annotations import full_annotations

        return [ox.Quad(t.subject, t.predicate, t.object, graph)
                for t in full_annotations(self._store.quads_for_pattern(None, None, None, graph))]

    def flush(self) -> None:
        self._unflushed = 0
        if str(self.path) != ":memory:" and not self.read_only:
            self._store.flush()

    def compact(self) -> None:
        """Write the log of recent transactions into the store's tables and merge them: after a large load the
        write-ahead log alone can be twice the data (a 4.8 MB volume: 83 MB on disk before, 28 MB after)."""
        if str(self.path) != ":memory:" and not self.read_only:
            self._store.flush()
            self._store.optimize()
            self._store = None  # reopening retires the write-ahead log, whose contents the tables now hold
            self._store = ox.Store(str(self.path))
            retire_old_logs(self.path)

    def close(self) -> None:
        """Release the on-disk store (and its lock) now, not when the object is collected. A spool not loaded is
        given up: its files stay noted as partly loaded, its documents pending in the claim index."""
        self.end_spool(load=False)
        if getattr(self, "_claims", None) is not None:
            self._claims.close()
            self._claims = None
        if self._store is not None:
            self.flush()
            self._store = None

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
