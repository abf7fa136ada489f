"""A historian's own transcription of a record, as plain text or Markdown (`.txt`, `.text`, `.md`, `.markdown`).

The shapes read, in this order:

1. **Front matter** (Markdown): a first line `---`, a YAML mapping, a line `---` (or `...`); the record's text follows.
   The YAML is read with a safe loader that refuses anchors and aliases, nesting deeper than
   `MAX_YAML_DEPTH` levels, a key given twice with different values, and a block over `MAX_FRONT_MATTER` bytes.
2. Else an optional **heading line** (the first non-empty line, a Markdown `# Title` included, unless it is a
   `Key: value` line whose key is one below or one a record's header uses, `_RECORD_KEYS`; classification markings
   such as `SECRET` above it are skipped), then an optional **header block**: the `Key: value` lines that follow it
   (a key of at most four words, a colon, a space), each with the indented lines under it that continue its value,
   up to the first blank line or other line.

A file is taken for a record only when it has that shape: front matter with a `title` or `date`, a header block with
a `Title` or `Date` line, or a heading line followed by a date line ("12 May 1962", "Tirana, 12 May 1962");
anything else (a README, a licence, notes) is left to the other formats, and so is an unrecognised format.

Keys read (case and the spelling variants below aside), in the header block and in front matter alike:

- `Title` -> `title`; without it the heading line, else the body's first line, is the title;
- `Date` -> `date` (ISO `1962-05-12` or written `12 May 1962`, `May 12, 1962`, `12.V.1962`, with a weekday
  before or a time after it; numeric `12/5/1962` only where day and month cannot be swapped); without it, the
  date of a date line under the heading;
- `Archive`, `Collection`, `Reference` (`Reference number`, `Reference no.`, `Archive reference`, `Ref.`) and
  `Translator` (`Translated by`) -> the citation's parts;
- `URL` -> `url` (an http(s) address); `Source` -> `url` when it is an address, else the citation's text;
- `Kind` -> `kind`, one of the kinds of `ontology/document-kinds.tsv` or words telling one ("memcon"); without it
  the kind the title tells;
- `Classification` -> `classification`; without it a marking line above the heading (`SECRET`, `CONFIDENTIAL` ...);
- `Place` -> `dateline_place`, in front matter only (see below).

These lines are taken out of the text. Every other line of a header block stays in the body, where the extractor
reads it as it reads any record: `Place:` (the meeting's place, resolved through the authority data; so it is not
also made the dateline place, which would add a second, provisional place), `Participants:`, `Present:`,
`Subject:`, `Time:`, `From:`, `To:`, `Author:`, `Drafted by:`. The heading line and a date line under it stay in
the body too, as the record's heading and dateline. Other front matter keys (`author`, `from`, `to`, `tags` ...)
have no field in a source document and are not read.

Markdown is reduced to the text a reader sees before anything else is read (`reduce_markdown`), in `.txt` files too
(typed text rarely holds markup, and a lone `*` or `_`, or one inside a word, stays): headings, emphasis,
strikethrough, inline code, links and images (their text), autolinks, block quotes, bullets, thematic breaks, code
fences and link definitions; backslash escapes give the character. The body handed to `SourceDocument` is this
reduced text with the header lines taken out, so every offset extraction gives indexes it.

The document id is a hash of the title, the date and the body's words (white space folded), so the same record keeps
its id wherever it lies and however its lines end; the file's path is recorded as the source. A file that cannot be
read as a record (a date that cannot be read, a key given twice with different values, front matter that is not a
mapping, no text after the header) is one ValueError saying what, which the registry reports as one line naming the
file.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cwkg.lang.dates import NUMERIC, find_full_dates
from cwkg.lang.kinds import classify, document_kind, kinds
from .safeyaml import MAX_BYTES as MAX_FRONT_MATTER, MAX_DEPTH as MAX_YAML_DEPTH, load_mapping
from .source import Citation, SourceDocument, content_id

NAME = "plain-text"
SUFFIXES = (".txt", ".text", ".md", ".markdown")
SHAPE_CHARS = 16 * 1024  # a record's shape shows in its first lines: no more is read to tell it
MAX_TITLE = 200  # a title longer than this (a first line that is a paragraph) is cut at a word

# --- keys ------------------------------------------------------------------------------------------------------

# Each key as a user may write it (folded: lower case, runs of spaces, '_' and '-' as one space, a final '.' dropped)
# -> the field it fills.
_KEYS = {
    "title": "title",
    "date": "date",
    "archive": "archive",
    "collection": "collection",
    "reference": "reference", "reference number": "reference", "reference no": "reference",
    "archive reference": "reference", "ref": "reference", "ref no": "reference",
    "translator": "translator", "translated by": "translator",
    "source": "source", "url": "url",
    "kind": "kind",
    "classification": "classification",
}
_FRONT_MATTER_ONLY = {"place": "place"}
# Keys a record itself gives in its header, which stay in its body for the extractor to read: a first line with one
# of these (or a key read) opens a header block; any other first line is the record's heading.
_RECORD_KEYS = {"place", "venue", "location", "time", "participants", "present", "attendees", "subject", "subjects",
                "from", "to", "author", "drafted by", "approved by", "copies to", "cc", "distribution", "via",
                "memorandum for", "memorandum to", "addressee", "no", "number", "telegram no"}  # in a header block, a `Place:` line is the record's own and stays in the body


def _fold_key(key: str) -> str:
    return re.sub(r"[\s_\-]+", " ", key.strip().lower()).rstrip(".").strip()


_KEY_LINE = re.compile(r"^[ \t]*(?P<key>[A-Za-z][A-Za-z .'’()/_-]{0,38}?)[ \t]*:(?:[ \t]+(?P<value>\S.*?))?[ \t]*$")
_MARKING = re.compile(r"^(?:TOP SECRET|SECRET|CONFIDENTIAL|STRICTLY CONFIDENTIAL|RESTRICTED|UNCLASSIFIED|LIMITED OFFICIAL USE)\b")
_MARKINGS = {"top secret", "secret", "confidential", "strictly confidential", "restricted", "unclassified", "limited official use",
             "eyes only", "strictly secret", "secret and personal", "personal and confidential", "for official use only"}


def _marking(line: str) -> bool:
    """A classification marking alone on a line: "SECRET", "TOP SECRET - EYES ONLY", "Confidential"."""
    line = line.strip().rstrip(".")
    return line.lower() in _MARKINGS or bool(_MARKING.match(line)) and line.isupper() and len(line.split()) <= 6


_WEEKDAY = re.compile(r"^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$", re.I)
_TIME = re.compile(r"^(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?|noon|midnight)"
                   r"(?:\s*(?:-|–|to)\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?))?$", re.I)
_URL = re.compile(r"^https?://\S+$")


def key_line(line: str) -> tuple[str, str] | None:
    """A `Key: value` line as (the key as written, its value, "" when none), if it is one: a key of at most four
    words, a colon, then a space or the line's end (so "http://..." or "10:30" is no key)."""
    m = _KEY_LINE.match(line)
    if not m or len(m["key"].split()) > 4:
        return None
    return m["key"].strip(), (m["value"] or "")


