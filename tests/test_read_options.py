"""Issue 31, item 6: the options that choose where a read command's query goes are declared once
(`commands.common.reads_a_store`) and reach the command as one value; and `cwkg queries --prefixes`
gives the vocabulary's PREFIX lines for SPARQL written in other tools."""

from __future__ import annotations

import pyoxigraph as ox
import typer
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.commands.common import ReadFrom, reads_a_store
from cwkg.ontology.vocab import CW, ID, RDF

runner = CliRunner()
STORE_OPTIONS = ["--endpoint", "--user", "--password", "--token", "--timeout", "--max-answer-mb"]


def _long_options(command: str) -> list[str]:
    click_command = typer.main.get_command(app).commands[command]
    return [name for p in click_command.params for name in p.opts if name.startswith("--")]


def test_every_read_command_takes_the_same_store_options_last():
    for command in ("query", "ask", "sparql"):
        assert _long_options(command)[-len(STORE_OPTIONS):] == STORE_OPTIONS


def test_the_store_options_reach_the_command_as_one_value():
    seen: list[ReadFrom] = []
    probe = typer.Typer()

    @probe.command()
    @reads_a_store()
    def read(name: str = typer.Argument(...), source: ReadFrom = None) -> None:
        seen.append(source)

    result = runner.invoke(probe, ["x", "--endpoint", "http://127.0.0.1:7878/query", "--user", "ann",
                                   "--timeout", "5", "--max-answer-mb", "2"], env={})
    assert result.exit_code == 0, result.output
    assert seen == [ReadFrom("http://127.0.0.1:7878/query", "ann", None, None, 5.0, 2.0)]


def test_a_command_without_a_timeout_of_its_own_gets_none():
    seen: list[ReadFrom] = []
    probe = typer.Typer()

    @probe.command()
    @reads_a_store(timeout=None)
    def read(source: ReadFrom = None) -> None:
        seen.append(source)

    assert runner.invoke(probe, [], env={}).exit_code == 0
    assert seen == [ReadFrom(None, None, None, None, None, 256.0)]


def test_queries_prefixes_prints_the_vocabulary_namespaces():
    lines = runner.invoke(app, ["queries", "--prefixes"]).output.splitlines()
    assert f"PREFIX cw: <{CW}>" in lines
    assert f"PREFIX id: <{ID}>" in lines


def test_queries_prefixes_declare_what_a_query_of_ones_own_needs():
    prologue = runner.invoke(app, ["queries", "--prefixes"]).output
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode(ID + "person/x"), RDF.type, CW.Person))
    rows = list(store.query(prologue + "SELECT ?p WHERE { ?p a cw:Person }"))
    assert [r["p"].value for r in rows] == [ID + "person/x"]
