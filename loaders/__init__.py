"""Loaders: one module per source format, registered here and chosen by sniffing content.

A format yields records from a file: a SourceDocument per document, and for publication
volumes a VolumeRecord first. Plain pages yield one document. A historian's own transcription (`plain_text`) is
tried last, and only for a file named as text or Markdown: any other format that claims a file wins.

Binary formats (PDF, Word) are told by their bytes (`magic`) before any text is decoded: a PDF by `%PDF-`, a Word
file by a ZIP package holding `word/document.xml`. A file of one record may have metadata beside it (a sidecar,
`NAME.meta.yaml`) or in a catalogue (`metadata`): it replaces what the file says, and lets a typed record with no
header of its own be read.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from cwkg.errors import InputError, UnrecognisedFormat

from . import frus, hsg_people, pdf, plain_text, pocom, wilson_html, wilson_text, word, xmlsafe
from .metadata import Catalogue, Metadata, name_date, read_sidecar
from .wilson_page import archive_state
from .source import AuthorityPersonRecord, MissionRecord, SourceDocument, VolumeRecord

MAX_BYTES = 5 * 1024 * 1024  # a text or HTML page: real ones are tens of kilobytes
HEAD_BYTES = 8192

Record = SourceDocument | VolumeRecord | MissionRecord | AuthorityPersonRecord


@dataclass(frozen=True)
class Format:
    name: str
    sniff: Callable[[str], bool]
    records: Callable[[Path], Iterator[Record]]
    suffixes: tuple[str, ...] = ()  # when given, only a file whose name ends so (in any case) may be of this format
    last_resort: bool = False  # claims a file only when no other format does, its whole text read if need be
    magic: Callable[[bytes, Path], bool] | None = None  # a binary format: told by the file's first bytes, not its text
    max_bytes: int = MAX_BYTES  # the largest file of this format read
    one_record: bool = False  # a file holds one document, so a sidecar or catalogue row may give its metadata

    def may_read(self, path: Path | None) -> bool:
        return not self.suffixes or path is None or path.suffix.lower() in self.suffixes


def _page(load: Callable[[Path, str], SourceDocument]) -> Callable[[Path], Iterator[Record]]:
    def records(path: Path) -> Iterator[Record]:
        yield load(path, read_text(path))

    return records


def _no_text(head: str) -> bool:
    return False  # a binary format is never told by text


FORMATS: list[Format] = [
    Format(pdf.NAME, _no_text, pdf.records, magic=pdf.sniff, max_bytes=pdf.MAX_BYTES, one_record=True),
    Format(word.NAME, _no_text, word.records, magic=word.sniff, max_bytes=word.MAX_BYTES, one_record=True),
    Format(frus.NAME, frus.sniff, frus.records),
    Format(pocom.NAME, pocom.sniff, pocom.records),
    Format(hsg_people.NAME, hsg_people.sniff, hsg_people.records),
    Format(wilson_html.NAME, wilson_html.sniff, _page(wilson_html.load), one_record=True),
    Format(wilson_text.NAME, wilson_text.sniff, _page(wilson_text.load), one_record=True),
    Format(plain_text.NAME, plain_text.sniff, _page(plain_text.load), suffixes=plain_text.SUFFIXES, last_resort=True,
           one_record=True),
]
PLAIN_TEXT = FORMATS[-1]


def register(fmt: Format) -> None:
    """Add a format; later registrations are tried first."""
    FORMATS.insert(0, fmt)


def regular_file(path: Path, limit: int) -> int:
    """The size of a regular file of at most `limit` bytes, checked before any byte is read: a device (/dev/zero), a
    pipe or a socket would be read for ever, a sparse giant would be read whole."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", str(path)) from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a folder, not a file", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise InputError("not a regular file (a device, pipe or socket): give a file", str(path))
    if info.st_size > limit:
        raise InputError(f"file is larger than {limit // (1024 * 1024)} MB", str(path))
    return info.st_size


def read_text(path: Path) -> str:
    regular_file(path, MAX_BYTES)
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


