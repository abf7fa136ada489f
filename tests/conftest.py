"""Shared fixtures: the founding memorandum's facts and fresh stores."""

from __future__ import annotations

import pytest

from support import EXAMPLE, chromium_path


@pytest.fixture
def store(tmp_path):
    from cwkg.graph.store import GraphStore

    s = GraphStore(tmp_path / "store")
    s.ensure_static()
    return s


@pytest.fixture(scope="session")
def founding_facts():
    from cwkg.loaders import load_document
    from cwkg.extract.extract import extract

    return extract(load_document(EXAMPLE))


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory):
    """A store holding the founding memorandum, shared by read-only tests."""
    from cwkg.graph.store import GraphStore
    from cwkg.pipeline import ingest

    s = GraphStore(tmp_path_factory.mktemp("loaded") / "store")
    results = list(ingest(s, [EXAMPLE]))
    assert all(r.ok for r in results), results
    return s


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium, driven headless by playwright (no browser download); skips without it."""
    from playwright.sync_api import sync_playwright  # a test dependency (pip install ".[test]")

    path = chromium_path()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


@pytest.fixture(scope="session")
def authority():
    """The shipped authority data, read once."""
    from cwkg.extract.authority import default_authority

    return default_authority()


@pytest.fixture(scope="session")
def gazetteer(authority):
    from cwkg.extract.mentions import Gazetteer

    return Gazetteer(authority)
