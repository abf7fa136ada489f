"""Whose record it is: the author a title or an opening names when the body never signs it.

Archives title records after their author and interlocutor ("Journal of Ambassador X for
7 March", "Record of a Conversation between X and Y", "Ambassador X's Meeting with Y"),
and a first-person record speaks of its interlocutor by name and of its author as "I". A
telegram that relays another's report opens "X informs in his telegram ...": X wrote it.
These rules read only such layout; which names they return depends on the document alone.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cwkg.lang import title_words
from cwkg.lang.text import whole_word_starts

from . import reporting

_DIARY = re.compile(r"\b(?:journal|diary|diaries|notebook|day-?book)\s+of\b(?P<keeper>.*?)(?=\s+(?:for|from|on|of)\s+\d|\s+for\b|[,;:(]|$)", re.I)
# A written record titled by its sender: "Letter from X to Y", "Telegram No. 12 from X", "Message of X to Y".
_SENT = re.compile(r"\b(?:letter|telegram|cable|cryptogram|airgram|message|note|memorandum|report|dispatch)\s+"
                   r"(?:No\.?\s*\S+\s+)?(?:from|of|by)\s+(?P<sender>.+?)(?=\s+to\s+|\s+(?:on|of|dated)\s+\d|[,;:(]|$)", re.I)
# "Record of a Conversation with X": X is the one the writer spoke with, never the writer.
MET_WITH = re.compile(r"\b(?:conversations?|talks?|meetings?|discussions?|interviews?|exchanges?)\s+with\s+(?P<met>.+)$", re.I)
_CONVERSATION = re.compile(r"\b(?:conversations?|talks?|meetings?|discussions?|interviews?|exchanges?)\s+(?:between|of|with)\b", re.I)
_POSSESSIVE = re.compile(r"(?P<owner>[^,;:]{2,80}?)['’]s\s+(?:meeting|conversation|talks?|visit|discussion|interview)\s+with\b", re.I)
# A record that relays a sender's written words: "X informs in his telegram", any verb of saying of the reporting lexicon.
_RELAYED = re.compile(
    rf"^(?P<who>[^;:]{{2,80}}?)\s+(?:{reporting.alternation(reporting.verb_forms(('say', 'tell'), ('third',)))})"
    r"\s+in\s+(?:his|her|their)\s+"
    r"(?:telegram|cable|cipher|cryptogram|letter|report|dispatch|note)\b", re.I)
FIRST_PERSON = re.compile(r"(?<![\w])(?:I|me|my|myself)(?![\w])")


@dataclass(frozen=True)
class Named:
    """A person of the record and the spellings it is known by."""

    ref: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Authorship:
    author: str
    why: str


def _named_in(text: str, people: Sequence[Named]) -> list[str]:
    """The people whose names `text` spells out, in the order they first appear."""
    found: list[tuple[int, str]] = []
    for p in people:
        at = [start for n in p.names if len(n) > 2 for start in itertools.islice(whole_word_starts(text, n), 1)]
        if at:
            found.append((min(at), p.ref))
    return [ref for _, ref in sorted(found)]


def author_from_title(title: str, opening: str, people: Sequence[Named], first_person: bool) -> Authorship | None:
    """The author a record's title names: the keeper of a journal or diary, the sender of a letter, telegram or
    message ("Letter from X to Y"); else, for a first-person record of
    a conversation (`first_person`: its text says "I"), the one person of the title its opening does not speak of
    by name."""
    diary = _DIARY.search(title)
    if diary:
        keepers = _named_in(diary["keeper"], people)
        if keepers:
            return Authorship(keepers[-1], "the keeper of the journal or diary the title names")
    sent = _SENT.search(title)
    if sent:
        senders = _named_in(sent["sender"], people)
        if len(senders) == 1:
            return Authorship(senders[0], "the sender the title of the letter, telegram or message names")
    if not first_person:
        return None
    owner = _POSSESSIVE.search(title)
    if owner:
        owners = _named_in(owner["owner"], people)
        if len(owners) == 1:
            return Authorship(owners[0], "a first-person record titled after its author's meeting")
    if _CONVERSATION.search(title):
        spoken_of = set(_named_in(opening, people))
        met = set(_named_in(m.group("met"), people)) if (m := MET_WITH.search(title)) else set()
        remaining = [ref for ref in _named_in(title, people) if ref not in spoken_of and ref not in met]
        if len(remaining) == 1:
            return Authorship(remaining[0], "the one of the title's persons the first-person opening does not name")
    return None


def author_of_relayed(opening: str, people: Sequence[Named]) -> Authorship | None:
    """"X informs in his telegram No ...": the record passes on X's own report, so X is its author."""
    m = _RELAYED.match(opening.strip())
    if not m:
        return None
    named = _named_in(m["who"], people)
    return Authorship(named[-1], "the sender whose telegram or letter the record relays") if len(named) == 1 else None


