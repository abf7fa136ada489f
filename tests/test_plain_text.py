"""A historian's own transcription of a record, typed as plain text or Markdown (issue 28, item 1): its header lines
or front matter fill the source document, its Markdown is reduced to the text a reader sees, files without a record's
shape are left alone, and a value that cannot be read is one line naming the file. Every record here is invented
(a Polish and a Czechoslovak ambassador in Tirana who never existed)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.errors import InputError, UnrecognisedFormat
from cwkg.loaders import load_document
from cwkg.loaders.source import Citation

MEMO = """MEMORANDUM OF CONVERSATION

Date: 14 May 1962
Place: Tirana
Archive: Archive of the Ministry of Foreign Affairs, Warsaw
Collection: Department IV, Albania
Reference number: Z-12/4, file 7
Translator: Anna Nowak
Source: https://example.org/records/wilk-marek
Kind: memcon
Participants: Tadeusz Wilk, Ambassador of Poland to Albania; Bohumil Marek, Ambassador of Czechoslovakia to Albania

On 14 May I received Ambassador Marek at the embassy. Marek said that the Albanian leadership was moving ever closer \
to China and that relations between Albania and the Soviet Union would not improve this year.

I replied that Poland hoped for a return of Albania to the common line of the socialist camp.

Tadeusz Wilk
"""

MARKDOWN = """---
title: Record of a conversation with the Czechoslovak ambassador
date: 1962-05-14
archive: Archive of the Ministry of Foreign Affairs
reference: "Z-12/4"
place: Tirana
tags: [albania, 1962]
---

# Memorandum of Conversation

**Participants:** Tadeusz Wilk, *Ambassador of Poland to Albania*; Bohumil Marek, Ambassador of Czechoslovakia to Albania

