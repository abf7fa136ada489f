"""Link the whole shared corpus against a local Wikidata-shaped endpoint; print figures.

    python bench/link.py [--corpus ../shared/corpus] [--store DIR]

Loads the example and the corpus into a fresh store (or uses --store as it is), serves the
fixture with a real `oxigraph serve-read-only` on 127.0.0.1, then runs `link` twice: the
first run asks, the second must be answered from the cache. Prints entities considered,
entities linked per second, requests sent, review rows, facts stored, and peak memory.
Figures, not assertions.
"""

from __future__ import annotations

import gc
import resource
import socket
import tempfile
import time
import urllib.request
from pathlib import Path

import pyoxigraph as ox

from corpus import ROOT, arguments, corpus_store

from cwkg.graph.serve import Server
from cwkg.graph.wikidata.client import ClientSettings, WikidataClient
from cwkg.graph.wikidata.linker import link


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_fixture(fixture: Path, folder: Path) -> tuple[Server, object]:
    loaded = ox.Store(str(folder))
    loaded.bulk_load(path=str(fixture), format=ox.RdfFormat.TURTLE)
    loaded.flush()
    del loaded
    gc.collect()
    server = Server(folder, "127.0.0.1", free_port())
    process = server.start()
    for _ in range(200):
        try:
            urllib.request.urlopen(server.base + "/", timeout=1).close()
            return server, process
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the fixture server did not start")


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    work = Path(tempfile.mkdtemp(prefix="cwkg-bench-link-"))
    store = corpus_store(args, work)
    fixture = ROOT / "tests" / "fixtures" / "wikidata" / "founding.ttl"
    server, process = serve_fixture(fixture, work / "wikidata")
    try:
        for run in ("first run", "second run"):
            client = WikidataClient(ClientSettings(endpoint=server.query_url, cache_dir=work / "cache", contact="bench"))
            t = time.perf_counter()
            report = link(store, client, work / "review.csv")
            wall = time.perf_counter() - t
            print(f"{run}: {report.considered} entities in {wall:.1f} s ({report.considered / wall:,.0f} entities/s); "
                  f"linked {sum(report.linked.values())}, {report.review_rows} review rows, {report.fact_triples} fact triples; "
                  f"{report.requests} requests sent, {report.from_cache} from the cache")
    finally:
        process.terminate()
        process.wait()
        store.close()
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
