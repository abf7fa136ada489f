"""Query results as a terminal table or as CSV, TSV or JSON."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
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
    from cwkg.ontology.vocab import PREFIXES

    text = cell(term)
    if isinstance(term, ox.NamedNode):
        for prefix, base in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(base):
                return f"{prefix}:{text[len(base):]}"
    return text


TERMINAL_ROWS = 1000  # rows a terminal gets unless --limit says otherwise


class Page:
    """One page of an answer, read as it is written: the rows after the first `offset`, at most `limit` of them
    (0: all; None: `TERMINAL_ROWS` on a terminal, all otherwise). Nothing is read ahead but one row, so CSV and TSV
    print their first rows before the engine's last ones are read; `cut` says, once the page is written, whether
    the answer had more rows after it."""

    def __init__(self, rows: Iterable[dict], limit: int | None = None, offset: int = 0) -> None:
        if limit is None:
            limit = TERMINAL_ROWS if sys.stdout.isatty() else 0
        self._rows = iter(islice(rows, offset, None) if offset else rows)
        self.limit, self.shown, self.cut = limit, 0, False
        self._next = next(self._rows, None)

    def empty(self) -> bool:
        return self._next is None

    def __iter__(self) -> Iterator[dict]:
        while self._next is not None:
            if self.limit and self.shown == self.limit:
                self.cut = True
                return
            row, self._next = self._next, None
            self.shown += 1
            yield row
            self._next = next(self._rows, None)


def write(columns: list[str], rows: Iterable[dict], fmt: str, out: IO[str] | None = None, count: bool = True,
          wide: bool = False) -> None:
    """Rows in `fmt`. A table fits the terminal (`fit`: long cells cut with an ellipsis) unless `wide`; CSV, TSV and
    JSON are data for another program, so never cut. CSV and TSV are written a row at a time as `rows` yields them."""
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

        texts = [[compact(r[c]).replace("\n", " ") for c in columns] for r in rows]
        width = terminal_width()
        caps = natural_widths(columns, texts) if wide else fit(natural_widths(columns, texts), width - table_frame(len(columns)))
        table = Table(show_lines=False)
        for c, cap in zip(columns, caps):
            table.add_column(_cut(c, cap), no_wrap=True, width=cap)
        for line in texts:
            table.add_row(*(_cut(t, cap) for t, cap in zip(line, caps)))
        needed = sum(caps) + table_frame(len(columns))
        Console(file=out, width=max(width, needed) if wide else width).print(table)
        if count:
            Console(file=sys.stderr).print(f"{len(texts)} row{'s' if len(texts) != 1 else ''}")


def terminal_width() -> int:
    """The terminal's columns: COLUMNS when set (so a test or a pipe can choose), else the terminal's, else 80."""
    return shutil.get_terminal_size((80, 24)).columns


def table_frame(columns: int) -> int:
    """Characters a rich table spends on borders and padding: a bar and a space either side of each cell."""
    return 3 * columns + 1


def natural_widths(columns: list[str], texts: list[list[str]]) -> list[int]:
    """Each column's width with nothing cut: its header or its longest cell."""
    from rich.cells import cell_len

    return [max([cell_len(c)] + [cell_len(line[i]) for line in texts]) for i, c in enumerate(columns)]


MIN_COLUMN = 3  # a column cut narrower than this shows only an ellipsis


def fit(widths: list[int], room: int) -> list[int]:
    """Widths within `room`: the widest columns are narrowed first, to a common cap, so short columns (a date, a
    count) stay whole and only the long text is cut."""
    if sum(widths) <= room:
        return list(widths)
    cap = max(widths)
    while cap > MIN_COLUMN and sum(min(w, cap) for w in widths) > room:
        cap -= 1
    return [min(w, cap) for w in widths]


def _cut(text: str, width: int) -> str:
    """`text` within `width` terminal cells, its end replaced by "…" when cut."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return text
    return set_cell_size(text, max(width - 1, 0)) + "…"


def default_format() -> str:
    return "table" if sys.stdout.isatty() else "tsv"


def cut_note(cut: bool, shown: int, offset: int = 0) -> str | None:
    """The note after a page of an answer that had more rows (`Page.cut`): how to get the rest."""
    if cut and offset:
        return f"note: rows {offset + 1}-{offset + shown} are printed (--offset, --limit); --offset {offset + shown} gives the next"
    if cut:
        return f"note: only the first {shown} rows are printed (--limit); give --limit 0 for all"
    return None
