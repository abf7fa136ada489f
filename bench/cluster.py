"""Extraction on Dask beside `--jobs`: documents/s of `cwkg ingest --cluster local:1` and `local:2` and of
`cwkg ingest --jobs 2`, on the same synthetic FRUS documents (bench/scale.py makes them).

    python bench/cluster.py [--documents 120] [--corpus ../shared/corpus] [--keep DIR]

For each way it prints the documents/s of the whole command (start-up, extraction, store writes, derived
graphs), its CPU seconds, its peak resident memory with every child process (the Dask scheduler, nannies and
workers included) and the store's triples outside its metadata graph (equal across the three; the metadata
graph's load journal differs by design: an ingest journals each file, a load each shard). A cluster run is then
split in two: the extraction alone (`--no-load`, shards written) and `cwkg load` of its shards. On one machine
Dask's workers do what `--jobs`' processes do, plus a scheduler and the shards' round trip through the disk; the
gain is where `--jobs` cannot go, on more machines. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale  # noqa: E402 - bench/ is a folder of scripts, not a package
from scale import measured, synthetic_frus  # noqa: E402

# Volumes of the slice's size: each holds every document of the slice once, so no footnote id is repeated in one
# file (volumes of 240 copies repeat each id ten times, which libxml2 refuses now and then: "ID ... already defined").
scale.PER_VOLUME = 24


def cwkg(store: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "cwkg", "--store", str(store), *args]


def triples(store: Path) -> int:
    """The store's triples outside its metadata graph, whose load journal differs by design (an ingest journals
    each file, a load each shard)."""
    from cwkg.ontology.vocab import META_GRAPH
    from cwkg.graph.store import GraphStore

    with GraphStore(store, reading=True) as s:
        return s.count() - s.count(META_GRAPH)


def run(label: str, cmd: list[str], documents: int) -> float:
    wall, peak, cpu, result = measured(cmd)
    if result.returncode != 0:
        sys.exit(f"{label} failed: {result.stderr.strip().splitlines()[-1:]}")
    print(f"  {label:<34} {documents / wall:7.2f} docs/s  {wall:7.1f} s  cpu {cpu:7.1f} s  peak RSS {peak / 2**20:6.0f} MB")
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=120)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared" / "corpus")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="cwkg-cluster-"))
    work.mkdir(parents=True, exist_ok=True)
    inputs = work / "inputs"
    inputs.mkdir(exist_ok=True)
    volumes = [str(p) for p in synthetic_frus(args.corpus / "frus" / "frus1964-68v17-part1.xml", args.documents, inputs)]
    n = args.documents
    print(f"{n} synthetic FRUS documents in {len(volumes)} volumes; whole `cwkg ingest` into a new store:")
    stores = {"--jobs 2": work / "jobs2", "--cluster local:1": work / "dask1", "--cluster local:2": work / "dask2"}
    for label, store in stores.items():
        run(f"ingest {label}", cwkg(store, "ingest", *label.split(), *volumes), n)
    counts = {label: triples(store) for label, store in stores.items()}
    print("  triples (metadata graph aside): " + ", ".join(f"{label} {c}" for label, c in counts.items())
          + ("  (equal)" if len(set(counts.values())) == 1 else "  (DIFFERENT)"))
    print("the cluster run in two steps (2 workers):")
    shards = work / "shards"
    run("extract: ingest --cluster local:2 --no-load", cwkg(work / "split", "ingest", "--cluster", "local:2", "--shards",
                                                           str(shards), "--no-load", *volumes), n)
    run("load: cwkg load SHARDS", cwkg(work / "split", "load", str(shards)), n)
    print(f"  shards: {len(list(shards.glob('*.nq')))} files, {sum(p.stat().st_size for p in shards.glob('*.nq')) / 2**20:.1f} MB")


if __name__ == "__main__":
    main()
