"""The authority data: enough states, every common spelling, and only confirmed Wikidata ids."""

from __future__ import annotations

import csv

import pytest

from cwkg.lang.text import fold

from support import REFERENCE, need

ID = "https://w3id.org/cwkg/id/"


def _entities_named(authority, alias):
    return {a.iri for a in authority.aliases if fold(a.text) == fold(alias)}


def test_at_least_forty_states_including_historical_ones(authority):
    states = {e.iri for e in authority.entities.values() if e.kind == "state"}
    assert len(states) >= 40
    for slug in ("soviet-union", "czechoslovakia", "east-germany", "west-germany", "yugoslavia",
                 "north-korea", "south-korea", "china", "taiwan", "north-vietnam"):
        assert ID + "state/" + slug in states


@pytest.mark.parametrize(
    ("alias", "iri"),
    [
        ("DPRK", "state/north-korea"), ("Soviet", "state/soviet-union"), ("USSR", "state/soviet-union"),
        ("CPSU", "party/cpsu"), ("CPC", "party/ccp"), ("CCP", "party/ccp"), ("KWP", "party/wpk"),
        ("CPCZ", "party/kscs"), ("KSČ", "party/kscs"), ("Khrushchov", "person/nikita-khrushchev"),
        ("Mao Tse-tung", "person/mao-zedong"), ("Peking", "place/beijing"), ("Rumania", "state/romania"),
        ("RCP", "party/pcr"), ("lend-lease", "event/lend-lease"),
    ],
)
def test_common_spellings_abbreviations_and_adjectives_name_their_entity(authority, alias, iri):
    assert ID + iri in _entities_named(authority, alias)


def test_ruling_parties_of_the_socialist_states_are_present(authority):
    ruled = {s for states in authority.ruling.values() for s in states}
    for slug in ("soviet-union", "china", "czechoslovakia", "north-korea", "east-germany", "poland", "hungary",
                 "romania", "bulgaria", "albania", "yugoslavia", "mongolia", "north-vietnam", "cuba"):
        assert ID + "state/" + slug in ruled


def test_every_wikidata_id_is_confirmed_by_the_reference_file():
    import rdflib
    from rdflib.namespace import SKOS

    from cwkg import ontology

    rows = list(csv.DictReader(need(REFERENCE / "wikidata-ids.tsv").open(encoding="utf-8"), delimiter="\t"))
    confirmed = {r["id"] for r in rows}
    g = rdflib.Graph()
    for path in ontology.authority_files():
        g.parse(path)
    used = {str(o).rsplit("/", 1)[-1] for p in (SKOS.exactMatch, SKOS.closeMatch) for o in g.objects(None, p)}
    assert used - confirmed == set()
