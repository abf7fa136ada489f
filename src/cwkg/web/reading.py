"""How the site reads the store: read-only snapshots (no lock taken), shared while the endpoint cannot write the
store, fresh for each request when it can (`cwkg serve --writable`), so the pages never show an older store than
the endpoint does."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cwkg.graph.store import GraphStore


class Snapshots:
    def __init__(self, path: Path, fresh: bool = False) -> None:
        self.path, self.fresh = path, fresh
        self._shared: GraphStore | None = None
        self._lock = threading.Lock()

    @contextmanager
    def reading(self) -> Iterator[GraphStore]:
        if self.fresh:
            store = GraphStore.snapshot(self.path)
            try:
                yield store
            finally:
                store.close()
            return
        with self._lock:  # opened on first use: the endpoint may be the one that creates the store
            if self._shared is None:
                self._shared = GraphStore.snapshot(self.path)
        yield self._shared

    def close(self) -> None:
        with self._lock:
            if self._shared is not None:
                self._shared.close()
                self._shared = None
