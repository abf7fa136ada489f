"""What extraction finds in one document, as plain data the RDF mapping turns into triples.

Entities are referred to by their authority IRI; people the authority does not know are
referred to by a `PersonFact.key` and minted by the mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cwkg.loaders.source import SourceDocument


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One reference to an entity; `entity` is an IRI or a person key."""

    entity: str
    kind: str
    span: Span
    form: str
    paragraph: int
    rule: str


@dataclass
class PersonFact:
    key: str
    label: str
    aliases: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    authority_iri: str | None = None
    unnamed: bool = False
    description: str | None = None
    same_as: str | None = None  # the authority person a volume's person is
    external: bool = False  # defined in another graph (a volume's persons): only new spellings go here

    @property
    def ref(self) -> str:
        return self.authority_iri or self.key


@dataclass
class EntityFact:
    """An organisation or event the authority data does not list, found by the shape of its name: its key (the
    mapping mints its IRI), kind ("organization" or "event"), preferred label, every other spelling, and the state,
    party or body it belongs to (an organ's owner; a congress's or plenum's party), the states an event involves
    and a congress's ordinal."""

    key: str
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    owner: str | None = None
    involves: tuple[str, ...] = ()
    ordinal: int | None = None


@dataclass
class PostFact:
    holder: str
    role: str | None  # a role of cwkg's scheme; None for an office known only by its title
    of: str | None = None
    to: str | None = None
    city: str | None = None
    span: Span | None = None
    rule: str = ""
    confidence: float = 1.0
    start: str | None = None  # ISO 8601 date, year-month or year
    end: str | None = None
    title: str | None = None  # the office as the source words it ("Secretary of the Treasury")


@dataclass(frozen=True)
class Participation:
    """A participant as the participants list gives them: their delegation and how they are described."""

    person: str
    delegation: str | None
    description: str | None
    office: str | None = None  # the office the list names them by ("The Deputy Secretary of Defense")
    served_as: str | None = None  # present to serve the meeting, not to take part in its talks: "interpreter", "recorder"


@dataclass
class MeetingFact:
    kind: str | None
    date: date | None
    place: str | None
    duration: str | None
    host: str | None
    participants: list[str]
    span: Span
    rules: list[str] = field(default_factory=list)
    listed: list[Participation] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)  # entities the SUBJECT line names
    reported: bool = False  # told of in passing ("the May 12 meeting of the Council"): no words of the record are from it


def meeting_at(meetings: list[MeetingFact], offset: int) -> MeetingFact | None:
    """The meeting whose part of the text holds the offset: the last one told of before it, else the record's first."""
    meetings = [m for m in meetings if not m.reported]
    before = [m for m in meetings if m.span.start <= offset]
    return before[-1] if before else (meetings[0] if meetings else None)


@dataclass
class PositionFact:
    """A stated position: who said it (and who relayed it), about what, how, and where it is written."""

    speaker: str
    stance: str  # the stance's label in the scheme ("advocates"); the mapping makes its IRI
    span: Span
    about: list[str]
    topics: list[str]
    rule: str
    confidence: float
    on_behalf_of: str | None = None
    reported_by: str | None = None
    relayed_by: list[str] = field(default_factory=list)
    verb: str | None = None  # the reporting expression as written ("warned", "it was suggested")
    stance_why: str | None = None  # what gave the stance: the verb, a cue in the clause, or nothing


@dataclass(frozen=True)
class TurnFact:
    """A speaker turn of the record: its label ("BREZHNEV.", "K:") and where it holds the floor."""

    label: str
    start: int
    end: int
    speaker: str


@dataclass(frozen=True)
class VoiceFact:
    """Whose record it is: its author and why, to whom it is written, whose words it holds where no cue says
    otherwise, and the speaker turns it is laid out in. `cwkg explain` prints it."""

    author: str | None
    author_why: str | None
    addressee: str | None
    default_speaker: str | None  # the author, for a letter, telegram or diary; None where the record reports others
    turns: tuple[TurnFact, ...] = ()


@dataclass
class DocumentFacts:
    document: SourceDocument
    persons: list[PersonFact]
    posts: list[PostFact]
    meetings: list[MeetingFact]
    mentions: list[Mention]
    positions: list[PositionFact] = field(default_factory=list)
    author: str | None = None
    translator: str | None = None
    translated_for: str | None = None
    written_at: str | None = None
    voice: VoiceFact | None = None
    entities: list[EntityFact] = field(default_factory=list)  # organisations and events the authority does not list
