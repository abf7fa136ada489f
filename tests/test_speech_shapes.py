"""How records report speech, shape by shape: each test a record written for it, never a corpus sentence."""

from __future__ import annotations

from datetime import date

import pytest

from cwkg.extract.extract import extract
from cwkg.lang.text import sentences
from cwkg.loaders.source import SourceDocument

KIM = "https://w3id.org/cwkg/id/person/kim-il-sung"


def record(*paragraphs: str, title: str = "Record of Conversation with Kim Il Sung") -> SourceDocument:
    body = "\n\n".join(("Moscow, 2 May 1962", title, *paragraphs))
    return SourceDocument(doc_id="shape", source="test", format="test", title=title, body=body, date=date(1962, 5, 2))


def positions(doc: SourceDocument) -> list[tuple[str, str, str]]:
    return [(p.speaker.rsplit("/", 1)[-1], p.rule, p.span.text) for p in extract(doc).positions]


def test_a_reporting_clause_inside_the_words_gives_the_whole_sentence_to_its_inverted_subject():
    found = positions(record("I visited Kim Il Sung.", "The harvest was poor, added comrade Kim Il Sung, and Albania must be helped."))
    assert found == [("kim-il-sung", "cue", "The harvest was poor, added comrade Kim Il Sung, and Albania must be helped.")]


def test_a_quotation_before_said_and_its_subject_is_the_subjects():
    found = positions(record("I visited Kim Il Sung.", "\u201cAlbania made a grave mistake\u201d said comrade Kim Il Sung."))
    assert found == [("kim-il-sung", "cue", "\u201cAlbania made a grave mistake\u201d said comrade Kim Il Sung.")]


def test_a_verb_followed_by_a_name_in_ordinary_order_is_not_inverted():
    found = positions(record("I visited Kim Il Sung.", "The embassy, said to hold Albania's archive, was closed."))
    assert all(speaker != "kim-il-sung" for speaker, _, _ in found)


def test_comradely_and_diplomatic_abbreviations_do_not_end_a_sentence():
    text = "He met Cde. N. T. Ivanov. Com. Petrov agreed. Tov. Sidorov and Amb. Smith left."
    assert [s.text for s in sentences(text)] == ["He met Cde. N. T. Ivanov.", "Com. Petrov agreed.", "Tov. Sidorov and Amb. Smith left."]


def test_a_colon_that_ends_its_line_ends_the_sentence_before_the_points_under_it():
    text = "He spoke about the following questions:\n1. The harvest.\n2. The border."
    assert [s.text for s in sentences(text)] == ["He spoke about the following questions:", "1. The harvest.", "2. The border."]


def test_a_colon_inside_a_line_ends_no_sentence():
    assert [s.text for s in sentences("He said: the harvest was poor. It rained.")] == ["He said: the harvest was poor.", "It rained."]


def test_told_me_the_following_closing_a_paragraph_hands_the_next_paragraph_to_the_teller():
    doc = record("On 1 May I invited Ambassador Ivanov to dinner. Comrade Ivanov told me the following facts about his embassy.",
                 "The Albanian leadership had surprised the Soviet comrades.", "I thanked him.", title="Report, Embassy of Ruritania")
    assert ("ivanov", "direct-speech", "The Albanian leadership had surprised the Soviet comrades.") in positions(doc)


def test_capitals_labels_give_each_turn_to_its_speaker_until_the_next_label():
    doc = record("Present: Leonid Brezhnev, Andrei Gromyko.", "BREZHNEV. We must help Albania now. The harvest there was poor.",
                 "The situation in Albania is difficult.", "GROMYKO. Albania should not be isolated by anyone.",
                 title="Working notes of the session")
    assert [(speaker, text) for speaker, _, text in positions(doc)] == [
        ("leonid-brezhnev", "We must help Albania now."), ("leonid-brezhnev", "The harvest there was poor."),
        ("leonid-brezhnev", "The situation in Albania is difficult."), ("andrei-gromyko", "Albania should not be isolated by anyone.")]


def test_speakers_named_only_by_their_capitals_labels_are_persons_of_the_record():
    doc = record("NOWAK. We must help Albania now.", "A. P. IVANOV. Albania should not be isolated by anyone.",
                 title="Working Record of the Session of the Presidium")
    assert [(speaker, text) for speaker, _, text in positions(doc)] == [
        ("nowak", "We must help Albania now."), ("apivanov", "Albania should not be isolated by anyone.")]
    assert {p.label for p in extract(doc).persons} >= {"Nowak", "A. P. Ivanov"}


