"""Extraction past one machine: records go in batches to the workers of a Dask cluster, each batch becomes an
N-Quads shard (src/cwkg/shards.py) in a folder the machines share, and the shards are loaded afterwards.

This process reads the files, as it does for `--jobs` (a volume is checked whole before its first record, and a
file of no known format is told here); the workers only extract and write. Each worker loads the authority data
and the parser once, when it joins (a worker plugin), not once a batch. A file is all or nothing: if one of its
batches fails, every shard of it is removed and the file reported, as an ingest reports it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cwkg.errors import CwkgError, UnrecognisedFormat
from cwkg.graph.store import GraphStore
from cwkg.loaders import load_records
from cwkg.loaders.metadata import Catalogue
from cwkg.loaders.source import SourceDocument
from cwkg.pipeline import IngestResult

from .shards import SUFFIX, load_shards, write_shard

_LOCAL = re.compile(r"local:(\d+)")
_SCHEDULER = re.compile(r"(?:tcp|tls|ucx|ws|wss)://\S+")
CONNECT_TIMEOUT = "20s"
# Records a task: small enough that a volume of a few dozen documents keeps several workers busy, large enough that
# a task's overhead (a few milliseconds) is nothing beside its extraction (a fifth of a second a document).
BATCH = 8
COUNTS = ("documents", "triples", "persons", "meetings", "mentions", "positions", "posts")


def check_address(address: str) -> int | None:
    """The number of local workers `local:N` asks for, None for a scheduler's address; anything else refused."""
    local = _LOCAL.fullmatch(address)
    if local:
        if int(local.group(1)) < 1:
            raise CwkgError("a local cluster needs at least one worker (local:2, say)", address)
        return int(local.group(1))
    if not _SCHEDULER.fullmatch(address):
        raise CwkgError("not a cluster address: give a Dask scheduler (tcp://HOST:8786) or local:N", address)
    return None


def _ready_worker() -> None:
    """On a worker as it joins: the authority data and the parser, loaded once for all its batches."""
    from cwkg.extract.authority import default_authority
    from cwkg.extract.syntax import model

    default_authority()
    model()


def _plugin():
    from distributed.diagnostics.plugin import WorkerPlugin

    class ExtractionReady(WorkerPlugin):
        name = "cwkg-extraction"

        def setup(self, worker) -> None:
            _ready_worker()

    return ExtractionReady()


@contextmanager
def connect(address: str):
    """A client of the cluster at `address` (`local:N`: N worker processes started here, stopped after), its
    workers ready to extract."""
    workers = check_address(address)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise CwkgError("extraction on a cluster needs Dask: pip install 'cwkg[cluster]'", address) from None

    if workers is not None:
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            client.register_plugin(_plugin())
            yield client
        return
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise CwkgError(f"cannot reach the Dask scheduler ({str(exc).splitlines()[0][:160]})", address) from None
    with client:
        client.register_plugin(_plugin())
        yield client


@dataclass(frozen=True)
class BatchOutcome:
    """What a worker made of a batch: its shard and counts, or the error that kept the batch out."""

    shard: str | None
    records: int
    counts: dict[str, int]
    graphs: tuple[str, ...] = ()
    first: tuple[str, str] | None = None  # the first document's graph and title
    error: str | None = None


def extract_batch(source: str, records: list, shard: str) -> BatchOutcome:
    """On a worker: extract and map a batch of one file's records and write them as the shard `shard`."""
    from cwkg.graph.store import triple_lines
    from cwkg.pipeline import record_graph

    counts = dict.fromkeys(COUNTS, 0)
    graphs = []
    first = None
    try:
        for record in records:
            graph, triples, held = record_graph(record)
            lines = triple_lines(triples)
            graphs.append((graph.value, lines))
            counts["triples"] += len(lines)
            for k, v in held.items():
                counts[k] += v
            if first is None and isinstance(record, SourceDocument):
                first = (graph.value, record.title)
        write_shard(Path(shard), graphs)
    except CwkgError as exc:
        return BatchOutcome(None, len(records), counts, error=str(exc) if exc.path else f"{source}: {exc}")
    except Exception as exc:  # one file's failure must not stop the run
        return BatchOutcome(None, len(records), counts, error=f"{source}: {type(exc).__name__}: {exc}")
    return BatchOutcome(shard, len(records), counts, tuple(g for g, _ in graphs), first)


def file_key(path: Path) -> str:
    """The start of the names of a file's shards: the same file, run again, replaces its shards."""
    return hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:16]


@dataclass
class FileShards:
    """One input file's part of a cluster run: its result, as an ingest gives it, and its shards."""

    path: Path
    result: IngestResult | None = None
    shards: list[Path] = field(default_factory=list)
    batches: int = 0
    done: int = 0
    read: bool = False
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTS, 0))
    graphs: list[str] = field(default_factory=list)
    first: tuple[str, str] | None = None
    error: str | None = None
    unrecognised: bool = False

    @property
    def finished(self) -> bool:
        return self.read and self.done == self.batches

    def settle(self) -> None:
        """Its result, once every batch is back; a file that failed anywhere leaves no shard."""
        if self.error is not None:
            for shard in self.shards:
                shard.unlink(missing_ok=True)
            self.shards = []
            self.result = IngestResult(self.path, error=self.error, unrecognised=self.unrecognised, **self.counts)
            return
        self.shards.sort()
        document, title = self.first or (None, None)
        self.result = IngestResult(self.path, document, title, graphs=tuple(self.graphs), **self.counts)


