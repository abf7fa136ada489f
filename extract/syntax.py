"""Reports of speech found on a dependency parse: the reporting verb, its subject and where its content begins.

The parse comes from cwkg's own tagger and parser, trained on UD English-EWT (`model/`),
loaded once per process. A reporting verb (the reporting lexicon's, matched by lemma)
reports speech when it governs a clause ("said that ...", "stressed: ...") or stands
parenthetically ("..., he said, ..."); its speaker is its subject, or, for a verb that
depends on another ("began the talks by noting that ..."), the subject of the verb
it depends on; a passive's agent ("it was noted by X that") speaks too. Only plain data
leaves this module, so no other component depends on spaCy's types.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from . import reporting
from .inflect import verb_lemmas
from cwkg.lang.text import Block

MODEL_DIR = "model/en_cwkg_ud"
_CONTENT = {"ccomp", "xcomp", "parataxis", "csubj"}
_DEPENDENT = {"advcl", "xcomp", "conj", "ccomp"}


@dataclass(frozen=True)
class Report:
    """A reporting verb in a sentence, by character offsets into the document body."""

    verb_start: int
    verb_end: int
    verb: str  # as written, with its particle ("pointed out")
    lemma: str
    kind: str  # say, think, ask, request, agree, disagree, raise (the lexicon's kinds)
    subject: tuple[int, int] | None  # the subject phrase: the speaker, once resolved
    content_start: int  # where the reported words begin
    passive: bool


_PARTICLES = frozenset({"out", "up", "forward", "on", "back", "down", "off", "over"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, str]:
    """The reporting verbs a parse looks for, by lemma, with their kind: single verbs and verbs with a particle
    ("point out"), which the parse marks; not those that only take the floor, nor those the word patterns read
    on their own (a verb that reports only with "that" after it, a phrase such as "express the hope")."""
    return {lemma: kind for lemma, kind in reporting.verbs(without=("floor",), clause_only=False).items()
            if " " not in lemma or lemma.split(" ", 1)[1] in _PARTICLES}


def model_path() -> Path:
    return Path(str(resources.files("cwkg.extract") / MODEL_DIR))


@lru_cache(maxsize=1)
def model():
    """The tagger and parser, loaded once per process."""
    import spacy

    path = model_path()
    if not (path / "config.cfg").is_file():
        raise RuntimeError(f"the parsing model is missing from {path}: reinstall cwkg, or run extract/model/train.py")
    return spacy.load(path, exclude=["morphologizer", "trainable_lemmatizer", "lemmatizer"])


def _lemma(token) -> str | None:
    words = lexicon()
    text = token.text.lower()
    particle = next((c.text.lower() for c in token.children if c.dep_ == "compound:prt"), None)
    for lemma in verb_lemmas(f"{text} {particle}" if particle else text):
        if lemma in words:
            return lemma
    return None


def _subject(token):
    """The verb's subject (or a passive's agent), else that of the verb it depends on, up to three steps."""
    for _ in range(3):
        for child in token.children:
            if child.dep_ in ("nsubj", "csubj"):
                return child, False
            if child.dep_ == "obl" and any(g.dep_ == "case" and g.text.lower() == "by" for g in child.children) and \
                    any(c.dep_ in ("nsubj:pass", "aux:pass") for c in token.children):
                return child, True
        if token.dep_ not in _DEPENDENT or token.head is token:
            return None, False
        token = token.head
    return None, False


def _content_start(token, sentence_start: int) -> int | None:
    """Where the reported words begin: the governed clause (after "that"), else the words after a colon."""
    for child in token.children:
        if child.dep_ in _CONTENT and child.i > token.i:
            first = child.left_edge
            while first.dep_ in ("mark", "punct") and first.i < child.i:
                first = first.nbor()
            return sentence_start + first.idx
    after = [t for t in token.doc[token.i + 1:token.i + 3]]
    if after and after[0].text in (":", ","):
        rest = token.doc[after[0].i + 1:]
        return sentence_start + rest[0].idx if len(rest) else None
    if token.dep_ == "parataxis":  # "..., he said, ...": the rest of the sentence is the report
        return sentence_start
    return None


def find_reports(sentence_doc, sentence_start: int) -> list[Report]:
    out = []
    for token in sentence_doc:
        if not token.tag_.startswith("VB"):
            continue
        lemma = _lemma(token)
        if lemma is None or any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children):
            continue  # "we should ask whether ...": a modal verb proposes; it reports nothing
        content = _content_start(token, sentence_start)
        if content is None:
            continue
        subject, passive = _subject(token)
        span = None
        if subject is not None:
            span = (sentence_start + subject.left_edge.idx, sentence_start + subject.right_edge.idx + len(subject.right_edge.text))
        particle = next((c for c in token.children if c.dep_ == "compound:prt"), None)
        end = particle.idx + len(particle.text) if particle is not None and particle.i == token.i + 1 else token.idx + len(token.text)
        out.append(Report(sentence_start + token.idx, sentence_start + end, sentence_doc.text[token.idx:end], lemma,
                          lexicon()[lemma], span, content, passive))
    return out


@lru_cache(maxsize=1)
def _reporting_heads() -> frozenset[str]:
    """The first word of every reporting verb's lemma ("point" of "point out")."""
    return frozenset(lemma.split(" ")[0] for lemma in lexicon())


