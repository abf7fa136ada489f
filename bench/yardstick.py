"""This machine's speed now, as the CPU time of a fixed piece of work: figures of different days can be compared.

    python bench/yardstick.py

The same code has ingested 1,000 synthetic documents at 98 ms of its workers' CPU a document on one day and at
135 on another (a virtual machine whose host is shared): a documents/s figure alone says little about a change.
The work is the kind extraction does (regular expressions over English text, splitting, counting, sorting), on a
text made the same way every time, in one process; the figures are the best and the median of five runs, in
milliseconds. The
benchmarks that take documents/s (`bench/ingest_cpu.py`, `bench/scale.py`) print it before and after they run.
Figures, not assertions.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections import Counter

_WORDS = ("the minister said that his government would not accept the proposal on the border question and "
          "Ambassador Thompson replied that the United States had no intention of changing its position in Berlin "
          "while Gromyko warned of the consequences of rearming West Germany").split()
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(?:said|replied|warned|stated|noted|stressed)\s+that\b",
    r"\b(?:would|could|should)\s+(?:not\s+)?\w+",
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\b",
    r"\b(?:no|not any)\s+(?:such\s+)?(?:intention|plan|question)\b",
)]


def _text(words: int = 150_000) -> str:
    pick = random.Random(0).choice
    return " ".join(pick(_WORDS) + ("." if i % 23 == 22 else "") for i in range(words))


def _work(text: str) -> int:
    found = sum(1 for p in _PATTERNS for _ in p.finditer(text))
    counts = Counter(w.lower().strip(".") for w in text.split())
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    sentences = [s.strip() for s in text.split(".") if s.strip()]
    keys = {s[:20]: len(s) for s in sentences}
    return found + len(ordered) + len(keys)


def yardstick(runs: int = 5) -> tuple[float, float]:
    """Milliseconds of CPU for the fixed work: the best and the median of `runs` runs (far apart when the machine's
    speed changes while it runs)."""
    text = _text()
    times = []
    for _ in range(runs):
        start = time.process_time()
        _work(text)
        times.append((time.process_time() - start) * 1000)
    return min(times), statistics.median(times)


def line() -> str:
    best, median = yardstick()
    return f"yardstick: {best:.0f} ms of CPU, median {median:.0f} (lower is a faster machine; bench/yardstick.py)"


if __name__ == "__main__":
    print(line())
