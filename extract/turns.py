"""Speaker turns of a transcript, in every typographic form records use, and the blocks a sentence opens.

A transcript puts a label before a paragraph (or a line) and the label's holder keeps the
floor until the next label. Labels come as "Name:", "NAME.", "A. I. NAME.", "K:",
"[Name:]" or a label alone on its line. The same shapes also open headings, header fields,
classification markings and numbered sections, so a label must look like a name, and a
text is read as a transcript only when labels recur (two at least).

Everything here is a pure function of the text: which person a label names is for
`resolve_label`, given the record's persons; titles ("The President") are the caller's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from unidecode import unidecode

from . import reporting
from cwkg.lang import title_words
from cwkg.lang.text import Block, fold


@dataclass(frozen=True)
class Turn:
    label: str  # the label as a name: "BREZHNEV", "A. I. MIKOYAN", "K", "Comrade Mielke", "The President"
    label_start: int  # body[label_start:label_end] == label (brackets and punctuation outside)
    label_end: int
    start: int  # where the speaker's words begin
    end: int  # where the next label's markup begins, or the end of the last block
    form: str  # "colon", "caps-period", "initials-caps", "letter", "bracketed", "label-line"


# Header fields and document parts: "Subject:", "Drafted:", "Annex:" head a record or a section, never a turn.
# "Question" and "Answer" are left out on purpose: in an interview they do mark who holds the floor,
# and a transcript's turn must end where the questioner takes it, though neither names a person.
_FIELDS = frozenset("""
    subject subjects subj participants participant present absent date dated time place location venue to from cc bcc
    copies copy distribution source sources note notes action info summary drafted approved cleared clearance
    classification attachment attachments enclosure enclosures encl reference references ref refs re tab annex appendix
    addendum minutes agenda item items memorandum memo telegram cable letter record text page part section chapter
    paragraph para article footnote editor background comment comments conclusion conclusions recommendation
    recommendations discussion introduction purpose problem issue issues analysis assessment topic topics objective
    objectives position positions points steps decision decisions result results attn attention via dear gentlemen sirs
    signed sgd translation translated postscript ps nb interpreters recorder recorders notetaker note-taker attending
    attendees guests members delegation delegations witnesses
""".split())
# Classification and handling markings, and the words that close or annotate a telegram.
_MARKINGS = frozenset("""
    secret confidential unclassified classified restricted limited official eyes top strictly personal noforn nodis
    exdis limdis priority immediate flash routine urgent sensitive declassified sanitized end
""".split())
# Common English words that open a paragraph, in capitals or not, and never name a speaker: function words,
# answers and interjections, stage directions. Surnames that are also English words (Brown, Ball, Long,
# Young, Rice) are deliberately absent: a name looks like any capitalised word.
_COMMON = frozenset("""
    the a an and or but if so yes no not ok okay well now then also thus hence however therefore moreover furthermore
    nevertheless here there this that these those it its we he she they i you our his her their my all both some any
    none each in on at with by as into after before during about against between per for agreed right correct exactly
    certainly indeed true false please thanks thank hello goodbye good fine sure laughter applause pause silence
    interruption inaudible illegible unintelligible omitted continued contd cont total example
""".split())
# Section headings written in capitals ("II. POLITICAL.", "FIRST. The ..."); as words inside a
# "Name:" label they are titles ("First Secretary Kim:", "General Secretary X:"), so only capitals refuse them.
_CAPS_HEADINGS = frozenset("""
    first second third fourth fifth sixth finally lastly general political economic military cultural internal external
    domestic foreign international bilateral miscellaneous other others policy relations situation aid trade