def test_a_heading_in_title_case_gives_no_person_its_capitalised_preposition():
    doc = record("Ivanov said that Albania must be helped.", title="Conversation With Pyotr Ivanov")
    assert "With Pyotr Ivanov" not in {p.label for p in extract(doc).persons}


def test_letter_labels_of_a_telephone_transcript_are_resolved_through_the_persons_named():
    doc = record("Telephone conversation between Secretary Henry Kissinger and Ambassador Anatoly Dobrynin.",
                 "K: The talks on Berlin cannot wait much longer.", "D: Moscow does not want any delay over Berlin either.",
                 title="Telephone conversation")
    assert [(speaker, text) for speaker, _, text in positions(doc)] == [
        ("henrykissinger", "The talks on Berlin cannot wait much longer."),
        ("anatolydobrynin", "Moscow does not want any delay over Berlin either.")]


def test_a_label_alone_on_its_line_holds_the_paragraphs_after_it():
    doc = record("Comrade Brezhnev:", "Albania has left the camp and must be brought back.", "Comrade Gromyko:",
                 "Albania will not return soon.", title="Notes of the talks")
    assert [(speaker, text) for speaker, _, text in positions(doc)] == [
        ("leonid-brezhnev", "Albania has left the camp and must be brought back."),
        ("andrei-gromyko", "Albania will not return soon.")]


def test_turns_on_consecutive_lines_of_one_paragraph_each_keep_their_speaker():
    doc = record("Telephone conversation between Secretary Henry Kissinger and Ambassador Anatoly Dobrynin.",
                 "K: The talks on Berlin cannot wait much longer.\nD: Moscow does not want any delay over Berlin either.",
                 title="Telephone conversation")
    assert [(speaker, text) for speaker, _, text in positions(doc)] == [
        ("henrykissinger", "The talks on Berlin cannot wait much longer."),
        ("anatolydobrynin", "Moscow does not want any delay over Berlin either.")]


def test_an_opener_without_a_reporting_verb_hands_its_numbered_points_to_its_subject():
    doc = record("I visited Kim Il Sung. Kim Il Sung spoke about the following questions:",
                 "1. He regards the situation in Albania as dangerous.", "2. China must help Albania more.",
                 "I thanked him for the information.", title="Journal of Ambassador Pyotr Ivanov for 2 May 1962")
    assert positions(doc) == [("kim-il-sung", "direct-speech", "1. He regards the situation in Albania as dangerous."),
                              ("kim-il-sung", "direct-speech", "2. China must help Albania more.")]


def test_an_opener_hands_the_floor_over_numbered_points_on_the_lines_under_it():
    doc = record("I visited Kim Il Sung. Kim Il Sung spoke about the following questions:\n"
                 "1. The situation in Albania is dangerous.\n2. China must help Albania more.",
                 "I thanked him for the information.", title="Journal of Ambassador Pyotr Ivanov for 2 May 1962")
    assert positions(doc) == [("kim-il-sung", "direct-speech", "1. The situation in Albania is dangerous."),
                              ("kim-il-sung", "direct-speech", "2. China must help Albania more.")]


def test_the_speakers_own_side_stating_an_attitude_in_the_speakers_words_is_the_speaker_speaking_for_it():
    doc = record("I visited Polish Foreign Minister Adam Nowak. Nowak spoke about the following questions:",
                 "1. The Polish government is worried about the situation in Albania.",
                 "I thanked him for the information.", title="Journal of Ambassador Pyotr Ivanov for 2 May 1962")
    assert [(speaker, rule) for speaker, rule, _ in positions(doc)] == [("adamnowak", "direct-speech+own-side")]


def test_an_attitude_of_the_speakers_own_state_is_the_speakers_stance_not_a_third_partys():
    doc = record("I visited Pyotr Ivanov, First Secretary of the Hungarian Socialist Workers' Party.",
                 "Ivanov noted that the Hungarian leadership was concerned about the situation in Albania.")
    assert [(p.speaker.rsplit("/", 1)[-1], p.stance.rsplit("/", 1)[-1]) for p in extract(doc).positions] == [("pyotrivanov", "concerned")]


