"""Who is speaking in a sentence: reporting cues and the subjects they attach to.

A cue is a reporting expression ("said that", "objected by saying that", "stated the
following:", "in his opinion") with the subject just before it (a pronoun, a name, a
title such as "the Secretary", a collective such as "the Korean side"). A sentence may
hold several cues ("X said that Y sent a message in which he said that ..."): the last
one's subject is the speaker, the earlier ones report it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from . import reporting
from cwkg.lang import title_words
from cwkg.records.facts import Mention
from .inflect import forms
from .syntax import Report, reporting_words

# The reporting verbs of the lexicon as records write them (the past; the present of verbs of saying and thinking:
# "he states", "I believe"); a verb of telling only with its hearer ("told me that"); a delexical verb with a
# speech noun ("expressed his deep concern", "made the point that", "took a dim view of"); offered proposals
# ("made two suggestions:"); a stance adjective after "be" ("was convinced that").
_SAYING = ("say", "think", "ask", "request", "agree", "disagree")


def _plain(clause_only: bool) -> list[str]:
    """The past of every verb of saying; the present of those that carry no stance ("he states", "I believe")."""
    return (reporting.verb_forms(_SAYING, clause_only=clause_only)
            + reporting.verb_forms(("say", "think"), ("third",), clause_only=clause_only, evaluating=False)
            + reporting.verb_forms(("think",), ("base",), clause_only=clause_only, evaluating=False)
            + (["say"] if not clause_only else []))


_SPEECH_NOUN = reporting.alternation(reporting.nouns(without=("raise", "ask", "decide", "floor")))
VERBS = (
    "(?:" + reporting.alternation(reporting.verb_forms(("tell",))) + r")\s+\[?(?:me|us|him|her|them)\]?"
    + r"|(?:tried|sought) to (?:prove|explain)"
    + r"|(?:expressed|voiced|registered|took|made|had)\s+(?:(?:his|her|their|our|my|its|the|a|an|some|no)\s+)?(?:[a-z]+\s+)?(?:"
    + _SPEECH_NOUN + r")(?=\s+(?:that|about|of|over|at|with|for|on|to)\b|\s*[:,])"
    + r"|(?:expressed|voiced|registered)\s+(?:(?:his|her|their|our|my|its|the|a|an|some|no)\s+)?(?:[a-z]+\s+)?(?:"
    + _SPEECH_NOUN + r")"
    # "She was convinced that ...", "they are deeply concerned about ...": a stance adjective after "be".
    + r"|(?:is|was|were|are|am|had been|has been|have been|remained|remains)\s+(?:\w+ly\s+|very\s+|quite\s+)?(?:"
    + reporting.alternation(reporting.adjectives()) + r")(?=\s+(?:that|about|of|over|at|with|by)\b)"
    + r"|(?:made|offered|put forward|presented|submitted|advanced|had) (?:the following |(?:two|three|four|five|several|some|"
    + r"a few|a number of|his|her|their|our|my) )?(?:\w+ )?(?:suggestions?|proposals?|recommendations?)"
    # "I welcome", "we express confidence": the speaker's own act; "the government welcomes" only describes an attitude.
    + r"|(?:(?<=\bI )|(?<=\bwe )|(?<=\bWe ))(?:"
    + reporting.alternation(reporting.verb_forms(_SAYING, ("base",), clause_only=False, evaluating=True)) + ")"
    + "|" + reporting.alternation(_plain(clause_only=False))
    + "|(?:" + reporting.alternation(_plain(clause_only=True)) + r")(?=\s+(?:that|whether|if|how|why|what)\b|\s*:)"
)
ASKING = re.compile(r"^(?:asked|asks|inquired|enquired)$")
_CUE = re.compile(
    rf"(?<![\w])(?P<verb>{VERBS})(?![\w])(?P<tail>(?:\s+by\s+saying)?(?:\s+to\s+(?:me|us|him|her|them))?(?:\s+(?:that|the following))?\s*(?::|,)?)",
    re.IGNORECASE,
)
# A reporting clause set after or inside the words it reports: "..., added comrade X, ...", "“...” said X.",
# "..., Dr. X next observed." (Quirk et al. 1985, 14.29-14.30: the reporting clause in medial or final position,
# with subject-verb inversion). The subject follows the verb, after at most an honorific or an adverb.
_INVERTED = re.compile(
    rf"(?:[,;\u201d\u2019\"]|\u2014|--)\s*(?:(?:then|also|further|again|next|finally)\s+)?(?P<verb>{VERBS}|went on|continued)(?![\w])"
    rf"\s+(?P<subj>(?:(?:(?i:{title_words.alternation('honorific')})|the)\s+)?)(?=[A-Z])"
)
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?P<subj>(?:(?:{title_words.alternation('honorific')}|the) )?[A-Z][\w'’ .-]{{1,60}}?)\s*,")
_OWNER = r"(?P<subj>his|her|my|our|their|[A-Z][\w'’ -]{1,60}?['’]s)"
_OPINION = re.compile(
    rf"\b(?:In|in) {_OWNER} (?:{reporting.alternation(reporting.nouns(only=('think',), stanceless=True))})\s*,?", re.UNICODE)
# "His answer was that ...", "The minister's view is: ...", "X's point of view concerning Y: ...": a speech noun owned
# by its speaker, then what it held (after "was that", "was:", or the matter it concerns and a colon).
_POSSESSED = re.compile(
    rf"(?<![\w]){_OWNER.replace('his|', '[Hh]is|').replace('her|', '[Hh]er|').replace('my|', '[Mm]y|').replace('our|', '[Oo]ur|').replace('their|', '[Tt]heir|')}"
    rf"\s+(?:\w+\s+(?:of\s+)?)?(?P<noun>{reporting.alternation(reporting.nouns(without=('raise', 'ask', 'decide', 'floor')))})"
    r"(?:\s+(?:was|is|had been|has been|remained|remains)(?:\s+that(?![\w])|\s*:(?=[ \t]*\S))"
    r"|\s+(?:concerning|regarding|on|about|as regards|with regard to|in regard to)\s+[^:.;!?\n]{1,100}?:(?=[ \t]*\S))")

# A verb of saying as the means of what the subject did: "X began the talk by noting that ...", "Y replied by
# stating that ..." (Quirk et al. 1985 on adjuncts of means: by + -ing). What the subject did is a verb and its object,
# lower-case words without a break.
_BY_SAYING = re.compile(r"(?<![\w])by\s+(?P<verb>[a-z]+ing(?:\s+out)?)(?:\s+that\b|(?=\s+(?:whether|if)\b))", re.I)
_ACT = re.compile(r"\s*(?:[a-z]+\s+){1,5}")

# Words allowed between a subject and its verb: "Comrade X then said", "he personally believes".
_FILLER = re.compile(
    r"^\]?(?:\s*,?\s*(?:then|also|further|again|once again|however|had|has|have|would|will|did|does|do|not|never|immediately|firmly|categorically|only|"
    r"personally|in reply|in response|in turn|thereupon|finally|in conclusion|frankly|openly|repeatedly|[A-Za-z]+ly)\s*,?)*\s*$"
)
PRONOUNS = re.compile(r"(?<![\w])(?P<p>I|We|we|He|he|She|she|They|they)(?![\w])")
# "Both" standing for the two last named ("Both agreed that", "both of them"); "Both X and Y" names them instead.
_BOTH_OF_THEM = re.compile(r"(?<![\w])(?:[Bb]oth(?:\s+of\s+them|\s+sides|\s+men|\s+leaders)?(?=\s+[a-z])|[Tt]he\s+two\s+(?:sides|men|leaders|interlocutors))(?![\w])")
# "The Secretary", "the Foreign Minister", "the Secretary of State": an office or rank of the titles lexicon, after
# its grades and portfolio and before "of" and its portfolio; the guest and the host of the meeting.
_PORTFOLIO = title_words.alternation("portfolio")
TITLES = re.compile(
    rf"(?<![\w])[Tt]he (?P<title>guest|host|ambassador|(?:(?:{title_words.alternation('grade', 'portfolio')})\s+)*"
    rf"(?:{title_words.alternation('office', 'rank')})(?:\s+of\s+(?:{_PORTFOLIO})(?:\s+(?:{_PORTFOLIO}))*)?)(?![\w])"
)
# A speaker the record does not name: "one member", "other participants", "a representative".
_UNNAMED_NOUN = r"(?:members?|participants?|speakers?|representatives?|officials?|delegates?|observers?|attendees?|spokesm[ae]n)"
UNNAMED = re.compile(
    rf"(?<![\w])(?:(?:[Oo]ne|[Aa]nother|[Oo]ther|[Ss]ome|[Ss]everal|[Mm]any|[Mm]ost|[Aa] few|[Aa]|[Aa]n|[Tt]he other)\s+(?:of the\s+)?{_UNNAMED_NOUN}"
    rf"|[Tt]he\s+(?:[A-Z][\w-]*\s+){{0,3}}(?:representatives?|delegates?|spokesm[ae]n|officials?)"
    rf"|[A-Z][\w-]*\s+(?:[A-Z][\w-]*\s+)?representatives)(?![\w])"
)
# Reporting without a speaker: "it was argued that", "it was noted", "the opinion was voiced that".
_PARTICIPLES = reporting.alternation(
    reporting.verb_forms(("say", "think", "request", "agree", "disagree", "decide"), ("participle",))
    + [forms(v).participle for v in ("question", "query")])
_PASSIVE = re.compile(
    rf"(?<![\w])[Ii]t (?:was|is|has been|had been|were)\s+(?:also\s+|further\s+|generally\s+|repeatedly\s+|again\s+|strongly\s+|widely\s+)?"
    rf"(?P<verb>{_PARTICIPLES})(?![\w])(?P<tail>(?:\s+by\s+(?P<agent>[^,;:]{{2,60}}?)(?=\s*,|\s+that\b))?(?:\s*,)?(?:\s+that)?)"
)
_NOUNS = reporting.alternation(reporting.nouns())
_NOMINAL = re.compile(
    rf"(?<![\w])(?P<noun>{_NOUNS})\s+(?:was|were|had been|has been)\s+(?:also\s+|further\s+|repeatedly\s+)?"
    rf"(?P<verb>{reporting.alternation([forms(v).participle for v in reporting.LIGHT_VERBS] + reporting.verb_forms(('say',), ('participle',)))})"
    r"(?![\w])(?P<tail>(?:\s+that)?\s*:?)"
)
# "The counter-arguments to this follow:": a list of what was said comes next.
_FOLLOW = re.compile(rf"(?<![\w])(?P<noun>{_NOUNS})\b[^:.;]{{0,80}}?\b(?P<verb>follows?)\s*:\s*$")
_VERDICT = re.compile(rf"(?<![\w])(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?P<noun>reply|answer|response|consensus|conclusion|view|feeling|{_NOUNS})\s+was\s+that(?![\w])")
# Something done to a thing, with no doer named: "A study was requested", "The plan was rejected".
_ACTED_ON = re.compile(
    r"(?<![\w])(?:was|were)\s+(?:also\s+|strongly\s+|sharply\s+|widely\s+)?(?P<verb>requested|suggested|proposed|recommended|urged|"
    r"rebutted|criticized|criticised|opposed|rejected|questioned|challenged|endorsed|supported|welcomed|praised|approved|"
    r"characteri[sz]ed|described|regarded|considered|discussed|cited)(?![\w])(?!\s+by\b)"
)
_PARAGRAPH_BREAK = re.compile(r"[ \t]*\n[ \t]*\n")  # a sentence that ends here closes its paragraph
COLLECTIVE = re.compile(r"(?<![\w])(?:side|delegation|comrades|government|leadership|leaders|embassy)(?![\w])", re.IGNORECASE)


@dataclass(frozen=True)
class Subject:
    start: int
    end: int
    kind: str  # "pronoun", "person", "title", "collective"
    value: str  # the pronoun, the person ref, the title word, or the entity IRI of the collective


@dataclass(frozen=True)
class Cue:
    start: int
    end: int  # the reported clause begins here
    verb: str
    subject: Subject | None
    asking: bool
    governing: bool  # "stated the following:" - the next paragraphs are the speaker's words
    co: tuple[Subject, ...] = ()  # subjects coordinated with `subject` ("Both X and Y insisted"): each says it too


def _between(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions inside [start, end), given mentions sorted by start."""
    lo = bisect.bisect_left(mentions, start, key=lambda m: m.span.start)
    hi = bisect.bisect_left(mentions, end, key=lambda m: m.span.start)
    return mentions[lo:hi]


