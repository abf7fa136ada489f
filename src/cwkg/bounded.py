"""Run a read of the embedded store with a time and memory limit, in a child process.

Oxigraph evaluates a query inside one call that Python cannot interrupt: a cartesian
product runs for ever and ignores Ctrl-C, an ORDER BY over it fills the memory, and a
query nested thousands of levels deep can crash the engine. So the work (open the store,
query, write the output) runs in a forked child; the parent, which never opens the store,
watches the clock and the child's resident memory, stops it at either limit, and turns a
crash into one line. The store is only read, so stopping the child loses nothing.
"""

from __future__ import annotations

import io
import os
import selectors
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

from cwkg.errors import CwkgError, in_words, one_line
from cwkg.lifetime import die_with_parent

DEFAULT_MEMORY_MB = int(os.environ.get("CWKG_QUERY_MEMORY_MB", "4096"))
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _resident(pid: int) -> int | None:
    """Bytes of memory the process holds (Linux), or None where that cannot be read."""
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return None


def bounded(work: Callable[[], int], timeout: float | None, memory_mb: int | None = DEFAULT_MEMORY_MB,
            what: str = "the query") -> int:
    """Run `work` (it writes its own output and returns an exit code) within `timeout` seconds and `memory_mb`;
    its exit code, or CwkgError when it was stopped or crashed. The child's standard output and error come back
    through pipes into this process's own streams, whatever they are. Where there is no fork, it runs here, unbounded."""
    if not hasattr(os, "fork"):
        return work()
    sys.stdout.flush()
    sys.stderr.flush()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the child: do the work, and never return into the parent's code
        die_with_parent(parent)
        os.close(out_r)
        os.close(err_r)
        sys.stdout = io.TextIOWrapper(os.fdopen(out_w, "wb"), encoding="utf-8", line_buffering=False)
        sys.stderr = io.TextIOWrapper(os.fdopen(err_w, "wb"), encoding="utf-8", line_buffering=True)
        code = 1
        try:
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            code = work()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BrokenPipeError:
            code = 141
        except CwkgError as exc:
            print(f"error: {one_line(str(exc))}", file=sys.stderr)
        except MemoryError:
            print(f"error: {what} needs more memory than there is; narrow it", file=sys.stderr)
        except BaseException as exc:  # noqa: BLE001 - one line, whatever it was
            print(f"error: {one_line(in_words(exc))}", file=sys.stderr)
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except BaseException:  # noqa: BLE001 - a closed pipe: nothing more to say
                pass
            os._exit(code)
    os.close(out_w)
    os.close(err_w)
    try:
        return _watch(pid, {out_r: _binary(sys.stdout), err_r: _binary(sys.stderr)}, timeout, memory_mb, what)
    finally:
        for fd in (out_r, err_r):
            try:
                os.close(fd)
            except OSError:
                pass


def _binary(stream):
    return getattr(stream, "buffer", None) or stream


def _watch(pid: int, pipes: dict, timeout: float | None, memory_mb: int | None, what: str) -> int:
    """Forward the child's output while it runs; stop it at the time or memory limit."""
    started = time.monotonic()
    limit = memory_mb * 1024 * 1024 if memory_mb else None
    selector = selectors.DefaultSelector()
    for fd, sink in pipes.items():
        selector.register(fd, selectors.EVENT_READ, sink)
    status = None
    over = f"{what} was stopped after {timeout:g} s (--timeout); narrow it, or give a longer --timeout" if timeout is not None else ""
    try:
        while selector.get_map() or status is None:
            # The clock first: output that comes after the limit is not passed on, so a run is stopped at its limit
            # (within one poll, 20 ms) however soon after it the child would have finished.
            if status is None and timeout is not None and time.monotonic() - started > timeout:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise CwkgError(over)
            for key, _ in selector.select(timeout=0.02):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fd)
                    continue
                sink = key.data
                sink.write(chunk if not isinstance(sink, io.TextIOBase) else chunk.decode("utf-8", "replace"))
                sink.flush()
            if status is None:
                done, code = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = code
                    continue
                reason = None
                if timeout is not None and time.monotonic() - started > timeout:
                    reason = over
                elif limit is not None and (rss := _resident(pid)) is not None and rss > limit:
                    reason = f"{what} was stopped at {memory_mb:,} MB of memory (CWKG_QUERY_MEMORY_MB); narrow it"
                if reason:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    raise CwkgError(reason)
    except (KeyboardInterrupt, BrokenPipeError):
        if status is None:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        raise
    finally:
        selector.close()
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGINT:  # Ctrl-C reached the child first: the user's interruption, not a crash
            raise KeyboardInterrupt
        raise CwkgError(f"{what} made the query engine fail ({signal.Signals(number).name}); simplify it")
    return os.WEXITSTATUS(status)
