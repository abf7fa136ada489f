"""`cwkg eval`: scores against gold files, and the floors the founding memorandum must keep."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.evaluate import Score, evaluate

from support import CORPUS, EXAMPLE, GOLD, need

FOUNDING_GOLD = GOLD / "000_adaeb2830212c886.gold.yaml"


@pytest.fixture(scope="module")
def report():
    return evaluate(need(FOUNDING_GOLD), [need(CORPUS)])


def test_mentions_f1_is_at_least_0_95(report):
    assert report.mentions_total.f1 >= 0.95


def test_positions_recall_at_least_0_85_and_precision_at_least_0_80(report):
    assert report.positions.recall >= 0.85
    assert report.positions.precision >= 0.80


def test_speaker_topic_and_stance_accuracy_floors(report):
    assert report.speaker.value >= 0.95
    assert report.topic.value >= 0.85
    assert report.stance.value >= 0.75


def test_the_reported_position_of_kim_il_sung_is_found_with_its_reporter(report):
    assert (report.reported_by.correct, report.reported_by.total) == (1, 1)
    assert not any("Kim Il Sung" in miss for miss in report.missed_positions)


def test_the_gold_question_is_answered(report):
    assert (report.questions.correct, report.questions.total) == (1, 1)


def test_score_arithmetic():
    s = Score(tp=8, fp=2, fn=8)
    assert (s.precision, s.recall, round(s.f1, 4)) == (0.8, 0.5, 0.6154)


def test_a_gold_file_for_a_document_nobody_here_has_seen(tmp_path):
    """Any gold file in the format works: here one written for a short memorandum of our own."""
    page = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "memo.txt").write_text(page, encoding="utf-8")
    gold = tmp_path / "memo.gold.yaml"
    gold.write_text(
        "document: {file: memo.txt, title: x}\n"
        "persons:\n  - {name: Kim Il Sung, aliases: [Kim Il Sung]}\n  - {name: Nobody Here, aliases: []}\n"
        "mentions:\n  states: [Albania, France]\n"
        "positions:\n  - {id: A, speaker: Kim Il Sung, about: [Soviet Union], stance: advocates, "
        "evidence: 'sit down at the table with the Soviet comrades'}\n", encoding="utf-8")
    r = evaluate(gold, [])
    assert (r.mentions["states"].tp, r.mentions["states"].fn) == (1, 1)
    assert (r.positions.tp, r.positions.fn, r.stance.correct) == (1, 0, 1)
    assert (r.persons.tp, r.persons.fn) == (1, 1)


def test_cli_eval_prints_json(tmp_path):
    result = CliRunner().invoke(app, ["eval", str(need(FOUNDING_GOLD)), "--corpus", str(need(CORPUS)), "--format", "json"])
    assert result.exit_code == 0
    (data,) = json.loads(result.stdout)
    assert data["positions"]["recall"] >= 0.85 and data["mentions"]["all"]["f1"] >= 0.95


def test_cli_eval_names_a_missing_document(tmp_path):
    gold = tmp_path / "lost.gold.yaml"
    gold.write_text("document: {file: nowhere.txt}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {gold}: cannot find its document 'nowhere.txt'")