def test_a_reporting_verb_with_its_object_closing_a_paragraph_on_a_colon_hands_over_the_next_paragraph():
    doc = record("I visited Kim Il Sung. He then explained the Korean position on Albania:",
                 "The Korean comrades regard the situation in Albania with concern. Albania must not be isolated.",
                 "Kim Il Sung stressed that China must help Albania.", "I informed Kim Il Sung that Moscow shares this view on Albania.")
    # The narrator naming the speaker anew ends the floor the colon gave: the writer's "I" after it is not Kim's.
    assert positions(doc) == [
        ("kim-il-sung", "direct-speech", "The Korean comrades regard the situation in Albania with concern."),
        ("kim-il-sung", "direct-speech", "Albania must not be isolated."), ("kim-il-sung", "cue", "China must help Albania.")]


def test_his_answer_was_hands_the_next_paragraph_to_the_one_last_spoken_to():
    doc = record("I asked Kim Il Sung whether Albania would be invited. His answer was:", "Albania cannot be invited this year.",
                 title="Journal of Ambassador Pyotr Ivanov for 2 May 1962")
    assert positions(doc) == [("kim-il-sung", "direct-speech", "Albania cannot be invited this year.")]


def test_both_coordinated_subjects_of_a_reporting_verb_state_the_position():
    doc = record("I visited Kim Il Sung and Pak Song-chol.", "Both Kim Il Sung and Pak Song-chol insisted that Albania must be helped.")
    assert sorted(speaker for speaker, _, _ in positions(doc)) == ["kim-il-sung", "pak-song-chol"]


def test_a_name_joined_to_an_object_earlier_in_the_sentence_is_no_subject():
    doc = record("I visited Kim Il Sung and Pak Song-chol.", "I thanked Kim Il Sung and Pak Song-chol said that Albania was isolated.")
    assert [speaker for speaker, _, _ in positions(doc)] == ["pak-song-chol"]


def test_a_report_inside_a_report_is_the_inner_speakers_reported_by_the_outer():
    doc = record("I visited Kim Il Sung and Pak Song-chol.", "Kim Il Sung replied that Pak Song-chol had urged a firmer line on Albania.")
    found = [(p.speaker.rsplit("/", 1)[-1], (p.reported_by or "").rsplit("/", 1)[-1], p.rule) for p in extract(doc).positions]
    assert found == [("pak-song-chol", "kim-il-sung", "nested-report")]


def test_a_possessed_speech_noun_with_was_that_gives_its_owner_the_clause():
    doc = record("I asked Kim Il Sung about Albania.", "His answer was that Albania must wait for the harvest.")
    assert positions(doc) == [("kim-il-sung", "cue", "Albania must wait for the harvest.")]


def test_a_possessed_speech_noun_with_was_and_a_colon_gives_its_owner_what_follows():
    doc = record("I asked Kim Il Sung about Albania. His answer was: Albania must wait for the harvest.")
    assert [(speaker, rule) for speaker, rule, _ in positions(doc)] == [("kim-il-sung", "cue")]


def test_a_possessed_point_of_view_on_a_matter_and_a_colon_gives_its_owner_what_follows():
    doc = record("I visited Kim Il Sung.", "Kim Il Sung's point of view concerning the Albanian question: Albania must be helped.")
    assert [(speaker, rule) for speaker, rule, _ in positions(doc)] == [("kim-il-sung", "cue")]


def test_a_delexical_phrase_reports_and_takes_its_nouns_stance():
    doc = record("I visited Kim Il Sung.", "Kim Il Sung expressed his deep concern over the situation in Albania.")
    assert [(p.speaker.rsplit("/", 1)[-1], p.stance.rsplit("/", 1)[-1]) for p in extract(doc).positions] == [("kim-il-sung", "concerned")]


def test_what_a_speaker_says_another_thinks_stays_the_speakers():
    doc = record("I visited Kim Il Sung.", "Kim Il Sung said that the Soviet comrades must help Albania. "
                 "Pak Song-chol certainly believed that Albania would return.")
    assert [speaker for speaker, _, _ in positions(doc)] == ["kim-il-sung", "kim-il-sung"]


def test_an_evaluating_verb_in_the_present_describes_an_attitude_and_reports_nothing():
    doc = record("I visited Pak Song-chol.", "Pak Song-chol said that the Chinese side welcomes the talks on Albania.")
    assert [speaker for speaker, _, _ in positions(doc)] == ["pak-song-chol"]


