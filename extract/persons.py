"""People the authority data does not know, found by how memoranda introduce them.

"Comrade X", "Ambassador X", "X, Ambassador of ...", "given by X", "X [Y]" (a second
spelling in brackets). Every spelling of one person is grouped under one name key
(romanisation variants and separators folded), and a surname alone joins the full name
it ends with or, for a name printed family name first (`name_order`: "Pak Chol-min"), the full
name whose family name it is; the given name of such a name is never taken for a surname.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from collections import Counter
from dataclasses import dataclass, replace

from .authority import Authority
from cwkg.records.facts import Mention, PersonFact, Span
from . import reporting
from .cuescan import first_guard
from cwkg.lang import title_words
from cwkg.lang.name_order import read_name
from .attendance import AttendanceList
from cwkg.lang.spans import Taken, block_number, first_by
from cwkg.lang.alternation import grouped
from cwkg.lang.text import fold, paragraphs, whole_word_starts

# The words that stand before a name to address or title the person: "Comrade X", "H.E. Mr. X", "Ambassador X".
_HONORIFIC = title_words.alternation("honorific")
_TITLED = title_words.alternation("honorific", "rank", "office")
HONORIFICS = rf"(?:(?:{_TITLED})[ \t]+)*(?:{_TITLED})"
_NAME_TOKEN = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'][A-Za-z][a-z]*)*|(?:[A-Z]\.)+)"
_FULL = rf"{_NAME_TOKEN}(?:[ \t\u00a0]+{_NAME_TOKEN}){{0,3}}"  # a name never runs across a line break
# Titles an editor may put in a bracket before a given name ("[Vice President Hubert] Humphrey").
_TITLE_WORDS = title_words.words(*title_words.ALL, surnames=False)
# Capitalised words that start or end a candidate but are not names: title words (save those that are also family
# names: "Winston Lord"), and others.
STOP = title_words.words(*title_words.ALL, surnames=False) | {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "Of", "For", "To", "And", "But",
    "This", "That", "These", "Those", "His", "Her", "Their", "Our", "My", "After", "Before", "During", "Then",
    "Memorandum", "Record", "Minutes", "Note", "Report", "Telegram", "Letter", "Conversation", "Luncheon",
    "Dinner", "Reception", "Meeting", "Talks", "Embassy", "Central", "Committee", "Government", "Republic", "People",
    "Democratic", "Socialist", "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Given", "Translated", "Moscow", "Council", "Ministry", "Digital", "Archive", "History", "Program", "Public",
    "Policy", "Project",
    # Words of headers, labels and offices that stand next to names without being part of them.
    "Chiefs", "Joint", "Staff", "Office", "Bureau", "Department", "Receive", "Received", "Receiving", "Interpreters",
    "Present", "Place", "Participants", "Subject", "Subjects", "Summary",
    "Distribution", "Source", "Secret", "Confidential", "Top", "Classified", "Cryptogram", "Journal", "Diary",
    "Notes", "Attachment", "Enclosure", "Copy", "Translation", "Original",
    # Words a heading in title case capitalises ("Telephone Conversation Between X and Y", "Talks With X").
    "Between", "With", "By", "From", "About", "Among", "Concerning", "Regarding", "Telephone", "Talk", "Conversations",
    # Adverbs that open a reporting sentence before its speaker ("Later Pyotr Ivanov replied").
    "Later", "Finally", "Further", "Furthermore", "However", "Moreover", "Next", "Again", "Meanwhile", "Subsequently",
    "Thereupon", "Afterwards", "Thus", "Therefore", "Also", "Yesterday", "Today", "Earlier", "Lastly", "Nevertheless",
}


@dataclass(frozen=True)
class Candidate:
    name: str
    span: Span | None
    rule: str
    alternate_of: str | None = None
    titled: str | None = None  # the name with its honorific, e.g. "Comrade X"


# A first name the authority knows, then a surname: "John Smith", "Roger M. Blough".
_GIVEN_NAME = re.compile(r"(?<![\w.])(?P<first>[A-Z][a-z]{2,})(?:[ \t]+(?:[A-Z]\.)+)?[ \t]+[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:-[A-Za-z][a-z]+)?(?![\w])")
_NOUNLIKE = re.compile(r"(?:tions?|sions?|ments?|ances?|ences?|ities|ity|ness|isms?|ships?|ies|ues|ends|bly|ings?|ate|ors|ures?)$")


def _trim(name: str) -> str:
    name = re.sub(r"['’]s\b.*$", "", name)  # "Sparkman's Subcommittee" -> "Sparkman"
    tokens = name.split()
    while tokens and tokens[0] in STOP:
        tokens.pop(0)
    while tokens and (tokens[-1] in STOP or re.fullmatch(r"[A-Z]\.", tokens[-1])):
        tokens.pop()
    cut = next((i for i, t in enumerate(tokens) if t in STOP), len(tokens))
    tokens = tokens[:cut]
    if tokens and _NOUNLIKE.search(tokens[0]):
        return ""  # "General Considerations", "Ambassador Designate": a common noun, not a name
    return " ".join(tokens)


def find_candidates(text: str, role_words: list[str], taken: list[Mention], offsets: bool = True,
                    given_names: frozenset[str] = frozenset()) -> list[Candidate]:
    """Name candidates in `text` that no authority mention already covers.

    `given_names` (from the authority data and a volume's persons) let a bare "John Smith" count.
    """
    folded = fold(text)
    patterns = _patterns(tuple(role_words))
    covered = [(m.span.start, m.span.end) for m in taken]
    completed = _completed(text, folded, Taken(covered, len(text)))  # before any pattern reads part of such a name
    covered += [(c.span.start, c.span.end) for c in completed]
    out = [c if offsets else replace(c, span=None) for c in completed] + _scan(text, folded, patterns, covered, [], offsets)
    out += _after_post_and_state(text, folded, role_words, taken, out, offsets)
    if given_names:
        found = Taken(covered + [(c.span.start, c.span.end) for c in out if c.span], len(text))
        for m in _GIVEN_NAME.finditer(folded):
            if m["first"] in given_names and m["first"] not in STOP and not found.overlaps(m.start(), m.end()):
                name = _trim(text[m.start():m.end()])
                if len(name.split()) >= 2 and text[m.start():m.end()].startswith(name):
                    out.append(Candidate(name, Span(m.start(), m.start() + len(name), name) if offsets else None, "given-name"))
    return out


@lru_cache(maxsize=1)
def _speech_verbs() -> tuple[str, ...]:
    """The past forms of the reporting lexicon's verbs a person says something with (not "reported", which
    newspapers and agencies do too)."""
    return tuple(reporting.verb_forms(("say", "tell", "think", "agree", "disagree", "ask", "request"), press=False))


@lru_cache(maxsize=8)
def _patterns(role_words: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    roles = _role_alternation(role_words)
    return [
        # (The guard names the letters an honorific begins with: the alternation is tried only there, 2x faster.)
        ("honorific", re.compile(rf"\b(?i:{first_guard(fold(HONORIFICS))}{fold(HONORIFICS)})[ \t\u00a0]+(?P<name>{_FULL})")),
        ("appositive", re.compile(rf"(?P<name>{_FULL})(?:\s*\[[^\]]{{1,60}}\])?,\s+(?:the\s+)?(?:[A-Z][a-z]+(?:['’]s)?\s+){{0,3}}(?i:{roles})\b")),
        ("post-appositive", re.compile(rf"(?<![\w])(?i:{roles})(?![\w])[^,.;:\n]{{0,60}},\s+(?:(?:{fold(_HONORIFIC)})\s+)?(?P<name>{_FULL})\s*[,.;]")),
        ("post-then-name", re.compile(rf"(?<![\w])(?i:{roles})(?![\w])[ \t]+(?:of|to|in)[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.'’-]*[ \t]+){{1,4}}?(?P<name>(?:[A-Z]\.[ \t]?){{1,3}}(?!Dr\b|Mr\b|Mrs\b)[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")),
        # The subject of a verb of saying is a speaker: "Pyotr Ivanov said that ...", "Adam Nowak, the minister, replied".
        # Two words at least: a lone capitalised word before "said" may be a newspaper or a capital city.
        ("speaker", re.compile(rf"(?<![\w.])(?!(?:{fold(HONORIFICS)})[ \t\u00a0])(?P<name>{_NAME_TOKEN}(?:[ \t\u00a0]+{_NAME_TOKEN}){{1,3}})"
                               rf"(?:\s*,[^,.;\n]{{1,80}},)?\s+(?:(?:then|also|further|again|later|finally)\s+)?"
                               rf"(?:{reporting.alternation(_speech_verbs())})(?![\w])")),
        ("by-agent", re.compile(rf"\b(?:[Gg]iven|[Hh]osted|[Ss]igned|[Ww]ritten|[Pp]repared|[Dd]rafted|[Rr]ecorded|[Tt]ranslated)\s+(?:[\w ]+?\s+)?by\s+(?P<name>{_FULL})")),
    ]


_FORMULA = re.compile(r"^(?:Sincerely|Yours|Regards|Respectfully|Faithfully|Cordially|Attachment|Enclosure|Copy|Distribution|Classified|Secret|Confidential|Original|Translation|Signed|Signature|End)$", re.I)
_SIGNED = re.compile(rf"^(?P<name>{_FULL})\s*$")
_DIARY = re.compile(rf"\bFrom the (?:diary|journal|notes|notebook) of (?:(?:the\s+)?[A-Z][\w ]{{0,60}}?,?\s+)?(?:(?:{fold(_HONORIFIC)})\s+)?(?P<name>{_FULL})")


def listed_candidates(lists: list[AttendanceList], taken: list[Mention], size: int) -> list[Candidate]:
    """The names the attendance lists give ("Present: A, B and C"; "Ruritanian side: A, Minister of X; B"), each a
    person even if no authority knows it, unless a mention of `taken` covers it (`size`: the text's length)."""
    covered = Taken(((m.span.start, m.span.end) for m in taken), size)
    return [Candidate(e.name.text, e.name, "attendance-list")
            for found in lists for e in found.entries if not covered.overlaps(e.name.start, e.name.end)]


# A publisher's note on who drafted, cleared or received a record: "Drafted by A, B, and C and cleared by D".
_NOTE_VERB = r"(?:[Dd]rafted|[Cc]leared|[Aa]pproved|[Ii]nitialed|[Rr]evised|[Cc]oncurred in|[Ss]igned)\s+by"
_NOTE_NAMES = re.compile(rf"\b{_NOTE_VERB}\s+(?P<by>[^.;]+)|\b[Cc]op(?:y|ies)\s+(?:was\s+|were\s+)?(?:sent|given|forwarded)\s+to\s+(?P<to>[^.;]+)")
_NOTE_NAME = re.compile(r"(?:[A-Z]§\s?)*[A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z]§\s?)*[A-Z][a-z][\w'’-]*){0,3}")


def note_candidates(note: str) -> list[Candidate]:
    """The people a source note names as drafters, clearers or recipients of a copy: each name of the list, office
    symbols in brackets and dates aside ("Drafted by Smith (EUR/EE) on May 2"); a title ("the Secretary") is none."""
    # Initials and "Jr." keep their place but lose the full stop that would end the sentence.
    text = re.sub(r"\b([A-Z]|Jr|Sr)\.", r"\1§", note or "")
    text = re.sub(rf"\s+and\s+(?={_NOTE_VERB}\b)", "; ", text)
    out: list[Candidate] = []
    for m in _NOTE_NAMES.finditer(text):
        names = re.sub(r"\([^)]*\)", " ", m["by"] or m["to"])
        names = re.split(r"\s+(?:on|in|at|for|with|from|after|before)\b", names)[0]
        for part in re.split(r",\s*(?:and\s+)?|\s+and\s+", names):
            part = part.strip()
            if re.fullmatch(r"(?:Jr|Sr)§?|I{2,3}", part) or not (found := _NOTE_NAME.fullmatch(part)):
                continue
            if part.split()[0] in ("The", "the") or part.split()[0] in STOP:
                continue
            out.append(Candidate(found.group(0).replace("§", "."), None, "source-note"))
    return out


def signature_candidates(text: str, taken: list[Mention]) -> list[Candidate]:
    """The name that signs the record (a short last line), and the diarist of "From the diary of X"."""
    out: list[Candidate] = []
    folded = fold(text)
    covered = Taken(((m.span.start, m.span.end) for m in taken), len(text))
    for block in paragraphs(text)[-3:]:
        for line in re.finditer(r"[^\n]+", text[block.start:block.end]):
            start = block.start + line.start()
            m = _SIGNED.match(folded[start:block.start + line.end()])
            last = block.start + line.end() >= len(text.rstrip())
            words = len(m["name"].split()) if m else 0
            if m and (2 <= words <= 4 or words == 1 and last) and not covered.overlaps(start, start + m.end("name")):
                name = _trim(text[start:start + m.end("name")])
                if len(name.split()) >= 2 or (last and len(name) >= 4 and name not in STOP and not _FORMULA.match(name)):
                    out.append(Candidate(name, Span(start, start + len(name), name), "signature"))
    for block in paragraphs(text)[:3]:
        if m := _DIARY.search(folded, block.start, block.end):
            name = _trim(text[m.start("name"):m.end("name")])
            if name:
                start = m.start("name") + text[m.start("name"):m.end("name")].find(name)
                out.append(Candidate(name, Span(start, start + len(name), name), "diary"))
    return out


_NAME_AFTER = re.compile(r"[ \t]+(?P<name>[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:[ \t]+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,2})(?![\w])")


def _after_post_and_state(text: str, folded: str, role_words: list[str], taken: list[Mention], out: list[Candidate],
                          offsets: bool) -> list[Candidate]:
    """"Ambassador to Ruritania Pyotr Ivanov": the name that follows a post and the state, party or place it
    is of or to, which the authority already found; two or three capitalised words, none a stop word."""
    ends = {m.span.end: m for m in taken if m.kind in ("state", "party", "place", "organization")}
    by_start = first_by(taken, lambda m: m.span.start)  # the first mention starting at an offset, looked up
    named_at = {c.span.start for c in out if c.span}  # where the names already found start
    found: list[Candidate] = []
    for rm in _role_then_preposition(tuple(role_words)).finditer(folded):
        target = by_start.get(rm.end())
        if target is None or target.span.end not in ends:
            continue
        m = _NAME_AFTER.match(folded, target.span.end)
        if m is None:
            continue
        raw = text[m.start("name"):m.end("name")]
        name = _trim(raw)
        if len(name.split()) < 2 or not raw.startswith(name) or m.start("name") in named_at:
            continue
        found.append(Candidate(name, Span(m.start("name"), m.start("name") + len(name), name) if offsets else None, "post-state-name"))
        if offsets:
            named_at.add(m.start("name"))
    return found


@lru_cache(maxsize=8)
@lru_cache(maxsize=8)
def _role_then_preposition(role_words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w])(?i:{_role_alternation(role_words)})(?![\w])[ \t]+(?:of|to|in|at)[ \t]+(?:the[ \t]+)?")


