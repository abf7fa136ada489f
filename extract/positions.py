"""Stated positions: attribution of each sentence, then the ones that take a stance.

How memoranda report speech, as rules:
- a cue sentence ("X said that ...", "I objected by saying that ...", "In his opinion ...")
  gives the clause after its last cue to that cue's subject; earlier cues report it;
- "X stated the following:" makes the next paragraphs X's own words, until a sentence
  speaks of X in the third person or another cue takes over;
- after a cue, the paragraph's next sentences go on in X's voice (indirect speech) until
  one speaks of someone as "he"/"his" or the author says "I";
- "I" is the author in narration and the speaker inside their own words; "he" is the
  person last named in the sentence, else the author's interlocutor; "the Korean side"
  is a collective speaker, the state itself; "the Secretary" is the participant with
  that title.
A clause is a position when it takes a stance (cues from the stance scheme) on something:
an entity or a topic named in it, other than the speaker, the meeting's participants and
the speaker's own side. A cue clause with a stance but no object of its own is merged
with the continuation that supplies one, else takes the conversation's current subject.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from .attribution import Cue, Found, Subject, find_cues, parse_helps, subjects
from . import reporting
from .syntax import Report, is_verbless, parse_reports, prepare
from .authority import Authority
from cwkg.lang.dates import find_full_dates
from .stance import INFORMS, PROPOSES, announces_proposals, by_means, negates, parse_questions, stance_of
from cwkg.records.facts import MeetingFact, Mention, PersonFact, PositionFact, PostFact, Span
from cwkg.lang.text import Block, fold, sentences
from .turns import Turn, find_turns, numbered_points, opens_block, resolve_label

_THIRD_PERSON = re.compile(r"(?<![\w])(?:he|him|his|she|her|He|His|She|Her)(?![\w])")
# Discourse connectives that add to an argument already under way (Quirk et al. 1985, 8.137-8.139: listing and
# contrastive conjuncts), and ordinals that count on from an earlier point.
_GOES_ON = re.compile(
    r"^\s*(?:(?:Moreover|Furthermore|In addition|Additionally|Also|Besides|Further|Secondly|Thirdly|Finally|Lastly|Likewise|"
    r"Similarly|However|Nevertheless|On the other hand|At the same time|Still)\b|(?:A|The)\s+(?:second|third|fourth|fifth|further|"
    r"final|last|related)\s)")
_ADDRESSED = re.compile(r"(?<![\w])(?:him|her)(?![\w])")  # "We told him ...": the writer's side answering the speaker
_AUTHOR_I = re.compile(r"(?<![\w])(?:I|my|me)(?![\w])")
# A letter's salutation and complimentary close: the author's, but not a statement.
_FORMULA = re.compile(r"^(?:(?:My )?Dear\b|(?:Yours|Sincerely|Respectfully|Faithfully|Cordially|With (?:warm|warmest|best|kind|kindest|my)\b|Best (?:regards|wishes)))", re.I)
# What an author narrates rather than states: a meeting taking place, courtesies exchanged.
_EVENT = re.compile(
    r"\b(?:received|visited|met|called on|paid (?:a|an|his|her|my) (?:\w+ )?visit|had (?:a|an) (?:\w+ )?(?:talk|conversation|meeting|discussion)|"
    r"took place|was held|lasted|(?:was|were) present|attended|thanked|greeted|congratulated|handed (?:over|him|her|me))\b", re.I)
_QUESTION_START = re.compile(r"^(?:What|Why|How|Who|Whom|Which|Where|When|Is|Are|Do|Does|Did|Can|Could|Would|Should|Shall)\b")
_LABEL = re.compile(r"(?:\w+\s+){0,2}\w+\s*:")  # "Action:", "Next steps:": a heading, not a statement
# A statement that points back to the position before it takes that position's stance: agreeing with what another
# speaker said ("Y said he agreed.", "Z concurred.") and saying the same of something else ("The same is true of
# Poland."): Quirk et al. 1985 on pro-forms, "the same" and "so" standing for what was said before.
_AGREES = re.compile(r"^(?:[^,;:]*?\s)?(?:agree[sd]?|concur(?:s|red)?)(?:\s+(?:with\s+(?:this|that|him|her|them|it)|entirely|"
                     r"completely|fully|wholeheartedly))?\s*[.!]?\s*$", re.I)
_SAME = re.compile(r"^(?:and\s+)?the\s+same\s+(?:goes|is\s+true|holds|applies)\s+(?:for|of|to)\b", re.I)
SHORT = 3  # a fragment of fewer words ("Quite so.") joins the position before it; a sentence of its own is its own
# What an agreement settles when it says what will be done: a call for that action.
CONFIDENCE = {"cue": 0.9, "nested-report": 0.85, "direct-speech": 0.8, "continuation": 0.7, "own-voice": 0.75, "dialogue": 0.9}


@dataclass
class Context:
    body: str
    mentions: list[Mention]
    authority: Authority
    author: str | None
    participants: list[str]
    host: str | None
    own_side: dict[str, set[str]]  # speaker -> the state and party they belong to
    titles: dict[str, list[str]]  # word of a post's role -> persons who hold such a post
    titled: dict[str, list[str]]  # honorific word -> persons the text calls so ("Secretary Smith")
    author_side: str | None
    year: int | None = None
    own_voice: str | None = None  # whose statement the whole text is (a letter's, a telegram's author), if anyone's
    unnamed: str | None = None  # the speaker of "it was suggested", "one member said": someone the record does not name
    syntax: dict[int, list[Report]] = field(default_factory=dict)  # the parse's reports, by sentence start
    patterned: Found = field(default_factory=dict)  # each sentence's subjects and pattern cues, once (attribution.Found)


@dataclass
class Attributed:
    """One sentence (or clause) with its speaker and how it was attributed."""

    sentence: Block
    clause_start: int
    speaker: str
    rule: str
    reporter: str | None = None
    relayed: list[str] = field(default_factory=list)
    explicit: bool = False  # an attribution cue in this very sentence
    frame_start: int | None = None  # for relayed words: where the relaying frame begins ("sent X a message in which")
    verb: str | None = None  # the reporting verb, whose own meaning may carry the stance ("doubted", "urged")


def _own_side(person: str, posts: list[PostFact], authority: Authority) -> set[str]:
    """The states and parties a person speaks for by their posts: a state's official for its ruling party too, a
    ruling party's secretary for its state too."""
    side = {p.of for p in posts if p.holder == person and p.of}
    side |= {authority.ruling_party_of[s] for s in side if s in authority.ruling_party_of}
    side |= {state for state, party in authority.ruling_party_of.items() if party in side}
    return side