def test_a_stance_adjective_after_be_reports_its_subjects_view():
    doc = record("I visited Pak Song-chol.", "Pak Song-chol was deeply concerned about the isolation of Albania.")
    assert [(p.speaker.rsplit("/", 1)[-1], p.stance.rsplit("/", 1)[-1]) for p in extract(doc).positions] == [("pak-song-chol", "concerned")]


def test_made_with_a_speech_noun_reports_what_the_noun_introduces():
    doc = record("I visited Pak Song-chol.", "Pak Song-chol made the point that Albania had few friends left.")
    assert positions(doc) == [("pak-song-chol", "cue", "Albania had few friends left.")]


def test_a_hearer_in_editorial_brackets_still_marks_a_verb_of_telling():
    doc = record("I visited Pak Song-chol.", "Pak Song-chol informed [me] of new trouble on the border with Albania.")
    assert [speaker for speaker, _, _ in positions(doc)] == ["pak-song-chol"]


def test_each_sentence_of_a_speech_is_a_position_and_a_fragment_joins_the_one_before():
    doc = record("Comrade Brezhnev:", "Albania has left the camp. That is bad. Quite so.", "Comrade Gromyko:",
                 "Albania will return.", title="Notes of the talks")
    assert [text for _, _, text in positions(doc)] == ["Albania has left the camp.", "That is bad. Quite so.", "Albania will return."]


def test_a_speakerless_report_inside_a_speakers_own_words_stays_theirs():
    doc = record("I visited Pak Song-chol. Pak Song-chol expressed the following considerations:",
                 "First, the question of Albania has been raised again. Albania must not be left alone.",
                 title="Journal of Ambassador Pyotr Ivanov for 2 May 1962")
    assert [(speaker, text) for speaker, _, text in positions(doc)] == [
        ("pak-song-chol", "First, the question of Albania has been raised again."), ("pak-song-chol", "Albania must not be left alone.")]


def test_we_in_a_speakers_reported_words_is_the_speaker_not_the_writer():
    doc = record("I visited Kim Il Sung.", "Kim Il Sung said that Albania was isolated. We were concerned that Albania might leave the camp.",
                 title="Journal of Ambassador Pyotr Ivanov for 2 May 1962")
    assert [speaker for speaker, _, _ in positions(doc)] == ["kim-il-sung", "kim-il-sung"]


def test_indirect_speech_goes_on_in_the_third_person():
    doc = record("I visited Kim Il Sung.", "Kim Il Sung said that Albania was isolated. He would like China to help Albania more.")
    assert [(speaker, rule) for speaker, rule, _ in positions(doc)] == [("kim-il-sung", "cue"), ("kim-il-sung", "continuation")]


def test_a_narrated_act_or_the_writers_comment_ends_indirect_speech():
    doc = record("I visited Kim Il Sung.", "Kim Il Sung said that Albania was isolated. He thanked me for the visit. "
                 "It is difficult to say what he meant about Albania.")
    assert [speaker for speaker, _, _ in positions(doc)] == ["kim-il-sung"]


def test_a_question_inside_a_speakers_own_words_argues_and_one_asked_by_a_cue_does_not():
    doc = record("I visited Kim Il Sung.", "Kim Il Sung said that Albania was isolated. Who will help Albania now?",
                 "I asked Kim Il Sung whether Albania would attend.")
    assert positions(doc) == [("kim-il-sung", "cue", "Albania was isolated."),
                              ("kim-il-sung", "continuation", "Who will help Albania now?")]


def test_a_report_goes_on_into_a_paragraph_that_adds_to_the_argument_and_not_into_another():
    doc = record("I visited Kim Il Sung.", "Kim Il Sung said that one tie to Moscow was trade with Albania.",
                 "A second tie is the aid Albania receives.", "The weather in Albania was cold.")
    assert [text for _, _, text in positions(doc)] == ["one tie to Moscow was trade with Albania.", "A second tie is the aid Albania receives."]


def test_a_label_over_a_list_of_people_with_their_titles_is_no_turn():
    doc = record("From the Ruritanian side: Pyotr Ivanov, Deputy Minister; Ivan Petrov, Director of the Albania Desk.",
                 "Pyotr Ivanov said that Albania was isolated.")
    assert [(speaker, text) for speaker, _, text in positions(doc)] == [("pyotrivanov", "Albania was isolated.")]


def test_the_name_after_a_post_and_the_state_it_is_to_is_a_person():
    doc = record("In this report, Ruritanian Ambassador to North Korea Pyotr Ivanov describes the harvest in Albania.")
    assert "Pyotr Ivanov" in {p.label for p in extract(doc).persons}


