"""Query results as a terminal table or as CSV, TSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
from typing import IO

import pyoxigraph as ox

FORMATS = ("table", "csv", "tsv", "json")


def cell(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value


def compact(term: ox.NamedNode | ox.Literal | ox.BlankNode | None) -> str:
    """A table cell: IRIs under the data namespace shortened to id:..., others as is."""
    from cwkg.graph.namespaces import PREFIXES

    text = cell(term)
    if isinstance(term, ox.NamedNode):
        for prefix, base in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(base):
                return f"{prefix}:{text[len(base):]}"
    return text


def write(columns: list[str], rows: list[dict], fmt: str, out: IO[str] | None = None, count: bool = True) -> None:
    out = out or sys.stdout
    if fmt == "json":
        json.dump([{c: cell(r[c]) for c in columns if r.get(c) is not None} for r in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt in ("csv", "tsv"):
        writer = csv.writer(out, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow([cell(r[c]).replace("\t", " ").replace("\n", " ") if fmt == "tsv" else cell(r[c]) for c in columns])
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(compact(r[c]) for c in columns))
        Console(file=out).print(table)
        if count:
            Console(file=sys.stderr).print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


def default_format() -> str:
    return "table" if sys.stdout.isatty() else "tsv"
