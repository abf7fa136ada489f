"""Export and push figures on a store of at least a million triples.

Builds a store from the bundled example's document graph copied under N graph names (subjects
renamed per copy), then prints for each export format the wall time, triples/s and the peak
RSS of the `cwkg export` process (target: under 300 MB), the push throughput to a real
`oxigraph serve` on 127.0.0.1, and `oxigraph load` of the same N-Quads as the reference.

    python bench/export_push.py [--triples 1000000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from cwkg.graph.store import GraphStore  # noqa: E402
from cwkg.ontology.vocab import ID  # noqa: E402
from cwkg.pipeline import ingest  # noqa: E402
from oxigraph_server import RunningServer  # noqa: E402

EXAMPLE = ROOT / "examples" / "000_adaeb2830212c886.txt"


def build(path: Path, triples: int) -> int:
    """A store of the example's document graph copied until it holds `triples` document triples."""
    with GraphStore(path) as store:
        list(ingest(store, [EXAMPLE]))
        (graph,) = store.document_graphs()
        template = list(store.quads(graph))
    raw = ox.Store(str(path))
    copies = -(-triples // len(template))

    def renamed(term, i):
        if isinstance(term, ox.NamedNode) and term.value.startswith(ID):
            return ox.NamedNode(f"{term.value}-copy{i}")
        return term

    for i in range(copies):
        g = ox.NamedNode(f"{graph.value}-copy{i}")
        raw.bulk_extend(ox.Quad(renamed(q.subject, i), q.predicate, renamed(q.object, i), g) for q in template)
    raw.flush()
    total = len(raw)
    del raw
    return total


_MEASURE = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
            "sys.stderr.write(r.stderr.decode()[-2000:] if r.returncode else ''); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and the command's own peak RSS in MB (measured by a fresh parent that runs only it)."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], check=True, capture_output=True, text=True)
    return time.perf_counter() - start, int(done.stdout.split()[-1]) // 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="cwkg-bench-"))
    store = work / "store"
    if not store.exists():
        total = build(store, args.triples)
    else:
        total = len(ox.Store.read_only(str(store)))
    print(f"store: {total:,} triples in {store}")
    cwkg = [sys.executable, "-m", "cwkg", "--store", str(store)]
    for fmt in ("nquads", "nt", "turtle", "trig", "jsonld", "rdfxml"):
        out = work / f"export.{fmt}"
        seconds, peak = timed(cwkg + ["export", "--format", fmt, "-o", str(out)])
        print(f"export {fmt:7} {seconds:6.1f} s  {total / seconds:10,.0f} triples/s  peak RSS {peak:4d} MB  "
              f"{out.stat().st_size / 1e6:7.1f} MB")
    ref = work / "oxigraph-load"
    shutil.rmtree(ref, ignore_errors=True)
    seconds, peak = timed([str(Path(sys.executable).parent / "oxigraph"), "load", "--location", str(ref),
                           "--format", "nq", "--file", str(work / "export.nquads")])
    print(f"oxigraph load (reference) {seconds:6.1f} s  {total / seconds:10,.0f} triples/s  peak RSS {peak:4d} MB")
    remote = work / "remote"
    shutil.rmtree(remote, ignore_errors=True)
    server = RunningServer(remote).start()
    try:
        for protocol in ("gsp", "update"):
            if protocol == "update":
                server.stop()
                shutil.rmtree(remote)
                server = RunningServer(remote).start()
            seconds, peak = timed(cwkg + ["push", "--endpoint", server.query_url, "--protocol", protocol])
            print(f"push ({protocol:6}) {seconds:6.1f} s  {total / seconds:10,.0f} triples/s  peak RSS {peak:4d} MB")
        seconds, _ = timed(cwkg + ["push", "--endpoint", server.query_url])
        print(f"push (nothing changed) {seconds:6.1f} s")
    finally:
        server.stop()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