def build_context(body: str, mentions: list[Mention], people: list[PersonFact], posts: list[PostFact],
                  meeting: MeetingFact | None, author: str | None, authority: Authority, heading: Block | None,
                  written_at: str | None = None, year: int | None = None, perspective: str | None = None,
                  own_voice: str | None = None, unnamed: str | None = None) -> Context:
    participants = meeting.participants if meeting else []
    refs = {p.ref for p in people} | {m.entity for m in mentions if m.kind == "person"}
    own = {ref: _own_side(ref, posts, authority) for ref in refs}
    for m in mentions:
        if m.kind in ("state", "party"):
            own[m.entity] = {m.entity} | ({authority.ruling_party_of[m.entity]} if m.entity in authority.ruling_party_of else set())
    titles: dict[str, list[str]] = {}
    titled: dict[str, list[str]] = {}
    role_labels = {r.iri: r.labels for r in authority.roles}
    for p in people:
        for w in {t.split()[0].lower() for t in p.titles}:
            titled.setdefault(w, []).append(p.ref)
    for listed in (meeting.listed if meeting else []):
        # "The Under Secretary of State, Chairman": "the Chairman" of the record is that participant.
        for w in {w.lower() for w in re.findall(r"[A-Z][a-z]+", listed.description or "")}:
            titles.setdefault(w, []).append(listed.person)
        words = {w.lower() for post in posts if post.holder == p.ref for label in role_labels.get(post.role, ()) for w in label.split()}
        for w in words:
            titles.setdefault(w, []).append(p.ref)
    author_side = None
    if author:
        author_side = next(iter(sorted(own.get(author, set()) & {e for e in own.get(author, set()) if authority.entities.get(e, None) and authority.entities[e].kind == "state"})), None)
    author_side = author_side or perspective
    if author_side is None and heading:
        author_side = next((m.entity for m in mentions if m.kind == "state" and heading.start <= m.span.start < heading.end), None)
    if author_side is None and written_at:
        author_side = authority.capital_state(written_at, year)
    for person, organizations in authority.organizations_of.items():
        own.setdefault(person, set()).update(organizations)
    return Context(body, mentions, authority, author, participants, meeting.host if meeting else None, own, titles,
                   titled, author_side, year, own_voice, unnamed)


