"""CPU time to extract one document (the founding memorandum by default), caches cold.

    python bench/extraction.py [FILE] [--runs N]

Prints the median and best CPU milliseconds per document for extraction alone (the
authority data is loaded once beforehand, as in a long ingest) and for loading plus
extraction plus the RDF mapping. Figures, not assertions: the target is < 50 ms of CPU
for extraction on the founding memorandum.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from cwkg.graph.mapping import document_triples
from cwkg.lang import text
from cwkg.loaders import load_document
from cwkg.extract.authority import default_authority
from cwkg.extract.extract import extract

DEFAULT = Path(__file__).resolve().parent.parent / "examples" / "000_adaeb2830212c886.txt"


def cold() -> None:
    """Forget cached folding and sentence splits, so each run pays for them like a new document."""
    text.fold.cache_clear()
    text.sentences.cache_clear()
    text.paragraphs.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    t0 = time.process_time()
    default_authority()
    doc = load_document(args.file)
    extract(doc)  # builds the gazetteer once
    warm = time.process_time() - t0
    only, full = [], []
    for _ in range(args.runs):
        cold()
        gc.collect()  # start each run from the same heap, so earlier runs' garbage is not charged to it
        t = time.process_time()
        facts = extract(doc)
        only.append(time.process_time() - t)
        cold()
        t = time.process_time()
        triples = document_triples(extract(load_document(args.file)))
        full.append(time.process_time() - t)
    ms = lambda xs: f"median {statistics.median(xs) * 1000:.1f} ms, best {min(xs) * 1000:.1f} ms"
    print(f"document: {args.file.name} ({len(doc.body)} characters)")
    print(f"one-off start-up (authority data, gazetteer): {warm * 1000:.0f} ms CPU")
    print(f"extraction:                 {ms(only)} CPU over {args.runs} runs")
    print(f"load + extract + RDF map:   {ms(full)} CPU ({len(triples)} triples)")
    print(f"found: {len(facts.mentions)} mentions, {len(facts.persons)} persons, {len(facts.positions)} positions")


if __name__ == "__main__":
    main()
