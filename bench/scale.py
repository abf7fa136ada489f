"""How cwkg scales: a synthetic FRUS of N documents, loaded with 1 and with 2 jobs; figures side by side.

    python bench/scale.py [--sizes 1000,10000] [--jobs 1,2] [--corpus ../shared/corpus] [--keep DIR]

The synthetic FRUS is made from the slice's documents: each copy gets a new id and its
paragraphs shuffled, and the copies are written as volumes of 240 documents with the
slice's own front matter (so the list of persons and abbreviations come along). For
each size and each number of jobs it prints: documents/s of `cwkg ingest`, the CPU time it
spent a document and how many cores it kept busy (every process and thread: the workers,
the writer and the store engine's compaction threads, which a run with one job already
puts on a second core), the peak resident memory of the ingest and its worker processes together, the store's size on
disk and its triples; then, on the store of each size, p50/p95 of every canned query
in-process and from the command line (start-up included), `cwkg stats`, and the time
200,000 documents would take at the measured rate. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PER_VOLUME = 240
# One run of each canned query, with parameters any FRUS store can answer.
QUERIES = {
    "documents": {}, "meetings": {"year": "1964-1968"}, "people": {"post": "ambassador"},
    "positions-on": {"topic": "Soviet Union"}, "positions-of": {"actor": "United States"},
    "ambassadors-discussing": {"topic": "Czechoslovakia"}, "disagreements": {}, "reported-speech": {},
}


def synthetic_frus(slice_path: Path, n: int, folder: Path, seed: int = 1) -> list[Path]:
    """Volumes holding `n` copies of the slice's documents, new ids and shuffled paragraphs."""
    from copy import deepcopy

    from lxml import etree

    tei = "{http://www.tei-c.org/ns/1.0}"
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    tree = etree.parse(str(slice_path))
    docs = tree.getroot().findall(f".//{tei}div[@type='document']")
    parent = docs[0].getparent()
    for doc in docs:
        doc.getparent().remove(doc)
    rng = random.Random(seed)
    volumes: list[Path] = []
    made = 0
    while made < n:
        volume = deepcopy(tree)
        # The documents' parent in the copy: the element at the same path as in the slice.
        into = volume.getroot().xpath(tree.getpath(parent))[0]
        for _ in range(min(PER_VOLUME, n - made)):
            doc = deepcopy(docs[made % len(docs)])
            made += 1
            doc.set(xml_id, f"d{made}")
            # The ids inside the copy (its notes, its page breaks) and the references to them made unique in the volume.
            renamed = {}
            for inner in doc.iter():
                if inner is not doc and inner.get(xml_id):
                    renamed[inner.get(xml_id)] = f"{inner.get(xml_id)}-c{made}"
                    inner.set(xml_id, renamed[inner.get(xml_id)])
            for inner in doc.iter():
                if (inner.get("target") or "").lstrip("#") in renamed:
                    inner.set("target", "#" + renamed[inner.get("target").lstrip("#")])
            paragraphs = [c for c in doc if c.tag == f"{tei}p"]
            order = paragraphs[:]
            rng.shuffle(order)
            for old, new in zip(paragraphs, order):
                old.addprevious(deepcopy(new))
            for old in paragraphs:
                doc.remove(old)
            into.append(doc)
        path = folder / f"frus-synthetic-v{len(volumes) + 1:03d}.xml"
        volume.write(str(path), encoding="UTF-8", xml_declaration=True)
        volumes.append(path)
    return volumes


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
            rss[int(entry.name)] = int((entry / "statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo += children.get(p, [])
    return total


def measured(cmd: list[str]) -> tuple[float, int, float, subprocess.CompletedProcess]:
    """Wall time, peak resident memory (with child processes) and CPU seconds (every process and thread of it,
    the store engine's compaction threads included) of a command."""
    import resource

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    before = cpu()
    start = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.2)
    out, err = process.communicate()
    return time.perf_counter() - start, peak, cpu() - before, subprocess.CompletedProcess(cmd, process.returncode, out, err)


def du(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def query_times(store_path: Path, runs: int) -> dict[str, tuple[float, float, float, float]]:
    """p50/p95 in-process and p50/p95 from the command line, per canned query (seconds)."""
    from cwkg.graph.store import GraphStore
    from cwkg.queries.catalog import load_catalog
    from cwkg.queries.runner import run

    catalog = load_catalog()
    out = {}
    with GraphStore(store_path) as store:
        inside = {name: [] for name in QUERIES}
        for name, params in QUERIES.items():
            for _ in range(runs):
                t = time.perf_counter()
                run(store, catalog[name], dict(params))
                inside[name].append(time.perf_counter() - t)
    for name, params in QUERIES.items():
        cli = []
        for _ in range(max(2, runs // 2)):
            args = [a for k, v in params.items() for a in ("--param", f"{k}={v}")]
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "cwkg", "--store", str(store_path), "query", name, *args, "--format", "tsv"],
                           capture_output=True, check=False)
            cli.append(time.perf_counter() - t)
        p = lambda xs, q: statistics.quantiles(xs, n=20)[18] if q == 95 and len(xs) > 1 else statistics.median(xs)
        out[name] = (p(inside[name], 50), p(inside[name], 95), p(cli, 50), p(cli, 95))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the synthetic volumes and stores here.")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--jobs", default="1,2", help="The numbers of worker processes to ingest with, in turn.")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="cwkg-scale-"))
    slice_path = args.corpus / "frus" / "frus1964-68v17-part1.xml"
    from yardstick import line  # (bench/ is on the path of a script run from it)

    print(line())
    print(f"{'documents':>9} {'jobs':>4} {'docs/s':>8} {'CPU/doc':>8} {'cores':>6} {'peak RSS':>10} {'store':>10} {'triples':>10}"
          "  200,000 documents")
    stores = {}
    for n in [int(s) for s in args.sizes.split(",")]:
        folder = work / f"frus-{n}"
        folder.mkdir(parents=True, exist_ok=True)
        volumes = synthetic_frus(slice_path, n, folder)
        for jobs in [int(j) for j in args.jobs.split(",")]:
            store = work / f"store-{n}-{jobs}"
            wall, peak, cpu, result = measured([sys.executable, "-m", "cwkg", "--store", str(store), "ingest", "--jobs", str(jobs),
                                           *map(str, volumes)])
            if result.returncode:
                print(f"ingest failed: {result.stderr.strip().splitlines()[-1:]}")
                return
            triples = re.search(r"holds (\d+) triples", result.stderr)
            rate = n / wall
            print(f"{n:>9} {jobs:>4} {rate:>8.1f} {cpu / n * 1000:>5.0f} ms {cpu / wall:>6.2f} {peak / 2**20:>8.0f} MB {du(store) / 2**20:>7.0f} MB "
                  f"{int(triples.group(1)) if triples else 0:>10}  {200_000 / rate / 3600:.1f} h")
            stores[n] = store
    print(line())
    for n, store in stores.items():
        print(f"\ncanned queries on the store of {n} documents (p50 / p95 in-process, p50 / p95 from the CLI):")
        for name, (a, b, c, d) in query_times(store, args.runs).items():
            print(f"  {name:<24} {a * 1000:8.0f} ms {b * 1000:8.0f} ms {c:7.2f} s {d:7.2f} s")
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cwkg", "--store", str(store), "stats"], capture_output=True, check=False)
        print(f"  {'cwkg stats':<24} {time.perf_counter() - t:7.2f} s")


if __name__ == "__main__":
    main()
