"""What every command shares: the store option's value, the one way to write to standard error, the options that
several commands take, and opening the store a command works on."""

from __future__ import annotations

import functools
import inspect
import sys
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ReadFrom:
    """Where a read command's query goes: the remote endpoint with its credentials and limits, or, without one, the
    embedded store. `timeout` is None where the command picks its own ("a canned query that may run long")."""

    endpoint: Optional[str]
    user: Optional[str]
    password: Optional[str]
    token: Optional[str]
    timeout: Optional[float]
    max_answer_mb: float

    def open(self, indexed: bool = False):
        return target(self.endpoint, self.user, self.password, self.token,
                      60.0 if self.timeout is None else self.timeout, self.max_answer_mb, indexed)


def reads_a_store(timeout: Optional[float] = 60.0):
    """Give a read command the options that choose its store (`--endpoint`, `--user`, `--password`, `--token`,
    `--timeout`, `--max-answer-mb`), handed to it as one `ReadFrom` in its parameter `source`: declared once here
    rather than in each command, in the order `cwkg COMMAND --help` lists them."""
    options = (("endpoint", Optional[str], endpoint_option()), ("user", Optional[str], user_option()),
               ("password", Optional[str], password_option()), ("token", Optional[str], token_option()),
               ("timeout", Optional[float], query_timeout_option(timeout)), ("max_answer_mb", float, max_answer_option()))

    def decorate(command):
        own = [p for p in inspect.signature(command).parameters.values() if p.name != "source"]
        added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=kind)
                 for name, kind, default in options]

        @functools.wraps(command)
        def with_source(**values):
            source = ReadFrom(*(values.pop(name) for name, _, _ in options))
            return command(**values, source=source)

        with_source.__signature__ = inspect.Signature([p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in own] + added)
        with_source.__annotations__ = {k: v for k, v in command.__annotations__.items() if k != "source"} | {
            name: kind for name, kind, _ in options}
        return with_source

    return decorate


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
