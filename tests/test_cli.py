"""The command line, end to end: ingest, query, sparql, export, stats and their errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
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
    result = cli("ingest", str(folder))
    assert result.exit_code == 1
    errors = [l for l in result.stderr.splitlines() if l.startswith("error:")]
    assert errors == [
        f"error: {folder / 'b_empty.txt'}: file is empty",
        f"error: {folder / 'c_garbage.bin'}: not UTF-8 text (byte 0)",
        f"error: {folder / 'd_gone.txt'}: cannot read file (No such file or directory)",
    ]
    assert "1 loaded, 3 failed, 0 skipped" in result.stderr
    assert "a_good.txt: " in result.stdout


def test_a_file_of_no_known_format_in_a_folder_is_skipped_but_named_it_fails(cli, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "page.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "SOURCE.md").write_text("# Where these pages come from\n")
    walked = cli("ingest", str(folder))
    assert walked.exit_code == 0
    assert f"skipped: {folder / 'SOURCE.md'}: unrecognised format" in walked.stderr
    assert cli("ingest", str(folder / "SOURCE.md")).exit_code == 1


def test_a_failed_file_leaves_the_store_as_it_was(cli, tmp_path):
    cli("ingest", str(EXAMPLE))
    before = cli("stats", "-f", "json").stdout
    bad = tmp_path / "bad.txt"
    bad.write_text("not a page")
    assert cli("ingest", str(bad)).exit_code == 1
    assert cli("stats", "-f", "json").stdout == before


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_export_in_triple_formats_parses_back(cli, tmp_path, fmt, rdflib_format):
    cli("ingest", str(EXAMPLE))
    out = tmp_path / f"graph.{fmt}"
    assert cli("export", "--format", fmt, "--documents-only", "--output", str(out)).exit_code == 0
    g = rdflib.Graph().parse(out, format=rdflib_format)
    assert len(g) > 1000


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("nquads", "nquads"), ("trig", "trig")])
def test_export_in_dataset_formats_keeps_one_graph_per_document(cli, tmp_path, fmt, rdflib_format):
    cli("ingest", str(EXAMPLE))
    out = tmp_path / f"graph.{fmt}"
    assert cli("export", "--format", fmt, "--documents-only", "-o", str(out)).exit_code == 0
    ds = rdflib.Dataset()
    ds.parse(out, format=rdflib_format)
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert [g for g in graphs if "/document/" in g] == [g for g in graphs if g != "urn:x-rdflib:default"]


def test_sparql_select_ask_and_a_refused_update(cli, tmp_path):
    cli("ingest", str(EXAMPLE))
    select = cli("sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?m a cw:Meeting }", "-f", "csv")
    assert select.stdout.splitlines() == ["n", "1"]
    assert cli("sparql", "ASK { ?d a cw:Document }").stdout.strip() == "true"
    query_file = tmp_path / "q.rq"
    query_file.write_text("SELECT ?t WHERE { ?d dcterms:title ?t }")
    assert "Memorandum of Luncheon" in cli("sparql", str(query_file), "-f", "tsv").stdout
    refused = cli("sparql", "DROP ALL")
    assert refused.exit_code == 1 and refused.stderr.startswith("error: SPARQL syntax error")


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
    assert (stats["documents"], stats["document graphs"], stats["meetings"], stats["mentions"]) == (1, 1, 1, 76)  # 75 names and one unnamed holder ("the Romanian ambassador")


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
