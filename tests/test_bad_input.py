"""Nothing a user types or feeds cwkg breaks it: every bad input ends in one line naming what is wrong, the exit
code says how it ended (0 done, 1 the work failed, 2 a usage error), no traceback is printed, and a store that
should not change does not. Fixtures are made by the tests."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import EXAMPLE, FIXTURES

ROOT = Path(__file__).resolve().parent.parent


def cwkg(*args: str, store: Path | None = None, timeout: float = 120, stdin: str | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "cwkg", *(["--store", str(store)] if store else []), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, input=stdin, cwd=ROOT,
                          env={**os.environ, "COLUMNS": "200"})


def one_line_error(result: subprocess.CompletedProcess, code: int, *words: str) -> str:
    """The run ended with `code` and said what was wrong in one line, with no traceback (an ingest adds its summary
    line: so many files loaded, so many failed)."""
    lines = [line for line in result.stderr.strip().splitlines() if not re.match(r"\d+ files loaded", line)]
    err = "\n".join(lines)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == code, (result.returncode, err)
    assert len(lines) == 1, err
    for word in words:
        assert word.lower() in err.lower(), err
    return err


def digest(store: Path) -> tuple[int, str]:
    """The store's quad count and a digest of its content, read in a child process (the store is then closed)."""
    code = ("import hashlib,sys,pyoxigraph as ox; s=ox.Store(sys.argv[1]); "
            "q=sorted(str(x) for x in s); print(len(q), hashlib.sha256('\\n'.join(q).encode()).hexdigest())")
    out = subprocess.run([sys.executable, "-c", code, str(store)], capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), out[1]


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("bad") / "store"
    assert cwkg("ingest", str(EXAMPLE), store=store).returncode == 0
    return store


