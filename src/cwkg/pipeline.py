"""Files -> store: load, extract, map and replace each document's graph, one file at a time.

A file that fails is reported and skipped; what is already stored stays as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cwkg.errors import CwkgError
from cwkg.graph.mapping import document_triples
from cwkg.graph.namespaces import document_iri
from cwkg.graph.store import GraphStore
from cwkg.loaders import load_document
from cwkg.loaders.extract import extract


@dataclass(frozen=True)
class IngestResult:
    path: Path
    document: str | None = None
    title: str | None = None
    triples: int = 0
    persons: int = 0
    meetings: int = 0
    mentions: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files as given, folders as their files (recursively, hidden ones skipped), sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if (f.is_file() or f.is_symlink()) and not f.is_dir()
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out


def ingest_file(store: GraphStore, path: Path) -> IngestResult:
    try:
        doc = load_document(path)
        facts = extract(doc)
        triples = document_triples(facts)
        store.replace_graph(document_iri(doc.doc_id), triples)
    except CwkgError as exc:
        return IngestResult(path, error=str(exc))
    except Exception as exc:  # an unexpected failure in one file must not stop the batch
        return IngestResult(path, error=f"{path}: {type(exc).__name__}: {exc}")
    return IngestResult(
        path, document_iri(doc.doc_id).value, doc.title, len(triples),
        len(facts.persons), len(facts.meetings), len(facts.mentions),
    )


def ingest(store: GraphStore, paths: Iterable[Path]) -> Iterator[IngestResult]:
    store.ensure_static()
    for path in paths:
        yield ingest_file(store, path)
    store.flush()
