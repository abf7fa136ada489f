"""Metadata a historian keeps apart from the record: a sidecar (`NAME.meta.yaml` beside the file) or a catalogue
(a CSV of many files, `cwkg ingest --catalog records.csv`), as a finding aid or spreadsheet holds it.

Both give the same fields (`FIELDS`): title, date, place (where the record was written), author, archive,
collection, reference (the archive's reference), url, language (a tag such as `en`, `ru`, `pl`). A value given
there replaces what the file itself says, so a wrong date in a transcription's header can be corrected without
touching the transcription; precedence, lowest first: the file, its catalogue row, its sidecar (the nearer to
the file, the more particular). The document keeps its id (read from its content), so ingesting it again with
corrected metadata replaces its graph. A record that gives no date anywhere takes one from an ISO date in its file
name (`1963-06-12_nowak.pdf`).

A sidecar is `memo.meta.yaml` beside `memo.pdf` (or `memo.pdf.meta.yaml`, when `memo.pdf` and `memo.docx` lie
together); both at once is an error. A catalogue's `file` column names each file relative to the catalogue's
folder (or absolute). Anything malformed (an unknown key or column, a value that is a list, a date that cannot be
read, a URL that is no address, a file listed twice) is one InputError naming the file and the key or row.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from pathlib import Path

from cwkg.errors import InputError
from cwkg.inputs import absolute, read_text

from .plain_text import read_date
from .safeyaml import load_mapping
from .source import SourceDocument

FIELDS = ("title", "date", "place", "author", "archive", "collection", "reference", "url", "language")
SIDECAR_SUFFIX = ".meta.yaml"
MAX_SIDECAR = 64 * 1024
MAX_CATALOGUE = 20 * 1024 * 1024
_URL = re.compile(r"^https?://\S+$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Metadata:
    """What a sidecar or catalogue row gives; None where it gives nothing."""

    title: str | None = None
    date: date | None = None
    place: str | None = None
    author: str | None = None
    archive: str | None = None
    collection: str | None = None
    reference: str | None = None
    url: str | None = None
    language: str | None = None

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))

    def over(self, below: Metadata | None) -> Metadata:
        """These values, and `below`'s where these give none."""
        if below is None:
            return self
        return Metadata(**{f.name: getattr(self, f.name) if getattr(self, f.name) is not None else getattr(below, f.name)
                           for f in fields(self)})

    def apply(self, doc: SourceDocument) -> SourceDocument:
        """The document with these values in place of its own."""
        citation = replace(doc.citation, **{k: v for k, v in (("archive", self.archive), ("collection", self.collection),
                                                               ("archive_reference", self.reference)) if v is not None})
        given = {"title": self.title, "date": self.date, "dateline_place": self.place, "author": self.author,
                 "url": self.url, "language": self.language}
        return replace(doc, citation=citation, **{k: v for k, v in given.items() if v is not None})


def _value(key: str, value: object) -> str | date:
    """One field's value, checked: ValueError saying what is wrong with it."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, (list, dict, set, tuple, bytes)):
        raise ValueError(f"'{key}' is a {type(value).__name__}, not one value")
    if key == "date":
        return value if isinstance(value, date) else read_date(str(value).strip())
    text = " ".join(str(value).split())
    if key == "url" and not _URL.match(text):
        raise ValueError(f"the url '{text}' is not an http(s) address")
    if key == "language" and not _LANGUAGE.match(text):
        raise ValueError(f"the language '{text}' is not a language tag (en, ru, pl, de-DE ...)")
    return text


def _metadata(items: dict[str, object], unknown: str) -> Metadata:
    out: dict[str, str | date] = {}
    for key, value in items.items():
        name = str(key).strip().lower()
        if name not in FIELDS:
            raise ValueError(f"unknown {unknown} '{key}' (one of: {', '.join(FIELDS)})")
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        out[name] = _value(name, value)
    return Metadata(**out)


_NAME_DATE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)")


def name_date(path: Path) -> date | None:
    """The day an ISO date in a file's name gives (`1963-06-12_nowak-ivanov.pdf`): a record whose text and
    metadata give no date takes it, as archivists name scans by their date."""
    found = _NAME_DATE.findall(path.name)
    if len(found) != 1:
        return None
    try:
        return date(*map(int, found[0]))
    except ValueError:
        return None


# --- sidecars ------------------------------------------------------------------------------------------------------

def sidecar_paths(path: Path) -> list[Path]:
    """The sidecars that may lie beside a file: `memo.meta.yaml`, `memo.pdf.meta.yaml`."""
    return list(dict.fromkeys([path.with_name(path.stem + SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)]))


def is_sidecar(path: Path) -> bool:
    return path.name.lower().endswith(SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> Metadata | None:
    """The metadata of the sidecar beside `path`, if there is one; InputError naming the sidecar when it is malformed."""
    found = [p for p in sidecar_paths(path) if p.exists() and p != path]
    if not found:
        return None
    if len(found) > 1:
        raise InputError(f"two sidecars for one file ({found[0].name}, {found[1].name}): keep one", str(path))
    sidecar = found[0]
    text = read_text(sidecar, MAX_SIDECAR, "sidecar")
    try:
        return _metadata(load_mapping(text, "sidecar"), "key")
    except ValueError as exc:
        raise InputError(str(exc), str(sidecar)) from None


# --- catalogues ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Catalogue:
    """A catalogue's rows by the absolute path of the file each describes."""

    source: str
    rows: dict[str, Metadata]

    def get(self, path: Path) -> Metadata | None:
        return self.rows.get(str(absolute(path)))

    def unused(self, paths: list[Path]) -> list[str]:
        """The files the catalogue describes that are not among `paths`: a row for a file the run does not load is
        most often a mistyped name, and would otherwise go unnoticed."""
        given = {str(absolute(p)) for p in paths}
        return sorted(row for row in self.rows if row not in given)


def read_catalogue(path: Path) -> Catalogue:
    """A catalogue CSV (a header row naming its columns, `file` among them); InputError naming the file and the row
    (numbered as a spreadsheet shows it: the header is row 1) or column that is wrong."""
    text = read_text(path, MAX_CATALOGUE, "catalogue")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if "file" not in columns:
        raise InputError(f"no 'file' column (columns: file, {', '.join(FIELDS)})", str(path))
    for column in columns:
        if column != "file" and column not in FIELDS:
            raise InputError(f"unknown column '{column}' (one of: file, {', '.join(FIELDS)})", str(path))
    if len(set(columns)) < len(columns):
        raise InputError("a column is given twice", str(path))
    folder = absolute(path).parent
    rows: dict[str, Metadata] = {}
    first_row: dict[str, int] = {}
    try:
        for number, raw in enumerate(reader, start=2):
            if None in raw:
                raise InputError(f"row {number}: more cells than columns", str(path))
            row = {k.strip().lower(): (v or "") for k, v in raw.items()}
            if not any(v.strip() for v in row.values()):
                continue  # a blank row
            name = row.pop("file").strip()
            if not name:
                raise InputError(f"row {number}: no file named", str(path))
            key = str(absolute(folder / name))
            if key in rows:
                raise InputError(f"row {number}: file '{name}' is listed twice (rows {first_row[key]} and {number})", str(path))
            try:
                rows[key] = _metadata(row, "column")
            except ValueError as exc:
                raise InputError(f"row {number}: {exc}", str(path)) from None
            first_row[key] = number
    except csv.Error as exc:
        raise InputError(f"row {reader.line_num}: not CSV ({exc})", str(path)) from None
    return Catalogue(str(path), rows)