def read_head_bytes(path: Path) -> bytes:
    """The first bytes of a file, enough to tell its format, checked like a whole file."""
    regular_file(path, xmlsafe.MAX_BYTES)
    try:
        with path.open("rb") as fh:
            data = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", str(path)) from exc
    if not data.strip():
        raise InputError("file is empty", str(path))
    return data


def read_head(path: Path) -> str:
    """The start of a file, enough to tell its format, checked like a whole file."""
    return _decode_head(read_head_bytes(path), path)


def _decode_head(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.start < len(data) - 4:  # not just a character cut at the end of the head
            raise InputError(f"not UTF-8 text (byte {exc.start})", str(path)) from exc
        return data[: exc.start].decode("utf-8-sig")


def detect(head: str, path: Path | None = None) -> Format | None:
    """The format whose sniff claims the text, those of last resort after all others."""
    usable = [f for f in FORMATS if f.may_read(path)]
    return next((f for f in sorted(usable, key=lambda f: f.last_resort) if f.sniff(head)), None)


def detect_binary(head: bytes, path: Path) -> Format | None:
    """The binary format whose magic claims the file's first bytes."""
    return next((f for f in FORMATS if f.magic is not None and f.magic(head, path)), None)


def binary_format(path: Path) -> bool:
    """Whether a binary format cwkg reads (PDF, Word) claims the file; False when it cannot be read at all."""
    try:
        return detect_binary(read_head_bytes(path), path) is not None
    except InputError:
        return False


def load_records(path: Path, catalogue: Catalogue | None = None) -> Iterator[Record]:
    """Every record of one file, whatever its registered format; a file of one record with the metadata its
    sidecar, else its catalogue row, gives (`metadata`)."""
    raw = read_head_bytes(path)
    fmt = detect_binary(raw, path)
    given = _given(path, catalogue)
    if fmt is not None:
        regular_file(path, fmt.max_bytes)
        yield from _read(fmt, path, given)
        return
    head = _decode_head(raw, path)
    fmt = detect(head, path)
    if (fmt is None or fmt.last_resort) and len(head.encode("utf-8")) >= HEAD_BYTES - 4:
        fmt = detect(read_text(path), path) or fmt  # a page whose telling lines come late
    if fmt is None and given and PLAIN_TEXT.may_read(path):
        fmt = PLAIN_TEXT  # a typed record with no header: its metadata is beside it
    if fmt is None:
        raise UnrecognisedFormat("unrecognised format (not a Wilson Center page as text or HTML, a FRUS TEI volume, a POCOM "
                                 "or an Office of the Historian people record, nor a record typed as text or Markdown: "
                                 "a .txt or .md file whose first lines give a Title or Date line, or a heading and a "
                                 "date line)", str(path))
    yield from _read(fmt, path, given)


def _given(path: Path, catalogue: Catalogue | None) -> Metadata | None:
    """The metadata given apart from the file: its sidecar's over its catalogue row's."""
    row = catalogue.get(path) if catalogue is not None else None
    side = read_sidecar(path)
    return side.over(row) if side is not None else row


def _read(fmt: Format, path: Path, given: Metadata | None) -> Iterator[Record]:
    if given and not fmt.one_record:
        raise InputError(f"a sidecar or catalogue row gives the metadata of one record, and a {fmt.name} file holds "
                         "many: give it for the records' own files", str(path))
    try:
        for record in fmt.records(path):
            if fmt.one_record and isinstance(record, SourceDocument):
                record = given.apply(record) if given else record
                if record.date is None and (day := name_date(path)) is not None:
                    record = replace(record, date=day)
                if record.perspective is None and (state := archive_state(record.citation.archive)) is not None:
                    record = replace(record, perspective=state)  # a record the National Archives hold is the U.S.'s
            yield record
    except ValueError as exc:
        raise InputError(f"{fmt.name}: {exc}", str(path)) from exc


def load_documents(path: Path) -> Iterator[SourceDocument]:
    return (r for r in load_records(path) if isinstance(r, SourceDocument))


def load_document(path: Path) -> SourceDocument:
    """The first (for pages, the only) document of a file."""
    for doc in load_documents(path):
        return doc
    raise InputError("no document in file", str(path))
