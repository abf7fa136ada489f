"""A document's graph gives each piece of evidence as one target, the document's IRI with an RFC 5147 character
range, names the document once per node, and keeps the quote on positions (not on mentions)."""

import pytest

from cwkg.extract.extract import extract
from cwkg.graph.mapping import document_triples
from cwkg.ontology.vocab import CW, OA, PROV, RDF
from cwkg.graph.textfragment import char_range
from cwkg.loaders import load_document

MEMO = """MEMORANDUM OF CONVERSATION

Date: 14 June 1965
Place: Warsaw, Embassy of the USSR
Participants: Adam Nowak, Ambassador of Poland to the USSR; Pyotr Ivanov, Counsellor of the Embassy of the USSR
Subject: Germany

Counsellor Ivanov said that the Soviet Union would not accept the arming of West Germany.
"""


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("memo") / "memo.txt"
    path.write_text(MEMO, encoding="utf-8")
    return document_triples(extract(load_document(path)))


def _of(triples, kind):
    nodes = {t.subject for t in triples if t.predicate == RDF.type and t.object == kind}
    return {n: [t for t in triples if t.subject == n] for n in nodes}


def test_a_positions_target_is_a_character_range_of_its_document_that_reads_as_its_quote(graph):
    text = next(t.object.value for t in graph if t.predicate == CW.text)
    document = next(t.subject.value for t in graph if t.predicate == CW.text)
    found = []
    for node, said in _of(graph, CW.Position).items():
        (target,) = [t.object.value for t in said if t.predicate == OA.hasTarget]
        (quote,) = [t.object.value for t in said if t.predicate == CW.quote]
        at = char_range(target)
        found.append((at.document, text[at.start:at.end], quote))
    words = "the Soviet Union would not accept the arming of West Germany."
    assert [(d, w) for d, w, _ in found] == [(document, words)] and found[0][1] == found[0][2]


def test_a_position_names_its_document_once(graph):
    (said,) = _of(graph, CW.Position).values()
    assert [t.predicate for t in said if t.predicate in (CW.inDocument, PROV.wasDerivedFrom, OA.hasSource)] == [CW.inDocument]


def test_a_mention_has_a_target_and_no_quote(graph):
    mentions = _of(graph, CW.Mention).values()
    assert {(sum(t.predicate == OA.hasTarget for t in m), sum(t.predicate == CW.quote for t in m)) for m in mentions} == {(1, 0)}


def test_no_node_has_web_annotation_selectors(graph):
    assert [t for t in graph if t.predicate in (OA.hasSelector, OA.hasSource, OA.exact, OA.start)] == []
