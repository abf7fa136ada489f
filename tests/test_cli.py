"""The command line, end to end: ingest, query, sparql, export, stats and their errors."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from cwkg.cli import app

from support import EXAMPLE, FIXTURES


@pytest.fixture
def cli(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")

    def invoke(*args: str):
        return runner.invoke(app, ["--store", store, *args])

    return invoke


def test_ingest_then_ask_the_albania_question(cli):
    assert cli("ingest", str(EXAMPLE)).exit_code == 0
    result = cli("query", "ambassadors-discussing", "--param", "topic=Albania", "--param", "year=1962", "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines[0].split(",")[:5] == ["ambassador", "state", "meeting_kind", "date", "place"]
    assert [l.split(",")[:5] for l in lines[1:]] == [
        ["Ri Song-un", "North Korea", "luncheon", "1962-03-30", "Moscow"],
        ["Richard Dvoràk", "Czechoslovakia", "luncheon", "1962-03-30", "Moscow"],
    ]


def test_json_output_has_one_object_per_row(cli):
    cli("ingest", str(EXAMPLE))
    rows = json.loads(cli("query", "meetings", "-p", "person=Li Songun", "-f", "json").stdout)
    assert [(r["date"], r["kind"], r["where"]) for r in rows] == [("1962-03-30", "luncheon", "Moscow")]


def test_a_folder_with_bad_files_loads_the_good_ones_and_exits_non_zero(cli, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_good.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b_empty.txt").write_text("")
    (folder / "c_garbage.bin").write_bytes(b"\xff\xfe\x00\x81garbage")
    (folder / "d_gone.txt").symlink_to(tmp_path / "missing-target")
    result = cli("ingest", "--verbose", str(folder))
    assert result.exit_code == 1
    errors = [l for l in result.stderr.splitlines() if l.startswith("error:")]
    assert errors == [  # the binary file is no record: skipped, as formats cwkg does not read are in a folder
        f"error: {folder / 'b_empty.txt'}: file is empty",
        f"error: {folder / 'd_gone.txt'}: no such file",
    ]
    assert re.search(r"^1 files loaded \(1 documents, 1 meetings, \d+ positions\), 2 failed, 1 skipped;", result.stderr, re.M)
    assert "a_good.txt: " in result.stdout


def test_a_file_of_no_known_format_in_a_folder_is_skipped_but_named_it_fails(cli, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "page.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "SOURCE.md").write_text("# Where these pages come from\n")
    walked = cli("ingest", "--verbose", str(folder))
    assert walked.exit_code == 0
    assert f"skipped: {folder / 'SOURCE.md'}: unrecognised format" in walked.stderr
    assert cli("ingest", str(folder / "SOURCE.md")).exit_code == 1


def test_ingest_of_a_folder_of_pages_says_one_summary_line(cli, tmp_path):
    # (200 files in one run: tests/test_store_integrity.py, with records that are quick to load)
    folder = tmp_path / "many"
    folder.mkdir()
    page = EXAMPLE.read_text(encoding="utf-8")
    for i in range(19):
        (folder / f"page{i:03}.txt").write_text(page.replace("30 March 1962", f"30 March 1962 ({i})", 1), encoding="utf-8")
    (folder / "README.md").write_text("# what these are\n")
    result = cli("ingest", str(folder))
    assert result.exit_code == 0
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert re.fullmatch(r"19 files loaded \(19 documents, 19 meetings, \d+ positions\), 0 failed, 1 skipped "
                        rf"\(--verbose names them\); store {re.escape(str(tmp_path / 'store'))} holds \d+ triples", line)


def test_a_failed_file_leaves_the_store_as_it_was(cli, tmp_path):
    cli("ingest", str(EXAMPLE))
    before = cli("stats", "-f", "json").stdout
    bad = tmp_path / "bad.txt"
    bad.write_text("not a page")
    assert cli("ingest", str(bad)).exit_code == 1
    assert cli("stats", "-f", "json").stdout == before


def _graphs(path: Path, rdflib_format: str) -> dict[str, rdflib.Graph]:
    ds = rdflib.Dataset()
    ds.parse(path, format=rdflib_format)
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def _rdflib(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    plain = term.datatype.value == "http://www.w3.org/2001/XMLSchema#string"
    return rdflib.Literal(term.value, datatype=None if plain else rdflib.URIRef(term.datatype.value))


def _reference(tmp_path, documents_only: bool = False) -> dict[str, rdflib.Graph]:
    """The store's graphs read straight from Oxigraph (cwkg's bookkeeping graph left out): the yardstick."""
    from cwkg.ontology.vocab import ID
    from cwkg.graph.store import GraphStore

    out: dict[str, rdflib.Graph] = {}
    with GraphStore(tmp_path / "store") as store:
        for quad in store.quads():
            graph = quad.graph_name.value
            if graph == ID + "graph/meta" or (documents_only and not graph.startswith(ID + "document/")):
                continue
            out.setdefault(graph, rdflib.Graph()).add((_rdflib(quad.subject), _rdflib(quad.predicate), _rdflib(quad.object)))
    return out


def _same(found: dict[str, rdflib.Graph], expected: dict[str, rdflib.Graph]) -> bool:
    """Equal graph by graph, blank nodes matched by structure (the ontology's OWL restrictions have them)."""
    return found.keys() == expected.keys() and all(isomorphic(found[k], expected[k]) for k in expected)


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("nt", "nt"), ("rdfxml", "xml")])
def test_a_triple_format_export_parses_back_to_the_same_triples(cli, tmp_path, fmt, rdflib_format):
    cli("ingest", str(EXAMPLE))
    merged = rdflib.Graph()
    for graph in _reference(tmp_path, documents_only=True).values():
        merged += graph
    out = tmp_path / f"graph.{fmt}"
    assert cli("export", "--format", fmt, "--documents-only", "--output", str(out)).exit_code == 0
    assert isomorphic(rdflib.Graph().parse(out, format=rdflib_format), merged)


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_a_dataset_format_export_parses_back_to_the_same_quads(cli, tmp_path, fmt, rdflib_format):
    cli("ingest", str(EXAMPLE))
    expected = _reference(tmp_path)
    out = tmp_path / f"graph.{fmt}"
    assert cli("export", "--format", fmt, "-o", str(out)).exit_code == 0
    assert _same(_graphs(out, rdflib_format), expected)