""".split())
_REFUSED = _FIELDS | _MARKINGS | _COMMON
# Name particles that stand inside a label, lower-case or not: "Secretary of State", "de Gaulle", "Chairman of the Council".
_PARTICLES = frozenset("of for the de da di du del della der den van von la le al el bin ibn y".split())
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_SURNAMES = {"LI", "DI"}  # numbered sections never run to 51 or 501; Li and Di are common surnames

_END = r"[ \t]*"
_BRACKETED = re.compile(r"\[(?P<name>[^\[\]\n:]{1,60}?)[ \t]*(?::[ \t]*\]|\][ \t]*:)(?=\s|$)" + _END)
_LETTER = re.compile(r"(?P<name>[A-Z]{1,2}):(?=\s|$)" + _END)
# "Name:" and "Name (aside):", the aside kept out of the label.
_COLON = re.compile(r"(?P<name>[A-Za-z][^:\n\[\]()]{0,58}?)[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?:(?=\s|$)" + _END)
_INITIALS_CAPS = re.compile(r"(?P<name>(?:[A-Z]\.[ \t]?){1,3}[A-Z][A-Z'\-]+)\.[ \t]+(?=\S)")
_CAPS_PERIOD = re.compile(r"(?P<name>(?:(?:Mr|Mrs|Ms|Dr|MR|MRS|MS|DR)\.[ \t]+)?[A-Z][A-Z'\-]+(?:[ \t]+[A-Z][A-Z'\-]+){0,2})"
                          r"\.[ \t]+(?=\S)")
# A line may open a turn inside a paragraph only after a line that ends a sentence (or is a label):
# wrapped prose rarely breaks exactly there and then starts with a name and a colon.
_LINE_ENDS_SENTENCE = re.compile(r"[.?!:;\"')\]]\s*$")
# A list's marker alone on its line ("e.", "(2)") makes the line after it the item's heading, not a label.
_MARKER_ONLY = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[IVXL]{1,5})[.)]")


def _name_like(label: str, caps: bool = False) -> bool:
    """Whether a label could be a name or a title: capitalised words, at most five, none of them a
    header field, a marking, a common word or a Roman numeral."""
    words = label.split()
    if not 1 <= len(words) <= 5 or re.search(r"[\d,;!?\"/&]", label):
        return False
    for i, w in enumerate(words):
        key = w.lower().strip(".'-").removesuffix("'s")
        if key in _PARTICLES and i < len(words) - 1 and (i > 0 or key == "the" or w.islower()):
            continue
        if re.fullmatch(r"[A-Z]\.", w) and i < len(words) - 1:
            continue  # an initial: "A. I. Mikoyan"
        if key in _REFUSED or (caps and key in _CAPS_HEADINGS) or not w[0].isupper():
            return False
    first = words[0].strip(".").upper()
    return not (len(first) > 1 and _ROMAN.fullmatch(first) and first not in _ROMAN_SURNAMES)


def _letters_like(label: str) -> bool:
    key = label.lower()
    if key in _FIELDS or key in _MARKINGS or (len(key) == 2 and key in _COMMON):
        return False
    return len(label) == 1 or not _ROMAN.fullmatch(label) or label in _ROMAN_SURNAMES


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str
    first: bool  # the paragraph's first line


def _lines(body: str, blocks: Sequence[Block]) -> Iterator[_Line]:
    """The non-blank lines of the blocks, trimmed, with offsets into the body."""
    for b in sorted(blocks, key=lambda b: b.start):
        first = True
        for m in re.finditer(r"[^\n]+", body[b.start:b.end]):
            stripped = m.group().strip()
            if stripped:
                s = b.start + m.start() + m.group().find(stripped)
                yield _Line(s, s + len(stripped), stripped, first)
                first = False


def _label(line: str) -> tuple[str, re.Match[str]] | None:
    """The label a line (folded) opens with, if any, and its form before "label-line" is decided."""
    for form, pattern in (("bracketed", _BRACKETED), ("letter", _LETTER), ("colon", _COLON)):
        m = pattern.match(line)
        if m is None:
            continue
        name = m["name"].strip()
        if form == "letter" or (form == "bracketed" and re.fullmatch(r"[A-Z]{1,2}", name)):
            if _letters_like(name):
                return form, m
        elif _name_like(name):
            return form, m
    for form, pattern in (("initials-caps", _INITIALS_CAPS), ("caps-period", _CAPS_PERIOD)):
        m = pattern.match(line)
        # Words in lower case must follow: an all-capitals telegram has no such labels.
        if m and _name_like(m["name"], caps=True) and re.search(r"[a-z]", line[m.end():]):
            return form, m
    return None


@dataclass(frozen=True)
class _Found:
    markup: int  # where the label's markup begins ("[" of "[Name:]")
    label_start: int
    label_end: int
    start: int
    form: str


def find_turns(body: str, blocks: Sequence[Block], keep: Callable[[str], bool] | None = None) -> list[Turn]:
    """The turns of a transcript over `blocks`, or none when fewer than two labels are found.

    `keep` lets the caller drop labels it cannot read as a speaker (a heading "B. BERLIN." looks like
    "O. DORTICOS."); it is asked before labels are counted and turns ended, so a dropped label's
    paragraph belongs to the turn before it.
    """
    folded = fold(body)
    lines = list(_lines(body, blocks))
    found: list[_Found] = []
    for i, line in enumerate(lines):
        before = lines[i - 1].text if i else ""
        if (not line.first and not _LINE_ENDS_SENTENCE.search(before)) or _MARKER_ONLY.fullmatch(before):
            continue
        hit = _label(folded[line.start:line.end])
        if hit is None:
            continue
        form, m = hit
        name = m["name"].strip()
        label_start = line.start + m.start("name") + m["name"].find(name)
        if m.end() < len(line.text):
            start = line.start + m.end()
        else:  # alone on its line: the words begin on the next line, in this paragraph or the next
            form = "label-line"
            start = lines[i + 1].start if i + 1 < len(lines) else line.end
        if keep is None or keep(body[label_start:label_start + len(name)]):
            found.append(_Found(line.start, label_start, label_start + len(name), start, form))
    if len(found) < 2:
        return []
    last = max(b.end for b in blocks)
    ends = [f.markup for f in found[1:]] + [last]
    return [Turn(body[f.label_start:f.label_end], f.label_start, f.label_end, f.start, e, f.form)
            for f, e in zip(found, ends, strict=True)]


def named_labels(body: str, blocks: Sequence[Block]) -> list[tuple[str, int, int]]:
    """The labels of a transcript's turns that are names written in capitals ("IVANOV.", "A. P. NOWAK.",
    "PETROV:"), each as the name in ordinary case with the label's offsets: a person the record names only by the
    label that gives them the floor is one of its persons. Titles ("THE PRESIDENT") are left to the offices."""
    out = []
    for t in find_turns(body, blocks):
        words = [w for w in re.split(r"[\s.]+", t.label) if w]
        if t.form == "letter" or not t.label.isupper() or len(words[-1]) < 3 or all(_key(w) in _TITLE_WORDS | _HONORIFICS for w in words):
            continue
        name = " ".join(w + "." if len(w) == 1 else w.title() for w in words)
        out.append((name, t.label_start, t.label_end))
    return out


# ---------------------------------------------------------------- which person a label names

def _key(word: str) -> str:
    return re.sub(r"[^a-z]", "", unidecode(word).lower())


# Honorifics by their words; an initialism ("H.E.") or a single letter ("M.") would take a name's initials too, and
# one that is also a family name ("Lord") the name itself.
_HONORIFICS = frozenset(_key(w) for title in title_words.words("honorific", surnames=False) if "." not in title
                        for w in title.split() if len(_key(w)) > 1)
# Words of a title that may stand before a name ("Secretary Smith", "Deputy Foreign Minister Kuznetsov");
# a label of these alone is a title, which the caller resolves by office.
_TITLE_WORDS = frozenset(_key(w) for title in title_words.words("rank", "office", "civic", "role", "qualifier", "grade", "portfolio")
                         for w in title.split()) | {"the", "of", "for"}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_QUESTION_ANSWER = frozenset({"q", "a", "question", "answer"})  # who asks and who answers, not initials


def _name_words(name: str) -> list[str]:
    """A person's name as keys, given names first ("Smith, John" -> john smith), without honorifics or "Jr."."""
    surname, comma, given = name.partition(",")
    if comma and given.strip():
        name = f"{given} {surname}"
    words = [_key(w) for w in name.split()]
    return [w for w in words if w and w not in _HONORIFICS and w not in _SUFFIXES]


