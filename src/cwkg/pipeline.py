"""Files -> store: load, extract, map and replace each record's graph, committed in batches.

A file that fails is reported and skipped. Formats that hold many records (FRUS
volumes) are checked whole before the first record is read, so a malformed or hostile
file changes nothing in the store.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pyoxigraph as ox

from cwkg.errors import CwkgError, InputError, UnrecognisedFormat, in_words
from cwkg.graph.derived import documents_speaking_of, post_holders, write_derived
from cwkg.graph.links import link_people
from cwkg.graph.mapping import authority_person_triples, document_triples, mission_triples, volume_iri, volume_triples
from cwkg.ontology.vocab import document_iri, is_document, source_graph
from cwkg.graph.spool import LIMIT as SPOOL_LIMIT, SpoolLost
from cwkg.graph.store import GraphStore, Lines, triple_lines
from cwkg.graph.validate import validate_document
from cwkg.loaders import Record, load_records
from cwkg.loaders.metadata import Catalogue, is_sidecar
from cwkg.extract.missions import chief_posts
from cwkg.extract.extract import extract, extract_volume
from cwkg.loaders.source import AuthorityPersonRecord, MissionRecord, SourceDocument, VolumeRecord

BATCH = int(os.environ.get("CWKG_INGEST_BATCH", "25"))  # graphs per transaction
# Statements in a batch from which the bulk loader is faster than a transaction (20,000: 0.15 s against 0.32 s;
# 500: 18 ms against 6 ms, as each call writes new files): a first load's batches of documents, not of person records.
BULK_QUADS = int(os.environ.get("CWKG_BULK_QUADS", "20000"))
# Statements a first load gathers before writing them at once to the engine, when it does not spool them
# (graph/spool.py; with --validate, which reads the store as it goes). Held as statements, about 240 bytes each:
# 60 MB at most. Written as they came, smaller bursts made the engine compact its tables more often (1,000
# documents, 23-26 ms a document, against 42.5 for batches of 25 documents).
BULK_BURST = int(os.environ.get("CWKG_BULK_BURST", "250000"))
# Documents handed to the workers ahead of the writer: enough to keep two busy while it writes a burst.
AHEAD = 64


@dataclass(frozen=True)
class IngestResult:
    path: Path
    document: str | None = None
    title: str | None = None
    documents: int = 0
    triples: int = 0
    persons: int = 0
    meetings: int = 0
    mentions: int = 0
    positions: int = 0
    posts: int = 0
    error: str | None = None
    unrecognised: bool = False
    refused: tuple[str, ...] = ()  # documents a blocking data rule kept out (with --validate)
    graphs: tuple[str, ...] = ()  # the named graphs stored

    @property
    def ok(self) -> bool:
        return self.error is None


def expand(paths: Iterable[Path]) -> list[tuple[Path, bool]]:
    """Files as given (named: True), folders as their files (recursively, hidden ones and metadata sidecars skipped,
    named: False)."""
    out: list[tuple[Path, bool]] = []
    for p in paths:
        if p.is_dir():
            out += [(f, False) for f in sorted(p.rglob("*")) if (f.is_file() or f.is_symlink()) and not f.is_dir()
                    and not any(part.startswith(".") for part in f.relative_to(p).parts) and not is_sidecar(f)]
        else:
            out.append((p, True))
    return out


MAX_PARAGRAPH = 100_000  # characters: a real paragraph is a few thousand; longer text is not prose cwkg can read
MAX_BODY = 2_000_000


def readable(doc: SourceDocument) -> None:
    """Refuse, before extraction, a document too long to read in bounded time and memory."""
    if len(doc.text) > MAX_BODY:  # the body and its notes: extraction reads both
        raise InputError(f"document {doc.doc_id} has {len(doc.text):,} characters: longer than cwkg reads ({MAX_BODY:,})")
    longest = max((len(p) for p in re.split(r"\n\s*\n", doc.text)), default=0)
    if longest > MAX_PARAGRAPH:
        raise InputError(f"document {doc.doc_id} has a paragraph of {longest:,} characters: longer than cwkg reads "
                         f"({MAX_PARAGRAPH:,}); split it into paragraphs")


def record_graph(record: Record) -> tuple[ox.NamedNode, list[ox.Triple], dict[str, int]]:
    """The named graph a record becomes, its triples and what it held."""
    if isinstance(record, MissionRecord):
        chiefs = chief_posts(record)
        return source_graph("pocom", "mission", record.id), mission_triples(record, chiefs), {"posts": len(chiefs)}
    if isinstance(record, AuthorityPersonRecord):
        graph = source_graph(record.dataset, "person", record.id)
        return graph, authority_person_triples(record), {"persons": 1}
    if isinstance(record, VolumeRecord):
        persons, posts = extract_volume(record)
        return volume_iri(record.volume), volume_triples(record, persons, posts), {"persons": len(persons)}
    readable(record)
    facts = extract(record)
    counts = {"documents": 1, "persons": len(facts.persons), "meetings": len(facts.meetings),
              "mentions": len(facts.mentions), "positions": len(facts.positions)}
    return document_iri(record.doc_id), document_triples(facts), counts


def _start_worker(parent: int) -> None:
    """In each worker process: end with the process that started it; load the authority data and the parser once."""
    from cwkg.extract.authority import default_authority
    from cwkg.extract.syntax import model
    from cwkg.lifetime import die_with_parent

    die_with_parent(parent)
    default_authority()
    model()


def document_lines(record: SourceDocument) -> tuple[str, Lines, dict[str, int]]:
    """In a worker: one document's graph, as the statements the writing process stores."""
    graph, triples, counts = record_graph(record)
    return graph.value, triple_lines(triples), counts


