"""The store the corpus benchmarks measure: a given one as it is, or the example and the corpus loaded afresh."""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from cwkg.graph.store import GraphStore
from cwkg.pipeline import expand, ingest

ROOT = Path(__file__).resolve().parent.parent


def arguments(description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--store", type=Path, default=None, help="measure this store as it is instead of loading the corpus")
    return parser.parse_args()


def corpus_store(args: argparse.Namespace, work: Path | None = None, reading: bool = False) -> GraphStore:
    work = work or Path(tempfile.mkdtemp(prefix="cwkg-bench-"))
    if args.store is not None:
        return GraphStore(args.store, reading=reading)
    store = GraphStore(work / "store")
    started = time.perf_counter()
    list(ingest(store, [p for p, _ in expand([ROOT / "examples", args.corpus])], jobs=2))
    print(f"corpus loaded in {time.perf_counter() - started:.1f} s ({store.count()} triples)")
    return store