def _role_alternation(role_words: tuple[str, ...]) -> str:
    """The role words as one alternation; a state may stand inside an office after "of the" ("Chairman of the
    Ruritanian Council of Ministers")."""
    return grouped((fold(w) for w in role_words), tokens=_role_pieces)


_OF_THE = "of the "


def _role_pieces(word: str) -> list[str]:
    """A role word as pattern pieces for `lang.alternation.grouped`: one a character, "of the " one piece that lets
    a capitalised word (a state's adjective) stand after it."""
    pieces, i = [], 0
    while i < len(word):
        if word.startswith(_OF_THE, i):
            pieces.append(re.escape(_OF_THE) + r"(?:[A-Z][\w'’-]*\ )?")
            i += len(_OF_THE)
        else:
            pieces.append(re.escape(word[i]))
            i += 1
    return pieces


def _scan(text: str, folded: str, patterns, covered, out: list[Candidate], offsets: bool) -> list[Candidate]:
    """Candidates of each pattern that overlap no span of `covered` and start where no earlier candidate does.
    Both are looked up (`spans.Taken`, a set of starts), not read whole for each match: a page of one name
    repeated would otherwise take time growing with its square."""
    taken = Taken(covered, len(text))
    named_at = {c.span.start for c in out if c.span}
    for rule, pattern in patterns:
        for m in pattern.finditer(folded):
            raw = text[m.start("name") : m.end("name")]
            name = _trim(raw)
            if not name:
                continue
            start = m.start("name") + raw.find(name)
            end = start + len(name)
            if taken.overlaps(start, end):
                continue
            if offsets and start in named_at:
                continue
            titled = f"{text[m.start():m.start('name')].strip()} {name}" if rule == "honorific" else None
            out.append(Candidate(name, Span(start, end, name) if offsets else None, rule, titled=titled))
            if offsets:
                named_at.add(start)
    for m in re.finditer(rf"(?P<name>{_FULL})\s*\[(?P<alt>{_FULL})\]", folded):
        name, alt = _trim(text[m.start("name") : m.end("name")]), _trim(text[m.start("alt") : m.end("alt")])
        if name and alt and (len(name.split()) > 1 or len(alt.split()) > 1):  # "Ohira [Masayoshi]" completes, below
            start = m.start("alt") + text[m.start("alt") : m.end("alt")].find(alt)
            out.append(Candidate(alt, Span(start, start + len(alt), alt) if offsets else None, "bracketed-variant", name))
    return out


