"""Who held an office on a day: "the Deputy Secretary of Defense" or "the President" as a person.

Records often name people by office alone, in the text ("The Vice President noted ...") and
in lists of those present ("The Under Secretary of State, Chairman"). The holders come from
the posts cwkg knows: a volume's list of persons (with their titles and periods) and the
authority data. A title names a holder only when exactly one person held it that day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .authority import Authority
from .facts import Mention, PostFact, Span
from .text import fold

# "the" and an office of capitalised words: "the Vice President", "the Secretary of the Treasury".
_TITLE = re.compile(r"(?<![\w])[Tt]he\s+(?P<title>(?:[A-Z][a-z]+\.?)(?:\s+(?:of|for|to|the|on|and|[A-Z][a-z]+)){0,7})")


def _key(title: str) -> str:
    text = fold(title).lower().strip(" ,.;")
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", " ", text)


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
    def __init__(self, posts: list[PostFact], authority: Authority) -> None:
        self.authority = authority
        self.by_title: dict[str, list[Office]] = {}
        labels = {r.iri: r.labels for r in authority.roles}
        for p in posts:
            for title in {t for t in ([p.title] if p.title else []) + list(labels.get(p.role or "", ())) if t}:
                self.by_title.setdefault(_key(title), []).append(Office(p.holder, p.start, p.end, p.of))

    def holder(self, title: str, day: date | None, state: str | None = None) -> str | None:
        """The one person who held the office that day: from the record's own lists first, else the authority."""
        found = {o.holder for o in self.by_title.get(_key(title), []) if _in_force(o.start, o.end, day)
                 and (state is None or o.of in (None, state))}
        if len(found) == 1:
            return found.pop()
        if found:
            return None
        return self.authority.office_holder(title, state, day.year if day else None)

    def mentions(self, body: str, taken: list[Mention], day: date | None, state: str | None, paragraph_of) -> list[Mention]:
        """Offices named in the text whose holder that day is known, as mentions of that person."""
        covered = [(m.span.start, m.span.end) for m in taken]
        out: list[Mention] = []
        for m in _TITLE.finditer(body):
            words = m["title"].split()
            for n in range(len(words), 0, -1):  # the longest office the words name
                title = " ".join(words[:n])
                if words[n - 1] in ("of", "for", "to", "the", "on", "and"):
                    continue
                if n < len(words) and words[n] in ("of", "for", "to", "on"):
                    continue  # "the Secretary of the Department of Defense" is not "the Secretary"
                start = m.start("title")
                end = start + len(title)
                if any(s < end and start < e for s, e in covered):
                    break
                if re.match(r"\s+[A-Z][a-z]", body[end:end + 3]):
                    break  # "the President Kennedy": the name is the mention
                holder = self.holder(title, day, state)
                if holder:
                    out.append(Mention(holder, "person", Span(m.start(), end, body[m.start():end]), "office", paragraph_of(m.start()),
                                       "office-title"))
                    break
        return out
