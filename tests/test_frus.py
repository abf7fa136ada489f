"""FRUS TEI volumes: streamed, hardened, and read into documents, persons, posts and meetings."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.errors import InputError
from cwkg.graph.store import GraphStore
from cwkg.loaders import load_records
from cwkg.extract.extract import extract
from cwkg.pipeline import ingest

from support import CORPUS, EXAMPLE, FIXTURES, need

MINI = FIXTURES / "frus_mini.xml"
ID = "https://w3id.org/cwkg/id/"


@pytest.fixture(scope="module")
def mini():
    return list(load_records(MINI))


def test_a_volume_yields_its_record_then_each_document(mini):
    assert [type(r).__name__ for r in mini] == ["VolumeRecord", "SourceDocument", "SourceDocument"]
    volume = mini[0]
    assert (volume.volume, [p.name for p in volume.persons], volume.terms) == (
        "frus-test-v1", ["Andras Kovacs", "Paul Linden"], (("EUR", "Bureau of European Affairs"),))


def test_each_document_carries_its_volumes_abbreviations(mini):
    assert [d.terms for d in mini[1:]] == [(("EUR", "Bureau of European Affairs"),)] * 2


def test_document_metadata_comes_from_the_markup(mini):
    d = mini[1]
    assert (d.doc_id, d.url, d.number, d.kind, d.classification, d.dateline_place, d.date, d.subjects) == (
        "frus-test-v1-d1", "https://history.state.gov/historicaldocuments/frus-test-v1/d1", "1", "memorandum of conversation",
        "Secret", "Budapest", date(1963, 5, 14), ("Hungarian Views on Disarmament",))
    assert mini[2].kind == "telegram"


def test_participants_keep_their_delegation_and_description(mini):
    assert [(p.name, p.delegation, p.description, p.ref) for p in mini[1].participants] == [
        ("Andras Kovacs", "Hungary", "Hungarian Minister to the United States", "p_KA1"),
        ("Paul Linden", "U.S.", "Ambassador to Hungary", "p_LP1"),
    ]


def test_marked_spans_point_at_their_text_and_footnotes_are_left_out(mini):
    d = mini[1]
    assert all(d.body[m.start:m.end] == m.text for m in d.marked)
    assert [m.text for m in d.marked if m.kind == "person"] == ["Andras Kovacs", "Paul Linden", "Kovacs"]
    assert "editorial footnote" not in d.body


def test_volume_persons_become_posts_with_dates(mini):
    from cwkg.extract.extract import extract_volume

    persons, posts = extract_volume(mini[0])
    summary = sorted((p.holder.rsplit(":", 1)[-1], p.role.rsplit("#", 1)[-1], p.of.rsplit("/", 1)[-1], p.to.rsplit("/", 1)[-1], p.start, p.end)
                     for p in posts)
    assert summary == [("p_KA1", "MinisterPlenipotentiaryRole", "hungary", "united-states", "1963-03", None),
                       ("p_LP1", "AmbassadorRole", "united-states", "hungary", "1962", "1965")]


def test_memorandum_of_conversation_gives_meeting_participants_and_positions(mini):
    facts = extract(mini[1])
    (m,) = facts.meetings
    assert (m.kind, m.date, m.place) == (ID + "meeting-kind/conversation", date(1963, 5, 14), ID + "place/budapest")
    assert [(p.person.rsplit(":", 1)[-1], p.delegation.rsplit("/", 1)[-1]) for p in m.listed] == [
        ("p_KA1", "hungary"), ("p_LP1", "united-states")]
    assert [(p.speaker.rsplit(":", 1)[-1], p.stance.rsplit("/", 1)[-1]) for p in facts.positions] == [
        ("p_KA1", "advocates"), ("p_LP1", "doubts")]


def test_text_only_extraction_finds_the_same_participants(mini):
    assert [p.person for p in extract(mini[1], use_markup=False).meetings[0].listed] == [
        p.person for p in extract(mini[1]).meetings[0].listed]


# ---------------------------------------------------------------- hostile and broken XML

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"><text>&lol3;</text></TEI>
"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0"><text>&secret;</text></TEI>
"""


