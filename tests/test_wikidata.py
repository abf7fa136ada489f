"""Linking to Wikidata and enriching from it, against a real `oxigraph serve` on 127.0.0.1 loaded with
Wikidata-shaped facts (tests/fixtures/wikidata/founding.ttl), and a loopback server for the retry rules."""

from __future__ import annotations

import csv
import gc
import json
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from cwkg.errors import CwkgError
from cwkg.graph.store import GraphStore
from cwkg.graph.wikidata.client import ClientSettings, WikidataClient, WikidataError, retry_after, user_agent
from cwkg.graph.wikidata.entities import Entity
from cwkg.graph.wikidata.graphs import LINKS_GRAPH
from cwkg.graph.wikidata.linker import accept, link, query_labels
from cwkg.graph.wikidata.queries import WD, ItemFacts, PositionHeld
from cwkg.graph.wikidata.review import read_choices
from cwkg.graph.wikidata.scoring import decide, fold, score
from cwkg.pipeline import ingest, record_graph
from cwkg.queries.catalog import load_catalog
from cwkg.queries.runner import run
from oxigraph_server import RunningServer
from support import EXAMPLE, ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "wikidata" / "founding.ttl"
TODAY = date(2026, 11, 30)


@pytest.fixture(scope="module")
def wikidata(tmp_path_factory):
    """A real Oxigraph server holding the fixture, read-only, on a free loopback port."""
    folder = tmp_path_factory.mktemp("wikidata") / "store"
    loaded = ox.Store(str(folder))
    loaded.bulk_load(path=str(FIXTURE), format=ox.RdfFormat.TURTLE)
    loaded.flush()
    del loaded
    gc.collect()
    server = RunningServer(folder, writable=False).start()
    yield server.query_url
    server.stop()


def client_for(endpoint: str, cache: Path, **options) -> WikidataClient:
    return WikidataClient(ClientSettings(endpoint=endpoint, cache_dir=cache, contact="cwkg-tests@example.org", **options))


@pytest.fixture
def example(tmp_path):
    store = GraphStore(tmp_path / "store")
    assert all(r.ok for r in ingest(store, [EXAMPLE]))
    yield store
    store.close()


def links_of(store: GraphStore) -> dict[str, tuple[str, str]]:
    return {r["e"].value: (r["w"].value[len(WD):], r["m"].value) for r in store.query(
        f"SELECT ?e ?w ?m WHERE {{ GRAPH {LINKS_GRAPH} {{ ?l <https://w3id.org/cwkg/ontology#linkedEntity> ?e ; "
        "<https://w3id.org/cwkg/ontology#linkTarget> ?w ; <https://w3id.org/cwkg/ontology#linkMethod> ?m } }")}


def add_entity(store: GraphStore, iri: str, kind: str, label: str, extra: str = "") -> None:
    store._store.update(f"INSERT DATA {{ GRAPH <{iri}/graph> {{ <{iri}> a <https://w3id.org/cwkg/ontology#{kind}> ; "
                        f"<http://www.w3.org/2004/02/skos/core#prefLabel> \"{label}\"@en {extra} }} }}")


# ------------------------------------------------------------------ linking the founding memorandum


def test_link_adds_what_the_fixture_confirms_and_nothing_else(example, wikidata, tmp_path):
    report = link(example, client_for(wikidata, tmp_path / "cache"), tmp_path / "review.csv", today=TODAY)
    # Everything the memorandum names with a confirmed id is linked by the authority data; of the rest, the
    # fixture knows only Russia (a state of the authority without an id), by its name and kind.
    assert links_of(example) == {"https://w3id.org/cwkg/id/state/russia": ("Q159", "label")}
    assert (report.for_review, dict(report.linked)) == (0, {"label": 1})


