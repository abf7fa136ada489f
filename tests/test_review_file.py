"""The curator's review file (`cwkg link --review`) is safe to open in a spreadsheet: a cell that would run as a
formula is written with a leading `'` (OWASP), and `--accept` reads every value back as it was. An accepted
entity that is not an IRI is refused with one line naming the file and the line, before any query is built."""

from __future__ import annotations

import csv

import pytest

from cwkg.errors import InputError
from cwkg.graph.wikidata.entities import Entity
from cwkg.graph.wikidata.queries import WD
from cwkg.graph.wikidata.review import neutralise, read_choices, restore, write_review
from cwkg.graph.wikidata.scoring import Decision, Scored

ENTITY = "https://w3id.org/cwkg/id/state/test-yugoslavia"
FORMULAS = ["=HYPERLINK(\"http://evil.example/\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A9)", "\tcmd", "\rcmd", "\ncmd",
            "\x00cmd"]  # OWASP's list, with ASVS 1.2.10's NUL


def decision(label: str, description: str) -> Decision:
    entity = Entity(ENTITY, "state", "Yugoslavia", ("Yugoslavia",), (ENTITY,), ())
    return Decision(entity, None, (Scored(WD + "Q36704", label, description, 0.75, ("the name",), "label"),))


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_starting_like_a_formula_is_written_with_a_leading_quote(tmp_path, value):
    review = tmp_path / "review.csv"
    write_review(review, [decision(value, "a state")])
    row = next(csv.DictReader(review.open(encoding="utf-8", newline="")))
    assert (row["candidate_label"], row["description"], row["entity"]) == ("'" + value, "a state", ENTITY)


@pytest.mark.parametrize("value", FORMULAS + ["'quoted", "''twice", "plain", "", "a=b"])
def test_every_value_is_read_back_as_it_was_written(value):
    assert restore(neutralise(value)) == value


def test_a_cell_only_a_leading_quote_protects_keeps_it_until_read_back():
    assert (neutralise("=1"), neutralise("'=1"), restore("'=1"), restore("''=1"), restore("'plain")) == (
        "'=1", "''=1", "=1", "'=1", "'plain")


def test_every_cell_of_a_written_review_reads_back_as_the_original_value(tmp_path):
    review = tmp_path / "review.csv"
    write_review(review, [decision(value, value) for value in FORMULAS])
    rows = list(csv.DictReader(review.open(encoding="utf-8", newline="")))
    assert [(restore(r["candidate_label"]), restore(r["description"])) for r in rows] == [(v, v) for v in FORMULAS]


def test_accept_reads_the_entity_and_candidate_of_a_written_review_unchanged(tmp_path):
    review = tmp_path / "review.csv"
    write_review(review, [decision("=Yugoslavia", "-a federal state")])
    rows = list(csv.DictReader(review.open(encoding="utf-8", newline="")))
    rows[0]["accept"] = "yes"  # as a curator marks it
    with review.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert [(c.entity, c.item, c.line) for c in read_choices(review)] == [(ENTITY, WD + "Q36704", 2)]


@pytest.mark.parametrize("bad", ["http://x.org/a>b", "http://x.org/a<b", 'http://x.org/a"b', "http://x.org/a b",
                                 "http://x.org/{a}", "http://x.org/a|b", "http://x.org/a\\b", "http://x.org/a^b",
                                 "http://x.org/a`b", "http://x.org/a\x1bb", "http://x.org/a> } ; DROP ALL ; #"])
def test_an_accepted_entity_that_is_no_iri_is_refused_naming_the_file_and_line(tmp_path, bad):
    review = tmp_path / "review.csv"
    with review.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerows([["entity", "candidate", "accept"], [ENTITY, "Q1", ""], [bad, "Q36704", "yes"]])
    with pytest.raises(InputError) as refused:
        read_choices(review)
    assert str(refused.value) == f"{review}: line 3: entity '{bad}' is not an IRI"


@pytest.mark.parametrize("bad", ["http://[::1", "http://x.org/%zz", "http://x.org:port/a", "http://x.org/a[b", "http://x.org/a#b#c"])
def test_an_accepted_entity_the_engine_cannot_read_as_an_iri_is_refused_naming_the_file_and_line(tmp_path, bad):
    review = tmp_path / "review.csv"
    review.write_text(f"entity,candidate,accept\n{bad},Q36704,yes\n", encoding="utf-8")
    with pytest.raises(InputError) as refused:
        read_choices(review)
    assert str(refused.value) == f"{review}: line 2: entity '{bad}' is not an IRI"