@pytest.fixture()
def store(loaded, tmp_path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(loaded, copy)
    return copy


def unchanged(store: Path, before: tuple[int, str]) -> bool:
    return digest(store) == before


# --- input files -------------------------------------------------------------------------------------------------

def test_an_empty_file_is_refused_and_nothing_changes(store, tmp_path):
    before = digest(store)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    one_line_error(cwkg("ingest", str(empty), store=store), 1, "empty.txt", "empty")
    assert unchanged(store, before)


def test_a_binary_file_is_an_unrecognised_format(store, tmp_path):
    binary = tmp_path / "noise.bin"
    binary.write_bytes(bytes(range(256)) * 64)
    one_line_error(cwkg("ingest", str(binary), store=store), 1, "noise.bin")


def test_a_missing_file_among_good_ones_fails_alone(store, tmp_path):
    result = cwkg("ingest", str(tmp_path / "absent.txt"), str(FIXTURES / "pocom" / "russia.xml"), store=store)
    assert "Traceback" not in result.stderr and result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert [line for line in lines if line.startswith("error:")] == [f"error: {tmp_path / 'absent.txt'}: no such file"]
    assert "1 files loaded" in lines[-1]


def test_a_fifo_is_not_read(store, tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    one_line_error(cwkg("ingest", str(fifo), store=store, timeout=30), 1, "pipe.txt", "not a regular file")


def test_a_device_is_not_read(store):
    one_line_error(cwkg("ingest", "/dev/zero", store=store, timeout=30), 1, "/dev/zero", "not a regular file")


def test_a_huge_sparse_file_is_refused_by_its_size_before_reading(store, tmp_path):
    sparse = tmp_path / "sparse.txt"
    with sparse.open("wb") as fh:
        fh.truncate(2 * 1024 ** 3)
    one_line_error(cwkg("ingest", str(sparse), store=store, timeout=30), 1, "sparse.txt", "larger than")


def test_a_page_too_large_to_read_is_refused_within_seconds(store, tmp_path):
    big = tmp_path / "big.txt"
    text = EXAMPLE.read_text(encoding="utf-8")
    big.write_text(text + ("The Ambassador said that peace was good. " * 1_300_000), encoding="utf-8")
    one_line_error(cwkg("ingest", str(big), store=store, timeout=60), 1, "big.txt", "larger than")


def test_a_paragraph_too_long_to_read_is_refused_within_seconds(store, tmp_path):
    paragraphs = EXAMPLE.read_text(encoding="utf-8").split("\n\n")
    middle = len(paragraphs) // 2  # inside the record's body
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(paragraphs[:middle] + ["word " * 900_000] + paragraphs[middle:]), encoding="utf-8")
    one_line_error(cwkg("ingest", str(long), store=store, timeout=60), 1, "long.txt", "paragraph")


def test_a_page_with_mixed_line_endings_is_read(store, tmp_path):
    mixed = tmp_path / "mixed.txt"
    text = EXAMPLE.read_text(encoding="utf-8")
    mixed.write_bytes(text.replace("\n", "\r\n", 40).encode("utf-8"))
    result = cwkg("ingest", str(mixed), store=store)
    assert (result.returncode, "1 files loaded" in result.stderr) == (0, True), result.stderr


@pytest.mark.parametrize("prolog", ["<!-- a note -->\n", " " * (1 << 20) + "\n", "<?xml-stylesheet href='x'?>\n<!-- <a> -->\n"])
def test_an_xml_file_with_a_doctype_anywhere_before_its_root_is_refused(store, tmp_path, prolog):
    hostile = tmp_path / "hostile.xml"
    hostile.write_text('<?xml version="1.0"?>\n' + prolog + '<!DOCTYPE TEI [<!ENTITY x "boom">]>\n'
                       '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0">'
                       '<text><body><div type="document" xml:id="d1"><head>1. Memorandum</head><p>&x;</p></div></body></text></TEI>')
    before = digest(store)
    one_line_error(cwkg("ingest", str(hostile), store=store), 1, "hostile.xml", "DTD")
    assert unchanged(store, before)


def test_volume_documents_without_ids_are_all_kept(store, tmp_path):
    volume = (FIXTURES / "frus_mini.xml").read_text(encoding="utf-8")
    stripped = re.sub(r'(<div[^>]*type="document"[^>]*?)\s+xml:id="[^"]*"', r"\1", volume)
    target = tmp_path / "noids.xml"
    target.write_text(stripped, encoding="utf-8")
    documents = len(re.findall(r'type="document"', volume))
    result = cwkg("ingest", "--verbose", str(target), store=store)
    assert result.returncode == 0, result.stderr
    stored = cwkg("sparql", "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d <http://purl.org/dc/terms/isPartOf> ?v }",
                  "--format", "tsv", store=store)
    assert int(stored.stdout.split()[-1]) >= documents


@pytest.mark.parametrize(("name", "text"), [
    ("pocom-noid.xml", "<person><name><last>Doe</last></name><chiefs-of-mission/></person>"),
    ("people-noid.xml", "<person><names><preferred><name>Doe, John</name></preferred></names></person>"),
])
def test_an_authority_record_without_an_id_is_one_line_naming_it(store, tmp_path, name, text):
    record = tmp_path / name
    record.write_text(text, encoding="utf-8")
    err = one_line_error(cwkg("ingest", str(record), store=store), 1, name)
    assert "NoneType" not in err


# --- the store ---------------------------------------------------------------------------------------------------

def test_a_store_path_that_is_a_file_is_refused(tmp_path):
    plain = tmp_path / "plain"
    plain.write_text("not a store")
    one_line_error(cwkg("stats", store=plain), 1, "plain", "not a store")


def test_a_folder_with_other_files_is_not_made_a_store(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    one_line_error(cwkg("stats", store=folder), 1, "papers", "not a store")
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("damage", ["junk CURRENT", "no CURRENT", "truncated table"])
def test_a_damaged_store_is_one_line_saying_so_and_how_to_rebuild(store, damage):
    if damage == "junk CURRENT":
        (store / "CURRENT").write_text("garbage\n")
    elif damage == "no CURRENT":
        (store / "CURRENT").unlink()
    else:
        tables = sorted(store.glob("*.sst"), key=lambda p: p.stat().st_size)
        assert tables, "an ingest retires its log into table files"
        with tables[-1].open("r+b") as fh:
            fh.truncate(max(1, tables[-1].stat().st_size // 3))
    result = cwkg("query", "documents", store=store)
    one_line_error(result, 1, "damaged", "ingest")


# --- queries -----------------------------------------------------------------------------------------------------

def test_a_sparql_syntax_error_is_one_line(store):
    one_line_error(cwkg("sparql", "SELEC ?x WHERE { ?x ?y ?z }", store=store), 1, "syntax")


def test_a_long_one_line_query_is_a_query_not_a_file_name(store):
    query = "SELECT ?d WHERE { ?d a <https://w3id.org/cwkg/ontology#Document> . " + " ".join(
        f"OPTIONAL {{ ?d <http://example.org/p{i}> ?v{i} }}" for i in range(12)) + " }"
    assert len(query) > 255
    result = cwkg("sparql", query, "--format", "tsv", store=store)
    assert (result.returncode, "Traceback" in result.stderr) == (0, False), result.stderr


@pytest.mark.parametrize(("name", "data"), [("binary.rq", bytes(range(256))), ("utf16.rq", "SELECT * WHERE { ?s ?p ?o }".encode("utf-16"))])
def test_a_query_file_that_is_not_utf8_text_is_one_line(store, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    one_line_error(cwkg("sparql", str(path), store=store), 1, name, "UTF-8")


@pytest.mark.parametrize("service", ["SERVICE", "SERVICE SILENT"])
def test_a_service_clause_is_refused_without_sending_anything(store, service):
    query = f"SELECT * WHERE {{ {service} <http://127.0.0.1:9/sparql> {{ ?s ?p ?o }} }}"
    one_line_error(cwkg("sparql", query, store=store), 1, "SERVICE")


def test_a_deeply_nested_query_is_refused_not_crashed(store):
    query = "SELECT * WHERE " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000
    result = cwkg("sparql", query, store=store)
    one_line_error(result, 1, "nested")


def test_a_query_that_would_run_for_ever_stops_at_its_timeout(store):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    result = cwkg("sparql", query, "--timeout", "2", store=store, timeout=60)
    one_line_error(result, 1, "timeout", "2")
    assert cwkg("query", "documents", store=store).returncode == 0  # the store is still usable


def test_a_query_that_would_fill_the_memory_stops_at_its_memory_limit(store):
    query = "SELECT ?a ?d ?g WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
    result = subprocess.run([sys.executable, "-m", "cwkg", "--store", str(store), "sparql", query, "--format", "tsv",
                             "--limit", "1"], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={**os.environ, "CWKG_QUERY_MEMORY_MB": "400"})
    one_line_error(result, 1, "memory", "400")


def test_a_canned_query_stops_at_its_timeout_too(store):
    result = cwkg("query", "documents", "--timeout", "0.000001", store=store)
    one_line_error(result, 1, "timeout")


def test_a_row_limit_cuts_the_output_and_says_so(store):
    result = cwkg("sparql", "SELECT ?s WHERE { ?s ?p ?o }", "--format", "tsv", "--limit", "3", store=store)
    assert (result.returncode, len(result.stdout.strip().splitlines())) == (0, 4)
    assert "limit" in result.stderr.lower()


def test_an_unknown_canned_query_is_one_line(store):
    one_line_error(cwkg("query", "no-such-query", store=store), 1, "no-such-query")


@pytest.mark.parametrize("value", ["http://x.org/a>b", "http://x.org/{a}", "https://x.org/a\"b"])
def test_an_iri_like_parameter_that_is_no_iri_is_one_line(store, value):
    one_line_error(cwkg("query", "meetings", "--param", f"person={value}", store=store), 1, "IRI")


@pytest.mark.parametrize("value", ["http://x.org/a b", "<http://x.org/a>", "Nobody Known"])
def test_a_parameter_that_names_nothing_is_a_one_line_warning_and_no_rows(store, value):
    result = cwkg("query", "meetings", "--param", f"person={value}", "--format", "tsv", store=store)
    assert (result.returncode, result.stderr.strip().count("\n"), "names no entity" in result.stderr,
            len(result.stdout.strip().splitlines())) == (0, 0, True, 1)


def test_a_parameter_that_is_not_key_value_is_one_line(store):
    one_line_error(cwkg("query", "meetings", "--param", "person", store=store), 1, "key=value")


# --- output ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("target", "words"), [("folder", ("not a regular file",)), ("missing/out.ttl", ("folder does not exist",)),
                                               ("/dev/null", ("not a regular file",))])
def test_an_export_goes_only_to_a_regular_file(store, tmp_path, target, words):
    (tmp_path / "folder").mkdir()
    out = target if target.startswith("/") else str(tmp_path / target)
    one_line_error(cwkg("export", "-o", out, store=store), 1, *words)
    assert not list(tmp_path.glob("**/*.part"))


def test_an_export_to_a_full_disk_is_one_line(store):
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full device to fill (Linux has one; CI runs on Linux)")
    result = subprocess.run(f"{sys.executable} -m cwkg --store {store} export --documents-only > /dev/full",
                            shell=True, capture_output=True, text=True, cwd=ROOT)
    one_line_error(result, 1, "no space")


def test_an_export_into_a_closed_pipe_stops_quietly(store):
    result = subprocess.run(f"{sys.executable} -m cwkg --store {store} export --format nt | head -c 10 > /dev/null; "
                            "exit ${PIPESTATUS[0]}", shell=True, executable="/bin/bash", capture_output=True, text=True, cwd=ROOT)
    assert (result.stderr, result.returncode) == ("", 141)  # as a Unix tool killed by SIGPIPE


def test_an_unknown_export_format_is_one_line(store):
    one_line_error(cwkg("export", "--format", "yaml", store=store), 2, "yaml")


# --- validation and evaluation -----------------------------------------------------------------------------------

def test_validate_a_document_with_a_bad_iri_is_one_line(store):
    one_line_error(cwkg("validate", "--document", "http://x.org/a b", store=store), 1, "no document")


GOLD_HEAD = "document:\n  file: 000_adaeb2830212c886.txt\n"


@pytest.mark.parametrize(("name", "text", "word"), [
    ("nodoc.gold.yaml", "positions: []\n", "document"),
    ("type.gold.yaml", GOLD_HEAD + "positions: 7\n", "positions"),
    ("badpos.gold.yaml", GOLD_HEAD + "positions:\n  - speaker: X\n", "evidence"),
    ("escape.gold.yaml", "document:\n  file: ../../etc/passwd\n", "file"),
    ("star.gold.yaml", "document:\n  file: '*'\n", "file"),
    ("notyaml.gold.yaml", "document: [unclosed\n", "YAML"),
    ("bomb.gold.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                       "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                       "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n", "alias"),
])
def test_a_malformed_gold_file_is_one_line_naming_the_problem(tmp_path, name, text, word):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / name).write_text(text, encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(EXAMPLE, corpus / EXAMPLE.name)
    one_line_error(cwkg("eval", str(gold / name), "--corpus", str(corpus), "--format", "json", timeout=60), 1, name, word)


# --- usage -------------------------------------------------------------------------------------------------------

def test_an_unknown_option_is_a_usage_error():
    one_line_error(cwkg("stats", "--no-such-option"), 2, "no such option: --no-such-option")


def test_an_unknown_command_is_a_usage_error():
    one_line_error(cwkg("no-such-command"), 2, "no such command 'no-such-command'")


def test_an_impossible_date_in_a_source_is_kept_as_written_and_validate_reports_without_failing(store, tmp_path):
    record = (FIXTURES / "pocom" / "russia.xml").read_text(encoding="utf-8")
    bad = tmp_path / "russia.xml"
    bad.write_text(re.sub(r"<date>[^<]+</date>", "<date>1962-02-30</date>", record, count=1), encoding="utf-8")
    assert cwkg("ingest", str(bad), store=store).returncode == 0
    result = cwkg("validate", "--shacl", store=store, timeout=300)
    assert ("Traceback" in result.stderr + result.stdout, result.returncode in (0, 1)) == (False, True)
    stored = cwkg("sparql", 'ASK { ?post ?p "1962-02-30" }', store=store)
    assert stored.stdout.strip() == "true"
