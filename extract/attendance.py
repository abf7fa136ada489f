"""Lists of who attended, read as lists: each entry a name, what the list says of the person, and their side.

Records lay such lists out in many ways, and the layout, not the words, says what is a name:
- a label line: "Present: A, B and C", "Those attending the meeting: Comrade A, Comrade B", "Interpreters: A, B",
  "Recorder: A" (the label then says what each entry did);
- a sentence that announces the list and ends in a colon ("The following were also present at the talks:"),
  with the entries on the lines after it;
- sides: a line or part of one that begins "from the Ruritanian side:", "Ruritanian side:", "On the Ruritanian
  delegation:"; its entries are of that side until the next side begins.
Entries are parted by semicolons, and by commas where no semicolon parts them; within an entry, the first part is
the name ("A and B" two names that share what follows) and the rest describes the person: "A, Deputy Minister of
Foreign Affairs; B and C, translators". Editors who part two entries with a comma are still read right, because a
part shaped like a name (two to four capitalised words, none the head word of an office or an organisation, none
an acronym, not a state or body the text names) begins a new entry and any other part describes the one before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cwkg.lang import title_words
from cwkg.records.facts import Span
from .organisations import HEAD_WORDS
from cwkg.lang.text import fold
from .titles import office_words

# What a label says of those it lists, when it says more than that they were there.
_DOING = {"interpreter": "interpreter", "translator": "interpreter", "recorder": "recorder", "note-taker": "recorder",
          "notetaker": "recorder"}
_LABEL = re.compile(
    r"^[ \t]*(?:[-–—•*][ \t]*)?(?P<label>(?:also[ \t]+)?present|participants|participating|attendees|attending|"
    r"those[ \t]+(?:present|attending|participating)(?:[ \t]+(?:at|in)?[ \t]*(?:the[ \t]+)?(?:meeting|conversation|talks|discussion|reception))?|"
    r"(?:interpreter|translator|recorder|note-?taker)s?|also[ \t]+attending)[ \t]*:[ \t]*(?P<value>[^\n]*)$", re.M | re.I)
# A line that announces a list on the lines after it: "The following were also present at the talks:".
_ANNOUNCES = re.compile(r"^[^\n]{0,300}?(?:\b(?:were|was|are|is|also)[ \t]+present\b|\bpresent[ \t]+(?:at|were|was)\b|"
                        r"\battend(?:ed|ing)\b|\btook[ \t]+part\b|\bparticipat(?:ed|ing)\b)[^\n]{0,300}:[ \t]*$", re.M | re.I)
# A heading that lists who talked: "Minutes of conversation between comrades A, <titles> and B, <titles>, [and] with C ...".
_BETWEEN = re.compile(r"^[ \t]*(?:(?:minutes|record|memorandum|notes?|transcript)[ \t]+of[ \t]+(?:the[ \t]+|a[ \t]+)?)?"
                      r"(?:conversation|talks|meeting|discussion)s?[ \t]+(?:held[ \t]+)?between[ \t]+(?:comrades?[ \t]+)?"
                      r"(?P<value>[^\n]+)$", re.M | re.I)
_LEAD_WITH = re.compile(r"[ \t]*(?:\[?and\]?[ \t]+)?with[ \t]+", re.I)
# Matched at an offset (`pattern.match(text, pos)`), so without "^".
_SIDE = re.compile(r"[ \t]*(?:[-–—•*]|\d{1,2}[.)])?[ \t]*(?:(?:from|on|for|of)[ \t]+(?:the[ \t]+)?)?"
                   r"(?P<side>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})[ \t]+(?:side|delegation|party)[ \t]*:[ \t]*", re.I)
_ITEM = re.compile(r"[ \t]*(?:[-–—•*]|\d{1,2}[.)])[ \t]*")
# Honorifics, and the abbreviated titles of ranks and offices ("Gen.", "Amb."), before a listed name.
_HONORIFIC = re.compile(rf"^(?:(?:{title_words.alternation('honorific')}|{title_words.abbreviations('rank', 'office')})[ \t]+)+")
_NAME_WORD = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z][a-z'’]+(?:-[A-Za-z][a-z'’]+)*|\[[^\]]{1,40}\]")
_AND = re.compile(r"[ \t]+and[ \t]+|[ \t]*&[ \t]*")


@dataclass(frozen=True)
class Entry:
    name: Span  # the name as the list prints it, without honorifics
    description: str | None  # what the list says of the person ("Deputy Minister of Foreign Affairs")
    side: Span | None  # the words that name the person's side ("Ruritanian")
    served_as: str | None = None  # what a label of interpreters or recorders says the person did at the meeting


@dataclass(frozen=True)
class AttendanceList:
    span: Span
    entries: tuple[Entry, ...]


def find_lists(text: str, taken: list[tuple[int, int]] = ()) -> list[AttendanceList]:
    """Every attendance list in `text`; `taken` are the spans of the states, parties and bodies the text names,
    which are never names of persons."""
    out: list[AttendanceList] = []
    for m in _LABEL.finditer(text):
        doing = next((v for k, v in _DOING.items() if m["label"].lower().startswith(k)), None)
        entries = _entries(text, m.start("value"), m.end("value"), taken, doing)
        if entries:
            out.append(AttendanceList(Span(m.start(), m.end(), m.group(0)), tuple(entries)))
    for m in _BETWEEN.finditer(text):
        entries = _entries(text, m.start("value"), m.end("value"), taken, None)
        if len(entries) >= 2:
            out.append(AttendanceList(Span(m.start(), m.end(), m.group(0)), tuple(entries)))
    for m in _ANNOUNCES.finditer(text):
        entries, end = _lines_after(text, m.end(), taken)
        if entries:
            out.append(AttendanceList(Span(m.start(), end, text[m.start():end]), tuple(entries)))
    return sorted(out, key=lambda x: x.span.start)


def _lines_after(text: str, at: int, taken) -> tuple[list[Entry], int]:
    """The entries on the lines after an announcing line: each line that begins with a side or an item mark, or
    else the one line right after it."""
    entries: list[Entry] = []
    end = at
    for line in re.finditer(r"[^\n]*\S[^\n]*", text[at:at + 4000]):
        start, stop = at + line.start(), at + line.end()
        marked = _SIDE.match(text, start, stop) or _ITEM.match(text, start, stop)
        if entries and not marked:
            break
        found = _entries(text, start, stop, taken, None)
        if not found:
            break
        entries += found
        end = stop
        if not marked:
            break
    return entries, end


def _entries(text: str, start: int, end: int, taken, doing: str | None) -> list[Entry]:
    """The entries of one list value, `text[start:end]`; a side named at its start or after a semicolon
    ("Ruritanian side: A, B; Freedonian side: C") holds for the entries after it."""
    value = text[start:end]
    separator = ";" if ";" in value else ","
    side: Span | None = None
    entries: list[tuple[list[Span], list[str], Span | None]] = []
    for gs, ge in _parts(value, separator):
        group_start = start + gs
        if opens := _SIDE.match(text, group_start, start + ge):
            side = Span(opens.start("side"), opens.end("side"), opens["side"])
            group_start = opens.end()
        elif gs == 0 and (item := _ITEM.match(text, group_start, start + ge)):
            group_start = item.end()
        pieces = _parts(text[group_start:start + ge], ",") if separator == ";" else [(0, start + ge - group_start)]
        for i, (ps, pe) in enumerate(pieces):
            at, stop = group_start + ps, group_start + pe
            if lead := _LEAD_WITH.match(text, at, stop):
                at = lead.end()  # "[and] with C": the other side's first name
            names = _names(text, at, stop, taken)
            if not names and entries and (tail := _name_at_end(text, at, stop, taken)):
                entries[-1][1].append(text[at:tail[0]].strip(" \t.—–-"))  # "<titles> and B": B begins the next entry
                at, names = tail
            if names:
                entries.append((names, [], side))
            elif entries and (i > 0 or separator == ","):
                entries[-1][1].append(text[at:stop].strip(" \t.—–-"))
    return [Entry(n, ", ".join(d for d in described if d) or doing, s, doing) for names, described, s in entries for n in names]


def _name_at_end(text: str, start: int, stop: int, taken) -> tuple[int, list[Span]] | None:
    """A name that ends a part after "and" or "with" ("... Council of Ministers and B"): where the words before it
    end, and the name."""
    for m in reversed(list(re.finditer(r"[ \t]+(?:and|with)[ \t]+", text[start:stop]))):
        names = _names(text, start + m.end(), stop, taken)
        if names and len(names) == 1:
            return start + m.start(), names
    return None


def _parts(value: str, separator: str) -> list[tuple[int, int]]:
    """Where the parts of `value` between separators are, outside brackets."""
    out, depth, last = [], 0, 0
    for i, c in enumerate(value):
        depth += c in "(["
        depth -= c in ")]" and depth > 0
        if c == separator and depth == 0:
            out.append((last, i))
            last = i + 1
    out.append((last, len(value)))
    return [(s, e) for s, e in out if value[s:e].strip()]


def _names(text: str, start: int, stop: int, taken) -> list[Span]:
    """The one or two names ("A and B") a part of a list holds, if it is shaped as names; else none."""
    part = text[start:stop]
    lead = len(part) - len(part.lstrip())
    core = part.strip().rstrip(".")
    honorific = _HONORIFIC.match(core)
    offset = start + lead + (honorific.end() if honorific else 0)
    core = core[honorific.end():] if honorific else core
    pieces = [(0, len(core))]
    if (joined := _AND.search(core)):
        pieces = [(0, joined.start()), (joined.end(), len(core))]
    spans = []
    for ps, pe in pieces:
        piece = core[ps:pe]
        h = _HONORIFIC.match(piece)
        ps += h.end() if h else 0
        name = core[ps:pe].strip()
        at = offset + ps
        if not _name_shaped(name) or any(s < at + len(name) and at < e for s, e in taken):
            return []
        spans.append(Span(at, at + len(name), name))
    return spans


def _name_shaped(name: str) -> bool:
    words = re.findall(r"\[[^\]]*\]|\S+", fold(name))
    return (2 <= len([w for w in words if not w.startswith("[")]) <= 4
            and all(_NAME_WORD.fullmatch(w) for w in words)
            and not any(w in HEAD_WORDS or w in office_words() for w in words))
