"""Issue 28, items 2 and 3: output that fits the terminal, help that shows what a user types, one exit code for a
usage error, errors that name what was wrong, and stores that say what they are (a missing store, a served one, a
remote one whose default graph lacks cwkg's graphs). One behaviour a test, each against the real command line."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.graph.serve import SERVED, oxigraph_binary
from oxigraph_server import free_port, stop_process
from support import EXAMPLE, ROOT

runner = CliRunner()
TITLE_START = "Memorandum of Conversation"


def cli(store: Path, *args: str, columns: int = 80):
    return runner.invoke(app, ["--store", str(store), *args], env={"COLUMNS": str(columns)})


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("polish") / "store"
    assert cli(store, "ingest", str(EXAMPLE)).exit_code == 0
    return store


def _title(store: Path) -> str:
    """The meeting's document title, whole, as CSV gives it."""
    result = cli(store, "query", "meetings", "-f", "csv")
    header, row = result.stdout.splitlines()[:2]
    import csv

    values = dict(zip(*csv.reader([header, row])))
    return values["title"]


# ------------------------------------------------------------------ item 2: output that fits


def test_a_table_at_80_columns_has_no_line_longer_than_80_and_cuts_long_cells_with_an_ellipsis(loaded):
    result = cli(loaded, "query", "meetings", "-f", "table", columns=80)
    lines = result.stdout.splitlines()
    assert (result.exit_code, max(len(line) for line in lines), "…" in result.stdout) == (0, 80, True)


def test_wide_keeps_long_cells_whole(loaded):
    title = _title(loaded)
    assert len(title) > 40
    result = cli(loaded, "query", "meetings", "-f", "table", "--wide", columns=80)
    assert (result.exit_code, title in result.stdout) == (0, True)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_csv_tsv_and_json_are_never_cut(loaded, fmt):
    result = cli(loaded, "query", "meetings", "-f", fmt, columns=40)
    assert (result.exit_code, _title(loaded) in result.stdout, "…" in result.stdout) == (0, True, False)


@pytest.mark.parametrize("command", ["ingest", "query", "export", "sparql", "serve", "eval"])
def test_help_shows_what_a_user_types_not_python_types(command, tmp_path):
    result = cli(tmp_path / "store", command, "--help", columns=200)
    assert result.exit_code == 0
    assert re.findall(r"<\w+(?:\[\w+\])?>|<list\[|\{paths\}|\{name\}|\{text\}", result.stdout) == []


def test_ingest_help_names_its_argument_path(tmp_path):
    usage = cli(tmp_path / "store", "ingest", "--help", columns=200).stdout
    assert re.search(r"Usage: \S+ ingest \[OPTIONS\] PATH\.\.\. ", usage), usage


def test_serve_takes_timeout_like_every_other_command(tmp_path):
    result = cli(tmp_path / "store", "serve", "--help", columns=200)
    assert ("--timeout " in result.stdout, "--timeout-s" in result.stdout) == (True, False)


def test_serve_still_takes_the_old_name_timeout_s(tmp_path):
    result = cli(tmp_path / "missing", "serve", "--timeout-s", "5", "--port", str(free_port()), "--no-site")
    assert (result.exit_code, result.stderr.strip()) == (
        1, f"error: {tmp_path / 'missing'}: no store here to serve (load documents with `cwkg ingest` first)")


def test_export_to_an_unknown_format_is_a_usage_error(loaded):
    result = subprocess.run([sys.executable, "-m", "cwkg", "--store", str(loaded), "export", "--format", "xml"],
                            capture_output=True, text=True, cwd=ROOT, timeout=60)  # the real boundary, not CliRunner's
    assert (result.returncode, result.stderr.strip()) == (
        2, "error: Invalid value for --format: 'xml' (use turtle, nt, rdfxml, nquads, trig, jsonld); "
           "see `cwkg export --help`")


def test_a_query_file_that_does_not_exist_says_so(loaded, tmp_path):
    missing = tmp_path / "albania.rq"
    result = cli(loaded, "sparql", str(missing))
    assert (result.exit_code, result.stderr.strip()) == (
        1, f"error: {missing}: no such query file (give a SPARQL query, or the path of a file holding one)")