def test_the_people_states_and_parties_of_the_memorandum_reach_their_items(example, wikidata, tmp_path):
    link(example, client_for(wikidata, tmp_path / "cache"), None, today=TODAY)
    rows = example.query("SELECT DISTINCT ?e ?w WHERE { VALUES ?e { <https://w3id.org/cwkg/id/person/kim-il-sung> "
                         "<https://w3id.org/cwkg/id/state/north-korea> <https://w3id.org/cwkg/id/state/czechoslovakia> "
                         "<https://w3id.org/cwkg/id/party/cpsu> } ?e skos:exactMatch ?w }")
    assert sorted((r["e"].value.rsplit("/", 1)[1], r["w"].value[len(WD):]) for r in rows) == [
        ("cpsu", "Q79854"), ("czechoslovakia", "Q33946"), ("kim-il-sung", "Q41117"), ("north-korea", "Q423")]


def test_enrichment_brings_labels_in_other_scripts_dates_and_offices(example, wikidata, tmp_path):
    link(example, client_for(wikidata, tmp_path / "cache"), None, today=TODAY)
    ko = example.query("SELECT ?l WHERE { <http://www.wikidata.org/entity/Q41117> rdfs:label ?l FILTER(LANG(?l) = 'ko') }")
    born = example.query("SELECT ?b WHERE { <http://www.wikidata.org/entity/Q41117> <http://www.wikidata.org/prop/direct/P569> ?b }")
    office = example.query(
        "SELECT ?label ?start ?end WHERE { <http://www.wikidata.org/entity/Q35314> <http://www.wikidata.org/prop/P39> ?s . "
        "?s <http://www.wikidata.org/prop/statement/P39> ?o ; <http://www.wikidata.org/prop/qualifier/P580> ?start ; "
        "<http://www.wikidata.org/prop/qualifier/P582> ?end . ?o rdfs:label ?label }")
    retrieved = example.query("SELECT ?d WHERE { <http://www.wikidata.org/entity/Q41117> <https://w3id.org/cwkg/ontology#retrievedOn> ?d }")
    assert [r["l"].value for r in ko] == ["김일성"]
    assert [r["b"].value for r in born] == ["1912-04-15T00:00:00Z"]
    assert [(r["label"].value, r["start"].value[:10], r["end"].value[:10]) for r in office] == [
        ("General Secretary of the Communist Party of the Soviet Union", "1953-09-14", "1964-10-14")]
    assert [r["d"].value for r in retrieved] == [date.today().isoformat()]


def test_a_second_run_is_answered_from_the_cache_with_no_request_sent(example, wikidata, tmp_path):
    first = link(example, client_for(wikidata, tmp_path / "cache"), None, today=TODAY)
    second = link(example, client_for(wikidata, tmp_path / "cache"), None, today=TODAY)
    assert (first.requests > 0, second.requests, second.from_cache) == (True, 0, first.requests)
    assert links_of(example) == {"https://w3id.org/cwkg/id/state/russia": ("Q159", "label")}


def test_offline_with_an_empty_cache_is_a_clear_error_and_changes_nothing(example, tmp_path):
    before = example.count()
    client = client_for("http://127.0.0.1:9/unreachable", tmp_path / "empty", offline=True)
    with pytest.raises(WikidataError, match=r"--offline: \d+ Wikidata requests are not in the cache"):
        link(example, client, None, today=TODAY)
    assert (client.tally.sent, example.count()) == (0, before)


def test_offline_answers_from_a_filled_cache(example, wikidata, tmp_path):
    link(example, client_for(wikidata, tmp_path / "cache"), None, today=TODAY)
    again = link(example, client_for(wikidata, tmp_path / "cache", offline=True), None, today=TODAY)
    assert (again.requests, dict(again.linked)) == (0, {"label": 1})


# ------------------------------------------------------------------ the curator's review


def test_an_ambiguous_name_goes_to_the_review_file_not_the_graph(example, wikidata, tmp_path):
    add_entity(example, "https://w3id.org/cwkg/id/state/test-yugoslavia", "State", "Yugoslavia")
    review = tmp_path / "review.csv"
    report = link(example, client_for(wikidata, tmp_path / "cache"), review, today=TODAY)
    rows = list(csv.DictReader(review.open(encoding="utf-8")))
    assert sorted((r["entity"].rsplit("/", 1)[1], r["candidate"][len(WD):]) for r in rows) == [
        ("test-yugoslavia", "Q36704"), ("test-yugoslavia", "Q83286")]
    assert "https://w3id.org/cwkg/id/state/test-yugoslavia" not in links_of(example)
    assert report.for_review == 1


