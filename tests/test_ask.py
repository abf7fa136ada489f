"""`cwkg ask`: questions written for these tests (never a gold file's wording) read into their kinds and slots,
each refusal, and answers end to end on a small store of invented records."""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from cwkg.ask.dates import take_date
from cwkg.ask.model import Contacts, DateWindow, Discussed, MeetingRef, Named, Said, TookPart, Unreadable
from cwkg.ask.reader import read
from cwkg.ask.rank import Scored, best
from cwkg.cli import app

DAY = DateWindow(date(1962, 5, 14), date(1962, 5, 14), "day")
MAY = DateWindow(date(1962, 5, 1), date(1962, 5, 31), "month")
YEAR = DateWindow(date(1963, 1, 1), date(1963, 12, 31), "year")


# --- dates -----------------------------------------------------------------------------------------------------------

def test_a_day_written_day_first_is_taken_out_of_the_question():
    assert take_date("Who met in Warsaw on 14 May 1962?") == (DAY, "Who met in Warsaw?")


def test_a_day_written_month_first_is_the_same_day():
    assert take_date("the session of May 14, 1962") == (DAY, "the session")


def test_a_month_is_its_first_to_last_day():
    assert take_date("Who said in May 1962 that it rained?") == (MAY, "Who said that it rained?")


def test_a_range_of_years_is_read_with_between():
    assert take_date("Who discussed Ruritania between 1960 and 1965?")[0] == DateWindow(date(1960, 1, 1), date(1965, 12, 31), "range")


def test_a_window_holds_a_date_by_its_grain():
    assert (MAY.holds("1962-05-31"), MAY.holds("1962-06-01"), MAY.holds(None)) == (True, False, False)


# --- the kinds, read into their slots --------------------------------------------------------------------------------

def test_which_ambassadors_discussed_reads_role_topic_and_year():
    assert read("Which envoys discussed Ruritania in 1963?") == Discussed(topic="Ruritania", role="ambassador", window=YEAR)


def test_positions_at_a_meeting_read_the_meeting_apart_from_the_subject():
    assert read("Which participants stated positions on Ruritania at the Council meeting of May 1962?") == Discussed(
        topic="Ruritania", window=MAY, meeting=MeetingRef(body="Council", kind="meeting"))


def test_who_took_part_reads_body_subject_place_and_day():
    assert read("Who took part in the Ruritanian Council session on grain prices in Strelsau on 14 May 1962?") == TookPart(
        meeting=MeetingRef(body="Ruritanian Council", kind="meeting", topic="grain prices", place="Strelsau"), window=DAY)


def test_whom_did_a_title_visit_reads_the_title_as_the_person():
    assert read("Whom did the Ruritanian envoy in Strelsau visit on 14 May 1962?") == Contacts(
        person="Ruritanian envoy in Strelsau", how="met", window=DAY)


def test_to_whom_did_someone_write_reads_the_subject_of_the_letter():
    assert read("To whom did Adam Nowak write in May 1962 about grain?") == Contacts(
        person="Adam Nowak", how="wrote", window=MAY, about="grain")


@pytest.mark.parametrize(("verb", "stance"), [("warned that", "concerned"), ("argued against", "opposes"),
                                              ("proposed", "proposes"), ("recommended", "advocates"),
                                              ("complained that", "criticizes"), ("said that", None)])
def test_who_said_reads_the_verb_as_its_stance(verb, stance):
    assert read(f"Who {verb} the border be closed in 1963?") == Said(
        claim="border be closed", verb=verb.split()[0], stance=stance, window=YEAR)


def test_representatives_of_which_states_ask_for_the_speakers_states():
    assert read("Representatives of which countries stressed grain exports in 1963?") == Said(
        claim="grain exports", verb="stressed", window=YEAR, by_state=True)


def test_which_states_were_named_reads_the_kind_and_the_claim():
    assert read("Which countries were named in May 1962 as buyers of grain?") == Named(
        what="state", claim="as buyers of grain", window=MAY)


def test_which_officials_did_someone_name_reads_who_named_them():
    assert read("Which officials did Adam Nowak name as his deputies?") == Named(
        what="person", claim="as his deputies", by="Adam Nowak")


def test_a_question_of_no_known_kind_is_unreadable():
    with pytest.raises(Unreadable):
        read("Why did the grain harvest fail in 1963?")


def test_the_interim_ranking_keeps_what_scores_near_the_best():
    assert best([Scored("a", 1.0), Scored("b", 0.8), Scored("c", 0.5)]) == [Scored("a", 1.0), Scored("b", 0.8)]


def test_the_interim_ranking_answers_nothing_when_the_best_matches_too_little():
    assert best([Scored("a", 0.1)]) == []


# --- end to end on invented records ---------------------------------------------------------------------------------

MEMO_WARSAW = """MEMORANDUM OF CONVERSATION

Date: 14 May 1962
Place: Warsaw
Kind: memcon
Participants: Pyotr Ivanov, Ambassador of the Soviet Union to Poland; Adam Nowak, Minister of Foreign Affairs of Poland

On 14 May I called on Minister Nowak at the ministry. Nowak warned that the dispute over Albania might split the socialist camp.

I replied that the Soviet Union proposed a conference of the fraternal parties on Albania.

Pyotr Ivanov
"""
MEMO_PRAGUE = """MEMORANDUM OF CONVERSATION

Date: 3 October 1963
Place: Prague
Kind: memcon
Participants: Pyotr Ivanov, Ambassador of the Soviet Union to Czechoslovakia; Jan Kowalczyk, Ambassador of Poland to Czechoslovakia; Ewa Nowak, Secretary of the Embassy of Poland

On 3 October Ambassador Kowalczyk visited me at the embassy. Kowalczyk complained that the trade agreement with Yugoslavia had been delayed for a year.

Pyotr Ivanov
"""


