"""The source document every loader produces and every extractor reads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Citation:
    """The parts of a publisher's citation line; any may be missing."""

    text: str | None = None
    publisher: str | None = None
    archive: str | None = None
    collection: str | None = None
    archive_reference: str | None = None
    translator: str | None = None
    translated_for: str | None = None


@dataclass(frozen=True)
class SourceDocument:
    """A record as its publisher presents it; `body` is the text all offsets refer to."""

    doc_id: str
    source: str
    format: str
    title: str
    body: str
    date: date | None = None
    description: str | None = None
    citation: Citation = field(default_factory=Citation)
    language: str = "en"
    kind: str = "memorandum"
    url: str | None = None


def content_id(prefix: str, *parts: str) -> str:
    """A stable id from the content, so a document loaded twice keeps its id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{digest}"
