"""Speaker turns of transcripts, the persons their labels name, and the blocks a sentence hands to a speaker.

Every text here is written for the test, with invented names."""

from __future__ import annotations

import pytest

from cwkg.lang.text import Block, paragraphs
from cwkg.extract.turns import Turn, find_turns, numbered_points, opens_block, resolve_label


def turns(body: str) -> list[Turn]:
    return find_turns(body, paragraphs(body))


def spoken(body: str) -> list[tuple[str, str, str]]:
    """(form, label, the turn's words) for each turn."""
    return [(t.form, t.label, body[t.start:t.end]) for t in turns(body)]


# ---------------------------------------------------------------- the shapes of a label


def test_name_and_colon_opens_a_turn_with_exact_offsets():
    body = "Comrade Varga: We accept the plan.\n\nSecretary Holm: Then we begin."
    assert turns(body) == [
        Turn("Comrade Varga", 0, 13, 15, 36, "colon"),
        Turn("Secretary Holm", 36, 50, 52, 66, "colon"),
    ]


def test_titles_and_honorifics_may_open_a_colon_label():
    body = "The Secretary: The date suits us.\n\nChairman Tarn: It suits us too.\n\nMr. de Ortel: Agreed then."
    assert [(f, label) for f, label, _ in spoken(body)] == [
        ("colon", "The Secretary"), ("colon", "Chairman Tarn"), ("colon", "Mr. de Ortel")]


def test_a_name_in_capitals_and_colon_opens_a_turn():
    body = "BRANDOV: The talks must go on.\n\nKESSLER: We shall see."
    assert spoken(body) == [("colon", "BRANDOV", "The talks must go on.\n\n"), ("colon", "KESSLER", "We shall see.")]


def test_a_surname_in_capitals_and_a_period_opens_a_turn():
    body = "BRANDOV. We think the plan is sound.\n\nKIM SU HAN. We do not."
    assert turns(body) == [
        Turn("BRANDOV", 0, 7, 9, 38, "caps-period"),
        Turn("KIM SU HAN", 38, 48, 50, 60, "caps-period"),
    ]


def test_initials_before_a_surname_in_capitals_open_a_turn():
    body = "O. MERIDA. We came to listen.\n\nA. I. KOSTIN. Then listen.\n\nMr. PAVLIK. Both of you, please."
    assert spoken(body) == [
        ("initials-caps", "O. MERIDA", "We came to listen.\n\n"),
        ("initials-caps", "A. I. KOSTIN", "Then listen.\n\n"),
        ("caps-period", "Mr. PAVLIK", "Both of you, please."),
    ]


def test_a_label_keeps_its_diacritics_and_its_offsets():
    body = "MÉRIDA. We agree.\n\nKOSTIN. Good."
    assert turns(body)[0] == Turn("MÉRIDA", 0, 6, 8, 19, "caps-period")


def test_one_and_two_letter_labels_on_consecutive_lines():
    body = "K: Are you there?\nD: I am here.\nHK: Then we talk."
    assert turns(body) == [
        Turn("K", 0, 1, 3, 18, "letter"),
        Turn("D", 18, 19, 21, 32, "letter"),
        Turn("HK", 32, 34, 36, 49, "letter"),
    ]


def test_bracketed_labels_in_their_three_spellings():
    body = "[The President:] We must act.\n\n[Holm]: We cannot.\n\n[Tarn:] Perhaps later."
    assert spoken(body) == [
        ("bracketed", "The President", "We must act.\n\n"),
        ("bracketed", "Holm", "We cannot.\n\n"),
        ("bracketed", "Tarn", "Perhaps later."),
    ]


def test_a_bracketed_label_starts_inside_its_bracket_and_ends_the_turn_before_at_the_bracket():
    body = "[Holm:] Yes.\n\n[Tarn:] No."
    first, second = turns(body)
    assert (second.label_start, second.label_end, first.end) == (15, 19, 14)


def test_a_label_alone_on_its_line_gives_the_floor_from_the_next_line():
    body = "Comrade Varga:\nWe have news.\n\nComrade Holm:\n\nWe listen."
    assert turns(body) == [
        Turn("Comrade Varga", 0, 13, 15, 30, "label-line"),
        Turn("Comrade Holm", 30, 42, 45, 55, "label-line"),
    ]


def test_an_aside_after_the_name_stays_out_of_the_label():
    body = "Kessler (to Varga): You first.\n\nVarga: Thank you."
    assert turns(body)[0] == Turn("Kessler", 0, 7, 20, 32, "colon")


def test_turns_start_after_an_introduction_on_the_same_paragraph_once_a_sentence_ends():
    body = "The call began at noon.\nK: Hello.\nD: Hello to you."
    assert [(t.label, t.label_start) for t in turns(body)] == [("K", 24), ("D", 34)]


