"""Who held an office on a day, from the office holders the Office of the Historian records.

`ontology/authority/office-holders.tsv.gz` is built from the FRUS people database by
`python -m cwkg.ontology.build_office_holders` (see there for how remarks are read). A
holding the remark dates outweighs one that only falls in the years of the volume that
printed it; a title names a holder only when exactly one person held it that day.
"""

from __future__ import annotations

import gzip
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from cwkg.lang.text import fold
from cwkg.ontology.vocab import ID

STATES = ID + "state/"


@lru_cache(maxsize=4096)
def title_key(title: str) -> str:
    """A title as offices are compared: "the President's Special Assistant" is the "Special Assistant to the
    President", "Director, U.S. Information Agency" the "Director of the United States Information Agency"."""
    text = fold(title).lower().strip(" ,.;")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"^(\w+)['’]s\s+(.+)$", r"\2 to the \1", text)
    text = re.sub(r"\bu\.\s?s\.(?=\s|$)", "united states", text)
    text = re.sub(r"\s*,\s*", " of ", text)
    text = re.sub(r"\bthe\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True, slots=True)
class Holding:
    start: str
    end: str
    dated: bool
    person: str

    def covers(self, day: str) -> bool:
        return self.start <= day[:len(self.start)] and day[:len(self.end)] <= self.end


@dataclass(frozen=True, slots=True)
class Holder:
    """A person of the people database: its key (`hsg:ID`), name, and entries in FRUS volumes' lists (volume:id)."""

    key: str
    name: str
    entries: tuple[str, ...]
    spellings: tuple[str, ...] = ()

    def entry_in(self, volume: str | None) -> str | None:
        """The person's id in a volume's list of persons, if it lists them."""
        return next((e.split(":", 1)[1] for e in self.entries if volume and e.split(":", 1)[0] == volume), None)


class OfficeHolders:
    """The table held by every extracting process, so kept small: instances without a `__dict__`, and each of the
    keys, states, dates and persons that recur across its 95,000 holdings stored once (interned)."""

    def __init__(self, lines: list[str]) -> None:
        self.by_office: dict[tuple[str, str], list[Holding]] = defaultdict(list)
        self.people: dict[str, Holder] = {}
        self.by_entry: dict[str, str] = {}  # "volume:id" of a list of persons -> person
        self.offices_of: dict[str, list[tuple[str, str, Holding]]] = defaultdict(list)  # person -> (title key, state, holding)
        for line in lines:
            kind, *cells = line.rstrip("\n").split("\t")
            if kind == "O":
                key, state, start, end, dated, person = map(sys.intern, cells)
                holding = Holding(start, end, dated == "1", person)
                self.by_office[(key, state)].append(holding)
                self.offices_of[person].append((key, state, holding))
            elif kind == "P":
                person, name, entries, spellings = cells
                person, listed = sys.intern(person), tuple(dict.fromkeys(entries.split()))
                self.people[person] = Holder(person, name, listed, tuple(dict.fromkeys(filter(None, spellings.split("|")))))
                for entry in listed:
                    self.by_entry[entry] = person

    def holder(self, title: str, day: date | None, state: str | None) -> Holder | None:
        """The person who held the office of `state` on `day`: among the holdings the remarks date, the person most
        of them name (offices held by one person at a time are dated for their holder by volume after volume, while a
        predecessor's open-ended "from 1964" is a single stray); only then the undated ones. A tie names no one."""
        if day is None or state is None:
            return None
        holdings = self.by_office.get((title_key(title), state.removeprefix(STATES)), [])
        iso = day.isoformat()
        for dated in (True, False):
            votes = Counter(h.person for h in holdings if h.dated == dated and h.covers(iso))
            if votes:
                (first, n), *rest = votes.most_common(2)
                return self.people.get(first) if not rest or n > rest[0][1] else None
        return None


    def period(self, volume: str, entry: str, title: str) -> tuple[str, str] | None:
        """When the person a volume lists held the office its entry names without dates: from the first to the last
        year the database places it (its dated holdings and the years of the volumes that print it undated), so an
        office held years before the record is not taken as held then."""
        person = self.by_entry.get(f"{volume}:{entry}")
        key = title_key(title)
        held = [h for k, _, h in self.offices_of.get(person, []) if k == key]
        return (min(h.start for h in held), max(h.end for h in held)) if held else None


@lru_cache(maxsize=1)
def office_holders() -> OfficeHolders:
    path = resources.files("cwkg.ontology") / "authority" / "office-holders.tsv.gz"
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as f:
        return OfficeHolders([line for line in f if not line.startswith("#")])