# A letter, telegram or memorandum titled with its recipient: "Letter from X to Y", "Telegram to Y", "Memorandum for Y".
_ADDRESSED = re.compile(
    r"\b(?:letter|telegram|cable|message|memorandum|note|report|dispatch|cipher|cryptogram|instructions?)"
    r"(?:\s+from\s+[^,;:]+?)?\s+(?:to|for)\s+(?P<who>[^,;:(]+?)(?=\s+(?:on|about|concerning|regarding|of)\b|[,;:(]|$)", re.I)


def addressee_from_title(title: str, people: Sequence[Named]) -> str | None:
    """The one person a written record's title addresses ("Letter from X to Y", "Memorandum for Y")."""
    for m in _ADDRESSED.finditer(title):
        named = _named_in(m["who"], people)
        if len(named) == 1:
            return named[0]
    return None


# An archive's summary of a record names its writer as the subject of a verb of writing: "In this report,
# Ambassador X details ...", "X reports on his talks with Y", "X writes to Y about ...".
_SUMMARY_WRITER = re.compile(
    r"(?:^|[.;]\s+)(?:In\s+(?:this|the|a|his|her)\s+[\w -]{2,40}?,\s+)?(?P<subject>[^.;,]{2,160}?)\s+"
    r"(?:details|reports|describes|writes|recounts|summari[sz]es|relates|conveys|outlines|records|informs|tells|notifies)\b")


def author_from_summary(summary: str, people: Sequence[Named]) -> Authorship | None:
    """The writer an archive's summary of the record names: one person, the subject of a verb of writing."""
    for m in _SUMMARY_WRITER.finditer(summary):
        named = _named_in(m["subject"], people)
        if len(named) == 1:
            return Authorship(named[0], "the writer the archive's summary of the record names")
        if named:
            return None
    return None


_SIDES = re.compile(r"\b(?i:between|with)\s+(?P<sides>.+?)(?=\s+(?:on|in|at|for|from)\s+(?:\d|the\s+\d)|\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[,;(]|$)")
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z\u00e0-\u024f]+(?:[-'’][A-Za-z\u00e0-\u024f][a-z\u00e0-\u024f]*)*|(?:[A-Z]\.){1,3}[A-Z]?[a-z\u00e0-\u024f]*)$")
# Words that stand between a post and a name in titles and are no part of the name.
_RANK = {w.lower() for w in title_words.words(*title_words.ALL)} | {"official", "officials", "diplomat", "led", "by"}


def title_parties(title: str, covered: Sequence[tuple[int, int]], role_words: Sequence[str]) -> list[str]:
    """The names of the two sides a record is titled after ("Conversation between <post> <name> and <post>
    <name>"): on each side, the run of capitalised words at its end that is neither a post, a state or place
    (`covered`: spans of the title's states, parties and places), nor a rank."""
    m = _SIDES.search(title)
    if not m:
        return []
    roles = {w.lower() for r in role_words for w in r.split()}
    names = []
    offset = m.start("sides")
    for side in re.finditer(r"(?:(?!\s+and\s+).)+", m["sides"]):
        words = list(re.finditer(r"\S+", side.group(0)))
        kept: list[str] = []
        for w in reversed(words):
            start = offset + side.start() + w.start()
            text = w.group(0).rstrip(",;")
            if (not _NAME_WORD.match(text) or re.search(r"['’]s$", text) or text.lower() in roles or text.lower() in _RANK
                    or any(s <= start < e for s, e in covered)):
                break
            kept.insert(0, text)
        before = words[len(words) - len(kept) - 1].group(0).lower().rstrip(".") if len(words) > len(kept) else ""
        if len(kept) > 1 or kept and (before in roles or before in _RANK):  # one word is a name only after a post or rank
            names.append(" ".join(kept))
    return names
