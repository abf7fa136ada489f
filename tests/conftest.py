"""Shared fixtures: the founding memorandum's facts and fresh stores."""

from __future__ import annotations

import pytest

from support import EXAMPLE


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
