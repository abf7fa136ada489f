"""The record's own voice: who wrote it, read from how archives title records and how relayed reports open."""

from __future__ import annotations

from cwkg.extract.voice import Authorship, Named, addressee_from_title, author_from_summary, author_from_title, author_of_relayed, title_parties

PEOPLE = [Named("p:ivanov", ("Pyotr Ivanov", "Ivanov")), Named("p:lee", ("Lee Tae-ho", "Lee")),
          Named("p:novak", ("Novak",))]
ROLES = ["ambassador", "foreign minister", "minister", "consul general"]


def test_the_keeper_of_a_journal_the_title_names_is_its_author():
    found = author_from_title("Journal of Ambassador to Ruritania Pyotr Ivanov for 3 May 1961", "", PEOPLE, first_person=False)
    assert found == Authorship("p:ivanov", "the keeper of the journal or diary the title names")


def test_a_first_person_record_is_by_the_title_person_its_opening_does_not_name():
    found = author_from_title("Record of a Conversation between Pyotr Ivanov and Lee Tae-ho",
                              "[I] called on Lee Tae-ho at the ministry.", PEOPLE, first_person=True)
    assert found is not None and found.author == "p:ivanov"


def test_a_third_person_record_gets_no_author_from_its_title():
    assert author_from_title("Record of a Conversation between Pyotr Ivanov and Lee Tae-ho",
                             "Ivanov called on Lee Tae-ho at the ministry.", PEOPLE, first_person=False) is None


def test_when_the_opening_names_both_sides_the_title_decides_nothing():
    assert author_from_title("Conversation between Pyotr Ivanov and Lee Tae-ho",
                             "Ivanov and Lee Tae-ho met as I had asked.", PEOPLE, first_person=True) is None


def test_a_first_person_record_titled_after_someones_meeting_is_theirs():
    found = author_from_title("Cable from the Embassy, Ambassador Novak's Meeting with the Foreign Minister",
                              "Today I was received by the minister.", PEOPLE, first_person=True)
    assert found is not None and found.author == "p:novak"


def test_a_relayed_telegram_is_by_the_one_who_informs_in_it():
    found = author_of_relayed("Cde. Novak informs in his telegram No 12 of the 3rd:", PEOPLE)
    assert found == Authorship("p:novak", "the sender whose telegram or letter the record relays")


def test_an_opening_that_relays_nothing_names_no_author():
    assert author_of_relayed("Novak said in the talks that the harvest was poor.", PEOPLE) is None


def test_the_sides_of_a_title_are_the_names_after_their_posts():
    title = "Memorandum of Conversation between Ruritanian Ambassador to Freedonia Pyotr Ivanov and Foreign Minister Lee Tae-ho"
    ruritania, freedonia = title.index("Ruritanian"), title.index("Freedonia")
    covered = [(ruritania, ruritania + len("Ruritanian")), (freedonia, freedonia + len("Freedonia"))]
    assert title_parties(title, covered, ROLES) == ["Pyotr Ivanov", "Lee Tae-ho"]


def test_initials_stay_part_of_a_name_in_a_title():
    assert title_parties("Record of a Conversation between B.N. Ivanov and Consul General Lee", [], ROLES) == ["B.N. Ivanov", "Lee"]


def test_a_possessive_or_a_lone_common_word_is_no_side():
    assert title_parties("Talks between the Delegation to the King's Funeral and the Hosts", [], ROLES) == []


def test_the_summary_names_the_writer_as_the_subject_of_a_verb_of_writing():
    people = [Named("p/ivanov", ("Pyotr Ivanov",)), Named("p/kim", ("Kim Il Sung",))]
    summary = "In this report, Ruritanian Ambassador Pyotr Ivanov details a conversation with Kim Il Sung about the harvest."
    assert author_from_summary(summary, people) == Authorship("p/ivanov", "the writer the archive's summary of the record names")


def test_a_summary_that_names_no_writer_gives_no_author():
    people = [Named("p/ivanov", ("Pyotr Ivanov",)), Named("p/kim", ("Kim Il Sung",))]
    assert author_from_summary("Pyotr Ivanov and Kim Il Sung discuss the harvest.", people) is None


def test_a_written_records_title_names_its_addressee():
    people = [Named("p/ivanov", ("Pyotr Ivanov",)), Named("p/kim", ("Kim Il Sung",))]
    assert addressee_from_title("Letter from Pyotr Ivanov to Kim Il Sung on the harvest", people) == "p/kim"


def test_a_record_of_a_conversation_has_no_addressee_in_its_title():
    people = [Named("p/ivanov", ("Pyotr Ivanov",)), Named("p/kim", ("Kim Il Sung",))]
    assert addressee_from_title("Conversation of Pyotr Ivanov with Kim Il Sung", people) is None


def test_a_title_in_title_case_names_its_sides_too():
    assert title_parties("Telephone Conversation Between Adam Nowak and Pyotr Ivanov", [], ["Minister"]) == ["Adam Nowak", "Pyotr Ivanov"]


def test_the_sender_a_letter_or_telegrams_title_names_is_its_author_though_it_never_says_i():
    found = author_from_title("Letter from Pyotr Ivanov to Lee Tae-ho, 5 May 1967", "Dear Comrade Lee,", PEOPLE, first_person=False)
    assert found == Authorship("p:ivanov", "the sender the title of the letter, telegram or message names")


def test_a_telegram_from_an_embassy_names_no_person_as_its_author():
    assert author_from_title("Telegram from the Embassy in Strelsau to the Ministry", "", PEOPLE, first_person=False) is None


def test_the_one_a_record_of_a_conversation_with_names_is_never_its_writer():
    assert author_from_title("Record of a Conversation with Lee Tae-ho", "I received Pyotr Ivanov today.", PEOPLE,
                             first_person=True) is None
