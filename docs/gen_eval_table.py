"""Rewrite the extraction tables of docs/extraction.md and README.md from `cwkg eval`, so they show what the command
prints: the whole table on the page, the headline measures (`HEADLINE`) in the README.

    python docs/gen_eval_table.py            (needs ../shared/gold, or CWKG_SHARED; about 30 s)
    python docs/gen_eval_table.py --check    (exit 1, changing nothing, when a table is out of date)

Only the block between a file's two `eval-table` markers is replaced; the prose around it is left as written.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "extraction.md"
README = ROOT / "README.md"
# The measures the README shows, as the table names them: what a historian asks first of an extractor.
HEADLINE = ("persons F1", "meetings R", "participants P", "participants R", "posts P", "posts R", "positions P",
            "positions R", "speaker acc", "stance acc", "document author acc", "mentions P", "mentions R")
START = "<!-- eval-table:start"
END = "<!-- eval-table:end -->"


def splice(page: str, table: str) -> str:
    """The page with the lines between its start and end markers replaced by `table` as a text block."""
    lines = page.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith(START)]
    ends = [i for i, line in enumerate(lines) if line.startswith(END)]
    if len(starts) != 1 or len(ends) != 1 or ends[0] < starts[0]:
        raise ValueError(f"the page needs one line starting {START!r} and, after it, one line {END!r}")
    block = "```text\n" + table.rstrip("\n") + "\n```\n"
    return "".join(lines[: starts[0] + 1]) + block + "".join(lines[ends[0]:])


def headline(table: str) -> str:
    """The table's legend and header lines and the rows of `HEADLINE`, in that order."""
    lines = table.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("measure"))
    rows = {line.split("  ")[0].strip(): line for line in lines[header + 1:] if line.strip()}
    return "\n".join(lines[:header + 1] + [rows[m] for m in HEADLINE if m in rows]) + "\n"


def eval_table(gold: Path) -> str:
    """What `cwkg eval GOLD/*.yaml --totals --format table` prints for the gold folder."""
    files = sorted(str(p) for p in gold.glob("*.yaml"))
    if not files:
        raise SystemExit(f"error: {gold}: no gold files (*.yaml)")
    done = subprocess.run([sys.executable, "-m", "cwkg", "eval", *files, "--totals", "--format", "table"],
                          capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"})
    if done.returncode != 0:
        raise SystemExit(f"error: cwkg eval failed (exit {done.returncode}): {done.stderr.strip()}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(os.environ.get("CWKG_SHARED", ROOT.parent / "shared")),
                        help="the shared folder holding gold/ (default: $CWKG_SHARED, else ../shared)")
    parser.add_argument("--check", action="store_true", help="only say whether the page's table is up to date")
    args = parser.parse_args()
    table = eval_table(args.shared / "gold")
    stale = []
    for path, shown in ((PAGE, table), (README, headline(table))):
        page = path.read_text(encoding="utf-8")
        new = splice(page, shown)
        if new != page:
            stale.append(path)
            if not args.check:
                path.write_text(new, encoding="utf-8")
    if args.check:
        print(f"extraction tables: {'out of date in ' + ', '.join(p.name for p in stale) if stale else 'up to date'}")
        return 1 if stale else 0
    print(f"wrote the extraction tables into {PAGE} and {README}" if stale else "the extraction tables were up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