# ---------------------------------------------------------------- where a turn ends


def test_a_turn_holds_the_paragraphs_until_the_next_label():
    body = "Holm: First point.\n\nA second paragraph of his.\n\nTarn: Reply."
    first, second = turns(body)
    assert (first.start, first.end, second.label_start) == (6, 48, 48)
    assert body[first.start:first.end] == "First point.\n\nA second paragraph of his.\n\n"


def test_the_last_turn_ends_at_the_end_of_the_blocks_it_runs_over():
    body = "Holm: Yes.\n\nTarn: No.\n\nSigned in the capital.\n\nDistribution list follows."
    blocks = paragraphs(body)[:3]
    assert find_turns(body, blocks)[-1].end == 45


# ---------------------------------------------------------------- what is not a label


def test_a_lone_label_makes_no_transcript():
    assert turns("Holm: We accept the plan.\n\nThe meeting then ended.") == []


def test_header_fields_are_not_labels():
    body = ("Subject: Trade talks\n\nParticipants: Holm, Tarn\n\nDate: 4 May\n\nPlace:\nthe embassy\n\n"
            "Note: none\n\nDrafted: Holm\n\nDear Comrade Tarn: thank you.\n\nMemorandum for the Record:\n\nText follows.")
    assert turns(body) == []


def test_lists_of_attendees_are_header_fields():
    assert turns("Interpreters: Holm, Tarn\n\nRecorder: Varga\n\nThe talks began.") == []


def test_a_line_after_a_bare_list_marker_is_the_item_heading_not_a_label():
    body = "a.\n\nBorder Questions:\n\nThe border stays.\n\nb.\n\nTrade Links:\n\nTrade grows."
    assert turns(body) == []


def test_classification_markings_are_not_labels():
    body = ("SECRET. Handle with care.\n\nTOP SECRET. Handle with care.\n\nLIMITED OFFICIAL USE. Internal.\n\n"
            "EYES ONLY. For the minister.\n\nNOTE. Copy two.\n\nEND. Of message.\n\nCONFIDENTIAL: Internal.")
    assert turns(body) == []


def test_roman_numerals_and_list_markers_are_not_labels():
    body = ("I. The first matter.\n\nII. The second.\n\nIV. Later matters.\n\nIV: Later still.\n\n"
            "A. A lettered point.\n\nB. Another.\n\n1. A number.\n\na) A small letter.\n\nXI. Eleventh.")
    assert turns(body) == []


def test_a_single_capital_and_a_period_is_no_label_though_with_a_colon_it_is():
    assert turns("K. Are you there?\n\nD. Yes.") == []
    assert [t.label for t in turns("K: Are you there?\n\nD: Yes.")] == ["K", "D"]


def test_common_words_and_section_headings_in_capitals_are_not_labels():
    body = ("YES. We agree.\n\nCOMMENT. The embassy doubts it.\n\nSUMMARY. Talks went well.\n\n"
            "FIRST. The border.\n\nII. POLITICAL. Calm.\n\nTHE END. Nothing more.\n\nHowever: we wait.")
    assert turns(body) == []


def test_an_all_capitals_telegram_has_no_caps_period_labels():
    assert turns("BRANDOV. HE SAID THE PLAN IS SOUND.\n\nKESSLER. HE AGREED.") == []


def test_sentences_that_merely_contain_a_colon_are_not_labels():
    body = "Holm then said: we accept.\n\nIn the capital: rain.\n\nThe following were present:\n\nTarn and Holm."
    assert turns(body) == []


def test_a_wrapped_line_inside_a_sentence_opens_no_turn():
    body = "Holm: We spoke of the border and of the\nRiver: it floods each spring.\n\nTarn: So it does."
    assert [t.label for t in turns(body)] == ["Holm", "Tarn"]


def test_keep_drops_labels_before_they_are_counted_and_ended():
    body = "B. BERLIN. The city was calm.\n\nHOLM. We agree.\n\nTARN. We do not."
    kept = find_turns(body, paragraphs(body), keep=lambda label: label in ("HOLM", "TARN"))
    assert [(t.label, t.start, t.end) for t in kept] == [("HOLM", 37, 48), ("TARN", 54, 64)]
    assert find_turns(body, paragraphs(body), keep=lambda label: label == "HOLM") == []


# ---------------------------------------------------------------- the person a label names

PEOPLE = [
    ("holm", ["Erik Holm"]),
    ("kostin", ["Andrei Ivanovich Kostin"]),
    ("pak", ["Pak Song-il"]),
    ("merida", ["Osvaldo Mérida Ruiz"]),
    ("ortel", ["Charles de Ortel"]),
    ("dunn", ["Dunn, Harold"]),
]


def test_a_label_resolves_by_full_name_without_case_or_diacritics():
    assert resolve_label("ERIK HOLM", PEOPLE) == "holm"
    assert resolve_label("Osvaldo Merida Ruiz", PEOPLE) == "merida"


