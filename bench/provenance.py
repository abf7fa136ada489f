"""How many triples a FRUS document graph holds, and how many of them are provenance (evidence targets, their
selectors and the naming of the document).

    python bench/provenance.py [--corpus ../shared/corpus/frus] [--store STORE]

Ingests the corpus into a fresh store (into STORE when given; a STORE that holds a store already is only read,
say one `bench/scale.py --keep` made) and prints the mean triples per document
graph, the share that describes evidence, their N-Quads bytes and the store folder's bytes per document (the folder
holds the ontology and authority graphs too, and RocksDB's logs). Figures, not assertions; run it on
the branch before and after a change to the mapping to compare.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from cwkg.ontology.vocab import CW, OA  # noqa: E402

EVIDENCE = {OA[t].value for t in ("hasTarget", "hasSource", "hasSelector", "exact", "prefix", "suffix", "start", "end")} | {
    CW.quote.value, CW.page.value}


def _bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "frus"))
    ap.add_argument("--store")
    args = ap.parse_args()
    store = Path(args.store) if args.store else Path(tempfile.mkdtemp(prefix="cwkg-prov-")) / "store"
    if not (store / "CURRENT").exists():
        subprocess.run([sys.executable, "-m", "cwkg", "ingest", args.corpus], check=True,
                       stdout=subprocess.DEVNULL, env={**os.environ, "CWKG_STORE": str(store)})
    from cwkg.graph.store import GraphStore

    g = GraphStore.snapshot(store)  # (as it stands: an older store is measured, not upgraded)
    docs = g.document_graphs()
    total = evidence = 0
    for d in docs:
        for q in g.quads(d):
            total += 1
            evidence += q.predicate.value in EVIDENCE or (q.predicate.value.endswith("#type") and q.object.value.startswith(str(OA)))
    exported = io.BytesIO()
    g.export("nquads", exported, docs)
    n = len(docs)
    print(f"{n} document graphs, {total} triples: {total / n:.0f} triples per document, "
          f"{evidence / total:.0%} of them evidence; N-Quads {len(exported.getvalue()) / n / 1024:.1f} KiB per document; "
          f"store folder {_bytes(store) / n / 1024:.1f} KiB per document ({store})")


if __name__ == "__main__":
    main()