def test_accept_applies_the_curators_choice(example, wikidata, tmp_path):
    add_entity(example, "https://w3id.org/cwkg/id/state/test-yugoslavia", "State", "Yugoslavia")
    review = tmp_path / "review.csv"
    link(example, client_for(wikidata, tmp_path / "cache"), review, today=TODAY)
    rows = list(csv.DictReader(review.open(encoding="utf-8")))
    for row in rows:
        row["accept"] = "yes" if row["candidate"].endswith("/Q83286") else ""
    with review.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    report = accept(example, client_for(wikidata, tmp_path / "cache"), review, today=TODAY)
    assert links_of(example)["https://w3id.org/cwkg/id/state/test-yugoslavia"] == ("Q83286", "curator")
    assert report.linked["curator"] == 1
    # a later run keeps the curator's choice and asks nothing more about that entity
    link(example, client_for(wikidata, tmp_path / "cache"), review, today=TODAY)
    assert links_of(example)["https://w3id.org/cwkg/id/state/test-yugoslavia"] == ("Q83286", "curator")


def test_a_review_file_accepting_two_candidates_for_one_entity_names_the_line(tmp_path):
    review = tmp_path / "review.csv"
    review.write_text("entity,candidate,accept\nhttps://w3id.org/cwkg/id/state/x,Q36704,yes\n"
                      "https://w3id.org/cwkg/id/state/x,Q83286,yes\n", encoding="utf-8")
    with pytest.raises(CwkgError, match=r"review.csv: line 3: a second candidate accepted .* \(the first on line 2\)"):
        read_choices(review)


def test_a_review_file_with_a_candidate_that_is_no_item_names_the_line(tmp_path):
    review = tmp_path / "review.csv"
    review.write_text("entity,candidate,accept\nhttps://w3id.org/cwkg/id/state/x,Yugoslavia,yes\n", encoding="utf-8")
    with pytest.raises(CwkgError, match=r"line 2: candidate 'Yugoslavia' is not a Wikidata item"):
        read_choices(review)


def test_accepting_an_entity_the_store_does_not_hold_changes_nothing(example, tmp_path):
    review = tmp_path / "review.csv"
    review.write_text("entity,candidate,accept\nhttps://w3id.org/cwkg/id/state/nowhere,Q36704,yes\n", encoding="utf-8")
    before = example.count()
    with pytest.raises(CwkgError, match=r"line 2: https://w3id.org/cwkg/id/state/nowhere is not an entity of this store"):
        accept(example, None, review, today=TODAY)
    assert example.count() == before


# ------------------------------------------------------------------ VIAF, scoring


def test_a_person_known_by_a_spelling_no_authority_has_is_linked_by_viaf(example, wikidata, tmp_path):
    add_entity(example, "https://w3id.org/cwkg/id/person/test-viaf", "Person", "Nikita Chruschtschow",
               '; <https://w3id.org/cwkg/ontology#viaf> "64007537"')
    link(example, client_for(wikidata, tmp_path / "cache"), None, today=TODAY)
    assert links_of(example)["https://w3id.org/cwkg/id/person/test-viaf"] == ("Q35314", "viaf")


def person(**fields) -> Entity:
    base = dict(iri="https://w3id.org/cwkg/id/person/x", kind="person", label="Nikita Khrushchev",
                labels=("Nikita Khrushchev",), members=("https://w3id.org/cwkg/id/person/x",), linked=())
    return Entity(**{**base, **fields})


