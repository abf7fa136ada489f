"""The cwkg command line: one verb per job. The verbs live in `cwkg.commands`, a module per group; here they are
registered on the app in the order `cwkg --help` lists them, and `run` is the program's edge."""

from __future__ import annotations

import sys

import typer

from cwkg.boundary import Boundary
from cwkg.commands import checking, common, loading, moving, reading, showing

app = typer.Typer(
    cls=Boundary,
    help="cwkg: a knowledge graph of Cold War diplomacy built from memoranda of conversation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.callback()(common.main)
app.command()(loading.ingest)
app.command("queries")(reading.list_queries)
app.command()(reading.query)
app.command()(reading.ask)
app.command()(reading.sparql)
app.command()(moving.export)
app.command()(moving.push)
app.command("load")(loading.load_shards)
app.command()(moving.link)
app.add_typer(showing.view_app, name="view")
app.command()(showing.serve)
app.command()(reading.stats)
app.command("check-store")(reading.check_store)
app.command()(checking.validate)
app.command()(checking.docs)
app.command("explain")(checking.explain_document)
app.command("eval")(checking.evaluate_gold)


def run() -> None:
    """The `cwkg` command. Every failure ends as one line on standard error and an exit code, the same for every
    command (`boundary`): 0 done, 1 the work failed (or found violations), 2 a usage error, 130 interrupted, 141 a
    closed pipe. CWKG_DEBUG=1 shows the traceback of an unexpected failure instead."""
    from cwkg.boundary import finish

    sys.exit(finish(lambda: app(prog_name="cwkg", standalone_mode=False), common.say, _plain))


def _plain(exc: BaseException) -> str:
    """An unexpected failure in one line: a store that is damaged said as such, the rest in `boundary`'s words."""
    from cwkg.boundary import unforeseen
    from cwkg.graph.store import engine_failure

    failure = engine_failure(exc, common.store_path())
    return str(failure) if failure is not None else unforeseen(exc)
