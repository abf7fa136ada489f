"""No rule, cue or lexicon entry is there for one document: no evidence phrase of the gold files
appears in the ontology, the authority data or the extraction code.

The development gold (../shared/gold) is a yardstick, not a source: the extractor must work on
records nobody here has seen, so its rules describe how English reports speech and how records
are laid out, never the facts or the phrasing of one development document. What English says
in general is read from the UD English-EWT sentences (../shared/ud) and from the corpus texts
with every gold evidence string blanked out: a phrase or a cue that occurs there is ordinary
English; one that occurs only in gold evidence was lifted from it.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS
from unidecode import unidecode

from cwkg.gold import Gold, read_gold

from support import CORPUS, GOLD, ROOT, SHARED, need

UD = SHARED / "ud"
CW = Namespace("https://w3id.org/cwkg/ontology#")

SOURCES = [*ROOT.glob("ontology/**/*.ttl"), *ROOT.glob("ontology/**/*.tsv"), *ROOT.glob("extract/**/*.py"),
           *ROOT.glob("extract/**/*.tsv"), *ROOT.glob("extract/**/*.txt"),
           *ROOT.glob("lang/**/*.py"), *ROOT.glob("lang/**/*.tsv")]  # the language helpers below extraction


def _folded(text: str) -> str:
    return " ".join(text.lower().replace("\\\\", "\\").split())


@pytest.fixture(scope="module")
def evidence() -> list[tuple[str, str]]:
    need(GOLD)
    out = []
    for path in sorted(GOLD.glob("*.gold.yaml")):
        for p in read_gold(path).positions:
            if len(p.evidence.split()) >= 4:
                out.append((path.name, p.evidence))
    return out


def test_no_gold_evidence_phrase_is_written_into_rules_or_data(evidence):
    texts = {path: _folded(path.read_text(encoding="utf-8")) for path in SOURCES}
    found = [(gold, phrase, str(path.relative_to(ROOT))) for gold, phrase in evidence for path, text in texts.items()
             if _folded(phrase) in text]
    assert found == [], "\n".join(map(str, found))


def test_the_check_reads_the_files_it_guards():
    assert {Path(p).name for p in SOURCES} >= {"stances.ttl", "attribution.py", "positions.py", "reporting.tsv", "kinds.py",
                                               "dates.py", "titles.tsv"}


RULES = [*ROOT.glob("extract/**/*.py"), *ROOT.glob("extract/**/*.tsv"), *ROOT.glob("extract/**/*.txt"), ROOT / "ontology" / "stances.ttl",
         *ROOT.glob("ontology/*.tsv"), *ROOT.glob("lang/**/*.py"), *ROOT.glob("lang/**/*.tsv")]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9'’-]+", text.lower())


def test_no_five_word_run_of_gold_evidence_is_in_the_rules_their_lexicons_or_their_comments(evidence):
    runs = {" ".join(w[i:i + 5]) for _, phrase in evidence for w in [_words(phrase)] for i in range(len(w) - 4)}
    found = sorted((str(path.relative_to(ROOT)), run) for path in RULES
                   for text in [" ".join(_words(path.read_text(encoding="utf-8")))] for run in runs if run in text)
    assert found == [], "\n".join(map(str, found))


# --- Phrases, labels, names and cues that only the development gold has -------------------------------------------


def _files(*patterns: str) -> list[Path]:
    return sorted({p for pattern in patterns for p in ROOT.glob(pattern) if p.is_file() and "__pycache__" not in p.parts})


CODE = ("extract/**/*.py", "extract/**/*.tsv", "extract/**/*.txt", "lang/**/*.py", "lang/**/*.tsv", "records/**/*.py",
        "loaders/**/*.py", "graph/**/*.py", "queries/**/*.rq", "src/**/*.py")
# The rules and their data: where a phrase of one development document has no business.
FITTED = _files(*CODE, "ontology/stances.ttl", "ontology/topics.ttl", "ontology/*.tsv")
# Rule code: it names no person (the authority data under ontology/authority/ is world knowledge and may).
RULE_CODE = _files(*CODE)
TOPICS = ROOT / "ontology" / "topics.ttl"
CUE_FILES = _files("ontology/*.ttl")
LEXICONS = _files("extract/**/*.tsv", "extract/**/*.txt", "lang/**/*.tsv")

_WORD = re.compile(r"[^\W_](?:[^\W_]|['’-](?=[^\W_]))*")  # letters and digits, with inner apostrophes and hyphens
_ESCAPE = re.compile(r"\\+[A-Za-z](?:[+*?]|\{\d*,?\d*\})?")  # \b, \s+, \w ... in a regex written in code or Turtle


def _plain_words(text: str) -> list[str]:
    """Lower-case words, diacritics dropped (Dvořák and Dvorak are one word; ’ is ')."""
    out = []
    for w in _WORD.findall(text.lower()):
        out.extend([w] if w.isascii() else _WORD.findall(unidecode(w).lower()))
    return out


def _code_words(text: str) -> list[str]:
    """The words of a source file, a regex's escapes read as the breaks between words they stand for."""
    return _plain_words(_ESCAPE.sub(" ", text))


def _runs(words: list[str], n: int) -> set[str]:
    return {" ".join(run) for run in zip(*(words[i:] for i in range(n)))}


def _fold(text: str) -> str:
    """How labels compare: case, diacritics, dashes and runs of space ignored."""
    return re.sub(r"[\s\-_]+", " ", unidecode(str(text)).lower()).strip()


def _where(path: Path, line: int | None = None) -> str:
    name = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
    return name + (f":{line}" if line else "")


@pytest.fixture(scope="module")
def gold() -> list[Gold]:
    need(GOLD)
    return [read_gold(path) for path in sorted(GOLD.glob("*.gold.yaml"))]


@pytest.fixture(scope="module")
def gold_evidence(gold) -> list[tuple[str, str]]:
    """(gold file, evidence string with runs of white space folded) for every position."""
    return [(g.path.name, " ".join(p.evidence.split())) for g in gold for p in g.positions if p.evidence.strip()]


_INLINE_TAG = re.compile(r"</?(?:hi|persName|placeName|orgName|gloss|term|ref|date|rs|seg|title|foreign|emph|name|"
                         r"a|b|i|u|em|strong|span|small|sup|sub)\b[^>]*>")


def _corpus_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="ignore")
    if path.suffix != ".txt":  # markup inside a word or a sentence joins it; between blocks it breaks
        raw = html.unescape(re.sub(r"<[^>]*>", " ", _INLINE_TAG.sub("", raw)))
    return " ".join(raw.split())


