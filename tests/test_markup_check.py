"""The publisher's person markup is checked against the text, not trusted: a persName the text reads otherwise is
no mention, no candidate, no author, and `cwkg eval --frus` lists it for an editor."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.extract.extract import extract
from cwkg.extract.markup import listed_agreed, marked_candidates
from cwkg.extract.markup_check import Disagreement, Reason, check, holds_name, longer_name, title_words
from cwkg.loaders import load_records
from cwkg.loaders.source import ListedParticipant, Marked, SourceDocument, VolumePerson

PERSONS = """
      <item><hi rend="strong"><persName xml:id="p_NA1">Nowak, Adam</persName>,</hi> Press Officer of Ruritania</item>
      <item><hi rend="strong"><persName xml:id="p_IP1">Ivanov, Pyotr</persName>,</hi> Foreign Minister of Ruritania</item>"""


def _volume(tmp_path: Path, document: str) -> Path:
    """A one-document TEI volume with two listed persons, Adam Nowak (p_NA1) and Pyotr Ivanov (p_IP1)."""
    path = tmp_path / "volume.xml"
    path.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus-test-v9">
  <teiHeader><fileDesc><titleStmt><title type="complete">Test Volume</title></titleStmt></fileDesc></teiHeader>
  <text><front>
    <div type="section" xml:id="persons"><head>Persons</head><list type="names">{PERSONS}</list></div>
  </front><body><div type="chapter" xml:id="ch1"><head>Ruritania</head>
    <div type="document" xml:id="d1" n="1" subtype="historical-document" frus:doc-dateTime-min="1966-03-02T00:00:00-05:00"
         frus:doc-dateTime-max="1966-03-02T23:59:59-05:00">{document}</div>
  </div></body></text>
</TEI>""", encoding="utf-8")
    return path


def _document(tmp_path: Path, document: str) -> SourceDocument:
    return next(r for r in load_records(_volume(tmp_path, document)) if isinstance(r, SourceDocument))


HOUSE_TELEGRAM = """
      <head>1. Telegram From the <persName corresp="#p_NA1">Nowak</persName> House to the Embassy in Ruritania</head>
      <opener><dateline><placeName>Zenda</placeName>, <date when="1966-03-02">March 2, 1966</date>.</dateline></opener>
      <p>The <persName corresp="#p_NA1">Nowak</persName> House hopes the trade talks will go on.</p>"""


def test_a_persname_inside_a_house_name_is_no_mention_and_no_author(tmp_path):
    doc = _document(tmp_path, HOUSE_TELEGRAM)
    facts = extract(doc)
    assert facts.author is None
    assert [m.span.text for m in facts.mentions if m.kind == "person"] == []


def test_a_persname_inside_a_house_name_is_reported_with_the_longer_name(tmp_path):
    doc = _document(tmp_path, HOUSE_TELEGRAM)
    assert [(d.document, d.text, d.ref, d.reason, d.detail, d.where) for d in check(doc)] == [
        ("frus-test-v9-d1", "Nowak", "p_NA1", Reason.LONGER_NAME, "Nowak House", "body"),
        ("frus-test-v9-d1", "Nowak", "p_NA1", Reason.LONGER_NAME, "Nowak House", "body"),
    ]


def test_a_possessive_before_a_head_noun_is_kept_as_a_mention(tmp_path):
    doc = _document(tmp_path, """
      <head>1. Memorandum for the Record</head>
      <p>Minister <persName corresp="#p_IP1">Ivanov</persName>'s Administration will sign the trade agreement.</p>""")
    assert check(doc) == []
    assert [(m.span.text, m.entity) for m in extract(doc).mentions if m.kind == "person"] == [
        ("Ivanov", "frus:frus-test-v9:p_IP1")]


def test_a_pointer_to_no_entry_of_the_list_of_persons_is_reported(tmp_path):
    doc = _document(tmp_path, """
      <head>1. Memorandum for the Record</head>
      <p>Minister <persName corresp="#p_QQ7">Ivanov</persName> asked for more trade.</p>""")
    (d,) = check(doc)
    assert (d.text, d.ref, d.reason, d.detail, d.context) == (
        "Ivanov", "p_QQ7", Reason.UNKNOWN_ENTRY, "#p_QQ7", "Minister [[Ivanov]] asked for more trade.")


def test_a_rejected_span_gives_no_markup_candidate(tmp_path):
    doc = _document(tmp_path, """
      <head>1. Memorandum for the Record</head>
      <p>Minister <persName corresp="#p_QQ7">Ivanov</persName> asked for more trade.</p>""")
    assert [c.name for c in marked_candidates(doc, [])] == ["Ivanov"]
    assert marked_candidates(doc, [], check(doc)) == []