def _interlocutor(ctx: Context, last_speaker: str | None) -> str | None:
    """Whom "he" means across sentences: the last speaker other than the author, else the first other participant."""
    if last_speaker and last_speaker != ctx.author:
        return last_speaker
    others = [p for p in ctx.participants if p != ctx.author]
    return others[0] if others else None


def resolve(ctx: Context, subject: Subject, sentence: Block, voice: str | None, last_speaker: str | None) -> str | None:
    """The agent a cue's subject refers to; `voice` is whose own words the sentence is in."""
    if subject.kind in ("person", "collective"):
        return subject.value
    if subject.kind == "unnamed":
        return ctx.unnamed
    if subject.kind == "title":
        if subject.value == "guest":
            return next((p for p in ctx.participants if p != ctx.host), None)
        if subject.value == "host":
            return ctx.host
        named = [m.entity for m in ctx.mentions if m.kind == "person" and m.rule == "office-title"
                 and m.span.start < subject.end and subject.start < m.span.end]
        if named:
            return named[-1]  # "The Secretary" the record's offices give that day's holder of
        word = subject.value.split()[0]
        titled = [p for p in ctx.titled.get(word, []) if p != ctx.author]
        if len(titled) == 1:
            return titled[0]  # "Secretary Smith" earlier in the text
        holder = ctx.authority.office_holder(subject.value, ctx.author_side, ctx.year)
        if holder:
            return holder  # the record's own Secretary, Ambassador ... that year
        bearers = [p for p in ctx.titles.get(subject.value.split()[-1], []) if p != ctx.author]
        if len(bearers) == 1:
            return bearers[0]
        return next((b for b in bearers if b in ctx.participants), None)
    p = subject.value
    if p in ("i", "we"):
        if voice:
            return voice
        return ctx.author or ctx.author_side
    if p in ("he", "she"):
        before = [m for m in ctx.mentions if m.kind == "person" and sentence.start <= m.span.start < subject.start and m.entity != ctx.author]
        if before:
            return before[-1].entity
        return _interlocutor(ctx, last_speaker)
    return None


