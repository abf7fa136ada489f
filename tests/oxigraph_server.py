"""A real `oxigraph serve` on 127.0.0.1 for the remote-store tests: a free port, its own folder, stopped afterwards."""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from cwkg.graph.serve import Server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop_process(process: subprocess.Popen | None, timeout: float) -> None:
    """Terminate a server the tests started, killing it if it does not stop within `timeout` seconds."""
    if process is None:
        return
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stderr:
        process.stderr.close()


class RunningServer:
    def __init__(self, location: Path, writable: bool = True, port: int | None = None, timeout_s: int | None = None) -> None:
        self.server = Server(location, "127.0.0.1", port or free_port(), writable, timeout_s)
        self.process: subprocess.Popen | None = None

    @property
    def query_url(self) -> str:
        return self.server.query_url

    def start(self) -> "RunningServer":
        self.process = self.server.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph stopped: {self.process.stderr.read().decode(errors='replace')}")
            try:
                urllib.request.urlopen(self.server.base + "/", timeout=1).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("oxigraph did not start within 20 s")

    def stop(self) -> None:
        stop_process(self.process, timeout=10)
        self.process = None
