"""The edge of the command line: however a command ends, the user gets the documented exit code and at most one
line on standard error, never a traceback, a five-line usage box or a bare exception name.

0 done, 1 the work failed, 2 a usage error, 130 interrupted (Ctrl-C: "interrupted"), 141 the reader of standard
output went away (`cwkg export | head`: quietly, as a Unix tool killed by SIGPIPE). Click and Typer would turn a
closed pipe into 1, Ctrl-C into a silent 130 and a usage error into a box, so commands run under `Boundary`, which
lets those two out as exceptions of its own, and `finish` maps each ending to its code and line.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable

import typer
from typer.core import TyperGroup

from cwkg.errors import CwkgError, in_words

DONE, FAILED, USAGE, INTERRUPTED, CLOSED_PIPE = 0, 1, 2, 130, 141
# Click's UsageError and ClickException, from wherever this Typer keeps its Click (it vendors one since 0.2x)
_USAGE_ERROR: type[Exception] = typer.BadParameter.__bases__[0]
_CLICK_ERROR: type[Exception] = _USAGE_ERROR.__bases__[0]


class ClosedPipe(Exception):
    """Standard output's reader went away (EPIPE)."""


class Interrupted(Exception):
    """The user pressed Ctrl-C (SIGINT)."""


class Boundary(TyperGroup):
    """cwkg's command group: a closed pipe and Ctrl-C leave a command as `ClosedPipe` and `Interrupted`, which
    Typer passes on instead of ending the process itself with its own code."""

    def get_params(self, ctx: typer.Context):
        """The group's parameters, and its commands' (once), with plain metavars (`helptext`)."""
        if not getattr(self, "_plain", False):
            from cwkg.helptext import plain

            plain(self, ctx)
            self._plain = True
        return super().get_params(ctx)

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted() from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise ClosedPipe() from None
            raise


def finish(main: Callable[[], object], say: Callable[[str], None], plain: Callable[[BaseException], str]) -> int:
    """Run `main` (the Click command, not standalone) and give the exit code; every failure has been said in one
    line through `say`, unforeseen ones in the words of `plain` (CWKG_DEBUG=1: raised, with their traceback)."""
    try:
        code = main()
        sys.stdout.flush()
        return code if isinstance(code, int) else DONE
    except (Interrupted, KeyboardInterrupt, typer.Abort):
        say("interrupted")
        return INTERRUPTED
    except ClosedPipe:
        return _quiet_pipe()
    except _USAGE_ERROR as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            return exc.exit_code  # `cwkg` alone: Typer has printed the help
        say(f"error: {usage_line(exc)}")
        return exc.exit_code
    except _CLICK_ERROR as exc:
        say(f"error: {exc.format_message()}")
        return exc.exit_code
    except CwkgError as exc:
        say(f"error: {exc}")
        return FAILED
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            return _quiet_pipe()
        if os.environ.get("CWKG_DEBUG"):
            raise
        say(f"error: {plain(exc)}")
        _quiet_stdout()  # a full disk: Python's own last flush would add its two lines
        return FAILED
    except Exception as exc:  # noqa: BLE001 - the boundary: whatever escapes a command is one line
        if os.environ.get("CWKG_DEBUG"):
            raise
        say(f"error: {plain(exc)}")
        return FAILED


def usage_line(exc: Exception) -> str:
    """A usage error as one sentence with where to look: "No such option: --x; see `cwkg stats --help`"."""
    message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    where = f"; see `{ctx.command_path} --help`" if ctx is not None else ""
    return message.rstrip(".") + where


def _quiet_stdout() -> None:
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _quiet_pipe() -> int:
    _quiet_stdout()  # what is still buffered goes nowhere, and Python's last flush finds nothing to complain of
    return CLOSED_PIPE


def unforeseen(exc: BaseException) -> str:
    """A failure no command foresaw as a sentence, not a bare exception name (`errors.in_words`)."""
    return in_words(exc)