On 14 May I received Ambassador __Marek__ at the embassy. Marek said that the [Albanian leadership](https://example.org/pla) \
was moving ever closer to _China_.

> I replied that `Poland` hoped for a return of **Albania** to the common line.

- a first point \\*not emphasis\\*
"""


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- what the header gives --------------------------------------------------------------------------------------

def test_header_keys_fill_the_source_document(tmp_path):
    doc = load_document(write(tmp_path, "memo.txt", MEMO))
    assert (doc.format, doc.title, doc.date, doc.kind, doc.url, doc.citation) == (
        "plain-text", "MEMORANDUM OF CONVERSATION", date(1962, 5, 14), "memorandum of conversation",
        "https://example.org/records/wilk-marek",
        Citation(archive="Archive of the Ministry of Foreign Affairs, Warsaw", collection="Department IV, Albania",
                 archive_reference="Z-12/4, file 7", translator="Anna Nowak"))


def test_the_header_lines_read_leave_the_body_and_the_records_own_lines_stay(tmp_path):
    doc = load_document(write(tmp_path, "memo.txt", MEMO))
    assert doc.body.split("\n\n")[:2] == [
        "MEMORANDUM OF CONVERSATION",
        "Place: Tirana\nParticipants: Tadeusz Wilk, Ambassador of Poland to Albania; Bohumil Marek, Ambassador of "
        "Czechoslovakia to Albania"]


def test_the_source_path_is_recorded_and_the_id_follows_the_content_not_the_place(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    here, there = write(tmp_path / "a", "memo.txt", MEMO), write(tmp_path / "b", "copy.txt", MEMO.replace("\n", "\r\n"))
    first, second = load_document(here), load_document(there)
    assert (first.source, second.source, first.doc_id == second.doc_id, first.doc_id.startswith("plain-")) == (
        str(here), str(there), True, True)


def test_a_source_that_is_no_address_is_the_citation_text(tmp_path):
    doc = load_document(write(tmp_path, "memo.txt", "Title: A talk in Tirana\nDate: 14 May 1962\n"
                                                    "Source: Polish Foreign Ministry files, 1962\n\nWe talked."))
    assert (doc.url, doc.citation.text) == (None, "Polish Foreign Ministry files, 1962")


def test_a_heading_and_a_date_line_give_title_and_date_and_stay_in_the_body(tmp_path):
    text = "Conversation with the Czechoslovak Ambassador\nTirana, May 14, 1962\n\nWe spoke of Albania.\n"
    doc = load_document(write(tmp_path, "talk.txt", text))
    assert (doc.title, doc.date, doc.body, doc.kind) == (
        "Conversation with the Czechoslovak Ambassador", date(1962, 5, 14), text.strip(), "record of conversation")


@pytest.mark.parametrize("dateline, day", [
    ("Strelsau, May 4, 1971, 6:15 p.m.", date(1971, 5, 4)),
    ("Strelsau, October 2, 1966, 1600Z.", date(1966, 10, 2)),
    ("12 June 1969, 10 a.m.", date(1969, 6, 12)),
])
def test_a_date_line_may_close_with_the_hour_or_a_telegrams_time_group(tmp_path, dateline, day):
    doc = load_document(write(tmp_path, "talk.txt", f"Telephone Conversation Between Adam Nowak and Pyotr Ivanov\n\n{dateline}\n\nN: Good day.\n"))
    assert doc.date == day


def test_a_heading_that_names_a_record_and_ends_in_its_date_dates_it(tmp_path):
    text = "Working Record of the Session of the Presidium, 12 June 1969\n\nNOWAK. We must wait.\n\nIVANOV. I agree.\n"
    doc = load_document(write(tmp_path, "session.txt", text))
    assert (doc.title, doc.date, doc.kind) == ("Working Record of the Session of the Presidium, 12 June 1969", date(1969, 6, 12), "minutes")


def test_a_second_heading_may_stand_between_the_heading_and_the_date_line(tmp_path):
    text = "From the Diary of Pyotr Ivanov\nRecord of Conversation with Adam Nowak\n3 March 1965\n\nI visited Nowak.\n"
    doc = load_document(write(tmp_path, "diary.txt", text))
    assert (doc.title, doc.date) == ("From the Diary of Pyotr Ivanov", date(1965, 3, 3))


@pytest.mark.parametrize("name, text", [
    ("NOTES.md", "# Release notes, 12 June 2024\n\n- fixed a bug\n"),
    ("todo.txt", "Things to ask\nAbout the visit\n3 March 1965\n\nAsk about Albania.\n"),
])
def test_a_dated_heading_that_names_no_kind_of_record_is_no_record(tmp_path, name, text):
    with pytest.raises(UnrecognisedFormat):
        load_document(write(tmp_path, name, text))


def test_a_typed_record_an_archive_of_a_state_holds_is_that_states_record(tmp_path):
    text = "MEMORANDUM OF CONVERSATION\n\nDate: 3 June 1971\nArchive: National Archives and Records Administration, RG 59\n\nWe talked.\n"
    assert load_document(write(tmp_path, "memo.txt", text)).perspective == "United States"


def test_a_classification_marking_above_the_heading_is_the_classification(tmp_path):
    doc = load_document(write(tmp_path, "memo.txt", "SECRET\n\nMEMORANDUM OF CONVERSATION\n\nDate: 1962-05-14\n\nWe talked."))
    assert (doc.title, doc.classification, doc.body) == (
        "MEMORANDUM OF CONVERSATION", "SECRET", "SECRET\n\nMEMORANDUM OF CONVERSATION\n\nWe talked.")


@pytest.mark.parametrize("written", ["1962-05-14", "14 May 1962", "May 14, 1962", "Monday, 14 May 1962",
                                     "May 14, 1962, 4 p.m.", "14.V.1962", "14/5/1962"])
def test_a_date_is_read_in_iso_and_written_forms(tmp_path, written):
    doc = load_document(write(tmp_path, "memo.txt", f"Title: A talk\nDate: {written}\n\nWe talked."))
    assert doc.date == date(1962, 5, 14)


# --- front matter and Markdown --------------------------------------------------------------------------------

def test_front_matter_fills_the_document_and_unknown_keys_are_not_read(tmp_path):
    doc = load_document(write(tmp_path, "memo.md", MARKDOWN))
    assert (doc.title, doc.date, doc.kind, doc.dateline_place, doc.citation) == (
        "Record of a conversation with the Czechoslovak ambassador", date(1962, 5, 14), "record of conversation", "Tirana", Citation(archive="Archive of the Ministry of Foreign Affairs", archive_reference="Z-12/4"))


def test_markdown_markup_is_reduced_to_the_text_a_reader_sees(tmp_path):
    doc = load_document(write(tmp_path, "memo.md", MARKDOWN))
    assert doc.body == (
        "Memorandum of Conversation\n\n"
        "Participants: Tadeusz Wilk, Ambassador of Poland to Albania; Bohumil Marek, Ambassador of Czechoslovakia to Albania\n\n"
        "On 14 May I received Ambassador Marek at the embassy. Marek said that the Albanian leadership was moving ever "
        "closer to China.\n\n"
        "I replied that Poland hoped for a return of Albania to the common line.\n\n"
        "a first point *not emphasis*")


def test_every_mention_the_extractor_finds_in_markdown_is_the_text_at_its_offsets(tmp_path):
    from cwkg.extract.extract import extract

    doc = load_document(write(tmp_path, "memo.md", MARKDOWN))
    facts = extract(doc)
    assert [doc.body[m.span.start:m.span.end] for m in facts.mentions] == [m.span.text for m in facts.mentions]
    assert [m.span.text for m in facts.mentions if m.entity.endswith("/state/albania")] == ["Albania", "Albania", "Albanian",
                                                                                            "Albania"]


# --- what is not a record -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text", [
    ("README.md", "# What these are\n\nTranscriptions of memoranda from the Tirana embassy, typed in 2023.\n"),
    ("SOURCE.md", "# Where these pages come from\n"),
    ("LICENSE.txt", "MIT License\n\nCopyright (c) 2024 Jane Doe\n\nPermission is hereby granted, free of charge\n"),
    ("CHANGELOG.md", "# Changelog\n\n## 1.0.0 - 2024-05-12\n\n- first release\n"),
    ("notes.txt", "Some notes about a meeting.\nAsk about the Albanian question.\n"),
    ("page.md", "---\nlayout: page\n---\n\n# Hello\n"),
])
def test_a_file_without_a_records_shape_is_an_unrecognised_format(tmp_path, name, text):
    with pytest.raises(UnrecognisedFormat, match="unrecognised format"):
        load_document(write(tmp_path, name, text))


def test_a_record_in_a_file_not_named_as_text_or_markdown_is_not_read(tmp_path):
    with pytest.raises(UnrecognisedFormat):
        load_document(write(tmp_path, "memo.yaml", MEMO))


def test_a_folder_loads_its_memo_and_skips_its_readme(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    write(folder, "memo.md", MARKDOWN)
    write(folder, "README.md", "# What these are\n\nTranscriptions of memoranda, typed in 2023.\n")
    result = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "ingest", "--verbose", str(folder)])
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert (result.exit_code, skipped[0].split(": ")[:2]) == (0, ["skipped", str(folder / "README.md")])
    assert result.stderr.splitlines()[-1].startswith("1 files loaded (1 documents, 1 meetings,")


# --- bad files ----------------------------------------------------------------------------------------------------

def test_a_date_that_cannot_be_read_is_one_line_naming_the_file(tmp_path):
    path = write(tmp_path, "memo.txt", "Title: A talk\nDate: sometime in May\n\nWe talked.")
    with pytest.raises(InputError) as err:
        load_document(path)
    assert str(err.value) == (f"{path}: plain-text: cannot read the date 'sometime in May': write it as 1962-05-12, "
                              "12 May 1962 or May 12, 1962")


def test_a_numeric_date_that_reads_two_ways_is_refused(tmp_path):
    path = write(tmp_path, "memo.txt", "Title: A talk\nDate: 5/6/1962\n\nWe talked.")
    with pytest.raises(InputError) as err:
        load_document(path)
    assert str(err.value) == (f"{path}: plain-text: the date '5/6/1962' can be read two ways (day or month first): "
                              "write 1962-05-12 or 12 May 1962")


def test_a_key_given_twice_with_different_values_is_one_line_naming_the_file(tmp_path):
    path = write(tmp_path, "memo.txt", "Title: A talk\nDate: 14 May 1962\nDATE: 15 May 1962\n\nWe talked.")
    with pytest.raises(InputError) as err:
        load_document(path)
    assert str(err.value) == f"{path}: plain-text: the header gives 'DATE' twice with different values ('14 May 1962', '15 May 1962')"


def test_a_key_given_twice_with_the_same_value_is_read_once(tmp_path):
    doc = load_document(write(tmp_path, "memo.txt", "Title: A talk\nDate: 14 May 1962\nDate: 1962-05-14\n\nWe talked."))
    assert (doc.date, doc.body) == (date(1962, 5, 14), "We talked.")


def test_a_front_matter_key_given_twice_with_different_values_is_refused(tmp_path):
    path = write(tmp_path, "memo.md", "---\ntitle: A talk\ntitle: Another talk\n---\n\nWe talked.")
    with pytest.raises(InputError) as err:
        load_document(path)
    assert str(err.value) == f"{path}: plain-text: the front matter gives 'title' twice with different values"


def test_front_matter_with_yaml_aliases_is_refused(tmp_path):
    path = write(tmp_path, "memo.md", "---\ntitle: &t A talk\ncollection: *t\n---\n\nWe talked.")
    with pytest.raises(InputError) as err:
        load_document(path)
    assert str(err.value) == (f"{path}: plain-text: the front matter uses a YAML alias (*t) at line 3: front matter may "
                              "not use anchors and aliases")


def test_front_matter_nested_too_deep_is_refused(tmp_path):
    path = write(tmp_path, "memo.md", "---\ntitle: A talk\nnotes: " + "[" * 50 + "]" * 50 + "\n---\n\nWe talked.")
    with pytest.raises(InputError) as err:
        load_document(path)
    assert str(err.value) == f"{path}: plain-text: the front matter is nested more than 8 levels deep"


def test_front_matter_larger_than_its_bound_is_refused(tmp_path):
    path = write(tmp_path, "memo.md", "---\ntitle: A talk\nnotes: " + "x" * 70_000 + "\n---\n\nWe talked.")
    with pytest.raises(InputError) as err:
        load_document(path)
    assert str(err.value) == f"{path}: plain-text: the front matter is larger than 64 KB"


def test_an_unknown_kind_is_refused_naming_the_kinds(tmp_path):
    path = write(tmp_path, "memo.txt", "Title: A talk\nKind: scribble\n\nWe talked.")
    with pytest.raises(InputError, match=rf"^{path}: plain-text: unknown kind 'scribble' \(one of: editorial note, "):
        load_document(path)


def test_a_record_that_is_not_utf8_is_one_line_naming_the_file(tmp_path):
    path = tmp_path / "memo.txt"
    path.write_bytes(b"Title: A talk in Tiran\xeb\nDate: 14 May 1962\n\nWe talked.")
    with pytest.raises(InputError) as err:
        load_document(path)
    assert str(err.value) == f"{path}: not UTF-8 text (byte 22)"


# --- end to end ---------------------------------------------------------------------------------------------------

def test_ingest_a_typed_memo_then_ask_which_ambassadors_discussed_albania(tmp_path):
    store = str(tmp_path / "store")
    runner = CliRunner()
    assert runner.invoke(app, ["--store", store, "ingest", str(write(tmp_path, "memo.txt", MEMO))]).exit_code == 0
    result = runner.invoke(app, ["--store", store, "query", "ambassadors-discussing", "-p", "topic=Albania", "-f", "csv"])
    rows = [(r["ambassador"], r["state"], r["meeting_kind"], r["date"], r["place"], r["how"], r["title"])
            for r in csv.DictReader(io.StringIO(result.stdout))]
    assert (result.exit_code, rows) == (0, [
        ("Bohumil Marek", "Czechoslovakia", "conversation", "1962-05-14", "Tirana", "stated a position", "MEMORANDUM OF CONVERSATION"),
        ("Tadeusz Wilk", "Poland", "conversation", "1962-05-14", "Tirana", "stated a position", "MEMORANDUM OF CONVERSATION"),
    ])