def khrushchev() -> ItemFacts:
    return ItemFacts(WD + "Q35314", [("http://www.w3.org/2000/01/rdf-schema#label", ox.Literal("Nikita Khrushchev", language="en"))],
                     [("http://www.wikidata.org/prop/direct/P569", ox.Literal("1894-04-15T00:00:00Z")),
                      ("http://www.wikidata.org/prop/direct/P570", ox.Literal("1971-09-11T00:00:00Z")),
                      ("http://www.wikidata.org/prop/direct/P27", ox.NamedNode(WD + "Q15180"))],
                     [PositionHeld(None, WD + "Q1048744", "General Secretary of the Communist Party of the Soviet Union",
                                   ox.Literal("1953-09-14T00:00:00Z"), ox.Literal("1964-10-14T00:00:00Z"))])


def test_a_person_is_not_linked_on_a_name_alone():
    scored = score(person(years=(1962, 1962)), khrushchev(), "label", typed=True)
    assert (scored.score, decide(person(), [scored]).link) == (0.75, None)


def test_the_state_a_person_served_corroborates_the_name():
    scored = score(person(years=(1962, 1962), states=(WD + "Q15180",)), khrushchev(), "label", typed=True)
    assert (scored.score, decide(person(), [scored]).link.item) == (0.85, WD + "Q35314")


def test_an_office_held_at_the_time_corroborates_the_name():
    scored = score(person(years=(1962, 1962), roles=("First Secretary of the Communist Party of the Soviet Union",)),
                   khrushchev(), "label", typed=True)
    assert (scored.score, scored.evidence[-1][:5]) == (0.9, "held ")


def test_a_candidate_dead_before_the_records_is_dropped():
    assert score(person(years=(1975, 1975)), khrushchev(), "label", typed=True) is None


def test_names_agree_across_transliterations():
    assert (fold("Richard Dvořák"), fold("Richard Dvoràk"), fold("Ri Song-un")) == ("richard dvorak", "richard dvorak", "ri song un")


def test_only_full_names_are_asked_for_persons():
    assert query_labels(person(labels=("Khrushchev", "Khrushchev, Nikita", "Nikita Khrushchev", "N. S. Khrushchev"))) == [
        "Nikita Khrushchev", "N. S. Khrushchev"]


# ------------------------------------------------------------------ the client


class Scripted(BaseHTTPRequestHandler):
    """Answers 429 (Retry-After: 1), then 500, then a SPARQL JSON result; records what it was sent."""

    script: list[tuple[int, dict[str, str], bytes]] = []
    seen: list[dict[str, str]] = []

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Scripted.seen.append(dict(self.headers))
        status, headers, body = Scripted.script.pop(0)
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def scripted():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Scripted.seen = []
    yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    server.shutdown()
    server.server_close()


RESULT = json.dumps({"head": {"vars": ["item"]}, "results": {"bindings": [
    {"item": {"type": "uri", "value": WD + "Q41117"}}]}}).encode()


def test_retries_honour_retry_after_then_back_off_on_a_server_error(scripted, tmp_path):
    Scripted.script = [(429, {"Retry-After": "1"}, b"slow down"), (500, {}, b"oops"),
                       (200, {"Content-Type": "application/sparql-results+json"}, RESULT)]
    waits: list[float] = []
    client = WikidataClient(ClientSettings(endpoint=scripted, cache_dir=tmp_path, backoff_s=0.25, contact="tests"),
                            sleep=waits.append)
    answer = client.select("SELECT ?item WHERE { ?item ?p ?o }", "a test")
    assert ([b["item"]["value"] for b in answer.bindings], client.tally.sent, waits) == ([WD + "Q41117"], 3, [1.0, 0.25])


def test_every_request_says_who_sends_it(scripted, tmp_path):
    Scripted.script = [(200, {"Content-Type": "application/sparql-results+json"}, RESULT)]
    WikidataClient(ClientSettings(endpoint=scripted, cache_dir=tmp_path, contact="archivist@example.org")).select("SELECT * {}", "t")
    assert Scripted.seen[0]["User-Agent"] == user_agent("archivist@example.org")
    assert "archivist@example.org" in Scripted.seen[0]["User-Agent"] and Scripted.seen[0]["User-Agent"].startswith("cwkg/")