POOL_BYTES = 2 * 1024 * 1024  # below this much input, starting worker processes costs more than it saves


@dataclass(frozen=True)
class Workers:
    executor: ProcessPoolExecutor
    jobs: int


@contextmanager
def worker_pool(jobs: int, paths: list[Path]):
    """Worker processes for extraction when there are several jobs and enough to do; None otherwise. They are
    started fresh ("spawn"), never forked from a process that holds the store open."""
    size = 0
    for p in paths:
        try:
            size += p.stat().st_size
        except OSError:
            pass
    if jobs <= 1 or size < POOL_BYTES:
        yield None
        return
    from cwkg.lifetime import quiet_cleanup

    quiet_cleanup()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                             initializer=_start_worker, initargs=(os.getpid(),)) as executor:
        yield Workers(executor, jobs)


def ingest_file(store: GraphStore, path: Path, on_record: Callable[[], None] | None = None,
                validate: bool = False, select: Callable[[Record], bool] | None = None,
                pool: Workers | None = None, bulk: bool = False, catalogue: Catalogue | None = None) -> IngestResult:
    """Load one file; `select` keeps only the records it accepts (one document of a volume, say). With a `pool`,
    documents are extracted in its workers, a few at a time so memory stays bounded, and stored here in order.
    With `bulk` (a first load), graphs are written in bursts (of BULK_BURST statements, or BULK_QUADS to the
    spool), and large batches of graphs new to the store go through the engine's bulk loader, which is not
    transactional: the file is journaled before such a write, and if it fails, what it stored is removed. A
    `catalogue` gives the metadata of the files it lists."""
    totals = {"documents": 0, "triples": 0, "persons": 0, "meetings": 0, "mentions": 0, "positions": 0, "posts": 0}
    first: tuple[str, str] | None = None
    pending: list[tuple[ox.NamedNode, list[ox.Triple]]] = []
    refused: list[str] = []
    stored: list[str] = []
    journaled = store.is_partly_loaded(path)  # a load cut off before: finishing this one closes its journal entry
    in_flight: deque = deque()
    bulked = False  # whether a batch went through the bulk loader: then a failure removes what the file added
    added: list[str] = []  # the graphs the file's writes added to the store (kept with `bulk` only)
    statements = 0  # in the pending batch

    # A first load writing to the spool holds no more than the bulk loader's least: bursts paid only when they went
    # to the engine itself (as with --validate).
    burst = BULK_QUADS if store.spooling() else BULK_BURST

    def full() -> bool:
        """A batch is BATCH graphs (one transaction each), or in a first load a burst of statements."""
        return statements >= burst if bulk else len(pending) >= BATCH

    def write(several: bool) -> None:
        """Store the pending batch; journal the file first when it takes several transactions (a kill between them
        leaves it partly loaded) or when the batch is large enough for the bulk loader (not one transaction)."""
        nonlocal journaled, bulked, statements
        big = bulk and statements >= BULK_QUADS
        if (several or big) and not journaled:
            store.begin_load(path)
            journaled = True
        if bulk:  # what a failure may remove: never a graph the store had before (a volume's, from another part)
            added.extend(g.value for g, _ in pending if not store.has_graph(g))
        store.replace_graphs(pending, bulk=big)
        bulked = bulked or big
        pending.clear()
        statements = 0

    def take(graph, triples, counts, record) -> None:
        nonlocal first, statements
        pending.append((graph, triples))
        statements += len(triples)
        stored.append(graph.value)
        totals["triples"] += len(triples)
        for k, v in counts.items():
            totals[k] += v
        if first is None and isinstance(record, SourceDocument):
            first = (graph.value, record.title)
        if full():
            write(several=True)
        if on_record:
            on_record()

    def settle(limit: int) -> None:
        while len(in_flight) > limit:
            future, record = in_flight.popleft()
            iri, lines, counts = future.result()
            take(ox.NamedNode(iri), lines, counts, record)

    try:
        for record in load_records(path, catalogue):
            if select is not None and not select(record):
                continue
            if pool is not None and not validate and isinstance(record, SourceDocument):
                in_flight.append((pool.executor.submit(document_lines, record), record))
                settle(max(BATCH, AHEAD) + 2 * pool.jobs)  # workers keep busy while this process writes a batch
                continue
            graph, triples, counts = record_graph(record)
            if validate and isinstance(record, SourceDocument):
                blocking = [v for v in validate_document(store, graph, triples) if v.blocking]
                if blocking:
                    refused.append(f"{path}: {graph.value}: {blocking[0].rule}" + (f" (and {len(blocking) - 1} more)" if len(blocking) > 1 else ""))
                    continue
            take(graph, triples, counts, record)
        settle(0)
        if pending:
            write(several=False)
        if journaled:
            store.finish_load(path)
    except UnrecognisedFormat as exc:
        return _failed(store, path, added if bulked else [], IngestResult(path, error=str(exc), unrecognised=True,
                                                       graphs=_committed(stored, pending), **totals))
    except CwkgError as exc:
        return _failed(store, path, added if bulked else [], IngestResult(path, error=str(exc) if exc.path else f"{path}: {exc}",
                                                       graphs=_committed(stored, pending), **totals))
    except Exception as exc:  # an unexpected failure in one file must not stop the batch
        return _failed(store, path, added if bulked else [], IngestResult(path, error=f"{path}: {in_words(exc)}",
                                                       graphs=_committed(stored, pending), **totals))
    if refused and first is None:  # nothing of the file was stored
        return IngestResult(path, error=refused[0], refused=tuple(refused), **totals)
    return IngestResult(path, first[0] if first else None, first[1] if first else None, refused=tuple(refused),
                        graphs=tuple(stored), **totals)


