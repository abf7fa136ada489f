"""Every command ends with the exit code docs/commands.md documents and at most one line on standard error (issue 30,
"Exit codes and messages"): 0 done, 1 failed, 2 a usage error, 130 interrupted (Ctrl-C says "interrupted"), 141
a closed pipe (quietly); an image or an archive in a folder is skipped and counted like other formats cwkg does
not read (a PDF or Word file is read: tests/test_pdf_and_word.py); no bare exception name (RuntimeError: Symlink loop ...) and no backtrace of Oxigraph's server reaches
the user."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import EXAMPLE, ROOT, in_the_foreground
from test_bad_input import cwkg, digest, loaded, one_line_error  # noqa: F401 - the fixture of a loaded store

ZIP = b"PK\x05\x06" + b"\x00" * 18  # an empty ZIP archive: no Word file
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.fixture()
def folder(tmp_path) -> Path:
    """The founding memorandum with an archive and a photograph beside it."""
    records = tmp_path / "records"
    records.mkdir()
    (records / EXAMPLE.name).write_bytes(EXAMPLE.read_bytes())
    (records / "box.zip").write_bytes(ZIP)
    (records / "photo.png").write_bytes(PNG)
    return records


def test_an_archive_and_an_image_in_a_folder_are_skipped_and_counted(folder, tmp_path):
    store = tmp_path / "store"
    result = cwkg("ingest", str(folder), store=store)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"1 files loaded \(1 documents, 1 meetings, \d+ positions\), 0 failed, 2 skipped \(--verbose names "
                        rf"them\); store {re.escape(str(store))} holds \d+ triples\n", result.stderr), result.stderr


def test_verbose_names_each_skipped_archive_and_image(folder, tmp_path):
    result = cwkg("ingest", "--verbose", str(folder), store=tmp_path / "store")
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped:")]
    assert (result.returncode, skipped) == (0, [
        f"skipped: {folder / 'box.zip'}: not text (an image or another binary file cwkg does not read)",
        f"skipped: {folder / 'photo.png'}: not text (an image or another binary file cwkg does not read)"])


def test_an_image_named_on_the_command_line_is_still_an_error(folder, tmp_path):
    result = cwkg("ingest", str(folder / "photo.png"), store=tmp_path / "store")
    assert one_line_error(result, 1) == f"error: {folder / 'photo.png'}: not UTF-8 text (byte 0)"


def test_export_into_a_closed_pipe_exits_141_and_says_nothing(loaded):
    result = subprocess.run(f"{sys.executable} -m cwkg --store {loaded} export | head -1 > /dev/null; exit ${{PIPESTATUS[0]}}",
                            shell=True, executable="/bin/bash", capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stderr) == (141, "")


def test_a_query_into_a_closed_pipe_exits_141_and_says_nothing(loaded):
    result = subprocess.run(f"{sys.executable} -m cwkg --store {loaded} sparql 'SELECT * WHERE {{ ?s ?p ?o }}' --format tsv "
                            "| head -1 > /dev/null; exit ${PIPESTATUS[0]}",
                            shell=True, executable="/bin/bash", capture_output=True, text=True, cwd=ROOT)
    assert (result.returncode, result.stderr) == (141, "")


def test_ctrl_c_during_a_query_says_interrupted_and_exits_130(loaded):
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    process = subprocess.Popen([sys.executable, "-m", "cwkg", "--store", str(loaded), "sparql", query, "--timeout", "60"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=in_the_foreground)
    time.sleep(3)  # the query runs in its child by now
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert (process.returncode, out, err) == (130, "", "interrupted\n")


def test_a_query_written_to_a_full_disk_is_one_line(loaded):
    if not Path("/dev/full").exists():
        pytest.skip("this system has no /dev/full device to fill (Linux has one; CI runs on Linux)")
    result = subprocess.run(f"{sys.executable} -m cwkg --store {loaded} sparql 'SELECT * WHERE {{ ?s ?p ?o }}' > /dev/full",
                            shell=True, capture_output=True, text=True, cwd=ROOT)
    assert one_line_error(result, 1) == "error: no space left on the device written to; free some space and run the command again"


@pytest.mark.parametrize(("args", "line"), [
    (("stats", "--no-such-option"), "error: No such option: --no-such-option; see `cwkg stats --help`"),
    (("no-such-command",), "error: No such command 'no-such-command'; see `cwkg --help`"),
    (("ingest",), "error: Missing argument 'PATH'; see `cwkg ingest --help`"),
    (("query", "documents", "--format", "xml"), "error: Invalid value for --format: 'xml' (use table, csv, tsv, json); "
                                                "see `cwkg query --help`"),
])
def test_a_usage_error_is_one_line_and_exit_2(tmp_path, args, line):
    assert one_line_error(cwkg(*args, store=tmp_path / "store"), 2) == line


def test_a_symlink_loop_named_to_ingest_is_one_line_and_changes_nothing(loaded, tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    before = digest(loaded)
    result = cwkg("ingest", str(loop), store=loaded)
    assert one_line_error(result, 1) == f"error: {loop}: cannot read file (Too many levels of symbolic links)"
    assert digest(loaded) == before


def test_serve_on_a_port_in_use_says_address_in_use(loaded):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cwkg("serve", "--port", str(port), store=loaded, timeout=60)
    assert one_line_error(result, 1) == (f"error: address in use: 127.0.0.1:{port} is taken by another program; "
                                         "give another --port")


def test_no_unforeseen_failure_is_shown_as_a_bare_exception_name():
    from cwkg.boundary import unforeseen

    lines = [unforeseen(RuntimeError("Symlink loop from '/data/a'")), unforeseen(KeyError("value")),
             unforeseen(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")),
             unforeseen(RecursionError("maximum recursion depth exceeded")), unforeseen(OSError(28, "No space left on device"))]
    assert lines == ["/data/a: is a loop of symbolic links, not a file",
                     "an input lacks the entry 'value' that cwkg expected there (CWKG_DEBUG=1 shows where)",
                     "an input is not UTF-8 text (byte 0 cannot be read as UTF-8); save it as UTF-8",
                     "an input is nested too deeply to read; flatten it",
                     "no space left on the device written to; free some space and run the command again"]


def test_an_unforeseen_failure_in_the_query_child_is_a_sentence_not_an_exception_name():
    script = ("import sys; from cwkg.bounded import bounded\n"
              "def work():\n    raise KeyError('value')\n"
              "sys.exit(bounded(work, timeout=60))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (result.returncode, result.stderr) == (
        1, "error: an input lacks the entry 'value' that cwkg expected there (CWKG_DEBUG=1 shows where)\n")


@pytest.mark.parametrize("port", ["0", "-5", "65536"])
def test_a_port_out_of_range_is_a_usage_error_in_one_line(tmp_path, port):
    assert one_line_error(cwkg("serve", "--port", port, store=tmp_path / "store"), 2) == (
        f"error: Invalid value for '--port' / '-p': {port} is not in the range 1<=x<=65535; see `cwkg serve --help`")


def test_serve_on_the_last_port_says_the_site_has_no_port_left(loaded):
    assert one_line_error(cwkg("serve", "--port", "65535", store=loaded, timeout=60), 1) == (
        "error: the site's port 65536 is past the last port, 65535; give --site-port, a lower --port or --no-site")


def test_eval_with_neither_gold_files_nor_a_volume_is_a_usage_error(tmp_path):
    assert one_line_error(cwkg("eval", store=tmp_path / "store"), 2) == (
        "error: Missing argument 'GOLD_FILE...' or option '--frus'; see `cwkg eval --help`")


@pytest.mark.parametrize(("args", "line"), [
    (("sparql", "SELECT * WHERE { ?s ?p ?o }", "--limit", "-1"),
     "error: Invalid value for '--limit': -1 is not in the range x>=0; see `cwkg sparql --help`"),
    (("sparql", "SELECT * WHERE { ?s ?p ?o }", "--timeout", "-1"),
     "error: Invalid value for '--timeout': -1.0 is not in the range x>=0; see `cwkg sparql --help`"),
    (("query", "documents", "--timeout", "-0.5"),
     "error: Invalid value for '--timeout': -0.5 is not in the range x>=0; see `cwkg query --help`"),
    (("view", "--topics", "-3"), "error: Invalid value for '--topics': -3 is not in the range x>=0; see `cwkg view --help`"),
    (("ingest", "--jobs", "0", "examples"), "error: Invalid value for '--jobs' / '-j': 0 is not in the range x>=1; "
                                            "see `cwkg ingest --help`"),
])
def test_a_number_option_out_of_its_range_is_a_usage_error_in_one_line(loaded, args, line):
    assert one_line_error(cwkg(*args, store=loaded), 2) == line