def test_jsonld_reads_in_the_ontology_words(cli, tmp_path):
    cli("ingest", str(EXAMPLE))
    out = tmp_path / "graph.jsonld"
    assert cli("export", "--format", "jsonld", "--documents-only", "-o", str(out)).exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    nodes = [n for g in data["@graph"] for n in g["@graph"]]
    position = next(n for n in nodes if n.get("@type") == "Position")
    assert position["speaker"].startswith("id:person/") and "stance" in position


def test_the_shipped_jsonld_context_matches_the_ontology():
    from cwkg.graph.jsonld import build_context, shipped_context

    assert shipped_context() == build_context(), "regenerate: python -m cwkg.graph.jsonld > ontology/context.jsonld"


def test_export_of_one_document_by_its_id_holds_only_its_graph(cli, tmp_path):
    cli("ingest", str(EXAMPLE))
    out = tmp_path / "one.nq"
    document = "wilson-a09fa3adf955d7c4"
    assert cli("export", "--format", "nquads", "--document", document, "-o", str(out)).exit_code == 0
    ds = rdflib.Dataset()
    ds.parse(out, format="nquads")
    assert {str(g.identifier) for g in ds.graphs() if len(g)} == {f"https://w3id.org/cwkg/id/document/{document}"}


def test_export_of_an_unknown_document_is_a_one_line_error(cli, tmp_path):
    cli("ingest", str(EXAMPLE))
    result = cli("export", "--document", "d999", "-o", str(tmp_path / "x.ttl"))
    assert (result.exit_code, result.stderr) == (1, "error: no document 'd999' in the store\n")
    assert list(tmp_path.glob("x.ttl*")) == []


@pytest.mark.parametrize(("target", "problem"), [("folder", "is not a regular file"), ("missing/x.ttl", "its folder does not exist")])
def test_export_refuses_a_folder_or_a_missing_folder_and_writes_nothing(cli, tmp_path, target, problem):
    (tmp_path / "folder").mkdir()
    cli("ingest", str(EXAMPLE))
    result = cli("export", "-o", str(tmp_path / target))
    assert result.exit_code == 1 and problem in result.stderr and len(result.stderr.splitlines()) == 1
    assert not list(tmp_path.rglob("*.part"))


