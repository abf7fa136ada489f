"""The meeting a memorandum records, from its dateline, heading and opening paragraph.

Kind from the meeting-kind scheme's words (the most specific one in the heading wins),
date from the heading or a day-month in the opening resolved against the document
date, place from "in <place>" or else the dateline, duration from "four-hour" or "for
two hours", participants from the heading's names, host from "given by"/"invited", and
the author as the heading's person the opening speaks of only as "I".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cwkg.lang import title_words
from .authority import Authority
from cwkg.lang.dates import date_lines, find_dates, find_full_dates
from cwkg.records.facts import MeetingFact, Mention, Span
from cwkg.lang.text import Block, paragraphs, sentences
from .turns import find_turns
from .voice import FIRST_PERSON, MET_WITH

_NUMBERS = {w: i + 1 for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split())}
_DURATION = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(_NUMBERS) + r"|an?)(?:[- ]and[- ]a[- ]half)?[- ](?P<unit>hour|minute)s?(?:[- ]long)?\b"
    r"|\b(?:for|lasted|took)\s+(?:about\s+|some\s+|nearly\s+|over\s+)?(?P<n2>\d{1,3}|" + "|".join(_NUMBERS) + r")\s+(?P<unit2>hour|minute)s?\b",
    re.IGNORECASE,
)
_DOC_WORDS = re.compile(r"^(?:memorandum|record|minutes|note|notes|report|telegram|cable|letter|transcript|conversation|summary)\b", re.I)
_HOST_BY = re.compile(r"\b(?:given|hosted|organi[sz]ed|arranged) by\s*$", re.I)
_MEETING_VERB = re.compile(r"\b(?:met|meet|meeting|received|receive|called on|visited|invited|conversation|talks|took place|held|luncheon|dinner|reception)\b", re.I)
_CORRESPONDENCE = re.compile(r"^(?:[\w. ]+\s)?(?:Memorandum|Letter|Telegram|Cable|Message|Note|Report|Paper)\b.*\b(?:From|To|by)\s", re.I)
_SENDER = re.compile(r"\b(?:[Ff]rom|FROM)\s+(?P<sender>.+?)(?=\s+(?:[Tt]o|TO|[Ff]or|FOR)\s|\s*[,.;]?\s*$)")
_TELLS_MEETING = re.compile(r"\b(?:met|received|called on|visited|invited|took place|was held|were held|paid (?:a|an) (?:\w+ )?visit)\b", re.I)
# A sentence that says who was present: "Present were A, B and C", "A and B were also present at the talks".
_PRESENT = re.compile(
    r"\b(?:[Pp]resent (?:were|was|at the \w+ (?:were|was))|(?:was|were) (?:also )?present\b|(?:[Aa]lso|[Tt]hose) (?:present|attending)\b|"
    r"[Aa]ttending (?:were|was)\b|took part in the (?:conversation|talks?|meeting|discussion)\b)")
_I_HOST = re.compile(r"\bI (?:invited|received|hosted|gave a (?:luncheon|dinner|reception))\b")


_SECTION = re.compile(r"^(?:SUBJECTS?|PARTICIPANTS|PRESENT|ATTENDEES|Subjects?|Participants|Present)\s*:?\s*$")
_UNDATED = re.compile(r"^[A-Z][\w .'’-]{1,40},\s+(?:undated|no date|n\.\s?d\.)\.?$", re.I)
_NUMBERED = re.compile(r"^\d{1,2}\.\s")
HEAD_BLOCKS = 8  # the dateline and heading are looked for among the first blocks

# "I was received by Comrade X": the host, after a title of the titles lexicon.
_RECEIVED_BY = re.compile(rf"\bI was (?:received|invited) by\s+(?:(?:{title_words.alternation('honorific', 'rank', 'office')})\s+)?$")


@dataclass(frozen=True)
class Layout:
    """Where the parts of a memorandum are in its body."""

    dateline: Block | None
    heading: Block | None
    opening: Block | None
    subjects: tuple[Block, ...] = ()
    participants: tuple[Block, ...] = ()
    place: Block | None = None  # the value of a "Place:" line
    labels: tuple[Block, ...] = ()  # label lines ("Place: ...", "Present: ...") - not part of the text proper


def layout(body: str, title: str) -> Layout:
    """Dateline, heading, SUBJECT and PARTICIPANTS sections, and the first paragraph of the text proper."""
    paras = paragraphs(body)
    dateline = next((p for p in paras[:HEAD_BLOCKS] if len(p.text.split()) <= 12 and (find_full_dates(p.text) or _UNDATED.match(p.text))), None)
    heading = next((p for p in paras[:HEAD_BLOCKS] if p is not dateline and (_DOC_WORDS.match(p.text) or _similar(p.text, title))), None)
    sections: dict[str, list[Block]] = {}
    current: str | None = None
    opening = None
    fallback = None
    last_head = max((paras.index(b) for b in (dateline, heading) if b is not None), default=-1)
    for i, p in enumerate(paras):
        if i <= last_head:
            continue
        m = _SECTION.match(p.text)
        if m:
            current = p.text.split()[0].lower().rstrip(":s")
            sections[current] = []
            continue
        prose = len(p.text.split()) >= 12 and re.search(r"[.!?:]['’\"”)]?$", p.text) or _NUMBERED.match(p.text)
        if current and not prose:
            sections[current].append(p)
            continue
        if prose:
            opening = p
            break
        fallback = fallback or p  # a sub-heading or salutation before the text proper
    opening = opening or fallback
    place, inline, labels = _label_lines(body, paras[:HEAD_BLOCKS + 4])
    if opening is not None and any(opening.start <= b.start < opening.end for b in labels):
        opening = next((p for p in paras if p.start > opening.start and len(p.text.split()) >= 12), opening)
    listed = tuple(sections.get("participant", ()) or sections.get("present", ()) or sections.get("attendee", ())) + inline
    return Layout(dateline, heading, opening, tuple(sections.get("subject", ())), listed, place, labels)


_LABEL_LINE = re.compile(
    r"^[ \t]*(?P<label>Place|Venue|Location|Present|Participants|Participating|Attendees|Attending|Those present|Also present)"
    r"[ \t]*:[ \t]*(?P<value>\S[^\n]*)$", re.M | re.I)


def _label_lines(body: str, paras) -> tuple[Block | None, tuple[Block, ...], tuple[Block, ...]]:
    """"Place: Bucharest" and "Present: A, B, C" lines near the top of a record: the place, the lists of those
    present, and the lines themselves."""
    place = None
    present: list[Block] = []
    lines: list[Block] = []
    for para in paras:
        for m in _LABEL_LINE.finditer(body, para.start, para.end):
            value = Block(m.start("value"), m.end("value"), m["value"])
            lines.append(Block(m.start(), m.end(), m.group(0)))
            if m["label"].lower() in ("place", "venue", "location"):
                place = place or value
            else:
                present.append(value)
    return place, tuple(present), tuple(lines)


def _similar(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    return bool(b) and fuzz.ratio(a.lower(), b.lower()) >= 80


def duration(text: str) -> str | None:
    """An ISO 8601 duration such as PT4H from "four-hour" or "for 90 minutes"."""
    m = _DURATION.search(text)
    if not m:
        return None
    raw = (m["n"] or m["n2"]).lower()
    unit = (m["unit"] or m["unit2"]).lower()
    n = int(raw) if raw.isdigit() else _NUMBERS.get(raw, 1)
    if unit == "hour":
        half = re.match(r"\s+and a half\b", text[m.end():]) or re.search(r"\band[- ]a[- ]half\b", m.group(0))
        return f"PT{n}H30M" if half else f"PT{n}H"
    return f"PT{n}M"


def _within(mentions: list[Mention], block: Block | None, kind: str) -> list[Mention]:
    if block is None:
        return []
    return [m for m in mentions if m.kind == kind and block.start <= m.span.start < block.end]


def find_sender(lay: Layout, mentions: list[Mention]) -> str | None:
    """The one person a correspondence heading names between "From" and "to" ("Letter From the Secretary of
    State (Smith) to ..."): the author of a letter, telegram or memorandum."""
    if lay.heading is None:
        return None
    m = _SENDER.search(lay.heading.text)
    if m is None:
        return None
    start, end = lay.heading.start + m.start("sender"), lay.heading.start + m.end("sender")
    senders = list(dict.fromkeys(x.entity for x in mentions if x.kind == "person" and start <= x.span.start and x.span.end <= end))
    return senders[0] if len(senders) == 1 else None


def writes_i(body: str) -> bool:
    """Whether the record's writer says "I": outside the turns a speaker's label opens ("Ivanov: I will report ..."
    is the speaker's "I", not the writer's)."""
    turns = find_turns(body, paragraphs(body))
    ends = [0] + [t.end for t in turns]
    narration = " ".join(body[e:t.label_start] for e, t in zip(ends, turns)) + " " + body[ends[-1]:]
    return FIRST_PERSON.search(narration) is not None


def find_author(body: str, lay: Layout, mentions: list[Mention]) -> str | None:
    """Who wrote the record: the sender a correspondence heading names; else, for a text that says "I",
    the heading's person the opening does not speak of, else the one who signs the record or whose diary it is."""
    sender = find_sender(lay, mentions)
    if sender is not None:
        return sender
    if not writes_i(body):
        return None
    heading_people = list(dict.fromkeys(m.entity for m in _within(mentions, lay.heading, "person")))
    in_opening = {m.entity for m in _within(mentions, lay.opening, "person")}
    met = MET_WITH.search(lay.heading.text) if lay.heading else None  # "Conversation with X": X is not the writer
    spoken_with = {m.entity for m in _within(mentions, lay.heading, "person")
                   if met and m.span.start >= lay.heading.start + met.start("met")}
    remaining = [p for p in heading_people if p not in in_opening and p not in spoken_with]
    if len(remaining) == 1:
        return remaining[0]
    signers = list(dict.fromkeys(m.entity for m in mentions if m.kind == "person" and m.rule in ("signature", "diary")))
    return signers[0] if len(signers) == 1 else None


def find_meeting(body: str, lay: Layout, doc_date: date | None, authority: Authority, mentions: list[Mention],
                 author: str | None, written_at: str | None, recorded: bool = False) -> MeetingFact | None:
    """The meeting a record tells of. `recorded`: the document is itself the record of a meeting (minutes, a
    record of discussion), so it attests one even when it names no participant."""
    parts = [b for b in (lay.heading, lay.opening) if b]
    if not parts:
        return None
    rules: list[str] = []
    kind = None
    # The heading names the kind of meeting; else the opening's first sentence, if it tells of one.
    first = sentences(body, lay.opening.start, lay.opening.end)[:1] if lay.opening else ()
    for block in [b for b in (lay.heading, *first) if b is not None]:
        if block is not lay.heading and not _MEETING_VERB.search(block.text):
            continue
        found = [k for k in authority.meeting_kinds if any(re.search(rf"\b{re.escape(w)}(?:s|ed|d|ing)?\b", block.text, re.I) for w in k.words)]
        if found:
            kind = found[0].iri
            rules.append("kind-from-heading" if block is lay.heading else "kind-from-opening")
            break
    heading_people = list(dict.fromkeys(m.entity for m in _within(mentions, lay.heading, "person")))
    correspondence = lay.heading is not None and _CORRESPONDENCE.search(lay.heading.text)
    if kind is None and recorded:
        kind = next((k.iri for k in authority.meeting_kinds if k.iri.endswith("/meeting")), None)
        rules.append("kind-of-record")
    if kind is None and (len(heading_people) < 2 or correspondence):
        return None
    when = None
    # The record of a meeting is dated by it: only its heading, or an opening that tells of the meeting
    # itself ("On 12 June X called on Y"), may name another day; a meeting the opening only mentions may not.
    dating = parts
    if recorded:
        dating = [b for b in (lay.heading, *first) if b is not None and (b is lay.heading or _TELLS_MEETING.search(b.text))]
    for block in dating:
        dates = [d for s, e, d in find_dates(body[block.start:block.end], doc_date)]
        if dates:
            when = dates[0]
            rules.append("date-from-heading" if block is lay.heading else "date-from-opening")
            break
    if when is None and lay.opening is not None:
        # A journal's entry is dated by the date line above it, or the sub-heading that dates the conversation.
        above = [d for at, d in date_lines(body) if at < lay.opening.start]
        head = [d for p in paragraphs(body) if (lay.heading is None or p.start >= lay.heading.end) and p.end <= lay.opening.start
                for _, _, d in find_full_dates(p.text)]
        if above or head:
            when = (above or head)[-1]
            rules.append("date-line")
    if when is None and doc_date:
        when = doc_date
        rules.append("date-of-document")
    place = None
    if lay.place is not None:
        place = next((m.entity for m in _within(mentions, lay.place, "place")), None)
        if place:
            rules.append("place-line")
    # "in <place>" counts in the heading, and in the opening's first sentence when it tells of the meeting.
    first = sentences(body, lay.opening.start, lay.opening.end)[:1] if lay.opening else ()
    telling = [b for b in (lay.heading, *first) if b is not None and (b is lay.heading or _MEETING_VERB.search(b.text))]
    for block in telling:
        for m in _within(mentions, block, "place"):
            if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", body[max(block.start, m.span.start - 12):m.span.start]):
                place = m.entity
                rules.append("place-in-phrase")
                break
        if place:
            break
    if place is None and written_at:
        place = written_at
        rules.append("place-where-written")
    span_end = lay.opening.end if lay.opening else parts[-1].end
    dur = None
    for block in parts:
        if dur := duration(body[block.start:block.end]):
            break
    participants = list(heading_people)
    if lay.opening:
        # Whom the opening sentence says the author met, received, invited ... took part too.
        first = sentences(body, lay.opening.start, lay.opening.end)[:1]
        if first and (not participants or _MEETING_VERB.search(first[0].text)):
            participants += [m.entity for m in _within(mentions, first[0], "person") if m.entity not in participants]
    for sent in (x for p in paragraphs(body) for x in sentences(body, p.start, p.end) if _PRESENT.search(x.text)):
        present = [m.entity for m in _within(mentions, sent, "person") if m.entity not in participants]
        if present:
            participants += present
            rules.append("present-sentence")
    host = None
    for m in _within(mentions, lay.heading, "person"):
        if _HOST_BY.search(body[lay.heading.start:m.span.start]):
            host = m.entity
            rules.append("host-given-by")
            break
    if author:
        if author not in participants:
            participants.insert(0, author)
        if host is None and lay.opening and _I_HOST.search(lay.opening.text):
            host = author
            rules.append("host-first-person")
        if host is None and lay.opening:
            # "X received me", "I was received by X": X hosted the author.
            for m in _within(mentions, lay.opening, "person"):
                after = body[m.span.end:m.span.end + 40]
                before = body[max(lay.opening.start, m.span.start - 40):m.span.start]
                if re.match(r"\s+(?:received|invited|hosted)\s+(?:me|us)\b", after) or _RECEIVED_BY.search(before):
                    host = m.entity
                    rules.append("host-received-me")
                    break
    start = parts[0].start
    return MeetingFact(kind, when, place, dur, host, list(dict.fromkeys(participants)), Span(start, span_end, body[start:span_end]), rules)


def find_written_at(lay: Layout, mentions: list[Mention]) -> str | None:
    places = _within(mentions, lay.dateline, "place")
    return places[0].entity if places else None
