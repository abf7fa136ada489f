"""How `unlinked` (the entities no Wikidata link reaches, most mentioned first) scales with the store.

    python bench/unlinked.py [--sizes 24,240,1000] [--keep DIR] [--runs 5] [--corpus ../shared/corpus]

For each size it makes a synthetic FRUS of that many documents (`bench/scale.py`), loads it with 2 jobs (kept
in DIR/store-N and reused when there), and prints the query's rows and its p50/max time in-process, beside
the same query as it was before it counted documents by their `cw:mentions` (the old text is kept below for
this comparison; stopped at --old-limit seconds), and the p50 of a whole `cwkg query unlinked` call, start-up
included. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from multiprocessing import Process, Queue
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import ROOT, synthetic_frus  # noqa: E402

# unlinked as it was: each entity's type, stated once in every document graph that names it, joined with each of
# its mentions and their documents.
OLD_WHERE = """
  VALUES (?class ?type) { (cw:Person "person") (cw:State "state") (cw:PoliticalParty "party") (cw:City "place")
                          (cw:Place "place") (cw:Event "event") (cw:Congress "event") }
  FILTER(?kind = cw:any || STR(?kind) = ?type)
  ?entity a ?class .
  FILTER(isIRI(?entity))
  FILTER NOT EXISTS { ?entity cw:unnamed true }
  FILTER NOT EXISTS { ?entity cw:sameAsGroup ?representative }
  FILTER NOT EXISTS { ?entity skos:exactMatch ?w . FILTER(STRSTARTS(STR(?w), "http://www.wikidata.org/entity/")) }
  FILTER NOT EXISTS { ?member cw:sameAsGroup ?entity ; skos:exactMatch ?w2 . FILTER(STRSTARTS(STR(?w2), "http://www.wikidata.org/entity/")) }
  OPTIONAL { ?entity skos:prefLabel ?name }
  OPTIONAL { { ?mention cw:mentionOf ?entity } UNION { ?m cw:sameAsGroup ?entity . ?mention cw:mentionOf ?m }
             ?mention cw:inDocument ?doc }
"""


def old_query(current):
    from dataclasses import replace

    head = current.sparql[:current.sparql.index("SELECT")]
    text = (head + "SELECT ?type ?name (COUNT(DISTINCT ?doc) AS ?documents) ?entity ?kind\nWHERE {" + OLD_WHERE +
            "}\nGROUP BY ?type ?name ?entity ?kind\nORDER BY DESC(?documents) ?type ?name ?entity\n")
    return replace(current, sparql=text)


def store_of(n: int, work: Path, corpus: Path) -> Path:
    store = work / f"store-{n}"
    if not (store / "CURRENT").exists():
        folder = work / f"frus-{n}"
        folder.mkdir(parents=True, exist_ok=True)
        volumes = synthetic_frus(corpus / "frus" / "frus1964-68v17-part1.xml", n, folder)
        subprocess.run([sys.executable, "-m", "cwkg", "--store", str(store), "ingest", "--jobs", "2",
                        *map(str, volumes)], capture_output=True, check=True)
    return store


def _timed(store: Path, old: bool, runs: int, out: Queue) -> None:
    from cwkg.graph.store import GraphStore
    from cwkg.queries.catalog import load_catalog
    from cwkg.queries.runner import run

    query = load_catalog()["unlinked"]
    query = old_query(query) if old else query
    with GraphStore.for_reading(store) as graph:
        times, rows = [], 0
        for _ in range(runs):
            start = time.perf_counter()
            rows = len(run(graph, query, {}).rows)
            times.append(time.perf_counter() - start)
    out.put((rows, statistics.median(times), max(times)))


def timed(store: Path, old: bool, runs: int, limit: float) -> tuple[int, float, float] | None:
    """Rows, p50 and max seconds of `runs` runs in a child process; None when it passed `limit` seconds."""
    out: Queue = Queue()
    child = Process(target=_timed, args=(store, old, runs, out))
    child.start()
    child.join(limit)
    if child.is_alive():
        child.kill()
        child.join()
        return None
    return out.get()


def cli_p50(store: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cwkg", "--store", str(store), "query", "unlinked", "-f", "tsv"],
                       capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="24,240,1000")
    parser.add_argument("--keep", type=Path, default=None, help="Keep (and reuse) the synthetic volumes and stores here.")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--old-limit", type=float, default=120.0, help="Seconds the old query may take in all.")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="cwkg-unlinked-"))
    print(f"{'documents':>9} {'rows':>6} {'p50':>8} {'max':>8} {'CLI p50':>8}   {'before: p50':>12}")
    for n in [int(s) for s in args.sizes.split(",")]:
        store = store_of(n, work, args.corpus)
        rows, p50, top = timed(store, False, args.runs, 600)
        before = timed(store, True, 1, args.old_limit)
        old = f"{before[1]:>11.2f}s" if before else f"  > {args.old_limit:g} s"
        print(f"{n:>9} {rows:>6} {p50:>7.2f}s {top:>7.2f}s {cli_p50(store, args.runs):>7.2f}s   {old}", flush=True)


if __name__ == "__main__":
    main()
