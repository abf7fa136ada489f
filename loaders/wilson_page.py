"""The Wilson Center Digital Archive document page, from its visible text.

A page shows the site's chrome, the document date, a "Citation" panel (the editors'
description and a citation line whose quoted part is the title), tabs naming the
language and format of the transcript, then the transcript itself. Both the copied
page text and the HTML (linearised by `wilson_html`) are read here, so the two formats
cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cwkg.lang.kinds import document_kind
from cwkg.lang.dates import MONTH_DAY_YEAR, parse_date
from .source import SUMMARY, Citation, Note, SourceDocument, content_id

PUBLISHER_MARK = "Digital Archive"
# Interface labels of the page: a line made only of these words is chrome, not content.
CHROME_WORDS = {
    "search", "in", "citation", "get", "share", "document", "download", "print",
    "html", "pdf", "transcript", "translation", "original", "scan", "english", "russian",
    "chinese", "korean", "german", "czech", "polish", "hungarian", "romanian", "bulgarian",
    "french", "spanish", "italian", "mongolian", "vietnamese", "albanian", "serbo-croatian",
    "japanese", "arabic", "•", "-", "menu", "close", "copy",
}
_CITATION = re.compile(r'^[“"](?P<title>.+?)[,.]?[”"]\s*,?\s*(?P<rest>.*)$', re.S)
_TRANSLATED = re.compile(
    r"\.?\s*(?:Obtained and )?[Tt]ranslated(?: for (?P<for>[^.]+?))?(?: by (?P<by>.+?))?\.?\s*$"
)


@dataclass(frozen=True)
class _CitationRules:
    """What `ontology/archive-citations.tsv` says of the parts of a citation, read once when first needed."""

    reference: re.Pattern[str]
    archive_continues: re.Pattern[str]
    abbreviated: tuple[tuple[re.Pattern[str], str], ...]
    states: tuple[tuple[re.Pattern[str], str], ...]  # an archive's name or abbreviation -> the state whose records it holds


@lru_cache(maxsize=1)
def _citation_rules() -> _CitationRules:
    from cwkg import ontology

    rows = [line.split("\t") for line in ontology.data_file("archive-citations.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    alternation = lambda part: re.compile("|".join(f"(?:{row[1]})" for row in rows if row[0] == part), re.I)
    return _CitationRules(alternation("reference"), alternation("archive-continues"),
                          tuple((re.compile(rf"^{re.escape(row[1])}\s+(?=\S*\d)"), row[2]) for row in rows if row[0] == "abbreviation"),
                          tuple((re.compile(row[1]), row[2]) for row in rows if row[0] == "archive-state"))


def archive_state(archive: str | None) -> str | None:
    """The state whose records the cited archive holds (as the authority data names it), if the table knows it:
    the record is that state's, and names others as that state did."""
    return next((state for pattern, state in _citation_rules().states if archive and pattern.search(archive)), None)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def split_lines(page: str) -> list[Line]:
    """Non-empty lines with their offsets, bullets and indentation stripped."""
    lines = []
    for m in re.finditer(r"[^\n]+", page):
        raw = m.group(0)
        stripped = raw.strip().lstrip("•·*").strip()
        if stripped:
            lead = raw.find(stripped)
            lines.append(Line(m.start() + lead, m.start() + lead + len(stripped), stripped))
    return lines


def is_chrome(text: str) -> bool:
    words = text.lower().split()
    return 0 < len(words) <= 4 and all(w in CHROME_WORDS for w in words)


def looks_like_page(text: str) -> bool:
    """True when the text has a Wilson citation line (quoted title, then date)."""
    return PUBLISHER_MARK in text and any(_citation_match(line.text) for line in split_lines(text))


def _citation_match(text: str) -> re.Match[str] | None:
    m = _CITATION.match(text)
    if m and MONTH_DAY_YEAR.match(m["rest"]) and PUBLISHER_MARK in m["rest"]:
        return m
    return None


