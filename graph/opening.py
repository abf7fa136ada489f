"""Which store a command works on: the embedded one in a folder, or a remote SPARQL endpoint.

A command that only reads may get the embedded store read-only when it cannot be written. Only `ingest`, `load` and
`link` make a store: any other command on a folder that holds none says so, and creates nothing, instead of
answering from an empty store.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .storeapi import QueryStore


def open_embedded(path: Path, reading: bool = False, existing: bool | None = None):
    """The embedded store in `path`; `existing` (by default: when `reading`) refuses a folder that holds none."""
    from .store import GraphStore, require_store

    if reading if existing is None else existing:
        require_store(path)
    return GraphStore(path, reading=reading)


@dataclass(frozen=True)
class Remote:
    """A remote endpoint as the command line names it, with what it takes to ask it."""

    endpoint: str
    user: str | None = None
    password: str | None = None
    token: str | None = None
    timeout: float = 60.0
    max_answer_mb: float = 256.0

    def store(self) -> QueryStore:
        from .endpoint import Credentials, Endpoint
        from .remote import RemoteStore

        url = Endpoint.from_url(self.endpoint).query
        return RemoteStore(url, Credentials(self.user, self.password, self.token), timeout=self.timeout,
                           max_answer_mb=self.max_answer_mb)


class Target:
    """The store a read command asks, open for the length of a `with`: the remote one when there is one, else the
    embedded store in `path` (with `indexed`, one that may build and keep the claim index, as `ask` needs)."""

    def __init__(self, path: Path, remote: Remote | None = None, indexed: bool = False) -> None:
        self.path, self.remote, self.indexed = path, remote, indexed
        self._store = None

    def __enter__(self) -> QueryStore:
        if self.remote is not None:
            return self.remote.store()
        if self.indexed:
            self._store = open_embedded(self.path, reading=True)
            self._store.ensure_static()
        else:
            from .store import GraphStore, require_store

            require_store(self.path)
            self._store = GraphStore.for_reading(self.path)
        return self._store

    def __exit__(self, *exc: object) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
