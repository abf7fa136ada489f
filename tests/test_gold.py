"""Extraction over the development set in ../shared/gold never falls below what it has reached.

Each gold file is scored by `cwkg eval` (cwkg.evaluate) and every measure must stay at or
above its floor, per file and micro-averaged over the set. The floors are the figures
extraction reached, rounded down to two places (`python bench/gold_floors.py` prints them);
raise them whenever extraction improves. A measure at zero has no floor (it cannot fall).
"""

from __future__ import annotations

import pytest

from cwkg.evaluate import evaluate, total

from support import CORPUS, GOLD, need

FOUNDING = "000_adaeb2830212c886"
# file -> measure -> floor; "X P"/"X R"/"X F1" for scores, bare names for accuracies.
FLOORS: dict[str, dict[str, float]] = {
    '000_adaeb2830212c886': {'persons F1': 1.0, 'mentions F1': 1.0, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 0.66, 'posts R': 1.0, 'positions P': 0.47, 'positions R': 1.0, 'speaker': 1.0, 'stance': 0.58, 'topic': 0.94, 'reporter': 1.0, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'frus1964-68v17-d20': {'persons F1': 0.86, 'mentions F1': 0.66, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 0.87, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 0.8, 'positions P': 0.94, 'positions R': 0.82, 'speaker': 0.94, 'stance': 0.75, 'topic': 0.56, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'frus1964-68v17-d24': {'persons F1': 0.9, 'mentions F1': 0.53, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 0.86, 'posts P': 0.77, 'posts R': 0.7, 'positions P': 0.98, 'positions R': 0.69, 'speaker': 0.98, 'stance': 0.66, 'topic': 0.83, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'frus1964-68v17-d3': {'persons F1': 1.0, 'mentions F1': 0.77, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.97, 'positions R': 0.75, 'speaker': 1.0, 'stance': 0.66, 'topic': 0.83, 'document kind': 1.0, 'document date': 1.0},
    'frus1964-68v17-d5': {'persons F1': 1.0, 'mentions F1': 0.64, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 0.9, 'positions P': 0.91, 'positions R': 0.87, 'speaker': 0.94, 'stance': 0.61, 'topic': 0.49, 'questions': 0.33, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'frus1964-68v17-d8': {'persons F1': 1.0, 'mentions F1': 0.57, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.96, 'positions R': 0.8, 'speaker': 1.0, 'stance': 0.82, 'topic': 0.62, 'document kind': 1.0, 'document date': 1.0},
    'frus1964-68v17-d9': {'persons F1': 1.0, 'mentions F1': 0.55, 'posts P': 1.0, 'posts R': 0.85, 'positions P': 0.9, 'positions R': 1.0, 'speaker': 1.0, 'stance': 0.9, 'topic': 0.45, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'total': {'persons F1': 0.94, 'mentions F1': 0.66, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 0.96, 'participants R': 0.93, 'posts P': 0.9, 'posts R': 0.81, 'positions P': 0.89, 'positions R': 0.81, 'speaker': 0.97, 'stance': 0.7, 'topic': 0.65, 'reporter': 0.14, 'questions': 0.1, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
}


@pytest.fixture(scope="module")
def reports() -> dict:
    need(GOLD / f"{FOUNDING}.gold.yaml")
    need(CORPUS)
    by_name = {}
    for path in sorted(GOLD.glob("*.gold.yaml")):
        report = evaluate(path, [CORPUS])
        by_name[report.name] = report
    by_name["total"] = total([r for name, r in by_name.items()])
    return by_name


def test_every_gold_file_of_the_set_has_floors(reports):
    assert set(reports) == set(FLOORS)


@pytest.mark.parametrize(("name", "key", "floor"), [
    pytest.param(name, key, floor, id=f"{name}-{key.replace(' ', '-')}") for name, floors in FLOORS.items()
    for key, floor in floors.items()
])
def test_measure_stays_at_or_above_its_floor(reports, name, key, floor):
    assert reports[name].figure(key) >= floor
