"""What every command shares: the store option's value, the one way to write to standard error, the options that
several commands take, and opening the store a command works on."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from cwkg import __version__, output
from cwkg.config import STORE_ENV, default_store_path, resolve_store_path
from cwkg.errors import one_line


class State:
    store_option: Optional[Path] = None


def store_path() -> Path:
    return resolve_store_path(State.store_option)


def say(line: str) -> None:
    """The one place cwkg writes to standard error: every error, warning and note is one line, without secrets
    (`errors.one_line`)."""
    typer.echo(one_line(line), err=True)


def say_any(line: Optional[str]) -> None:
    if line:
        say(line)


def fail(message: str, code: int = 1) -> None:
    say(f"error: {message}")
    raise typer.Exit(code)


def progress(line: str) -> None:
    """A stage of a long command, on a terminal only: what a person waiting sees, never what a program reads."""
    if sys.stderr.isatty():
        say(line)


def open_store(reading: bool = False, existing: bool | None = None):
    from cwkg.graph.opening import open_embedded

    return open_embedded(store_path(), reading, existing)


def target(endpoint: Optional[str], user: Optional[str], password: Optional[str], token: Optional[str],
           timeout: float = 60.0, max_answer_mb: float = 256.0, indexed: bool = False):
    """The store a read command asks: the remote endpoint when one is given, else the embedded store."""
    from cwkg.graph.opening import Remote, Target

    remote = Remote(endpoint, user, password, token, timeout, max_answer_mb) if endpoint else None
    return Target(store_path(), remote, indexed)


def union_hint(store) -> None:
    """Before an empty answer from a remote store: a hint when its default graph lacks cwkg's graphs."""
    from cwkg.graph.remote import union_hint as hint

    say_any(hint(store))


def run_read(work, endpoint: Optional[str], timeout: float, watched: bool = True) -> None:
    """Run a read against the embedded store within its time and memory limits (`watched`), or a remote one directly."""
    from cwkg.bounded import bounded

    code = work() if endpoint or not watched else bounded(work, timeout)
    if code:
        raise typer.Exit(code)


def check_format(fmt: Optional[str]) -> str:
    fmt = fmt or output.default_format()
    if fmt not in output.FORMATS:
        raise typer.BadParameter(f"'{fmt}' (use {', '.join(output.FORMATS)})", param_hint="--format")
    return fmt


def choose(value: str, allowed: tuple[str, ...] | set[str] | dict, option: str, joined: str | None = None) -> str:
    """A value of a closed list, or the usage error that names the option and the list."""
    if value not in allowed:
        raise typer.BadParameter(f"'{value}' (use {joined or ', '.join(allowed)})", param_hint=option)
    return value


def show_version(value: bool) -> None:
    if value:
        typer.echo(f"cwkg {__version__}")
        raise typer.Exit()


def main(
    store: Optional[Path] = typer.Option(
        None, "--store", "-s", help=f"Folder of the embedded store (default: ${STORE_ENV}, else {default_store_path()})."
    ),
    version: bool = typer.Option(False, "--version", callback=show_version, is_eager=True, help="Show the version."),
) -> None:
    State.store_option = store


def endpoint_option():
    return typer.Option(None, "--endpoint", "-e", help="Query this SPARQL endpoint instead of the embedded store "
                        "(it must answer over the union of its graphs, as `cwkg serve` does).")


def user_option():
    return typer.Option(None, "--user", envvar="CWKG_ENDPOINT_USER", help="HTTP basic-auth user for --endpoint.")


def password_option():
    return typer.Option(None, "--password", envvar="CWKG_ENDPOINT_PASSWORD", show_default=False,
                        help="HTTP basic-auth password (better: set CWKG_ENDPOINT_PASSWORD).")


def token_option():
    return typer.Option(None, "--token", envvar="CWKG_ENDPOINT_TOKEN", show_default=False,
                        help="Bearer token for --endpoint (better: set CWKG_ENDPOINT_TOKEN).")


def max_answer_option():
    # 256: graph.answers.DEFAULT_MAX_ANSWER_MB, not imported here so that the command line starts without pyoxigraph
    return typer.Option(256.0, "--max-answer-mb", min=0.001, help="Refuse a remote answer larger than this many MB "
                        "(it is read in pieces and stopped there, never read whole).")


def timeout_option():
    return typer.Option(60.0, "--timeout", min=0, help="Seconds to wait for each answer of a remote store.")


def wide_option():
    return typer.Option(False, "--wide", help="Show tables' long text whole, however wide (default: cut to the "
                        "terminal's width with an ellipsis; csv, tsv and json are never cut).")


def limit_option():
    return typer.Option(None, "--limit", min=0, help="Print at most this many rows (default: 1000 on a terminal, all otherwise; 0: all).")


def query_timeout_option(default: Optional[float] = 60.0):
    return typer.Option(default, "--timeout", min=0, help="Seconds the query may run (default 60; the embedded store "
                        "stops it then; a remote store gets this long for each answer).")


def offset_option():
    return typer.Option(0, "--offset", min=0, help="Leave out this many rows first: with --limit, one page of an "
                        "answer (a canned query's order is total, so pages never overlap or skip a row).")