@pytest.fixture(scope="module")
def ask(tmp_path_factory):
    folder = tmp_path_factory.mktemp("records")
    (folder / "warsaw.txt").write_text(MEMO_WARSAW, encoding="utf-8")
    (folder / "prague.txt").write_text(MEMO_PRAGUE, encoding="utf-8")
    store = str(tmp_path_factory.mktemp("store") / "store")
    runner = CliRunner()
    assert runner.invoke(app, ["--store", store, "ingest", str(folder)]).exit_code == 0

    def invoke(question: str, *options: str):
        return runner.invoke(app, ["--store", store, "ask", question, *options])

    return invoke


def _names(result) -> list[str]:
    return [e["name"] for e in json.loads(result.stdout)["answer"]]


def test_which_ambassadors_discussed_a_state_in_a_month(ask):
    result = ask("Which ambassadors discussed Albania in May 1962?", "-f", "json")
    assert (result.exit_code, _names(result)) == (0, ["Pyotr Ivanov"])


def test_whom_a_person_met_in_a_year(ask):
    result = ask("Whom did Pyotr Ivanov meet in 1962?", "-f", "json")
    assert (result.exit_code, _names(result)) == (0, ["Adam Nowak"])


def test_who_took_part_in_a_meeting_named_by_place_and_day(ask):
    result = ask("Who took part in the conversation in Warsaw on 14 May 1962?", "-f", "json")
    assert (result.exit_code, _names(result)) == (0, ["Adam Nowak", "Pyotr Ivanov"])


def test_who_warned_is_answered_with_the_quote_and_a_score(ask):
    result = ask("Who warned in 1962 that the quarrel about Albania could split the socialist camp?", "-f", "json")
    entries = json.loads(result.stdout)["answer"]
    assert (result.exit_code, [(e["name"], e["quote"], e["score"]) for e in entries]) == (
        0, [("Adam Nowak", "the dispute over Albania might split the socialist camp.", 1.2207)])


def test_who_complained_finds_the_speaker_in_the_month(ask):
    result = ask("Who complained in October 1963 that the trade agreement with Yugoslavia was delayed?", "-f", "json")
    assert (result.exit_code, _names(result)) == (0, ["Jan Kowalczyk"])


def test_which_states_were_named_answers_the_states_of_the_best_statement(ask):
    result = ask("Which states were mentioned in 1963 in connection with the trade agreement?", "-f", "json")
    assert (result.exit_code, _names(result)) == (0, ["Yugoslavia"])


def test_the_table_names_the_document_each_answer_rests_on(ask):
    result = ask("Whom did Pyotr Ivanov meet in 1962?")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].split() == ["name", "date", "meeting", "quote", "document"]
    assert "Adam Nowak" in result.stdout and "https://w3id.org/cwkg/id/document/" in result.stdout


def test_show_query_prints_the_canned_query_and_its_parameters(ask):
    result = ask("Whom did Pyotr Ivanov meet in 1962?", "--show-query")
    assert result.exit_code == 0
    assert result.stdout.startswith("# contacts-of --param year=1962 --param person=https://w3id.org/cwkg/id/person/")
    assert "# name: contacts-of" in result.stdout


# --- refusals ----------------------------------------------------------------------------------------------------------

def test_an_unreadable_question_is_one_line_with_the_kinds_and_nearest_queries_and_exit_2(ask):
    result = ask("Why did the grain harvest fail in 1963?")
    lines = result.stderr.strip().splitlines()
    assert (result.exit_code, result.stdout, len(lines)) == (2, "", 1)
    assert lines[0].startswith("cannot answer: cannot read the question 'Why did the grain harvest fail in 1963?'")
    assert "It understands: who discussed a subject" in lines[0] and "Nearest canned queries: `cwkg query " in lines[0]


def test_an_ambiguous_name_lists_the_candidates_and_exits_2(ask):
    result = ask("Which ambassadors discussed Korea in 1962?")
    assert (result.exit_code, result.stdout, result.stderr.strip()) == (2, "", (
        "cannot answer: 'Korea' (subject) names several entities: North Korea <https://w3id.org/cwkg/id/state/north-korea>; "
        "South Korea <https://w3id.org/cwkg/id/state/south-korea>; ask again with one of these names"))


def test_a_name_the_store_does_not_hold_is_refused_with_exit_2(ask):
    result = ask("Who discussed Ruritania in 1962?")
    assert (result.exit_code, result.stderr.strip()) == (
        2, "cannot answer: 'Ruritania' (subject) names nothing in the store; check the spelling, or ask with another name of it")


def test_a_well_read_question_without_an_answer_says_so_and_exits_1(ask):
    result = ask("Which ambassadors discussed Albania in 1970?")
    assert (result.exit_code, result.stdout, result.stderr.strip()) == (
        1, "", "no answer in the store: the question was read as 'discussed', and no record in the store answers it")
