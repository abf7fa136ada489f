"""Extraction components with contracts: what each reads, adds and revises, checked when a pipeline is built, and
true of what each does on the corpus."""

from __future__ import annotations

import copy
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest

from cwkg.extract import extract as pipeline
from cwkg.extract.components import PipelineError, check, component, without
from cwkg.lang.kinds import document_kind
from cwkg.loaders.source import SourceDocument

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "wilson"


def _noop(a) -> None:
    """Does nothing."""


def test_a_component_that_reads_a_layer_no_earlier_component_adds_is_refused():
    with pytest.raises(PipelineError, match="component 'b' reads words, which no component before it adds"):
        check([component("a", _noop, reads={"doc"}, adds={"lines"}), component("b", _noop, reads={"words"}, adds={"x"})], {"doc"})


def test_a_layer_added_twice_must_be_declared_revised():
    with pytest.raises(PipelineError, match="component 'b' adds lines, which is there already"):
        check([component("a", _noop, reads={"doc"}, adds={"lines"}), component("b", _noop, reads={"doc"}, adds={"lines"})], {"doc"})


def test_a_layer_revised_before_it_is_added_is_refused():
    with pytest.raises(PipelineError, match="component 'a' revises lines before any component adds it"):
        check([component("a", _noop, reads={"doc"}, adds=(), revises={"lines"})], {"doc"})


def test_an_unknown_component_name_lists_the_known_ones():
    parts = [component("a", _noop, reads={"doc"}, adds={"lines"}), component("b", _noop, reads={"lines"}, adds={"x"})]
    with pytest.raises(PipelineError, match="no component 'c'; the components are a, b"):
        without(parts, ["c"])


def test_a_required_component_cannot_be_left_out():
    parts = [component("a", _noop, reads={"doc"}, adds={"lines"}, required=True)]
    with pytest.raises(PipelineError, match="component 'a' cannot be left out"):
        without(parts, ["a"])


def test_the_extraction_pipeline_lists_its_components_in_order():
    assert [c.name for c in pipeline.COMPONENTS] == ["segmentation", "entities", "persons", "occasions", "posts", "authorship",
                                                     "meetings", "posts in context", "attribution", "participation"]


def _document(sentence: str) -> SourceDocument:
    title = "Memorandum of Conversation"
    body = f"{title}\n\nWashington, March 2, 1965.\n\n{sentence}"
    return SourceDocument(doc_id="c", source="test", format="test", title=title, body=body, date=date(1965, 3, 2),
                          kind=document_kind(title))


def test_leaving_out_attribution_leaves_no_positions():
    doc = _document("Ambassador Pyotr Ivanov said that Poland should join the talks.")
    assert len(pipeline.extract(doc).positions) == 1
    assert pipeline.extract(doc, skip=["attribution"]).positions == []


class _Same:
    """An object without value equality (a service such as the offices table), compared by identity."""

    def __init__(self, value) -> None:
        self.value = value

    def __eq__(self, other) -> bool:
        return isinstance(other, _Same) and other.value is self.value


def _layers(a) -> dict:
    """Each layer's value, copied, so that a change made in place shows."""
    values = {f.name: getattr(a, f.name) for f in fields(a) if f.name not in pipeline.BASE and not f.name.startswith("_")}
    return {k: _Same(v) if type(v).__eq__ is object.__eq__ else copy.deepcopy(v) for k, v in values.items()}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus beside the checkout")
def test_every_component_writes_only_the_layers_it_declares():
    from cwkg.loaders import plain_text

    wrote: dict[str, set[str]] = {c.name: set() for c in pipeline.COMPONENTS}
    for path in sorted(CORPUS.glob("*.txt")):
        doc = plain_text.load(path, path.read_text(encoding="utf-8"))
        authority = pipeline.default_authority()
        a = pipeline.Annotated(doc, authority, True, pipeline._gazetteer(authority), year=doc.date.year if doc.date else None)
        for c in pipeline.COMPONENTS:
            before = _layers(a)
            c.run(a)
            after = _layers(a)
            wrote[c.name] |= {k for k in before if before[k] != after[k]}
    assert {name: sorted(w - c.writes) for c in pipeline.COMPONENTS for name, w in [(c.name, wrote[c.name])]} == {
        c.name: [] for c in pipeline.COMPONENTS}
