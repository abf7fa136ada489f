"""Notes are text: FRUS footnotes and source notes, and a Wilson page's summary, read with offsets of their own.

Every record here is written for the test, never copied from a corpus document.
"""

from __future__ import annotations

import re

import pytest

from cwkg.extract.extract import extract
from cwkg.extract.notes import reading_text
from cwkg.graph.mapping import document_triples
from cwkg.ontology.vocab import CW, OA
from cwkg.graph.textfragment import char_range
from cwkg.loaders import load_records
from cwkg.loaders.source import FOOTNOTE, SOURCE_NOTE, SUMMARY, Note, SourceDocument
from cwkg.loaders.wilson_page import parse_page

GROMYKO = "https://w3id.org/cwkg/id/person/andrei-gromyko"

BODY = """<p>The Secretary said that Poland should not be admitted to the talks before the autumn.{fn2} Mr. Quimby
 agreed.{fn3}</p>
      <p>The Secretary said that the talks would resume in June.{fn4}{fn5}{fn6}{fn7}</p>"""
FOOTNOTES = {
    "fn2": '<note n="2">On May 20, Gromyko told the Ambassador that the Soviet Union would oppose any settlement that '
           'excluded East Germany.</note>',
    "fn3": '<note n="3">Not found.</note>',
    "fn4": '<note n="4">Printed from a copy that indicates the Secretary signed the original.</note>',
    "fn5": '<note n="5">In a May 2 speech, Gromyko called for the withdrawal of foreign troops from Germany.</note>',
    "fn6": '<note n="6">See Document 12.</note>',
    "fn7": '<note n="7">We believe that Poland sent no reply.</note>',
}
SOURCE = '<note n="1" type="source">Source: Test Archive, Central Files, POL 7. Secret. Drafted by Harold Quimby on May 15.</note>'


def volume(with_notes: bool = True) -> str:
    notes = FOOTNOTES if with_notes else {k: "" for k in FOOTNOTES}
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus-notes-v1">
  <teiHeader><fileDesc><titleStmt><title type="complete">Foreign Relations, Notes Test Volume</title></titleStmt></fileDesc></teiHeader>
  <text><body><div type="chapter" xml:id="ch1"><head>Ruritania</head>
    <div type="document" xml:id="d1" n="1" subtype="historical-document" frus:doc-dateTime-min="1963-05-14T00:00:00-05:00"
         frus:doc-dateTime-max="1963-05-14T23:59:59-05:00">
      <head>1. Memorandum of Conversation{SOURCE if with_notes else ""}</head>
      <opener><dateline><placeName>Washington</placeName>, <date when="1963-05-14">May 14, 1963</date>.</dateline></opener>
      {BODY.format(**notes)}
    </div>
  </div></body></text>