def attribute(ctx: Context, blocks: list[Block]) -> list[Attributed]:
    """Speaker of every sentence that reports speech, paragraph by paragraph."""
    out: list[Attributed] = []
    direct: str | None = None
    last_speaker: str | None = None
    turns = speaker_turns(ctx, blocks)
    listed_until = 0  # the end of the numbered points under the last block opener
    indirect: str | None = None
    for para in blocks:
        # A speaker's report goes on into a paragraph that opens by adding to the argument ("A second tie ...",
        # "Moreover, ...", "On the other hand, ..."); any other paragraph starts afresh.
        indirect = indirect if _GOES_ON.match(para.text) else None
        held = [(t, who) for t, who in turns if t.start < para.end and para.start < t.end]
        if held:
            # A transcript's turns ("BREZHNEV. ...", "K: ...", "Comrade X:" on its own line): each speaker's own words
            # until the next label, over as many paragraphs, or lines of one paragraph, as it runs.
            for t, speaker in held:
                last_speaker = speaker
                for sent in sentences(ctx.body, max(para.start, t.start), min(para.end, t.end)):
                    out.append(Attributed(sent, sent.start, speaker, "dialogue"))
            direct = None
            continue
        turn = _dialogue_turn(ctx, para)
        if turn is not None:
            # "Mao Zedong: ..." - a transcript's turn: the whole paragraph is the speaker's own words.
            speaker, colon = turn
            direct = last_speaker = speaker
            for sent in sentences(ctx.body, para.start, para.end):
                start = max(sent.start, colon)
                if start < sent.end:
                    out.append(Attributed(Block(start, sent.end, ctx.body[start:sent.end]), start, speaker, "dialogue"))
            direct = None
            continue
        for sent in sentences(ctx.body, para.start, para.end):
            cues = _reported_thought(find_cues(ctx.body, sent.start, sent.end, ctx.mentions, ctx.syntax.get(sent.start, ()), ctx.patterned))
            if direct and direct != ctx.unnamed and all(
                    c.subject is not None and c.subject.kind == "unnamed" and not c.governing for c in cues):
                cues = []  # "the question has been raised again" inside X's own words: still X speaking
            if cues:
                speakers: list[str | None] = []
                for c in cues:
                    voice = direct if c.subject and c.subject.value in ("i", "we") else None
                    if voice is None and c.subject and c.subject.value == "we" and indirect and indirect != ctx.author \
                            and not _ADDRESSED.search(sent.text):
                        voice = indirect  # "we feared that ..." in a minister's reported words: the minister's side
                    speaker = resolve(ctx, c.subject, sent, voice, last_speaker)
                    if c.subject and c.subject.value in ("he", "she") and speakers and speakers[-1]:
                        # "..., he concluded, ...": the same speaker, unless someone else was named in between
                        between = [m for m in ctx.mentions if m.kind == "person" and cues[len(speakers) - 1].end <= m.span.start < c.subject.start]
                        if not between:
                            speaker = speakers[-1]
                    speakers.append(speaker)
                chain = [s for s in dict.fromkeys(s for s in speakers if s)]
                last: Cue = cues[-1]
                speaker = speakers[-1]
                together = _plural(ctx, last.subject, sent) if speaker is None else []
                if together:  # "They agreed that ...", "Both agreed ...": a position of each of the two last named
                    for each in together:
                        out.append(Attributed(sent, last.end, each, "cue+plural", None, [], True, None, last.verb))
                    indirect = direct = None
                    continue
                if speaker is None:
                    continue
                holder = direct or indirect
                voiced = direct or (ctx.own_voice if not indirect else None)
                if voiced and voiced != speaker and speaker in ctx.own_side.get(voiced, set()) \
                        and not any(c.governing or c.asking for c in cues):
                    # "The Polish government is worried about ..." in the Polish minister's own words, or in a letter
                    # he writes: he speaks for his side, and keeps the floor.
                    out.append(Attributed(sent, sent.start, voiced, ("direct-speech" if direct else "own-voice") + "+own-side"))
                    continue
                if holder and holder not in (speaker, ctx.author) and last.subject and last.subject.kind in ("person", "title") \
                        and all(reporting.kind(c.verb) == "think" and not c.governing for c in cues):
                    # "the Premier surely believed that ..." in the Secretary's account: what the speaker says another
                    # thinks is the speaker's own judgement, and the speaker keeps the floor.
                    out.append(Attributed(sent, sent.start, holder, "direct-speech" if direct else "continuation"))
                    continue
                if (chain[0] if chain else speaker) != ctx.author:
                    last_speaker = chain[0] if chain else speaker
                if any(c.asking for c in cues):
                    direct = indirect = None  # a question is not a position, and ends the speech before it
                    continue
                if last.governing:
                    direct, indirect = speaker, None
                    continue
                if direct != speaker or last.subject and last.subject.kind in ("person", "title") and last.end > last.start \
                        and not reporters_inside(cues):
                    # someone else takes the floor, or the narrator reports the speaker anew ("Comrade X stressed
                    # that ..."; not "..., said X, ..." inside X's words): the floor a block opener gave ends; the
                    # speaker's own "I believe" keeps it
                    direct = None
                reporters = [s for s in chain if s != speaker]
                rule = "nested-report" if reporters else "cue"
                frame = cues[-2].end if reporters and len(cues) > 1 else None
                # The clause starts after the first of the cues the speaker says it with.
                first = len(speakers) - 1
                while first > 0 and speakers[first - 1] == speaker:
                    first -= 1
                out.append(Attributed(sent, cues[first].end, speaker, rule, reporters[-1] if reporters else None, reporters[:-1], True, frame, cues[first].verb))
                for co in last.co:  # "Both X and Y insisted that ...": a position of each
                    also = resolve(ctx, co, sent, None, last_speaker)
                    if also and also != speaker:
                        out.append(Attributed(sent, cues[first].end, also, rule, reporters[-1] if reporters else None, reporters[:-1], True, frame, cues[first].verb))
                indirect = chain[0] if chain else speaker
                continue
            opener = _block_opener(ctx, sent, last_speaker)
            if opener is not None:
                # "X spoke about the following questions:", "His answer was:": X holds the floor for what follows,
                # and for the numbered points under it even where they speak of X as "he".
                direct, indirect = opener, None
                points = numbered_points(ctx.body, sent.end, blocks)
                listed_until = points[-1][1] if points else sent.end
                continue
            if direct:
                if sent.start >= listed_until and _narration(ctx, sent, direct):
                    direct = None
                else:
                    out.append(Attributed(sent, sent.start, direct, "direct-speech"))
                    continue
            if indirect:
                if (_narration(ctx, sent, indirect) and not _reported_he(ctx, sent, indirect)) or _AUTHOR_I.search(sent.text):
                    indirect = None
                else:
                    out.append(Attributed(sent, sent.start, indirect, "continuation"))
                    continue
            if ctx.own_voice and _statement(sent.text):
                out.append(Attributed(sent, sent.start, ctx.own_voice, "own-voice"))
    return out


