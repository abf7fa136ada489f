"""The embedded store as a SPARQL 1.1 Protocol endpoint, served by Oxigraph's own server.

The `oxigraph` package (a registry dependency) ships the server binary that reads the same
on-disk format as pyoxigraph; `serve-read-only` opens the store folder without writing to it,
so YASGUI, Protégé, OpenRefine or a notebook with SPARQLWrapper can query it, and the canned
queries run against it with `--endpoint`. Queries see the union of the named graphs, as in
the embedded store.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
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

    def start(self) -> subprocess.Popen:
        if not self.writable and not (self.location / "CURRENT").is_file():
            raise CwkgError("no store here to serve (load documents with `cwkg ingest` first)", str(self.location))
        return subprocess.Popen(self.command(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