def test_sparql_select_ask_and_a_refused_update(cli, tmp_path):
    cli("ingest", str(EXAMPLE))
    select = cli("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?m a cw:Meeting }", "-f", "csv")
    assert select.stdout.splitlines() == ["n", "1"]
    assert cli("sparql", "ASK { ?d a cw:Document }").stdout.strip() == "true"
    query_file = tmp_path / "q.rq"
    query_file.write_text("SELECT ?t WHERE { ?d dcterms:title ?t }")
    assert "Memorandum of Luncheon" in cli("sparql", str(query_file), "-f", "tsv").stdout
    refused = cli("sparql", "DROP ALL")
    assert refused.exit_code == 1 and refused.stderr.startswith("error: updates are refused")


def test_queries_lists_each_query_with_its_parameters(cli):
    out = cli("queries").stdout
    assert "ambassadors-discussing: Ambassadors who discussed a topic" in out
    assert "--param topic=<entity>" in out and "--param year=<year-range> (optional)" in out


def test_unknown_query_is_a_one_line_error(cli):
    result = cli("query", "nonsense")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no canned query 'nonsense'")


def test_stats_counts_documents_meetings_and_mentions(cli):
    cli("ingest", str(EXAMPLE))
    stats = {r["measure"]: int(r["value"]) for r in json.loads(cli("stats", "-f", "json").stdout)}
    assert (stats["documents"], stats["document graphs"], stats["meetings"], stats["mentions"]) == (1, 1, 1, 78)  # 74 in the body (names and one unnamed holder, "the Romanian ambassador"); 4 in the page summary


def test_the_installed_command_works_from_any_directory(tmp_path):
    script = Path(sys.executable).with_name("cwkg")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "cwkg"]
    env = {**os.environ, "CWKG_STORE": str(tmp_path / "envstore")}
    subprocess.run([*command, "ingest", str(FIXTURES / "wilson_founding_page.html")], cwd=tmp_path, env=env, check=True,
                   capture_output=True)
    out = subprocess.run([*command, "query", "ambassadors-discussing", "-p", "topic=Albania"], cwd=tmp_path, env=env,
                         check=True, capture_output=True, text=True).stdout
    assert out.splitlines()[0].startswith("ambassador\tstate\t")
    assert len(out.splitlines()) == 3


def test_explain_prints_each_position_with_its_speaker_rule_and_stance(tmp_path):
    page = tmp_path / "memo.txt"
    from support import EXAMPLE

    page.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(page), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    said = [p for s in data["sentences"] for p in s["positions"]]
    kim = next(p for p in said if "sit down at the table" in p["quote"])
    assert (kim["speaker"], kim["reporter"], kim["rule"].split("+")[0]) == ("Kim Il Sung", "Ri Song-un", "nested-report")


def test_explain_names_a_document_missing_from_a_volume(tmp_path):
    from support import FIXTURES

    result = CliRunner().invoke(app, ["explain", str(FIXTURES / "frus_mini.xml"), "--document", "d99"])
    assert result.exit_code == 1
    assert result.stderr == f"error: {FIXTURES / 'frus_mini.xml'}: no document 'd99' in the file\n"



def test_explain_prints_the_records_voice_before_its_sentences(tmp_path):
    from support import EXAMPLE

    page = tmp_path / "memo.txt"
    page.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(page)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[1:4] == [
        "author: Richard Dvoràk (the sender, heading or signature of the record)", "addressee: not named",
        "default speaker: none (the record reports what others said; each sentence needs a cue or a turn)"]


def test_explain_without_attribution_prints_no_position(tmp_path):
    page = tmp_path / "memo.txt"
    page.write_text("Memorandum of Conversation\n\nWashington, March 2, 1965.\n\n"
                    "Ambassador Pyotr Ivanov said that Poland should join the talks.\n", encoding="utf-8")
    with_all = CliRunner().invoke(app, ["explain", str(page)])
    without = CliRunner().invoke(app, ["explain", str(page), "--without", "attribution"])
    assert (with_all.exit_code, without.exit_code) == (0, 0)
    assert [line.split(":")[1].strip() for line in with_all.stdout.splitlines() if line.startswith("    Pyotr Ivanov")] == [
        "advocates (cue 'should'); rule cue 'said', confidence 0.9"]
    assert [line for line in without.stdout.splitlines() if line.startswith("    ")] == []


def test_explain_without_an_unknown_component_names_the_components_and_exits_2(tmp_path):
    page = tmp_path / "memo.txt"
    page.write_text("Memorandum of Conversation\n\nWashington, March 2, 1965.\n\nHe came.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["explain", str(page), "--without", "parsing"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: --without: no component 'parsing'; the components are segmentation, entities, persons, occasions, posts, "
        "authorship, meetings, posts in context, attribution, participation")
