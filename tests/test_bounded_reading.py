"""What cwkg reads is bounded before it is read (issue 30, "Data and bounds"): a remote answer is read in pieces and
refused at `--max-answer-mb` (default 256) with one line naming the endpoint, a malformed answer is one line and
not a Python exception, and a gold file, a curator's review file or a query file that is a device, a FIFO or over
its size limit is refused at once. The misbehaving endpoint is a tiny HTTP server on 127.0.0.1
(tests/misbehaving_endpoint.py): it stands for a broken or hostile server, not for a triple store."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from misbehaving_endpoint import MisbehavingEndpoint
from support import EXAMPLE, ROOT
from test_bad_input import cwkg, digest, loaded, one_line_error, store  # noqa: F401 - the fixtures of a loaded store

TOO_LARGE = "the answer is larger than {} MB (--max-answer-mb); narrow the query, or give a larger --max-answer-mb"
NOT_JSON = "the endpoint's answer is not SPARQL JSON results"
BAD_IRI = "the endpoint's answer is malformed: solution 1, ?item is not a valid IRI ('not an iri')"
NO_VALUE = "the endpoint's answer is malformed: solution 1, ?item is not an RDF term (type and value)"
LINK_PURPOSE = r"person names \(\d+\)"  # the first question `link` asks: how many names follows the authority data


@pytest.fixture(scope="module")
def endpoint():
    with MisbehavingEndpoint() as server:
        yield server


def measured(*args: str, store: Path, timeout: float = 120) -> tuple[subprocess.CompletedProcess, int]:
    """Run cwkg and give its result and its peak resident memory in MB (the kernel's count for that process)."""
    cmd = [sys.executable, "-m", "cwkg", "--store", str(store), *args]
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    streams: dict[str, str] = {}
    readers = [threading.Thread(target=lambda n=n: streams.__setitem__(n, getattr(process, n).read())) for n in ("stdout", "stderr")]
    for reader in readers:
        reader.start()
    watchdog = threading.Timer(timeout, process.kill)
    watchdog.start()
    try:
        _, status, usage = os.wait4(process.pid, 0)
    finally:
        watchdog.cancel()
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return subprocess.CompletedProcess(cmd, process.returncode, streams["stdout"], streams["stderr"]), usage.ru_maxrss // 1024


# --- remote answers ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("command", [("sparql", "SELECT * WHERE { ?s ?p ?o }"), ("query", "documents"), ("push",)])
def test_an_endless_answer_stops_at_the_cap_with_one_line_naming_the_endpoint(store, endpoint, command):
    url = endpoint.url("endless")
    result = cwkg(*command, "--endpoint", url, "--max-answer-mb", "2", store=store, timeout=60)
    assert one_line_error(result, 1) == f"error: {url}: {TOO_LARGE.format(2)}"


def test_an_endless_answer_to_link_stops_at_the_cap_and_changes_nothing(store, endpoint, tmp_path):
    url, before = endpoint.url("endless"), digest(store)
    result = cwkg("link", "--endpoint", url, "--max-answer-mb", "2", "--cache", str(tmp_path / "cache"),
                  "--review", str(tmp_path / "review.csv"), store=store, timeout=60)
    assert re.fullmatch(f"error: {re.escape(url)}: {LINK_PURPOSE}: {re.escape(TOO_LARGE.format(2))}", one_line_error(result, 1))
    assert digest(store) == before and not (tmp_path / "review.csv").exists()


def test_an_endless_answer_is_held_only_up_to_the_cap_default_256_mb(store, endpoint):
    small, small_peak = measured("sparql", "ASK {}", "--endpoint", endpoint.url("bad-iri"), store=store)
    capped, capped_peak = measured("sparql", "ASK {}", "--endpoint", endpoint.url("endless"), "--max-answer-mb", "16", store=store)
    default, default_peak = measured("sparql", "ASK {}", "--endpoint", endpoint.url("endless"), store=store)
    assert (small.returncode, capped.returncode, default.returncode) == (1, 1, 1)
    assert capped.stderr == f"error: {endpoint.url('endless')}: {TOO_LARGE.format(16)}\n"
    assert default.stderr == f"error: {endpoint.url('endless')}: {TOO_LARGE.format(256)}\n"
    assert capped_peak < small_peak + 16 + 32, (small_peak, capped_peak)
    assert default_peak < small_peak + 256 + 32, (small_peak, default_peak)


@pytest.mark.parametrize(("kind", "line"), [("garbage", NOT_JSON), ("bad-iri", BAD_IRI), ("no-value", NO_VALUE)])
@pytest.mark.parametrize("command", [("sparql", "SELECT * WHERE { ?s ?p ?o }"), ("push",)])
def test_a_malformed_answer_is_one_line_naming_the_endpoint_not_an_exception(store, endpoint, command, kind, line):
    url = endpoint.url(kind)
    assert one_line_error(cwkg(*command, "--endpoint", url, store=store, timeout=60), 1) == f"error: {url}: {line}"


@pytest.mark.parametrize(("kind", "line"), [("garbage", NOT_JSON), ("bad-iri", BAD_IRI), ("no-value", NO_VALUE)])
def test_a_malformed_answer_to_link_is_one_line_and_changes_nothing(store, endpoint, tmp_path, kind, line):
    url, before = endpoint.url(kind), digest(store)
    result = cwkg("link", "--endpoint", url, "--cache", str(tmp_path / "cache"), "--review", str(tmp_path / "review.csv"),
                  store=store, timeout=60)
    assert re.fullmatch(f"error: {re.escape(url)}: {LINK_PURPOSE}: {re.escape(line)}", one_line_error(result, 1))
    assert digest(store) == before


def test_an_answer_with_an_unexpected_content_type_prints_no_sparqlwrapper_warning(store, endpoint, tmp_path):
    result = cwkg("link", "--endpoint", endpoint.url("plain-type"), "--no-enrich", "--cache", str(tmp_path / "cache"),
                  "--review", str(tmp_path / "review.csv"), store=store, timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Warning" not in result.stderr, result.stderr


# --- files a user names ------------------------------------------------------------------------------------------

def _fifo(tmp_path: Path, name: str) -> str:
    os.mkfifo(tmp_path / name)
    return str(tmp_path / name)


def _sparse(tmp_path: Path, name: str, mb: int) -> str:
    with (tmp_path / name).open("wb") as fh:
        fh.truncate(mb * 1024 * 1024)
    return str(tmp_path / name)


@pytest.mark.parametrize(("make", "problem"), [
    (lambda tmp: "/dev/zero", "not a regular file (a device, pipe or socket): give a gold file"),
    (lambda tmp: _fifo(tmp, "pipe.gold.yaml"), "not a regular file (a device, pipe or socket): give a gold file"),
    (lambda tmp: _sparse(tmp, "huge.gold.yaml", 6), "is larger than 5 MB, more than a gold file holds"),
])
def test_a_gold_file_that_is_a_device_a_fifo_or_too_large_is_refused_at_once(tmp_path, make, problem):
    path = make(tmp_path)
    assert one_line_error(cwkg("eval", path, "--format", "json", timeout=30), 1) == f"error: {path}: {problem}"


@pytest.mark.parametrize(("make", "problem"), [
    (lambda tmp: "/dev/zero", "not a regular file (a device, pipe or socket): give a review file"),
    (lambda tmp: _fifo(tmp, "pipe.csv"), "not a regular file (a device, pipe or socket): give a review file"),
    (lambda tmp: _sparse(tmp, "huge.csv", 101), "is larger than 100 MB, more than a review file holds"),
])
def test_an_accept_file_that_is_a_device_a_fifo_or_too_large_is_refused_and_nothing_changes(store, tmp_path, make, problem):
    path, before = make(tmp_path), digest(store)
    result = cwkg("link", "--accept", path, "--offline", "--cache", str(tmp_path / "cache"), store=store, timeout=30)
    assert one_line_error(result, 1) == f"error: {path}: {problem}"
    assert digest(store) == before


def test_a_query_file_over_one_mb_is_refused_by_its_size(store, tmp_path):
    path = _sparse(tmp_path, "huge.rq", 2)
    assert one_line_error(cwkg("sparql", path, store=store), 1) == f"error: {path}: is larger than 1 MB, more than a query file holds"


def test_a_gold_file_nested_thousands_deep_is_one_line_not_a_recursion_error(tmp_path):
    gold = tmp_path / "deep.gold.yaml"
    gold.write_text("document:\n  file: x.txt\nnotes: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert one_line_error(cwkg("eval", str(gold), "--format", "json"), 1) == (
        f"error: {gold}: cannot read gold file (its YAML is nested too deeply; a gold file is a few levels deep)")


def test_a_gold_file_that_is_a_symlink_loop_is_one_line(tmp_path):
    loop = tmp_path / "loop.gold.yaml"
    loop.symlink_to(loop)
    assert one_line_error(cwkg("eval", str(loop), "--format", "json"), 1) == (
        f"error: {loop}: is a loop of symbolic links, not a file")
