"""Read a question in plain English into one of the kinds of `model` with its slots still words: general
question patterns ("who took part in ...", "whom did X visit ...", "who warned that ..."), never one question's
wording. Pure: the store is not asked here (names are resolved by `names`)."""

from __future__ import annotations

import re

from .dates import take_date
from .lexicon import AGAINST_FOR, MEETING_KIND, MEETING_WORDS, ROLES, VERB_STANCE, WHAT
from .model import Contacts, Discussed, MeetingRef, Named, Question, Said, TookPart, Unreadable

_ROLE = "|".join(sorted((re.escape(r) for r in ROLES), key=len, reverse=True))
_WHAT = "|".join(sorted((re.escape(w) for w in WHAT), key=len, reverse=True))
_VERB = "|".join(sorted(VERB_STANCE, key=len, reverse=True))
_PREP = r"against|for|in favou?r of"
_MEETING = "|".join(sorted(MEETING_WORDS, key=len, reverse=True))
_ABOUT = r"(?:\s+(?:about|on|regarding|concerning|over)\s+(?P<about>.+))?"

_CONTACT_VERBS = (r"(?P<verb>meet(?:\s+with)?|visit|call\s+on|call\s+upon|see|receive|talk\s+(?:to|with)|speak\s+(?:to|with)|"
                  r"confer\s+with|write(?:\s+to)?|send\s+(?:a\s+|an\s+)?(?:letter|message|note|telegram|cable|memorandum)s?(?:\s+to)?|"
                  r"address|telegraph|cable)")
CONTACTS = [
    re.compile(rf"^(?:to\s+|with\s+)?whom\s+did\s+(?P<person>.+?)\s+{_CONTACT_VERBS}{_ABOUT}$", re.I),
    re.compile(rf"^who\s+did\s+(?P<person>.+?)\s+{_CONTACT_VERBS}{_ABOUT}$", re.I),
]
TOOK_PART = [
    re.compile(r"^who\s+(?:took\s+part\s+in|attended|participated\s+in|(?:was|were)\s+(?:present\s+)?(?:at|in)|sat\s+in\s+on|"
               r"joined|(?:was|were)\s+(?:the\s+)?participants?\s+(?:in|of|at))\s+(?P<meeting>.+)$", re.I),
    re.compile(r"^(?:who\s+were\s+|name\s+|list\s+)?the\s+participants\s+(?:in|of|at)\s+(?P<meeting>.+)$", re.I),
]
_DISCUSS = r"(?:discussed|talked\s+about|spoke\s+(?:about|of|on)|raised|took\s+up|dealt\s+with|brought\s+up)"
_POSITIONS = r"(?:stated|expressed|took|gave|voiced)\s+(?:a\s+|their\s+|his\s+|her\s+)?(?:positions?|views?|opinions?)\s+(?:about|on|regarding|concerning)"
DISCUSSED = [
    re.compile(rf"^(?:which|what)\s+(?P<role>{_ROLE})\s+(?:{_DISCUSS}|{_POSITIONS})\s+(?P<topic>.+)$", re.I),
    re.compile(rf"^(?:which|what)\s+(?:named\s+)?(?:participants|people|persons|officials|speakers)\s+(?:{_DISCUSS}|{_POSITIONS})\s+(?P<topic>.+)$", re.I),
    re.compile(rf"^who\s+(?:{_DISCUSS}|{_POSITIONS})\s+(?P<topic>.+)$", re.I),
]
SAID = [
    re.compile(rf"^(?:the\s+)?representatives\s+of\s+which\s+(?:states|countries|governments|nations)\s+(?:.+?\s+)?"
               rf"(?P<verb>{_VERB})(?:\s+(?P<prep>{_PREP}))?(?:\s+that)?\s+(?P<claim>.+)$", re.I),
    re.compile(rf"^(?:which|what)\s+(?P<what>{_WHAT})\s+(?P<verb>{_VERB})(?:\s+(?P<prep>{_PREP}))?(?:\s+that)?\s+(?P<claim>.+)$", re.I),
    re.compile(rf"^(?:which|what)\s+(?P<role>{_ROLE})\s+(?P<verb>{_VERB})(?:\s+(?P<prep>{_PREP}))?(?:\s+that)?\s+(?P<claim>.+)$", re.I),
    re.compile(rf"^who\s+(?P<verb>{_VERB})(?:\s+(?P<prep>{_PREP}))?(?:\s+that)?\s+(?P<claim>.+)$", re.I),
]
_NAMING = r"(?:named|mentioned|listed|cited|identified|suggested|proposed|recommended|put\s+forward|singled\s+out|designated)"
NAMED = [
    re.compile(rf"^(?:which|what)\s+(?P<what>{_WHAT})\s+(?:were|was)\s+{_NAMING}\s+(?P<claim>.+)$", re.I),
    re.compile(rf"^(?:which|what)\s+(?P<qualifier>(?:[\w.'-]+\s+){{0,3}}?)(?P<what>{_WHAT})\s+did\s+(?P<by>.+?)\s+(?:name|mention|list|cite|identify|suggest|propose|"
               rf"recommend|single\s+out|designate)\s*(?P<claim>.*)$", re.I),
    re.compile(rf"^(?:with|to|for|from|by|against)\s+(?:which|what)\s+(?P<what>{_WHAT})\s+(?:was|were|did|had|is|are)\s+(?P<claim>.+)$", re.I),
]
_AT_MEETING = re.compile(rf"^(?P<topic>.+?)\s+(?:at|during|in)\s+(?P<meeting>(?:the\s+|a\s+|an\s+)?(?:\S+\s+){{0,8}}?(?:{_MEETING})\b.*)$", re.I)


