"""Put a list of questions to `cwkg ask` on the corpus store and print p50/p95 answer time.

    python bench/ask.py [--corpus ../shared/corpus] [--store DIR]

Loads the example and the corpus into a fresh store, or uses --store as it is, then asks each question of the
list below (general questions of every kind, written for the benchmark, plus every gold question when the gold
folder is beside the corpus) three times in one process, timing each answer from the question's text to its
entries. Figures, not assertions (issue 27's target: under 1 s p50). First it prints the claim index's figures: the
time to build it afresh from the positions of the store (as a store without one does on its first question) and
its size on disk.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from corpus import arguments, corpus_store

from cwkg.ask import Refusal, ask
from cwkg.gold import read_gold

QUESTIONS = [
    "Which ambassadors discussed China in 1962?",
    "Which ambassadors discussed Czechoslovakia in 1968?",
    "Who discussed Yugoslavia in 1968?",
    "Who took part in the meeting in Washington in April 1968?",
    "Whom did the Secretary of State meet in June 1964?",
    "To whom did the Secretary of State write in 1964?",
    "Who warned in 1968 that the Soviet Union might intervene?",
    "Who proposed in 1964 more trade with Eastern Europe?",
    "Which countries were named in 1964 as sources of crises?",
    "Why did the harvest fail?",
]
ROUNDS = 3


def index_figures(store) -> str:
    """The claim index rebuilt from the store's positions (a store opened read-only keeps its own): time and size."""
    index = store.claim_index()
    documents = store.document_graphs()
    if store.read_only:
        return f"claim index: {index.size()} positions, {index.bytes() / 1e6:.2f} MB (store read-only: not rebuilt)"
    started = time.perf_counter()
    positions = index.build(store, documents)
    took = time.perf_counter() - started
    return (f"claim index: {positions} positions of {len(documents)} documents built in {took:.2f} s; "
            f"{index.bytes() / 1e6:.2f} MB on disk")


def main() -> None:
    args = arguments(__doc__.splitlines()[0])
    questions = list(QUESTIONS)
    gold = Path(args.corpus).resolve().parent / "gold"
    if gold.is_dir():
        questions += [q.ask for path in sorted(gold.glob("*.gold.yaml")) for q in read_gold(path).questions]
    times: list[float] = []
    answered = refused = 0
    with corpus_store(args, Path(tempfile.mkdtemp(prefix="cwkg-bench-ask-")), reading=True) as store:
        print(index_figures(store))
        for _ in range(ROUNDS):
            for q in questions:
                start = time.perf_counter()
                try:
                    answered += bool(ask(store, q).entries)
                except Refusal:
                    refused += 1
                times.append(time.perf_counter() - start)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print(f"cwkg ask: {len(questions)} questions x {ROUNDS}: p50 {statistics.median(times) * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {times[-1] * 1000:.0f} ms; {answered // ROUNDS} answered, {refused // ROUNDS} refused")


if __name__ == "__main__":
    main()