def _label_tokens(label: str) -> list[tuple[str, bool]]:
    """A label's words as (key, is an initial), honorifics and leading title words dropped."""
    raw = label.replace(".", ". ").strip("[]:").split()
    tokens = [(_key(t), len(_key(t)) == 1) for t in raw if _key(t)]
    while tokens and (tokens[0][0] in _HONORIFICS or (len(tokens) > 1 and tokens[0][0] in _TITLE_WORDS)):
        tokens.pop(0)  # a title word alone may be a surname: "KING:"
    return tokens


def _fits(tokens: list[tuple[str, bool]], words: list[str], anywhere: bool) -> bool:
    """Whether a label ends with the name's surname (its last word, or any word when `anywhere`: "Lee" of
    Lee Tae Ho, "Garcia" of Juan Garcia Lopez) and its other words do not contradict the given
    names before it: an initial is their first letter, a word is equal, position by position."""
    surname = tokens[-1][0]
    for j, w in enumerate(words):
        if w != surname or (j != len(words) - 1 and not anywhere):
            continue
        given = [t for t in tokens[:-1] if t[0] not in _PARTICLES]
        before = [b for b in words[:j] if b not in _PARTICLES]
        if all((g == b[0]) if initial else (g == b) for (g, initial), b in zip(given, before, strict=False)):
            return True
    return False


