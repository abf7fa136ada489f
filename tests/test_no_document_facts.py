"""No rule, cue or lexicon entry is there for one document: no evidence phrase of the gold files
appears in the ontology, the authority data or the extraction code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cwkg.gold import read_gold

from support import GOLD, ROOT, need

SOURCES = [*ROOT.glob("ontology/**/*.ttl"), *ROOT.glob("ontology/**/*.tsv"), *ROOT.glob("extract/**/*.py"),
           *ROOT.glob("extract/**/*.tsv"), *ROOT.glob("extract/**/*.txt")]


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
    assert found == []


def test_the_check_reads_the_files_it_guards():
    assert {Path(p).name for p in SOURCES} >= {"stances.ttl", "attribution.py", "positions.py", "reporting-verbs.tsv"}


RULES = [*ROOT.glob("extract/**/*.py"), *ROOT.glob("extract/**/*.tsv"), *ROOT.glob("extract/**/*.txt"), ROOT / "ontology" / "stances.ttl",
         *ROOT.glob("ontology/*.tsv")]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9'’-]+", text.lower())


def test_no_five_word_run_of_gold_evidence_is_in_the_rules_their_lexicons_or_their_comments(evidence):
    runs = {" ".join(w[i:i + 5]) for _, phrase in evidence for w in [_words(phrase)] for i in range(len(w) - 4)}
    found = sorted((str(path.relative_to(ROOT)), run) for path in RULES
                   for text in [" ".join(_words(path.read_text(encoding="utf-8")))] for run in runs if run in text)
    assert found == []