def _plural(ctx: Context, subject: Subject | None, sentence: Block) -> list[str]:
    """Whom "they" or "both" stands for: the persons named together ("X and Y") last before the sentence in its
    paragraph or the one before, else the two participants of the record's meeting."""
    if subject is None or subject.kind != "pronoun" or subject.value != "they":
        return []
    before = [m for m in ctx.mentions if m.kind == "person" and sentence.start - 600 <= m.span.start < subject.start]
    for a, b in zip(reversed(before[:-1]), reversed(before)):
        if a.entity != b.entity and re.fullmatch(r"\s*(?:,\s*)?and\s+", ctx.body[a.span.end:b.span.start]):
            return [a.entity, b.entity]
    return list(ctx.participants) if len(ctx.participants) == 2 else []


def reporters_inside(cues: list[Cue]) -> bool:
    """Whether a sentence's cues are a report inside a report ("X said that Y had urged"): the outer speaker's words."""
    return len({c.subject.start for c in cues if c.subject}) > 1


_TURN = re.compile(r"^\[?(?P<name>[^:\n\]]{1,60}?)\]?\s*:\s+(?=\S)")


_POSSESSIVE = {"his": "he", "her": "she", "their": "they", "my": "i", "our": "we"}


def _block_opener(ctx: Context, sent: Block, last_speaker: str | None) -> str | None:
    """Who a sentence with no reporting cue hands the floor to, when it opens a block ("X spoke about the
    following questions:", "His reply was as follows:"): its first named, titled or pronoun subject."""
    if not opens_block(sent.text):
        return None
    first = re.match(r"\s*(?P<p>His|Her|Their|My|Our)\b", sent.text)
    if first:
        subject = Subject(sent.start, sent.start + first.end(), "pronoun", _POSSESSIVE[first["p"].lower()])
    else:
        found = [s for s in subjects(ctx.body, sent.start, sent.end, ctx.mentions) if s.kind in ("person", "title", "collective", "pronoun")]
        if not found:
            return None
        subject = found[0]
    return resolve(ctx, subject, sent, None, last_speaker)


def _reported_thought(cues: list[Cue]) -> list[Cue]:
    """What a speaker says another thinks ("X said that Y probably felt ...") is the speaker's own judgement:
    a verb of thought inside someone's words does not make its subject the speaker."""
    while len(cues) > 1 and reporting.kind(cues[-1].verb) == "think" and not cues[-1].governing:
        cues = cues[:-1]
    return cues


def speaker_turns(ctx: Context, blocks: list[Block]) -> list[tuple[Turn, str]]:
    """The record's speaker turns, each with who holds the floor: a label resolved through the record's persons
    (participants first), a side or a title; a label none of these reads is no turn."""
    names: dict[str, set[str]] = {}
    for m in ctx.mentions:
        if m.kind == "person":
            names.setdefault(m.entity, set()).add(m.span.text)
    for ref in list(names):
        entity = ctx.authority.entities.get(ref)
        if entity is not None:
            names[ref].add(entity.label)
    people = [(ref, tuple(names[ref])) for ref in sorted(names, key=lambda r: r not in ctx.participants)]

    def speaker(t: Turn) -> str | None:
        found = resolve_label(t.label, people)
        if found is not None:
            return found
        named = [x for x in ctx.mentions if t.label_start <= x.span.start and x.span.end <= t.label_end and x.kind in ("state", "party")]
        if named:
            return named[-1].entity
        title = re.match(r"^(?:The\s+)?(\w+)$", t.label.strip())
        if title:
            return resolve(ctx, Subject(t.label_start, t.label_end, "title", title.group(1).lower()),
                           Block(t.label_start, t.label_end, t.label), None, None)
        return None

    found = find_turns(ctx.body, blocks)
    holders = {label: speaker(next(t for t in found if t.label == label)) for label in {t.label for t in found}}
    out = [(t, holders[t.label]) for t in found if holders[t.label] is not None]
    return out if len(out) >= 2 else []


def _dialogue_turn(ctx: Context, para: Block) -> tuple[str, int] | None:
    """A paragraph opening "Name:" (or "[Name]:") whose name is a person, a side or a title: (speaker, text start)."""
    m = _TURN.match(para.text)
    if not m or len(m["name"].split()) > 6:
        return None
    start, end = para.start + m.start("name"), para.start + m.end("name")
    if _names_a_list(ctx, para.start + m.end(), para.end):
        return None  # "From the Chinese side: X, Deputy Minister; Y, Director": who was there, not what they said
    named = [x for x in ctx.mentions if start <= x.span.start and x.span.end <= end and x.kind in ("person", "state", "party")]
    if named:
        return named[-1].entity, para.start + m.end()
    title = re.match(r"^(?:The\s+)?(\w+)$", m["name"].strip())
    if title:
        holder = resolve(ctx, Subject(start, end, "title", title.group(1).lower()), para, None, None)
        if holder:
            return holder, para.start + m.end()
    return None


