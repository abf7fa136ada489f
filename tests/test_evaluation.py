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


def test_the_reported_position_of_kim_il_sung_is_found_with_its_reporter(report):
    assert (report.reported_by.correct, report.reported_by.total) == (1, 1)
    assert not any("Kim Il Sung" in miss for miss in report.findings.get("missed position", []))


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


def test_mentions_the_graph_misses_or_adds_are_listed_by_kind(tmp_path):
    """So an annotator can see which states, parties or events were not found, not only how many."""
    (tmp_path / "memo.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    gold = tmp_path / "memo.gold.yaml"
    gold.write_text("document: {file: memo.txt, title: x}\nmentions:\n  states: [Albania, Ruritania]\n", encoding="utf-8")
    r = evaluate(gold, [])
    assert r.findings["missed states"] == ["ruritania"]


def test_cli_eval_prints_json(report):
    result = CliRunner().invoke(app, ["eval", str(need(FOUNDING_GOLD)), "--corpus", str(need(CORPUS)), "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    (one,) = data["files"]
    expected = report.as_dict()
    assert one["positions"] == expected["positions"] and one["mentions"]["all"] == expected["mentions"]["all"]
    assert data["total"]["positions"] == one["positions"]


def test_cli_eval_names_a_missing_document(tmp_path):
    gold = tmp_path / "lost.gold.yaml"
    gold.write_text("document: {file: nowhere.txt}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold), "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {gold}: cannot find its document 'nowhere.txt'")


def test_totals_add_the_counts_of_every_file():
    from cwkg.evaluate import Accuracy, Report, total

    a = Report("a.gold.yaml", "a", positions=Score(3, 1, 2), stance=Accuracy(2, 3), mentions={"states": Score(1, 0, 1)})
    b = Report("b.gold.yaml", "b", positions=Score(1, 1, 0), stance=Accuracy(1, 1), mentions={"states": Score(2, 1, 0)})
    t = total([a, b])
    assert (t.positions, t.stance, t.mentions["states"]) == (Score(4, 2, 2), Accuracy(3, 4), Score(3, 1, 1))


FRUS_MINI = Path(__file__).resolve().parent / "fixtures" / "frus_mini.xml"


def _frus_gold(tmp_path, doc_id: str, extra: str = "") -> Path:
    import shutil

    shutil.copy(FRUS_MINI, tmp_path / "frus_mini.xml")
    gold = tmp_path / f"frus_mini-{doc_id}.gold.yaml"
    gold.write_text(f"document: {{file: frus_mini.xml, id: {doc_id}{extra}}}\n", encoding="utf-8")
    return gold


@pytest.mark.parametrize(("doc_id", "date", "correct"), [("d2", "1963-06-01", 1), ("d2", "1963-05-14", 0), ("d1", "1963-05-14", 1)])
def test_a_gold_naming_a_document_of_a_volume_scores_that_document(tmp_path, doc_id, date, correct):
    r = evaluate(_frus_gold(tmp_path, doc_id, f", date: {date}"), [])
    assert (r.document_date.correct, r.document_date.total) == (correct, 1)


def test_a_gold_naming_a_document_that_is_not_there_is_a_one_line_error(tmp_path):
    gold = _frus_gold(tmp_path, "d999")
    result = CliRunner().invoke(app, ["eval", str(gold), "--corpus", str(tmp_path)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {gold}: gold key `document.id`: no document 'd999' in {tmp_path / 'frus_mini.xml'}\n"


@pytest.mark.parametrize(("text", "key"), [
    ("document: {file: memo.txt}\npositions:\n  - {speaker: X}\n", "positions[0].evidence"),
    ("document: {file: memo.txt}\npositions: {speaker: X}\n", "positions"),
    ("document: {file: memo.txt}\npersons:\n  - {aliases: [A]}\n", "persons[0].name"),
    ("document: {file: memo.txt}\nmeetings:\n  - {participants: {a: 1}}\n", "meetings[0].participants"),
    ("document: [memo.txt]\n", "document"),
])
def test_a_malformed_gold_file_is_a_one_line_error_naming_the_key(tmp_path, text, key):
    (tmp_path / "memo.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    gold = tmp_path / "memo.gold.yaml"
    gold.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {gold}: gold key `{key}`: ") and result.stderr.count("\n") == 1


def test_a_gold_file_cannot_name_a_path_outside_its_folders(tmp_path):
    gold = tmp_path / "escape.gold.yaml"
    gold.write_text("document: {file: ../../etc/passwd}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(gold)])
    assert result.exit_code == 1
    assert "is not a plain file name" in result.stderr


def test_an_unnamed_gold_speaker_matches_a_speaker_who_is_not_a_named_person():
    from cwkg.evaluate import _Predicted, _speaks
    from cwkg.gold import Gold, GoldPerson

    gold = Gold(Path("g"), {}, [], [GoldPerson("Dean Rusk", ("the Secretary",), ())], {}, [])
    unnamed = _Predicted("p", 0, 1, {"a participant"}, False, "informs", set(), set(), "q", "a participant")
    named = _Predicted("p", 0, 1, {"john doe"}, True, "informs", set(), set(), "q", "John Doe")
    assert (_speaks(gold, "unnamed participant", unnamed), _speaks(gold, "unnamed participant", named)) == (True, False)
    assert (_speaks(gold, "Dean Rusk", unnamed), _speaks(gold, "Dean Rusk", named)) == (False, False)


def test_who_took_part_questions_are_put_to_the_meetings_query(tmp_path):
    (tmp_path / "memo.txt").write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    gold = tmp_path / "memo.gold.yaml"
    gold.write_text(
        "document: {file: memo.txt}\n"
        "persons:\n  - {name: Richard Dvořák, aliases: [Richard Dvoràk]}\n  - {name: Ri Song-un, aliases: []}\n"
        "questions:\n  - {ask: 'Who took part in the luncheon of 30 March 1962?', answer: [Richard Dvořák, Ri Song-un]}\n"
        "  - {ask: 'Who took part in the luncheon of 31 March 1962?', answer: [Richard Dvořák, Ri Song-un]}\n"
        "  - {ask: 'Why did the luncheon take place?', answer: [Richard Dvořák]}\n", encoding="utf-8")
    r = evaluate(gold, [])
    assert (r.questions.correct, r.questions.total) == (1, 3)


def _predicted(start: int, end: int, speaker: str = "a"):
    from cwkg.evaluate import _Predicted

    return _Predicted(f"p{start}", start, end, {speaker}, True, "informs", set(), set(), "", speaker)


def test_one_prediction_over_two_gold_statements_matches_only_the_one_it_overlaps_most():
    from cwkg.evaluate import _pairs

    pairs = _pairs([(0, 10), (12, 40)], [_predicted(0, 40)], lambda gi, p: True)
    assert pairs == [(1, 0)]


def test_each_gold_statement_takes_the_prediction_it_overlaps_most_and_leaves_the_rest():
    from cwkg.evaluate import _pairs

    pairs = _pairs([(0, 20), (20, 40)], [_predicted(0, 15), _predicted(5, 40), _predicted(30, 38)], lambda gi, p: True)
    assert pairs == [(0, 0), (1, 1)]


def test_a_prediction_in_another_speakers_mouth_is_no_match():
    from cwkg.evaluate import _pairs

    pairs = _pairs([(0, 20)], [_predicted(0, 20, "b")], lambda gi, p: "a" in p.speaker)
    assert pairs == []


def test_totals_by_archive_add_the_files_of_each_publisher():
    from cwkg.evaluate import Report, by_archive

    files = [Report("a.gold.yaml", "a", "X", positions=Score(1, 0, 1)), Report("b.gold.yaml", "b", "Y", positions=Score(2, 2, 0)),
             Report("c.gold.yaml", "c", "X", positions=Score(3, 1, 0))]
    assert [(r.name, r.positions) for r in by_archive(files)] == [("archive: X", Score(4, 1, 1)), ("archive: Y", Score(2, 2, 0))]


def test_cli_eval_totals_prints_one_column_per_archive_and_the_total():
    golds = [str(need(FOUNDING_GOLD)), str(need(GOLD / "frus1964-68v17-d9.gold.yaml"))]
    result = CliRunner().invoke(app, ["eval", *golds, "--corpus", str(need(CORPUS)), "--format", "table", "--totals"])
    assert result.exit_code == 0
    header = next(line for line in result.stdout.splitlines() if line.startswith("measure"))
    assert header.split() == ["measure", "HPPPDA", "history.sta…", "total"]


def test_meetings_are_paired_one_to_one_best_fit_first_not_in_the_golds_order():
    from cwkg.evaluate import _Meeting, _meeting_pairs
    from cwkg.gold import GoldMeeting
    gold = [GoldMeeting("talks", "1968-08-27", None, ("A", "B")), GoldMeeting("talks", "1968-08-25", None, ("B", "C"))]
    wanted = [[{"a"}, {"b"}], [{"b"}, {"c"}]]
    predicted = [_Meeting("1968-08-25", set(), [{"b"}, {"c"}])]
    assert _meeting_pairs(gold, wanted, predicted) == {1: 0}


def test_the_post_of_someone_the_record_leaves_unnamed_is_not_scored(tmp_path):
    """The gold lists the people a record names, as the person scores do: an unnamed envoy's post is neither hit nor extra."""
    (tmp_path / "memo.txt").write_text(
        "MEMORANDUM OF CONVERSATION\n\nDate: May 4, 1964\n\nComrade Pyotr Ivanov received the Hungarian ambassador in Warsaw. "
        "Pyotr Ivanov said that the harvest was good.\n", encoding="utf-8")
    gold = tmp_path / "memo.gold.yaml"
    gold.write_text("document: {file: memo.txt, title: x}\npersons:\n  - {name: Pyotr Ivanov, aliases: []}\n", encoding="utf-8")
    r = evaluate(gold, [])
    assert (r.posts.tp, r.posts.fp, r.posts.fn, r.persons.tp) == (0, 0, 0, 1)


def test_an_occasions_gold_name_matches_without_the_date_that_closes_it():
    from cwkg.gold import occasion_names
    assert [sorted(occasion_names(n)) for n in ("Ivanov speech of May 19, 1964", "44th Council meeting, October 4, 1968", "Korean War")] == [
        ["ivanov speech", "ivanov speech of may 19, 1964"], ["44th council meeting", "44th council meeting, october 4, 1968"], ["korean war"]]
