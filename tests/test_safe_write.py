"""Every file or folder a command writes goes through `cwkg.safewrite`: only a missing path or a regular file (a
folder, for a site) is replaced, never a device, pipe, socket or symbolic link; the content goes to an
unpredictable name created exclusively beside the target and is renamed over it; what a killed run left there is
removed by the next write."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cwkg.errors import CwkgError
from cwkg.safewrite import PART, sweep, write_bytes
from support import EXAMPLE
from test_bad_input import cwkg, one_line_error

FIFO_REFUSED = "is not a regular file (a device, pipe or socket); give a file path"
LINK_REFUSED = "is a symbolic link, which cwkg does not write through; give the path of the file itself"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("safewrite") / "store"
    assert cwkg("ingest", str(EXAMPLE), store=path).returncode == 0
    return path


def dead_pid() -> int:
    """The id of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_an_export_over_a_fifo_is_refused_naming_it(store, tmp_path):
    fifo = tmp_path / "out.ttl"
    os.mkfifo(fifo)
    result = cwkg("export", "--documents-only", "-o", str(fifo), store=store, timeout=60)
    assert one_line_error(result, 1) == f"error: {fifo}: {FIFO_REFUSED}"
    assert fifo.is_fifo() and os.listdir(tmp_path) == ["out.ttl"]


def test_a_view_page_over_a_fifo_is_refused_naming_it(store, tmp_path):
    fifo = tmp_path / "network.html"
    os.mkfifo(fifo)
    result = cwkg("view", "network", "-o", str(fifo), store=store, timeout=120)
    assert one_line_error(result, 1) == f"error: {fifo}: {FIFO_REFUSED}"
    assert fifo.is_fifo()


@pytest.mark.parametrize("command", [("export", "--documents-only", "-o"), ("view", "network", "-o")])
def test_a_symlink_target_is_refused_and_the_file_it_points_to_is_unchanged(store, tmp_path, command):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out"
    link.symlink_to(victim)
    result = cwkg(*command, str(link), store=store, timeout=120)
    assert one_line_error(result, 1) == f"error: {link}: {LINK_REFUSED}"
    assert (victim.read_text(encoding="utf-8"), link.is_symlink()) == ("keep me", True)


def test_a_site_folder_that_is_a_symlink_is_refused(store, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "site"
    link.symlink_to(tmp_path / "elsewhere")
    result = cwkg("view", "-o", str(link), store=store, timeout=120)
    assert one_line_error(result, 1) == f"error: {link}: {LINK_REFUSED}"
    assert os.listdir(tmp_path / "elsewhere") == []


def test_a_symlink_planted_at_the_old_predictable_part_name_is_not_followed(store, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "out.nq.part").symlink_to(victim)
    result = cwkg("export", "--format", "nquads", "--documents-only", "-o", str(tmp_path / "out.nq"), store=store, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert "<https://w3id.org/cwkg/id/document/" in (tmp_path / "out.nq").read_text(encoding="utf-8")
    assert sorted(os.listdir(tmp_path)) == ["out.nq", "out.nq.part", "victim.txt"]


def test_a_leftover_of_a_killed_write_is_removed_by_the_next_write(tmp_path):
    target = tmp_path / "out.ttl"
    leftover = tmp_path / f".out.ttl{PART}{dead_pid()}-0123456789abcdef"
    leftover.write_bytes(b"half an export")
    assert write_bytes(target, b"whole") == 5
    assert (sorted(os.listdir(tmp_path)), target.read_bytes()) == (["out.ttl"], b"whole")


def test_a_leftover_of_a_killed_write_of_another_file_in_the_folder_is_removed_too(tmp_path):
    leftover = tmp_path / f".earlier.nq{PART}{dead_pid()}-0123456789abcdef"
    leftover.write_bytes(b"half an earlier export")
    write_bytes(tmp_path / "out.ttl", b"whole")
    assert sorted(os.listdir(tmp_path)) == ["out.ttl"]


def test_a_temporary_this_process_is_writing_for_another_file_is_left_alone(tmp_path):
    mine = tmp_path / f".other.ttl{PART}{os.getpid()}-0123456789abcdef"
    mine.write_bytes(b"being written by this process")
    write_bytes(tmp_path / "out.ttl", b"whole")
    assert sorted(os.listdir(tmp_path)) == [mine.name, "out.ttl"]


def test_a_temporary_of_a_write_still_running_is_left_alone(tmp_path):
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        busy = tmp_path / f".out.ttl{PART}{running.pid}-0123456789abcdef"
        busy.write_bytes(b"being written")
        assert (sweep(tmp_path / "out.ttl"), busy.exists()) == ([], True)
    finally:
        running.kill()
        running.wait()


def test_a_leftover_site_folder_of_a_killed_view_is_removed_by_the_next_view(store, tmp_path):
    leftover = tmp_path / f".site{PART}{dead_pid()}-0123456789abcdef"
    (leftover / "documents").mkdir(parents=True)
    (leftover / "documents" / "half.html").write_text("<html>", encoding="utf-8")
    result = cwkg("view", "-o", str(tmp_path / "site"), "--topics", "1", store=store, timeout=300)
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(tmp_path)) == ["site"] and (tmp_path / "site" / "index.html").is_file()


def test_a_write_replaces_a_regular_file_whole_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out.ttl"
    target.write_bytes(b"old content, longer than the new")
    write_bytes(target, b"new")
    assert (sorted(os.listdir(tmp_path)), target.read_bytes()) == (["out.ttl"], b"new")


def test_a_write_into_a_missing_folder_is_refused_naming_the_target(tmp_path):
    with pytest.raises(CwkgError, match=f"^{tmp_path / 'missing' / 'out.ttl'}: its folder does not exist$"):
        write_bytes(tmp_path / "missing" / "out.ttl", b"x")


def device(path) -> bool:
    """A character device at `path` like /dev/null (1, 3); False where this user may not make one."""
    import stat

    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        return False
    return True


DEVICE_REFUSED = FIFO_REFUSED


@pytest.mark.parametrize("command", [("view", "network", "-o"), ("export", "--documents-only", "-o")])
def test_a_page_or_export_over_a_device_node_is_refused_and_the_device_stays(store, tmp_path, command):
    target = tmp_path / "out.html"
    if not device(target):
        pytest.skip("this user cannot make a device node")
    result = cwkg(*command, str(target), store=store, timeout=120)
    assert one_line_error(result, 1) == f"error: {target}: {DEVICE_REFUSED}"
    assert target.is_char_device() and os.listdir(tmp_path) == ["out.html"]


def test_a_replaced_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "review.csv"
    target.write_bytes(b"private")
    target.chmod(0o600)
    write_bytes(target, b"still private")
    assert (oct(target.stat().st_mode & 0o777), target.read_bytes()) == ("0o600", b"still private")