def test_a_span_of_titles_alone_holds_no_name(tmp_path):
    doc = _document(tmp_path, """
      <head>1. Memorandum for the Record</head>
      <p><persName corresp="#p_IP1">The Foreign Minister</persName> asked for more trade.</p>""")
    assert [(d.text, d.reason) for d in check(doc, title_words(["foreign minister"]))] == [
        ("The Foreign Minister", Reason.NO_NAME)]


def test_a_title_with_a_name_after_its_complement_holds_a_name():
    titles = title_words(["Secretary of State"])
    assert [holds_name(s, titles) for s in ("Secretary of State Ivanov", "Secretary of State", "Mr.", "[name not given]")] == [
        True, False, False, False]


def test_a_head_word_in_lower_case_continues_no_name():
    text = "They discussed the Ivanov plan at length."
    assert longer_name(text, text.index("Ivanov"), text.index("Ivanov") + 6) is None


def test_the_last_head_of_a_run_of_capitalised_words_ends_the_longer_name():
    text = "They met at the Ivanov Memorial Library on Tuesday."
    assert longer_name(text, text.index("Ivanov"), text.index("Ivanov") + 6) == "Ivanov Memorial Library"


def test_a_head_right_before_the_name_makes_a_place_name():
    text = "The troops withdrew to Fort Nowak in the spring."
    assert longer_name(text, text.index("Nowak"), text.index("Nowak") + 5) == "Fort Nowak"


def test_a_hyphen_joins_two_names_into_a_treaty_name():
    text = "The Ivanov-Nowak Pact was signed in Zenda."
    assert longer_name(text, 4, 10) == "Ivanov-Nowak Pact"


def test_a_sentence_end_or_a_paragraph_break_ends_the_name():
    text = "He met Nowak. Square dealing was promised.\n\nNowak\n\nHouse rules apply."
    first = text.index("Nowak")
    second = text.index("Nowak", first + 1)
    assert (longer_name(text, first, first + 5), longer_name(text, second, second + 5)) == (None, None)


def test_a_span_in_a_footnote_says_which_note_it_is_in(tmp_path):
    doc = _document(tmp_path, """
      <head>1. Memorandum for the Record</head>
      <p>The talks went on.<note n="1" xml:id="d1fn1">Reference is to the <persName corresp="#p_IP1">Ivanov</persName> Doctrine.</note></p>""")
    (d,) = check(doc)
    assert (d.where, d.detail, doc.text[d.start:d.end]) == ("footnote 1", "Ivanov Doctrine", "Ivanov")


def test_a_listed_participant_inside_a_longer_name_is_dropped_and_one_with_a_bad_pointer_loses_it():
    body = "PARTICIPANTS\n\nMr. Adam Nowak, Embassy\n\nIvanov House staff"
    doc = SourceDocument(doc_id="v-d1", source="t", format="t", title="Memorandum of Conversation", body=body, volume="v",
                         people=(VolumePerson("p_IP1", "Pyotr Ivanov", "Ivanov, Pyotr"),),
                         participants=(ListedParticipant("Adam Nowak", "Embassy", None, "p_QQ7"),
                                       ListedParticipant("Ivanov", "House staff", None, "p_IP1")))
    rejected = [Disagreement("v-d1", 18, 28, "Adam Nowak", "p_QQ7", Reason.UNKNOWN_ENTRY, "#p_QQ7", ""),
                Disagreement("v-d1", 39, 45, "Ivanov", "p_IP1", Reason.LONGER_NAME, "Ivanov House", "")]
    assert listed_agreed(doc, rejected, [(14, len(body))]) == (ListedParticipant("Adam Nowak", "Embassy", None, None),)


def test_only_person_spans_are_checked():
    doc = SourceDocument(doc_id="v-d1", source="t", format="t", title="Note", body="Ivanov House is in Zenda.", volume="v",
                         marked=(Marked(0, 6, "place", None, "Ivanov"),))
    assert check(doc) == []


def test_cli_eval_frus_lists_the_disagreement_in_json_and_table(tmp_path):
    volume = _volume(tmp_path, HOUSE_TELEGRAM)
    result = CliRunner().invoke(app, ["eval", "--frus", str(volume), "--format", "json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.stdout)
    found = report["disagreements"]
    assert (found["count"], found["by_reason"]) == (2, {"part of a longer name": 2})
    assert found["items"][1] == {"document": "frus-test-v9-d1", "start": 89, "end": 94, "text": "Nowak", "ref": "p_NA1",
                                 "reason": "part of a longer name", "detail": "Nowak House", "where": "body",
                                 "context": "The [[Nowak]] House hopes the trade talks will go on."}
    table = CliRunner().invoke(app, ["eval", "--frus", str(volume), "--format", "table"])
    assert "disagreements (marked persons the text does not bear out): 2 (part of a longer name: 2)" in table.stdout
    assert ("frus-test-v9-d1 body [89-94] 'Nowak': part of a longer name (Nowak House): "
            "The [[Nowak]] House hopes the trade talks will go on.") in table.stdout