@pytest.mark.parametrize("update", ["INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                                    "PREFIX ex: <http://example.org/> DELETE WHERE { ?s ex:p ?o }",
                                    "DROP ALL"])
def test_an_update_through_sparql_says_updates_are_refused(loaded, update):
    result = cli(loaded, "sparql", update)
    assert (result.exit_code, result.stderr.strip()) == (
        1, "error: updates are refused: `cwkg sparql` runs read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE); "
           "`cwkg ingest` changes the store")


def test_a_query_with_a_syntax_error_still_says_syntax_error(loaded):
    result = cli(loaded, "sparql", "SELECT ?s WHERE { ?s ?p }")
    assert (result.exit_code, result.stderr.startswith("error: SPARQL syntax error:")) == (1, True)


# ------------------------------------------------------------------ item 3: stores that say what they are


@pytest.mark.parametrize("args", [
    ("query", "meetings"), ("sparql", "ASK { ?s ?p ?o }"), ("export",), ("stats",), ("view", "network"),
    ("ask", "Which ambassadors discussed Albania in 1962?"), ("validate", "--shacl"), ("check-store",),
])
def test_a_reading_command_on_a_store_that_does_not_exist_says_so_and_creates_nothing(tmp_path, monkeypatch, args):
    missing = tmp_path / "no-such-store"
    monkeypatch.chdir(tmp_path)  # a view would write its page here
    result = cli(missing, *args)
    assert (result.exit_code, result.stderr.strip(), missing.exists()) == (
        1, f"error: {missing}: no store here: the folder does not exist; `cwkg ingest` makes one (or give --store "
           "the folder of an existing store)", False)