_NAME_THEN_COMMA = re.compile(r"^\s*(?:and\s+)?[A-Z][\w'’.-]+(?:\s+(?:and\s+)?[A-Z][\w'’.-]+){1,5}\s*,")


def _names_a_list(ctx: Context, start: int, end: int) -> bool:
    """Whether the words after a label list people rather than say something: "X, Deputy Minister; Y, Director"
    (items between semicolons, each a name and then its title), or three or more comma-separated names."""
    text = ctx.body[start:end]
    people = [m.span.start - start for m in _inside(ctx, start, end) if m.kind == "person"]
    if text.count(";") >= 1:
        items = [m for m in re.finditer(r"[^;]+", text) if m.group(0).strip()]
        return len(items) >= 2 and all(_NAME_THEN_COMMA.match(m.group(0)) or any(
            m.start() <= p <= m.start() + 3 + len(m.group(0)) - len(m.group(0).lstrip()) for p in people) for m in items)
    items = [m for m in re.finditer(r"[^,]+", text.rstrip(" .")) if m.group(0).strip()]
    starts = {m.start() + len(m.group(0)) - len(m.group(0).lstrip()) for m in items}
    return len(items) >= 3 and all(any(abs(p - st) <= 4 for p in people) for st in starts)


def _statement(text: str) -> bool:
    """A sentence of the author's own that states something: not a salutation, signature, courtesy or narrated meeting."""
    text = text.strip()
    if len(text.split()) <= 6 and find_full_dates(text):
        return False  # a dateline ("Pyongyang, 10 June 1962.")
    return (len(text.split()) >= 3 and re.search(r"[.!?;]['’\"”)]*$", text) is not None
            and not _FORMULA.match(text) and not _EVENT.search(text))


def _inside(ctx: Context, start: int, end: int) -> list[Mention]:
    """The mentions that start in [start, end) (ctx.mentions is sorted by start)."""
    lo = bisect.bisect_left(ctx.mentions, start, key=lambda m: m.span.start)
    hi = bisect.bisect_left(ctx.mentions, end, key=lambda m: m.span.start)
    return ctx.mentions[lo:hi]


def _narration(ctx: Context, sent: Block, speaker: str) -> bool:
    """The narrator's voice: the speaker spoken of as "he", or by name. A "he" inside brackets, or after another
    person named earlier in the sentence, speaks of that person ("their ambassador, Y (he was there until 1962)")."""
    inside = _inside(ctx, sent.start, sent.end)
    if any(m.entity == speaker for m in inside):
        return True
    others = [m.span.start - sent.start for m in inside if m.kind == "person" and m.entity != speaker]
    for m in _THIRD_PERSON.finditer(sent.text):
        before = sent.text[:m.start()]
        if before.count("(") > before.count(")") or before.count("[") > before.count("]"):
            continue
        if any(at < m.start() for at in others):
            continue
        return True
    return False


# The writer's own comment on what was said: an extraposed "it" with an evaluative adjective ("It is difficult to
# say what he meant", "It was clear that ..."; Biber et al. 1999, 9.4.5).
_WRITERS_COMMENT = re.compile(r"^\s*(?:It|it)\s+(?:is|was|seems|seemed|remains|remained)\s+(?:\w+\s+)?(?:\w+)\s+(?:to|that|whether|what|how)\b")


def _reported_he(ctx: Context, sent: Block, speaker: str) -> bool:
    """Indirect speech goes on in the third person ("X said ... . He would rather wait a year."):
    a sentence that speaks of the speaker only as "he", names no one, narrates no act (a visit, a greeting) and is
    no comment of the writer's is still the speaker's report."""
    return not _WRITERS_COMMENT.match(sent.text) and not _inside_people(ctx, sent) and not _EVENT.search(sent.text) \
        and _statement(sent.text)


def _inside_people(ctx: Context, sent: Block) -> list[Mention]:
    return [m for m in _inside(ctx, sent.start, sent.end) if m.kind == "person"]


@dataclass
class _Clause:
    att: Attributed
    start: int
    end: int
    stance: str | None
    about: list[str]
    topics: list[str]
    words: int
    stance_why: str | None = None


