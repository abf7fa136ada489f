"""The reporting lexicon (`lexicon/reporting.tsv`): which words report speech or thought, what kind of report
each makes, and the stance its own meaning gives what it reports.

Attribution's word patterns, the parse's reporting verbs, the blocks that hand over the floor and
the stance of a report all read their words from here, so a word added once is known everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from cwkg.lang.alternation import grouped

from .inflect import forms, plural, verb_lemmas

# Verbs that lend a noun its meaning ("expressed his concern", "voiced doubts", "took a dim view"): the
# phrase reports what the noun names (Quirk et al. 1985, 2.29 and 10.43: delexical verbs).
LIGHT_VERBS = frozenset({"express", "voice", "state", "register", "make", "take", "offer", "put forward", "advance", "raise", "have"})
BE = frozenset({"is", "was", "were", "are", "am", "be", "been", "remained", "remains", "felt", "feels", "seemed", "seems"})


@dataclass(frozen=True)
class Entry:
    expression: str
    part: str  # verb, noun or adjective
    kind: str  # say, tell, think, ask, request, agree, disagree, decide, raise, floor
    stance: str | None  # a stance of the scheme, by label ("concerned")
    weak: bool
    clause_only: bool  # reports only with a clause after it ("held that"), not with an object ("held talks")
    press: bool = False  # done by newspapers, agencies and governments as often as by people ("reported")


@lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    path = Path(str(resources.files("cwkg.extract") / "lexicon" / "reporting.tsv"))
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 7)[:7]
        if cells[0] == "expression":
            continue
        out.append(Entry(cells[0], cells[1], cells[2], cells[3] or None, cells[4] == "weak", cells[5] == "clause",
                         cells[6] == "press"))
    return tuple(out)


@lru_cache(maxsize=None)
def _by(part: str) -> dict[str, Entry]:
    return {e.expression: e for e in entries() if e.part == part}


def verbs(*, without: tuple[str, ...] = (), clause_only: bool | None = None) -> dict[str, str]:
    """Reporting verbs by lemma, with their kind, leaving out the kinds named (and, with `clause_only`, keeping
    only the verbs that do or do not report with a clause alone)."""
    return {lemma: e.kind for lemma, e in _by("verb").items()
            if e.kind not in without and (clause_only is None or e.clause_only == clause_only)}


def _lookup(word: str, part: str) -> Entry | None:
    table = _by(part)
    return next((table[lemma] for lemma in verb_lemmas(word) if lemma in table), None)


def verb_kind(verb: str) -> str | None:
    """The kind of report a verb as written makes ("felt" -> think)."""
    found = _lookup(verb, "verb")
    return found.kind if found else None


def _entry(words: str) -> Entry | None:
    """The entry of a reporting verb, noun or phrase as written: the verb or noun itself; for a delexical phrase
    ("expressed his deep concern") its noun; for "be" with a stance adjective ("was convinced") the adjective."""
    found = _lookup(words, "verb") or _lookup(words, "noun")
    parts = words.lower().split()
    if (found is None or found.stance is None) and len(parts) > 1:
        if any(p in BE for p in parts[:-1]):
            found = _lookup(parts[-1], "adjective") or found
        elif any(lemma in LIGHT_VERBS for lemma in verb_lemmas(" ".join(parts[:2])) + verb_lemmas(parts[0])):
            found = _lookup(parts[-1], "noun") or found
    return found


def kind(words: str) -> str | None:
    """The kind of report a verb, noun or phrase as written makes ("felt", "was convinced" -> think)."""
    found = _entry(words)
    return found.kind if found else None


def stance(words: str) -> tuple[str, bool] | None:
    """The stance a reporting verb, noun or phrase gives what it reports ("warned" -> concerned), and whether it
    is weak."""
    found = _entry(words)
    return (found.stance, found.weak) if found and found.stance else None


def adjectives() -> tuple[str, ...]:
    return tuple(_by("adjective"))


def nouns(*, without: tuple[str, ...] = (), only: tuple[str, ...] = (), stanceless: bool = False) -> tuple[str, ...]:
    """Speech and thought nouns, singular and plural: all, or of the kinds in `only`, leaving out the kinds in
    `without` (and those with a stance of their own, if `stanceless`)."""
    out: list[str] = []
    for noun, e in _by("noun").items():
        if e.kind not in without and (not only or e.kind in only) and not (stanceless and e.stance):
            out += dict.fromkeys([noun, plural(noun)])
    return tuple(out)


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regular-expression alternation of the words, the longer tried first where one begins another, grouped by
    their shared beginnings (`lang.alternation`: the lexicon's verbs scan three times faster); each word boundary
    left to the caller; spaces match any white space."""
    return grouped(words)


def verb_forms(kinds: tuple[str, ...], tenses: tuple[str, ...] = ("past",), *, clause_only: bool | None = None,
               evaluating: bool | None = None, press: bool = True) -> list[str]:
    """The written forms (`tenses`: past, third, base, participle) of the lexicon's verbs of those kinds.
    `clause_only` keeps only the verbs that report with a clause alone (True) or also with an object (False);
    `evaluating` only those with a stance of their own (True) or without (False); without `press`, none that
    newspapers and agencies do as often as people ("reported")."""
    out: list[str] = []
    for e in _by("verb").values():
        if e.kind not in kinds or (clause_only is not None and e.clause_only != clause_only) or \
                (evaluating is not None and (e.stance is not None) != evaluating) or (e.press and not press):
            continue
        f = forms(e.expression)
        out += [getattr(f, tense) for tense in tenses]
    return out


def past_stances() -> dict[str, str | None]:
    """The past of each reporting verb ("warned", "called for") and the stance its meaning gives what it reports."""
    return {forms(e.expression).past: e.stance for e in _by("verb").values()}


@lru_cache(maxsize=1)
def _phrases() -> re.Pattern[str]:
    """The lexicon's reporting phrases that carry a stance ("express confidence", "stress the need"), in any tense."""
    words = [w for e in _by("verb").values() if " " in e.expression and e.stance and not e.weak
             for w in vars(forms(e.expression)).values()]
    return re.compile(rf"(?<![\w])(?:{alternation(words)})(?![\w])", re.IGNORECASE)


def phrase_stance(text: str) -> tuple[str, str] | None:
    """The stance of the first evaluating reporting phrase in a speaker's own words ("... and express confidence
    that ..."), with the phrase."""
    m = _phrases().search(text)
    if m is None:
        return None
    found = stance(m.group(0))
    return (found[0], m.group(0)) if found else None
