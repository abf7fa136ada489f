"""Stance from the reporting verb's meaning, negation and modality and a general evaluative lexicon,
on sentences written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from cwkg.extract.inflect import verb_lemmas
from cwkg.extract.extract import extract
from cwkg.lang.kinds import document_kind
from cwkg.loaders.source import SourceDocument


def stance_of(sentence: str) -> str:
    title = "Memorandum of Conversation"
    body = f"{title}\n\nWashington, March 2, 1965.\n\n{sentence}"
    facts = extract(SourceDocument(doc_id="s", source="test", format="test", title=title, body=body,
                                   date=date(1965, 3, 2), kind=document_kind(title)))
    (position,) = facts.positions
    return position.stance.rsplit("/", 1)[-1]


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kim Il Sung warned that the blockade of Cuba would continue.", "concerned"),
    ("Kim Il Sung urged that Poland receive the delegation.", "advocates"),
    ("Kim Il Sung denied that Albania had received any aid.", "denies"),
    ("Kim Il Sung doubted that Poland would join the talks.", "doubts"),
    ("Kim Il Sung proposed that the talks with Poland resume in May.", "proposes"),
    ("Kim Il Sung asked that the talks with Poland be resumed in May.", "proposes"),
    ("Kim Il Sung condemned the policy of Yugoslavia.", "criticizes"),
    ("Kim Il Sung welcomed the visit of the Polish delegation.", "supports"),
    ("Kim Il Sung objected to the presence of Yugoslavia.", "opposes"),
])
def test_the_reporting_verb_gives_its_own_stance(sentence, stance):
    assert stance_of(sentence) == stance


def test_agreeing_on_what_would_be_done_advocates_it_and_on_what_would_be_felt_supports():
    assert stance_of("Kim Il Sung agreed that the matter would be studied with Poland.") == "advocates"
    assert stance_of("Kim Il Sung agreed that Poland would find the terms hard to accept.") == "supports"


def test_a_weak_verb_gives_its_stance_only_when_the_clause_has_none():
    assert stance_of("Kim Il Sung agreed that Poland had sent a delegation.") == "supports"
    assert stance_of("Kim Il Sung agreed that Poland should send a delegation.") == "advocates"


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kim Il Sung said that Poland should not send troops.", "opposes"),
    ("Kim Il Sung said that Poland must send a delegation.", "advocates"),
    ("Kim Il Sung said that the unrest in Poland might undermine the regime.", "concerned"),
    ("Kim Il Sung said that it was unlikely that Poland would agree.", "doubts"),
    ("Kim Il Sung said that the policy of Yugoslavia was a serious mistake.", "criticizes"),
    ("Kim Il Sung said that trade with Poland had been useful.", "supports"),
    ("Kim Il Sung said that the successes of Poland owed much to its workers.", "supports"),
    ("Kim Il Sung said that we would not leave Poland.", "opposes"),
    ("Kim Il Sung said that we would not be in Poland before May.", "informs"),
    ("Kim Il Sung said that a visit to Poland would not do any harm.", "supports"),
    ("Kim Il Sung said that the new tariff would not harm Poland.", "supports"),
    ("Kim Il Sung said that it was wrong to assume that Poland would join the talks.", "doubts"),
    ("Kim Il Sung said that the purpose of his visit was not to accuse Poland.", "denies"),
    ("Kim Il Sung said that he had never criticized the government of Poland.", "denies"),
    ("Kim Il Sung said that it was a pity the East-West talks in Poland had not begun earlier.", "supports"),
    ("Kim Il Sung said that the new rules might shape trade with Poland in objectionable ways.", "concerned"),
    ("Kim Il Sung said that the doctrine of Yugoslavia was out of date.", "criticizes"),
    ("Kim Il Sung said that the Americans blackmail Poland with their bombers.", "criticizes"),
    ("Kim Il Sung said that maybe we should send a delegation to Poland.", "proposes"),
    ("Kim Il Sung said he wondered, however, whether Poland would join the talks.", "doubts"),
    ("Kim Il Sung said that the disagreements between Poland and Hungary were old.", "informs"),
    ("Kim Il Sung said that he disagreed with the government of Poland.", "opposes"),
    ("Kim Il Sung mentioned the possibility of sending a delegation to Poland.", "proposes"),
    ("Kim Il Sung mentioned the possibility of being invited to Poland in May.", "informs"),
    ("Kim Il Sung mentioned the possibility of a delegation from Poland in May.", "informs"),
    ("Kim Il Sung said that we should bear in mind the interests of Poland.", "advocates"),
    ("Kim Il Sung said that we should bear in mind that Poland had sent a delegation.", "informs"),
    ("Kim Il Sung said that he hoped no one would recommend sending troops to Poland.", "opposes"),
    ("Kim Il Sung said that he would not recommend sending troops to Poland.", "opposes"),
    ("Kim Il Sung said that his recommendation was that Poland send a delegation.", "advocates"),
    ("Kim Il Sung said that the new tariff might lead Poland to close its ports.", "concerned"),
    ("Kim Il Sung said that the loss of the harbour by Poland was announced in May.", "informs"),
    ("Kim Il Sung said that the closing of the harbour was a loss for Poland.", "criticizes"),
    ("Kim Il Sung said that money had gone to support for refugees in Poland.", "informs"),
    ("Kim Il Sung said that Poland could count on his support for the plan.", "supports"),
    ("Kim Il Sung said that the details of the treaty with Poland could be worked out by the ministers.", "proposes"),
    ("Kim Il Sung said that there were limitations on what Poland could offer.", "doubts"),
    ("Kim Il Sung said that if Poland should refuse, the delegation would go to Hungary.", "informs"),
    ("Kim Il Sung said that if Poland refused then the delegation must go to Hungary.", "advocates"),
    ("Kim Il Sung said: had Poland opposed the plan, the delegation would have stayed in Hungary.", "informs"),
    ("The visits to Poland, Kim Il Sung said, were useful to both sides.", "supports"),
    ("Kim Il Sung said that a delegation to Poland was not necessary.", "doubts"),
])
def test_negation_modality_and_evaluation_in_the_clause_give_the_stance(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize("sentence", [
    "Kim Il Sung said that Poland had sent a delegation in May.",
    "Kim Il Sung said that, as far as Poland was concerned, the delegation had arrived in May.",
    "Kim Il Sung said that concerning Poland the delegation had arrived in May.",
])
def test_a_statement_with_no_stance_signal_informs(sentence):
    assert stance_of(sentence) == "informs"


@pytest.mark.parametrize(("verb", "lemma"), [
    ("warned", "warn"), ("denied", "deny"), ("regretted", "regret"), ("urged", "urge"), ("said", "say"),
    ("pointed out", "point out"), ("criticizes", "criticize"),
])
def test_reporting_verbs_are_read_by_their_lemma(verb, lemma):
    assert lemma in verb_lemmas(verb)


def test_agreeing_on_what_will_be_done_advocates_it():
    assert stance_of("It was agreed that the embassy in Poland would prepare a study of the harvest.") == "advocates"


def test_against_as_a_mere_preposition_opposes_nothing():
    assert stance_of("Kim Il Sung said that the uprising in Poland had been directed against the regime.") == "informs"


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kim Il Sung expressed concern that Poland would leave the alliance.", "concerned"),
    ("Kim Il Sung said that we must realize that Poland will remain an ally.", "informs"),
    ("Kim Il Sung said that closer ties with Poland could help to ease the tension.", "supports"),
])
def test_reporting_nouns_epistemic_modals_and_good_consequences(sentence, stance):
    assert stance_of(sentence) == stance


def test_a_region_discussed_as_a_whole_is_what_a_position_is_about():
    title = "Memorandum of Conversation"
    body = f"{title}\n\nWashington, March 2, 1965.\n\nKim Il Sung said that the East European regimes were weakening."
    facts = extract(SourceDocument(doc_id="r", source="test", format="test", title=title, body=body,
                                   date=date(1965, 3, 2), kind=document_kind(title)))
    (p,) = facts.positions
    assert p.about == ["https://w3id.org/cwkg/id/region/eastern-europe"]


@pytest.mark.parametrize("sentence", [
    "Kim Il Sung said that the new policy of Poland would by its very nature weaken the alliance.",
    "Kim Il Sung said that Poland faced serious difficulties with its harvest.",
])
def test_feared_consequences_and_serious_difficulties_are_concerns(sentence):
    assert stance_of(sentence) == "concerned"


@pytest.mark.parametrize("sentence", [
    "Kim Il Sung said that the strength of Poland was overestimated.",
    "Kim Il Sung said that the role of Yugoslavia had been underrated.",
])
def test_over_and_under_estimation_is_criticism(sentence):
    assert stance_of(sentence) == "criticizes"


def test_the_first_cue_after_the_verb_decides_not_a_later_one():
    assert stance_of("Kim Il Sung said that Poland should send a delegation, although the talks might fail.") == "advocates"


def test_cues_of_one_verb_group_go_by_priority():
    assert stance_of("Kim Il Sung said that we should ask whether Poland would join.") == "doubts"


@pytest.mark.parametrize("sentence", [
    "Kim Il Sung said that the harvest in Poland must be very poor this year.",
    "Kim Il Sung said that Poland would have to import grain to feed its cities.",
    "Kim Il Sung said that Poland had to import grain in the last winter.",
    "Kim Il Sung said that he must add that Poland had sent a delegation.",
])
def test_epistemic_hypothetical_and_past_necessity_call_for_nothing(sentence):
    assert stance_of(sentence) == "informs"


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kim Il Sung suggested that the talks with Poland resume in May.", "proposes"),
    ("Kim Il Sung suggested that the delegation of Poland go home.", "proposes"),
    ("Kim Il Sung suggested that the delegation of Poland had arrived in May.", "informs"),
])
def test_a_directive_verb_proposes_only_with_a_mandative_clause(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize("sentence", [
    "Kim Il Sung said that the threat of war in Poland was the subject of the talks.",
    "Kim Il Sung said that trade with Poland offered opportunities in May.",
])
def test_a_noun_that_only_names_the_subject_is_no_stance(sentence):
    assert stance_of(sentence) == "informs"


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kim Il Sung said that the real question was how Poland could be kept in the alliance.", "concerned"),
    ("Kim Il Sung said that more consultation with Poland was needed.", "advocates"),
    ("Kim Il Sung said that the leaders of Yugoslavia were arrogant and short-sighted.", "criticizes"),
    ("Kim Il Sung said that Poland was reluctant to send troops.", "doubts"),
    ("Kim Il Sung said that the question of Poland could be taken up in May.", "proposes"),
])
def test_feared_outcomes_needs_appraisal_and_possible_courses(sentence, stance):
    assert stance_of(sentence) == stance


def test_verbless_items_after_announced_suggestions_are_proposals():
    title = "Memorandum of Conversation"
    body = (f"{title}\n\nWashington, March 2, 1965.\n\nKim Il Sung made two suggestions:\n\n"
            "(a) A new study of the harvest in Poland.\n\n(b) Closer consultation with Poland on trade.")
    facts = extract(SourceDocument(doc_id="l", source="test", format="test", title=title, body=body,
                                   date=date(1965, 3, 2), kind=document_kind(title)))
    assert [p.stance.rsplit("/", 1)[-1] for p in facts.positions][-2:] == ["proposes", "proposes"]


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kim Il Sung noted the usefulness of cultural exchanges with Poland.", "supports"),
    ("Kim Il Sung said that the harvest in Poland fell short of the plan.", "criticizes"),
])
def test_a_nominal_appraisal_and_a_shortfall_against_what_should_be_are_stances(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kim Il Sung said that Poland would welcome the visit of the Cuban delegation.", "informs"),
    ("Kim Il Sung said that Albania was worried about the harvest.", "informs"),
    ("Kim Il Sung said that we would welcome the visit of the Polish delegation.", "supports"),
    ("Kim Il Sung said that the Polish plan was unworkable.", "criticizes"),
    ("Chen Yi said that the Chinese government would welcome the visit of the Polish delegation.", "supports"),
])
def test_an_attitude_a_third_party_holds_is_reported_not_taken_but_the_speakers_own_side_is_the_speaker(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kim Il Sung said that a visit to Poland now would be premature.", "opposes"),
    ("Kim Il Sung said that Poland would never accept the blockade of Cuba.", "opposes"),
    ("Kim Il Sung said that there was a danger that Poland would leave.", "concerned"),
    ("Kim Il Sung said that the delay could create a serious crisis in Poland.", "concerned"),
    ("Kim Il Sung said that the new fair would help to ease the tension with Poland.", "supports"),
    ("Kim Il Sung said that it would be wiser to wait for Poland.", "advocates"),
    ("Kim Il Sung said that we must be cautious with Poland.", "advocates"),
    ("Kim Il Sung said that peace requires a settlement with Poland.", "advocates"),
])
def test_general_expressions_of_doubt_opposition_concern_criticism_support_and_advocacy(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Kim Il Sung said that the old treaty with Poland was not applicable to the new border.", "denies"),
    ("Kim Il Sung said that the conduct of the Yugoslav embassy was abnormal.", "criticizes"),
    ("Kim Il Sung said that Poland took a negative view of the Yugoslav proposal.", "criticizes"),
    ("Kim Il Sung said that Korea remained fully committed to friendship with Poland.", "supports"),
    ("Kim Il Sung said that the Polish decision caused an outcry in Yugoslavia.", "criticizes"),
])
def test_general_evaluative_expressions_give_their_stance(sentence, stance):
    assert stance_of(sentence) == stance


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Pyotr Ivanov said that the new border posts posed a threat to Poland.", "concerned"),
    ("Pyotr Ivanov said that a coup in Poland would set off a chain reaction in the region.", "concerned"),
    ("Pyotr Ivanov said that one could not rule out a new blockade of Poland.", "concerned"),
    ("Pyotr Ivanov said that there was growing tension on the border of Poland.", "concerned"),
    ("Pyotr Ivanov said that Poland was committed in every respect to the treaty.", "supports"),
    ("Pyotr Ivanov said that the loans had been instrumental in rebuilding Poland.", "supports"),
    ("Pyotr Ivanov said that thanks to the treaty the ports of Poland had reopened.", "supports"),
    ("Pyotr Ivanov said that trade with Poland would thrive.", "supports"),
    ("Pyotr Ivanov said that the answer of Poland had been bland.", "criticizes"),
    ("Pyotr Ivanov said that Poland had fallen far behind in its deliveries.", "criticizes"),
    ("Pyotr Ivanov said that much remained to be done in Poland.", "advocates"),
    ("Pyotr Ivanov said that there was nothing for Poland to do but negotiate.", "advocates"),
    ("Pyotr Ivanov replied that the frontier with Poland was not now the main issue.", "denies"),
    ("Pyotr Ivanov said that he did not know whether Poland would sign.", "doubts"),
])
def test_general_evaluative_idioms_give_the_stance(sentence, stance):
    """Idioms and phrases a dictionary of English lists with their evaluative sense (threat, credit, lag, remaining work)."""
    assert stance_of(sentence) == stance


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Pyotr Ivanov said that the needs of Poland must not be overlooked.", "advocates"),
    ("Pyotr Ivanov said that Poland must not send troops.", "opposes"),
    ("Pyotr Ivanov said that it was a pity that Poland had not joined the talks.", "supports"),
    ("Pyotr Ivanov said that it was a pity that Poland had joined the talks.", "criticizes"),
    ("Pyotr Ivanov wondered whether they should not invite Poland to the talks.", "proposes"),
    ("Pyotr Ivanov wondered whether Poland would join the talks.", "doubts"),
])
def test_a_negated_negative_reverses_the_stance(sentence, stance):
    """Litotes ("must not be overlooked"), regret of what did not happen, and a negative question put as a suggestion
    (Quirk et al. 1985, 11.9 on conducive questions)."""
    assert stance_of(sentence) == stance


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Pyotr Ivanov said that Poland might suffer a loss of trade.", "concerned"),
    ("Pyotr Ivanov said that the new tariff might prove contrary to the interests of Poland.", "concerned"),
    ("Pyotr Ivanov said that the closing of the port was a heavy loss for the trade of Poland.", "criticizes"),
    ("Pyotr Ivanov said that the tariff was contrary to the interests of Poland.", "criticizes"),
    ("Pyotr Ivanov said that there were dangers in the new tariff for Poland.", "concerned"),
    ("Pyotr Ivanov said that Poland kept its troops at home lest the border flare up.", "concerned"),
])
def test_a_negative_appraisal_of_what_may_yet_happen_is_a_concern(sentence, stance):
    """Negative appraisal of an outcome still to come (would, might, will) fears it; of what has happened, finds fault
    (Martin and White 2005 on appraisal: insecurity as against negative appreciation); "lest" is "for fear that"."""
    assert stance_of(sentence) == stance


def _stance_in_a_record_with(sentence: str) -> tuple[str, str]:
    title = "Memorandum of Conversation"
    body = f"{title}\n\nWashington, March 2, 1965.\n\nParticipants: Pyotr Ivanov, Ambassador of the USSR\n\n{sentence}"
    facts = extract(SourceDocument(doc_id="s", source="test", format="test", title=title, body=body,
                                   date=date(1965, 3, 2), kind=document_kind(title)))
    (position,) = facts.positions
    return position.speaker.rsplit("/", 1)[-1], position.stance.rsplit("/", 1)[-1]


@pytest.mark.parametrize(("sentence", "stance"), [
    ("Pyotr Ivanov did not know whether Poland would sign the treaty.", "doubts"),
    ("Pyotr Ivanov did not understand whether Poland would sign the treaty.", "doubts"),
    ("Pyotr Ivanov did not think that Poland would sign the treaty.", "doubts"),
    ("Pyotr Ivanov did not agree that Poland should sign the treaty.", "opposes"),
    ("Pyotr Ivanov agreed that Poland should sign the treaty.", "advocates"),
])
def test_a_negated_verb_of_thinking_doubts_and_of_agreeing_opposes(sentence, stance):
    assert _stance_in_a_record_with(sentence) == ("pyotrivanov", stance)


def test_what_is_said_as_the_means_of_an_act_gives_the_stance_first():
    assert stance_of("Kim Il Sung objected by saying that it was unlikely that Poland would join.") == "doubts"


def test_the_act_done_by_saying_gives_the_stance_when_the_words_have_none():
    assert stance_of("Kim Il Sung objected by saying that Poland had sent a delegation in May.") == "opposes"


def stances_of(text: str) -> list[tuple[str, str]]:
    title = "Memorandum of Conversation"
    body = f"{title}\n\nWashington, March 2, 1965.\n\n{text}"
    facts = extract(SourceDocument(doc_id="s", source="test", format="test", title=title, body=body,
                                   date=date(1965, 3, 2), kind=document_kind(title)))
    return [(p.span.text, p.stance.rsplit("/", 1)[-1]) for p in facts.positions]


def test_agreeing_with_another_speaker_takes_the_stance_agreed_with():
    assert stances_of("Kim Il Sung said that the blockade of Cuba might lead to war. Walter Ulbricht said he agreed.") == [
        ("the blockade of Cuba might lead to war.", "concerned"), ("he agreed.", "concerned")]


def test_the_same_said_of_something_else_takes_the_stance_before():
    assert stances_of("Kim Il Sung said that Poland should send a delegation. The same is true of Hungary.")[-1] == (
        "The same is true of Hungary.", "advocates")