def normalise(text: str) -> str:
    """One line, straight quotes, no closing question mark."""
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", text).strip().rstrip("?").strip()


def _clean(phrase: str | None) -> str | None:
    if phrase is None:
        return None
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(" ,.;:\"'"), flags=re.I).strip(" ,.;:\"'")
    return phrase or None


def meeting_ref(phrase: str) -> MeetingRef:
    """'the Ruritanian Council session on trade in Strelsau' -> body, kind, subject and place."""
    phrase = _clean(phrase) or ""
    m = re.search(rf"\b(?P<noun>{_MEETING})\b", phrase, re.I)
    if not m:
        return MeetingRef(body=_clean(phrase))
    noun = m["noun"].lower()
    before, after = phrase[:m.start()].strip(), phrase[m.end():].strip()
    body = _clean(re.sub(r"'s?$", "", before)) if before else None
    topic = place = None
    for prep, value in re.findall(r"\b(on|about|concerning|regarding|of|in|at|with)\s+(.+?)(?=\s+(?:on|about|concerning|regarding|in|at|with)\s+|$)",
                                  after, re.I):
        if prep.lower() in ("on", "about", "concerning", "regarding") and topic is None:
            topic = _clean(value)
        elif prep.lower() in ("in", "at") and place is None:
            place = _clean(value)
        elif prep.lower() in ("of", "with") and body is None:
            body = _clean(value)
    return MeetingRef(body=body, kind=MEETING_KIND.get(noun, noun), topic=topic, place=place)


def _stance(verb: str, prep: str | None) -> str | None:
    if prep:
        return AGAINST_FOR.get(re.sub(r"\s+", " ", prep.lower()).replace("favour", "favor"))
    return VERB_STANCE.get(verb.lower())


def read(question: str) -> Question:
    """The question's kind and slots; `Unreadable` when no pattern reads it."""
    window, rest = take_date(normalise(question))
    rest = rest.strip(" ,")
    for pattern in CONTACTS:
        if m := pattern.match(rest):
            how = "wrote" if re.match(r"write|send|address|telegraph|cable", m["verb"], re.I) else "met"
            return Contacts(person=_clean(m["person"]) or "", how=how, window=window, about=_clean(m["about"]))
    for pattern in TOOK_PART:
        if m := pattern.match(rest):
            return TookPart(meeting=meeting_ref(m["meeting"]), window=window)
    for pattern in DISCUSSED:
        if m := pattern.match(rest):
            topic, meeting = m["topic"], None
            if at := _AT_MEETING.match(topic):
                topic, meeting = at["topic"], meeting_ref(at["meeting"])
            role = ROLES.get(m["role"].lower()) if "role" in m.groupdict() and m["role"] else None
            return Discussed(topic=_clean(topic) or "", role=role, window=window, meeting=meeting)
    for pattern in NAMED:
        if m := pattern.match(rest):
            groups = m.groupdict()
            claim = " ".join(p for p in (groups.get("qualifier"), m["claim"]) if p and p.strip())
            return Named(what=WHAT[m["what"].lower()], claim=_clean(claim) or "", window=window, by=_clean(groups.get("by")))
    for pattern in SAID:
        if m := pattern.match(rest):
            groups = m.groupdict()
            what = WHAT.get((groups.get("what") or "").lower())
            by_state = what == "state" or rest.lower().startswith(("representatives", "the representatives"))
            role = ROLES.get(groups["role"].lower()) if groups.get("role") else None
            return Said(claim=_clean(m["claim"]) or "", verb=m["verb"].lower(), stance=_stance(m["verb"], groups.get("prep")),
                        window=window, role=role, by_state=by_state)
    raise Unreadable(question)
