"""The reporting lexicon: one list of the words that report speech, read by every component that needs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from cwkg.extract import reporting
from cwkg.extract.attribution import VERBS
from cwkg.extract.authority import default_authority
from cwkg.extract.inflect import forms, plural, verb_lemmas
from cwkg.extract.syntax import lexicon

KINDS = {"say", "tell", "think", "ask", "request", "agree", "disagree", "decide", "raise", "floor"}
LEXICON = Path(reporting.__file__).parent / "lexicon" / "reporting.tsv"


def test_every_stance_the_lexicon_names_is_a_stance_of_the_scheme():
    labels = {d.label for d in default_authority().stances}
    assert {e.stance for e in reporting.entries() if e.stance} <= labels


def test_every_entry_is_of_a_documented_part_and_kind():
    assert {(e.part in ("verb", "noun", "adjective"), e.kind in KINDS) for e in reporting.entries()} == {(True, True)}


def test_no_expression_is_listed_twice_for_one_part():
    keys = [(e.expression, e.part) for e in reporting.entries()]
    assert len(keys) == len(set(keys))


def test_every_kind_has_its_source_in_the_header():
    header = [line for line in LEXICON.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    described = {line.split()[1] for line in header if len(line.split()) > 2 and line.split()[1] in KINDS}
    assert described == KINDS


@pytest.mark.parametrize(("lemma", "written"), [
    ("state", ("states", "stated", "stated")), ("reply", ("replies", "replied", "replied")),
    ("regret", ("regrets", "regretted", "regretted")), ("say", ("says", "said", "said")),
    ("point out", ("points out", "pointed out", "pointed out")), ("take", ("takes", "took", "taken")),
    ("stress", ("stresses", "stressed", "stressed")), ("veto", ("vetoes", "vetoed", "vetoed")),
])
def test_a_lemma_is_written_in_the_present_past_and_participle(lemma, written):
    f = forms(lemma)
    assert (f.third, f.past, f.participle) == written


@pytest.mark.parametrize("lemma", ["state", "reply", "regret", "say", "point out", "take", "stress", "express the hope"])
def test_every_written_form_leads_back_to_its_lemma(lemma):
    f = forms(lemma)
    assert all(lemma in verb_lemmas(w) for w in (f.third, f.past, f.participle))


def test_nouns_are_listed_in_the_singular_and_found_in_the_plural():
    assert (plural("reply"), plural("view"), plural("words"), reporting.kind("objections")) == (
        "replies", "views", "words", "disagree")


def test_the_parse_looks_for_every_verb_but_those_that_only_take_the_floor():
    verbs = lexicon()
    assert ("warn" in verbs, "speak" in verbs, verbs["believe"], verbs["propose"]) == (True, False, "think", "request")


@pytest.mark.parametrize(("words", "stance"), [
    ("warned", ("concerned", False)), ("agreed", ("supports", True)), ("criticisms", ("criticizes", False)),
    ("expressed his deep concern", ("concerned", False)), ("voiced doubts", ("doubts", False)),
    ("expressed confidence", ("supports", False)), ("expressed the view", None), ("said", None),
])
def test_a_word_or_delexical_phrase_gives_the_stance_of_its_meaning(words, stance):
    assert reporting.stance(words) == stance


def test_a_stance_phrase_is_found_in_a_speakers_own_words():
    assert reporting.phrase_stance("We are glad to see you and express confidence that the talks will go well.") == (
        "supports", "express confidence")


def test_a_verb_that_reports_only_with_a_clause_is_no_cue_before_an_object():
    import re
    cue = re.compile(rf"(?<![\w])(?:{VERBS})(?![\w])", re.I)
    assert (bool(cue.search("He held that the talks had failed.")), bool(cue.search("He held talks in Bonn."))) == (True, False)
