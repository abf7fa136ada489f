"""No process of cwkg outlives it: the query child and the extraction workers die with the process that started them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")  # a zombie has finished: only its exit status is left to collect


def _gone_after_killing(parent: subprocess.Popen, child: int) -> bool:
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    for _ in range(100):  # the kernel signals the child at once; allow a loaded machine ten seconds
        if not _alive(child):
            return True
        time.sleep(0.1)
    os.kill(child, signal.SIGKILL)  # leave nothing behind a failed test
    return False


def _start(script: str, pid_file: Path) -> subprocess.Popen:
    parent = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), str(pid_file)])
    for _ in range(600):
        if pid_file.exists() and pid_file.read_text().strip():
            return parent
        time.sleep(0.1)
    parent.kill()
    raise AssertionError("the child never started")


def test_the_query_child_dies_when_cwkg_is_killed(tmp_path):
    pid_file = tmp_path / "child.pid"
    parent = _start("""
        import os, sys, time
        from cwkg.bounded import bounded
        def work():
            open(sys.argv[1], "w").write(str(os.getpid()))
            time.sleep(120)
            return 0
        bounded(work, timeout=300)
    """, pid_file)
    child = int(pid_file.read_text())
    assert (_alive(child), _gone_after_killing(parent, child)) == (True, True)


def test_extraction_workers_die_when_cwkg_is_killed(tmp_path):
    pid_file = tmp_path / "worker.pid"
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (3 * 1024 * 1024))
    parent = _start(f"""
        import os, sys, time
        from pathlib import Path
        from cwkg.pipeline import worker_pool
        with worker_pool(2, [Path({str(big)!r})]) as pool:
            pid = pool.executor.submit(os.getpid).result()
            open(sys.argv[1], "w").write(str(pid))
            time.sleep(120)
    """, pid_file)
    worker = int(pid_file.read_text())
    assert (_alive(worker), _gone_after_killing(parent, worker)) == (True, True)
