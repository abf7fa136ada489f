"""The publisher's person markup, checked against the text it marks.

A TEI persName is an editor's claim that a span names a person in the volume's list of persons. The claim is
sometimes wrong: "White" tagged inside "White House", a surname inside "the Nowak Plan", a pointer to an entry
the list does not hold, a tag around a title alone. Where the markup and the text disagree the text wins: the
span is no mention of a person, and the disagreement is kept for an editor to check. The rules say how English
lays out names, never what one document holds:

- `Reason.LONGER_NAME`: the span is part of a longer capitalised proper name, an institution, building,
  programme, document or place named after someone (`lexicon/name-heads.tsv`); a possessive ("Nowak's
  Administration") refers to the person and is no disagreement;
- `Reason.UNKNOWN_ENTRY`: the span's pointer names no entry of the volume's list of persons (checked only when
  the volume has a list);
- `Reason.NO_NAME`: the span holds no word of a name, only titles, honorifics or lower-case words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from cwkg.loaders.source import Marked, SourceDocument

from .persons import HONORIFICS
from .titles import office_words


class Reason(StrEnum):
    """Why the text does not take a marked span as a person."""

    LONGER_NAME = "part of a longer name"
    UNKNOWN_ENTRY = "no entry in the list of persons"
    NO_NAME = "no name in the span"


@dataclass(frozen=True)
class Disagreement:
    """A marked person span the text does not bear out. Offsets are into `SourceDocument.text` (the body, then
    its notes), so a body span has its body offsets."""

    document: str
    start: int
    end: int
    text: str  # the marked text
    ref: str | None  # the entry it points to
    reason: Reason
    detail: str  # what the text shows instead: the longer name, the missing entry, the words the span holds
    context: str  # the words around the span, the span itself in [[ ]]
    where: str = "body"  # or the note it is in: "footnote 3", "source note"

    def as_dict(self) -> dict:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text, "ref": self.ref,
                "reason": str(self.reason), "detail": self.detail, "where": self.where, "context": self.context}

    def line(self) -> str:
        """One line for an editor: where, what, why, and the words around it."""
        return f"{self.document} {self.where} [{self.start}-{self.end}] '{self.text}': {self.reason} ({self.detail}): {self.context}"


@lru_cache(maxsize=1)
def _heads() -> tuple[frozenset[str], frozenset[str]]:
    """The words that continue a name after a person's name ("House") and before it ("Mount")."""
    path = resources.files("cwkg.extract") / "lexicon" / "name-heads.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")][1:]  # the first row names the columns
    return (frozenset(w for w, where in rows if where == "after"), frozenset(w for w, where in rows if where == "before"))


_GAP = r"(?:[ \t\u00a0]|-)"  # one space or a hyphen joins words of one name; a line break, comma or dash does not
_WORD = re.compile(rf"{_GAP}(?P<word>[^\W\d_][\w'’.]*)")
_BEFORE = re.compile(r"(?<![\w.'’-])(?P<word>[^\W\d_][\w.]*)[ \t\u00a0]$")
_POSSESSIVE = re.compile(r"['’]s?$")
_RUN = 3  # at most so many capitalised words between a name and the head that ends the longer name


def _bare(word: str) -> str:
    """A word without a possessive ending or a closing full stop: "Administration's" -> "Administration"."""
    return re.sub(r"['’]s?$", "", word).rstrip(".")


def longer_name(text: str, start: int, end: int) -> str | None:
    """The longer proper name the span [start, end) of `text` is part of, if the words beside it continue one:
    capitalised words after it, up to the last head among them ("White House", "Nowak Memorial Library"), or a
    head right before it ("Mount Nowak"). A possessive span ("Nowak's") names whose thing it is: no longer name."""
    if _POSSESSIVE.search(text[start:end]):
        return None
    after, before = _heads()
    at, stop = end, None
    for _ in range(_RUN):
        m = _WORD.match(text, at)
        if m is None or not m["word"][0].isupper():
            break
        at = m.end()
        if _bare(m["word"]) in after:
            stop = m.start("word") + len(_bare(m["word"]))  # the last head of the run ends the name
        if m["word"].endswith(".") or _POSSESSIVE.search(m["word"]):
            break  # a sentence or a possessive ends the run
    if stop is not None:
        return text[start:stop]
    lead = max(0, start - 30)
    m = _BEFORE.search(text[lead:start])
    if m and (m.start() > 0 or lead == 0) and m["word"] in before:
        return text[lead + m.start("word"):end]
    return None


