"""A real Virtuoso (Debian's virtuoso-opensource-7-bin, installed by .ci/run when it can be) on 127.0.0.1,
in its own folder with free ports: the second store the push and remote-query tests run against."""

from __future__ import annotations

import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

from oxigraph_server import free_port, stop_process

INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
NumberOfBuffers = 20000
MaxDirtyBuffers = 12000
DirsAllowed = ., {d}
CheckpointInterval = 60

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 5
ServerThreads = 5

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""


def available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


class RunningVirtuoso:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sql, self.http = free_port(), free_port()
        self.process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http}"

    @property
    def query_url(self) -> str:
        return self.base + "/sparql"

    @property
    def gsp_url(self) -> str:
        return self.base + "/sparql-graph-crud"

    def start(self) -> "RunningVirtuoso":
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = self.folder / "virtuoso.ini"
        ini.write_text(INI.format(d=self.folder, sql=self.sql, http=self.http), encoding="utf-8")
        self.process = subprocess.Popen(["virtuoso-t", "-c", str(ini), "+foreground"], cwd=self.folder,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso stopped: {(self.folder / 'virtuoso.log').read_text(errors='replace')[-500:]}")
            try:
                urllib.request.urlopen(self.query_url + "?query=ASK%7B%7D", timeout=2).close()
                break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("virtuoso did not start within 60 s")
        # The anonymous SPARQL user may write (its default is read-only), as a store set up for cwkg would allow.
        subprocess.run(["isql-vt", str(self.sql), "dba", "dba", 'exec=grant SPARQL_UPDATE to "SPARQL";'],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
        return self

    def stop(self) -> None:
        stop_process(self.process, timeout=30)
        self.process = None
