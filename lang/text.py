"""Text helpers that keep character offsets: folding, paragraphs, sentences."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from unidecode import unidecode

from . import title_words

_PUNCT = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2011": "-", "\u00a0": " "}


@lru_cache(maxsize=4096)
def fold_char(c: str) -> str:
    """One character for one: diacritics dropped, typographic quotes and dashes made plain."""
    if c in _PUNCT:
        return _PUNCT[c]
    if c.isascii():
        return c
    base = unicodedata.normalize("NFD", c)[0]
    if base.isascii():
        return base
    ascii_form = unidecode(c)
    return ascii_form[0] if len(ascii_form) == 1 else c


_TABLE: dict[int, str] = {}


@lru_cache(maxsize=256)
def fold(text: str) -> str:
    """Same length as `text`, so offsets in the folded text are offsets in the original."""
    for c in set(text).difference(map(chr, _TABLE)):
        _TABLE[ord(c)] = fold_char(c)
    return text.translate(_TABLE)


def _word_character(c: str) -> bool:
    return c.isalnum() or c == "_"  # what the re module counts as \\w


def whole_word_starts(text: str, word: str, ignore_case: bool = False):
    """Where `word` stands in `text` with no word character just before or after it, left to right and not
    overlapping: the starts `re.finditer(rf"(?<!\\w){re.escape(word)}(?!\\w)", text)` gives, without a pattern
    compiled for each word (readers look for every spelling of every person, and the re module's cache holds 512)."""
    if ignore_case:
        text_lower, word_lower = text.lower(), word.lower()
        if len(text_lower) != len(text) or len(word_lower) != len(word):  # a letter whose lower case is longer ("İ")
            yield from (m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, re.IGNORECASE))
            return
        text, word = text_lower, word_lower
    size, end = len(word), len(text)
    at = text.find(word) if size else -1
    while at != -1:
        after = at + size
        if (at == 0 or not _word_character(text[at - 1])) and (after == end or not _word_character(text[after])):
            yield at
            at = text.find(word, after)
        else:
            at = text.find(word, at + 1)


# Honorifics (the titles lexicon's, but a one-letter one: "M." is also an initial) and generational suffixes are no
# part of a name's key.
_NOT_NAME = {w.lower() for w in title_words.words("honorific", surnames=False) if len(w) > 1} | {"jr", "sr", "ii", "iii"}


def name_key_tokens(name: str) -> list[str]:
    """Lower-case ASCII tokens of a name, split on spaces, hyphens, apostrophes and commas, without
    honorifics and generational suffixes (Mr., H.E., Jr.)."""
    name = re.sub(r"\bH\.\s?E\.\s*", "", name)  # His/Her Excellency
    return [t for t in re.split(r"[\s\-'.,()“”\"]+", unidecode(name).lower()) if t and t not in _NOT_NAME]


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    text: str


@lru_cache(maxsize=256)
def paragraphs(text: str) -> tuple[Block, ...]:
    """Paragraphs separated by blank lines, trimmed, with their offsets."""
    out = []
    for m in re.finditer(r"(?:[^\n]|\n(?![ \t\r]*\n))+", text):
        raw = m.group(0)
        stripped = raw.strip()
        if stripped:
            lead = raw.find(stripped)
            out.append(Block(m.start() + lead, m.start() + lead + len(stripped), stripped))
    return tuple(out)


# Abbreviations after which a full stop does not end a sentence: those of the titles lexicon before a name (among them
# the comradely ones of communist records in translation: Cde., Com., Tov.), and bibliographic ones.
_NO_BREAK = re.compile(
    rf"(?:\b(?:{'|'.join(title_words.abbreviated(*title_words.ALL))}|St|Jr|Sr|"
    r"No|Nos|Vol|vol|pp|p|cf|viz|etc|e\.g|i\.e|approx|ca)|\b[A-Z]|\b(?:[A-Z]\.){1,3}[A-Z])\.$"
)
# A sentence ends at a full stop, question or exclamation mark before a capital or a digit, and at a colon that ends its
# line ("X spoke about the following questions:" over the numbered points that follow it).
_BREAK = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9\u00C0-\u024F])|[.!?]+[\"'\u201d\u2019)\]]*$"
                    r"|:(?=[ \t]*\n[ \t]*\S)")


_ENUMERATOR = re.compile(r"\s*(?:\(?\d{1,3}\)?|\(?[a-z]\)|[IVXL]{1,5})[.)]\s*")


@lru_cache(maxsize=1024)
def sentences(text: str, start: int = 0, end: int | None = None) -> tuple[Block, ...]:
    """Sentences of text[start:end] with offsets into `text`; paragraphs never merge."""
    end = len(text) if end is None else end
    out: list[Block] = []
    for para in paragraphs(text[start:end]):
        p0 = start + para.start
        s = 0
        body = para.text
        for m in _BREAK.finditer(body):
            candidate = body[s : m.end()]
            if _NO_BREAK.search(body[max(0, m.start() - 12) : m.start() + 1]) and m.end() < len(body):
                continue
            if _ENUMERATOR.fullmatch(candidate) and m.end() < len(body):
                continue  # "1." or "IV." opening a numbered point
            stripped = candidate.strip()
            if stripped:
                lead = candidate.find(stripped)
                out.append(Block(p0 + s + lead, p0 + s + lead + len(stripped), stripped))
            s = m.end()
        rest = body[s:].strip()
        if rest:
            lead = body[s:].find(rest)
            out.append(Block(p0 + s + lead, p0 + s + lead + len(rest), rest))
    return tuple(out)
