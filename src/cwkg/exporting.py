"""Writing the store out: to standard output, or to a file through `safewrite` (a temporary file beside the target,
renamed), so a failed or interrupted export leaves no half file."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


@dataclass(frozen=True)
class ExportRequest:
    """What `cwkg export` is asked for; `graphs` None: every graph (the shipped ones too unless `documents_only`)."""

    fmt: str
    out: Path | None = None
    documents_only: bool = False
    graphs: list[ox.NamedNode] | None = None
    context_url: str | None = None
    annotations: str = "compact"


def export(store, request: ExportRequest) -> None:  # noqa: ANN001 - the embedded store (graph/store.py)
    def write(fh) -> None:  # noqa: ANN001 - a binary file
        store.export(request.fmt, fh, request.graphs, include_static=not request.documents_only,
                     context_url=request.context_url, annotations=request.annotations)

    if request.out is None:
        write(sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    from cwkg.safewrite import replacing

    with replacing(request.out) as fh:
        write(fh)