# An editor's bracket that completes a name the record gives in part: "[Pyotr] Ivanov", "[Foreign Minister Pyotr]
# Ivanov" (the title in it is not part of the name), "Ivanov [Pyotr]" (the printed order kept).
_BRACKET_BEFORE = re.compile(rf"\[(?P<pre>[^\]\n]{{1,60}})\][ \t]+(?P<name>{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN})?)(?![\w])")
_BRACKET_AFTER = re.compile(rf"(?<![\w.])(?P<name>{_NAME_TOKEN})[ \t]*\[(?P<post>{_NAME_TOKEN})\]")


def _completed(text: str, folded: str, taken: Taken) -> list[Candidate]:
    """Names an editor's bracket completes, with the span of the printed words, bracket included."""
    out = []
    for m in _BRACKET_BEFORE.finditer(folded):
        given = [t for t in text[m.start("pre"):m.end("pre")].split() if re.fullmatch(_NAME_TOKEN, fold(t))]
        while given and given[0] in STOP | _TITLE_WORDS:
            given.pop(0)  # "[Vice President Hubert]": the title before the given name
        words = text[m.start("pre"):m.end("pre")].split()
        if not given or words[-len(given):] != given or text[m.start("name"):m.end("name")].split()[0] in STOP:
            continue
        name = " ".join(given + text[m.start("name"):m.end("name")].split())
        if not taken.overlaps(m.start(), m.end()):
            out.append(Candidate(name, Span(m.start(), m.end(), text[m.start():m.end()]), "bracket-completed"))
    for m in _BRACKET_AFTER.finditer(folded):
        first, second = text[m.start("name"):m.end("name")], text[m.start("post"):m.end("post")]
        if first in STOP or second in STOP or taken.overlaps(m.start(), m.end()):
            continue
        out.append(Candidate(f"{first} {second}", Span(m.start(), m.end(), text[m.start():m.end()]), "bracket-completed"))
    return out


