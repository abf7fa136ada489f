"""The README's tour runs as written and prints what the README says it prints.

The tour's shell lines are read from the README and run by bash from the checkout, in a folder of the test's own
(`mktemp -d` under it). The one line not run as written is the one that starts the remote store: the test starts the
same `oxigraph serve --union-default-graph` on a free port and the tour's address is pointed at it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from oxigraph_server import RunningServer
from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
TOUR = README[README.index("## A short tour"):README.index("## Input shapes")]
TOUR_ADDRESS = "http://127.0.0.1:7979/query"


def blocks(kind: str) -> list[str]:
    return re.findall(rf"^```{kind}\n(.*?)^```$", TOUR, re.M | re.S)


@pytest.fixture(scope="module")
def tour(tmp_path_factory):
    """The tour's output, standard output and error together, and its exit code."""
    folder = tmp_path_factory.mktemp("tour")
    server = RunningServer(folder / "remote").start()
    try:
        lines = [line for block in blocks("sh") for line in block.splitlines() if not line.startswith("oxigraph serve")]
        script = "\n".join(lines).replace(TOUR_ADDRESS, server.query_url)
        env = {**os.environ, "TMPDIR": str(folder), "COLUMNS": "100",
               "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")}
        env.pop("CWKG_STORE", None)
        done = subprocess.run(["bash", "-e", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=600)
    finally:
        server.stop()
    return done.returncode, done.stdout + done.stderr


def test_the_tour_starts_its_remote_store_at_the_address_it_pushes_to():
    assert re.findall(r"^oxigraph serve .*--bind 127\.0\.0\.1:7979 --union-default-graph &$", TOUR, re.M) != [] \
        and f"--endpoint {TOUR_ADDRESS}" in TOUR


def test_every_command_of_the_tour_succeeds(tour):
    code, output = tour
    assert code == 0, output


def test_the_tour_ingest_prints_the_summary_the_readme_shows(tour):
    shown = blocks("text")[0].strip()
    pattern = re.escape(shown).replace(re.escape("/tmp/tmp.../store"), r"\S+/store")
    assert re.search(rf"^{pattern}$", tour[1], re.M), tour[1]


def test_the_tour_push_prints_the_line_the_readme_shows(tour):
    shown = re.search(r"`push` prints\s+`([^`]+)`", TOUR)[1]
    assert shown in tour[1].splitlines(), tour[1]


def test_the_tour_question_answers_with_the_speaker_and_date_the_readme_names(tour):
    first, second, day = re.search(r"The second answers\s+(\w+\s\w+)\s+and\s+(\w+\s\w+), (\d{4}-\d\d-\d\d)",
                                   TOUR).groups()
    answers = [line.split()[:3] for line in tour[1].splitlines() if re.match(r"^\w+ \w+ +\d{4}-", line)]
    assert answers == [first.split() + [day], second.split() + [day]]


def test_the_tour_meetings_are_the_three_the_readme_lists_with_their_header_dates_and_places(tour):
    listed = re.findall(r"\b(Warsaw|Moscow|Belgrade)\s+(\d{4}-\d\d-\d\d)", TOUR)
    rows = re.findall(r"^(\d{4}-\d\d-\d\d),conversation,(\w+),", tour[1], re.M)  # the remote query repeats one
    assert sorted({(place, day) for day, place in rows}) == sorted(listed)
