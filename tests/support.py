"""Paths shared by the tests: the project's example and fixtures, and ../shared if present."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "000_adaeb2830212c886.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = Path(os.environ.get("CWKG_SHARED", ROOT.parent / "shared"))
CORPUS = Path(os.environ.get("CWKG_CORPUS", SHARED / "corpus"))
GOLD = SHARED / "gold"
REFERENCE = SHARED / "reference"


def need(path: Path) -> Path:
    """Skip a corpus-backed test when ../shared is not beside the checkout."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is absent: CI runs with ../shared beside the checkout")
        pytest.skip(f"{path} is absent: corpus-backed tests need ../shared beside the checkout (or CWKG_SHARED)")
    return path


def chromium_path() -> str:
    """Debian's chromium (or CWKG_CHROMIUM), which the browser tests drive through playwright: no browser download."""
    found = os.environ.get("CWKG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/run installs Debian's chromium for these tests")
        pytest.skip("the browser tests open pages in Debian's chromium (apt-get install chromium)")
    return found


def in_the_foreground() -> None:
    """For `preexec_fn`: the command starts with Ctrl-C (SIGINT) handled as a shell's foreground command has it. A
    test run started as a background job has SIGINT ignored, and a child inherits that, so it would never hear it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def cut_off_by_a_full_disk(texts):
    """The texts a write is given, then part of a statement, then the error of a full disk: what a spool write meets
    when the disk fills halfway through it."""
    yield from texts
    yield "<urn:s> <urn:p> <urn:"
    raise OSError(28, "No space left on device")
