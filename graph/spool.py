"""A first load's new graphs gathered on disk and handed to the engine's bulk loader at once.

The engine starts a compaction at every second table file the bulk loader adds, rewriting the level below. Fed a
few pieces at the pace of extraction, it rewrote that level again and again (10,000 synthetic documents: 51-54 ms
of compaction a document); fed every piece back to back, it merges many files at a time (the same statements:
26 ms a document for the load and its compactions together). So a first load writes the statements of its new
graphs here, in the store's folder, and loads them when the spool is full or the run ends. Until then they are not
in the store: the journal of their files is finished, and their positions indexed, only after the load.
"""

from __future__ import annotations

import io
import itertools
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

STATEMENTS_FILE = "first-load.nq"
CLAIMS_FILE = "first-load.claims"
# Statements gathered before they are loaded (a file is never cut: the spool is loaded between files): about 240
# bytes each on disk, 3.8 GB for the default.
LIMIT = int(os.environ.get("CWKG_SPOOL_STATEMENTS", "16000000"))


def discard_left(folder: Path) -> int:
    """Remove the spool of a run killed before loading it (its files are noted as partly loaded, for the next ingest
    to complete): gigabytes that nothing would read again. Only for a store opened for writing, whose lock no other
    run holds. The bytes removed."""
    removed = 0
    for name in (STATEMENTS_FILE, CLAIMS_FILE):
        try:
            left = folder / name
            size = left.stat().st_size
            left.unlink()
            removed += size
        except FileNotFoundError:
            pass
    return removed


class SpoolLost(Exception):
    """The spool's load failed: its graphs were removed again (`graphs`)."""

    def __init__(self, graphs: list[str], cause: BaseException) -> None:
        super().__init__(f"the store could not be written: {cause}")
        self.graphs = graphs


class Spool:
    """The statements waiting to be loaded, the graphs they belong to, the files whose journal entries close once
    they are loaded, and the positions the claim index takes in then."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.statements = 0
        self.graphs: set[str] = set()
        self.journals: list[Path] = []
        self._out = (folder / STATEMENTS_FILE).open("w", encoding="utf-8")  # (a spool a killed run left is dropped)
        self._claims = (folder / CLAIMS_FILE).open("wb")

    def add(self, nquads: Iterable[str], statements: int, graphs: list[str]) -> None:
        """Statements as N-Quads text (in as many strings as are handy), how many, and the graphs they fill. A write
        that fails (a full disk) leaves the spool as it was, so that what it held before can still be loaded."""
        self._whole("_out", lambda out: out.writelines(nquads))
        self.statements += statements
        self.graphs.update(graphs)

    def defer_claims(self, rows: dict) -> None:
        """The positions of spooled documents (document -> rows), for the claim index once they are loaded."""
        if rows:
            self._whole("_claims", lambda out: pickle.dump(rows, out, protocol=pickle.HIGHEST_PROTOCOL))

    def _whole(self, name: str, write: Callable[[IO], object]) -> None:
        """Write to one of the spool's files and flush, or else cut the file back to where it was: a statement cut
        off by a full disk would make the whole spool unreadable."""
        stream = getattr(self, name)
        before = os.fstat(stream.fileno()).st_size
        try:
            write(stream)
            stream.flush()
        except BaseException:
            path = Path(stream.name)
            try:
                stream.close()  # (what it still buffers is dropped: the file is cut back below)
            except OSError:
                pass
            again = path.open("r+b")
            again.truncate(before)
            again.seek(before)
            text = isinstance(stream, io.TextIOBase)
            setattr(self, name, io.TextIOWrapper(again, encoding="utf-8") if text else again)
            raise

    def pieces(self, size: int) -> Iterator[str]:
        """The statements written so far, `size` lines at a time."""
        self._out.flush()
        with (self.folder / STATEMENTS_FILE).open(encoding="utf-8") as lines:
            while piece := "".join(itertools.islice(lines, size)):
                yield piece

    def claims(self) -> Iterator[dict]:
        """The deferred positions, as they were given."""
        self._claims.flush()
        with (self.folder / CLAIMS_FILE).open("rb") as stream:
            while True:
                try:
                    yield pickle.load(stream)
                except EOFError:
                    return

    def clear(self) -> None:
        """Start empty again (after a load)."""
        for stream in (self._out, self._claims):
            stream.seek(0)
            stream.truncate()
        self.statements = 0
        self.graphs.clear()
        self.journals.clear()

    def close(self) -> None:
        """Remove the spool's files (what they held is loaded, or given up)."""
        for stream in (self._out, self._claims):
            stream.close()
        for name in (STATEMENTS_FILE, CLAIMS_FILE):
            (self.folder / name).unlink(missing_ok=True)
