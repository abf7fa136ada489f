"""Issue 29, item 4: a call of the command line costs little around its query. No pydantic on the option path, the
time-limit child only where a query can run long, a store of this version opened read-only for a query, and a store
folder that does not grow with use (RocksDB's `LOG.old.*` files)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.ontology.vocab import CW, ONTOLOGY_GRAPH
from cwkg.graph.store import GraphStore
from cwkg.queries.catalog import load_catalog
from support import ROOT

runner = CliRunner()
RECORD = """MEMORANDUM OF CONVERSATION

Date: 3 May 1961
Place: Strelsau
Kind: memcon
Participants: Pyotr Ivanov, Soviet Ambassador to Ruritania; Adam Nowak, Polish Ambassador to Ruritania

Nowak said that Ruritania would keep its frontier with Poland open to trade.

Pyotr Ivanov
"""


def logs(store: Path) -> list[str]:
    return sorted(p.name for p in store.iterdir() if p.name.startswith("LOG"))


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("record")
    (folder / "strelsau.txt").write_text(RECORD, encoding="utf-8")
    store = tmp_path_factory.mktemp("startup") / "store"
    result = runner.invoke(app, ["--store", str(store), "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    return store


def test_twenty_queries_leave_the_store_folder_with_no_new_log_file(loaded):
    before = logs(loaded)
    for _ in range(20):
        assert runner.invoke(app, ["--store", str(loaded), "query", "documents", "-f", "tsv"]).exit_code == 0
    assert logs(loaded) == before


def test_a_writers_open_keeps_only_the_two_newest_old_logs(tmp_path):
    path = tmp_path / "store"
    for _ in range(6):
        GraphStore(path).close()
    assert len([name for name in logs(path) if name.startswith("LOG.old.")]) == 2


def test_a_store_of_this_version_is_opened_read_only_for_a_query(loaded):
    store = GraphStore.for_reading(loaded)
    try:
        assert store.read_only is True
    finally:
        store.close()


def test_a_store_missing_a_shipped_graph_is_brought_up_to_date_when_first_read(tmp_path):
    path = tmp_path / "store"
    with GraphStore(path) as store:
        store.ensure_static()
        store._store.update(f"DROP GRAPH {ONTOLOGY_GRAPH}")  # as a store of an older cwkg, before the graph existed
        store._store.update(f"DELETE WHERE {{ GRAPH ?m {{ {ONTOLOGY_GRAPH} {CW.contentHash} ?v }} }}")
    store = GraphStore.for_reading(path)
    try:
        assert (store.read_only, store.is_current(), store.count(ONTOLOGY_GRAPH) > 0) == (False, True, True)
    finally:
        store.close()


def test_a_canned_query_naming_an_entity_runs_without_the_time_limit_child():
    assert load_catalog()["positions-on"].may_run_long({"topic": "Ruritania"}) is False


def test_a_canned_query_naming_no_entity_runs_in_the_time_limit_child():
    catalog = load_catalog()
    assert (catalog["unlinked"].may_run_long({}), catalog["meetings"].may_run_long({"year": "1961"})) == (True, True)


def test_an_explicit_timeout_stops_even_a_query_naming_an_entity(loaded):
    result = subprocess.run([sys.executable, "-m", "cwkg", "--store", str(loaded), "query", "positions-on", "--param",
                             "topic=Poland", "--timeout", "0.000001"], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert (result.returncode, result.stderr.strip()) == (
        1, "error: the query was stopped after 1e-06 s (--timeout); narrow it, or give a longer --timeout")


def test_a_canned_query_reads_its_options_without_importing_pydantic(loaded):
    script = ("import sys\nfrom cwkg.cli import app\n"
              f"app(['--store', {str(loaded)!r}, 'query', 'positions-on', '--param', 'topic=Ruritania', '-f', 'tsv'], "
              "prog_name='cwkg', standalone_mode=False)\n"
              "print('pydantic' in sys.modules, file=sys.stderr)\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (result.returncode, result.stderr.strip().splitlines()[-1]) == (0, "False")