def test_a_reading_command_on_an_empty_folder_says_it_holds_no_store(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = cli(empty, "stats")
    assert (result.exit_code, result.stderr.strip(), list(empty.iterdir())) == (
        1, f"error: {empty}: no store here: the folder holds no store; `cwkg ingest` makes one (or give --store "
           "the folder of an existing store)", [])


def test_ingest_into_a_store_being_served_says_so_and_how_to_refresh(loaded, tmp_path):
    import shutil

    store = tmp_path / "served"
    shutil.copytree(loaded, store)
    port = free_port()
    serving = subprocess.Popen([sys.executable, "-m", "cwkg", "--store", str(store), "serve", "--port", str(port),
                                "--no-site"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    try:
        deadline = time.monotonic() + 30
        while not (store / SERVED).exists() and time.monotonic() < deadline and serving.poll() is None:
            time.sleep(0.1)
        assert (store / SERVED).exists()
        result = cli(store, "ingest", str(EXAMPLE))
        notes = [line for line in result.stderr.splitlines() if line.startswith("note:")]
        assert (result.exit_code, notes) == (0, [
            f"note: {store} is being served by `cwkg serve` (process {serving.pid}, http://127.0.0.1:{port}/query), "
            "which keeps answering from the data it opened; stop it and start it again to serve what this ingest loads"])
    finally:
        serving.send_signal(signal.SIGTERM)
        serving.wait(timeout=20)
        serving.stderr.close()
    assert not (store / SERVED).exists()


def test_ingest_into_a_store_no_longer_served_says_nothing_of_serving(loaded, tmp_path):
    import shutil

    store = tmp_path / "was-served"
    shutil.copytree(loaded, store)
    (store / SERVED).write_text("999999999 http://127.0.0.1:1/query\n")  # a server killed outright left its note
    result = cli(store, "ingest", str(EXAMPLE))
    assert (result.exit_code, [l for l in result.stderr.splitlines() if l.startswith("note:")]) == (0, [])


@pytest.fixture()
def separate_graphs_endpoint(loaded, tmp_path):
    """A real `oxigraph serve` whose default graph is its own (no --union-default-graph), holding cwkg's graphs
    pushed into it as named graphs."""
    port = free_port()
    process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "remote"), "--bind",
                                f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            import urllib.request

            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        pushed = cli(loaded, "push", "--endpoint", url)
        assert pushed.exit_code == 0, pushed.stderr
        yield url
    finally:
        stop_process(process, timeout=10)


def test_an_endpoint_whose_default_graph_lacks_cwkgs_graphs_gets_a_hint_before_the_empty_answer(separate_graphs_endpoint):
    url = separate_graphs_endpoint
    result = cli(Path("/nonexistent"), "query", "meetings", "--endpoint", url, "-f", "csv")
    assert (result.exit_code, result.stderr.splitlines()[0], result.stdout.count("\n")) == (
        0, f"note: {url}: its default graph holds none of cwkg's graphs, which are named graphs there; cwkg's queries "
           "read the default graph, so serve it as the union of the named graphs (oxigraph serve "
           "--union-default-graph, Fuseki tdb2:unionDefaultGraph, GraphDB/Virtuoso: their union default graph "
           "setting)", 1)


def test_ask_of_an_endpoint_whose_default_graph_lacks_cwkgs_graphs_gets_the_hint(separate_graphs_endpoint):
    url = separate_graphs_endpoint
    result = cli(Path("/nonexistent"), "ask", "Which ambassadors discussed Albania in 1962?", "--endpoint", url)
    assert (result.exit_code != 0, result.stderr.splitlines()[0].startswith(
        f"note: {url}: its default graph holds none of cwkg's graphs")) == (True, True)


def test_an_endpoint_serving_the_union_gets_no_hint(loaded, tmp_path):
    from oxigraph_server import RunningServer

    server = RunningServer(tmp_path / "remote").start()
    try:
        assert cli(loaded, "push", "--endpoint", server.query_url).exit_code == 0
        result = cli(Path("/nonexistent"), "query", "meetings", "--endpoint", server.query_url, "-f", "csv",
                     "-p", "person=Nobody At All")
        assert "note:" not in result.stderr
    finally:
        server.stop()


def test_an_option_the_metavar_table_does_not_name_still_has_help_shown_by_its_type():
    import typer

    from cwkg.boundary import Boundary

    app_ = typer.Typer(cls=Boundary)

    @app_.command()
    def first(count: int = typer.Option(3, "--count-of-things", help="How many.")) -> None:
        """A command whose option no table names."""

    @app_.command()
    def second() -> None:
        """Another command."""

    result = CliRunner().invoke(app_, ["first", "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0 and re.search(r"--count-of-things +(N|VALUE)\b", result.output), result.output


def _stderr_on_a_terminal(args: list[str], store: Path) -> tuple[int, str, str]:
    """Run cwkg with its standard error on a pseudo-terminal (a person watching) and its output piped."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "cwkg", "--store", str(store), *args], stdout=subprocess.PIPE,
                               stderr=follower, text=True, cwd=Path(__file__).resolve().parents[1])
    os.close(follower)
    said = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break  # the terminal closed with the process
        if not chunk:
            break
        said += chunk
    out = process.stdout.read()
    os.close(leader)
    return process.wait(timeout=300), out, said.decode("utf-8", "replace")


def test_validate_says_each_stage_on_a_terminal(loaded):
    code, out, said = _stderr_on_a_terminal(["validate", "--shacl", "--format", "json"], loaded)
    assert (code, said.strip().splitlines()) == (0, ["checking the SHACL data rules over all the graphs ..."])
    assert out.lstrip().startswith("{")  # what a program reads stays clean


def test_validate_says_no_stage_when_its_standard_error_is_read_by_a_program(loaded):
    result = subprocess.run([sys.executable, "-m", "cwkg", "--store", str(loaded), "validate", "--shacl", "--format", "json"],
                            capture_output=True, text=True, timeout=300, cwd=Path(__file__).resolve().parents[1])
    assert (result.returncode, result.stderr) == (0, "")


def test_docs_prints_one_line_and_no_log_lines(tmp_path):
    pytest.importorskip("pylode", reason="cwkg docs runs pyLODE, of the docs extra (pip install '.[docs]'; .ci/run installs it)")
    out = tmp_path / "ontology.html"
    result = subprocess.run([sys.executable, "-m", "cwkg", "docs", "-o", str(out)], capture_output=True, text=True,
                            timeout=300, cwd=Path(__file__).resolve().parents[1])
    assert (result.returncode, result.stderr, result.stdout.splitlines()[0].startswith(f"wrote {out} (")) == (0, "", True)
