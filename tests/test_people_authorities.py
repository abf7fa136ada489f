"""POCOM chiefs of mission and the Office of the Historian's people: persons, posts and links."""

from __future__ import annotations

import pytest

from cwkg.graph.store import GraphStore
from cwkg.loaders import load_records
from cwkg.pipeline import ingest
from cwkg.queries.catalog import load_catalog
from cwkg.queries.runner import run

from support import FIXTURES

ID = "https://w3id.org/cwkg/id/"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = GraphStore(tmp_path_factory.mktemp("people") / "store")
    files = sorted((FIXTURES / "pocom").iterdir()) + sorted((FIXTURES / "hsg").iterdir())
    results = list(ingest(s, files))
    assert all(r.ok for r in results), results
    return s


def test_the_us_ambassadors_in_moscow_in_1962_with_their_dates(store):
    rows = run(store, load_catalog()["people"], {"post": "ambassador", "state": "Soviet Union", "year": "1962"}).rows
    assert sorted((r["name"].value, r["represents"].value, r["start"].value, r["end"].value) for r in rows) == [
        ("Foy David Kohler", "United States", "1962-09-27", "1966-11-14"),
        ("Llewellyn E. Thompson", "United States", "1957-07-16", "1962-07-27"),
    ]


def test_a_chief_of_mission_keeps_pocoms_title_and_notes(store):
    row = next(iter(store.query(
        "SELECT ?title ?note ?career WHERE { ?p cw:roleTitle ?title ; cw:endNote ?note ; org:member ?who . ?who cw:careerType ?career ;"
        " skos:prefLabel 'Foy David Kohler' } LIMIT 1")))
    assert (row["title"].value, row["career"].value) == ("Ambassador Extraordinary and Plenipotentiary", "career")


def test_before_1922_the_mission_in_russia_is_to_a_territory_not_the_soviet_union(store):
    (record,) = list(load_records(FIXTURES / "pocom" / "russia.xml"))
    from cwkg.extract.missions import chief_posts

    from cwkg.graph.mapping import entity_iri

    posts = {c.chief.id: entity_iri(c.post.to).value for c in chief_posts(record)}
    assert posts["ru-1809-adam-01"] == ID + "state/pocom/russia"


def test_a_people_record_links_its_frus_entries_and_pocom_id(store):
    same = {r["o"].value for r in store.query(
        "SELECT ?o WHERE { <https://w3id.org/cwkg/id/person/hsg/113537> owl:sameAs ?o }")}
    assert ID + "person/pocom/thompson-llewellyn-e" in same
    assert ID + "person/frus/frus1964-68v19/p_TLEJ1" in same


def test_a_name_through_the_people_authority_finds_the_pocom_person(store):
    rows = run(store, load_catalog()["people"], {"person": "Llewellyn E. Thompson Jr.", "post": "ambassador"}).rows
    assert {r["accredited_to"].value for r in rows} == {"Soviet Union"}


def test_a_name_a_document_used_is_linked_to_the_authority_loaded_later(tmp_path):
    page = tmp_path / "page.txt"
    text = (FIXTURES.parent.parent / "examples" / "000_adaeb2830212c886.txt").read_text(encoding="utf-8")
    page.write_text(text.replace("Vojtech Mastny", "Llewellyn E. Thompson"), encoding="utf-8")
    s = GraphStore(tmp_path / "store")
    list(ingest(s, [page]))
    list(ingest(s, [FIXTURES / "hsg" / "113537.xml"]))
    linked = {(r["p"].value, r["o"].value) for r in s.query(
        "SELECT ?p ?o WHERE { ?p cw:provisional true ; skos:prefLabel 'Llewellyn E. Thompson' ; owl:sameAs ?o }")}
    ((provisional, authority),) = linked
    assert provisional.startswith(ID + "person/provisional/") and provisional.endswith("/llewellynethompson")
    assert authority == ID + "person/hsg/113537"


def _memo(tmp_path, name: str, body: str):
    page = tmp_path / name
    template = (FIXTURES.parent.parent / "examples" / "000_adaeb2830212c886.txt").read_text(encoding="utf-8")
    start = template.index("On 30 March, I invited")
    page.write_text(template[:start] + body + "\n", encoding="utf-8")
    return page


def test_namesakes_in_two_unrelated_records_are_two_persons(tmp_path):
    s = GraphStore(tmp_path / "store")
    list(ingest(s, [_memo(tmp_path, "a.txt", "On 30 March I met Comrade Jozef Novak, a writer, at the theatre. Jozef Novak said that the play was good."),
                    _memo(tmp_path, "b.txt", "On 31 March I received Comrade Jozef Novak, Ambassador of Poland to Moscow. He said that Poland needs grain.")]))
    rows = list(s.query("SELECT DISTINCT ?p WHERE { ?p cw:provisional true ; skos:prefLabel 'Jozef Novak' }"))
    linked = list(s.query("SELECT ?p WHERE { ?p cw:provisional true ; skos:prefLabel 'Jozef Novak' ; owl:sameAs ?o }"))
    assert (len(rows), linked) == (2, [])


def test_namesakes_holding_the_same_post_are_joined(tmp_path):
    s = GraphStore(tmp_path / "store")
    list(ingest(s, [_memo(tmp_path, "a.txt", "On 30 March I received Comrade Jozef Novak, Ambassador of Poland to Moscow. He said that Poland needs coal."),
                    _memo(tmp_path, "b.txt", "On 31 March I received Comrade Jozef Novak, Ambassador of Poland to Moscow. He said that Poland needs grain.")]))
    rows = list(s.query("SELECT ?p ?o WHERE { ?p cw:provisional true ; skos:prefLabel 'Jozef Novak' ; owl:sameAs ?o }"))
    assert len(rows) == 1