def subjects(text: str, start: int, end: int, mentions: list[Mention]) -> list[Subject]:
    """Everything in text[start:end] that could be the subject of a reporting verb."""
    found: list[Subject] = []
    for m in _between(mentions, start, end):
        if m.span.end <= end:
            if m.kind == "person":
                found.append(Subject(m.span.start, m.span.end, "person", m.entity))
            elif m.kind in ("state", "party"):
                after = text[m.span.end:min(end, m.span.end + 20)]
                c = re.match(r"\s+(?:side|delegation|comrades|government|leadership|leaders|embassy)\b", after, re.I)
                if c:
                    found.append(Subject(m.span.start, m.span.end + c.end(), "collective", m.entity))
    for m in PRONOUNS.finditer(text, start, end):
        found.append(Subject(m.start(), m.end(), "pronoun", m["p"].lower()))
    for m in _BOTH_OF_THEM.finditer(text, start, end):  # "Both agreed", "the two sides agreed": a plural subject, as "they"
        found.append(Subject(m.start(), m.end(), "pronoun", "they"))
    for m in TITLES.finditer(text, start, end):
        found.append(Subject(m.start(), m.end(), "title", m["title"].lower()))
    for m in UNNAMED.finditer(text, start, end):
        found.append(Subject(m.start(), m.end(), "unnamed", "participant"))
    return sorted(found, key=lambda s: (s.start, -s.end))


