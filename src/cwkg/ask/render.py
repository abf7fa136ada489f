"""Print an answer: a table of names with the quote, meeting and document each rests on (and the score where
ranked), or JSON; and, for --show-query, the canned queries it ran with their parameters and SPARQL."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date

from .model import Answer

COLUMNS = ("name", "score", "date", "meeting", "quote", "document")
QUOTE_WIDTH = 160


def _jsonable(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value))


def as_json(answer: Answer, show_query: bool = False) -> str:
    out = {"question": answer.question, "kind": answer.kind, "reading": asdict(answer.reading),
           "answer": [asdict(e) for e in answer.entries], "note": answer.note, "caveat": answer.caveat}
    if show_query:
        out["queries"] = [asdict(r) for r in answer.ran]
    return json.dumps(out, indent=2, ensure_ascii=False, default=_jsonable)


def _cell(value, width: int | None = None) -> str:
    text = "" if value is None else (f"{value:.2f}" if isinstance(value, float) else " ".join(str(value).split()))
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def as_table(answer: Answer) -> str:
    ranked = any(e.score is not None for e in answer.entries)
    columns = [c for c in COLUMNS if c != "score" or ranked]
    rows = [[_cell(getattr(e, c), QUOTE_WIDTH if c == "quote" else None) for c in columns] for e in answer.entries]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def queries_text(answer: Answer) -> str:
    parts = []
    for r in answer.ran:
        params = " ".join(f"--param {k}={v}" for k, v in r.params.items())
        parts.append(f"# {r.query} {params}\n{r.sparql.strip()}\n")
    return "\n".join(parts)