@dataclass(frozen=True)
class Reference:
    """General English: the EWT sentences and the corpus texts outside gold evidence, one segment per line."""

    text: str
    corpus: str  # the corpus part before blanking, for checking that the blanking took
    runs: set[str]  # four-word runs that do not cross a segment
    lower_words: set[str]  # words EWT writes in lower case: ordinary English words, not names


@pytest.fixture(scope="module")
def reference(gold_evidence) -> Reference:
    need(UD)
    need(CORPUS)
    sentences = []
    for path in sorted(UD.glob("*.conllu")):
        with path.open(encoding="utf-8") as fh:
            sentences += [line[len("# text = "):].strip() for line in fh if line.startswith("# text = ")]
    corpus = "\n".join(_corpus_text(path) for path in sorted(CORPUS.rglob("*")) if path.is_file() and (
        path.suffix in (".txt", ".html") or (path.suffix == ".xml" and "frus" in path.relative_to(CORPUS).parts)))
    blanked = corpus
    for phrase in sorted({e for _, e in gold_evidence}, key=len, reverse=True):
        blanked = blanked.replace(phrase, "\n")
    text = "\n".join(sentences) + "\n" + blanked
    runs = set()
    for segment in text.split("\n"):
        runs |= _runs(_plain_words(segment), 4)
    lower = {w for s in sentences for w in _WORD.findall(s) if w.islower()}
    return Reference(text, corpus, runs, {x for w in lower for x in _plain_words(w)})


def test_the_reference_english_holds_every_gold_evidence_string_blanked_out(gold_evidence, reference):
    """Each evidence string is found in the corpus text (so that blanking it out takes) and is gone from the reference."""
    found = sorted({f"{name}: {e[:80]!r}" for name, e in gold_evidence if e not in reference.corpus or e in reference.text})
    assert len(reference.runs) > 100_000 and "the" in reference.lower_words
    assert found == [], "\n".join(map(str, found))


