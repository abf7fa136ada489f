"""Canned queries: headers, parameter binding as RDF terms, and the answers."""

from __future__ import annotations

import pytest

from cwkg.errors import QueryError
from cwkg.queries.catalog import load_catalog
from cwkg.queries.runner import parse_year_range, run
from support import EXAMPLE

DOC = "https://w3id.org/cwkg/id/document/"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


def ask(store, catalog, name, **params):
    return run(store, catalog[name], {k: str(v) for k, v in params.items()})


def answer(result):
    return sorted((r["ambassador"].value, r["state"].value, r["meeting_kind"].value, r["date"].value, r["place"].value)
                  for r in result.rows)


ALBANIA_1962 = [
    ("Ri Song-un", "North Korea", "luncheon", "1962-03-30", "Moscow"),
    ("Richard Dvoràk", "Czechoslovakia", "luncheon", "1962-03-30", "Moscow"),
]


def test_catalog_has_the_four_queries_each_with_a_described_header(catalog):
    assert {"ambassadors-discussing", "meetings", "people", "documents"} <= set(catalog)
    for q in catalog.values():
        assert q.title and q.description and all(p.doc for p in q.params)


def test_ambassadors_who_discussed_albania_in_1962(loaded_store, catalog):
    assert answer(ask(loaded_store, catalog, "ambassadors-discussing", topic="Albania", year=1962)) == ALBANIA_1962


def test_every_row_names_its_document(loaded_store, catalog):
    result = ask(loaded_store, catalog, "ambassadors-discussing", topic="Albania")
    assert all(r["document"].value.startswith(DOC) and r["title"].value.startswith("Memorandum") for r in result.rows)


def test_no_ambassadors_discussed_albania_in_1963(loaded_store, catalog):
    assert ask(loaded_store, catalog, "ambassadors-discussing", topic="Albania", year=1963).rows == []


def test_yugoslavia_finds_the_same_ambassadors(loaded_store, catalog):
    assert answer(ask(loaded_store, catalog, "ambassadors-discussing", topic="Yugoslavia")) == ALBANIA_1962


@pytest.mark.parametrize("topic", ["Q222", "wd:Q222", "albania", "Albanian", "People's Republic of Albania",
                                   "https://w3id.org/cwkg/id/state/albania"])
def test_wikidata_id_alias_adjective_or_iri_give_the_same_rows(loaded_store, catalog, topic):
    assert answer(ask(loaded_store, catalog, "ambassadors-discussing", topic=topic, year="1960-1965")) == ALBANIA_1962


def test_an_injection_attempt_matches_nothing_and_changes_nothing(loaded_store, catalog):
    before = loaded_store.count()
    result = ask(loaded_store, catalog, "ambassadors-discussing", topic='Albania" } ; DROP ALL ; #')
    assert result.rows == []
    assert result.unresolved == ['topic=Albania" } ; DROP ALL ; #']
    assert loaded_store.count() == before


def test_meetings_of_a_person_by_another_spelling(loaded_store, catalog):
    result = ask(loaded_store, catalog, "meetings", person="Ri Song Un")
    assert [(r["date"].value, r["kind"].value, r["where"].value, r["participants"].value) for r in result.rows] == [
        ("1962-03-30", "luncheon", "Moscow", "Richard Dvoràk; Ri Song-un")]


def test_meetings_filtered_by_place_and_year(loaded_store, catalog):
    assert len(ask(loaded_store, catalog, "meetings", place="Moscow", year=1962).rows) == 1
    assert ask(loaded_store, catalog, "meetings", place="Moscow", year=1961).rows == []


def test_people_with_ambassadorial_posts_in_1962(loaded_store, catalog):
    result = ask(loaded_store, catalog, "people", post="ambassador", year=1962)
    assert sorted((r["name"].value, r["represents"].value, r["accredited_to"].value if r["accredited_to"] else "")
                  for r in result.rows) == [
        ("Ri Song-un", "North Korea", "Soviet Union"),
        ("Richard Dvoràk", "Czechoslovakia", "Soviet Union"),
        ("unnamed (Romanian ambassador)", "Romania", ""),
    ]