def title_words(labels: Iterable[str] = ()) -> frozenset[str]:
    """Words that name an office or address a person, in lower case: the office-title lexicon's words, the
    honorifics, and the words of the given role labels ("Secretary of State" gives "secretary" and "state")."""
    words = {w.lower() for w in office_words()} | {w.lower() for label in labels for w in re.findall(r"[^\W\d_]+", label)}
    return frozenset(words | {"the", "a", "an", "messrs."})


def holds_name(span: str, titles: frozenset[str]) -> bool:
    """Whether a span holds a word of a name: a capitalised word that is no title or honorific. The capitalised
    complement of a title ("Secretary of State", "Minister of the Interior") is the office's, unless more than one
    word follows, the last of which may be the name ("Secretary of State Ivanov")."""
    seen_title = False
    complement: list[bool] | None = None  # after a title's "of": for each capitalised word, whether it is a title word
    for word in re.findall(r"[^\W\d_][\w'’.-]*", span):
        if word.lower() in ("of", "for", "to") and seen_title:
            complement = []
            continue
        if not word[0].isupper():
            continue
        is_title = _bare(word).lower() in titles or word.lower() in titles or re.fullmatch(HONORIFICS, word) is not None
        if complement is not None:
            complement.append(is_title)
        elif is_title:
            seen_title = True
        else:
            return True
    return complement is not None and len(complement) >= 2 and not complement[-1]


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """The words around [start, end) within its paragraph, white space folded, the span in [[ ]]."""
    left = text[max(0, start - width):start].rsplit("\n\n", 1)[-1]
    right = text[end:end + width].split("\n\n", 1)[0]
    if start - width > 0 and len(left) == width and not text[start - width - 1].isspace():
        left = re.sub(r"^\S*", "", left)  # no word cut in two
    if end + width < len(text) and len(right) == width and not text[end + width].isspace():
        right = re.sub(r"\S*$", "", right)
    fold = lambda s: re.sub(r"\s+", " ", s)
    return (fold(left).lstrip() + "[[" + text[start:end] + "]]" + fold(right).rstrip()).strip()


def check_span(text: str, mark: Marked, known: frozenset[str], titles: frozenset[str]) -> tuple[Reason, str] | None:
    """Why the text does not bear out one marked person span of `text`, or None if it does."""
    if mark.ref and known and mark.ref not in known:
        return Reason.UNKNOWN_ENTRY, f"#{mark.ref}"
    if not holds_name(mark.text, titles):
        return Reason.NO_NAME, mark.text
    if (name := longer_name(text, mark.start, mark.end)) is not None:
        return Reason.LONGER_NAME, name
    return None


def check(doc: SourceDocument, titles: frozenset[str] | None = None) -> list[Disagreement]:
    """Every marked person span of the document, body and notes, that the text does not bear out, in order."""
    titles = title_words() if titles is None else titles
    known = frozenset(p.id for p in doc.people)
    marks = [(m, "body") for m in doc.marked]
    marks += [(Marked(m.start + n.start, m.end + n.start, m.kind, m.ref, m.text), n.heading.strip("[]"))
              for n in doc.notes for m in n.marked]
    out = []
    for mark, where in marks:
        if mark.kind != "person":
            continue
        if (found := check_span(doc.text, mark, known, titles)) is not None:
            out.append(Disagreement(doc.doc_id, mark.start, mark.end, mark.text, mark.ref, found[0], found[1],
                                    context(doc.text, mark.start, mark.end), where))
    return out