def group_people(authority: Authority, body_candidates: list[Candidate], other_candidates: list[Candidate],
                 known: list[Mention], body: str, listed: dict[str, PersonFact] | None = None,
                 scope: str = "") -> tuple[list[PersonFact], list[Mention]]:
    """Merge candidates into people, and return the people and the body mentions of each.

    `listed` are people a publication lists for the document (a volume's persons), by key. A person no
    authority knows is provisional and belongs to `scope` (the document): namesakes in unrelated records stay
    apart until a rule (graph.links) or a curator joins them.
    """
    provisional = f"provisional:{scope}/" if scope else "provisional:"
    listed = listed or {}
    person_keys = dict(authority.person_keys())
    for key, p in listed.items():
        for alias in p.aliases:
            if len(alias.split()) > 1:
                person_keys[authority.name_key(alias)] = key
    people: dict[str, PersonFact] = {}

    def known_person(ref: str) -> PersonFact:
        if ref in listed:
            p = listed[ref]
            # A volume's person is defined in the volume's graph; any other listed person here.
            external = ref.startswith("frus:")
            return people.setdefault(ref, PersonFact(key=ref, label=p.label, aliases=set() if external else set(p.aliases),
                                                     external=external, same_as=p.same_as))
        return people.setdefault(ref, PersonFact(key=ref, label=authority.entities[ref].label, authority_iri=ref))

    for m in known:
        if m.kind == "person":
            person = known_person(m.entity)
            if m.rule != "office-title":  # "the President" names the holder that day; it is not his name
                person.aliases.add(m.span.text)
    spellings: dict[str, Counter[str]] = {}
    owner: dict[str, str] = {}  # name key -> person key
    candidates = body_candidates + other_candidates
    # The rules below that compare a name with the others read only names: each once, however often it is repeated.
    spelled = list(first_by(candidates, lambda c: c.name).values())
    multi = [c for c in candidates if len(c.name.split()) > 1]
    single = [c for c in candidates if len(c.name.split()) == 1]
    surname_of: dict[str, str] = {}
    for c in multi:
        key = authority.name_key(c.name)
        target = c.alternate_of and owner.get(authority.name_key(c.alternate_of))
        if key in owner:
            continue
        if target:
            owner[key] = target
        elif key in person_keys:
            owner[key] = person_keys[key]
            known_person(person_keys[key])
        elif (initial := _by_initials(authority, c.name, owner, spelled)) is not None:
            owner[key] = initial  # "V. Ivanov" and "V. P. Ivanov"
        elif (near := _near(key, person_keys)) is not None:
            owner[key] = near  # a list's spelling one letter off from the text's
            known_person(near)
        else:
            owner[key] = provisional + key
    # A surname alone joins the one full name that ends (or begins) with it.
    for c in single:
        token = authority.name_key(c.name)
        if token in owner:
            continue
        matches = {v for k, v in owner.items() if _ends_or_begins(authority, k, token, spelled)}
        if not matches:
            # "Herr Novak": the one person the publication lists under that surname.
            matches = {key for key, p in listed.items() if any(len(a.split()) == 1 and authority.name_key(a) == token for a in p.aliases)}
            if not matches and len(token) >= 5:
                # A list's surname one letter off from the text's ("Hanson" listed, "Hansen" written).
                matches = {key for key, p in listed.items() if any(len(a.split()) == 1 and _one_edit(authority.name_key(a), token)
                                                                   for a in p.aliases)}
            if len(matches) == 1:
                known_person(next(iter(matches)))
        owner[token] = matches.pop() if len(matches) == 1 else provisional + token
        surname_of[token] = owner[token]
    mentions: list[Mention] = []
    paras = block_number(paragraphs(body))
    for c in candidates:
        key = owner[authority.name_key(c.name)]
        spellings.setdefault(key, Counter())[c.name] += 1 if c.span else 0
        person = people.setdefault(key, PersonFact(key=key, label=c.name))
        person.aliases.add(c.name)
        if c.titled:
            person.titles.add(c.titled)
        if c.span:
            mentions.append(Mention(person.ref, "person", c.span, "name", paras(c.span.start), c.rule))
    # A surname used alone: each spelling of it in the full names is an alias too.
    for token, key in surname_of.items():
        for full in [n for n in people[key].aliases if len(n.split()) > 1]:
            for part in (full.split()[0], full.split()[-1]):
                if authority.name_key(part) == token:
                    people[key].aliases.add(part)
    for key, counter in spellings.items():
        person = people[key]
        if person.authority_iri is None and not person.external:
            full = [n for n in person.aliases if len(n.split()) > 1] or sorted(person.aliases)
            person.label = max(full, key=lambda n: (counter[n], len(n), -_first(body, n)))
    _surnames_alone(authority, people, body)
    # Also every further body occurrence of a known spelling is a mention.
    mentions += _repeat_mentions(body, people, mentions, known)
    mentions += _variant_mentions(authority, body, people, mentions + known)
    return list(people.values()), mentions