def test_giving_up_after_the_retries_is_one_error(scripted, tmp_path):
    Scripted.script = [(503, {}, b"down")] * 3
    client = WikidataClient(ClientSettings(endpoint=scripted, cache_dir=tmp_path, retries=2, backoff_s=0.01), sleep=lambda s: None)
    with pytest.raises(WikidataError, match=r"a test: still failing after 3 requests \(HTTP 503\)"):
        client.select("SELECT * {}", "a test")


def test_a_refused_query_is_not_retried(scripted, tmp_path):
    Scripted.script = [(400, {}, b"bad query")]
    client = WikidataClient(ClientSettings(endpoint=scripted, cache_dir=tmp_path), sleep=lambda s: None)
    with pytest.raises(WikidataError, match="refused the query"):
        client.select("SELECT * {}", "a test")
    assert client.tally.sent == 1


def test_retry_after_reads_seconds_and_http_dates():
    assert (retry_after("7"), retry_after("Wed, 21 Oct 2015 07:28:07 GMT", now=1445412480.0), retry_after("soon")) == (7.0, 7.0, None)


# ------------------------------------------------------------------ the canned queries that use it


def test_participants_profile_gives_birth_year_age_and_offices_held_that_year(tmp_path, wikidata):
    from cwkg.loaders.source import ListedParticipant, SourceDocument

    body = ("Memorandum of Conversation\n\nMoscow, June 9, 1962.\n\nPARTICIPANTS\n\nNikita Khrushchev\n\nKim Il Sung\n\n"
            "Khrushchev said that the Soviet Union wanted peace. Kim Il Sung said that Korea wanted unity.")
    doc = SourceDocument(doc_id="profile-test", source="test", format="test", title="Memorandum of Conversation", body=body,
                         date=date(1962, 6, 9), kind="memorandum of conversation", participants=(
                             ListedParticipant("Nikita Khrushchev", None, None), ListedParticipant("Kim Il Sung", None, None)))
    with GraphStore(tmp_path / "store") as store:
        store.ensure_static()
        graph, triples, _ = record_graph(doc)
        store.replace_graph(graph, triples)
        link(store, client_for(wikidata, tmp_path / "cache"), None, today=TODAY)
        result = run(store, load_catalog()["participants-profile"], {"year": "1962"})
    got = sorted((r["participant"].value, r["wikidata"].value[len(WD):], r["birth_year"].value, r["age"].value,
                  r["offices_that_year"].value if r["offices_that_year"] else "") for r in result.rows)
    assert got == [("Kim Il Sung", "Q41117", "1912", "50", ""),
                   ("Nikita Khrushchev", "Q35314", "1894", "68", "General Secretary of the Communist Party of the Soviet Union")]


def test_unlinked_lists_what_still_needs_a_curator_most_mentioned_first(example, wikidata, tmp_path):
    link(example, client_for(wikidata, tmp_path / "cache"), None, today=TODAY)
    rows = run(example, load_catalog()["unlinked"], {"kind": "party"}).rows
    assert [(r["name"].value, r["documents"].value) for r in rows][:2] == [
        ("Communist Party of Czechoslovakia", "1"), ("Workers' Party of Korea", "1")]
    assert "Russia" not in [r["name"].value for r in run(example, load_catalog()["unlinked"], {"kind": "state"}).rows]


# ------------------------------------------------------------------ the whole corpus


