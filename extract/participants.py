"""The participants list of a memorandum of conversation: who, in which delegation, as described.

From the publisher's markup when there is one, else from the PARTICIPANTS section of the
text: a line that names only a state ("U.S.", "Austria") opens that state's delegation;
each other line is a person, then how the list describes them ("Foreign Minister of
Austria"); "The Secretary" is the office holder of the record's own state that year.
"""

from __future__ import annotations

import re
from datetime import date

from .attendance import AttendanceList
from .authority import Authority
from cwkg.records.facts import Mention, Participation
from .meeting import Layout
from .offices import Offices
from cwkg.loaders.source import SourceDocument
from .volume import person_key

_TITLE = re.compile(r"^(?:The|the)\s+(?P<title>[A-Z][\w'’]+)")


def _inside(mentions: list[Mention], start: int, end: int, kind: str) -> list[Mention]:
    return [m for m in mentions if m.kind == kind and start <= m.span.start < end]


def from_text(body: str, parts: Layout, mentions: list[Mention], authority: Authority, perspective: str | None,
              year: int | None, offices: Offices | None = None, day: date | None = None,
              lists: list[AttendanceList] = ()) -> list[Participation]:
    out = _from_lists(lists, mentions)
    listed = [found.span for found in lists]
    delegation = None
    for block in parts.participants:
        if any(s.start <= block.start < s.end for s in listed):
            continue  # read as a list, with its sides and descriptions
        text = block.text
        if len(text.split()) <= 4 and (state := authority.resolve_label(text, ("state", "organization"))):
            delegation = state
            continue
        people = _inside(mentions, block.start, block.end, "person")
        if len(people) > 1 and re.search(r"[,;]", text):
            # "Present: A, B, C and D": everyone the line names took part.
            out += [Participation(m.entity, delegation, None) for m in people]
        elif people:
            first = people[0]
            description = body[first.span.end:block.end].strip(" ,;") or None
            out.append(Participation(first.entity, delegation, description))
        elif offices is not None and (found := _office_holder(text, offices, day, delegation or perspective)):
            # "The Under Secretary of State, Chairman": the office's holder that day, described by the rest.
            holder, office, rest = found
            out.append(Participation(holder, delegation or perspective, rest, office))
        elif (m := _TITLE.match(text)) and (holder := authority.office_holder(m["title"], delegation or perspective, year)):
            out.append(Participation(holder, delegation or perspective, text.partition(",")[2].strip() or None))
    return out


def _from_lists(lists: list[AttendanceList], mentions: list[Mention]) -> list[Participation]:
    """Each person an attendance list (`attendance.find_lists`) names, with the state of their side and what the
    list says of them."""
    persons = [m for m in mentions if m.kind == "person"]
    out = []
    for found in lists:
        for e in found.entries:
            person = next((m.entity for m in persons if m.span.start < e.name.end and e.name.start < m.span.end), None)
            side = next((m.entity for m in mentions if m.kind == "state" and e.side and
                         e.side.start <= m.span.start < e.side.end), None)
            if person and all(p.person != person for p in out):
                out.append(Participation(person, side, e.description, served_as=e.served_as))
    return out


def _office_holder(line: str, offices: Offices, day: date | None, state: str | None) -> tuple[str, str, str | None] | None:
    """The holder of the office a line names, the office and the rest of the line: the whole line first ("The
    Chairman, Joint Chiefs of Staff"), else the part before a comma ("The Under Secretary of State, Chairman")."""
    line = re.sub(r"^(?:The|the)\s+", "", line).strip()
    if not line or not line[0].isupper():
        return None
    head, _, rest = line.partition(",")
    for title, remainder in ((line, None), (head.strip(), rest.strip() or None)):
        if holder := offices.holder(title, day, state):
            return holder, title, remainder
    return None


def from_markup(doc: SourceDocument, mentions: list[Mention], authority: Authority, perspective: str | None,
                year: int | None, offices: Offices | None = None) -> list[Participation]:
    known = {p.id for p in doc.people}
    out: list[Participation] = []
    for listed in doc.participants:
        delegation = authority.resolve_label(listed.delegation, ("state", "organization")) if listed.delegation else None
        person = office = None
        if listed.ref and listed.ref in known and doc.volume:
            person = person_key(doc.volume, listed.ref)
        elif (m := _TITLE.match(listed.name)) and not listed.ref:
            line = ", ".join(x for x in (listed.name, listed.description) if x)
            found = offices and _office_holder(line, offices, doc.date, delegation or perspective)
            if found:
                person, office = found[0], found[1]
            else:
                person = authority.office_holder(m["title"], delegation or perspective, year)
        else:
            person = next((m.entity for m in mentions if m.kind == "person" and m.span.text == listed.name), None)
        if person:
            out.append(Participation(person, delegation or (perspective if _TITLE.match(listed.name) else None),
                                     listed.description, office))
    return out