def test_a_negated_report_with_its_subject_in_editorial_brackets_is_a_cue():
    doc = record("Comrade Ivanov visited Kim Il Sung.", "[He] did not understand whether Albania would be invited.",
                 title="Journal of Ambassador Pyotr Ivanov for 2 May 1962")
    assert [(rule, text) for _, rule, text in positions(doc)] == [("cue", "whether Albania would be invited.")]


def test_a_bare_title_in_a_states_record_is_that_years_holder_of_the_office_the_authority_names_by_it():
    # "the Secretary" of a U.S. record is the Secretary of State (the authority's posts name the office so); the
    # holder in a year the authority's posts do not cover comes from the office holders.
    body = "Washington, 3 June 1971\n\nMemorandum of Conversation\n\nThe Secretary said that Berlin must remain free."
    doc = SourceDocument(doc_id="titled", source="test", format="test", title="Memorandum of Conversation", body=body,
                         date=date(1971, 6, 3), perspective="United States")
    facts = extract(doc)
    names = {p.ref: p.label for p in facts.persons}
    assert [names[p.speaker] for p in facts.positions] == ["William Pierce Rogers"]


def test_in_a_letter_the_authors_own_side_stating_a_view_is_the_author_speaking_for_it():
    title = "Letter from Pyotr Ivanov to Adam Nowak, 5 May 1967"
    body = (f"{title}\n\nDear Comrade Nowak,\n\nThe Hungarian leadership believes that Albania must not be isolated.\n\n"
            "With comradely greetings,\nPyotr Ivanov\nFirst Secretary of the Hungarian Socialist Workers' Party")
    facts = extract(SourceDocument(doc_id="letter", source="test", format="test", title=title, body=body,
                                   date=date(1967, 5, 5), kind="letter"))
    assert [(p.speaker.rsplit("/", 1)[-1], p.rule) for p in facts.positions] == [("pyotrivanov", "own-voice+own-side")]


def test_the_i_of_a_speakers_labelled_turn_makes_no_one_the_records_author():
    doc = record("Kim Il Sung: Albania must be helped.", "Ivanov: I will report your view on Albania to Moscow.",
                 title="Minutes of Conversation between Kim Il Sung and Ambassador Pyotr Ivanov")
    facts = extract(doc)
    assert (facts.author, [p.speaker.rsplit("/", 1)[-1] for p in facts.positions]) == (None, ["kim-il-sung", "pyotrivanov"])


def test_a_name_no_list_or_title_gives_is_a_person_as_the_subject_of_a_verb_of_saying():
    doc = record("Later Zbigniew Wrona, the counsellor, replied that Albania must wait.", title="Notes")
    assert positions(doc) == [("zbigniewwrona", "cue", "Albania must wait.")]


def test_a_newspaper_or_agency_that_reports_or_writes_is_no_person():
    doc = record("Radio Strelsau Weekly reported that Albania was isolated. Le Strelsau wrote that Albania was isolated.", title="Notes")
    assert [p.label for p in extract(doc).persons] == []


def test_they_or_both_after_two_persons_named_together_states_a_position_of_each():
    for plural in ("They", "Both"):
        doc = record(f"Kim Il Sung and Adam Nowak discussed Albania. {plural} agreed that Albania must be helped.", title="Notes")
        assert positions(doc) == [("kim-il-sung", "cue+plural", "Albania must be helped."),
                                  ("adamnowak", "cue+plural", "Albania must be helped.")]


def test_was_of_the_opinion_that_reports_its_subjects_view():
    assert positions(record("Kim Il Sung was of the opinion that Albania must be helped.", title="Notes")) == [
        ("kim-il-sung", "cue", "Albania must be helped.")]


@pytest.mark.parametrize("sentence", [
    "Kim Il Sung opened the talk by observing that Albania must be helped.",
    "Kim Il Sung answered the question by saying that Albania must be helped.",
])
def test_a_verb_of_saying_as_the_means_of_what_the_speaker_did_reports_the_words(sentence):
    assert positions(record("I visited Kim Il Sung.", sentence)) == [("kim-il-sung", "cue", "Albania must be helped.")]


def test_by_and_a_verb_that_is_no_verb_of_saying_reports_nothing():
    assert positions(record("I visited Kim Il Sung.", "Kim Il Sung began the talk by thanking Poland that it had helped Albania.")) == []
