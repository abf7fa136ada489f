"""Documents per second of the whole extraction, beside spaCy's tokenizer and parser alone on the same texts.

    python bench/pipeline.py [--corpus ../shared/corpus] [--runs 3]

The documents are every Wilson page and FRUS document of the corpus (and the bundled
example). For each stage it prints the best wall time over the runs and documents/s, and
the same from the process's CPU time (steadier when other work shares the machine):
spaCy's tokenizer alone (the floor any pipeline pays), cwkg's tagger and parser alone,
cwkg's extraction (which parses the sentences it attributes), and extraction plus the RDF
mapping; how many texts, and characters, one extraction hands the parser (counted on a first
run, before any parse is cached). Also the wall time of `cwkg ingest` of the FRUS slice into
a fresh store (target: under 30 s). Figures, not assertions.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from cwkg.extract.authority import default_authority
from cwkg.extract.extract import extract
from cwkg.extract.syntax import model
from cwkg.graph.mapping import document_triples
from cwkg.graph.store import GraphStore
from cwkg.loaders import load_documents
from cwkg.pipeline import expand, ingest

ROOT = Path(__file__).resolve().parent.parent


def documents(corpus: Path) -> list:
    paths = [ROOT / "examples", corpus / "wilson", corpus / "frus"]
    out = []
    for path, _ in expand([p for p in paths if p.exists()]):
        try:
            out += list(load_documents(path))
        except Exception:  # noqa: BLE001 - READMEs and other files of no known format
            continue
    return out


def best(runs: int, work) -> tuple[float, float]:
    """The best wall time and the best CPU time of this process over the runs: on a shared machine the CPU time
    says more about the code, the wall time about what a user waits."""
    walls, cpus = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        work()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return min(walls), min(cpus)


class _CountingTokenizer:
    """Every text the pipeline parses passes its tokenizer once, whether by `nlp(text)` or `nlp.pipe`."""

    def __init__(self, tokenizer):
        self.tokenizer, self.calls, self.chars = tokenizer, 0, 0

    def __call__(self, text):
        self.calls += 1
        self.chars += len(text)
        return self.tokenizer(text)


def parsed_by_extraction(nlp, docs: list) -> tuple[int, int]:
    """How many texts, and characters, one extraction of the documents parses."""
    counting = _CountingTokenizer(nlp.tokenizer)
    nlp.tokenizer = counting
    try:
        for d in docs:
            extract(d)
    finally:
        nlp.tokenizer = counting.tokenizer
    return counting.calls, counting.chars


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    docs = documents(args.corpus)
    texts = [d.body for d in docs]
    words = sum(len(t.split()) for t in texts)
    default_authority()
    nlp = model()
    calls, chars = parsed_by_extraction(nlp, docs)  # first, while no parse is cached
    stages = {
        "spaCy tokenizer alone": lambda: list(nlp.tokenizer.pipe(texts)),
        "tagger + parser alone": lambda: list(nlp.pipe(texts, batch_size=16)),
        "cwkg extraction": lambda: [extract(d) for d in docs],
        "extraction + RDF mapping": lambda: [document_triples(extract(d)) for d in docs],
    }
    print(f"{len(docs)} documents, {words} words, best of {args.runs} runs")
    base = None
    for name, work in stages.items():
        seconds, cpu = best(args.runs, work)
        base = base or seconds
        print(f"{name:<26} {seconds:8.2f} s {len(docs) / seconds:9.1f} documents/s {seconds / base:8.1f}x tokenizer"
              f" | CPU {cpu:6.2f} s {len(docs) / cpu:7.1f} documents/s")
    print(f"parser during one extraction: {calls} texts, {chars} characters "
          f"({chars / sum(len(t) for t in texts):.0%} of the documents' characters)")
    frus = args.corpus / "frus"
    if frus.exists():
        store = GraphStore(Path(tempfile.mkdtemp(prefix="cwkg-bench-")) / "store")
        t = time.perf_counter()
        results = list(ingest(store, [p for p, _ in expand([frus])]))
        print(f"cwkg ingest of the FRUS slice: {time.perf_counter() - t:.1f} s wall "
              f"({sum(r.documents for r in results)} documents)")


if __name__ == "__main__":
    main()