def test_no_four_word_run_of_gold_evidence_that_is_not_ordinary_english_is_in_the_rules_or_their_data(gold_evidence, reference):
    gold_runs: dict[str, str] = {}
    for name, e in gold_evidence:
        for run in _runs(_plain_words(e), 4):
            gold_runs.setdefault(run, name)
    fitted = {run: name for run, name in gold_runs.items() if run not in reference.runs}
    found = [f"{_where(path)}: '{run}' (from {fitted[run]})" for path in FITTED
             for run in sorted(_runs(_code_words(path.read_text(encoding="utf-8")), 4) & fitted.keys())]
    assert found == [], "\n".join(map(str, found))


def _cites_a_published_scheme(g: Graph, concept) -> bool:
    """skos:exactMatch or dcterms:source pointing outside the project: an IRI, or a literal holding an address."""
    targets = []
    for p in (SKOS.exactMatch, DCTERMS.source):
        for o in g.objects(concept, p):
            targets += [str(o)] if isinstance(o, URIRef) else re.findall(r"https?://[^\s\"'<>]+", str(o))
    return any(not re.match(r"https?://w3id\.org/cwkg\b", t) for t in targets)


LABELS = (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, RDFS.label)


def test_no_gold_about_value_is_a_topic_label_or_cue_unless_the_topic_cites_a_published_scheme(gold):
    abouts: dict[str, str] = {}
    for g in gold:
        for p in g.positions:
            for about in p.about:
                abouts.setdefault(about, g.path.name)
    forms = {about: {unidecode(about).lower(), about.lower()} for about in abouts}
    g = Graph().parse(TOPICS, format="turtle")
    found = []
    for concept in sorted({s for p in (*LABELS, CW.cue) for s in g.subjects(p, None)}):
        if _cites_a_published_scheme(g, concept):
            continue
        name = concept.n3(g.namespace_manager)
        for p in LABELS:
            for label in g.objects(concept, p):
                found += [f"{name} {p.n3(g.namespace_manager)} '{label}' is gold about '{a}' ({abouts[a]})"
                          for a in abouts if _fold(label) == _fold(a)]
        for cue in g.objects(concept, CW.cue):
            try:
                rx = re.compile(str(cue), re.I)
            except re.error:
                continue
            found += [f"{name} cw:cue '{cue}' is gold about '{a}' ({abouts[a]})"
                      for a in abouts if any(rx.fullmatch(f) for f in forms[a])]
    assert found == [], "\n".join(map(str, found))


def _is_name(words: list[str], lower_words: set[str]) -> bool:
    """Two words or more of which one is no ordinary word (so not 'the President'), or one word of 5+ letters that is none."""
    if len(words) >= 2:
        return any(w not in lower_words for w in words)
    return len(words) == 1 and sum(c.isalpha() for c in words[0]) >= 5 and words[0] not in lower_words


def test_no_gold_person_is_named_in_the_rule_code(gold, reference):
    names: dict[str, str] = {}
    for g in gold:
        for person in g.persons:
            for n in (person.name, *person.aliases):
                if _is_name(words := _plain_words(n), reference.lower_words):
                    names.setdefault(" ".join(words), f"{n!r}, {g.path.name}")
    found = []
    for path in RULE_CODE:
        text = f" {' '.join(_code_words(path.read_text(encoding='utf-8')))} "
        found += [f"{_where(path)}: '{name}' ({source})" for name, source in sorted(names.items()) if f" {name} " in text]
    assert found == [], "\n".join(map(str, found))


# A comment naming the dictionary or grammar that lists an expression: an author and year
# ("Hyland 2005", "Biber et al. 1999", "Martin & White 2005") or a dictionary's name.
CITATION = re.compile(r"\b[A-Z][\w'’-]+(?: et al\.?| (?:&|and) [A-Z][\w'’-]+)?,? \(?(?:1[6-9]|20)\d\d[a-z]?\b"
                      r"|\b(?:OED|LDOCE|COBUILD|Merriam-Webster|Webster['’]s|Longman|Collins|Macmillan|Oxford|Cambridge)\b")
_TURTLE_TOKEN = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                           r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_TURTLE_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_TURTLE_CHARS = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f"}


def _turtle_string(token: str) -> str:
    body = token[3:-3] if token[:3] in ('"""', "'''") else token[1:-1]
    return _TURTLE_ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" and len(m.group(1)) > 1
                              else _TURTLE_CHARS.get(m.group(1), m.group(1)), body)


