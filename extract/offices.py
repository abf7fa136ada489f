"""Who held an office on a day: "the Deputy Secretary of Defense" or "the President" as a person.

Records often name people by office alone, in the text ("The Vice President added ...") and
in lists of those present ("The Under Secretary of State, Chairman"). The holders come from
the posts cwkg knows: a volume's list of persons (with their titles and periods) and the
authority data. A title names a holder only when exactly one person held it that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING
from datetime import date

from .authority import Authority
from .facts import Mention, PostFact, Span
from .spans import Taken
from .text import fold

if TYPE_CHECKING:
    from .office_holders import Holder, OfficeHolders

# "the" and an office of capitalised words: "the Vice President", "the Secretary of the Treasury".
_TITLE = re.compile(r"(?<![\w])[Tt]he\s+(?P<title>(?:[A-Z][a-z]+\.?)(?:\s+(?:of|for|to|the|on|and|[A-Z][a-z]+)){0,7})")


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


def _headings_in_title_case(body: str) -> str:
    """The body with its capitalised headings ("THE SECRETARY’S POLICY PLANNING MEETING") in title case, offsets kept,
    so an office a heading names is read as one the text names."""
    def title_case(m: re.Match[str]) -> str:
        return re.sub(r"(?<![\w’'])(\w)", lambda c: c.group(1).upper(), m.group(0).lower())

    return re.sub(r"(?m)^(?=[^\n]*[A-Z]{2})[^a-z\n]*\b[A-Z]{2,}(?:[^a-z\n]*\s[^a-z\n]*){2,}$", title_case, body)


def _in_force(start: str | None, end: str | None, day: date | None) -> bool:
    if day is None:
        return True
    iso = day.isoformat()
    return (start is None or iso[:len(start)] >= start) and (end is None or iso[:len(end)] <= end)


@dataclass(frozen=True)
class Office:
    holder: str
    start: str | None
    end: str | None
    of: str | None


class Offices:
    """The offices a record may name alone, and their holders: the record's own lists, the authority data, and the
    office holders of the people database (`holders`), as the volume's own entry for that person where it has one."""

    def __init__(self, posts: list[PostFact], authority: Authority, holders: OfficeHolders | None = None,
                 volume: str | None = None) -> None:
        self.authority = authority
        self.holders = holders
        self.volume = volume
        self.outside: dict[str, Holder] = {}  # holders found in the people database, by key
        self.posts = posts
        self.by_title: dict[str, list[Office]] = {}
        labels = {r.iri: r.labels for r in authority.roles}
        for p in posts:
            for title in {t for t in ([p.title] if p.title else []) + list(labels.get(p.role or "", ())) if t}:
                self.by_title.setdefault(title_key(title), []).append(Office(p.holder, p.start, p.end, p.of))

    def serving(self, person: str, day: date | None) -> str | None:
        """Where the record's lists place a person that day: "abroad" (a post accredited to another state), "home"
        (any other post in force), or None (no post in force)."""
        held = [p for p in self.posts if p.holder == person and (p.start or p.end) and _in_force(p.start, p.end, day)]
        held += [p for p in self.posts if p.holder == person and not (p.start or p.end)]
        if any(p.to or p.city for p in held):
            return "abroad"
        return "home" if held else None

    def holder(self, title: str, day: date | None, state: str | None = None) -> str | None:
        """The one person who held the office that day: from the record's own lists first, else the authority."""
        found = {o.holder for o in self.by_title.get(title_key(title), []) if _in_force(o.start, o.end, day)
                 and (state is None or o.of in (None, state))}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
        known = self.authority.office_holder(title, state, day.year if day else None)
        if known or self.holders is None:
            return known
        holder = self.holders.holder(title, day, state)
        if holder is None and len(title.split()) == 1 and (full := self.authority.full_title(title, state)):
            holder = self.holders.holder(full, day, state)  # "the Secretary" in 1971: that year's Secretary of State
        if holder is None:
            return None
        if entry := holder.entry_in(self.volume):
            return f"frus:{self.volume}:{entry}"
        if same := self.authority.person_keys().get(self.authority.name_key(holder.name)):
            return same
        self.outside[holder.key] = holder
        return holder.key

    def mentions(self, body: str, taken: list[Mention], day: date | None, state: str | None, paragraph_of) -> list[Mention]:
        """Offices named in the text whose holder that day is known, as mentions of that person."""
        covered = Taken(((m.span.start, m.span.end) for m in taken), len(body))  # looked up, not read for each title
        out: list[Mention] = []
        for m in _TITLE.finditer(_headings_in_title_case(body)):
            words = m["title"].split()
            for n in range(len(words), 0, -1):  # the longest office the words name
                title = " ".join(words[:n])
                if words[n - 1] in ("of", "for", "to", "the", "on", "and"):
                    continue
                if n < len(words) and words[n] in ("of", "for", "to", "on"):
                    continue  # "the Secretary of the Department of Defense" is not "the Secretary"
                start = m.start("title")
                end = start + len(title)
                if covered.overlaps(start, end):
                    break
                if re.match(r"\s+[A-Z][a-z]", body[end:end + 3]):
                    break  # "the President Doe": the name is the mention
                holder = self.holder(title, day, state)
                if holder:
                    out.append(Mention(holder, "person", Span(m.start(), end, body[m.start():end]), "office", paragraph_of(m.start()),
                                       "office-title"))
                    break
        return out


def _held(posts: list[PostFact], offices: Offices) -> set[tuple[str, str]]:
    """(holder, title key) of the offices the record's posts and lists already give."""
    return {(p.holder, title_key(p.title)) for p in posts if p.title} | {
        (o.holder, key) for key, listed in offices.by_title.items() for o in listed}


def office_posts(named: list[tuple[str, str, Span | None]], posts: list[PostFact], offices: Offices, state: str | None,
                 rule: str) -> list[PostFact]:
    """A person named by an office held it that day: "The Deputy Secretary of Defense said" (holder, title, where) gives
    its holder the post, unless a post or list already gives it. A one-word title ("the Secretary") is a short name
    of an office, not its title."""
    held = _held(posts, offices)
    out: list[PostFact] = []
    for holder, title, span in named:
        title = re.sub(r"^the\s+", "", title, flags=re.IGNORECASE).strip()
        if len(title.split()) > 1 and (holder, title_key(title)) not in held:
            held.add((holder, title_key(title)))
            out.append(PostFact(holder, None, of=state, title=title, span=span, rule=rule, confidence=0.8))
    return out
