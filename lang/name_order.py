"""Which word of a printed name is the family name, and in which order the editor printed it.

Editors print Korean, Chinese, Vietnamese and Hungarian names (and Japanese ones when they choose to) family name
first. A record names a person in full once and by the family name afterwards ("Pak Chol-min ... Comrade Pak"),
so the words of a full name must be told apart before short mentions are joined to it: in "Pak Chol-min" the
family name is the first word, and "Chol-min" is never a surname.

Family first needs evidence; every other name is read given-first ("Pyotr Ivanov"), as before. The rule:
1. the first word is a family name of a family-first tradition in `ontology/family-names.tsv`, and
2. the other words read as a given name of that tradition:
   - Korean: one or two syllables, hyphenated, spaced or run together ("Chol-min", "Chol Min", "Cholmin");
   - Chinese: one or two Pinyin or Wade-Giles syllables ("Lirong", "Li-jung");
   - Vietnamese: one to three words of one syllable each ("Van Hai");
   - Japanese: one word of two to six morae ("Kenji");
   - Hungarian: one or two given names of the table's list ("Istvan"): they have no syllable shape to go by;
3. and nothing reads as a Western given-first name instead: no other word is a listed English given name ("Lee
   Harvey ..."), and the last is no listed English family name ("Lin Brown"). Hungarian given names may be English
   ones too ("Peter"); there the list is the evidence, and the name is read given-first when its first word is an
   English given name too or when it reads as well the other way round (both words family and given names,
   as "Sandor Laszlo").

Later mentions name a family-first person by the family name; Vietnamese ones also, and more often, by the
personal name, the last word (Chicago Manual of Style, 17th ed., 8.17).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

FAMILY_FIRST = ("korean", "chinese", "vietnamese", "japanese", "hungarian")  # tried in this order
WESTERN = "english"

# Romanised syllables, folded (lower case, no diacritics or apostrophes).
_KO = (r"(?:kk|tt|pp|ss|jj|tch|ch|sh|[kgndtrlmbpsjh])?"
       r"(?:yae|yeo|yeu|you|wae|weo|ae|ya|eo|eu|oe|wa|wo|we|wi|ye|yo|yu|ui|oo|ou|ee|[aeiou])(?:ng|[kgnlrmpbtd])?")
_PINYIN = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
           r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ui|un|uo|ue|[aoeiuv])")
_WADE_GILES = (r"(?:ch|hs|ts|tz|sh|ss|[kptjfhlmnswy])?"
               r"(?:iang|iung|uang|ang|eng|ing|ung|ien|ieh|erh|iao|uai|uan|ueh|ai|an|ao|ei|en|ia|ih|in|iu|ou|ua|ui|un|uo|[aeiou])")
_ZH = f"(?:{_PINYIN}|{_WADE_GILES})"
_VI = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
_MORA = r"(?:(?:ky|gy|sh|ch|ny|hy|my|ry|by|py|ts|[kgsztdnhbpmyrwfj])?[aeiou]|n(?![aeiouy]))"
_ONE_OR_TWO = {t: (re.compile(f"(?:{s})"), re.compile(f"(?:{s}){{2}}")) for t, s in (("korean", _KO), ("chinese", _ZH))}
_VI_WORD = re.compile(_VI)
_JA_WORD = re.compile(f"{_MORA}{{2,6}}")
_WORD = re.compile(r"[A-Za-zÀ-ÿĀ-ɏḀ-ỿ][\wÀ-ÿĀ-ɏḀ-ỿ'’]*(?:-[\wÀ-ÿĀ-ɏḀ-ỿ'’]+)*")


@dataclass(frozen=True, eq=False)
class NameTable:
    """Folded spellings -> the traditions that list them, as family names and as given names."""

    family: Mapping[str, frozenset[str]]
    given: Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class NameReading:
    """A printed name taken apart: the family name and given name(s) as printed, and the order they come in."""

    family: str
    given: str
    family_first: bool
    tradition: str | None  # the first family-first tradition (in FAMILY_FIRST order) it fits; None if given-first
    called_by: tuple[str, ...]  # the words a later mention may name the person by alone


def fold_word(word: str) -> str:
    """"Szabó", "SZABO" and "Ch'oe" as the table spells them: lower case, no diacritics, no apostrophes."""
    return re.sub(r"['’`]", "", unidecode(word)).lower()


def parse_table(text: str) -> NameTable:
    """The rows of a `family-names.tsv` text: tradition, kind (family | given), spellings."""
    tables: dict[str, dict[str, set[str]]] = {"family": {}, "given": {}}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        tradition, kind, *spellings = [c.strip() for c in line.split("\t")]
        for s in spellings:
            if s:
                tables[kind].setdefault(fold_word(s), set()).add(tradition)
    return NameTable(*({k: frozenset(v) for k, v in tables[kind].items()} for kind in ("family", "given")))


@lru_cache(maxsize=1)
def default_table() -> NameTable:
    """The table shipped with cwkg (`ontology/family-names.tsv`)."""
    from cwkg import ontology

    return parse_table(Path(str(ontology.data_file("family-names.tsv"))).read_text(encoding="utf-8"))


def read_name(name: str, table: NameTable | None = None) -> NameReading:
    """The family name, given name(s) and order of a full name as printed (see the module's rule)."""
    return _read(" ".join(name.split()), table or default_table())


@lru_cache(maxsize=8192)
def _read(name: str, table: NameTable) -> NameReading:
    words = name.split(" ")
    if len(words) >= 2 and all(_WORD.fullmatch(w) for w in words):
        for tradition in FAMILY_FIRST:
            if tradition in table.family.get(fold_word(words[0]), ()) and _given_fits(tradition, words[1:], table) \
                    and not _reads_western(tradition, words, table):
                called = (words[0], words[-1]) if tradition == "vietnamese" else (words[0],)
                return NameReading(words[0], " ".join(words[1:]), True, tradition, called)
    return NameReading(words[-1], " ".join(words[:-1]), False, None, (words[-1],))


def _given_fits(tradition: str, rest: list[str], table: NameTable) -> bool:
    """Whether the words after the family name read as a given name of the tradition."""
    folded = [fold_word(w) for w in rest]
    if tradition in _ONE_OR_TWO:
        one, two = _ONE_OR_TWO[tradition]
        parts = [p for w in folded for p in w.split("-")]
        if not parts or not all(parts) or len(parts) > 2:
            return False
        if len(parts) == 2:
            return all(one.fullmatch(p) for p in parts)
        return bool(one.fullmatch(parts[0]) or two.fullmatch(parts[0]))
    if tradition == "vietnamese":
        return len(folded) <= 3 and all(_VI_WORD.fullmatch(w) for w in folded)
    if tradition == "japanese":
        return len(folded) == 1 and bool(_JA_WORD.fullmatch(folded[0]))
    # Told by the list (Hungarian).
    return len(folded) <= 2 and all(tradition in table.given.get(w, ()) for w in folded)


def _reads_western(tradition: str, words: list[str], table: NameTable) -> bool:
    """Whether the name reads as well or better as a Western (or the other way round) given-first name."""
    folded = [fold_word(w) for w in words]
    western_given = [WESTERN in table.given.get(w, ()) for w in folded]
    if WESTERN in table.family.get(folded[-1], ()):
        return True
    if any(tradition in table.given.get(w, ()) for w in folded[1:]):  # a listed given name is the evidence
        reversed_fits = tradition in table.family.get(folded[-1], ()) and tradition in table.given.get(folded[0], ())
        return western_given[0] or reversed_fits
    return any(western_given[1:])
