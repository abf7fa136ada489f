"""No rule, cue or lexicon entry is there for one document: no evidence phrase of the gold files
appears in the ontology, the authority data or the extraction code."""

from __future__ import annotations

from pathlib import Path

import pytest

from cwkg.gold import read_gold

from support import GOLD, ROOT, need

SOURCES = [*ROOT.glob("ontology/**/*.ttl"), *ROOT.glob("ontology/**/*.tsv"), *ROOT.glob("extract/**/*.py"),
           *ROOT.glob("extract/**/*.tsv")]


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
