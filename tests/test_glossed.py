"""Abbreviations the publisher glosses (extract/glossed.py): a marked abbreviation whose entry in the volume's list
names an institution is a mention of it; an entry that names none, a series number and an unmarked word give
nothing; the abbreviation and the name written out are one entity."""

from __future__ import annotations

import pytest

from cwkg.extract.extract import extract
from cwkg.extract.glossed import glossed_institutions, institution_named
from cwkg.loaders.source import Marked, SourceDocument

TERMS = (("S/P", "Strelsau Planning Council, Ministry of Foreign Affairs"), ("Deptel", "Ministry telegram"),
         ("DCM", "Deputy Chief of Mission"), ("RG", "Record Group"))


def document(body: str, marked: list[str], terms=TERMS) -> SourceDocument:
    """A record whose every occurrence of each word in `marked` is glossed, as a FRUS volume marks them."""
    marks = []
    for word in marked:
        at = body.find(word)
        while at >= 0:
            marks.append(Marked(at, at + len(word), "term", f"#t_{word}", word))
            at = body.find(word, at + 1)
    return SourceDocument(doc_id="test-v1-d1", source="test.xml", format="frus", title="Memorandum", body=body,
                          marked=tuple(sorted(marks, key=lambda m: m.start)), volume="test-v1", terms=terms)


@pytest.mark.parametrize("entry, name", [
    ("Strelsau Planning Council, Ministry of Foreign Affairs", "Strelsau Planning Council"),
    ("Committee for State Security (Ruritanian police)", "Committee for State Security"),
    ("Ministry telegram", None),
    ("Deputy Chief of Mission", None),
    ("balance of payments", None),
])
def test_an_entry_names_an_institution_by_its_shape(entry, name):
    assert institution_named(entry) == name


def test_a_glossed_abbreviation_is_a_mention_of_the_institution_its_entry_names(authority):
    doc = document("Ivanov sent the paper to S/P on Monday.", ["S/P"])
    found = glossed_institutions(doc, [], authority, lambda offset: 1)
    assert [(m.span.text, m.kind, m.rule) for m in found.mentions] == [("S/P", "organization", "glossed-term")]
    assert [(e.label, e.aliases) for e in found.entities] == [("Strelsau Planning Council", {"S/P"})]


def test_entries_that_name_no_institution_and_series_numbers_give_nothing(authority):
    doc = document("See Deptel 12 and the DCM's letter in RG 59.", ["Deptel", "DCM", "RG"])
    assert glossed_institutions(doc, [], authority, lambda offset: 1).mentions == []


def test_an_abbreviation_the_publisher_did_not_mark_is_not_read(authority):
    assert glossed_institutions(document("Ivanov sent the paper to S/P.", []), [], authority, lambda offset: 1).mentions == []


def test_the_abbreviation_and_the_name_written_out_are_one_entity(authority):
    facts = extract(document("S/P met on Monday. Ivanov said the Strelsau Planning Council would report.", ["S/P"]), authority)
    refs = {m.entity for m in facts.mentions if m.span.text in ("S/P", "Strelsau Planning Council")}
    assert len(refs) == 1
    (fact,) = [e for e in facts.entities if e.key in refs]
    assert (fact.label, "S/P" in fact.aliases) == ("Strelsau Planning Council", True)