def _failed(store: GraphStore, path: Path, added: list[str], result: IngestResult) -> IngestResult:
    """A file that failed after a bulk write (which is no transaction): remove the graphs its writes `added` and
    close its journal entry. A graph the store held before and the file replaced (a volume's graph, written again
    by each part of the volume) stays, in the file's version: removing it would take it from the parts before, and
    the file stays noted as partly loaded."""
    if not added or not result.graphs:
        return result
    for graph in added:
        store.forget_graph(ox.NamedNode(graph))
    removed = set(added)
    kept = tuple(g for g in result.graphs if g not in removed)
    if not kept:
        store.finish_load(path)
    return replace(result, graphs=kept)


def _committed(stored: list[str], pending: list) -> tuple[str, ...]:
    """The graphs a file that failed had already stored (its earlier batches), not those still waiting."""
    return tuple(stored[:len(stored) - len(pending)])


def ingest(store: GraphStore, paths: Iterable[Path], on_record: Callable[[], None] | None = None,
           validate: bool = False, jobs: int = 1, catalogue: Catalogue | None = None) -> Iterator[IngestResult]:
    """Load every file; with `jobs` > 1 (and enough input), documents are extracted in that many worker processes
    while this one reads the files and writes the store. A `catalogue` gives the metadata of the files it lists.
    A first load gathers its new graphs in the store's spool (graph/spool.py) and loads them between files once it
    is full, and at the end: a file's result comes once its graphs are in the store."""
    static_changed = store.ensure_static()
    paths = list(paths)
    documents: set[ox.NamedNode] = set()
    others: set[ox.NamedNode] = set()
    bulk = not store.document_graphs()  # a first load: nobody reads documents that are not there yet
    if bulk and not validate:  # (validation reads the store as each document is checked)
        store.begin_spool()
    waiting: list[IngestResult] = []

    def stored() -> Iterator[IngestResult]:
        """The results whose graphs are all in the store now (every waiting one, unless a load of the spool failed,
        which gives those that lost graphs their error)."""
        try:
            store.load_spool()
        except SpoolLost as lost:
            gone = set(lost.graphs)
            for i, result in enumerate(waiting):
                if gone & set(result.graphs):
                    waiting[i] = replace(result, error=f"{result.path}: {lost}",
                                         graphs=tuple(g for g in result.graphs if g not in gone))
        for result in waiting:
            for graph in map(ox.NamedNode, result.graphs):
                (documents if is_document(graph.value) else others).add(graph)
            yield result
        waiting.clear()

    try:
        with worker_pool(jobs, paths) as pool:
            for path in paths:
                waiting.append(ingest_file(store, path, on_record, validate, pool=pool, bulk=bulk, catalogue=catalogue))
                if store.spooled() >= SPOOL_LIMIT or not store.spooled():
                    yield from stored()
        yield from stored()
    finally:
        store.end_spool(load=False)  # (a run cut short gives up what it had not loaded: its files stay partly loaded)
    after_writes(store, documents, others, static_changed)


def after_writes(store: GraphStore, documents: set[ox.NamedNode], others: set[ox.NamedNode], static_changed: bool) -> None:
    """What follows a run's writes of record graphs (an ingest, or a load of shards): the people links, the derived
    graphs of what changed, and a compaction."""
    changed = link_people(store)
    if static_changed:  # new authority data (posts, ruling parties) may change whom any position counts for
        write_derived(store)
    else:  # what this run loaded, and the documents where those whose groups or posts changed speak
        write_derived(store, documents | documents_speaking_of(store, changed | post_holders(store, others)))
    store.compact()