def _topics(ctx: Context, text: str, entities: set[str]) -> list[str]:
    found = []
    cued = ctx.authority.topic_cues(text)
    for i, t in enumerate(ctx.authority.topics):
        cue = i in cued
        groups = t.groups and all(entities & g for g in t.groups)
        if (cue and (not t.groups or groups)) or (groups and t.cue is None):
            found.append(t.iri)
        elif groups and len(t.groups) > 1:
            found.append(t.iri)
    return found


def _clause_range(ctx: Context, att: Attributed) -> tuple[int, int]:
    start, end = att.clause_start, att.sentence.end
    while start < end and ctx.body[start] in " ,:;\u00a0":
        start += 1
    if not re.search(r"\w", ctx.body[start:end]):
        start = att.sentence.start  # "Ivanov agreed.": the whole sentence is the position
    return start, end


def _clause(ctx: Context, att: Attributed) -> _Clause:
    start, end = _clause_range(ctx, att)
    text = fold(ctx.body)[start:end]
    # Relayed words also concern whom they were relayed to ("sent the Albanian leadership a message ...").
    first = att.frame_start if att.frame_start is not None else start
    inside = [m for m in _inside(ctx, first, end) if m.kind != "place"]
    excluded = {att.speaker, att.reporter, *att.relayed, *ctx.participants}
    about = list(dict.fromkeys(m.entity for m in inside if m.entity not in excluded))
    topics = _topics(ctx, text, {m.entity for m in inside})
    side = ctx.own_side.get(att.speaker, set()) | {att.speaker}

    def own_side(s: int, e: int) -> bool:
        """Whether the words at clause offsets [s, e) name the speaker or the state or party they speak for."""
        named = {m.entity for m in _inside(ctx, start + s, start + e)}
        named |= {st for m in _inside(ctx, start + s, start + e) if m.kind == "place"
                  and (st := ctx.authority.capital_state(m.entity, ctx.year))}
        named |= {o for n in list(named) for o in ctx.own_side.get(n, set())}
        return bool(named & side)

    lead = fold(ctx.body)[att.sentence.start:start]
    negated = att.verb is not None and negates(lead, att.verb)
    stance, why = stance_of(ctx.authority, text, att.verb, own_side, negated=negated,
                            said_as_means=by_means(lead))
    return _Clause(att, start, end, stance, about, topics, len(ctx.body[start:end].split()), why)


def _current_subject(ctx: Context, before: int, window: list[Block], exclude: set[str]) -> str | None:
    counts = Counter(m.entity for m in (_inside(ctx, window[0].start, before) if window else [])
                     if m.kind in ("state", "party", "event", "region") and m.entity not in exclude)
    return counts.most_common(1)[0][0] if counts else None


def find_positions(ctx: Context, blocks: list[Block]) -> list[PositionFact]:
    ctx.patterned = {}  # (the mentions may differ from an earlier call's)
    ctx.syntax = parse_reports(ctx.body, [s for b in blocks for s in sentences(ctx.body, b.start, b.end)
                                          if parse_helps(ctx.body, s.start, s.end, ctx.mentions, ctx.patterned)])
    return _positions(ctx, blocks)


def _positions(ctx: Context, blocks: list[Block]) -> list[PositionFact]:
    """Every attributed clause that says something is a position; one with no stance signal `informs`.

    A short clause in the same voice right after a position ("and he added nothing more")
    grows that position instead of standing alone.
    """
    all_sentences = [s for b in blocks for s in sentences(ctx.body, b.start, b.end)]
    positions: list[PositionFact] = []
    previous: _Clause | None = None  # the clause of the last position, while it may grow
    attributed = attribute(ctx, blocks)
    folded = fold(ctx.body)
    prepare(q for a in attributed for q in parse_questions(ctx.authority, folded[slice(*_clause_range(ctx, a))], a.verb))
    for c in (_clause(ctx, a) for a in attributed):
        text = ctx.body[c.start:c.end]
        if c.stance is None and _proposed_item(ctx, c, all_sentences):
            c.stance, c.stance_why = PROPOSES, "an item after proposals were announced"
        if (_is_question(text) and not _rhetorical(c)) or c.words == 0 or _LABEL.fullmatch(text.strip()):
            previous = None
            continue
        grows = previous is not None and previous.att.speaker == c.att.speaker and not c.att.explicit \
            and _next_to(ctx.body, positions[-1].span.end, c.start) and c.words < SHORT
        if grows:
            _extend(positions[-1], c, ctx)
            continue
        if positions and (back := _points_back(text, c, positions[-1])):
            c.stance, c.stance_why = back
        pos = _make(ctx, c, c.about, c.topics)
        if not c.about and not c.topics:
            subject = _subject_at(ctx, c, all_sentences)
            if subject is None:
                previous = None
                continue  # a statement about nothing the graph can name
            pos.about.append(subject)
            pos.rule += "+current-subject"
        positions.append(pos)
        previous = c
    return positions


