"""Wilson Center pages, as copied text or as HTML, become the same source document."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from cwkg.errors import InputError
from cwkg.loaders import load_document

from support import EXAMPLE, FIXTURES

HTML = FIXTURES / "wilson_founding_page.html"


@pytest.fixture(scope="module")
def text_doc():
    return load_document(EXAMPLE)


def test_text_page_gives_title_date_and_description(text_doc):
    assert text_doc.title.startswith("Memorandum of Luncheon Given by Richard Dvořàk")
    assert text_doc.title.endswith("on 30 March 1962.")
    assert text_doc.date == date(1962, 4, 2)
    assert text_doc.description.startswith("A memorandum of a meeting between Ambassador Dvorak")


def test_text_page_gives_every_citation_part(text_doc):
    c = text_doc.citation
    assert (c.publisher, c.archive, c.collection, c.archive_reference, c.translator, c.translated_for) == (
        "History and Public Policy Program Digital Archive",
        "Central State Archive",
        "Central Committee of the Communist Party of Czechoslovakia, Novotny Papers",
        "16.4.62, 23-26/1696, 17/4",
        "Vojtech Mastny",
        "NKIDP",
    )


def test_body_starts_at_the_dateline_and_keeps_the_page_offsets(text_doc):
    page = EXAMPLE.read_text(encoding="utf-8")
    assert text_doc.body.startswith("Moscow. 2 April 1962")
    offset = page.index("Moscow. 2 April 1962")
    assert page[offset:offset + len(text_doc.body)] == text_doc.body


def test_html_page_gives_the_same_metadata_as_the_text_page(text_doc):
    html_doc = load_document(HTML)
    assert html_doc.format == "wilson-html"
    assert (html_doc.title, html_doc.date, html_doc.description, html_doc.citation) == (
        text_doc.title, text_doc.date, text_doc.description, text_doc.citation)


def test_html_body_has_the_transcript_paragraphs_and_no_page_chrome():
    body = load_document(HTML).body
    assert body.startswith("Moscow. 2 April 1962\n\nMemorandum of Luncheon")
    assert body.endswith("Moscow 2 April 1962")
    assert "share document" not in body and "window.dataLayer" not in body


def test_format_is_detected_from_content_not_file_name(tmp_path):
    misnamed = tmp_path / "page.html"
    shutil.copy(EXAMPLE, misnamed)
    assert load_document(misnamed).format == "wilson-text"
    html_as_txt = tmp_path / "page.txt"
    shutil.copy(HTML, html_as_txt)
    assert load_document(html_as_txt).format == "wilson-html"


def test_loading_twice_gives_the_same_document_id(text_doc):
    assert load_document(EXAMPLE).doc_id == text_doc.doc_id


def test_empty_file_is_a_one_line_error_naming_it(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    with pytest.raises(InputError) as err:
        load_document(empty)
    assert str(err.value) == f"{empty}: file is empty"


def test_text_without_a_citation_is_an_unrecognised_format(tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("Some notes about a meeting.\n")
    with pytest.raises(InputError, match="unrecognised format"):
        load_document(other)


def test_missing_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(InputError, match="nowhere.txt: no such file"):
        load_document(tmp_path / "nowhere.txt")


def test_a_page_saved_with_windows_line_endings_reads_the_same(tmp_path, text_doc):
    from cwkg.extract.extract import extract

    crlf = tmp_path / "page.txt"
    crlf.write_bytes(EXAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n").encode("utf-8"))
    doc = load_document(crlf)
    assert (doc.title, doc.date, doc.citation.archive) == (text_doc.title, text_doc.date, text_doc.citation.archive)
    a, b = extract(doc), extract(text_doc)
    assert (a.meetings[0].date, a.meetings[0].duration, len(a.positions)) == (b.meetings[0].date, b.meetings[0].duration, len(b.positions))


def test_a_page_with_the_transcript_before_the_citation_panel(tmp_path, text_doc):
    page = EXAMPLE.read_text(encoding="utf-8")
    start = page.index("Moscow. 2 April 1962")
    panel = page.index("  • Citation")
    reordered = page[:panel] + page[start:] + "\n\n" + page[panel:start].replace("English HTML", "")
    path = tmp_path / "reordered.txt"
    path.write_text(reordered, encoding="utf-8")
    doc = load_document(path)
    assert doc.title == text_doc.title
    assert doc.body.strip() == text_doc.body.strip()


def test_the_text_and_the_html_copy_of_one_page_are_one_document(tmp_path):
    from cwkg.graph.store import GraphStore
    from cwkg.pipeline import ingest

    store = GraphStore(tmp_path / "store")
    results = list(ingest(store, [EXAMPLE, FIXTURES / "wilson_founding_page.html"]))
    assert [r.ok for r in results] == [True, True]
    assert results[0].document == results[1].document
    rows = list(store.query("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a cw:Document }"))
    assert rows[0]["n"].value == "1"


def test_a_page_that_keeps_its_address_is_named_by_it():
    page = EXAMPLE.read_text(encoding="utf-8") + "\nhttps://digitalarchive.wilsoncenter.org/document/110000\n"
    from cwkg.loaders.wilson_page import parse_page

    doc = parse_page(page, "x", "wilson-text")
    assert (doc.url, doc.doc_id) == ("https://digitalarchive.wilsoncenter.org/document/110000",
                                     parse_page(page.replace("Moscow. 2 April", "Moscow.  2 April"), "y", "wilson-text").doc_id)


@pytest.mark.parametrize(("line", "archive", "collection", "reference"), [
    ('"Report, Embassy of Hungary in North Korea," May 06, 1961, History and Public Policy Program Digital Archive, '
     'Archive of the Ministry of Foreign Affairs, Republic of Hungary, XIX-J-1-j Korea, 5. doboz, 24/7, 004181/1961. '
     'Translated by Balazs Szalontai.',
     "Archive of the Ministry of Foreign Affairs, Republic of Hungary", None, "XIX-J-1-j Korea, 5. doboz, 24/7, 004181/1961"),
    ('"Record of Conversation," May 06, 1960, History and Public Policy Program Digital Archive, PRC FMA 109-01234-05, 12. '
     'Translated by David Cowhig.', "People's Republic of China Foreign Ministry Archive", None, "109-01234-05, 12"),
])
def test_citations_of_other_archives_keep_the_archive_whole(line, archive, collection, reference):
    from cwkg.loaders.wilson_page import parse_citation

    _, c = parse_citation(line)
    assert (c.archive, c.collection, c.archive_reference) == (archive, collection, reference)


@pytest.mark.parametrize(("archive", "state"), [
    ("People's Republic of China Foreign Ministry Archive", "People's Republic of China"),
    ("AVPRF", "Soviet Union"),
    ("Archive of the Ministry of Foreign Affairs, Republic of Hungary", "Hungary"),
    ("Archive of Ministry of Foreign Affairs, Republic of Poland", "Poland"),
    ("Some Private Collection", None),
])
def test_a_cited_archive_tells_whose_record_it_is(archive, state):
    from cwkg.loaders.wilson_page import archive_state

    assert archive_state(archive) == state


def test_a_record_from_a_states_archive_names_a_divided_country_as_that_state_did(tmp_path):
    """In a record from the Chinese Foreign Ministry's archive, 'Korea's Ambassador' is the DPRK's."""
    from cwkg.extract.extract import extract

    page = tmp_path / "page.txt"
    page.write_text(
        "Search in\n\nDigital Archive International History Declassified\n\nMay 06, 1964\n\n  • Citation\n\n    get citation\n\n"
        '    "Record of Conversation," May 06, 1964, History and Public Policy Program Digital Archive, PRC FMA 109-01234-05, 12. '
        "Translated by Pyotr Ivanov.\n\nRecord of Conversation\n\nComrade Wang Lirong received Pak Chol-min, Korea's Ambassador to "
        "China. Pak Chol-min said that the harvest in his country was good and that relations between the two parties were "
        "excellent in every respect, and he thanked the Chinese comrades for their help.\n", encoding="utf-8")
    doc = load_document(page)
    facts = extract(doc)
    names = {p.ref: p.label for p in facts.persons}
    assert (doc.perspective, [(names[p.holder], p.of.rsplit("/", 1)[-1]) for p in facts.posts]) == (
        "People's Republic of China", [("Pak Chol-min", "north-korea")])
