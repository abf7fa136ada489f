"""The embedded store as a SPARQL 1.1 Protocol endpoint, served by Oxigraph's own server.

The `oxigraph` package (a registry dependency) ships the server binary that reads the same
on-disk format as pyoxigraph; `serve-read-only` opens the store folder without writing to it,
so YASGUI, Protégé, OpenRefine or a notebook with SPARQLWrapper can query it, and the canned
queries run against it with `--endpoint`. Queries see the union of the named graphs, as in
the embedded store.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from cwkg.errors import CwkgError


def oxigraph_binary() -> str:
    """The `oxigraph` program installed beside this Python (the venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise CwkgError("the oxigraph server is not installed (pip install oxigraph, or reinstall cwkg)")
    return found


@dataclass(frozen=True)
class Server:
    location: Path
    bind: str = "127.0.0.1"
    port: int = 7878
    writable: bool = False
    timeout_s: int | None = None

    @property
    def base(self) -> str:
        host = f"[{self.bind}]" if ":" in self.bind else self.bind
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    def command(self) -> list[str]:
        verb = "serve" if self.writable else "serve-read-only"
        cmd = [oxigraph_binary(), verb, "--location", str(self.location), "--bind", f"{self.bind}:{self.port}",
               "--union-default-graph"]
        if self.timeout_s:
            cmd += ["--timeout-s", str(self.timeout_s)]
        return cmd

    def start(self, tied: bool = False) -> subprocess.Popen:
        """Start the server; `tied`: the kernel ends it if this process is killed outright (Linux), so `cwkg serve`
        leaves no server behind even on SIGKILL. (Only while this process has one thread: the hook runs between
        fork and exec.)"""
        if not self.writable and not (self.location / "CURRENT").is_file():
            raise CwkgError("no store here to serve (load documents with `cwkg ingest` first)", str(self.location))
        self.refuse_taken_port()
        hook = None
        if tied and sys.platform.startswith("linux"):
            from cwkg.lifetime import die_with_parent

            parent = os.getpid()
            hook = lambda: die_with_parent(parent)  # noqa: E731
        return subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=hook)

    def refuse_taken_port(self) -> None:
        """A one-line error when another program listens on the address, said before the server is started (it
        would stop with a Rust backtrace)."""
        try:
            family, kind, proto, _, address = socket.getaddrinfo(self.bind, self.port, type=socket.SOCK_STREAM)[0]
        except (OSError, UnicodeError) as exc:
            raise CwkgError(f"cannot listen on '{self.bind}' ({exc}); give an address of this machine (--bind)") from None
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: a closing socket is no owner
            try:
                probe.bind(address)
            except OSError as exc:
                raise CwkgError(self.why_stopped(f"Error: {exc.strerror or exc}")) from None

    def ready(self, process: subprocess.Popen, within: float = 30.0) -> bool:
        """Whether the server started: it accepts connections (True), or it stopped first (False)."""
        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(self.bind, self.bind)
        deadline = time.monotonic() + within
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with socket.create_connection((host, self.port), timeout=0.5):
                    return process.poll() is None
            except OSError:
                time.sleep(0.05)
        return process.poll() is None

    def why_stopped(self, stderr: str) -> str:
        """What Oxigraph's server said as it stopped, in one line: its `Error:` line, not the backtrace after it
        (whose last line, "7: _start", says nothing); a port another program holds said as such."""
        lines = [line.strip() for line in stderr.splitlines() if line.strip()]
        said = next((line.removeprefix("Error:").strip() for line in lines if line.startswith("Error:")), lines[0] if lines else "")
        if "in use" in said.lower():
            return f"address in use: {self.bind}:{self.port} is taken by another program; give another --port"
        if "permission denied" in said.lower():
            return f"may not listen on {self.bind}:{self.port} (permission denied); give a --port above 1023"
        return said


SERVED = "cwkg-serve.pid"  # in the store folder while `cwkg serve` serves it: "PID URL"


def mark_served(location: Path, url: str) -> None:
    """Note in the store folder that this process serves it, so an ingest can say its data will not be seen there
    until the server is started again (Oxigraph's read-only server takes no lock, and reads the store as opened)."""
    try:
        (location / SERVED).write_text(f"{os.getpid()} {url}\n", encoding="utf-8")
    except OSError:
        pass  # a store on a read-only disk: nothing can be ingested into it either


def unmark_served(location: Path) -> None:
    try:
        marker = location / SERVED
        if marker.read_text(encoding="utf-8").split()[0] == str(os.getpid()):
            marker.unlink()
    except (OSError, IndexError):
        pass


def served_by(location: Path) -> tuple[int, str] | None:
    """The process id and URL of the `cwkg serve` serving the store in `location`, when one still runs."""
    try:
        pid, url = (location / SERVED).read_text(encoding="utf-8").split()[:2]
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # another user's server: alive
    except (OSError, ValueError):
        return None
    return int(pid), url


def served_note(location: Path) -> str | None:
    """The note before an ingest into a store `cwkg serve` serves: the server answers from the store as it opened it."""
    served = served_by(location)
    if not served:
        return None
    return (f"note: {location} is being served by `cwkg serve` (process {served[0]}, {served[1]}), which keeps answering "
            "from the data it opened; stop it and start it again to serve what this ingest loads")
