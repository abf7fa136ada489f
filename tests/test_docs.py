"""The README a newcomer reads and the docs pages that hold the rest (issue 28, item 5)."""

from __future__ import annotations

import importlib.util
import re

import pytest
import typer.main

from cwkg.cli import app

from support import ROOT

README = ROOT / "README.md"
DOCS = ROOT / "docs"
MAIN_COMMAND = ("python3 -m venv .venv && . .venv/bin/activate && pip install . && cwkg ingest examples/ && "
                "cwkg query ambassadors-discussing --param topic=Albania --param year=1962")
TEST_COMMAND = 'python3 -m venv .venv && . .venv/bin/activate && pip install ".[test]" && python -m pytest'

_spec = importlib.util.spec_from_file_location("cwkg_gen_eval_table", DOCS / "gen_eval_table.py")
gen_eval_table = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen_eval_table)


def readme_lines() -> list[str]:
    return README.read_text(encoding="utf-8").splitlines()


def table_first_cells(page: str) -> list[str]:
    """The first cell of each body row of the page's first Markdown table."""
    rows = []
    for line in page.splitlines():
        if line.startswith("|"):
            rows.append(re.split(r"(?<!\\)\|", line)[1].strip())  # a cell may hold an escaped pipe
        elif rows:
            break
    return rows[2:]  # after the header and its rule


def test_readme_is_under_200_lines():
    assert len(readme_lines()) < 200


def test_readme_holds_the_main_command_verbatim_on_a_line_of_its_own():
    assert readme_lines().count(MAIN_COMMAND) == 1


def test_readme_holds_the_test_command_verbatim_on_a_line_of_its_own():
    assert readme_lines().count(TEST_COMMAND) == 1


def test_every_docs_page_the_readme_links_to_exists():
    links = re.findall(r"\]\((docs/[^)#]+)", README.read_text(encoding="utf-8"))
    assert [link for link in links if not (ROOT / link).is_file()] == []


def test_the_commands_table_lists_every_command_once():
    registered = sorted(typer.main.get_command(app).commands)
    cells = table_first_cells((DOCS / "commands.md").read_text(encoding="utf-8"))
    listed = sorted(re.fullmatch(r"\[`[^`]+`\]\(#([a-z-]+)\)", cell)[1] for cell in cells)
    assert listed == registered


def test_every_command_has_a_section_of_its_own_on_the_commands_page():
    headings = set(re.findall(r"^## (\S+)$", (DOCS / "commands.md").read_text(encoding="utf-8"), re.M))
    assert sorted(set(typer.main.get_command(app).commands) - headings) == []


def test_the_queries_table_lists_every_canned_query_once():
    page = (DOCS / "queries.md").read_text(encoding="utf-8")
    section = page[page.index("## The canned queries"):]
    listed = sorted(cell.strip("`") for cell in table_first_cells(section))
    assert listed == sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))


def test_the_eval_table_block_is_replaced_between_its_markers_and_nothing_else():
    page = ("# Scores\n\nBefore.\n\n<!-- eval-table:start (generated) -->\n```text\nold 0.1\n```\n"
            "<!-- eval-table:end -->\n\nAfter.\n")
    assert gen_eval_table.splice(page, "measure  total\npersons P  0.944\n") == (
        "# Scores\n\nBefore.\n\n<!-- eval-table:start (generated) -->\n```text\nmeasure  total\npersons P  0.944\n```\n"
        "<!-- eval-table:end -->\n\nAfter.\n")


def test_the_eval_table_is_refused_for_a_page_without_both_markers():
    with pytest.raises(ValueError, match="eval-table:end"):
        gen_eval_table.splice("# Scores\n\n<!-- eval-table:start -->\n", "persons P  0.944\n")


def test_the_extraction_page_holds_one_generated_eval_table():
    page = (DOCS / "extraction.md").read_text(encoding="utf-8")
    block = page[page.index(gen_eval_table.START):page.index(gen_eval_table.END)]
    assert re.findall(r"^measure\s+.*\btotal$", block, re.M) != [] and block.count("```") == 2


def test_the_readme_table_keeps_the_legend_header_and_headline_rows_in_headline_order():
    table = ("A: archive: Ruritanian State Archive\nmeasure       A   total\npersons P   0.9   0.9\nstance acc   0.5   0.6\n"
             "persons F1   0.8   0.8\n")
    assert gen_eval_table.headline(table) == (
        "A: archive: Ruritanian State Archive\nmeasure       A   total\npersons F1   0.8   0.8\nstance acc   0.5   0.6\n")
