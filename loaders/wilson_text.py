"""Wilson Center Digital Archive pages saved as copied text."""

from __future__ import annotations

from pathlib import Path

from .source import SourceDocument
from .wilson_page import looks_like_page, parse_page

NAME = "wilson-text"


def sniff(head: str) -> bool:
    stripped = head.lstrip()
    return not stripped.startswith("<") and looks_like_page(head)


def load(path: Path, text: str) -> SourceDocument:
    return parse_page(text, str(path), NAME)
