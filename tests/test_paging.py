"""Issue 29, item 5: every canned query gives its answer in one total order, so `--limit N --offset M` pages it
without overlap or gap; CSV and TSV rows are written as they are read."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.output import Page, write
from cwkg.queries.ordering import ordered, total

runner = CliRunner()
# Seven records; the two of 2 March share their title and date, so only their documents tell them apart.
DATES = ["1961-01-05", "1961-03-02", "1961-03-02", "1960-11-20", "1962-07-14", "1961-09-30", "1960-02-11"]


def record(date: str, n: int) -> str:
    return (f"MEMORANDUM OF CONVERSATION\n\nTitle: Talks in Strelsau\nDate: {date}\nPlace: Strelsau\n"
            "Participants: Pyotr Ivanov, Soviet Ambassador to Ruritania; Adam Nowak, Polish Ambassador to Ruritania\n\n"
            f"Nowak said that Ruritania would keep {n + 2} crossings of its frontier open to trade.\n\nPyotr Ivanov\n")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("records")
    for n, date in enumerate(DATES):
        (folder / f"talks-{n}.txt").write_text(record(date, n), encoding="utf-8")
    store = tmp_path_factory.mktemp("paging") / "store"
    result = runner.invoke(app, ["--store", str(store), "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    return store


def rows(store: Path, *args: str) -> list[str]:
    result = runner.invoke(app, ["--store", str(store), "query", "documents", "-f", "tsv", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()[1:]


def test_three_pages_of_an_answer_are_the_whole_answer_in_order(loaded):
    whole = rows(loaded)
    pages = [rows(loaded, "--limit", "3", "--offset", str(offset)) for offset in (0, 3, 6)]
    assert ([len(page) for page in pages], [row for page in pages for row in page]) == ([3, 3, 1], whole)


def test_the_answer_is_ordered_by_date_then_by_the_other_columns(loaded):
    assert [row.split("\t")[0] for row in rows(loaded)] == sorted(DATES)


def test_a_page_that_is_cut_names_the_offset_of_the_next(loaded):
    result = runner.invoke(app, ["--store", str(loaded), "query", "documents", "-f", "tsv", "--limit", "2",
                                 "--offset", "2"])
    assert result.stderr.strip() == "note: rows 3-4 are printed (--offset, --limit); --offset 4 gives the next"


def test_rows_equal_on_the_querys_keys_follow_their_other_columns():
    lit = ox.Literal
    answer = [{"date": lit("1961"), "name": lit("Nowak")}, {"date": lit("1960"), "name": lit("Ivanov")},
              {"date": lit("1961"), "name": lit("Ivanov")}]
    keys = total([("date", False)], ["date", "name"])
    assert [(r["date"].value, r["name"].value) for r in ordered(answer, keys)] == [
        ("1960", "Ivanov"), ("1961", "Ivanov"), ("1961", "Nowak")]


def test_a_page_says_whether_rows_followed_it():
    page = Page(({"n": ox.Literal(str(i))} for i in range(5)), limit=2, offset=1)
    assert ([r["n"].value for r in page], page.shown, page.cut) == (["1", "2"], 2, True)


def test_tsv_rows_are_written_before_the_answer_is_read_to_its_end():
    out = io.StringIO()
    seen = []

    def answer():
        for name in ("Ivanov", "Nowak"):
            seen.append(out.getvalue().count("\n"))  # lines written when this row is read
            yield {"name": ox.Literal(name)}

    write(["name"], Page(answer(), limit=0), "tsv", out=out)
    assert (seen, out.getvalue()) == ([0, 2], "name\nIvanov\nNowak\n")  # Nowak is read after Ivanov is written


def test_sparql_pages_an_ordered_answer_too(loaded):
    def sparql(*args: str) -> list[str]:
        result = runner.invoke(app, ["--store", str(loaded), "sparql", "SELECT ?d WHERE { ?d a cw:Document } ORDER BY ?d",
                                     "-f", "tsv", *args])
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()[1:]

    assert sparql("--limit", "2", "--offset", "5") == sparql()[5:7]
