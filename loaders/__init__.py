"""Loaders: one module per source format, registered here and chosen by sniffing content."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from cwkg.errors import InputError

from . import wilson_html, wilson_text
from .source import SourceDocument

MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Format:
    name: str
    sniff: Callable[[str], bool]
    load: Callable[[Path, str], SourceDocument]


FORMATS: list[Format] = [
    Format(wilson_html.NAME, wilson_html.sniff, wilson_html.load),
    Format(wilson_text.NAME, wilson_text.sniff, wilson_text.load),
]


def register(fmt: Format) -> None:
    """Add a format; later registrations are tried first."""
    FORMATS.insert(0, fmt)


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", str(path)) from exc
    if not data.strip():
        raise InputError("file is empty", str(path))
    if len(data) > MAX_BYTES:
        raise InputError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB", str(path))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", str(path)) from exc


def detect(text: str) -> Format | None:
    return next((f for f in FORMATS if f.sniff(text)), None)


def load_document(path: Path) -> SourceDocument:
    """Read one file into a source document, whatever its registered format."""
    text = read_text(path)
    fmt = detect(text)
    if fmt is None:
        raise InputError("unrecognised format (not a Wilson Center page as text or HTML)", str(path))
    try:
        return fmt.load(path, text)
    except ValueError as exc:
        raise InputError(f"{fmt.name}: {exc}", str(path)) from exc
