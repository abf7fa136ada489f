"""The typed values passed between the stages of `cwkg ask`: a question read into a kind with slots, the
slots resolved to entities, and the answer. Each stage takes one of these and gives the next, so each can be
tested on its own."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cwkg.errors import CwkgError


@dataclass(frozen=True)
class DateWindow:
    """A day, a month, a year or a range of days, as the question gives it (`grain` says which)."""

    start: date
    end: date
    grain: str  # "day", "month", "year" or "range"

    def years(self) -> str:
        """The canned queries' year-range parameter that holds the window."""
        return str(self.start.year) if self.start.year == self.end.year else f"{self.start.year}-{self.end.year}"

    def holds(self, iso: str | None) -> bool:
        """Whether an ISO date (or a year, or a year-month) falls in the window; an undated row never does."""
        if not iso:
            return False
        text = iso[:10]
        lo, hi = self.start.isoformat()[:len(text)], self.end.isoformat()[:len(text)]
        return lo <= text <= hi


# --- the kinds of question, their slots still words -------------------------------------------------------------

@dataclass(frozen=True)
class Discussed:
    """Who discussed a subject, optionally as holders of a role, optionally at a meeting."""

    topic: str
    role: str | None = None  # a role word as asked ("ambassador", "minister"), singular
    window: DateWindow | None = None
    meeting: MeetingRef | None = None


@dataclass(frozen=True)
class MeetingRef:
    """A meeting as a question names it: by the body that held it, its kind, subject and place (the date is the
    question's window)."""

    body: str | None = None
    kind: str | None = None
    topic: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class TookPart:
    """Who took part in a meeting named by its body, kind, subject, place or date."""

    meeting: MeetingRef
    window: DateWindow | None = None


@dataclass(frozen=True)
class Contacts:
    """Whom a person met, visited, called on or wrote to (`how`: "met" or "wrote"), optionally about something."""

    person: str
    how: str  # "met" or "wrote"
    window: DateWindow | None = None
    about: str | None = None


@dataclass(frozen=True)
class Said:
    """Who said something: the claim in the question's words, the stance its verb gives (None for a plain "said")."""

    claim: str
    verb: str
    stance: str | None = None
    window: DateWindow | None = None
    role: str | None = None
    by_state: bool = False  # "representatives of which states ...": answer with the speakers' states


@dataclass(frozen=True)
class Named:
    """Which states, persons, parties or organisations a record named for something (`what`: the kind asked)."""

    what: str  # "state", "person", "party", "organization"
    claim: str
    window: DateWindow | None = None
    by: str | None = None  # who named them, when the question says


Question = Discussed | TookPart | Contacts | Said | Named
KINDS = ("who discussed a subject (as ambassadors, ministers ...) in a day, month, year or range",
         "who took part in a meeting named by its body, kind, subject, place or date",
         "whom a person met, visited, called on or wrote to, and when",
         "who said, warned, argued, proposed, recommended or complained something, in a time window",
         "which states, officials, parties or organisations were named for something")


# --- refusals ------------------------------------------------------------------------------------------------------

class Refusal(CwkgError):
    """A question cwkg will not answer rather than answer wrongly (exit code 2)."""


@dataclass
class Unreadable(Refusal):
    question: str
    nearest: list[str] = field(default_factory=list)  # canned queries that come nearest

    def __str__(self) -> str:
        return f"cannot read the question '{self.question}' as one of the kinds cwkg understands"


@dataclass
class Ambiguous(Refusal):
    phrase: str
    slot: str
    candidates: list[tuple[str, str]]  # (IRI, label)

    def __str__(self) -> str:
        shown = "; ".join(f"{label} <{iri}>" for iri, label in self.candidates[:8])
        return f"'{self.phrase}' ({self.slot}) names several entities: {shown}; ask again with one of these names"


@dataclass
class Unknown(Refusal):
    phrase: str
    slot: str

    def __str__(self) -> str:
        return f"'{self.phrase}' ({self.slot}) names nothing in the store"


# --- the answer ------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Ran:
    """One canned query as run: its name, parameters and SPARQL (for --show-query)."""

    query: str
    params: dict[str, str]
    sparql: str


@dataclass(frozen=True)
class Entry:
    """One name of the answer with what it rests on."""

    name: str
    entity: str
    names: tuple[str, ...] = ()  # every label of the entity (aliases), for matching
    quote: str | None = None
    meeting: str | None = None  # a description: kind, date, place
    date: str | None = None
    document: str | None = None
    title: str | None = None
    score: float | None = None


@dataclass
class Answer:
    question: str
    kind: str
    reading: Question
    entries: list[Entry]
    ran: list[Ran]
    note: str = ""
    caveat: str = ""  # how the answer falls short of the usual (ranked without the claim index, say)

    @property
    def names(self) -> list[str]:
        return [e.name for e in self.entries]
