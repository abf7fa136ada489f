"""Extraction over the development set in ../shared/gold never falls below what it has reached.

Each gold file is scored by `cwkg eval` (cwkg.evaluate), positions matched one to one, and
every measure must stay at or above its floor, per file, per archive and micro-averaged over
the set. The floors are the figures
extraction reached, rounded down to two places (`python bench/gold_floors.py` prints them);
raise them whenever extraction improves. A measure at zero has no floor (it cannot fall).
"""

from __future__ import annotations

import pytest

from cwkg.evaluate import by_archive, evaluate, total

from support import CORPUS, GOLD, need

FOUNDING = "000_adaeb2830212c886"
# file -> measure -> floor; "X P"/"X R"/"X F1" for scores, bare names for accuracies.
FLOORS: dict[str, dict[str, float]] = {
    '000_adaeb2830212c886': {'persons F1': 1.0, 'mentions F1': 0.97, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.93, 'positions R': 0.91, 'speaker': 1.0, 'stance': 0.73, 'topic': 0.83, 'reporter': 1.0, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    '01_moskovsky_kim_1962-08-14.txt': {'persons F1': 1.0, 'mentions F1': 0.88, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.45, 'positions R': 1.0, 'speaker': 1.0, 'stance': 0.6, 'topic': 1.0, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    '02_moskovsky_pak_1962-08-24.txt': {'persons F1': 1.0, 'mentions F1': 0.93, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.5, 'positions R': 0.66, 'speaker': 1.0, 'stance': 0.5, 'topic': 0.75, 'questions': 1.0, 'document date': 1.0, 'document author': 1.0},
    '03_moskovsky_pak_1962-12-29.txt': {'persons F1': 1.0, 'mentions F1': 0.9, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.75, 'positions R': 0.6, 'speaker': 1.0, 'stance': 0.66, 'topic': 0.66, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    '04_moskovsky_pakyg_1963-04-01.txt': {'persons F1': 1.0, 'mentions F1': 1.0, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 0.33, 'posts P': 1.0, 'posts R': 0.33, 'positions P': 1.0, 'positions R': 0.25, 'speaker': 1.0, 'document kind': 1.0, 'document date': 1.0},
    '05_vereshchagin_kimhm_1956-10-19.txt': {'persons F1': 0.9, 'mentions F1': 0.8, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 0.66, 'posts P': 1.0, 'posts R': 0.5, 'positions P': 1.0, 'positions R': 0.66, 'speaker': 1.0, 'stance': 1.0, 'topic': 0.5, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    '06_puzanov_journal_1960-03-07.txt': {'persons F1': 0.85, 'mentions F1': 0.8, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 0.71, 'participants R': 0.83, 'posts P': 1.0, 'posts R': 0.4, 'positions P': 0.66, 'positions R': 0.66, 'speaker': 1.0, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    '07_puzanov_journal_1960-03-01.txt': {'persons F1': 1.0, 'mentions F1': 1.0, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 0.75, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.4, 'positions R': 0.4, 'speaker': 0.5, 'stance': 1.0, 'topic': 0.5, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    '08_cn_zhou_three_ambassadors_1964-08-03.txt': {'persons F1': 0.84, 'mentions F1': 0.87, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 0.77, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0},
    '09_pl_cryptogram_bucharest_1968-08-28.txt': {'persons F1': 0.8, 'mentions F1': 1.0, 'meetings R': 0.33, 'meeting date': 0.33, 'meeting place': 0.33, 'participants P': 1.0, 'participants R': 0.33, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.62, 'positions R': 0.71, 'speaker': 0.85, 'stance': 0.6, 'topic': 1.0, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    '10_gdr_note_naperei_jarck_1968-07-29.txt': {'persons F1': 1.0, 'mentions F1': 1.0, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 0.5, 'posts R': 0.2, 'positions P': 0.37, 'positions R': 0.75, 'speaker': 0.75, 'stance': 1.0, 'topic': 0.66, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    '11_hu_report_kovacs_1964-01-11.txt': {'persons F1': 0.88, 'mentions F1': 1.0, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 0.75, 'positions P': 0.75, 'positions R': 0.75, 'speaker': 1.0, 'stance': 0.66, 'topic': 0.66, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    '12_ro_minutes_maurer_zhou_1969-09-11.txt': {'persons F1': 0.93, 'mentions F1': 0.94, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 0.72, 'posts R': 1.0, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0},
    'frus1964-68v17-d20': {'persons F1': 0.86, 'mentions F1': 0.81, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 0.87, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 0.8, 'positions P': 0.94, 'positions R': 0.82, 'speaker': 0.94, 'stance': 0.83, 'topic': 0.58, 'questions': 0.66, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'frus1964-68v17-d24': {'persons F1': 0.93, 'mentions F1': 0.85, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 0.86, 'posts P': 0.77, 'posts R': 0.7, 'positions P': 0.96, 'positions R': 0.72, 'speaker': 0.98, 'stance': 0.72, 'topic': 0.81, 'questions': 0.33, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'frus1964-68v17-d3': {'persons F1': 1.0, 'mentions F1': 0.91, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.97, 'positions R': 0.76, 'speaker': 1.0, 'stance': 0.67, 'topic': 0.83, 'document kind': 1.0, 'document date': 1.0},
    'frus1964-68v17-d5': {'persons F1': 1.0, 'mentions F1': 0.7, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 1.0, 'participants R': 1.0, 'posts P': 1.0, 'posts R': 0.9, 'positions P': 0.91, 'positions R': 0.88, 'speaker': 0.95, 'stance': 0.75, 'topic': 0.52, 'questions': 0.33, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'frus1964-68v17-d8': {'persons F1': 1.0, 'mentions F1': 0.88, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'posts P': 1.0, 'posts R': 1.0, 'positions P': 0.97, 'positions R': 0.92, 'speaker': 1.0, 'stance': 0.8, 'topic': 0.66, 'questions': 0.33, 'document kind': 1.0, 'document date': 1.0},
    'frus1964-68v17-d9': {'persons F1': 1.0, 'mentions F1': 0.83, 'posts P': 1.0, 'posts R': 0.85, 'positions P': 0.85, 'positions R': 0.9, 'speaker': 1.0, 'stance': 0.83, 'topic': 0.55, 'questions': 1.0, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'archive: History and Public Policy Program Digital Archive': {'persons F1': 0.91, 'mentions F1': 0.94, 'meetings R': 0.87, 'meeting date': 0.87, 'meeting place': 0.87, 'participants P': 0.9, 'participants R': 0.86, 'posts P': 0.89, 'posts R': 0.73, 'positions P': 0.71, 'positions R': 0.72, 'speaker': 0.92, 'stance': 0.69, 'topic': 0.77, 'reporter': 0.16, 'questions': 0.9, 'document kind': 0.92, 'document date': 1.0, 'document author': 0.9},
    'archive: history.state.gov': {'persons F1': 0.94, 'mentions F1': 0.83, 'meetings R': 1.0, 'meeting date': 1.0, 'meeting place': 1.0, 'participants P': 0.96, 'participants R': 0.92, 'posts P': 0.91, 'posts R': 0.81, 'positions P': 0.94, 'positions R': 0.83, 'speaker': 0.97, 'stance': 0.76, 'topic': 0.66, 'questions': 0.44, 'document kind': 1.0, 'document date': 1.0, 'document author': 1.0},
    'total': {'persons F1': 0.92, 'mentions F1': 0.87, 'meetings R': 0.9, 'meeting date': 0.9, 'meeting place': 0.9, 'participants P': 0.92, 'participants R': 0.88, 'posts P': 0.9, 'posts R': 0.77, 'positions P': 0.88, 'positions R': 0.81, 'speaker': 0.96, 'stance': 0.75, 'topic': 0.68, 'reporter': 0.08, 'questions': 0.6, 'document kind': 0.94, 'document date': 1.0, 'document author': 0.93},
}


@pytest.fixture(scope="module")
def reports() -> dict:
    need(GOLD / f"{FOUNDING}.gold.yaml")
    need(CORPUS)
    by_name = {}
    for path in sorted(GOLD.glob("*.gold.yaml")):
        report = evaluate(path, [CORPUS])
        by_name[report.name] = report
    files = list(by_name.values())
    by_name.update({r.name: r for r in by_archive(files)})
    by_name["total"] = total(files)
    return by_name


def test_every_gold_file_of_the_set_has_floors(reports):
    assert set(reports) == set(FLOORS)


@pytest.mark.parametrize(("name", "key", "floor"), [
    pytest.param(name, key, floor, id=f"{name}-{key.replace(' ', '-')}") for name, floors in FLOORS.items()
    for key, floor in floors.items()
])
def test_measure_stays_at_or_above_its_floor(reports, name, key, floor):
    assert round(reports[name].figure(key), 9) >= floor  # 40/42 and 40/58 give an F1 of 0.8 as 0.7999999999999999
