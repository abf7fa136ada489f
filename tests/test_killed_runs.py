"""`kill -9` of a cwkg command leaves nothing behind (issue 30, "Data and bounds"): no process cwkg started
outlives it (the query child, the `--jobs` workers and their helper), and the half-written temporary of an
export or a site is gone once the next command writing into that folder has run. The commands are the real
`cwkg` in its own process, killed while they work."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cwkg.safewrite import PART
from support import ROOT
from test_bad_input import cwkg, loaded  # noqa: F401 - the fixture of a loaded store

SLOW_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _state(pid: int) -> str | None:
    """The process's state letter, None when it is gone (a zombie, 'Z', has ended: only its status is left)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def descendants(pid: int) -> set[int]:
    """Every running process below `pid` (children, their children ...), read from /proc."""
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                parent = int(Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if _state(child) not in (None, "Z"):
                found.add(child)
                todo.append(child)
    return found


def temporaries(folder: Path) -> list[str]:
    """The names of cwkg's write temporaries in `folder`."""
    return sorted(name for name in os.listdir(folder) if PART in name)


def start(*args: str, store: Path, stderr: int = subprocess.DEVNULL) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cwkg", "--store", str(store), *args], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=stderr)


def wait_for(ready: Callable[[], object], process: subprocess.Popen, seconds: float = 120) -> object:
    """What `ready` gives once it gives something, while `process` still runs; None when it ended first."""
    end = time.monotonic() + seconds
    while process.poll() is None and time.monotonic() < end:
        found = ready()
        if found:
            return found
        time.sleep(0.01)
    return None


def survivors_of_kill(process: subprocess.Popen, helpers: set[int]) -> set[int]:
    """Kill `process` outright and give those of `helpers` still running ten seconds later (the kernel ends them
    at once; the time is a loaded machine's allowance, not a measure). A survivor is then killed by the test."""
    process.send_signal(signal.SIGKILL)
    process.wait()
    for _ in range(100):
        alive = {pid for pid in helpers if _state(pid) not in (None, "Z")}
        if not alive:
            return set()
        time.sleep(0.1)
    for pid in alive:
        os.kill(pid, signal.SIGKILL)
    return alive


def test_a_killed_sparql_leaves_no_query_child_running(loaded):
    process = start("sparql", SLOW_QUERY, "--timeout", "300", store=loaded)
    children = wait_for(lambda: descendants(process.pid), process)
    assert children, "the query child never started"
    assert survivors_of_kill(process, children) == set()


def killed_ingest_with_jobs(tmp_path: Path) -> tuple[subprocess.Popen, set[int]]:
    """`cwkg ingest --jobs 2` of 2 MB of records, killed outright once a worker runs; the process and those of
    its helpers still running afterwards."""
    paths = []
    for n in (1, 2):  # 2 MB in all: the size from which ingest uses its workers
        record = tmp_path / f"record-{n}.txt"
        body = "\n\n".join(["Pyotr Ivanov said that Ruritania would sign the treaty in Strelsau. " * 30] * 600)
        record.write_text(f"Title: Conversation with Adam Nowak {n}\nDate: 11 October 1963\n\n{body}\n", encoding="utf-8")
        paths.append(str(record))
    process = start("ingest", "--jobs", "2", *paths, store=tmp_path / "store", stderr=subprocess.PIPE)
    workers = wait_for(lambda: {pid for pid in descendants(process.pid)
                                if b"multiprocessing.spawn" in Path(f"/proc/{pid}/cmdline").read_bytes()}, process)
    assert workers, "no worker started"
    return process, survivors_of_kill(process, descendants(process.pid) | workers)


def test_a_killed_ingest_with_jobs_leaves_no_worker_running(tmp_path):
    assert killed_ingest_with_jobs(tmp_path)[1] == set()


def test_a_killed_ingest_with_jobs_prints_nothing_after_it_has_gone(tmp_path):
    process, _ = killed_ingest_with_jobs(tmp_path)
    assert process.stderr.read() == b""  # read to its end: every process that could still write to it has ended


def killed_while_writing(args: tuple[str, ...], folder: Path, store: Path, attempts: int = 5) -> list[str]:
    """Start `cwkg ARGS`, kill it outright while its temporary exists in `folder`; the temporaries left. A small
    store writes fast, so a run that ended before it could be killed is started again."""
    for _ in range(attempts):
        process = start(*args, store=store)
        if wait_for(lambda: temporaries(folder), process):
            process.send_signal(signal.SIGKILL)
            process.wait()
            return temporaries(folder)
        process.wait()
    pytest.fail(f"cwkg {' '.join(args)} always ended before it could be killed")


def test_a_killed_export_leaves_a_temporary_the_next_export_removes(loaded, tmp_path):
    target = tmp_path / "out.nq"
    assert len(killed_while_writing(("export", "--format", "nquads", "-o", str(target)), tmp_path, loaded)) == 1
    assert cwkg("export", "--format", "nquads", "-o", str(target), store=loaded).returncode == 0
    assert sorted(os.listdir(tmp_path)) == ["out.nq"]


def test_a_killed_export_leaves_nothing_once_an_export_to_another_file_of_its_folder_has_run(loaded, tmp_path):
    killed_while_writing(("export", "--format", "nquads", "-o", str(tmp_path / "first.nq")), tmp_path, loaded)
    assert cwkg("export", "--format", "nquads", "-o", str(tmp_path / "second.nq"), store=loaded).returncode == 0
    assert sorted(os.listdir(tmp_path)) == ["second.nq"]


def test_a_killed_view_leaves_a_site_folder_the_next_view_removes(loaded, tmp_path):
    site = tmp_path / "site"
    assert len(killed_while_writing(("view", "-o", str(site), "--topics", "1"), tmp_path, loaded)) == 1
    result = cwkg("view", "-o", str(site), "--topics", "1", store=loaded, timeout=300)
    assert (result.returncode, sorted(os.listdir(tmp_path))) == (0, ["site"]), result.stderr