def test_documents_lists_the_memorandum(loaded_store, catalog):
    (row,) = ask(loaded_store, catalog, "documents", mentions="CPSU").rows
    assert (row["date"].value, row["archive"].value) == ("1962-04-02", "Central State Archive")


def test_an_unknown_parameter_is_refused(loaded_store, catalog):
    with pytest.raises(QueryError, match="has no parameter 'colour'"):
        ask(loaded_store, catalog, "meetings", colour="red")


def test_a_missing_required_parameter_is_refused(loaded_store, catalog):
    with pytest.raises(QueryError, match="needs --param topic"):
        ask(loaded_store, catalog, "ambassadors-discussing")


def test_a_label_shared_by_several_entities_asks_for_one(loaded_store, catalog):
    with pytest.raises(QueryError, match="names several entities"):
        ask(loaded_store, catalog, "ambassadors-discussing", topic="Korea")


@pytest.mark.parametrize(("text", "expected"), [("1962", (1962, 1962)), ("1960-1965", (1960, 1965)),
                                                ("1960-", (1960, 9999)), ("-1965", (-9999, 1965))])
def test_year_ranges(text, expected):
    assert parse_year_range(text) == expected


def test_a_year_range_that_is_not_one_is_refused():
    with pytest.raises(QueryError):
        parse_year_range("nineteen sixty")


# ---------------------------------------------------------------- positions


def test_positions_of_a_person_by_another_spelling_in_1962(loaded_store, catalog):
    rows = ask(loaded_store, catalog, "positions-of", actor="Ri Song Un", year=1962).rows
    assert len(rows) >= 10
    assert {r["speaker"].value for r in rows} == {"Ri Song-un"}
    assert all(r["quote"].value and r["document"].value.startswith(DOC) for r in rows)


def test_positions_of_a_state_include_its_people_and_its_leader(loaded_store, catalog):
    speakers = {r["speaker"].value for r in ask(loaded_store, catalog, "positions-of", actor="DPRK").rows}
    assert speakers == {"Ri Song-un", "Kim Il Sung"}


def test_positions_on_albania_show_both_speakers(loaded_store, catalog):
    rows = ask(loaded_store, catalog, "positions-on", topic="Albania").rows
    assert {r["speaker"].value for r in rows} == {"Ri Song-un", "Richard Dvoràk", "Kim Il Sung"}


def test_positions_on_a_topic_of_the_scheme(catalog):
    from datetime import date

    from cwkg.extract.extract import extract
    from cwkg.graph.mapping import document_triples
    from cwkg.ontology.vocab import document_iri
    from cwkg.graph.store import GraphStore
    from cwkg.loaders.source import SourceDocument

    body = ("Moscow, 2 May 1962\n\nRecord of Conversation with Kim Il Sung\n\n"
            "Kim Il Sung denied that the Korean comrades had ever spoken against disarmament.")
    doc = SourceDocument(doc_id="topic-scheme", source="test", format="test", title="Record of Conversation with Kim Il Sung",
                         body=body, date=date(1962, 5, 2))
    store = GraphStore.in_memory()
    store.ensure_static()
    store.replace_graph(document_iri(doc.doc_id), document_triples(extract(doc)))
    rows = ask(store, catalog, "positions-on", topic="Disarmament").rows
    assert [r["stance"].value for r in rows] == ["denies"]


def test_disagreements_find_the_exchange_about_the_albanian_leaders(loaded_store, catalog):
    rows = ask(loaded_store, catalog, "disagreements", topic="Albania").rows
    pairs = {(r["speaker_for"].value, r["speaker_against"].value, r["stance_against"].value) for r in rows}
    assert ("Ri Song-un", "Richard Dvoràk", "opposes") in pairs
    assert any("should be given a helping hand" in r["quote_for"].value and "would have to resign" in r["quote_against"].value
               for r in rows)