def extract_on_cluster(client, files: Iterable[Path], folder: Path, catalogue: Catalogue | None = None,
                       on_record: Callable[[], None] | None = None, batch: int = BATCH) -> Iterator[FileShards]:
    """Read each file here and extract its records on the cluster, a few batches a worker in flight; each file as
    its last batch comes back."""
    from distributed import wait

    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    limit = 2 * max(1, len(client.scheduler_info().get("workers", {}))) + 2
    in_flight: dict = {}  # future -> its file

    def collect(block: bool) -> Iterator[FileShards]:
        if not in_flight:
            return
        done, _ = wait(list(in_flight), return_when="FIRST_COMPLETED") if block else (
            [f for f in in_flight if f.done()], None)
        for future in done:
            state = in_flight.pop(future)
            try:
                outcome: BatchOutcome = future.result()
            except Exception as exc:  # a worker lost, say
                outcome = BatchOutcome(None, 0, {}, error=f"{state.path}: the cluster failed ({type(exc).__name__}: {exc})")
            state.done += 1
            for k, v in outcome.counts.items():
                state.counts[k] += v
            for _ in range(outcome.records if on_record else 0):
                on_record()
            if outcome.error is not None:
                state.error = state.error or outcome.error
            else:
                state.shards.append(Path(outcome.shard))
                state.graphs += outcome.graphs
                state.first = state.first or outcome.first
            if state.finished:
                state.settle()
                yield state

    for path in files:
        state = FileShards(path)
        key = file_key(path)
        for old in folder.glob(f"{key}-*{SUFFIX}"):
            old.unlink()
        records: list = []

        def submit() -> None:
            shard = folder / f"{key}-{state.batches:05d}{SUFFIX}"
            in_flight[client.submit(extract_batch, str(path), list(records), str(shard), pure=False)] = state
            state.batches += 1
            records.clear()

        try:
            for record in load_records(path, catalogue):
                records.append(record)
                if len(records) >= batch:
                    submit()
                    while len(in_flight) > limit:
                        yield from collect(block=True)
            if records:
                submit()
        except UnrecognisedFormat as exc:
            state.error, state.unrecognised = str(exc), True
        except CwkgError as exc:
            state.error = str(exc) if exc.path else f"{path}: {exc}"
        except Exception as exc:  # an unexpected failure in one file must not stop the run
            state.error = f"{path}: {type(exc).__name__}: {exc}"
        state.read = True
        if state.finished:
            state.settle()
            yield state
        yield from collect(block=False)
    while in_flight:
        yield from collect(block=True)


def default_shards(store_path: Path) -> Path:
    """Where a cluster run writes its shards unless told: beside the store (a store's folder holds only the store)."""
    return store_path.parent / f"{store_path.name}-shards"


def ingest_on_cluster(store: GraphStore, files: list[Path], address: str, folder: Path, load: bool = True,
                      catalogue: Catalogue | None = None, on_record: Callable[[], None] | None = None) -> Iterator[IngestResult]:
    """`cwkg ingest --cluster`: each file's result as its extraction ends; then, unless not to `load`, the run's
    shards loaded into `store` in the order of the files (a shard that will not load is one more error)."""
    order = {path: i for i, path in enumerate(files)}
    written: list[FileShards] = []
    with connect(address) as client:
        for state in extract_on_cluster(client, files, folder, catalogue, on_record):
            if state.result.ok:
                written.append(state)
            yield state.result
    if not load:
        return
    shards = [shard for state in sorted(written, key=lambda s: order[s.path]) for shard in state.shards]
    for loaded in load_shards(store, shards):
        if not loaded.ok:
            yield IngestResult(loaded.path, error=loaded.error)


def runner(default, address: str | None, validate: bool, folder: Path | None, no_load: bool, store_path: Path):
    """The run `cwkg ingest` makes: `default` (one machine) without a cluster `address`, else the cluster's, called
    as an ingest is (store, files, on_record, ...). A usage error is raised before anything runs: an address of no
    known form, --validate (which checks documents as they are stored) on a cluster, the cluster's options without
    one."""
    if address is None:
        if folder is not None or no_load:
            raise CwkgError("--shards and --no-load go with --cluster (extraction on a Dask cluster)")
        return default
    check_address(address)
    load = not no_load
    if validate:
        raise CwkgError("--validate checks documents as they are stored, in this process; it cannot run with --cluster "
                        "(run `cwkg validate` after the load)")
    folder = folder if folder is not None else default_shards(store_path)

    def run(store: GraphStore, files: list[Path], on_record: Callable[[], None] | None = None, validate: bool = False,
            jobs: int = 1, catalogue: Catalogue | None = None) -> Iterator[IngestResult]:
        yield from ingest_on_cluster(store, files, address, folder, load, catalogue, on_record)
        if not load:
            logging.getLogger("cwkg").warning("shards written to %s; `cwkg load %s` loads them", folder, folder)

    return run
