"""Metadata kept apart from a record (issue 28, item 1): a `NAME.meta.yaml` sidecar beside the file and a catalogue
CSV (`cwkg ingest --catalog`) give or correct it, the sidecar over the catalogue over the file; anything malformed is
one line naming the file and the key or row. Every record here is invented."""

from __future__ import annotations

import re
from datetime import date

import pytest

from records_files import write_pdf
from test_bad_input import cwkg, digest, one_line_error
from cwkg.errors import InputError
from cwkg.loaders import load_document, load_records
from cwkg.loaders.metadata import read_catalogue

MEMO = ("MEMORANDUM OF CONVERSATION\n\nDate: 12 June 1963\nPlace: Warsaw\n\n"
        "Ivanov said that the Soviet Union would not accept the arming of West Germany.\n")
CATALOGUE = ("file,title,date,place,author,archive,collection,reference,url,language\n"
             "memo.txt,Conversation of Nowak with Ivanov,,,,Archive of Modern Records,Department II,Z-7/12,"
             "https://example.org/z-7-12,en\n")


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def the_document(path, catalogue=None):
    return next(iter(load_records(path, catalogue)))


def test_a_sidecar_overrides_the_date(tmp_path):
    memo = write(tmp_path / "memo.txt", MEMO)
    write(tmp_path / "memo.meta.yaml", "date: 1963-06-13\n")
    assert load_document(memo).date == date(1963, 6, 13)


def test_a_sidecar_named_after_the_whole_file_name_is_read(tmp_path):
    pdf = write_pdf(tmp_path / "memo.pdf", [MEMO.split("\n")])
    write(tmp_path / "memo.pdf.meta.yaml", "title: Nowak and Ivanov, June 1963\nlanguage: pl\n")
    doc = load_document(pdf)
    assert (doc.title, doc.language) == ("Nowak and Ivanov, June 1963", "pl")


def test_a_sidecar_keeps_the_documents_id(tmp_path):
    memo = write(tmp_path / "memo.txt", MEMO)
    before = load_document(memo).doc_id
    write(tmp_path / "memo.meta.yaml", "date: 13 June 1963\n")
    assert load_document(memo).doc_id == before


def test_a_catalogue_row_gives_the_title_and_the_citation(tmp_path):
    memo = write(tmp_path / "memo.txt", MEMO)
    doc = the_document(memo, read_catalogue(write(tmp_path / "records.csv", CATALOGUE)))
    assert (doc.title, doc.citation.archive, doc.citation.collection, doc.citation.archive_reference, doc.url) == (
        "Conversation of Nowak with Ivanov", "Archive of Modern Records", "Department II", "Z-7/12",
        "https://example.org/z-7-12")


def test_the_sidecar_wins_over_the_catalogue(tmp_path):
    memo = write(tmp_path / "memo.txt", MEMO)
    write(tmp_path / "memo.meta.yaml", "title: The sidecar's title\n")
    doc = the_document(memo, read_catalogue(write(tmp_path / "records.csv", CATALOGUE)))
    assert (doc.title, doc.citation.archive) == ("The sidecar's title", "Archive of Modern Records")


def test_a_typed_record_without_a_header_is_read_when_a_sidecar_gives_its_metadata(tmp_path):
    memo = write(tmp_path / "notes.txt", "Ivanov said that the Soviet Union would not accept the arming of West Germany.\n")
    write(tmp_path / "notes.meta.yaml", "title: Ivanov on Germany\ndate: 12 June 1963\n")
    doc = load_document(memo)
    assert (doc.title, doc.date, doc.format) == ("Ivanov on Germany", date(1963, 6, 12), "plain-text")


def test_the_author_a_sidecar_names_is_the_records_author(tmp_path):
    from cwkg.extract.extract import extract

    memo = write(tmp_path / "memo.txt", MEMO)
    write(tmp_path / "memo.meta.yaml", "author: Adam Nowak\n")
    facts = extract(load_document(memo))
    assert [p.label for p in facts.persons if p.ref == facts.author] == ["Adam Nowak"]


def test_a_record_without_a_date_takes_the_iso_date_in_its_file_name(tmp_path):
    memo = write(tmp_path / "1963-06-12_nowak-ivanov.txt", "Title: Nowak and Ivanov\n\nIvanov spoke of Germany.\n")
    assert load_document(memo).date == date(1963, 6, 12)


def test_a_date_the_record_gives_wins_over_its_file_name(tmp_path):
    memo = write(tmp_path / "1963-06-30_nowak-ivanov.txt", MEMO)
    assert load_document(memo).date == date(1963, 6, 12)


