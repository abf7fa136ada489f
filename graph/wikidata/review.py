"""The curator's file: every entity cwkg would not link alone, one row per candidate, and the
choices a curator marks in it (`accept` = yes on one row of an entity)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from cwkg.errors import InputError
from cwkg.inputs import read_text
from cwkg.safewrite import replacing

from .queries import WD, is_item
from .scoring import Decision

COLUMNS = ("entity", "kind", "label", "candidate", "candidate_label", "description", "score", "evidence", "accept")
_NOT_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]')  # what no IRI holds (RFC 3987), so none reaches a query
MAX_REVIEW_BYTES = 100 * 1024 * 1024  # a review of 100,000 entities with five candidates each is about half of it
_YES = {"yes", "y", "x", "1", "true", "accept", "accepted"}


# What makes a spreadsheet read a cell as a formula: OWASP's list (with line feed) and ASVS 1.2.10's NUL.
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")


def neutralise(value: str) -> str:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading `'`, as OWASP recommends;
    so does one already starting with `'`, so that `restore` gives back every value unchanged."""
    return "'" + value if value.startswith(_FORMULA + ("'",)) else value


def restore(cell: str) -> str:
    """The value `neutralise` wrote as `cell`."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA + ("'",)) else cell


def write_review(path: Path, decisions: list[Decision]) -> int:
    """Write the rows (beside the target, then renamed: `safewrite`), every cell safe to open in a spreadsheet;
    how many rows."""
    rows = [{"entity": d.entity.iri, "kind": d.entity.kind, "label": d.entity.label, "candidate": c.item,
             "candidate_label": c.label, "description": c.description, "score": f"{c.score:.3f}",
             "evidence": "; ".join(c.evidence), "accept": ""}
            for d in sorted(decisions, key=lambda d: d.entity.iri) for c in d.review]
    try:
        with replacing(path) as raw:
            out = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            writer = csv.DictWriter(out, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows({k: neutralise(v) for k, v in row.items()} for row in rows)
            out.flush()
            out.detach()  # `replacing` syncs and closes the file itself
    except OSError as exc:
        raise InputError(f"cannot write the review file: {exc.strerror or exc}", str(path)) from None
    return len(rows)


def _is_iri(value: str) -> bool:
    """Whether `value` is an absolute http(s) IRI the engine reads as one: no character an IRIREF excludes, and
    accepted by the engine's own IRI parser (a bracket in a host, `%zz`, a second `#` are not)."""
    if not value.startswith(("http://", "https://")) or _NOT_IRI.search(value):
        return False
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Choice:
    entity: str
    item: str
    line: int


def _item(value: str) -> str | None:
    value = value.strip()
    if re.fullmatch(r"Q[1-9][0-9]*", value):
        return WD + value
    return value if is_item(value) else None


def read_choices(path: Path) -> list[Choice]:
    """The rows a curator accepted; a file that cannot be read as a review file is one error naming the line."""
    text = read_text(path, MAX_REVIEW_BYTES, "review file")  # a regular file, checked before it is read
    try:
        return _choices(path, csv.DictReader(io.StringIO(text, newline="")))  # a quoted cell may hold a line break
    except csv.Error as exc:  # a cell over the csv module's field limit, a NUL byte
        raise InputError(f"is not a review file: {exc}", str(path)) from None


def _choices(path: Path, reader: csv.DictReader) -> list[Choice]:
    missing = [c for c in ("entity", "candidate", "accept") if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"is not a review file: no column {', '.join(missing)} (columns: {', '.join(COLUMNS)})", str(path))
    chosen: dict[str, Choice] = {}
    for number, row in enumerate(reader, start=2):
        if restore(row.get("accept") or "").strip().lower() not in _YES:
            continue
        entity = restore(row.get("entity") or "").strip()
        item = _item(restore(row.get("candidate") or ""))
        if not _is_iri(entity):
            raise InputError(f"line {number}: entity '{entity}' is not an IRI", str(path))
        if item is None:
            raise InputError(f"line {number}: candidate '{row.get('candidate')}' is not a Wikidata item (Q123 or {WD}Q123)", str(path))
        if entity in chosen and chosen[entity].item != item:
            raise InputError(f"line {number}: a second candidate accepted for {entity} (the first on line {chosen[entity].line})", str(path))
        chosen[entity] = Choice(entity, item, number)
    return list(chosen.values())