Found = dict[tuple[int, int], tuple[list[Subject], list[Cue]]]
"""A sentence's possible subjects and the cues the word patterns find in it, by its (start, end): kept by a caller
that asks `parse_helps` and then `find_cues` about the same sentences of one text and its mentions, so that the
patterns are read once (they are most of the time of both)."""


def _found(text: str, start: int, end: int, mentions: list[Mention], found: Found | None) -> tuple[list[Subject], list[Cue]]:
    if found is not None and (start, end) in found:
        return found[(start, end)]
    candidates = subjects(text, start, end, mentions)
    result = candidates, _patterned(text, start, end, candidates)
    if found is not None:
        found[(start, end)] = result
    return result


def find_cues(text: str, start: int, end: int, mentions: list[Mention], reports: Sequence[Report] = (),
              found: Found | None = None) -> list[Cue]:
    """The reporting cues of the sentence text[start:end], in order, with their subjects: from the word patterns
    below, and from the parse (`reports`) wherever they miss a reporting verb."""
    candidates, patterned = _found(text, start, end, mentions, found)
    cues = list(patterned)
    cues += _parsed(text, start, end, candidates, cues, reports)
    return sorted(cues, key=lambda c: c.end)


def parse_helps(text: str, start: int, end: int, mentions: list[Mention], found: Found | None = None) -> bool:
    """Whether a parse of the sentence text[start:end] could add a cue to the word patterns': only when a word they
    leave could be a reporting verb and the sentence holds someone to say it (`_parsed` takes no other). Most
    sentences need no parse, the most costly step of extraction."""
    words = reporting_words(text, start, end)
    if not words:
        return False
    candidates, cues = _found(text, start, end, mentions, found)
    if not candidates:
        return False
    return any(not any(c.start <= at < c.end for c in cues) for at in words)