def test_reported_speech_names_reporter_and_speaker(loaded_store, catalog):
    (row,) = ask(loaded_store, catalog, "reported-speech").rows
    assert (row["reported_by"].value, row["original_speaker"].value, row["stance"].value) == ("Ri Song-un", "Kim Il Sung", "advocates")


def test_ambassadors_discussing_says_who_stated_a_position_with_a_quote(loaded_store, catalog):
    rows = ask(loaded_store, catalog, "ambassadors-discussing", topic="Albania", year=1962).rows
    assert {(r["ambassador"].value, r["how"].value) for r in rows} == {
        ("Ri Song-un", "stated a position"), ("Richard Dvoràk", "stated a position")}
    assert all(r["quote"] is not None for r in rows)


def test_a_person_is_found_by_surname_alone_and_by_initials_and_surname(loaded_store):
    from cwkg.queries.resolve import Resolver

    r = Resolver(loaded_store)
    dvorak = r.resolve("Richard Dvořák", "person")
    assert (r.resolve("Dvořák", "person"), r.resolve("R. Dvorak", "person")) == (dvorak, dvorak)
    assert r.resolve("Q. Dvorak", "person") is None


RESOLVED = ["Albania", "albanian", "Yugoslavia", "Q222", "Ri Song Un", "Li Songun", "Ri Songun", "Pak Song Chol",
            "Richard Dvořák", "Dvořák", "R. Dvorak", "Q. Dvorak", "CPSU", "Moscow", "Kim Il Sung", "nobody at all"]


def test_label_keys_in_the_store_resolve_as_reading_every_label_does(loaded_store):
    from cwkg.queries.resolve import Resolver

    keyed, scanning = Resolver(loaded_store), Resolver(loaded_store, _keyed=False)
    assert keyed.keyed() is True
    assert {t: keyed.candidates(t) for t in RESOLVED} == {t: scanning.candidates(t) for t in RESOLVED}


def test_a_store_written_before_label_keys_gets_them_when_opened(tmp_path):
    import pyoxigraph as ox

    from cwkg.graph.store import GraphStore
    from cwkg.pipeline import ingest
    from cwkg.queries.resolve import Resolver

    with GraphStore(tmp_path / "new") as store:
        assert all(r.ok for r in ingest(store, [EXAMPLE]))
        old = [q for q in store.quads() if not q.predicate.value.endswith(("LabelKey", "labelKey", "surnameKey", "givenNamesKey"))
               and not q.predicate.value.endswith("labelKeysVersion")]
    raw = ox.Store(str(tmp_path / "old"))
    raw.extend(old)
    raw.flush()
    del raw
    with GraphStore(tmp_path / "old") as store:
        assert store.has_label_keys() is False
        store.ensure_static()
        assert store.has_label_keys() is True
        assert Resolver(store).candidates("Li Songun") == Resolver(store, _keyed=False).candidates("Li Songun") != []


def test_same_as_groups_kept_in_the_store_resolve_as_grouping_every_link_does(loaded_store):
    from cwkg.queries.resolve import Resolver

    stored, scanned = Resolver(loaded_store), Resolver(loaded_store, _has_groups=False)
    answers = {}
    for resolver in (stored, scanned):
        out = {}
        for text in RESOLVED:
            try:
                out[text] = resolver.resolve(text, "person")
            except QueryError as exc:
                out[text] = str(exc)
        answers[resolver is stored] = out
    assert answers[True] == answers[False]