@pytest.mark.parametrize(("sidecar_text", "problem"), [
    ("dated: 1963-06-13\n", "unknown key 'dated' (one of: title, date, place, author, archive, collection, reference, url, language)"),
    ("date: sometime in June\n", "cannot read the date 'sometime in June': write it as 1962-05-12, 12 May 1962 or May 12, 1962"),
    ("- a list\n", "the sidecar is not a mapping of keys to values"),
])
def test_a_malformed_sidecar_is_one_line_naming_the_sidecar_and_the_problem(tmp_path, sidecar_text, problem):
    memo = write(tmp_path / "memo.txt", MEMO)
    sidecar = write(tmp_path / "memo.meta.yaml", sidecar_text)
    with pytest.raises(InputError) as refused:
        load_document(memo)
    assert str(refused.value) == f"{sidecar}: {problem}"


def test_a_malformed_catalogue_row_is_one_line_naming_the_file_and_row(tmp_path):
    catalogue = write(tmp_path / "records.csv", "file,title,date\nmemo.txt,A talk,1963-06-12\nother.txt,Another,12/13/1963x\n")
    with pytest.raises(InputError) as refused:
        read_catalogue(catalogue)
    assert str(refused.value) == (f"{catalogue}: row 3: cannot read the date '12/13/1963x': write it as 1962-05-12, "
                                  "12 May 1962 or May 12, 1962")


def test_a_catalogue_with_an_unknown_column_is_refused(tmp_path):
    catalogue = write(tmp_path / "records.csv", "file,titel\nmemo.txt,A talk\n")
    with pytest.raises(InputError) as refused:
        read_catalogue(catalogue)
    assert str(refused.value) == (f"{catalogue}: unknown column 'titel' (one of: file, title, date, place, author, "
                                  "archive, collection, reference, url, language)")


def test_a_catalogue_listing_a_file_twice_is_refused(tmp_path):
    catalogue = write(tmp_path / "records.csv", "file,title\nmemo.txt,A\nmemo.txt,B\n")
    with pytest.raises(InputError) as refused:
        read_catalogue(catalogue)
    assert str(refused.value) == f"{catalogue}: row 3: file 'memo.txt' is listed twice (rows 2 and 3)"


def test_ingest_with_a_catalogue_stores_its_title(tmp_path):
    write(tmp_path / "memo.txt", MEMO)
    catalogue = write(tmp_path / "records.csv", CATALOGUE)
    store = tmp_path / "store"
    assert cwkg("ingest", "--catalog", str(catalogue), str(tmp_path / "memo.txt"), store=store).returncode == 0
    result = cwkg("sparql", "SELECT ?t WHERE { ?d a cw:Document ; dcterms:title ?t }", "--format", "tsv", store=store)
    assert result.stdout.splitlines()[1:] == ["Conversation of Nowak with Ivanov"]


def test_a_catalogue_row_for_a_file_the_run_does_not_load_is_a_warning_and_the_rest_loads(tmp_path):
    write(tmp_path / "memo.txt", MEMO)
    catalogue = write(tmp_path / "records.csv", "file,title\nmemo.txt,Conversation of Nowak with Ivanov\nmemo2.txt,A typo\n")
    result = cwkg("ingest", "--catalog", str(catalogue), str(tmp_path / "memo.txt"), store=tmp_path / "store")
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert (result.returncode, warnings) == (
        0, [f"warning: {catalogue}: a row describes {tmp_path / 'memo2.txt'}, which this run does not load"])


def test_ingest_with_a_malformed_catalogue_fails_in_one_line_and_stores_nothing(tmp_path):
    memo = write(tmp_path / "memo.txt", MEMO)
    store = tmp_path / "store"
    assert cwkg("ingest", str(memo), store=store).returncode == 0
    before = digest(store)
    catalogue = write(tmp_path / "records.csv", "file,title,url\nmemo.txt,A talk,not-an-address\n")
    error = one_line_error(cwkg("ingest", "--catalog", str(catalogue), str(memo), store=store), 1)
    assert (error, digest(store)) == (f"error: {catalogue}: row 2: the url 'not-an-address' is not an http(s) address", before)


def test_sidecars_in_a_folder_are_read_not_counted_as_skipped_files(tmp_path):
    write(tmp_path / "memo.txt", MEMO)
    write(tmp_path / "memo.meta.yaml", "title: Nowak and Ivanov\n")
    result = cwkg("ingest", str(tmp_path), store=tmp_path / "store")
    assert result.returncode == 0
    assert re.fullmatch(r"1 files loaded \(1 documents, 1 meetings, \d+ positions\), 0 failed, 0 skipped",
                        result.stderr.split(";")[0]), result.stderr
