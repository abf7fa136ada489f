"""Issue 31, item 6: what the command line did below parsing and printing now lives in the modules it belongs to;
each behaviour it had is specified here, at that module, with no command line in between."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from cwkg.batch import Batch, Tally, batch_of, loaded_line
from cwkg.errors import CwkgError
from cwkg.evaluate import Accuracy, Report, Score
from cwkg.explain import Explained, Explanation, Sentence, Turn, Voice
from cwkg.explain_render import text_lines, voice_lines
from cwkg.ontology.vocab import document_iri
from cwkg.graph.push import LocalGraph, Outcome, Plan
from cwkg.graph.selection import chosen_graphs
from cwkg.graph.serve import served_note
from cwkg.graph.store import engine_failure
from cwkg.graph.storeapi import answer_form
from cwkg.output import cut_note
from cwkg.pipeline import IngestResult
from cwkg.queries.catalog import load_catalog
from cwkg.queries.params import canned, parse_params
from cwkg.queries.querytext import query_text
from cwkg.scoretable import score_lines, short_name
from cwkg.validation import report_lines

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


# ------------------------------------------------------------------ ingest: the batch and its tally


def test_a_binary_file_met_in_a_folder_is_set_aside_and_a_named_one_is_loaded(tmp_path):
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "strelsau.txt").write_text("Pyotr Ivanov met Adam Nowak in Strelsau.", encoding="utf-8")
    (folder / "seal.png").write_bytes(PNG)
    named = tmp_path / "crest.png"
    named.write_bytes(PNG)
    batch = batch_of([folder, named])
    assert (batch.files, batch.binaries, batch.named) == ([folder / "strelsau.txt", named], [folder / "seal.png"], {named})


def test_the_files_whose_earlier_load_was_cut_off_are_named_for_completion(tmp_path):
    first, second = tmp_path / "one.txt", tmp_path / "two.txt"
    for path in (first, second):
        path.write_text("Adam Nowak spoke.", encoding="utf-8")
    batch = batch_of([first, second])
    assert batch.resumed([(str(second.resolve()), "1961-05-03T10:00:00+00:00")]) == [second]


def test_the_tally_counts_loaded_skipped_and_failed_files_and_says_one_summary_line(tmp_path):
    record, note, named = tmp_path / "strelsau.txt", tmp_path / "folder" / "NOTE.md", tmp_path / "bad.txt"
    batch = Batch([record, note, named], [tmp_path / "folder" / "seal.png"], {record, named})
    tally = Tally()
    outcomes = [tally.add(IngestResult(record, documents=1, meetings=2, positions=3, refused=("d1: a rule",)), batch),
                tally.add(IngestResult(note, error="not a record", unrecognised=True), batch),
                tally.add(IngestResult(named, error="not a record", unrecognised=True), batch)]
    assert outcomes == ["loaded", "skipped", "failed"]
    assert tally.summary(batch, False, Path("/data/store"), 1234) == (
        "1 files loaded (1 documents, 2 meetings, 3 positions, 1 refused), 1 failed, 2 skipped (--verbose names them); "
        "store /data/store holds 1234 triples")


def test_the_summary_names_no_verbose_hint_when_nothing_was_skipped(tmp_path):
    record = tmp_path / "strelsau.txt"
    record.write_text("Adam Nowak spoke.", encoding="utf-8")
    batch, tally = batch_of([record]), Tally()
    tally.add(IngestResult(record, documents=1), batch)
    assert tally.summary(batch, False, Path("s"), 7) == ("1 files loaded (1 documents, 0 meetings, 0 positions), 0 failed, "
                                                         "0 skipped; store s holds 7 triples")


def test_a_loaded_file_with_one_document_names_it():
    result = IngestResult(Path("strelsau.txt"), document="https://w3id.org/cwkg/id/document/x", documents=1, triples=40,
                          persons=2, meetings=1, mentions=5, positions=3)
    assert loaded_line(result) == ("strelsau.txt: 1 documents, 40 triples, 2 persons, 1 meetings, 5 mentions, 3 positions "
                                   "-> https://w3id.org/cwkg/id/document/x")


# ------------------------------------------------------------------ graph selection


PRESENT = [document_iri("wilson-1961-d5"), document_iri("frus-1962-d5"), document_iri("frus-1962-d12"),
           ox.NamedNode("https://example.org/graph/ruritania")]


def test_no_graph_or_document_asked_means_all():
    assert chosen_graphs(PRESENT, [], []) is None


def test_a_document_is_chosen_by_its_id_suffix_and_a_graph_by_its_iri_each_once():
    assert chosen_graphs(PRESENT, ["https://example.org/graph/ruritania"], ["d12", "frus-1962-d12"]) == [
        ox.NamedNode("https://example.org/graph/ruritania"), document_iri("frus-1962-d12")]


@pytest.mark.parametrize("graphs, documents, message", [
    ([], ["d5"], "'d5' names 2 documents; give its IRI"),
    ([], ["d99"], "no document 'd99' in the store"),
    (["https://example.org/graph/strelsau"], [], "no graph <https://example.org/graph/strelsau> in the store"),
])
def test_a_choice_naming_none_or_several_is_refused(graphs, documents, message):
    with pytest.raises(CwkgError) as raised:
        chosen_graphs(PRESENT, graphs, documents)
    assert str(raised.value) == message


# ------------------------------------------------------------------ canned query parameters and query text


def test_parameters_are_read_as_stripped_key_value_pairs():
    assert parse_params(["topic = Ruritania", "year=1961", "person=Adam Nowak=Jr"]) == {
        "topic": "Ruritania", "year": "1961", "person": "Adam Nowak=Jr"}


@pytest.mark.parametrize("item", ["Ruritania", "=1961"])
def test_a_parameter_without_a_key_is_refused(item):
    with pytest.raises(CwkgError) as raised:
        parse_params([item])
    assert str(raised.value) == f"--param '{item}' is not key=value"


def test_an_unknown_canned_query_is_refused_with_the_known_names():
    catalog = load_catalog()
    with pytest.raises(CwkgError) as raised:
        canned(catalog, "strelsau")
    assert (canned(catalog, "meetings").name, str(raised.value)) == (
        "meetings", f"no canned query 'strelsau' (known: {', '.join(catalog)})")


def test_a_query_text_that_names_a_file_is_read_from_it(tmp_path):
    path = tmp_path / "ruritania.rq"
    path.write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    assert (query_text(str(path)), query_text("SELECT * WHERE { ?s ?p ?o }")) == ("ASK { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o }")


def test_a_query_text_that_looks_like_a_missing_file_is_said_to_be_one(tmp_path):
    missing = tmp_path / "strelsau.rq"
    with pytest.raises(CwkgError) as raised:
        query_text(str(missing))
    assert str(raised.value) == f"{missing}: no such query file (give a SPARQL query, or the path of a file holding one)"


# ------------------------------------------------------------------ answers and their notes


def test_a_cut_page_says_how_to_get_the_rest():
    assert (cut_note(True, 10), cut_note(True, 10, 20), cut_note(False, 10)) == (
        "note: only the first 10 rows are printed (--limit); give --limit 0 for all",
        "note: rows 21-30 are printed (--offset, --limit); --offset 30 gives the next", None)


def test_the_three_forms_of_an_embedded_answer_are_told_apart():
    from cwkg.graph.store import GraphStore

    store = GraphStore.in_memory()
    assert [answer_form(store.query(q)) for q in ("ASK {}", "SELECT ?s WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }")] == \
        ["boolean", "solutions", "triples"]


def test_an_engine_failure_about_its_files_is_said_as_a_damaged_store_and_another_failure_is_not():
    damaged = engine_failure(RuntimeError("Corruption: bad block in 000012.sst"), "/data/store")
    assert (str(damaged).startswith("/data/store: the store is damaged"), engine_failure(ValueError("Corruption"), "s"),
            engine_failure(RuntimeError("something else"), "s")) == (True, None, None)


def test_a_store_no_server_serves_gets_no_note(tmp_path):
    assert served_note(tmp_path) is None


# ------------------------------------------------------------------ push


def test_a_push_plan_says_what_it_moves_and_lists_it_for_a_dry_run():
    graph = ox.NamedNode("https://example.org/graph/ruritania")
    plan = Plan([LocalGraph(graph, "ab", 12)], 3, [ox.NamedNode("https://example.org/graph/strelsau")],
                [ox.NamedNode("https://example.org/graph/old")])
    assert (plan.line(), plan.dry_run_lines()) == (
        "1 graphs to push (12 triples), 3 unchanged, 1 to delete, 1 remote graphs no longer here (kept; --delete removes them)",
        ["push\thttps://example.org/graph/ruritania\t12", "delete\thttps://example.org/graph/strelsau"])


def test_a_push_outcome_names_each_mismatch_and_counts_them():
    plan = Plan([LocalGraph(ox.NamedNode("https://example.org/g"), "ab", 12)], 0, [])
    outcome = Outcome(plan, sent=1, mismatches=[("https://example.org/g", 12, 11)])
    assert (outcome.mismatch_lines(), outcome.line()) == (
        ["mismatch: https://example.org/g: 12 triples here, 11 on the remote"],
        "pushed 1 graphs (12 triples), deleted 0; counts differ for 1 graphs")


# ------------------------------------------------------------------ validate's report


def test_a_conforming_consistent_graph_is_said_in_two_lines():
    report = {"shacl": {"conforms": True, "violations": []},
              "reasoning": {"consistent": True, "inferred": 4, "documents": 2, "batches": 1, "seconds": 0.5}}
    assert report_lines(report) == ["SHACL: the graph conforms to every data rule.",
                                    "Reasoning: HermiT finds the graph consistent; 4 facts inferred into the inferred graph "
                                    "(2 documents in 1 batches, 0.5 s)."]


def test_violations_are_grouped_by_rule_and_cut_after_twenty():
    violation = {"rule": "a post names its state", "label": None, "focus": "id:post/ruritania", "document": None, "blocking": True}
    report = {"shacl": {"conforms": False, "violations": [violation] * 21}, "reasoning": {"error": "Java is not installed"}}
    lines = report_lines(report)
    assert (lines[:3], lines[-2:], len(lines)) == (
        ["SHACL: 21 violations", "  a post names its state (21) [blocking]", "    - id:post/ruritania  (no document)"],
        ["    ... and 1 more", "Reasoning: not run (Java is not installed)"], 24)


# ------------------------------------------------------------------ eval's table


def test_a_long_archive_name_is_headed_by_its_initials_and_a_file_by_its_last_part():
    assert [short_name(n) for n in ("archive: Ruritanian State Archive of Strelsau", "archive: Strelsau", "gold-ruritania-d5")] == \
        ["RSAS", "Strelsau", "d5"]


def test_the_score_table_has_a_row_per_measure_part_and_a_column_per_report():
    first = Report("gold/ruritania-d1.gold.yaml", "d1", persons=Score(tp=1, fp=1, fn=0), speaker=Accuracy(1, 2))
    second = Report("gold/ruritania-d2.gold.yaml", "d2", persons=Score(tp=2, fp=0, fn=2))
    lines = score_lines([first, second])
    assert lines[:7] == ["d1: ruritania-d1", "d2: ruritania-d2",
                         "measure                     d1      d2",
                         "persons P                0.500   1.000",
                         "persons R                1.000   0.500",
                         "persons F1               0.667   0.667",
                         "mentions P                   -       -"]
    assert [line for line in lines if line.startswith("speaker")] == ["speaker acc              0.500       -"]


# ------------------------------------------------------------------ explain's text


VOICE = Voice("Adam Nowak", "signed the record", None, None, (Turn("Ivanov", 40, 90, "Pyotr Ivanov"),))


def test_the_voice_is_said_before_the_sentences():
    assert voice_lines(VOICE) == [
        "author: Adam Nowak (signed the record)", "addressee: not named",
        "default speaker: none (the record reports what others said; each sentence needs a cue or a turn)",
        "turn [40-90] 'Ivanov': Pyotr Ivanov"]


def test_a_sentence_without_a_position_is_shown_only_when_all_are_asked_for():
    position = Explained("Pyotr Ivanov", "Adam Nowak", "support", "the word 'welcomed'", "reported", "said", 0.8,
                         ("Ruritania",), "Ivanov welcomed the treaty")
    explanation = Explanation(VOICE, [Sentence(0, 20, "They met in Strelsau.", ()),
                                      Sentence(21, 60, "Ivanov said he welcomed the treaty.", (position,))])
    shown = text_lines("d5", "A conversation in Strelsau", explanation)[5:]
    assert shown == ["\n[21-60] Ivanov said he welcomed the treaty.",
                     "    Pyotr Ivanov via Adam Nowak: support (the word 'welcomed'); rule reported 'said', confidence 0.8",
                     "      about: Ruritania"]
    assert text_lines("d5", "A conversation in Strelsau", explanation, all_sentences=True)[5:7] == [
        "\n[0-20] They met in Strelsau.", "    (no position: narration, procedure, or no speaker found)"]