def _patterned(text: str, start: int, end: int, candidates: list[Subject]) -> list[Cue]:
    """The cues the word patterns find, unsorted."""
    cues: list[Cue] = []
    for m in _CUE.finditer(text, start, end):
        verb = m["verb"].lower()
        subject = None
        for s in reversed(candidates):
            if s.end <= m.start() and _FILLER.match(text[s.end:m.start()]):
                subject = s
                break
        if subject is None and re.search(r"\b(?:and|but)\s+$", text[max(start, m.start() - 6):m.start()]):
            # "I thanked the minister and said that ...": the subject of the sentence's first verb
            first = next((s for s in candidates if s.end <= m.start() and s.kind in ("pronoun", "person", "title")), None)
            if first is not None and _FILLER.match(text[start:first.start]) is not None:
                subject = first
        if subject is None:
            continue
        # "stated the following:" governs the paragraphs after it, unless the words follow in the same sentence.
        governing = ("the following" in m["tail"].lower() or m["tail"].strip().endswith(":")) and \
            len(re.findall(r"\w+", text[m.end():end])) < 3
        # "X told me the following facts about ...", "X explained the Polish position on Y:", closing its paragraph:
        # what follows is X's account.
        closes = _PARAGRAPH_BREAK.match(text, end) is not None or end >= len(text.rstrip())
        governing = governing or closes and ("the following" in m["tail"].lower() or text[start:end].rstrip().endswith(":")
                                             and not re.match(r"\s*(?:that|whether|if)\b", text[m.end():end]))
        # "asked that X be done" is a request; "asked whether/what ..." a question.
        asking = bool(ASKING.match(verb)) and "that" not in m["tail"].lower()
        co = _coordinated(text, start, subject, candidates)
        cues.append(Cue(co[0].start if co else subject.start, m.end(), verb, subject, asking, governing, co))
    for m in _INVERTED.finditer(text, start, end):
        subject = next((s for s in candidates if s.start == m.end("subj") and s.kind in ("person", "title", "collective")), None)
        if subject is None or any(c.start <= m.start("verb") < c.end for c in cues):
            continue
        rest = text[subject.end:end]
        if not re.match(r"\s*(?:[,;.:!?\u2014]|--|$)", rest):
            continue  # "..., said Kim to the guests that ..." is ordinary order after all
        verb = m["verb"].lower()
        cues.append(Cue(start, start, verb, subject, bool(ASKING.match(verb)), False))
    for m in _ACCORDING.finditer(text, start, end):
        person = next((s for s in candidates if s.kind in ("person", "collective") and m.start("subj") <= s.start < m.end("subj")), None)
        if person is not None:
            cues.append(Cue(m.start(), m.end(), "according", person, False, False))
    for m in [*_OPINION.finditer(text, start, end), *_POSSESSED.finditer(text, start, end)]:
        if any(c.start <= m.start() < c.end for c in cues):
            continue
        raw = m["subj"]
        if raw.lower() in ("his", "her", "my", "our", "their"):
            pronoun = {"his": "he", "her": "she", "my": "i", "our": "we", "their": "they"}[raw.lower()]
            subject = Subject(m.start("subj"), m.end("subj"), "pronoun", pronoun)
        else:
            person = next((s for s in candidates if s.kind == "person" and m.start("subj") <= s.start < m.end("subj")), None)
            if person is None:
                continue
            subject = person
        cues.append(Cue(m.start(), m.end(), (m.groupdict().get("noun") or "opinion").lower(), subject, False, False))
    for m in _BY_SAYING.finditer(text, start, end):
        if reporting.verb_kind(m["verb"]) not in ("say", "think", "tell") or any(c.start <= m.start() < c.end for c in cues):
            continue
        subject = next((s for s in reversed(candidates) if s.end <= m.start() and s.kind != "collective"
                        and _ACT.fullmatch(text[s.end:m.start()])), None)
        if subject is not None:  # it stands for a verb of saying before it ("answered the question by saying that")
            cues = [c for c in cues if not (c.subject == subject and c.end <= m.start() and _ACT.fullmatch(text[c.end:m.start()]))]
            cues.append(Cue(subject.start, m.end(), m["verb"].lower(), subject, False, False))
    cues += _speakerless(text, start, end, candidates, cues)
    return cues


_COORDINATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)")
_BOTH = re.compile(r"\s*(?:(?:[Bb]oth|[Tt]hen|[Ll]ater|[Aa]fterwards)\s+)?")


def _coordinated(text: str, start: int, subject: Subject, candidates: list[Subject]) -> tuple[Subject, ...]:
    """The subjects joined to a verb's subject where its sentence begins ("Both X and Y insisted", "X, Y and I
    agreed"): every one of them says what follows. A name joined further into the sentence ("I thanked X and Y
    said") is no subject."""
    joined: list[Subject] = []
    current = subject
    while True:
        before = [s for s in candidates if s.end <= current.start and s.kind in ("person", "title", "collective", "pronoun")]
        if not before or not _COORDINATOR.fullmatch(text[before[-1].end:current.start]):
            break
        current = before[-1]
        joined.insert(0, current)
    if not joined or not _BOTH.fullmatch(text[start:joined[0].start]):
        return ()
    return tuple(joined)


_SUBJECT_ORDER = {"person": 0, "title": 1, "collective": 2, "unnamed": 3, "pronoun": 4}


def _parsed(text: str, start: int, end: int, candidates: list[Subject], taken: list[Cue], reports: Sequence[Report]) -> list[Cue]:
    """Cues the parse finds and the patterns do not: a reporting verb whose subject names a speaker. A subject
    the parse leaves unattached is the sentence's opening name when only a parenthesis stands between it and
    the verb ("X, after a long pause, stated that ...")."""
    out: list[Cue] = []
    for r in reports:
        if any(c.start <= r.verb_start < c.end for c in taken + out):
            continue
        if r.subject is not None:
            inside = [s for s in candidates if s.start < r.subject[1] and r.subject[0] < s.end]
        else:
            opening = [s for s in candidates if s.end <= r.verb_start and re.fullmatch(r"\s*(?:[Tt]he\s+)?", text[start:s.start])]
            between = text[opening[0].end:r.verb_start].strip() if opening else ""
            inside = opening[:1] if between.startswith(",") and between.endswith(",") else []
        if not inside:
            continue
        subject = min(inside, key=lambda s: (_SUBJECT_ORDER.get(s.kind, 9), s.start))
        asking = r.kind == "ask" and not re.match(r"\s*that\b", text[r.verb_end:r.verb_end + 8])
        closing = text[r.verb_start:end].rstrip().endswith(":")
        # "X then explained the Polish position on Y:" closing its paragraph: what X said is the paragraph after it.
        governing = closing and (r.content_start >= end - 1 or _PARAGRAPH_BREAK.match(text, end) is not None
                                 and not re.match(r"\s*(?:that|whether|if)\b", text[r.verb_end:end]))
        out.append(Cue(min(subject.start, r.verb_start), max(r.content_start, r.verb_end), r.verb.lower(), subject, asking, governing))
    return out