def test_a_same_as_group_is_represented_by_its_authority_iri():
    from cwkg.graph.sameas import groups

    pairs = [("https://w3id.org/cwkg/id/person/frus/v/p_1", "https://w3id.org/cwkg/id/person/hsg/7"),
             ("https://w3id.org/cwkg/id/person/hsg/7", "https://w3id.org/cwkg/id/person/dean-rusk")]
    assert groups(pairs) == {"https://w3id.org/cwkg/id/person/frus/v/p_1": "https://w3id.org/cwkg/id/person/dean-rusk",
                             "https://w3id.org/cwkg/id/person/hsg/7": "https://w3id.org/cwkg/id/person/dean-rusk"}


def test_an_iri_like_value_that_is_not_an_iri_is_a_one_line_error(loaded_store, catalog):
    with pytest.raises(QueryError, match="is not a valid IRI"):
        ask(loaded_store, catalog, "meetings", person="http://x.org/a>b")


# Two records: one of a meeting, one of a statement made outside any meeting, by an ambassador whose post that
# record states. The statement must not take the other record's meeting, its date, kind or place.
_PREFIXES = """
@base <https://w3id.org/cwkg/id/> .
@prefix cw: <https://w3id.org/cwkg/ontology#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix org: <http://www.w3.org/ns/org#> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
_TWO_RECORDS = {"document/a": """
<document/a> dcterms:date "1963-05-01"^^xsd:date ; cw:records <meeting/a-1> .
<meeting/a-1> cw:date "1963-05-01"^^xsd:date ; cw:meetingKind <meeting-kind/luncheon> ; cw:place <place/moscow> ;
    cw:participant <person/x> .
""", "document/b": """
<document/b> dcterms:date "1964-02-02"^^xsd:date ; dcterms:title "A letter" .
<person/amb> skos:prefLabel "An Ambassador" ; cw:holdsPost <post/amb-b> .
<post/amb-b> org:role cw:AmbassadorRole ; cw:attestedIn <document/b> .
<position/b-1> cw:speaker <person/amb> ; cw:about <state/albania> ; cw:inDocument <document/b> ;
    oa:hasTarget <document/b#char=0,29> ; cw:quote "the Albanians would not yield" .
"""}


def test_a_statement_outside_a_meeting_takes_no_other_records_meeting(store, catalog):
    import pyoxigraph as ox

    from cwkg.graph.derived import write_derived

    graphs = [ox.NamedNode(f"https://w3id.org/cwkg/id/{name}") for name in _TWO_RECORDS]
    for graph, turtle in zip(graphs, _TWO_RECORDS.values()):
        store.replace_graph(graph, list(ox.parse(_PREFIXES + turtle, format=ox.RdfFormat.TURTLE)))
    write_derived(store, graphs)
    rows = ask(store, catalog, "ambassadors-discussing", topic="https://w3id.org/cwkg/id/state/albania").rows
    assert [(r["ambassador"].value, r["date"].value, r["meeting"], r["meeting_kind"], r["place"], r["how"].value)
            for r in rows] == [("An Ambassador", "1964-02-02", None, None, None, "stated a position")]


# A meeting whose participant is a volume's person, the same (owl:sameAs) as an authority's person.
_GROUPED = """
<document/m> cw:records <meeting/m-1> .
<meeting/m-1> cw:participant <person/volume-x> .
<person/volume-x> owl:sameAs <person/authority-x> ; skos:prefLabel "X" .
<person/authority-x> skos:prefLabel "X" .
"""


@pytest.mark.parametrize("person", ["person/volume-x", "person/authority-x"])
def test_a_persons_meetings_are_those_of_every_member_of_their_same_as_group(store, catalog, person):
    import pyoxigraph as ox

    from cwkg.graph.sameas import write_groups

    store.replace_graph(ox.NamedNode(DOC + "m"), list(ox.parse(
        _PREFIXES + "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n" + _GROUPED, format=ox.RdfFormat.TURTLE)))
    write_groups(store)
    rows = ask(store, catalog, "meetings", person=f"https://w3id.org/cwkg/id/{person}").rows
    assert [(r["meeting"].value, r["participants"].value) for r in rows] == [("https://w3id.org/cwkg/id/meeting/m-1", "X")]