def _initials_fit(letters: str, words: list[str]) -> bool:
    if len(letters) == 1:
        return words[-1][0] == letters
    return len(words) > 1 and words[0][0] == letters[0] and words[-1][0] == letters[1]


def resolve_label(label: str, people: Sequence[tuple[str, Sequence[str]]]) -> str | None:
    """The identifier of the one person a label names, or None when none or several fit, or the label is a title.

    Tried in turn, the first rule that any person fits decides: the full name; the surname as the name's
    last word; the surname as any word of the name (names written surname first, double surnames);
    for a label of one or two letters, the initial of the surname or of the first given name and surname.
    """
    tokens = _label_tokens(label)
    if not tokens or _key(label) in _QUESTION_ANSWER or label.split()[0].lower() == "the":
        return None
    names = [(ident, _name_words(n)) for ident, ns in people for n in ns]
    names = [(ident, words) for ident, words in names if words]
    rules: list[Callable[[list[str]], bool]] = []
    bare = label.strip("[]: ")
    letters = bare.lower() if re.fullmatch(r"[A-Z]{1,2}", bare) else None
    if not tokens[-1][1]:  # a label that ends with an initial names no surname
        rules += [lambda w: "".join(t for t, _ in tokens) == "".join(w),
                  lambda w: _fits(tokens, w, anywhere=False),
                  lambda w: _fits(tokens, w, anywhere=True)]
    if letters:
        rules.append(lambda w: _initials_fit(letters, w))
    for rule in rules:
        fitting = {ident for ident, words in names if rule(words)}
        if fitting:
            return fitting.pop() if len(fitting) == 1 else None
    return None


# ---------------------------------------------------------------- blocks handed to a speaker

# Speech and thought nouns of the reporting lexicon, which name what a block holds ("the following remarks:").
_SPEECH_NOUNS = frozenset(reporting.nouns())
_FOLLOWING = re.compile(r"\b(?:as follows|the following(?:\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?))?)\s*[:.]?$")
_WORD = re.compile(r"[A-Za-z']+")


def _speech_word(words: list[str], i: int, capitals: bool) -> bool:
    if words[i][0].isupper() and not capitals:
        return False  # a heading's word in title case ("Actions Recommended:"), or a name
    w = words[i].lower().removesuffix("'s")
    if w in _SPEECH_NOUNS:
        return True
    phrase = f"{w} {words[i + 1].lower()}" if i + 1 < len(words) else w
    return reporting.verb_kind(phrase) is not None  # a reporting verb, or one that takes the floor ("spoke as follows")


def opens_block(text: str) -> bool:
    """Whether a sentence hands the floor to its subject for what follows ("X said the following:",
    "His reply was as follows:"): a reporting verb or noun of speech after a subject, then "the following",
    "as follows" or a final colon, with nothing said after it."""
    t = fold(text).strip()
    m = _FOLLOWING.search(t)
    noun = m["noun"].split()[-1] if m and m["noun"] else None
    if noun and noun not in _SPEECH_NOUNS:
        m = None  # "the following day was free"
    if not m and not t.endswith(":"):
        return False
    words = _WORD.findall(t[:m.start()] if m else t[:-1])
    if m and noun and words:
        return True  # "He made the following remarks:"
    speech = [i for i in range(1, len(words)) if _speech_word(words, i, t.isupper())]
    # Only a few words may stand between the speech word and the colon ("replied to this:").
    return bool(speech) and len(words) - speech[-1] - 1 <= (12 if m else 6)


_POINT = re.compile(
    r"(?:\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|[IVX]{1,4}[.)]|[-\u2022*]"
    r"|(?:First|Second|Third|Fourth|Fifth|Sixth|Firstly|Secondly|Thirdly|Finally|Lastly),)(?=\s)")


def numbered_points(body: str, start: int, blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """The points ("1.", "(a)", "Second,") that follow an opener ending at `start`, each from its marker to
    the end of its paragraph or of its last line before the next point; the first paragraph (or, after a line
    that ends a sentence, the first line) that does not open with a marker ends the list."""
    points: list[list[int]] = []
    previous = ""
    for line in _lines(body, blocks):
        if line.start < start:
            continue
        if _POINT.match(line.text):
            points.append([line.start, line.end])
        elif points and not line.first and not re.search(r"[.!?][\"')\]]*$", previous):
            points[-1][1] = line.end  # the point's sentence goes on on the next line
        else:
            break
        previous = line.text
    return [(s, e) for s, e in points]
