"""The source document every loader produces and every extractor reads."""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field, replace
from datetime import date


@dataclass(frozen=True)
class Citation:
    """The parts of a publisher's citation line; any may be missing."""

    text: str | None = None
    publisher: str | None = None
    archive: str | None = None
    collection: str | None = None
    archive_reference: str | None = None
    translator: str | None = None
    translated_for: str | None = None


@dataclass(frozen=True)
class Marked:
    """A span the publisher marked up (a TEI persName, placeName, date or term), offsets into the body."""

    start: int
    end: int
    kind: str  # "person", "place", "date", "term"
    ref: str | None
    text: str


@dataclass(frozen=True)
class ListedParticipant:
    """One line of a memorandum's participants list, as the publisher gives it."""

    name: str
    description: str | None = None
    delegation: str | None = None
    ref: str | None = None


@dataclass(frozen=True)
class VolumePerson:
    """An entry of a volume's list of persons: "Anderson, H. Eugenie, Minister to Bulgaria to December 1964"."""

    id: str
    name: str
    sort_name: str
    description: str | None = None


FOOTNOTE, SOURCE_NOTE, SUMMARY = "footnote", "source note", "summary"
NOTE_KINDS = (FOOTNOTE, SOURCE_NOTE, SUMMARY)


@dataclass(frozen=True)
class Note:
    """Words the publisher prints apart from the body: a footnote, the source note, the page's summary.

    They are text like the body, so they follow it in `SourceDocument.text`, each at [start, end) there, and the
    body's own offsets do not move. `anchor` is where in the body a footnote is referenced (its mark)."""

    kind: str  # one of NOTE_KINDS
    text: str
    label: str | None = None  # the footnote's number
    anchor: int | None = None
    start: int = 0
    end: int = 0
    marked: tuple[Marked, ...] = ()  # what the publisher marked up in the note, offsets into the note's own text

    @property
    def heading(self) -> str:
        """The line that introduces the note in the text, in lower case so no finder reads it as a name."""
        return f"[{self.kind}{' ' + self.label if self.label else ''}]"


NOTES_RULE = "\n\n\n[notes]\n\n"  # between the body and its notes: what follows is not the body


def place_notes(body: str, notes: tuple[Note, ...]) -> tuple[str, tuple[Note, ...]]:
    """The document's text (the body, then each note under its heading) and the notes with their offsets in it."""
    notes = tuple(n for n in notes if n.text.strip())
    if not notes:
        return body, ()
    parts = [body, NOTES_RULE]
    length = len(body) + len(NOTES_RULE)
    placed = []
    for i, note in enumerate(notes):
        lead = ("\n\n" if i else "") + note.heading + "\n\n"
        text = note.text.strip()
        cut = len(note.text) - len(note.text.lstrip())
        marked = tuple(replace(m, start=m.start - cut, end=m.end - cut) for m in note.marked) if cut else note.marked
        parts += [lead, text]
        placed.append(replace(note, text=text, start=length + len(lead), end=length + len(lead) + len(text), marked=marked))
        length += len(lead) + len(text)
    return "".join(parts), tuple(placed)


@dataclass(frozen=True)
class SourceDocument:
    """A record as its publisher presents it. `body` is the record itself; `text` is the body followed by its
    notes, and is what every offset refers to (an offset in the body is the same in both)."""

    doc_id: str
    source: str
    format: str
    title: str
    body: str
    date: date | None = None
    description: str | None = None
    citation: Citation = field(default_factory=Citation)
    language: str = "en"
    kind: str = "memorandum"
    url: str | None = None
    # What a publisher's markup gives (FRUS TEI); empty for plain pages.
    number: str | None = None
    classification: str | None = None
    source_note: str | None = None
    dateline_place: str | None = None
    dateline_date: date | None = None  # the date the dateline itself gives, if it gives one
    date_time: tuple[str, str] | None = None  # earliest and latest moment the document may date from
    subjects: tuple[str, ...] = ()
    participants: tuple[ListedParticipant, ...] = ()
    marked: tuple[Marked, ...] = ()
    volume: str | None = None
    people: tuple[VolumePerson, ...] = ()  # the volume's list of persons
    perspective: str | None = None  # whose record this is, by name ("United States" for FRUS)
    notes: tuple[Note, ...] = ()  # footnotes, the source note, the page's summary: placed after the body in `text`
    # Where each printed page begins in the body (the first is 0), for a record read from pages (a PDF); empty when
    # the source has no fixed pages. Evidence names its page from these.
    page_starts: tuple[int, ...] = ()
    author: str | None = None  # the author the record's metadata names (a sidecar or catalogue), as written
    terms: tuple[tuple[str, str], ...] = ()  # the volume's list of abbreviations: (abbreviation, what it stands for)
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        text, notes = place_notes(self.body, self.notes)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "notes", notes)

    def page_at(self, offset: int) -> int | None:
        """The printed page (from 1) an offset of the body lies on; None without pages, or in the notes."""
        if not self.page_starts or offset >= len(self.body):
            return None
        return bisect.bisect_right(self.page_starts, offset) or None

    def note_at(self, offset: int) -> Note | None:
        """The note an offset of `text` lies in, if it is not in the body."""
        if offset < len(self.body):
            return None
        return next((n for n in self.notes if n.start <= offset < n.end), None)


@dataclass(frozen=True)
class VolumeRecord:
    """What a publication volume says once for all its documents: its persons and its abbreviations."""

    volume: str
    title: str
    source: str
    persons: tuple[VolumePerson, ...]
    terms: tuple[tuple[str, str], ...]


def content_id(prefix: str, *parts: str) -> str:
    """A stable id from the content, so a document loaded twice keeps its id."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}-{digest}"


@dataclass(frozen=True)
class DatedNote:
    date: str | None
    note: str | None


@dataclass(frozen=True)
class ChiefOfMission:
    """One appointment in POCOM: who, with which title, to which territory, when."""

    id: str
    person: str
    role: str
    territory: str | None
    appointed: DatedNote
    arrived: DatedNote
    started: DatedNote
    ended: DatedNote
    note: str | None = None


@dataclass(frozen=True)
class MissionRecord:
    """A POCOM mission file: a country (or an international organization) and its chiefs of mission."""

    id: str
    kind: str  # "country" or "organization"
    title: str | None
    chiefs: tuple[ChiefOfMission, ...]
    source: str


@dataclass(frozen=True)
class AuthorityPersonRecord:
    """A person from a name authority (POCOM people, the FRUS people database)."""

    dataset: str  # "pocom" or "hsg"
    id: str
    name: str
    variants: tuple[str, ...] = ()
    birth: str | None = None
    death: str | None = None
    career: str | None = None
    viaf: str | None = None
    remarks: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()  # references to the person elsewhere (FRUS volume persons, POCOM ids)
    volumes: tuple[str, ...] = ()
    source: str = ""
