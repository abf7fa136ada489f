"""How checking the graph grows with it: HermiT reasoning and SHACL validation over N documents.

    python bench/reasoning.py [--documents 200] [--batch 200]

Makes N distinct copies of the founding memorandum (each with its own title, so its own
graph), loads them into a fresh store, then times `reason` (HermiT, in batches) and the
SHACL validation, and prints seconds per thousand documents. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from cwkg.graph.reason import reason
from cwkg.graph.store import GraphStore
from cwkg.graph.validate import validate_store
from cwkg.pipeline import ingest

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "000_adaeb2830212c886.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--batch", type=int, default=200)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="cwkg-reason-"))
    page = EXAMPLE.read_text(encoding="utf-8")
    for i in range(args.documents):
        (folder / f"copy-{i:05}.txt").write_text(page.replace("Memorandum of Luncheon", f"Memorandum {i} of Luncheon"), encoding="utf-8")
    store = GraphStore(folder / "store")
    t = time.perf_counter()
    list(ingest(store, sorted(folder.glob("copy-*.txt"))))
    load = time.perf_counter() - t
    report = reason(store, batch=args.batch)
    t = time.perf_counter()
    violations = validate_store(store)
    shacl = time.perf_counter() - t
    n = len(store.document_graphs())
    print(f"{n} documents, {store.count()} quads (loaded in {load:.1f} s)")
    print(f"HermiT: {report.seconds:.1f} s in {report.batches} batches of up to {args.batch}, consistent={report.consistent}, "
          f"{report.inferred} inferred -> {report.seconds / n * 1000:.0f} s per 1000 documents")
    print(f"SHACL:  {shacl:.1f} s, {len(violations)} violations -> {shacl / n * 1000:.0f} s per 1000 documents")


if __name__ == "__main__":
    main()
