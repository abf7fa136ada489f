"""Evidence targets are RFC 5147 character ranges of the document's IRI; one function reads them back."""

import pytest

from pyoxigraph import NamedNode

from cwkg.graph.textfragment import CharRange, char_range, char_target

STRELSAU = NamedNode("https://w3id.org/cwkg/id/document/strelsau-1962")


def test_a_target_is_the_document_iri_with_a_char_fragment():
    assert char_target(STRELSAU, 120, 164) == NamedNode("https://w3id.org/cwkg/id/document/strelsau-1962#char=120,164")


def test_a_target_reads_back_as_its_document_and_offsets():
    assert char_range(char_target(STRELSAU, 120, 164).value) == CharRange(STRELSAU.value, 120, 164)


def test_an_empty_range_at_the_start_reads_back():
    assert char_range(STRELSAU.value + "#char=0,0") == CharRange(STRELSAU.value, 0, 0)


@pytest.mark.parametrize("iri", [STRELSAU.value, STRELSAU.value + "#target", STRELSAU.value + "#char=12",
                                 STRELSAU.value + "#char=20,10", STRELSAU.value + "#line=1,2",
                                 STRELSAU.value + "#quote#char=1,2"])
def test_an_iri_that_is_no_character_range_reads_as_none(iri):
    assert char_range(iri) is None


def test_a_range_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError):
        char_target(STRELSAU, 9, 3)
