"""Where an ingest's CPU goes: the worker processes, and each thread of the writing process (the store engine's
compaction threads apart from the Python thread that reads the files and writes the store).

    python bench/ingest_cpu.py [--documents 1000] [--jobs 2] [--keep DIR]

Ingests a synthetic FRUS of N documents (as `bench/scale.py` makes it) in this process and prints documents/s and
the milliseconds of CPU a document of the workers and of each thread of this process by name, sampled from /proc
(Linux) every half second, and the peak memory of this process and its workers together (sampled), of this
process and of the largest worker. Set CWKG_BULK_BURST, CWKG_BULK_QUADS or CWKG_INGEST_BATCH to compare ways of
writing. Figures, not assertions; the machine's speed (`bench/yardstick.py`) is printed before and after.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def thread_cpu() -> dict[str, tuple[str, float]]:
    """Each live thread of this process: its name and CPU seconds so far."""
    out = {}
    tick = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir("/proc/self/task"):
        try:
            stat = Path(f"/proc/self/task/{tid}/stat").read_text()
        except OSError:
            continue
        name = stat.split("(", 1)[1].rsplit(")", 1)[0]
        fields = stat.rsplit(")", 1)[1].split()
        out[tid] = (name, (int(fields[11]) + int(fields[12])) / tick)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--keep", type=Path, default=None, help="Keep the synthetic volumes and the store here.")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from scale import tree_rss, synthetic_frus
    from yardstick import line

    from cwkg.graph.store import GraphStore
    from cwkg.pipeline import ingest

    work = args.keep or Path(tempfile.mkdtemp(prefix="cwkg-cpu-"))
    volumes_dir = work / f"volumes-{args.documents}"
    if not volumes_dir.is_dir():
        volumes_dir.mkdir(parents=True)
        synthetic_frus(args.corpus / "frus" / "frus1964-68v17-part1.xml", args.documents, volumes_dir)
    print(line())
    baseline = {tid: seconds for tid, (_, seconds) in thread_cpu().items()}  # making the volumes is not the ingest's
    own_before = resource.getrusage(resource.RUSAGE_SELF)
    seen: dict[str, tuple[str, float]] = {}
    done = threading.Event()
    tree = [0]  # the peak of this process and its workers together

    def sample() -> None:  # a thread's last figure is kept after it ends
        while not done.wait(0.5):
            seen.update(thread_cpu())
            tree[0] = max(tree[0], tree_rss(os.getpid()))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    start = time.perf_counter()
    with GraphStore(work / f"store-{args.documents}-{time.time_ns()}") as store:
        for result in ingest(store, sorted(volumes_dir.glob("*.xml")), jobs=args.jobs):
            if not result.ok:
                print(f"ingest failed: {result.error}")
    wall = time.perf_counter() - start
    done.set()
    sampler.join()
    seen.update(thread_cpu())
    n = args.documents
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    me = resource.getrusage(resource.RUSAGE_SELF)
    print(f"{n} documents, {args.jobs} jobs: {n / wall:.1f} documents/s")
    print(f"  workers              {(workers.ru_utime + workers.ru_stime) / n * 1000:6.1f} ms a document")
    own = me.ru_utime + me.ru_stime - own_before.ru_utime - own_before.ru_stime
    print(f"  writing process      {own / n * 1000:6.1f} ms a document, of which:")
    by_name: Counter[str] = Counter()
    for tid, (name, seconds) in seen.items():
        by_name[name] += seconds - baseline.get(tid, 0.0)
    for name, seconds in by_name.most_common():
        if seconds / n * 1000 >= 0.1:
            print(f"    {name:<18} {seconds / n * 1000:6.1f} ms")
    print(f"  peak memory: {tree[0] / 2**20:.0f} MB together (sampled), the writing process {me.ru_maxrss / 1024:.0f} MB, "
          f"the largest worker {workers.ru_maxrss / 1024:.0f} MB")
    print(line())


if __name__ == "__main__":
    main()
