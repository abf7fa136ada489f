"""Records typed in Word (`.docx`), read with python-docx.

The file is a ZIP package; before python-docx opens it, its size, its number of parts, their unpacked size and every
XML part are checked as any XML file is (`xmlsafe`: no DTD or entity declarations, well-formed, bounded depth), so a
ZIP bomb or an entity bomb is refused in one line. The body's paragraphs and table rows, in document order, become
lines: consecutive `Key: value` paragraphs stay together as a header block, other paragraphs are set apart by a blank
line, as a typed record's are. The text then goes through the same header reading as a typed record
(`plain_text.parse`). A Word file has no fixed pages (they fall where the reader's printer puts them), so its
evidence names none.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from cwkg.errors import InputError

from . import plain_text, xmlsafe
from .source import SourceDocument

NAME = "word"
MAX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024
MAX_PARTS = 5000
DOCUMENT_PART = "word/document.xml"


def sniff(head: bytes, path: Path) -> bool:
    """A Word file: a ZIP package holding `word/document.xml`."""
    if not head.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(path) as package:
            return DOCUMENT_PART in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def check_package(path: Path) -> None:
    """Refuse a package no Word file would be: too many parts, too large unpacked, an XML part that is unsafe."""
    try:
        with zipfile.ZipFile(path) as package:
            parts = package.infolist()
            if len(parts) > MAX_PARTS:
                raise InputError(f"the Word file has {len(parts)} parts, more than a document has ({MAX_PARTS})", str(path))
            if sum(p.file_size for p in parts) > MAX_UNPACKED:
                raise InputError(f"the Word file unpacks to more than {MAX_UNPACKED // (1024 * 1024)} MB", str(path))
            for part in parts:
                if part.filename.endswith((".xml", ".rels")):
                    xmlsafe.check_part(package.read(part), path, part.filename)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, NotImplementedError) as exc:
        raise InputError(f"cannot read the Word file ({' '.join(str(exc).split())[:200]})", str(path)) from None


def paragraphs(path: Path) -> list[str]:
    """The body's paragraphs and table rows (cells joined by a space), in document order."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
        out: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Table):
                for row in block.rows:
                    cells = list(dict.fromkeys(c.text.strip() for c in row.cells))  # a merged cell repeats
                    out.append(" ".join(c for c in cells if c))
        return out
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a damaged package makes python-docx raise, one line
        raise InputError(f"cannot read the Word file, it is damaged or not one ({' '.join(str(exc).split())[:200] or 'no reason given'})", str(path)) from None


def as_text(paras: list[str]) -> str:
    """Paragraphs as a typed record's lines: header lines one under another, other paragraphs apart."""
    out: list[str] = []
    previous_key = False
    for para in paras:
        para = para.replace("\r", "\n").replace("\x0b", "\n").rstrip()
        is_key = plain_text.key_line(para) is not None and "\n" not in para
        if out:
            out.append("\n" if is_key and previous_key else "\n\n")
        out.append(para)
        previous_key = is_key
    return "".join(out)


def load(path: Path) -> SourceDocument:
    check_package(path)
    text = as_text(paragraphs(path))
    if not text.strip():
        raise InputError("the Word file holds no text", str(path))
    return plain_text.parse(text, str(path), NAME, "word")


def records(path: Path) -> Iterator[SourceDocument]:
    yield load(path)
