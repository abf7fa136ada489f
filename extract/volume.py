"""A publication volume's list of persons, as people the whole volume (and the graph) knows.

Each entry ("Beam, Jacob D., Ambassador to Czechoslovakia from August 1966") becomes a
person with the spellings a document may use (Jacob D. Beam, Jacob Beam, Beam) and the
posts its description states, dated where it says so. A post with no state represented
is the publisher's own state's ("Minister to Bulgaria" in the U.S. record). Entries
whose name is an authority person's are tied to that person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .authority import Authority
from .dates import MONTHS
from .facts import Mention, PersonFact, PostFact, Span
from .mentions import Gazetteer
from .posts import find_posts
from cwkg.loaders.source import VolumePerson
from .text import fold

PREFIX = "frus:"
# Words that may stand before a surname without being part of the name ("Secretary McNamara").
_TITLES = {"Secretary", "President", "Ambassador", "Minister", "Director", "General", "Admiral", "Senator", "Governor",
           "Mr", "Mrs", "Ms", "Dr", "Chairman", "Premier", "Chancellor", "Comrade", "Deputy", "Under", "Assistant", "Judge",
           "Congressman", "Representative", "Commissioner", "Counselor", "Consul", "Colonel", "Captain", "Lieutenant",
           "Professor", "Prime", "Foreign", "Vice", "Acting", "Postmaster", "Defense", "State", "Attorney", "The", "With",
           "And", "To", "By", "From", "Of", "Cc", "For", "Messrs", "Designate", "Intelligence", "Affairs", "Security",
           "Agency", "Staff", "Treasury", "Commerce", "Agriculture", "Justice", "Interior", "Labor", "Navy", "Army", "Force",
           "Forces", "Chiefs", "Embassy", "Mission", "Delegation", "Envoy", "Counsellor", "Senate", "House", "Office"}
_MONTH = r"(?:" + "|".join(m.capitalize() for m in MONTHS if len(m) > 3) + r")"
_PERIOD = re.compile(
    rf"(?:(?P<prep>from|to|until|after|since|in|as of)\s+)?(?P<m1>{_MONTH})?\s*(?P<y1>1[89]\d\d)?\s*(?:[–-]\s*(?P<m2>{_MONTH})?\s*(?P<y2>1[89]\d\d)?)?\s*$"
)


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
    covered = [(m.span.start, m.span.end) for m in taken if m.kind != "person"]
    out = []
    for m in pattern.finditer(fold(body)):
        keys = table[m.group(0)]
        if len(set(keys)) != 1 or any(s < m.end() and m.start() < e for s, e in covered):
            continue
        before = re.search(r"([A-Z][a-z]+)\s$", body[max(0, m.start() - 20):m.start()])
        inside_name = re.match(r"\s+[A-Z][a-z]", body[m.end():m.end() + 3]) or (before and before.group(1) not in _TITLES)
        if " " not in m.group(0) and inside_name:
            continue  # a surname inside a longer name ("Crawford Greenewalt") is someone else
        out.append(Mention(keys[0], "person", Span(m.start(), m.end(), body[m.start():m.end()]), "name",
                           paragraph_of(m.start()), "volume-persons"))
    return out


_SPAN = re.compile(
    rf"(?:,\s*|\s+)(?:(?P<prep>from|to|until|after|since)\s+)?(?:(?P<m1>{_MONTH})\s*)?(?P<y1>1[89]\d\d)?"
    rf"(?:\s*[–-]\s*(?:(?P<m2>{_MONTH})\s*)?(?P<y2>1[89]\d\d))?\s*$"
)


def _period(segment: str) -> tuple[str | None, str | None, str]:
    """Start and end (ISO year or year-month) from a trailing "from August 1966", "1964–1967", "June–September 1968"."""
    m = _SPAN.search(segment)
    if not m or not (m["y1"] or m["y2"]):
        return None, None, segment
    rest = segment[: m.start()]

    def iso(month: str | None, year: str | None) -> str | None:
        if not year:
            return None
        return f"{year}-{MONTHS[month.lower()]:02d}" if month else year

    if m["prep"] in ("from", "after", "since"):
        return iso(m["m1"], m["y1"]), None, rest
    if m["prep"] in ("to", "until"):
        return None, iso(m["m1"], m["y1"]), rest
    if m["y2"]:
        return iso(m["m1"], m["y1"] or m["y2"]), iso(m["m2"], m["y2"]), rest
    return iso(m["m1"], m["y1"]), iso(m["m1"], m["y1"]), rest


def volume_people(volume: str, people: tuple[VolumePerson, ...], authority: Authority, gazetteer: Gazetteer,
                  perspective: str | None, year: int | None, posts: bool = True) -> tuple[list[PersonFact], list[PostFact]]:
    """The volume's persons with their spellings, authority links and (unless `posts` is False) posts."""
    return _volume_people(volume, people, authority, gazetteer, perspective, year, posts)


@lru_cache(maxsize=8)
def _volume_people(volume: str, people: tuple[VolumePerson, ...], authority: Authority, gazetteer: Gazetteer,
                   perspective: str | None, year: int | None, with_posts: bool) -> tuple[list[PersonFact], list[PostFact]]:
    person_keys = authority.person_keys()
    persons: list[PersonFact] = []
    posts: list[PostFact] = []
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
        for segment in re.split(r";\s*", vp.description or ""):
            start, end, phrase = _period(segment.strip())
            if not phrase.strip():
                continue
            text = f"{vp.name}, {phrase.strip()}"
            mentions = gazetteer.find(text, year)
            holder = Mention(key, "person", Span(0, len(vp.name), vp.name), "name", 1, "volume-entry")
            found, _ = find_posts(text, authority, [holder, *mentions], [], year, key)
            found = [p for p in found if p.holder == key]
            if not found and (office := office_title(phrase)):
                # An office the role scheme does not list keeps its title; it serves the body it names, else the state.
                body = next((m.entity for m in mentions if m.kind in ("party", "organization", "state")), None)
                found = [PostFact(key, None, of=body or perspective, title=office)]
            for post in found:
                post.of = post.of or perspective
                post.start, post.end, post.rule = start, end, "volume-persons"
                post.title = post.title or office_title(phrase)
                posts.append(post)
    return persons, posts


_OFFICE = re.compile(r"^(?:also\s+|later\s+|then\s+|formerly\s+)?(?P<title>[A-Z][\w’'.-]*(?:[\s,]+(?:[A-Z][\w’'.-]*|of|the|for|and|on|to|in|at|de|du|la|des)){0,14})")


def office_title(phrase: str) -> str | None:
    """The office a volume's description names ("Secretary of the Treasury from April 1965" -> its title)."""
    m = _OFFICE.match(phrase.strip())
    if not m:
        return None
    title = re.sub(r"[\s,]+(?:of|the|for|and|on|to|in|at)$", "", m["title"].strip(" ,")).strip(" ,")
    return title if 1 <= len(title.split()) <= 15 and not re.fullmatch(r"[A-Z]\.?", title) else None
