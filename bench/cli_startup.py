"""What a call of the command line costs around its query: p50/p90 wall time over repeated calls.

    python bench/cli_startup.py [--store DIR] [--runs 20] [--corpus ../shared/corpus]

Without --store it first loads `examples/` and the corpus into a temporary store (a few minutes).
It times, each as a fresh process as a user's shell starts it: the bare interpreter, `cwkg --version`
(the command line's own imports and option parsing), and `cwkg query ambassadors-discussing --param
topic=Albania --param year=1962` (the issue's small answer), and counts the store folder's RocksDB `LOG*`
files before and after, which must not grow with use. The machine's load
(`uptime`) is printed first: other work on it lengthens every wall time. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY = ["query", "ambassadors-discussing", "--param", "topic=Albania", "--param", "year=1962", "--format", "tsv"]


def timed(cmd: list[str], runs: int) -> tuple[float, float, float]:
    """p50 and p90 wall seconds of `runs` calls of `cmd` (one untimed call first, to warm the file cache), and the
    p50 of the CPU seconds each spent (every process of it), which a busy machine inflates less than the wall time."""
    import resource

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime

    subprocess.run(cmd, capture_output=True, check=True)
    times, cpus = [], []
    for _ in range(runs):
        start, used = time.perf_counter(), cpu()
        subprocess.run(cmd, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
        cpus.append(cpu() - used)
    return statistics.median(times), statistics.quantiles(times, n=10)[8], statistics.median(cpus)


def log_files(store: Path) -> int:
    return sum(1 for p in store.iterdir() if p.name.startswith("LOG"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=None, help="A store of the corpus (default: build one).")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    cwkg = [sys.executable, "-m", "cwkg"]
    store = args.store
    if store is None:
        store = Path(tempfile.mkdtemp(prefix="cwkg-startup-")) / "store"
        subprocess.run([*cwkg, "--store", str(store), "ingest", str(ROOT / "examples"), str(args.corpus)],
                       capture_output=True, check=True)
    before = log_files(store)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'call':<44} {'p50':>8} {'p90':>8} {'CPU p50':>8}   ({args.runs} calls each)")
    for label, cmd in (("python -c pass", [sys.executable, "-c", "pass"]),
                       ("cwkg --version", [*cwkg, "--version"]),
                       ("cwkg query ambassadors-discussing (Albania)", [*cwkg, "--store", str(store), *QUERY])):
        p50, p90, cpu = timed(cmd, args.runs)
        print(f"{label:<44} {p50:>7.3f}s {p90:>7.3f}s {cpu:>7.3f}s")
    print(f"LOG* files in the store folder: {before} before, {log_files(store)} after {args.runs + 1} queries")


if __name__ == "__main__":
    main()