@pytest.mark.parametrize(("name", "content", "message"), [
    ("laughs.xml", BILLION_LAUGHS, "XML with a DTD or entity declarations is refused"),
    ("xxe.xml", EXTERNAL_ENTITY, "XML with a DTD or entity declarations is refused"),
    ("truncated.xml", MINI.read_text(encoding="utf-8")[:3000], "malformed XML"),
])
def test_hostile_or_broken_xml_is_one_error_and_changes_nothing(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        list(load_records(path))
    store = GraphStore(tmp_path / "store")
    list(ingest(store, [EXAMPLE]))
    before = store.count()
    (result,) = list(ingest(store, [path]))
    assert result.error.startswith(f"{path}: ") and "\n" not in result.error
    assert store.count() == before


@pytest.mark.parametrize("depth", [220, 300, 5000])
def test_too_deep_xml_is_refused_in_cwkgs_own_words(tmp_path, depth):
    """220 is past cwkg's limit but within libxml2's; 300 and 5000 are past both."""
    path = tmp_path / "deep.xml"
    path.write_text('<TEI xmlns:frus="http://history.state.gov/frus/ns/1.0">' + "<a>" * depth + "</a>" * depth + "</TEI>")
    with pytest.raises(InputError, match=r": XML nested deeper than 200 levels$") as caught:
        list(load_records(path))
    assert caught.value.path == str(path)


# ---------------------------------------------------------------- the FRUS slice in the corpus


@pytest.fixture(scope="module")
def frus_store(tmp_path_factory):
    volume = need(CORPUS / "frus" / "frus1964-68v17-part1.xml")
    store = GraphStore(tmp_path_factory.mktemp("frus") / "store")
    results = list(ingest(store, [volume, EXAMPLE]))
    assert all(r.ok for r in results), results
    return store, volume


def test_every_document_of_the_slice_is_loaded(frus_store):
    store, volume = frus_store
    expected = len(etree.parse(str(volume)).findall(".//{http://www.tei-c.org/ns/1.0}div[@type='document']"))
    count = int(next(iter(store.query("SELECT (COUNT(?d) AS ?n) WHERE { ?d dcterms:isPartOf ?v }")))["n"].value)
    assert count == expected == 24


def _query(store, name, **params):
    from cwkg.queries.catalog import load_catalog
    from cwkg.queries.runner import run

    return run(store, load_catalog()[name], {k: str(v) for k, v in params.items()}).rows


def test_meetings_of_a_person_give_the_history_state_gov_url(frus_store):
    store, _ = frus_store
    rows = _query(store, "meetings", person="Kurt Waldheim")
    assert [(r["date"].value, r["where"].value, r["document"].value) for r in rows] == [
        ("1966-10-05", "New York", ID + "document/frus1964-68v17-d16")]
    url = next(iter(store.query("SELECT ?u ?d WHERE { ?d dcterms:source ?u }", {__import__("pyoxigraph").Variable("d"): rows[0]["document"]})))
    assert url["u"].value == "https://history.state.gov/historicaldocuments/frus1964-68v17/d16"


def test_meetings_on_albania_span_the_czechoslovak_and_american_records(frus_store):
    store, _ = frus_store
    rows = {r["date"].value: r for r in _query(store, "meetings", topic="Albania")}
    assert {"1962-03-30", "1966-10-05"} <= set(rows)
    assert "Kurt Waldheim, Austrian Permanent Representative to the United Nations [Austria]" in rows["1966-10-05"]["as_listed"].value
    assert rows["1962-03-30"]["participants"].value == "Richard Dvoràk; Ri Song-un"


def test_a_permanent_representative_counts_as_an_ambassador(frus_store):
    store, _ = frus_store
    names = {r["ambassador"].value for r in _query(store, "ambassadors-discussing", topic="Albania")}
    assert {"Richard Dvoràk", "Ri Song-un", "Kurt Waldheim"} <= names


def test_cli_eval_frus_reports_the_floors():
    import json

    volume = need(CORPUS / "frus" / "frus1964-68v17-part1.xml")
    result = CliRunner().invoke(app, ["eval", "--frus", str(volume), "--format", "json"])
    (report,) = json.loads(result.stdout)
    assert report["person_mentions"]["f1"] >= 0.90
    assert report["dateline_date"]["accuracy"] >= 0.98
    assert report["dateline_place"]["accuracy"] >= 0.98
    assert report["participants"]["f1"] >= 0.99


def test_a_surname_after_an_office_or_messrs_is_the_volume_person():
    from cwkg.extract.volume import find_volume_persons
    from cwkg.loaders.source import VolumePerson

    people = (VolumePerson("p_HR1", "Richard Helms", "Helms, Richard", "Director of Central Intelligence"),)
    body = "Director of Central Intelligence Helms wrote, and Messrs. Helms and Rusk agreed."
    found = find_volume_persons(body, "v", people, [], lambda offset: 1)
    assert [m.span.text for m in found] == ["Helms", "Helms"]


def test_a_surname_with_a_foreign_honorific_is_the_volume_person_of_that_name():
    from datetime import date

    from cwkg.extract.extract import extract
    from cwkg.loaders.source import SourceDocument, VolumePerson

    people = (VolumePerson("p_SFJ1", "Franz Josef Strauss", "Strauss, Franz Josef", "Chairman of the Christian Social Union"),)
    body = "Memorandum of Conversation\n\nWashington, June 9, 1964.\n\nHerr Strauss said that Poland wanted more trade."
    facts = extract(SourceDocument(doc_id="v-d1", source="t", format="t", title="Memorandum of Conversation", body=body,
                                   date=date(1964, 6, 9), kind="memorandum of conversation", volume="v", people=people))
    assert [p.speaker for p in facts.positions] == ["frus:v:p_SFJ1"]


def _dated_volume(tmp_path, date_element: str) -> Path:
    """A one-document volume whose dateline's date is written as given and whose division carries no frus dates."""
    path = tmp_path / "dated.xml"
    path.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:frus="http://history.state.gov/frus/ns/1.0" xml:id="frus-test-v2"><text><body>'
        '<div type="document" xml:id="d1" n="1" subtype="historical-document"><head>1. Memorandum for the Record</head>'
        f'<opener><dateline><placeName>Strelsau</placeName>, {date_element}.</dateline></opener>'
        '<p>The Ambassador said that nothing had changed.</p></div></body></text></TEI>', encoding="utf-8")
    return path


def test_a_dateline_giving_a_period_dates_the_document_from_its_first_day_and_keeps_the_range(tmp_path):
    doc = [r for r in load_records(_dated_volume(tmp_path, '<date from="1966-03-10" to="1966-03-12">March 10-12, 1966</date>'))][-1]
    assert (doc.date, doc.date_time, doc.dateline_date) == (
        date(1966, 3, 10), ("1966-03-10T00:00:00", "1966-03-12T23:59:59"), None)


def test_a_dateline_giving_only_bounds_dates_the_document_from_the_earliest(tmp_path):
    doc = [r for r in load_records(_dated_volume(tmp_path, '<date notBefore-iso="1966-04-01" notAfter-iso="1966-04-30">April 1966</date>'))][-1]
    assert (doc.date, doc.date_time) == (date(1966, 4, 1), ("1966-04-01T00:00:00", "1966-04-30T23:59:59"))


def test_a_dateline_giving_one_day_is_that_day_and_no_range(tmp_path):
    doc = [r for r in load_records(_dated_volume(tmp_path, '<date when="1966-05-02">May 2, 1966</date>'))][-1]
    assert (doc.date, doc.date_time, doc.dateline_date) == (date(1966, 5, 2), None, date(1966, 5, 2))