</TEI>"""


def load(tmp_path, with_notes: bool = True) -> SourceDocument:
    path = tmp_path / ("notes.xml" if with_notes else "plain.xml")
    path.write_text(volume(with_notes), encoding="utf-8")
    return next(r for r in load_records(path) if isinstance(r, SourceDocument))


@pytest.fixture(scope="module")
def frus(tmp_path_factory) -> tuple[SourceDocument, object]:
    doc = load(tmp_path_factory.mktemp("notes"))
    return doc, extract(doc, use_markup=False)


def in_notes(doc: SourceDocument, facts) -> list:
    return [p for p in facts.positions if doc.note_at(p.span.start) is not None]


def test_the_notes_follow_the_body_each_with_its_kind_number_and_mark(frus):
    doc, _ = frus
    assert doc.text.startswith(doc.body) and len(doc.text) > len(doc.body)
    assert [(n.kind, n.label) for n in doc.notes] == [(SOURCE_NOTE, None)] + [(FOOTNOTE, str(i)) for i in range(2, 8)]
    assert all(doc.text[n.start:n.end] == n.text for n in doc.notes)
    told = doc.notes[1]
    assert doc.body[:told.anchor].endswith("before the autumn.")  # the footnote mark stands after the sentence it annotates
    assert "Gromyko" not in doc.body


def test_the_body_and_its_offsets_are_the_same_with_or_without_notes(tmp_path):
    with_notes, without = load(tmp_path), load(tmp_path, with_notes=False)
    assert with_notes.body == without.body == without.text
    assert with_notes.marked == without.marked
    assert all(with_notes.text[m.start:m.end] == m.text for m in with_notes.marked)
    body_positions = lambda doc: [(p.span.start, p.span.end, p.span.text) for p in extract(doc, use_markup=False).positions
                                  if p.span.end <= len(doc.body)]
    assert body_positions(with_notes) == body_positions(without)


def test_a_statement_a_footnote_reports_is_a_position_with_the_footnotes_words_as_evidence(frus):
    doc, facts = frus
    (found,) = in_notes(doc, facts)
    note = doc.note_at(found.span.start)
    assert (note.kind, note.label, found.speaker) == (FOOTNOTE, "2", GROMYKO)
    assert note.start <= found.span.start < found.span.end <= note.end
    assert doc.text[found.span.start:found.span.end] == found.span.text
    assert found.span.text == "the Soviet Union would oppose any settlement that excluded East Germany."


def test_citation_footnotes_the_source_note_and_a_notes_we_give_no_position(frus):
    doc, facts = frus
    kinds = {doc.note_at(p.span.start).label for p in in_notes(doc, facts)}
    assert kinds == {"2"}  # not "Not found.", "Printed from a copy ...", "See Document 12.", "We believe ...", nor the source note
    assert not any(doc.note_at(p.span.start).kind == SOURCE_NOTE for p in in_notes(doc, facts))


def test_an_act_a_footnote_describes_is_no_reported_statement(frus):
    doc, facts = frus
    speech = next(n for n in doc.notes if n.label == "5")
    assert not [p for p in facts.positions if speech.start <= p.span.start < speech.end]


def test_the_drafter_a_source_note_names_is_the_author_not_a_speaker(frus):
    doc, facts = frus
    quimby = next(p for p in facts.persons if p.label == "Harold Quimby")
    assert facts.author == quimby.ref
    source = doc.notes[0]
    assert not [p for p in facts.positions if source.start <= p.span.start < source.end]


def test_a_footnote_position_is_at_no_meeting_of_the_record_and_its_speaker_no_participant(frus):
    doc, facts = frus
    assert all(GROMYKO not in m.participants for m in facts.meetings)
    triples = document_triples(facts)
    (position,) = {t.subject for t in triples if t.predicate == CW.speaker and t.object.value == GROMYKO}
    about = {t.predicate: t.object for t in triples if t.subject == position}
    assert CW.atMeeting not in about and CW.statedOn not in about


def test_the_graph_says_which_note_a_position_comes_from_and_where_it_lies_in_the_text(frus):
    doc, facts = frus
    triples = document_triples(facts)
    text = next(t.object.value for t in triples if t.predicate == CW.text)
    assert text == doc.text
    (position,) = {t.subject for t in triples if t.predicate == CW.speaker and t.object.value == GROMYKO}
    note = next(t.object for t in triples if t.subject == position and t.predicate == CW.inNote)
    of_note = {t.predicate: t.object.value for t in triples if t.subject == note}
    assert (of_note[CW.noteKind], of_note[CW.noteNumber], int(of_note[CW.anchor])) == ("footnote", "2", doc.notes[1].anchor)
    at = char_range(next(t.object for t in triples if t.subject == position and t.predicate == OA.hasTarget).value)
    assert text[at.start:at.end] == "the Soviet Union would oppose any settlement that excluded East Germany."


def test_names_in_a_footnote_are_mentions_with_the_footnotes_offsets(frus):
    doc, facts = frus
    in_note = [m for m in facts.mentions if doc.note_at(m.span.start)]
    assert {m.span.text for m in in_note} >= {"Gromyko", "Soviet Union", "East Germany"}
    assert all(doc.text[m.span.start:m.span.end] == m.span.text for m in in_note)


def test_the_reading_text_blanks_headings_and_notes_not_read_for_names(frus):
    doc, _ = frus
    read = reading_text(doc)
    assert len(read) == len(doc.text) and read.count("\n") == doc.text.count("\n")
    assert "[footnote" not in read and "[notes]" not in read
    assert "Test Archive" not in read  # the source note is authorship data, read for its drafter only
    assert "told the Ambassador" in read


def test_a_library_a_note_cites_is_no_person():
    doc = SourceDocument(doc_id="n", source="test", format="test", title="Memorandum", body="The Secretary spoke.",
                         notes=(Note(FOOTNOTE, "The text is in the Truman Library, Central Files.", "2", 10),))
    assert "Truman" not in reading_text(doc)


PAGE = """Search in

Digital Archive International History Declassified

May 04, 1961

Citation

In this record the Ruritanian envoy Josef Brandl told the Soviet ambassador that Albania must be isolated.
"Record of a Conversation with Josef Brandl," May 04, 1961, History and Public Policy Program Digital Archive, Test Archive, Fond 1.

Moscow, 4 May 1961

Today I received the Ruritanian envoy Josef Brandl at his request. Brandl said that the harvest in his country had been poor
this year and that his government hoped for grain deliveries before the winter. I replied that the request would be examined
in Moscow without delay and that an answer would follow soon.
"""


def test_a_pages_summary_is_read_for_names_and_yields_no_position():
    doc = parse_page(PAGE, "test", "wilson-text")
    (summary,) = doc.notes
    assert (summary.kind, doc.text[summary.start:summary.end]) == (SUMMARY, doc.description)
    assert "Albania must be isolated" not in doc.body
    facts = extract(doc)
    assert not [p for p in facts.positions if doc.note_at(p.span.start)]  # the archivist's abstract, not the record's voice
    assert "Albania must be isolated" not in " ".join(p.span.text for p in facts.positions)
    assert any(m.span.text == "Albania" and doc.note_at(m.span.start) is summary for m in facts.mentions)


def test_a_document_without_notes_has_its_body_as_its_text():
    doc = SourceDocument(doc_id="plain", source="test", format="test", title="Memorandum", body="He said that Albania matters.")
    assert (doc.text, doc.notes, doc.note_at(5)) == (doc.body, (), None)
    assert not re.search(r"\[notes\]", doc.text)