def _turtle_literal_lines(text: str) -> tuple[dict[str, list[int]], dict[int, str]]:
    """Where each string literal of a Turtle text ends (line numbers by value), and the comment of each line."""
    literals: dict[str, list[int]] = {}
    comments: dict[int, str] = {}
    for m in _TURTLE_TOKEN.finditer(text):
        line = text.count("\n", 0, m.end()) + 1
        if m.group().startswith("#"):
            comments[line] = m.group()
        elif m.group()[0] in "\"'":
            literals.setdefault(_turtle_string(m.group()), []).append(line)
    return literals, comments


@dataclass(frozen=True)
class Cue:
    where: str
    pattern: str
    cited: bool  # its own line carries a comment naming a dictionary or grammar that lists it


def _turtle_cues(path: Path, text: str) -> list[Cue]:
    g = Graph().parse(data=text, format="turtle")
    literals, comments = _turtle_literal_lines(text)
    out = []
    for value in sorted({str(o) for o in g.objects(None, CW.cue) if isinstance(o, Literal)}):
        lines = literals.get(value) or [None]
        out += [Cue(_where(path, line), value, bool(line and CITATION.search(comments.get(line, "")))) for line in lines]
    return out


def _lexicon_cues(path: Path, text: str) -> list[Cue]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        entry, _, comment = line.partition("#")
        first = entry.split("\t")[0].strip()
        if len(first.split()) >= 2:
            out.append(Cue(_where(path, n), r"\b" + re.escape(first) + r"\b", bool(CITATION.search(comment))))
    return out


def _cues() -> list[Cue]:
    return [*(c for p in CUE_FILES for c in _turtle_cues(p, p.read_text(encoding="utf-8"))),
            *(c for p in LEXICONS for c in _lexicon_cues(p, p.read_text(encoding="utf-8")))]


_MULTIWORD = re.compile(r"[A-Za-z][)?*+]*(?:\(\?:|\()?(?: |\\s)[)?*+]*(?:\(\?:|\()?[A-Za-z]")


def test_every_multiword_cue_that_matches_gold_evidence_also_matches_other_english(gold_evidence, reference):
    found = []
    for cue in _cues():
        if cue.cited or not _MULTIWORD.search(cue.pattern):
            continue
        try:
            rx = re.compile(cue.pattern, re.I)
        except re.error:
            continue
        hit = next(((name, e) for name, e in gold_evidence if rx.search(e)), None)
        if hit and not rx.search(reference.text):
            found.append(f"{cue.where}: {cue.pattern!r} matches only gold evidence, e.g. {hit[1][:70]!r} ({hit[0]})")
    assert found == [], "\n".join(map(str, found))


def test_a_cue_is_excused_only_by_a_citation_on_its_own_line(tmp_path):
    turtle = ('@prefix cw: <https://w3id.org/cwkg/ontology#> .\n'
              '# Hyland 2005\n'
              'cw:a cw:cue "\\\\bpart of the answer\\\\b" ,\n'
              '  "\\\\bfar from clear\\\\b" .  # far from: Quirk et al. 1985, 7.58 <http://example.org/#x>\n'
              'cw:b cw:cue "#not a comment Biber et al. 1999" ; cw:note "x" .\n')
    cues = {c.pattern: c for c in _turtle_cues(tmp_path / "x.ttl", turtle)}
    assert {p: (c.where.rsplit(":", 1)[1], c.cited) for p, c in cues.items()} == {
        r"\bpart of the answer\b": ("3", False), r"\bfar from clear\b": ("4", True),
        "#not a comment Biber et al. 1999": ("5", False)}
    lexicon = "# Biber et al. 1999\nby and large\tsay\nall in all\tsay\t# Martin & White 2005\nin the event\tsay  # a note\n"
    assert [(c.where.rsplit(":", 1)[1], c.cited) for c in _lexicon_cues(tmp_path / "x.tsv", lexicon)] == [
        ("2", False), ("3", True), ("4", False)]


def test_the_new_checks_read_the_files_they_guard():
    assert {p.name for p in FITTED} >= {"stances.ttl", "topics.ttl", "positions.py", "frus.py", "pipeline.py", "store.py",
                                        "reporting.tsv", "positions-on.rq"}
    assert {p.name for p in RULE_CODE} >= {"attribution.py", "wilson_text.py", "store.py", "meetings.rq"}
    assert not any(p.suffix == ".ttl" or "ontology" in p.parts for p in RULE_CODE)
    assert {p.name for p in CUE_FILES} >= {"stances.ttl", "topics.ttl"} and {p.name for p in LEXICONS} >= {"reporting.tsv"}