# --- Markdown ----------------------------------------------------------------------------------------------------

_ESCAPABLE = "\\`*_{}[]()#+-.!>~|<"
_PRIVATE = 0xF0000  # escaped characters are held at these code points while the markup around them is read


def _hide_escapes(line: str) -> str:
    return re.sub(r"\\([" + re.escape(_ESCAPABLE) + "])", lambda m: chr(_PRIVATE + ord(m[1])), line)


def _show_escapes(text: str) -> str:
    return re.sub(r"[\U000F0000-\U000F007F]", lambda m: chr(ord(m[0]) - _PRIVATE), text)


_INLINE = [
    (re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)"), lambda m: m[2].strip() if m[2].strip() else m[2]),  # code spans
    (re.compile(r"!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+[\"'(][^\"')]*[\"')])?\s*\)"), r"\1"),  # images: their text
    (re.compile(r"!?\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+[\"'(][^\"')]*[\"')])?\s*\)"), r"\1"),  # links: their text
    (re.compile(r"!?\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"(?<![\w*])(\*\*\*|___)(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # strong emphasis
    (re.compile(r"(?<!\*)\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?!\*)"), r"\1"),
    (re.compile(r"(?<![\w_])__(?=[^\s_])(.+?)(?<=[^\s_])__(?![\w_])"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough: the words stay, as the original shows them
]
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_BREAK = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+(?=\S)")
_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S+")


def _inline(line: str) -> str:
    line = _hide_escapes(line)
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    return _show_escapes(line)


def reduce_markdown(text: str) -> str:
    """The text a reader of the rendered Markdown sees, line for line where a line stays: markup dropped, words kept.
    Plain text without markup comes back as it was (trailing spaces aside)."""
    out: list[str] = []
    fence: str | None = None
    for raw in text.split("\n"):
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
                out.append("")
            else:
                out.append(raw.rstrip())
            continue
        if m := _FENCE.match(raw):
            fence = m[1][0] * 3
            out.append("")
            continue
        line = raw
        while q := _QUOTE.match(line):
            line = line[q.end():]
        previous = out[-1] if out else ""
        if _SETEXT.match(line) and previous.strip():
            out.append("")  # the underline of the heading above: the heading stands alone
            continue
        if _BREAK.match(line) or _DEFINITION.match(line):
            out.append("")
            continue
        if m := _ATX.match(line):
            out.append(_inline(m["text"] or ""))
            continue
        line = _BULLET.sub(r"\1", line)
        out.append(_inline(line).rstrip())
    return "\n".join(out)


# --- dates -------------------------------------------------------------------------------------------------------

def read_date(value: str) -> date:
    """The day a header's date names; ValueError saying why when it names none, or could name two."""
    found = find_full_dates(value)
    if len(found) == 1:
        start, end, day = found[0]
        before, after = value[:start].strip(" ,."), value[end:].strip(" ,.")
        numeric = NUMERIC.fullmatch(value[start:end])
        if numeric and int(numeric["a"]) <= 12 and int(numeric["b"]) <= 12 and numeric["a"] != numeric["b"]:
            raise ValueError(f"the date '{value}' can be read two ways (day or month first): write 1962-05-12 or 12 May 1962")
        if (not before or _WEEKDAY.match(before)) and (not after or _TIME.match(after)):
            return day
    raise ValueError(f"cannot read the date '{value}': write it as 1962-05-12, 12 May 1962 or May 12, 1962")


_CLOCK = re.compile(r"[\s,;]*(?:at\s+)?(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?|\d{4}\s?Z|noon|midnight)"
                    r"(?:\s*(?:-|–|to)\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?|\d{4}\s?Z))?[\s.]*$", re.I)


def _date_line(line: str) -> bool:
    """A line that is a date, alone or with the place it was written at and the hour: "12 May 1962", "Tirana, 12 May
    1962", "Washington, May 4, 1971, 6:15 p.m.", a telegram's "Strelsau, October 2, 1966, 1600Z"."""
    found = find_full_dates(line)
    if len(found) != 1 or len(line) > 80:
        return False
    start, end, _ = found[0]
    after = _CLOCK.sub("", line[end:])
    rest = re.sub(r"[\s,.;:()–-]+", " ", line[:start] + " " + after).split()
    return not any(ch.isdigit() for word in rest for ch in word) and len(rest) <= 4 and all(
        w[0].isupper() or _WEEKDAY.match(w) for w in rest)


# --- front matter ------------------------------------------------------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S | re.M)
_FRONT_KEY = re.compile(r"^(?:title|date)[ \t]*:", re.I | re.M)


def _front_matter(text: str) -> tuple[str, int] | None:
    """The YAML of the front matter and where the text after it starts, if the text opens with one."""
    m = _FRONT.match(text)
    return (m["yaml"], m.end()) if m else None


def _read_front_matter(block: str) -> dict[str, str | date]:
    data = load_mapping(block, "front matter", first_line=2)  # the block starts on the file's second line
    out: dict[str, str | date] = {}
    for key, value in data.items():
        name = {**_KEYS, **_FRONT_MATTER_ONLY}.get(_fold_key(str(key)))
        if name is None or value is None:
            continue
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, (list, dict, set, tuple, bytes)):
            raise ValueError(f"the front matter's '{key}' is a {type(value).__name__}, not one value")
        if not isinstance(value, date):
            value = str(value).strip()
        if name in out and out[name] != value:
            raise ValueError(f"the front matter gives the {name} twice with different values ('{out[name]}', '{value}')")
        if value != "":
            out[name] = value
    return out


# --- the record ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Entry:
    """One line of a header block, with the indented lines that continue its value."""

    lines: tuple[int, ...]
    key: str  # as written
    value: str  # its lines joined by a space

    @property
    def field(self) -> str | None:
        return _KEYS.get(_fold_key(self.key))


@dataclass
class _Shape:
    """Where the parts of a record lie among the lines of its (Markdown-reduced) text."""

    lines: list[str]
    markings: list[int] = field(default_factory=list)  # classification lines above the heading
    heading: int | None = None  # the heading line
    header: list[_Entry] = field(default_factory=list)  # the header block
    date_line: int | None = None  # a date line under the heading, or the heading (or a second one) that ends in a date

    def read(self) -> list[_Entry]:
        """The header's entries whose key is read."""
        return [e for e in self.header if e.field is not None]

    def header_lines(self) -> set[int]:
        return {i for e in self.header for i in e.lines}

    def is_record(self) -> bool:
        return any(e.field in ("title", "date") for e in self.header) or self.date_line is not None


def _header_start(line: str) -> bool:
    """Whether a first line opens a header block rather than being the record's heading: a key this loader reads or a
    record names in its header ("Memorandum of Conversation: Wilk and Marek" is a heading)."""
    found = key_line(line)
    return found is not None and (_fold_key(found[0]) in _KEYS or _fold_key(found[0]) in _RECORD_KEYS)


def _shape(text: str) -> _Shape:
    lines = text.split("\n")
    shape = _Shape(lines)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    at = 0
    while at < len(filled) and at < 3 and _marking(lines[filled[at]]) and key_line(lines[filled[at]]) is None:
        shape.markings.append(filled[at])
        at += 1
    if at == len(filled):
        return shape
    if not _header_start(lines[filled[at]]):
        shape.heading = filled[at]
        at += 1
        if at == len(filled):
            return shape
    start = i = filled[at]
    while i < len(lines) and (found := key_line(lines[i])) is not None:
        taken = [i]
        i += 1
        while i < len(lines) and lines[i][:1] in (" ", "\t") and lines[i].strip() and key_line(lines[i]) is None:
            taken.append(i)  # an indented line continues the value above it
            i += 1
        value = " ".join([found[1], *(lines[j].strip() for j in taken[1:])]).strip()
        shape.header.append(_Entry(tuple(taken), found[0], value))
    if shape.heading is not None and not shape.header:
        shape.date_line = _dated(lines, shape.heading, filled[at:at + 2])
    elif shape.heading is not None and _ends_in_date(lines[shape.heading]):
        shape.date_line = shape.heading  # "Note on the Meeting ..., 14 May 1968" over a "Present:" line
    return shape


def _dated(lines: list[str], heading: int, after: list[int]) -> int | None:
    """The line that dates a record under its heading: a date line right under it, or under a second heading
    ("From the Diary of ...", then "Record of Conversation with ...", then the date); else a heading of a record that
    ends in its date ("Working Record of the Politburo Session, 12 June 1969")."""
    if after and _date_line(lines[after[0]]):
        return after[0]
    if len(after) == 2 and _subtitle(lines[after[0]]) and _date_line(lines[after[1]]):
        return after[1]
    for i in [heading] + after[:1]:
        if _ends_in_date(lines[i]) and (i == heading or _subtitle(lines[i])):
            return i
    return None


def _subtitle(line: str) -> bool:
    """A second heading line: short, no sentence (no final full stop), and naming a kind of record."""
    text = line.strip()
    return 0 < len(text) <= MAX_TITLE and not text.endswith(".") and classify(text) is not None


def _ends_in_date(line: str) -> bool:
    """A heading that names a kind of record and closes with the one date it holds: "Minutes of the Session of 12 June
    1969", "Record of Conversation with the Minister, 3 March 1965"."""
    text = line.strip()
    found = find_full_dates(text)
    if len(found) != 1 or len(text) > MAX_TITLE or classify(text) is None:
        return False
    return not re.sub(r"[\s,.;:()]+", "", _CLOCK.sub("", text[found[0][1]:]))


def looks_like_record(text: str) -> bool:
    """Whether the start of a file has a record's shape: front matter with a title or date, a header block with a
    Title or Date line, or a heading line followed by a date line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = _front_matter(text)
    if front is not None:
        return _FRONT_KEY.search(front[0]) is not None
    if text.startswith("---") and _FRONT_KEY.search(text[:MAX_FRONT_MATTER]):
        return True  # front matter never closed (or closed past the start read): reading it says what is wrong
    return _shape(reduce_markdown(text[:SHAPE_CHARS])).is_record()


def sniff(head: str) -> bool:
    return looks_like_record(head)


def _title(line: str) -> str:
    line = " ".join(line.split())
    if len(line) <= MAX_TITLE:
        return line
    return line[:MAX_TITLE].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def _kind(value: str) -> str:
    labels = list(dict.fromkeys(k.label for k in kinds()))
    if value.lower() in labels:
        return value.lower()
    found = classify(value)
    if found is None:
        raise ValueError(f"unknown kind '{value}' (one of: {', '.join(labels)})")
    return found.label


def parse(text: str, source: str, format: str = NAME, id_prefix: str = "plain") -> SourceDocument:
    """Read a plain-text or Markdown record into a source document; ValueError on a file that holds a value that
    cannot be read. Another loader whose files hold a typed record (a Word file's paragraphs) reads its text here,
    naming its own `format` and document id prefix."""
    return _parse(text.replace("\r\n", "\n").replace("\r", "\n"), source, format, id_prefix, ())


def parse_pages(pages: Sequence[str], source: str, format: str, id_prefix: str) -> SourceDocument:
    """Read a record whose text comes in printed pages (a PDF's text layer) as a typed record is read, header lines
    and all: the pages are joined by a blank line, and the document keeps where each page begins in its body
    (`page_starts`), so evidence can name its page. `format` and `id_prefix` name the source format."""
    cleaned = [p.replace("\r\n", "\n").replace("\r", "\n").strip("\n") for p in pages]
    first_lines, at = [], 0
    for page in cleaned:
        first_lines.append(at)
        at += page.count("\n") + 2  # its lines, then the blank line between pages
    return _parse("\n\n".join(cleaned), source, format, id_prefix, tuple(first_lines))


def _parse(text: str, source: str, format: str, id_prefix: str, page_lines: tuple[int, ...]) -> SourceDocument:
    values: dict[str, str | date] = {}
    front = _front_matter(text)
    if front is not None:
        values = _read_front_matter(front[0])
        shift = text[:front[1]].count("\n")
        page_lines = tuple(max(0, line - shift) for line in page_lines)
        text = text[front[1]:]
    elif text.startswith("---") and _FRONT_KEY.search(text[:MAX_FRONT_MATTER]):
        raise ValueError("the front matter has no closing '---' line")
    if isinstance(values.get("date"), str):
        values["date"] = read_date(str(values["date"]))
    shape = _shape(reduce_markdown(text))
    lines = shape.lines
    given: dict[str, tuple[str, str | date, str]] = {}  # field -> (key as written, value, value as written)
    for entry in shape.read():
        if not entry.value:
            continue
        name = str(entry.field)
        found: str | date = read_date(entry.value) if name == "date" else entry.value
        if name in given and given[name][1] != found:
            raise ValueError(f"the header gives '{entry.key}' twice with different values ('{given[name][2]}', '{entry.value}')")
        given[name] = (entry.key, found, entry.value)
    for name, (key, value, _) in given.items():
        if name in values and values[name] != value:
            raise ValueError(f"the front matter and the header give different values for '{key}' "
                             f"('{_shown(values[name])}', '{_shown(value)}')")
        values[name] = value
    if "source" in values and _URL.match(str(values["source"])):
        address = str(values.pop("source"))
        if "url" in values and values["url"] != address:
            raise ValueError(f"the source address and the URL differ ('{address}', '{values['url']}')")
        values["url"] = address
    if "url" in values and not _URL.match(str(values["url"])):
        raise ValueError(f"the URL '{values['url']}' is not an http(s) address")

    taken = {i for entry in shape.read() for i in entry.lines}
    body = "\n".join(line for i, line in enumerate(lines) if i not in taken)
    body = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", body).strip("\n").rstrip()
    if not body.strip():
        raise ValueError("no text after the header")
    page_starts = _page_starts(lines, taken, body, page_lines) if page_lines else ()

    day = values.get("date")
    if day is None and shape.date_line is not None:
        day = read_date_line(lines[shape.date_line])
    title = " ".join(str(values.get("title") or "").split())
    if not title:
        heading = shape.heading if shape.heading is not None else next(
            (i for i, line in enumerate(lines) if line.strip() and i not in shape.header_lines() and i not in shape.markings),
            None)
        title = _title(lines[heading] if heading is not None else next(line for line in body.split("\n") if line.strip()))
    kind = _kind(str(values["kind"])) if "kind" in values else document_kind(title)
    marking = " ".join(lines[shape.markings[0]].split()).rstrip(".") if shape.markings else None
    citation = Citation(
        text=_text(values.get("source")),
        archive=_text(values.get("archive")),
        collection=_text(values.get("collection")),
        archive_reference=_text(values.get("reference")),
        translator=_text(values.get("translator")),
    )
    return SourceDocument(
        doc_id=content_id(id_prefix, title, str(day), " ".join(body.split())),
        source=source,
        format=format,
        title=title,
        body=body,
        date=day if isinstance(day, date) else None,
        citation=citation,
        kind=kind,
        url=_text(values.get("url")),
        classification=_text(values.get("classification")) or marking,
        dateline_place=_text(values.get("place")),
        page_starts=page_starts,
    )


def _page_starts(lines: list[str], taken: set[int], body: str, page_lines: tuple[int, ...]) -> tuple[int, ...]:
    """Where each page begins in the body: at its first line with words that stayed in the body (a page whose lines
    all left it begins where the next words do). The body holds the kept lines in order, only blank ones dropped."""
    at: dict[int, int] = {}
    cursor = 0
    for i, line in enumerate(lines):
        if i in taken or not line.strip():
            continue
        found = body.find(line.rstrip(), cursor)
        if found < 0:
            break
        at[i] = found
        cursor = found + len(line.rstrip())
    kept = sorted(at)
    starts = []
    for first in page_lines:
        k = bisect.bisect_left(kept, first)
        starts.append(at[kept[k]] if k < len(kept) else len(body))
    return (0, *starts[1:]) if starts else ()


def _shown(value: str | date) -> str:
    return value.isoformat() if isinstance(value, date) else value


def read_date_line(line: str) -> date:
    """The date of a date line ("Tirana, 12 May 1962") or of a heading that ends in one, read as strictly as a
    header's date."""
    start, end, _ = find_full_dates(line)[-1]
    return read_date(line[start:end])


def _text(value) -> str | None:
    return str(value) if value not in (None, "") else None


def load(path: Path, text: str) -> SourceDocument:
    return parse(text, str(path))
