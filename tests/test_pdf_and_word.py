"""Records as historians hold them, PDF and Word (issue 28, item 1): header lines read as in a typed record, PDF
pages kept so evidence names its page, a PDF without text refused as needing OCR, Word packages checked before
python-docx reads them. Every record here is invented (Pyotr Ivanov and Adam Nowak never existed)."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest

from records_files import write_docx, write_pdf
from test_bad_input import cwkg, digest, one_line_error
from cwkg.errors import InputError
from cwkg.loaders import load_document, load_records

PAGE_ONE = ["SECRET", "", "MEMORANDUM OF CONVERSATION", "", "Date: 12 June 1963", "Time: 3:00 p.m.",
            "Place: Warsaw", "Participants: Adam Nowak, Deputy Minister of Foreign Affairs of Poland;",
            "    Pyotr Ivanov, Counsellor of the Embassy of the USSR", "Subject: The Berlin question",
            "Drafted by: Adam Nowak", "", "Counsellor Ivanov called on me at his own request."]
PAGE_TWO = ["Ivanov said that the Soviet Union would not accept the arming of West Germany.", "", "Adam Nowak"]
PARAGRAPHS = ["MEMORANDUM OF CONVERSATION", "Date: 4 March 1964", "Place: Moscow", "Archive: Archive of Modern Records",
              "Reference: Z-7/12", "Participants: Pyotr Ivanov; Adam Nowak, Ambassador of Poland to the USSR",
              "Ambassador Nowak received Pyotr Ivanov at the embassy.",
              "Ivanov said that the Soviet Union would increase its deliveries of grain to Poland."]


def test_a_pdfs_header_lines_fill_the_source_document(tmp_path):
    doc = load_document(write_pdf(tmp_path / "memo.pdf", [PAGE_ONE, PAGE_TWO]))
    assert (doc.format, doc.title, doc.date, doc.classification, doc.kind) == (
        "pdf", "MEMORANDUM OF CONVERSATION", date(1963, 6, 12), "SECRET", "memorandum of conversation")


def test_a_pdfs_record_lines_stay_in_the_body_with_their_indentation(tmp_path):
    doc = load_document(write_pdf(tmp_path / "memo.pdf", [PAGE_ONE, PAGE_TWO]))
    assert doc.body.split("\n\n")[2] == (
        "Time: 3:00 p.m.\nPlace: Warsaw\nParticipants: Adam Nowak, Deputy Minister of Foreign Affairs of Poland;\n"
        "     Pyotr Ivanov, Counsellor of the Embassy of the USSR\nSubject: The Berlin question\nDrafted by: Adam Nowak")


def test_a_pdf_keeps_where_each_page_begins_in_the_body(tmp_path):
    doc = load_document(write_pdf(tmp_path / "memo.pdf", [PAGE_ONE, PAGE_TWO]))
    second = doc.body.index("Ivanov said")
    assert (doc.page_starts, doc.page_at(0), doc.page_at(second - 1), doc.page_at(second)) == ((0, second), 1, 1, 2)


def test_a_positions_evidence_names_its_page(tmp_path):
    from cwkg.extract.extract import extract
    from cwkg.graph.mapping import document_triples
    from cwkg.ontology.vocab import CW

    facts = extract(load_document(write_pdf(tmp_path / "memo.pdf", [PAGE_ONE, PAGE_TWO])))
    triples = document_triples(facts)
    exact = {t.subject: t.object.value for t in triples if t.predicate == CW.quote}
    pages = {t.subject: t.object.value for t in triples if t.predicate == CW.page}
    positions = {t.subject for t in triples if t.object == CW.Position}
    quoted = sorted((exact[p], pages[p]) for p in positions)
    assert quoted == [("the Soviet Union would not accept the arming of West Germany.", "2")]


def test_the_document_of_a_pdf_states_its_page_count(tmp_path):
    from cwkg.extract.extract import extract
    from cwkg.graph.mapping import document_triples
    from cwkg.ontology.vocab import CW

    triples = document_triples(extract(load_document(write_pdf(tmp_path / "memo.pdf", [PAGE_ONE, PAGE_TWO]))))
    assert [t.object.value for t in triples if t.predicate == CW.pageCount] == ["2"]


def test_a_pdf_without_text_is_refused_as_needing_ocr_and_the_store_is_unchanged(tmp_path):
    store = tmp_path / "store"
    assert cwkg("ingest", str(write_pdf(tmp_path / "memo.pdf", [PAGE_ONE, PAGE_TWO])), store=store).returncode == 0
    before = digest(store)
    scan = write_pdf(tmp_path / "scan.pdf", [[], []])
    error = one_line_error(cwkg("ingest", str(scan), store=store), 1)
    assert error == (f"error: {scan}: the PDF has no text layer (a scanned image?): it needs OCR first, e.g. "
                     "`ocrmypdf in.pdf out.pdf`, then ingest the result")
    assert digest(store) == before


def test_a_damaged_pdf_is_one_line_naming_the_file(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    error = one_line_error(cwkg("ingest", str(broken), store=tmp_path / "store"), 1)
    assert error.startswith(f"error: {broken}: cannot read the PDF, it is damaged or not one (") and "Error:" not in error


def test_a_pdf_met_in_a_folder_is_loaded_not_skipped(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    write_pdf(folder / "memo.pdf", [PAGE_ONE, PAGE_TWO])
    result = cwkg("ingest", str(folder), store=tmp_path / "store")
    assert (result.returncode, result.stderr.split(",")[0]) == (0, "1 files loaded (1 documents")


def test_a_word_files_header_lines_fill_the_source_document(tmp_path):
    doc = load_document(write_docx(tmp_path / "memo.docx", PARAGRAPHS))
    assert (doc.format, doc.title, doc.date, doc.citation.archive, doc.citation.archive_reference, doc.page_starts) == (
        "word", "MEMORANDUM OF CONVERSATION", date(1964, 3, 4), "Archive of Modern Records", "Z-7/12", ())


def test_word_paragraphs_become_a_header_block_and_paragraphs_apart(tmp_path):
    doc = load_document(write_docx(tmp_path / "memo.docx", PARAGRAPHS))
    assert doc.body == (
        "MEMORANDUM OF CONVERSATION\n\nPlace: Moscow\nParticipants: Pyotr Ivanov; Adam Nowak, Ambassador of Poland to "
        "the USSR\n\nAmbassador Nowak received Pyotr Ivanov at the embassy.\n\nIvanov said that the Soviet Union would "
        "increase its deliveries of grain to Poland.")


def test_a_word_tables_rows_are_read_as_lines(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("MEMORANDUM OF CONVERSATION")
    table = document.add_table(rows=2, cols=2)
    for row, (key, value) in zip(table.rows, [("Date:", "4 March 1964"), ("Place:", "Moscow")]):
        row.cells[0].text, row.cells[1].text = key, value
    document.add_paragraph("Ivanov said that the Soviet Union would increase its deliveries of grain to Poland.")
    document.save(str(tmp_path / "memo.docx"))
    doc = load_document(tmp_path / "memo.docx")
    assert (doc.date, doc.body.split("\n\n")[1]) == (date(1964, 3, 4), "Place: Moscow")


def test_a_word_file_whose_xml_declares_entities_is_refused(tmp_path):
    path = write_docx(tmp_path / "memo.docx", PARAGRAPHS)
    hostile = tmp_path / "hostile.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(hostile, "w") as out:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE d [<!ENTITY a "aaaa">]>', 1)
            out.writestr(item, data)
    with pytest.raises(InputError) as refused:
        load_document(hostile)
    assert str(refused.value) == (f"{hostile}: word/document.xml: XML with a DTD or entity declarations is refused "
                       "(entity expansion is unsafe)")


def test_a_zip_without_a_word_document_is_not_taken_for_a_word_file(tmp_path):
    archive = tmp_path / "box.zip"
    with zipfile.ZipFile(archive, "w") as out:
        # A fixed time: the header's time stamp comes before the first byte that is not UTF-8.
        out.writestr(zipfile.ZipInfo("notes/readme.xml", date_time=(1980, 1, 1, 0, 0, 0)), "<notes/>")
    with pytest.raises(InputError) as refused:
        list(load_records(archive))
    assert str(refused.value) == f"{archive}: not UTF-8 text (byte 14)"
