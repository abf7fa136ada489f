"""The titles-and-roles lexicon (lang/lexicon/titles.tsv): one file of title words, each class with its
sources, read by every component that needs title words."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import resources

import pytest

from cwkg.lang import title_words

TEXT = (resources.files("cwkg.lang") / "lexicon" / "titles.tsv").read_text(encoding="utf-8")
HEADER = "\n".join(line for line in TEXT.splitlines() if line.startswith("#"))
# A word may head an office and also qualify one ("the Deputy", "Deputy Minister"); no other word has two classes.
COMPATIBLE = {frozenset({"qualifier", "role"}), frozenset({"grade", "role"})}


def test_the_header_describes_every_class_the_rows_use_and_no_other():
    described = set(re.findall(r"^#\s+(\w+)\s{2,}", HEADER, re.M)) & set(title_words.KINDS)
    used = {e.kind for e in title_words.entries()}
    assert (described, used) == (set(title_words.KINDS), set(title_words.KINDS))


@pytest.mark.parametrize("kind", title_words.KINDS)
def test_each_class_names_its_sources(kind):
    block = re.search(rf"^#\s+{kind}\s{{2,}}(?P<text>.*?)(?=^#\s+\w+\s{{2,}}|^#\s+A word may)", HEADER, re.M | re.S)
    assert block is not None and re.search(r"Chicago Manual|STANAG|Government Manual|POCOM", block["text"])


def test_no_word_is_listed_twice_in_one_class():
    rows = [(e.word, e.kind) for e in title_words.entries()]
    assert sorted(r for r in set(rows) if rows.count(r) > 1) == []


def test_no_word_is_listed_in_two_conflicting_classes():
    classes: dict[str, set[str]] = {}
    for e in title_words.entries():
        classes.setdefault(e.word, set()).add(e.kind)
    assert {w: k for w, k in classes.items() if len(k) > 1 and frozenset(k) not in COMPATIBLE} == {}


def test_every_expansion_is_a_word_listed_in_its_own_class():
    listed = {(e.word, e.kind) for e in title_words.entries()}
    assert [e.word for e in title_words.entries() if e.expansion and (e.expansion, e.kind) not in listed] == []


def test_an_abbreviation_matches_with_or_without_its_period_and_an_initialism_with_a_space():
    pattern = re.compile(rf"(?:{title_words.alternation('honorific')})\s+Ivanov")
    assert [bool(pattern.fullmatch(t)) for t in ("Cde. Ivanov", "Cde Ivanov", "H. E. Ivanov", "Herr Ivanov")] == [
        True, True, True, True]


def test_a_row_of_an_unknown_class_is_refused_naming_its_line():
    with pytest.raises(ValueError, match=r"titles.tsv line 2: unknown class 'baron' of 'Voivode'"):
        title_words.read("word\tclass\texpansion\nVoivode\tbaron\t\n")


def test_office_titles_take_their_head_words_from_the_lexicon():
    from cwkg.extract import titles

    assert titles.offices("Chairman of the Strelsau Council and Voivode of Ruritania") == [
        "Chairman of the Strelsau Council and Voivode of Ruritania"]
    assert _with_row("Voivode\toffice", "from cwkg.extract import titles\n"
                     "print(titles.offices('Chairman of the Strelsau Council and Voivode of Ruritania'))") == (
        "['Chairman of the Strelsau Council', 'Voivode of Ruritania']")


PERSONS = ("from cwkg.extract import persons\n"
           "print([(c.name, c.rule) for c in persons.find_candidates('Later we met Voivode Nowak in Strelsau.', [], [])])")
LABEL = "from cwkg.extract import turns\nprint(turns.resolve_label('Voivode Nowak', [('p1', ['Adam Nowak'])]))"


def test_persons_read_no_name_after_a_word_the_lexicon_does_not_list():
    from cwkg.extract import persons

    assert persons.find_candidates("Later we met Voivode Nowak in Strelsau.", [], []) == []


def test_persons_read_the_name_after_an_office_added_to_the_lexicon():
    assert _with_row("Voivode\toffice", PERSONS) == "[('Nowak', 'honorific')]"


def test_persons_read_the_name_after_an_honorific_added_to_the_lexicon():
    assert _with_row("Voivode\thonorific", PERSONS) == "[('Nowak', 'honorific')]"


def test_a_speaker_label_with_a_word_the_lexicon_does_not_list_names_no_one():
    from cwkg.extract import turns

    assert turns.resolve_label("Voivode Nowak", [("p1", ["Adam Nowak"])]) is None


def test_a_speaker_label_sets_aside_an_office_added_to_the_lexicon():
    assert _with_row("Voivode\toffice", LABEL) == "p1"


SETS = ("from cwkg.extract import authority, organisations, volume, voice\n"
        "print('Voivode' in authority._TITLE_WORDS, 'Voivode' in organisations._STOP, 'Voivode' in volume._TITLES,"
        " 'voivode' in voice._RANK)")


def test_the_word_sets_of_the_other_readers_hold_no_word_the_lexicon_does_not_list():
    from cwkg.extract import authority, organisations, voice, volume

    assert ("Voivode" in authority._TITLE_WORDS, "Voivode" in organisations._STOP, "Voivode" in volume._TITLES,
            "voivode" in voice._RANK) == (False, False, False, False)


def test_the_word_sets_of_the_other_readers_take_an_office_added_to_the_lexicon():
    assert _with_row("Voivode\toffice", SETS) == "True True True True"


def test_a_speaker_label_that_is_a_title_and_a_family_name_names_the_person_of_that_name():
    from cwkg.extract import turns

    assert turns.resolve_label("LORD", [("p1", ["Adam Lord"]), ("p2", ["Pyotr Ivanov"])]) == "p1"


def test_a_title_that_is_also_a_family_name_is_not_cut_from_the_end_of_a_name():
    from cwkg.extract import persons

    found = persons.find_candidates("Later Adam Lord said that Strelsau was calm.", [], [])
    assert [(c.name, c.rule) for c in found] == [("Adam Lord", "speaker")]


def test_the_honorifics_that_are_also_family_names_are_left_out_on_request():
    assert title_words.words("honorific") - title_words.words("honorific", surnames=False) == {"Lord", "Pan"}


SENTENCES = ("from cwkg.lang.text import sentences\n"
             "print([b.text for b in sentences('We met Voiv. Nowak in Strelsau. He left.')])")


def test_a_full_stop_after_a_word_the_lexicon_does_not_list_ends_a_sentence():
    from cwkg.lang.text import sentences

    assert [b.text for b in sentences("We met Voiv. Nowak in Strelsau. He left.")] == [
        "We met Voiv.", "Nowak in Strelsau.", "He left."]


def test_a_full_stop_after_an_abbreviated_title_added_to_the_lexicon_ends_no_sentence():
    assert _with_row("Voiv.\toffice", SENTENCES) == "['We met Voiv. Nowak in Strelsau.', 'He left.']"


PARTICIPANTS = ("from lxml import etree\nfrom cwkg.loaders import frus\n"
                "items = etree.fromstring('<list xmlns=\"http://www.tei-c.org/ns/1.0\"><item><persName>Voivode Adam Nowak"
                "</persName>, Minister of Ruritania</item></list>')\n"
                "print([(p.name, p.description) for p in frus._participants(items)])")


def test_the_frus_loader_keeps_a_word_the_lexicon_does_not_list_in_a_participants_name():
    assert _with_row("Kapitan\thonorific", PARTICIPANTS) == "[('Voivode Adam Nowak', 'Minister of Ruritania')]"


def test_the_frus_loader_takes_an_honorific_added_to_the_lexicon_out_of_a_participants_name():
    assert _with_row("Voivode\thonorific", PARTICIPANTS) == "[('Adam Nowak', 'Minister of Ruritania')]"


def _with_row(row: str, code: str) -> str:
    """What `code` prints in a fresh interpreter whose titles lexicon has one more row."""
    word, kind = row.split("\t")
    prelude = ("from cwkg.lang import title_words\n"
               f"rows = title_words.entries() + (title_words.TitleWord({word!r}, {kind!r}, None),)\n"
               "title_words.entries = lambda: rows\n")
    done = subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, check=True)
    return done.stdout.strip()
