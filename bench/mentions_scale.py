"""How extraction grows with pages of repeated names: wall time and peak memory per size, each in a fresh process.

    python bench/mentions_scale.py [--sizes 0.1,0.25,0.5,1,2] [--kinds state,mixed] [--repeat 3] [--timeout 600] [--no-traced]
    python bench/mentions_scale.py --ingest [--sizes ...] [--kinds ...]

A page of a repeated state name ("Albania Albania ...", 200 to a paragraph, paragraphs
separated by blank lines) is within every documented limit, yet once took 37 s at 1.9 MB
(issue 30): finding mentions grew with the square of the text. For each kind of page
(`state`: that page; `mixed`: short sentences naming several states, a party, persons
the authority knows and persons it does not) and each size in MB (1,000,000 characters)
this builds the page and starts a new Python process that loads the authority data,
the gazetteer and the parser on a small page first, as a long ingest has, then runs
`cwkg.extract.extract.extract` on the page once; `--repeat` such processes a size, as
other work on the machine makes single timings vary by 10 to 20%. It prints:

- wall and CPU seconds of the fastest of those extractions, and wall seconds per MB;
- the largest peak resident memory of those processes (`ru_maxrss`) and its growth over
  the memory before the extraction. A small page partly reuses memory the start-up freed,
  so this growth understates the cost of small pages;
- the peak of Python's own allocations during the extraction (`tracemalloc`, measured in
  another fresh process, as tracing slows the run), per MB: what extraction itself needs.

With `--ingest`, each page is instead written as a typed record (`Title:` and `Date:` lines)
and loaded by `cwkg ingest` into a new store, in its own process: what a user waits for and
the memory the whole command takes (extraction, the RDF mapping and the store's write of the
document's graph in one transaction). Peak memory is given over that of loading a tiny page,
so the start-up (the parser, the authority data) is not counted per MB.

Per kind, a last line says whether time per MB, and traced peak memory per MB, stay within
20% (largest over smallest) from the smallest page to the largest. Time is judged by CPU
seconds, which other work on a shared machine does not inflate (extraction runs on one
thread, so CPU time is its own work); the wall-clock spread and the load average are printed
beside it. A size that
takes longer than `--timeout` seconds is stopped and reported so. Figures, no assertions.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

MB = 1_000_000
# The `mixed` page names these in turn: states, a party, persons the authority knows and persons it does not.
_MIXED_NAMES = ["Albania", "Poland", "Kim Il Sung", "Cuba", "Comrade Moskovsky", "Yugoslavia", "Khrushchev",
                "the Korean Workers' Party", "Czechoslovakia", "Ambassador Puzanov", "Zhou Enlai", "Romania"]


def page(kind: str, size_mb: float) -> str:
    """The body of a record of about `size_mb` MB of repeated names (all ASCII: one character, one byte)."""
    if kind == "state":
        para = " ".join(["Albania"] * 200)
    else:
        names = itertools.cycle(_MIXED_NAMES)
        para = " ".join(f"{next(names)} and {next(names)} spoke of {next(names)}." for _ in range(40))
    head = "Moscow, 2 May 1962\n\nRecord of Conversation"
    n = max(1, round((size_mb * MB - len(head)) / (len(para) + 2)))
    return "\n\n".join([head] + [para] * n)


def _rss_kb() -> int:
    """The current resident memory of this process in kB (Linux /proc)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def one(kind: str, size_mb: float, traced: bool) -> dict[str, float]:
    """In the child: extract one page; its size, time, mentions and memory."""
    import gc
    import resource
    import tracemalloc

    from cwkg.extract.authority import default_authority
    from cwkg.extract.extract import extract
    from cwkg.loaders.source import SourceDocument

    def document(body: str) -> SourceDocument:
        return SourceDocument(doc_id="bench", source="bench", format="test", title="Record of Conversation", body=body,
                              date=date(1962, 5, 2))

    default_authority()
    extract(document(page(kind, 0.005)))  # the authority, the gazetteer and the parser, loaded once as in an ingest
    doc = document(page(kind, size_mb))
    gc.collect()
    before = _rss_kb()
    if traced:
        tracemalloc.start()
    wall, cpu = time.perf_counter(), time.process_time()
    facts = extract(doc)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    out = {"mb": len(doc.body) / MB, "seconds": wall, "cpu": cpu, "mentions": len(facts.mentions)}
    if traced:
        out["traced_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    else:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux
        out.update(peak_mb=peak / 1024, growth_mb=max(0, peak - before) / 1024)
    return out


def _child(kind: str, size: float, traced: bool, timeout: float) -> dict[str, float] | str:
    """One measurement in a fresh process: its figures, or why there are none."""
    cmd = [sys.executable, __file__, "--one", kind, str(size)] + (["--traced"] if traced else [])
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"stopped after {timeout:.0f} s"
    if done.returncode != 0:
        return f"failed: {(done.stderr.strip().splitlines() or [str(done.returncode)])[-1]}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ingest(kind: str, size_mb: float, timeout: float) -> dict[str, float] | str:
    """`cwkg ingest` of the page as a typed record into a new store: wall and CPU seconds, peak memory in MB."""
    with tempfile.TemporaryDirectory(prefix="cwkg-mentions-") as folder:
        record = Path(folder) / "record.txt"
        record.write_text("Title: Record of Conversation\nDate: 2 May 1962\n\n" + page(kind, size_mb) + "\n", encoding="utf-8")
        mb = record.stat().st_size / MB
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "cwkg", "--store", str(Path(folder) / "store"), "ingest", str(record)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stopper = threading.Timer(timeout, process.kill)
        stopper.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            stopper.cancel()
        wall = time.perf_counter() - started
        error = process.stderr.read().decode("utf-8", "replace").strip().splitlines()
        process.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        return f"stopped after {timeout:.0f} s" if wall >= timeout else f"failed: {(error or ['?'])[-1]}"
    return {"mb": mb, "seconds": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024}


def ingest_main(kinds: list[str], sizes: list[float], timeout: float) -> None:
    """The `--ingest` table: whole ingests per size, each in a fresh process."""
    for kind in kinds:
        base = _ingest(kind, 0.005, timeout)
        if isinstance(base, str):
            print(f"{kind} page: the tiny page's ingest {base}")
            continue
        print(f"{kind} page, cwkg ingest (a tiny page: {base['peak_mb']:.0f} MB peak, {base['cpu']:.1f} s CPU)")
        print(f"  {'MB':>5} {'wall s':>7} {'CPU s':>7} {'CPU s/MB':>8} {'peak RSS':>9} {'over tiny/MB':>12}")
        rows = []
        for size in sizes:
            r = _ingest(kind, size, timeout)
            if isinstance(r, str):
                print(f"  {size:>5.2f} {r}")
                continue
            r["cpu_per_mb"] = (r["cpu"] - base["cpu"]) / r["mb"]
            r["memory_per_mb"] = max(0.0, r["peak_mb"] - base["peak_mb"]) / r["mb"]
            rows.append(r)
            print(f"  {r['mb']:>5.2f} {r['seconds']:>7.1f} {r['cpu']:>7.1f} {r['cpu_per_mb']:>8.1f} {r['peak_mb']:>6.0f} MB "
                  f"{r['memory_per_mb']:>9.0f} MB")
        if len(rows) > 1:
            span = f"from {rows[0]['mb']:.2f} to {rows[-1]['mb']:.2f} MB"
            cpu, memory = _spread([r["cpu_per_mb"] for r in rows]), _spread([r["memory_per_mb"] for r in rows])
            print(f"  CPU time per MB {'stays' if cpu <= 1.2 else 'does not stay'} within 20% {span}: largest/smallest {cpu:.2f}")
            print(f"  peak memory per MB {'stays' if memory <= 1.2 else 'does not stay'} within 20% {span}: "
                  f"largest/smallest {memory:.2f}")


def _spread(values: list[float]) -> float:
    """Largest over smallest."""
    return max(values) / min(values) if min(values) > 0 else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.1,0.25,0.5,1,2", help="page sizes in MB, comma-separated")
    parser.add_argument("--kinds", default="state,mixed", help="state, mixed or both, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes timed for each size (the fastest counts)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds a size may take before it is stopped")
    parser.add_argument("--no-traced", action="store_true", help="skip the tracemalloc runs (half the time)")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "MB"), help=argparse.SUPPRESS)  # the child's part
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--ingest", action="store_true", help="time whole `cwkg ingest` runs of the pages instead")
    args = parser.parse_args()
    if args.ingest:
        ingest_main(args.kinds.split(","), [float(s) for s in args.sizes.split(",")], args.timeout)
        return
    if args.one:
        print(json.dumps(one(args.one[0], float(args.one[1]), args.traced)))
        return
    sizes = [float(s) for s in args.sizes.split(",")]
    for kind in args.kinds.split(","):
        print(f"{kind} page ({'Albania x 200 a paragraph' if kind == 'state' else 'states, a party and persons in short sentences'})")
        print(f"  {'MB':>5} {'mentions':>8} {'wall s':>7} {'CPU s':>7} {'wall s/MB':>9} {'peak RSS':>9} {'RSS growth':>10} "
              f"{'traced peak/MB':>14}")
        rows = []
        for size in sizes:
            runs = []
            for _ in range(max(1, args.repeat)):
                runs.append(_child(kind, size, False, args.timeout))
                if isinstance(runs[-1], str):
                    break  # stopped or failed: once is enough
            if isinstance(runs[-1], str):
                print(f"  {size:>5.2f} {runs[-1]}")
                continue
            r = min(runs, key=lambda run: run["seconds"])
            r.update(peak_mb=max(run["peak_mb"] for run in runs), growth_mb=max(run["growth_mb"] for run in runs))
            traced = None if args.no_traced else _child(kind, size, True, args.timeout * 3)
            if isinstance(traced, dict):
                r["traced_per_mb"] = traced["traced_mb"] / r["mb"]
            rows.append(r)
            per_mb = f"{r['traced_per_mb']:>11.1f} MB" if "traced_per_mb" in r else f"{traced or '-':>14}"
            print(f"  {r['mb']:>5.2f} {r['mentions']:>8} {r['seconds']:>7.2f} {r['cpu']:>7.2f} {r['seconds'] / r['mb']:>9.2f} "
                  f"{r['peak_mb']:>6.0f} MB {r['growth_mb']:>7.0f} MB {per_mb}")
        if len(rows) > 1:
            span = f"from {rows[0]['mb']:.2f} to {rows[-1]['mb']:.2f} MB"
            wall = _spread([r["seconds"] / r["mb"] for r in rows])
            cpu = _spread([r["cpu"] / r["mb"] for r in rows])
            print(f"  time per MB (CPU) {'stays' if cpu <= 1.2 else 'does not stay'} within 20% {span}: "
                  f"largest/smallest {cpu:.2f} CPU ({wall:.2f} wall; load average {os.getloadavg()[0]:.1f})")
            if all("traced_per_mb" in r for r in rows):
                memory = _spread([r["traced_per_mb"] for r in rows])
                print(f"  peak memory per MB (traced) {'stays' if memory <= 1.2 else 'does not stay'} within 20% {span}: "
                      f"largest/smallest {memory:.2f}")
        if len(rows) < len(sizes):
            print(f"  ({len(sizes) - len(rows)} of {len(sizes)} sizes not measured: no verdict over them)")


if __name__ == "__main__":
    main()