def parse_citation(text: str) -> tuple[str, Citation]:
    """Split a citation line into the title and its archival parts."""
    m = _citation_match(text)
    if not m:
        return "", Citation(text=text)
    title = m["title"].strip().rstrip(",")
    rest = m["rest"]
    date_m = MONTH_DAY_YEAR.match(rest)
    rest = rest[date_m.end():].lstrip(" ,") if date_m else rest
    translator = translated_for = None
    tm = _TRANSLATED.search(rest)
    if tm and (tm["for"] or tm["by"]):
        translator = tm["by"].strip() if tm["by"] else None
        translated_for = tm["for"].strip() if tm["for"] else None
        rest = rest[: tm.start()]
    parts = [p.strip() for p in rest.rstrip(". ").split(",") if p.strip()]
    publisher = None
    for i, part in enumerate(parts):
        if PUBLISHER_MARK in part:
            publisher = ", ".join(parts[: i + 1])
            parts = parts[i + 1 :]
            break
    archive = parts.pop(0) if parts else None
    rules = _citation_rules()
    while archive and parts and rules.archive_continues.search(parts[0]):
        archive += ", " + parts.pop(0)  # "Archive of the Ministry of Foreign Affairs, Republic of Hungary"
    refs: list[str] = []
    for pattern, name in rules.abbreviated:
        if archive and (m := pattern.match(archive)):
            archive, refs = name, [archive[m.end():]]  # "PRC FMA 109-01234-05": the archive, then its file number
            break
    trailing: list[str] = []
    while parts and rules.reference.search(parts[-1]) and len(parts[-1].split()) <= 3:
        trailing.insert(0, parts.pop())
    refs += trailing
    return title, Citation(
        text=text,
        publisher=publisher,
        archive=archive,
        collection=", ".join(parts) or None,
        archive_reference=", ".join(refs) or None,
        translator=translator,
        translated_for=translated_for,
    )


def parse_page(page: str, source: str, fmt: str) -> SourceDocument:
    """Read the page's visible text into a source document; body offsets index `body`."""
    lines = split_lines(page)
    cite_at = next((i for i, line in enumerate(lines) if _citation_match(line.text)), None)
    if cite_at is None:
        raise ValueError("no Wilson Center citation line (a quoted title followed by a date)")
    title, citation = parse_citation(lines[cite_at].text)
    page_date = next((d for line in lines[:cite_at] if (d := _whole_date(line.text))), None)
    # The editors' description sits in the citation panel, after its last label.
    panel = max((i for i in range(cite_at) if is_chrome(lines[i].text)), default=-1)
    description_lines = [line.text for line in lines[panel + 1 : cite_at] if not _whole_date(line.text)]
    body_at = cite_at + 1
    while body_at < len(lines) and is_chrome(lines[body_at].text):
        body_at += 1
    if sum(len(line.text.split()) for line in lines[body_at:]) >= MIN_WORDS:
        body = page[lines[body_at].start :].rstrip()
    else:
        body = _transcript_before(page, lines, cite_at)
    if not body.strip():
        raise ValueError("the transcript is empty")
    doc_date = page_date or parse_date(rest_of(lines[cite_at].text))
    url = _ADDRESS.search(page)
    # One page, one document: its address if the copy keeps it, else its citation and its words (white space
    # folded), so the copied text and the saved HTML of a page are the same document.
    identity = ("url", url.group(0).rstrip("/.")) if url else ("text", title, str(doc_date), " ".join(body.split()))
    description = " ".join(description_lines) or None
    return SourceDocument(
        doc_id=content_id("wilson", *identity),
        url=url.group(0).rstrip("/.") if url else None,
        source=source,
        format=fmt,
        title=title,
        body=body,
        date=doc_date,
        description=description,
        citation=citation,
        kind=document_kind(title),
        notes=(Note(SUMMARY, description),) if description else (),  # the editors' summary, read as text too
        perspective=archive_state(citation.archive),
    )


_ADDRESS = re.compile(r"https?://digitalarchive\.wilsoncenter\.org/document/[\w-]+")
MIN_WORDS = 40  # fewer words after the citation panel than this: the transcript is elsewhere


def _transcript_before(page: str, lines: list[Line], cite_at: int) -> str:
    """Layouts that put the transcript first: from after the page date to the citation panel's first label."""
    date_at = next((i for i, line in enumerate(lines[:cite_at]) if _whole_date(line.text)), -1)
    start = date_at + 1
    while start < cite_at and (is_chrome(lines[start].text) or len(lines[start].text.split()) < 3):
        start += 1
    end = next((i for i in range(start, cite_at) if is_chrome(lines[i].text)), cite_at)
    if start >= end or sum(len(line.text.split()) for line in lines[start:end]) < MIN_WORDS:
        raise ValueError("the page has a citation but no transcript")
    return page[lines[start].start : lines[end - 1].end]


def rest_of(citation_line: str) -> str:
    m = _CITATION.match(citation_line)
    return m["rest"] if m else citation_line


def _whole_date(text: str):
    d = parse_date(text)
    return d if d and len(text) <= 20 else None