def _speakerless(text: str, start: int, end: int, candidates: list[Subject], taken: list[Cue]) -> list[Cue]:
    """Cues that report speech without naming who spoke ("it was proposed that ...", "criticisms were made:");
    a speaker named after "by" still speaks."""
    out: list[Cue] = []
    ends_with_colon = text[start:end].rstrip().endswith(":")
    busy = [(c.start, c.end) for c in taken]
    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in busy)

    for m in _PASSIVE.finditer(text, start, end):
        if not free(m.start(), m.end()):
            continue
        subject = Subject(m.start(), m.start("verb"), "unnamed", "participant")
        if m["agent"]:
            named = [s for s in candidates if s.kind in ("person", "title", "collective") and m.start("agent") <= s.start < m.end("agent")]
            if named:
                subject = named[0]
        clause = m.end() if m["tail"].strip().endswith("that") else start  # "X, it was noted, was costly": the whole sentence
        out.append(Cue(m.start(), max(clause, start), m["verb"].lower(), subject, False, ends_with_colon and clause == start))
    for pattern in (_NOMINAL, _VERDICT, _FOLLOW):
        for m in pattern.finditer(text, start, end):
            if free(m.start(), m.end()):
                # "The following reasons were advanced against a public statement:" governs the list after it.
                governing = ends_with_colon and not re.search(r":\s*\S", text[m.end():end].rstrip().rstrip(":"))
                asking = m["noun"].lower().startswith("question") and not governing  # "A question was raised": not a position
                out.append(Cue(m.start(), m.end(), m["noun"].lower(), Subject(m.start(), m.end(), "unnamed", "participant"),
                               asking, governing))
    if not out and not taken:
        m = _ACTED_ON.search(text, start, end)
        if m is not None:
            out.append(Cue(start, start, m["verb"].lower(), Subject(m.start(), m.end(), "unnamed", "participant"), False, ends_with_colon))
    return out