_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@lru_cache(maxsize=4096)
def _may_report(word: str) -> bool:
    heads = _reporting_heads()
    return any(lemma in heads for lemma in verb_lemmas(word))


def _has_reporting_word(text: str) -> bool:
    """Each distinct word once: most sentences hold no reporting verb, and need no offsets."""
    return any(_may_report(part) for w in set(_WORD.findall(text.lower()))
               for part in ((w, *w.split("-")) if "-" in w else (w,)))


# A word right after an article or a possessive is a noun ("the report", "his statement"), and a verb right after a
# modal reports nothing ("we should ask whether": `find_reports` drops it): neither needs a parse.
_NO_REPORT_AFTER = re.compile(r"(?:\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hese|[Tt]hose|[Mm]y|[Hh]is|[Oo]ur|[Tt]heir|[Ii]ts|[Yy]our|"
                              r"should|would|will|can|must|may|might|could|shall) )$")


def reporting_words(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Where in text[start:end] a word (or a part of a hyphenated one) could be a reporting verb of the lexicon:
    the only places a parse can find a report, since `find_reports` accepts only verbs with a lemma in it."""
    end = len(text) if end is None else end
    if not _has_reporting_word(text[start:end]):
        return []
    out = []
    for m in _WORD.finditer(text, start, end):
        word = m.group().lower()
        if "-" not in word:
            if _may_report(word) and not _NO_REPORT_AFTER.search(text, max(start, m.start() - 7), m.start()):
                out.append(m.start())
            continue
        at = m.start()
        for part in word.split("-"):
            if _may_report(part) or at == m.start() and _may_report(word):
                out.append(at)
            at += len(part) + 1
    return out


def may_report(text: str) -> bool:
    """Whether any word of a sentence could be a reporting verb of the lexicon: a sentence without one holds no
    report and need not be parsed (the parse is most of extraction's time)."""
    return _has_reporting_word(text)


def parse_reports(body: str, sentences: list[Block]) -> dict[int, list[Report]]:
    """The reports of every sentence that may hold one, keyed by the sentence's start; one batch through the parser."""
    sentences = [s for s in sentences if may_report(s.text)]
    if not sentences:
        return {}
    nlp = model()
    out: dict[int, list[Report]] = {}
    for sent, doc in zip(sentences, nlp.pipe((s.text for s in sentences), batch_size=64)):
        found = find_reports(doc, sent.start)
        if found:
            out[sent.start] = found
    return out


_DEONTIC_MODALS = {"should", "must", "shall", "could", "might", "would", "ought"}
_FINITE = {"VBD", "VBZ", "VBP"}


_PARSED: dict[str, object] = {}  # clause text -> its parse, from `prepare`; read by the questions below
_PARSED_MAX = 256  # a record of the corpus asks about 22 clauses at most; each parse holds its tensor (~15 KB)
_PARSED_LOCK = threading.Lock()


def prepare(texts: Iterable[str]) -> None:
    """Parse in one batch the clauses the questions below will be asked about (`complement_mood`, `experiencer`,
    `is_verbless`): a batch costs about half what a call each does. Questions about other texts still get their
    answer, from a parse of their own."""
    todo = list(dict.fromkeys(t for t in texts if t not in _PARSED))
    if not todo:
        return
    docs = list(model().pipe(todo, batch_size=64))
    with _PARSED_LOCK:
        for text, doc in zip(todo, docs):
            _PARSED[text] = doc
        while len(_PARSED) > _PARSED_MAX:
            del _PARSED[next(iter(_PARSED))]


def _parse(text: str):
    with _PARSED_LOCK:
        doc = _PARSED.get(text)
    return doc if doc is not None else model()(text)


def _root(text: str):
    doc = _parse(text)
    return next((t for t in doc if t.dep_ == "ROOT"), None)


@lru_cache(maxsize=512)
def complement_mood(text: str) -> str | None:
    """Whether a reported clause is mandative ("that he go", "that we should ...", "to go": a proposal or a
    demand) or indicative ("that the plan was sound": a claim); None when English does not show it (a
    plural subject with a present verb). A directive verb ("suggested", "insisted") reports a proposal only
    with the first."""
    root = _root(text)
    if root is None:
        return None
    helpers = [c for c in root.children if c.dep_ in ("aux", "aux:pass", "cop")]
    modal = next((c.lower_ for c in helpers if c.tag_ == "MD"), None)
    if modal:
        return "mandative" if modal in _DEONTIC_MODALS else "indicative"
    if any(c.tag_ in _FINITE for c in helpers) or root.tag_ in ("VBD", "VBZ"):
        return "indicative"
    if any(c.lower_ == "to" for c in helpers) or text.lstrip().lower().startswith("to "):
        return "mandative"
    if any(c.lower_ == "be" for c in helpers):
        return "mandative"  # "that a meeting be held"
    if root.tag_ in ("VB", "VBP"):
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is None or subject.tag_ in ("NN", "NNP") or subject.lower_ in ("he", "she", "it"):
            return "mandative"  # an imperative, or a subjunctive: "that he go", "that the mission leave"
    return None


@lru_cache(maxsize=512)
def is_verbless(text: str) -> bool:
    """A phrase with no finite verb of its own ("Further study of the ..."): a list item or a heading."""
    root = _root(text)
    if root is None:
        return True
    if root.tag_ in _FINITE or root.tag_ == "MD":
        return False
    return not any(c.dep_ in ("aux", "aux:pass", "cop", "nsubj", "nsubj:pass") and (c.tag_ in _FINITE or c.tag_ == "MD")
                   for c in root.children)


# Who may hold an attitude in a clause and still be the speaker: the speaker's own "I"/"we", the reported "he"/"she"
# (indirect speech), the listener, and words that stand for no one ("it is", "this was").
_NOT_THIRD = {"i", "we", "me", "us", "you", "he", "she", "it", "this", "that", "there", "one", "which", "who", "what", "these", "those"}


@lru_cache(maxsize=1024)
def experiencer(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where in a clause the third party stands whose attitude the words at [start, end) state: the subject of "Warsaw
    will welcome the plan", of "the minister seemed to grow anxious", the possessor in "Polish resentment". None when
    the attitude is the speaker's own (I, we, he in indirect speech), no one's ("it is regrettable"), or the parse
    does not say."""
    doc = _parse(text)
    inside = [t for t in doc if start <= t.idx < end and t.tag_[:2] in ("VB", "JJ", "NN", "MD")]
    if not inside:
        return None
    token = inside[0]
    if token.tag_.startswith("NN"):
        owner = next((c for c in token.children if c.dep_ in ("nmod:poss", "amod", "compound") and c.tag_[:2] in ("NN", "JJ")
                      and c.text[:1].isupper()), None)
        return (owner.idx, owner.idx + len(owner.text)) if owner is not None and owner.lower_ not in _NOT_THIRD else None
    for _ in range(4):  # up through "seemed to grow anxious": the subject of the verb that controls it
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subject is not None:
            words = list(subject.subtree)
            if subject.lower_ in _NOT_THIRD or {w.lower_ for w in words} & {"i", "we", "our", "my"}:
                return None
            return words[0].idx, words[-1].idx + len(words[-1].text)
        if token.dep_ not in ("xcomp", "conj", "acomp") or token.head is token:
            return None
        token = token.head
    return None
