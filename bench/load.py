"""Load the FRUS slice, POCOM and the people authority into a fresh embedded store; print figures.

    python bench/load.py [--corpus ../shared/corpus] [--store DIR]

Prints, for each part and in all: files, records, documents/s (or records/s), triples,
wall and CPU seconds, and the process's peak resident memory. Targets: the three
together under 2 minutes, peak memory under 1 GB. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from cwkg.graph.store import GraphStore
from cwkg.pipeline import expand, ingest

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--store", type=Path, default=None)
    args = parser.parse_args()
    folder = args.store or Path(tempfile.mkdtemp(prefix="cwkg-bench-")) / "store"
    store = GraphStore(folder)
    store.ensure_static()
    start_all, cpu_all = time.perf_counter(), time.process_time()
    for part in ("frus", "pocom", "hsg-people"):
        files = [p for p, _ in expand([args.corpus / part])]
        records = [0]
        t, c = time.perf_counter(), time.process_time()
        results = list(ingest(store, files, lambda: records.__setitem__(0, records[0] + 1)))
        wall, cpu = time.perf_counter() - t, time.process_time() - c
        docs = sum(r.documents for r in results)
        loaded = sum(1 for r in results if r.ok)
        rate = f"{docs / wall:.1f} documents/s" if docs else f"{records[0] / wall:.0f} records/s"
        print(f"{part:11} {loaded:6} files {records[0]:6} records  {rate:>18}  "
              f"{sum(r.triples for r in results):8} triples  {wall:6.1f} s wall  {cpu:6.1f} s CPU")
    wall, cpu = time.perf_counter() - start_all, time.process_time() - cpu_all
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'all':11} store holds {store.count()} quads; {wall:.1f} s wall, {cpu:.1f} s CPU, peak memory {peak:.0f} MB")


if __name__ == "__main__":
    main()
