"""Whether writing grows with the store: the FRUS slice's document graphs, extracted once, written again and again
under new ids as an ingest writes them (batches of the pipeline's size, the bulk loader on a first load, the claim
index following), to a store of N documents. Figures, not assertions.

    python bench/store_growth.py [--documents 10000] [--every 1000] [--corpus ../shared/corpus]

Prints, for each stretch of `--every` documents: the writer's wall time a document inside the store's write (the
engine's write, the claim index's rows, any flush), the CPU a document of the whole process (the engine's
compaction threads included), the store's size on disk and its quads. Issue 29 asks that the write time a document
at 10,000 documents stay within 20% of that at 1,000.
"""

from __future__ import annotations

import argparse
import re
import resource
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from cwkg.graph.store import GraphStore, Lines
from cwkg.ontology.vocab import document_iri
from cwkg.loaders import load_records
from cwkg.loaders.source import SourceDocument
from cwkg.pipeline import BATCH, BULK_QUADS, document_lines

ROOT = Path(__file__).resolve().parent.parent


def template(corpus: Path) -> list[tuple[str, Lines]]:
    """The slice's documents as (document id, statements), extracted once."""
    out = []
    for path in sorted((corpus / "frus").glob("*.xml")):
        for record in load_records(path):
            if isinstance(record, SourceDocument):
                iri, lines, _ = document_lines(record)
                out.append((iri.rsplit("/", 1)[-1], lines))
    return out


def copy(docs: list[tuple[str, Lines]], k: int) -> list[tuple[ox.NamedNode, Lines]]:
    """The documents under new ids (`<id>-c<k>`) in every IRI minted from them; entities stay shared."""
    out = []
    for doc_id, lines in docs:
        same = re.compile(re.escape(doc_id) + r"(?![0-9A-Za-z])")
        new = f"{doc_id}-c{k}"
        out.append((document_iri(new), Lines(same.sub(new, line) for line in lines)))
    return out


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = parser.parse_args()
    docs = template(args.corpus)
    folder = Path(tempfile.mkdtemp(prefix="cwkg-growth-")) / "store"
    store = GraphStore(folder)
    store.ensure_static()
    print(f"{len(docs)} documents of the slice, {sum(len(lines) for _, lines in docs) / len(docs):.0f} statements each "
          f"on average; store {folder}")
    print(f"{'documents':>10} {'write ms/doc':>13} {'CPU ms/doc':>11} {'store MB':>9} {'quads':>11}")
    bulk = True  # a first load, as `cwkg ingest` into an empty store
    written, k, wall, cpu = 0, 0, 0.0, cpu_seconds()
    pending: list[tuple[ox.NamedNode, Lines]] = []
    while written < args.documents:
        for graph, lines in copy(docs, k):
            pending.append((graph, lines))
            written += 1
            if len(pending) >= BATCH or written == args.documents:
                started = time.perf_counter()
                store.replace_graphs(pending, bulk=bulk and sum(len(lines) for _, lines in pending) >= BULK_QUADS)
                wall += time.perf_counter() - started
                pending = []
            if written % args.every == 0 and not pending:
                now = cpu_seconds()
                print(f"{written:>10} {wall * 1000 / args.every:>13.1f} {(now - cpu) * 1000 / args.every:>11.1f} "
                      f"{du(folder) / 1e6:>9.0f} {store.size():>11,}", flush=True)
                wall, cpu = 0.0, now
            if written == args.documents:
                break
        k += 1
    store.close()


if __name__ == "__main__":
    main()