# English words of two letters a sentence may begin with: a family name spelled as one ("Do", "No", "So") is too
# easily read into a text to be proposed as a person's short name.
_TWO_LETTER_WORDS = {"Am", "An", "As", "At", "Be", "By", "Do", "Go", "He", "If", "In", "Is", "It", "Me", "My", "No",
                     "Of", "On", "Or", "So", "To", "Up", "Us", "We"}


def _short_names(full: str) -> list[tuple[str, bool]]:
    """The words by which a later mention may name the person of `full` alone, each with whether the name's order
    vouches for it (then it may be as short as "Pak"; any other must be long enough to be told from a word).
    Printed family name first, the family name (and a Vietnamese personal name); else the last word, or the first
    when the last is a hyphenated given name (a "Surname Given-name" the table does not list)."""
    reading = read_name(full)
    if reading.family_first:
        return [(w, True) for w in reading.called_by]
    tokens = full.split()
    return [(tokens[0] if "-" in tokens[-1] and len(tokens) == 2 else tokens[-1], False)]


def _surnames_alone(authority: Authority, people: dict[str, PersonFact], body: str) -> None:
    """A person first named in full may be named later by the surname alone ("Petar Dimov" ... "Dimov said";
    "Pak Chol-min" ... "Pak said"; see `_short_names`), if no other person's name has it."""
    proposed: dict[str, set[str]] = {}
    for key, person in people.items():
        if person.authority_iri is not None or person.external or person.unnamed:
            continue
        for full in [n for n in person.aliases if len(n.split()) > 1]:
            for surname, vouched in _short_names(full):
                long_enough = len(surname) >= 4 or (vouched and len(surname) >= 2 and surname not in _TWO_LETTER_WORDS)
                if long_enough and re.fullmatch(r"[A-Z][\w’'-]+", surname) and surname not in STOP:
                    proposed.setdefault(surname, set()).add(key)
    taken = {authority.name_key(a) for p in people.values() for a in p.aliases if len(a.split()) == 1}
    for surname, keys in proposed.items():
        others = [k for k, p in people.items() if k not in keys and any(surname in a.split() for a in p.aliases)]
        person = people[next(iter(keys))]
        if len(keys) == 1 and not others and authority.name_key(surname) not in taken \
                and _stands_alone(body, surname, person, surname in _leading_family_names(person)):
            person.aliases.add(surname)


