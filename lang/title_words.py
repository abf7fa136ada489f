"""The titles-and-roles lexicon (`lexicon/titles.tsv`): which words address a person or name an office, by class.

Persons, speaker labels, attendance lists, office titles, posts, the authority's aliases and the FRUS loader all
take their title words from here, each the classes it needs, so a word added once is known to every reader.
A plain word-list reader with no other import from extraction, so that a loader may read it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from cwkg.lang.alternation import grouped

KINDS = ("honorific", "rank", "office", "civic", "role", "qualifier", "grade", "portfolio")
ALL = KINDS  # every class, for readers that take any title word


@dataclass(frozen=True)
class TitleWord:
    word: str  # as written before a name: "Comrade", "Cde.", "Chargé d'Affaires"
    kind: str  # one of KINDS
    expansion: str | None  # what an abbreviation or plural stands for ("Cde." -> Comrade)
    surname: bool = False  # also a common family name ("Lord", "King")


def read(text: str) -> tuple[TitleWord, ...]:
    """The rows of a titles lexicon's text; a row of an unknown class is refused, naming it."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 4)[:4]
        if cells[0] == "word":
            continue
        if cells[1] not in KINDS:
            raise ValueError(f"titles.tsv line {number}: unknown class {cells[1]!r} of {cells[0]!r}")
        out.append(TitleWord(cells[0], cells[1], cells[2] or None, cells[3] == "surname"))
    return tuple(out)


@lru_cache(maxsize=1)
def entries() -> tuple[TitleWord, ...]:
    return read((resources.files("cwkg.lang") / "lexicon" / "titles.tsv").read_text(encoding="utf-8"))


def _of(kinds: tuple[str, ...]) -> list[TitleWord]:
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"no such class of title words: {', '.join(sorted(unknown))}")
    return [e for e in entries() if e.kind in kinds]


def is_abbreviation(word: str) -> bool:
    return word.endswith(".")


@lru_cache(maxsize=None)
def words(*kinds: str, surnames: bool = True) -> frozenset[str]:
    """The words of the classes as a tokeniser sees them: an abbreviation without its period ("Cde", "Mr");
    without `surnames`, none that is also a family name, for readers that take titles out of a person's name."""
    return frozenset(e.word.rstrip(".") for e in _of(kinds) if surnames or not e.surname)


@lru_cache(maxsize=None)
def heads(*kinds: str) -> tuple[str, ...]:
    """The first word of each title of the classes written in full, in the lexicon's order ("Chargé d'Affaires"
    -> Chargé): the word a title begins with."""
    return tuple(dict.fromkeys(e.word.split()[0] for e in _of(kinds) if not is_abbreviation(e.word)))


def _pattern(word: str) -> str:
    """One title as a regular expression: any white space between words, either apostrophe, an "é" also
    unaccented, an initialism's inner periods with an optional space ("H. E."), and the final period of an
    abbreviation of two or more letters optional ("Mr" as "Mr.")."""
    return "".join(_pieces(word))


def _pieces(word: str) -> list[str]:
    """`_pattern` a character at a time, for `lang.alternation.grouped`."""
    optional_end = is_abbreviation(word) and len(word.rstrip(".")) >= 2 and "." not in word[:-1]
    out = []
    for i, c in enumerate(word):
        if c == " ":
            out.append(r"\s+")
        elif c == "'":
            out.append("['’]")
        elif c == "é":
            out.append("[eé]")
        elif c == "." and i + 1 < len(word) and (word[i + 1].isalnum() or word[i + 1] == "_"):
            out.append(r"\.\s?")
        elif c == "." and i == len(word) - 1 and optional_end:
            out.append(r"\.?")
        else:
            out.append(re.escape(c))
    return out


@lru_cache(maxsize=None)
def abbreviated(*kinds: str) -> tuple[str, ...]:
    """The abbreviations of the classes without their period ("Cde", "Gen"), initialisms ("H.E.") and single
    letters ("M.") aside, sorted."""
    return tuple(sorted({e.word[:-1] for e in _of(kinds) if is_abbreviation(e.word) and "." not in e.word[:-1]
                         and len(e.word) > 2}))


@lru_cache(maxsize=None)
def abbreviations(*kinds: str) -> str:
    """The abbreviations of the classes' titles ("Gen.", "Amb.") as a regular-expression alternation."""
    return "|".join(_pattern(w) for w in sorted({e.word for e in _of(kinds) if is_abbreviation(e.word)}, key=len, reverse=True))


@lru_cache(maxsize=None)
def alternation(*kinds: str) -> str:
    """The titles of the classes as a regular-expression alternation, the longer tried first where one begins
    another, grouped by shared beginnings (`lang.alternation`); word boundaries are the caller's."""
    return grouped({e.word for e in _of(kinds)}, tokens=_pieces)