def test_linking_the_whole_corpus_takes_requests_in_proportion_to_batches_not_entities(tmp_path, wikidata):
    import math

    from cwkg.graph.wikidata.entities import collect
    from cwkg.graph.wikidata.queries import ITEM_BATCH, LABEL_BATCH, VIAF_BATCH
    from support import CORPUS, need

    import os
    import shutil

    built = os.environ.get("CWKG_CORPUS_STORE")  # .ci/run has loaded the example and the corpus already: a copy serves
    if built and Path(built, "CURRENT").is_file():
        shutil.copytree(built, tmp_path / "store")
    with GraphStore(tmp_path / "store") as store:
        from cwkg.pipeline import expand

        if not (built and Path(built, "CURRENT").is_file()):
            results = list(ingest(store, [path for path, _ in expand([EXAMPLE, need(CORPUS)])], jobs=2))
            assert [r.path for r in results if not r.ok and not r.unrecognised] == []
        entities = collect(store)
        persons = [e for e in entities if e.kind == "person" and not e.linked]
        viaf_ids = {v for e in persons for v in e.viaf}
        names = sum(len(query_labels(e)) for e in entities if not e.linked)
        report = link(store, client_for(wikidata, tmp_path / "cache"), tmp_path / "review.csv", today=TODAY)
        again = link(store, client_for(wikidata, tmp_path / "cache"), tmp_path / "review.csv", today=TODAY)
    # one request per batch: VIAF ids, names of each of the five kinds, and three per batch of candidate and linked items
    bound = math.ceil(len(viaf_ids) / VIAF_BATCH) + math.ceil(names / LABEL_BATCH) + 5 + 2 * 3 * math.ceil(200 / ITEM_BATCH)
    assert len(persons) > 10_000 and len(viaf_ids) > 500
    assert report.requests <= bound and report.requests < len(persons) / 50
    assert (again.requests, again.from_cache) == (0, report.requests)
    # the FRUS lists' Stalin, Mao, Liu Shaoqi and Kim Il Sung match by name only: a curator decides
    assert report.for_review >= 4 and set(report.linked) <= {"label", "viaf"}


# ------------------------------------------------------------------ the command


def cwkg(*args: str, store: Path, env: dict | None = None):
    import os
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "cwkg", "--store", str(store), *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_the_link_command_links_reviews_and_says_so_in_one_line(tmp_path, wikidata):
    store = tmp_path / "store"
    assert cwkg("ingest", str(EXAMPLE), store=store).returncode == 0
    done = cwkg("link", "--endpoint", wikidata, "--cache", str(tmp_path / "cache"), "--review", str(tmp_path / "r.csv"), store=store)
    assert (done.returncode, done.stdout) == (0, "")
    # The authority's organisations and events that have no confirmed Wikidata id are among the 201.
    assert done.stderr.startswith("201 entities without an authority's or curator's Wikidata link: linked 1 (label 1), 0 for review")
    assert done.stderr.count("\n") == 1
    profile = cwkg("query", "unlinked", "--param", "kind=party", "--format", "csv", store=store)
    assert profile.stdout.splitlines()[1:3] == [
        "party,Communist Party of Czechoslovakia,1,https://w3id.org/cwkg/id/party/kscs",
        "party,Workers' Party of Korea,1,https://w3id.org/cwkg/id/party/wpk"]


def test_the_link_command_offline_with_an_empty_cache_exits_1_saying_what_is_missing(tmp_path):
    store = tmp_path / "store"
    assert cwkg("ingest", str(EXAMPLE), store=store).returncode == 0
    done = cwkg("link", "--offline", "--cache", str(tmp_path / "empty"), store=store)
    assert done.returncode == 1
    assert done.stderr.startswith(f"error: {tmp_path / 'empty'}: --offline: ")
    assert "Wikidata requests are not in the cache" in done.stderr and done.stderr.count("\n") == 1


def test_an_unknown_kind_is_a_usage_error(tmp_path):
    done = cwkg("link", "--kind", "planet", "--offline", store=tmp_path / "store")
    assert (done.returncode, done.stderr) == (2, "error: unknown kind 'planet' (use person, state, party, place, event)\n")


def test_the_facts_of_wikidata_items_do_not_make_their_labels_ambiguous(example, wikidata, tmp_path):
    link(example, client_for(wikidata, tmp_path / "cache"), None, today=TODAY)
    rows = run(example, load_catalog()["ambassadors-discussing"], {"topic": "Albania", "year": "1962"}).rows
    assert sorted({r["ambassador"].value for r in rows}) == ["Ri Song-un", "Richard Dvoràk"]