def _leading_family_names(person: PersonFact) -> set[str]:
    """The family names the person's full names print first ("Pak" of "Pak Chol-min")."""
    return {r.family for a in person.aliases if len(a.split()) > 1 and (r := read_name(a)).family_first}


# A capitalised word after a family name printed first: the family name begins a longer name ("Pak Chol-min", another
# spelling of it, or another Pak's), and is not the person named by family name alone.
_NAME_GOES_ON = re.compile(r"[ \t\u00a0]+[A-Z][a-z]")


def _stands_alone(body: str, surname: str, person: PersonFact, leads: bool = False) -> bool:
    """Whether the text uses the surname outside the person's full names (with `leads`, a family name printed first:
    not where a capitalised word follows it)."""
    inside = Taken(((m.start(), m.end()) for a in person.aliases if len(a.split()) > 1
                    for m in re.finditer(re.escape(a), body)), len(body))
    return any(not inside.covers(m.start()) and not (leads and _NAME_GOES_ON.match(body, m.end()))
               for m in re.finditer(rf"(?<![\w.’'-]){re.escape(surname)}(?![\w-])(?!['’](?!s\b))", body))  # "Dimov's" too


def _by_initials(authority: Authority, name: str, owner: dict[str, str], candidates: list[Candidate]) -> str | None:
    """The one person already found whose name has the same surname and first initial."""
    tokens = name.split()
    if len(tokens) < 2 or not re.fullmatch(r"(?:[A-Z]\.)+", tokens[0]):
        return None
    want = (tokens[0][0], authority.name_key(tokens[-1]))
    found = {owner[authority.name_key(c.name)] for c in candidates
             if authority.name_key(c.name) in owner and len(c.name.split()) > 1
             and (c.name.split()[0][0], authority.name_key(c.name.split()[-1])) == want}
    return found.pop() if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one inserted, dropped or changed letter."""
    from rapidfuzz.distance import Levenshtein

    return a != b and Levenshtein.distance(a, b) == 1


def _near(key: str, person_keys: dict[str, str]) -> str | None:
    """The one known person whose name key is within a letter or two of `key` (long names only)."""
    from rapidfuzz import fuzz, process

    if len(key) < 10:
        return None
    found = process.extract(key, list(person_keys), scorer=fuzz.ratio, score_cutoff=92, limit=2)
    people = {person_keys[k] for k, _, _ in found}
    return people.pop() if len(people) == 1 else None


def _first(body: str, name: str) -> int:
    i = body.find(name)
    return i if i >= 0 else len(body)


def _ends_or_begins(authority: Authority, full_key: str, token: str, candidates: list[Candidate]) -> bool:
    """Whether a full name of key `full_key` may be named by `token` alone: its last or first word, or, printed family
    name first, its family name (and a Vietnamese personal name), never the given name ("Chol-min" of "Pak Chol-min")."""
    for c in candidates:
        tokens = c.name.split()
        if len(tokens) > 1 and authority.name_key(c.name) == full_key:
            reading = read_name(c.name)
            words = reading.called_by if reading.family_first else (tokens[-1], tokens[0])
            if any(authority.name_key(w) == token for w in words):
                return True
    return False


def _repeat_mentions(body: str, people: dict[str, PersonFact], found: list[Mention], known: list[Mention]) -> list[Mention]:
    """Every further occurrence of a person's spelling that overlaps no mention found before it (a family name printed
    first, not where it begins a longer name: `_NAME_GOES_ON`). What is taken is
    kept in `spans.Taken`, so each occurrence costs its own length, not a look at every earlier mention."""
    taken = Taken(((m.span.start, m.span.end) for m in found + known), len(body))
    folded = fold(body)
    paras = block_number(paragraphs(body))
    out = []
    for person in people.values():
        if person.authority_iri and not any(m.entity == person.ref for m in found):
            continue
        leading = _leading_family_names(person)
        for alias in sorted(person.aliases, key=len, reverse=True):
            spelling = fold(alias)
            for start in whole_word_starts(folded, spelling):
                end = start + len(spelling)
                if taken.overlaps(start, end) or (alias in leading and _NAME_GOES_ON.match(folded, end)):
                    continue
                taken.add(start, end)
                out.append(Mention(person.ref, "person", Span(start, end, body[start:end]), "name", paras(start), "known-spelling"))
    return out


def _variant_mentions(authority: Authority, body: str, people: dict[str, PersonFact], found: list[Mention]) -> list[Mention]:
    """A capitalised name that is another spelling of a person already found ("Ri Sang Jo")."""
    keys = {authority.name_key(alias): p for p in people.values() if not p.unnamed
            for alias in p.aliases if len(alias.split()) > 1}
    taken = sorted((m.span.start, m.span.end) for m in found)
    starts = [s for s, _ in taken]
    paras = block_number(paragraphs(body))
    out = []
    for m in re.finditer(rf"(?<![\w]){_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}", fold(body)):
        i = bisect.bisect_left(starts, m.end())
        if any(s < m.end() and m.start() < e for s, e in taken[max(0, i - 8):i]):
            continue
        name = _trim(body[m.start():m.end()])
        person = keys.get(authority.name_key(name)) if len(name.split()) > 1 else None
        if person:
            start = m.start() + body[m.start():m.end()].find(name)
            person.aliases.add(name)
            out.append(Mention(person.ref, "person", Span(start, start + len(name), name), "name", paras(start), "name-variant"))
    return out
