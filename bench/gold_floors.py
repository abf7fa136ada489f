"""Print the figures of `cwkg eval` over ../shared/gold as the FLOORS table of tests/test_gold.py.

Run after extraction improves, and paste the lines whose figures rose:

    python bench/gold_floors.py [../shared]
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from cwkg.evaluate import by_archive, evaluate, total

KEYS = ["persons F1", "mentions F1", "meetings R", "meeting date", "meeting place", "participants P", "participants R",
        "posts P", "posts R", "positions P", "positions R", "speaker", "stance", "topic", "reporter", "questions",
        "document kind", "document date", "document author"]
def main() -> None:
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared")
    reports = [evaluate(p, [shared / "corpus"]) for p in sorted((shared / "gold").glob("*.gold.yaml"))]
    for r in [*reports, *by_archive(reports), total(reports)]:
        floors = {k: math.floor(round(r.figure(k) * 100, 7)) / 100 for k in KEYS}  # 79.99999999999999 is 80
        print(f"    {r.name!r}: {{{', '.join(f'{k!r}: {v}' for k, v in floors.items() if v > 0)}}},")


if __name__ == "__main__":
    main()
