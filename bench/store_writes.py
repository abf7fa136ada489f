"""The embedded store's small writes through pyoxigraph's API against the same writes as SPARQL updates: what an
ingest does once a file (the load journal's `finish_load`) and a removal of a graph. Figures, not assertions.

    python bench/store_writes.py [--writes 3000] [--rounds 2]

Prints, for each way and round, the CPU seconds of `--writes` journal entries finished and graphs removed, and
checks that both ways leave the same store (no partial loads left).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from cwkg.ontology.vocab import CW
from cwkg.graph.store import META_GRAPH, XSD_DATETIME, GraphStore, _load_node, _now


def by_update(store: GraphStore, paths: list[Path], graphs: list[ox.NamedNode]) -> None:
    for path in paths:
        store._store.update(f"INSERT DATA {{ GRAPH {META_GRAPH} {{ {_load_node(path)} {CW.loadFinished} "
                            f"{ox.Literal(_now(), datatype=XSD_DATETIME)} }} }}")
    for graph in graphs:
        store._store.update(f"DROP SILENT GRAPH {graph}")


def by_api(store: GraphStore, paths: list[Path], graphs: list[ox.NamedNode]) -> None:
    for path in paths:
        store.finish_load(path)
    for graph in graphs:
        store._store.remove_graph(graph)  # what `remove_graph` does, without the claim index's bookkeeping


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writes", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(f"{'way':<22}{'CPU s':>8}  ({args.writes} finished loads and {args.writes} graphs removed)")
    for _ in range(args.rounds):
        for name, write in (("SPARQL update", by_update), ("pyoxigraph API", by_api)):
            store = GraphStore(Path(tempfile.mkdtemp(prefix="cwkg-bench-")) / "store")
            paths = [Path(f"/records/record-{i}.txt") for i in range(args.writes)]
            graphs = [ox.NamedNode(f"https://example.org/graph/{i}") for i in range(args.writes)]
            for path in paths:
                store.begin_load(path)
            store._store.extend([ox.Quad(g, CW.loadFinished, ox.Literal("x"), g) for g in graphs])
            started = time.process_time()
            write(store, paths, graphs)
            spent = time.process_time() - started
            print(f"{name:<22}{spent:>8.2f}  partial loads left: {len(store.partial_loads())}")
            store.close()


if __name__ == "__main__":
    main()
