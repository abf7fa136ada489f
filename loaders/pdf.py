"""Records as PDF files with a text layer (archive portals' downloads, a typed memo saved as PDF).

The library is pypdf, chosen over pdfminer.six:
- licence: BSD-3-Clause (pdfminer.six: MIT); both fit cwkg's MIT;
- pure Python with no required dependency: pdfminer.six needs `cryptography` (compiled) and `charset-normalizer`
  even for unencrypted files; pypdf installs alone, and bounds its own decompression (a stream that inflates past
  its limits is refused), which a hostile file needs;
- layout fidelity: pdfminer.six's layout analysis is better for multi-column print, but a memorandum is one column
  of typed lines; pypdf's layout mode keeps what matters here: line order, the blank lines between paragraphs (a
  header block ends at one) and the indentation that continues a header line;
- speed: pypdf reads a page's text several times faster than pdfminer.six's full layout analysis.

Each page's text is read in layout mode (runs of spaces inside a line folded to one, so quotes read as prose), and
the pages go through the same header reading as a typed record (`plain_text.parse_pages`), which keeps where each
page begins so each position's evidence can name its page. A PDF with no text at all (a scan) is refused in one
line saying it needs OCR first; nothing of it is stored.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

from cwkg.errors import InputError

from . import plain_text
from .source import SourceDocument

NAME = "pdf"
MAGIC = b"%PDF-"
MAX_BYTES = 50 * 1024 * 1024  # a record scanned with its text layer runs to a few MB; a whole box of them is no record
MAX_PAGES = 2000
NEEDS_OCR = ("the PDF has no text layer (a scanned image?): it needs OCR first, e.g. `ocrmypdf in.pdf out.pdf`, "
             "then ingest the result")


def sniff(head: bytes, path: Path) -> bool:
    """A PDF: `%PDF-` within the first 1024 bytes, where readers accept it."""
    return MAGIC in head[:1024]


_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")


def _clean(text: str) -> str:
    """A page's text as lines of prose: runs of spaces between words folded, line ends trimmed, NULs dropped."""
    lines = (_SPACES.sub(" ", line).rstrip() for line in text.replace("\x00", "").replace("\f", "\n").split("\n"))
    return "\n".join(lines).strip("\n")


def _page_text(page) -> str:
    try:
        return page.extract_text(extraction_mode="layout")
    except Exception:  # noqa: BLE001 - layout mode fails on some fonts: the plain reading order still has the words
        return page.extract_text()


def page_texts(path: Path) -> list[str]:
    """The text of each page; InputError naming the file when it cannot be read."""
    from pypdf import PdfReader

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # pypdf logs each repaired flaw: cwkg's output stays one line a file
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(path, strict=False)
            if reader.is_encrypted and not _opened(reader):
                raise InputError("the PDF is encrypted: save a copy without a password and ingest that", str(path))
            if len(reader.pages) > MAX_PAGES:
                raise InputError(f"the PDF has {len(reader.pages)} pages, more than a record has ({MAX_PAGES})", str(path))
            return [_clean(_page_text(page)) for page in reader.pages]
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a damaged or hostile file makes pypdf raise, one line
        raise InputError(f"cannot read the PDF, it is damaged or not one ({' '.join(str(exc).split())[:200] or 'no reason given'})", str(path)) from None
    finally:
        pypdf_log.setLevel(level)


def _opened(reader) -> bool:
    """An encrypted PDF that opens with the empty password (many are only protected against editing)."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - an unsupported cipher, or the crypto library missing
        return False


def load(path: Path) -> SourceDocument:
    pages = page_texts(path)
    if not any(page.strip() for page in pages):
        raise InputError(NEEDS_OCR, str(path))
    return plain_text.parse_pages(pages, str(path), NAME, "pdf")


def records(path: Path) -> Iterator[SourceDocument]:
    yield load(path)