def test_a_label_resolves_by_surname():
    assert resolve_label("HOLM", PEOPLE) == "holm"
    assert resolve_label("de Ortel", PEOPLE) == "ortel"


def test_a_name_written_surname_comma_given_has_its_surname_last():
    assert resolve_label("Dunn", PEOPLE) == "dunn"
    assert resolve_label("HD", PEOPLE) == "dunn"


def test_honorifics_and_titles_before_a_surname_are_dropped():
    assert [resolve_label(label, PEOPLE) for label in ("Comrade Holm", "Mr. Holm", "Cde. Kostin", "Secretary Holm",
                                                        "Deputy Foreign Minister Kostin")] == [
        "holm", "holm", "kostin", "holm", "kostin"]


def test_initials_before_a_surname_must_not_contradict_the_given_names():
    assert resolve_label("A. I. KOSTIN", PEOPLE) == "kostin"
    assert resolve_label("A. I. KOSTIN", [("k", ["Andrei Kostin"])]) == "k"
    assert resolve_label("B. KOSTIN", PEOPLE) is None


def test_a_surname_may_be_any_word_of_the_name_when_no_last_word_fits():
    assert resolve_label("Comrade Pak", PEOPLE) == "pak"
    assert resolve_label("O. MÉRIDA", PEOPLE) == "merida"


def test_one_or_two_letters_resolve_by_initials_when_one_person_fits():
    assert resolve_label("K", PEOPLE) == "kostin"
    assert resolve_label("EH", PEOPLE) == "holm"


def test_an_ambiguous_label_resolves_to_no_one():
    people = [("a", ["Kim Su Han"]), ("b", ["Kim Yong Dok"]), ("c", ["Lena Hart"]), ("d", ["Oskar Hale"])]
    assert resolve_label("Comrade Kim", people) is None
    assert resolve_label("H", people) is None


def test_a_label_that_names_no_one_resolves_to_no_one():
    assert resolve_label("Tarn", PEOPLE) is None
    assert resolve_label("Z", PEOPLE) is None


def test_titles_and_question_answer_markers_are_left_to_the_caller():
    assert [resolve_label(label, PEOPLE) for label in ("The President", "The Secretary", "Secretary", "Q", "A",
                                                        "Answer")] == [None] * 6


# ---------------------------------------------------------------- sentences that hand over the floor


@pytest.mark.parametrize("sentence", [
    "Holm said the following:",
    "Holm spoke about the following questions:",
    "Holm's answer was:",
    "His reply was as follows:",
    "Holm set out his views as follows:",
    "Comrade Holm stated:",
    "Tarn made the following remarks.",
    "He replied to this:",
    "HOLM SAID THE FOLLOWING:",
])
def test_a_speech_word_then_the_following_or_a_final_colon_opens_a_block(sentence):
    assert opens_block(sentence)


@pytest.mark.parametrize("sentence", [
    "He said that the following day was free.",
    "The following were present:",
    "Participants:",
    "He said: we accept the plan.",
    "The agenda was as follows:",
    "He spoke at length about the border.",
    "Measures Proposed:",
    "Holm said that the talks would resume in May after the harvest and the holidays had passed:",
])
def test_a_sentence_that_says_something_or_names_no_speech_opens_no_block(sentence):
    assert not opens_block(sentence)


# ---------------------------------------------------------------- the points after an opener


def test_numbered_paragraphs_after_an_opener_are_points_until_one_is_not():
    body = "Holm said the following:\n\n1. Trade must grow.\n\n2) Borders stay.\n\nThe meeting ended."
    assert numbered_points(body, 24, paragraphs(body)) == [(26, 45), (47, 63)]


def test_lettered_points_run_over_their_wrapped_lines_until_a_line_after_a_sentence_end_is_no_point():
    body = "Tarn stated:\n(a) the border\nstays closed;\n(b) trade grows.\nHe then left."
    assert numbered_points(body, 12, paragraphs(body)) == [(13, 41), (42, 58)]


def test_ordinal_words_open_points():
    body = "His reply was as follows:\n\nFirst, we wait.\n\nSecond, we act.\n\nThanks were exchanged."
    assert [body[s:e] for s, e in numbered_points(body, 25, paragraphs(body))] == ["First, we wait.", "Second, we act."]


def test_no_points_when_the_paragraph_after_the_opener_is_not_one():
    body = "Holm said the following:\n\nWe accept.\n\n1. A later list."
    assert numbered_points(body, 24, paragraphs(body)) == []


def test_points_are_sought_only_in_the_blocks_given():
    body = "Holm said the following:\n\n1. Trade must grow.\n\n2. Borders stay."
    assert numbered_points(body, 24, [Block(26, 45, "1. Trade must grow.")]) == [(26, 45)]