def _points_back(text: str, c: _Clause, before: PositionFact) -> tuple[str, str] | None:
    """The stance of the position before, with why, when this clause agrees with it (another speaker's) or says the
    same of something else."""
    if _AGREES.match(text.strip()) and before.speaker != c.att.speaker:
        return before.stance, f"agrees with the position before ({before.stance})"
    if _SAME.match(text.strip()):
        return before.stance, f"the same as the position before ({before.stance})"
    return None


def _sentence_at(all_sentences: list[Block], offset: int) -> int | None:
    """The index of the sentence (in document order) that holds `offset`: by bisection, so a long record does not
    cost a scan of all its sentences for every clause."""
    i = bisect.bisect_right(all_sentences, offset, key=lambda s: s.start) - 1
    return i if i >= 0 and all_sentences[i].start <= offset < all_sentences[i].end else None


def _proposed_item(ctx: Context, c: _Clause, all_sentences: list[Block]) -> bool:
    """A verbless item in a run of them right after "I have two suggestions:" or "Recommendations:"."""
    idx = _sentence_at(all_sentences, c.start)
    if idx is None:
        return False
    before = all_sentences[max(0, idx - 6):idx]
    if not any(announces_proposals(s.text) for s in before):
        return False  # the cheap test first: most clauses follow no announcement, and need no parse
    if not is_verbless(ctx.body[c.start:c.end]):
        return False
    for sentence in reversed(before):
        if announces_proposals(sentence.text):
            return True
        if not is_verbless(sentence.text):
            return False
    return False


def _subject_at(ctx: Context, c: _Clause, all_sentences: list[Block]) -> str | None:
    """The state, party or event most named in the sentences before the clause (the last eight), else in
    the record up to it, else in the whole record: what the conversation is about."""
    idx = _sentence_at(all_sentences, c.start) or 0
    exclude = ctx.own_side.get(c.att.speaker, set()) | {c.att.speaker}
    for window, before in ((all_sentences[max(0, idx - 8):idx + 1], c.start), (all_sentences[:idx + 1], c.start),
                           (all_sentences, all_sentences[-1].end if all_sentences else c.start)):
        found = _current_subject(ctx, before, window, exclude)
        if found:
            return found
    return None


def _extend(pos: PositionFact, c: _Clause, ctx: Context) -> None:
    pos.span = Span(pos.span.start, c.end, ctx.body[pos.span.start:c.end])
    pos.about = list(dict.fromkeys(pos.about + c.about))


def _next_to(body: str, end: int, start: int) -> bool:
    """Nothing but spaces between two spans, and no paragraph break."""
    between = body[end:start]
    return start >= end and not between.strip() and "\n\n" not in between


def _rhetorical(c: _Clause) -> bool:
    """A question inside a speaker's own run of words ("who would pay for it?", "why not talk to them?")
    argues a point; one put by a cue ("X asked whether ...") or alone in a turn asks."""
    return c.att.rule.split("+")[0] in ("direct-speech", "continuation")


def _is_question(text: str) -> bool:
    t = text.strip()
    return t.endswith("?") or (t.endswith("!") and bool(_QUESTION_START.match(t)))


def _make(ctx: Context, c: _Clause, about: list[str], topics: list[str]) -> PositionFact:
    att = c.att
    text = ctx.body[c.start:c.end]
    speaker_entity = ctx.authority.entities.get(att.speaker)
    on_behalf = att.speaker if speaker_entity and speaker_entity.kind in ("state", "party") else None
    m = re.search(r"\bon behalf of (?:the )?", fold(text))
    if m:
        target = next((x for x in ctx.mentions if x.span.start == c.start + m.end() and x.kind in ("state", "party")), None)
        on_behalf = target.entity if target else on_behalf
    base = att.rule.split("+")[0]
    return PositionFact(
        speaker=att.speaker, stance=c.stance or INFORMS, span=Span(c.start, c.end, text), about=list(dict.fromkeys(about)),
        topics=topics, rule=att.rule, confidence=CONFIDENCE.get(base, 0.7), on_behalf_of=on_behalf,
        reported_by=att.reporter, relayed_by=list(att.relayed), verb=att.verb,
        stance_why=c.stance_why or "no stance signal",
    )
