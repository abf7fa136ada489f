"""A publication volume's list of persons, as people the whole volume (and the graph) knows.

Each entry ("Beam, Jacob D., Ambassador to Czechoslovakia from August 1966") becomes a
person with the spellings a document may use (Jacob D. Beam, Jacob Beam, Beam) and the
posts its description states, dated where it says so. A post with no state represented
is the publisher's own state's ("Minister to Bulgaria" in the U.S. record). Entries
whose name is an authority person's are tied to that person.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from cwkg.lang import title_words
from .authority import Authority
from cwkg.lang.dates import trailing_period
from cwkg.records.facts import Mention, PersonFact, PostFact, Span
from .mentions import Gazetteer
from .office_holders import office_holders
from .posts import find_posts
from cwkg.lang.spans import Taken
from .titles import career, office_post, office_title
from cwkg.loaders.source import VolumePerson
from cwkg.lang.text import fold

PREFIX = "frus:"
# Words that may stand before a surname without being part of the name ("Secretary Smith"): title words, and the
# words of headings and of the bodies an office is of.
_TITLES = title_words.words(*title_words.ALL) | {
    "The", "With", "And", "To", "By", "From", "Of", "Cc", "For", "Designate", "Agency", "Staff", "Navy", "Army", "Force",
    "Forces", "Chiefs", "Embassy", "Mission", "Delegation", "Senate", "House", "Office"}


def person_key(volume: str, pid: str) -> str:
    return f"{PREFIX}{volume}:{pid}"


def aliases(p: VolumePerson) -> list[str]:
    """How a document may name the person: full name, without middle initials, surname."""
    names = [p.name]
    tokens = p.name.split()
    plain = [t for t in tokens if not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.|III?", t)]
    if len(plain) >= 2:
        names.append(" ".join(plain))
    surname = p.sort_name.split(",")[0].strip()
    if len(surname) >= 4:
        names.append(surname)
        if "-" in surname and len(surname.split("-")[0]) >= 4:
            names.append(surname.split("-")[0])
    return list(dict.fromkeys(n for n in names if n))


@lru_cache(maxsize=16)
def _matcher(volume: str, people: tuple[VolumePerson, ...]) -> tuple[re.Pattern[str] | None, dict[str, list[str]]]:
    table: dict[str, list[str]] = {}
    for p in people:
        for a in aliases(p):
            table.setdefault(fold(a), []).append(person_key(volume, p.id))
    if not table:
        return None, table
    alternation = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])"), table


def find_volume_persons(body: str, volume: str, people: tuple[VolumePerson, ...], taken: list[Mention],
                        paragraph_of) -> list[Mention]:
    """Mentions of the volume's persons by any of their spellings; a surname two persons share is skipped."""
    pattern, table = _matcher(volume, people)
    if pattern is None:
        return []
    # Looked up (`spans.Taken`), not read whole for each name found: a page of one name repeated stays linear.
    covered = Taken(((m.span.start, m.span.end) for m in taken if m.kind != "person"), len(body))
    out = []
    for m in pattern.finditer(fold(body)):
        keys = table[m.group(0)]
        if len(set(keys)) != 1 or covered.overlaps(m.start(), m.end()):
            continue
        before = re.search(r"([A-Z][a-z]+)\s$", body[max(0, m.start() - 20):m.start()])
        inside_name = re.match(r"\s+[A-Z][a-z]", body[m.end():m.end() + 3]) or (before and before.group(1) not in _TITLES)
        if " " not in m.group(0) and inside_name:
            continue  # a surname inside a longer name ("Crawford Greenewalt") is someone else
        out.append(Mention(keys[0], "person", Span(m.start(), m.end(), body[m.start():m.end()]), "name",
                           paragraph_of(m.start()), "volume-persons"))
    return out


def volume_people(volume: str, people: tuple[VolumePerson, ...], authority: Authority, gazetteer: Gazetteer,
                  perspective: str | None, year: int | None, posts: bool = True) -> tuple[list[PersonFact], list[PostFact]]:
    """The volume's persons with their spellings, authority links and (unless `posts` is False) posts."""
    return _volume_people(volume, people, authority, gazetteer, perspective, year, posts)


@lru_cache(maxsize=8)
def _volume_people(volume: str, people: tuple[VolumePerson, ...], authority: Authority, gazetteer: Gazetteer,
                   perspective: str | None, year: int | None, with_posts: bool) -> tuple[list[PersonFact], list[PostFact]]:
    person_keys = authority.person_keys()
    holders = office_holders()
    persons: list[PersonFact] = []
    posts: list[PostFact] = []
    # The whole list is the context of each entry: "German" in one entry is the Germany the others name.
    context = Counter(m.entity for m in gazetteer.find("\n".join(vp.description or "" for vp in people), year, side=perspective)) if with_posts else None
    for vp in people:
        if not with_posts:
            key = person_key(volume, vp.id)
            same = person_keys.get(authority.name_key(vp.name)) or person_keys.get(authority.name_key(" ".join(aliases(vp)[1:2]) or vp.name))
            persons.append(PersonFact(key=key, label=vp.name, aliases=set(aliases(vp)) | {vp.sort_name}, description=vp.description, same_as=same))
            continue
        key = person_key(volume, vp.id)
        same = person_keys.get(authority.name_key(vp.name)) or person_keys.get(authority.name_key(" ".join(aliases(vp)[1:2]) or vp.name))
        persons.append(PersonFact(key=key, label=vp.name, aliases=set(aliases(vp)) | {vp.sort_name}, description=vp.description,
                                  same_as=same))
        entry: list[PostFact] = []
        defaulted: set[int] = set()
        for phrase, start, end in career(vp.description or ""):
            text = f"{vp.name}, {phrase}"
            mentions = gazetteer.find(text, year, context, perspective)
            holder = Mention(key, "person", Span(0, len(vp.name), vp.name), "name", 1, "volume-entry")
            found, _ = find_posts(text, authority, [holder, *mentions], [], year, key)
            found = [p for p in found if p.holder == key]
            if not found and (office := office_post(key, text, len(vp.name) + 2, mentions)):
                found = [office]
            for post in found:
                if post.of is None:
                    defaulted.add(len(entry))
                post.title = post.title or office_title(phrase)
                if start is None and end is None and post.title:
                    start, end = holders.period(volume, vp.id, post.title) or (None, None)
                post.start, post.end, post.rule = start, end, "volume-persons"
                entry.append(post)
        # An office that names no state serves the state the entry's other offices serve, else the publisher's.
        served = next((_state_of(p.of, authority) for i, p in enumerate(entry) if i not in defaulted and _state_of(p.of, authority)), None)
        for i, post in enumerate(entry):
            if i in defaulted:
                post.of = served or perspective
        posts += entry
    return persons, posts


def _state_of(body: str | None, authority: Authority) -> str | None:
    """The state a body is or belongs to: a state itself, or the state a party rules."""
    if body is None or body not in authority.entities:
        return None
    if authority.entities[body].kind == "state":
        return body
    ruled = authority.ruling.get(body, ())
    return ruled[0] if len(ruled) == 1 else None
