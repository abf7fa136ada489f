"""Attendance lists read as lists: names, what the list says of each person, and their side."""

from cwkg.extract.attendance import find_lists


def entries(text: str, taken=()):
    return [(e.name.text, e.description, e.side.text if e.side else None) for found in find_lists(text, list(taken))
            for e in found.entries]


def test_a_present_line_lists_each_name():
    assert entries("Present: Pyotr Ivanov, Ivan Petrov and Adam Nowak\n") == [
        ("Pyotr Ivanov", None, None), ("Ivan Petrov", None, None), ("Adam Nowak", None, None)]


def test_honorifics_are_not_part_of_the_listed_names():
    assert entries("Those attending the meeting: Comrade Pyotr Ivanov, Cde. Ivan Petrov\n") == [
        ("Pyotr Ivanov", None, None), ("Ivan Petrov", None, None)]


def test_a_label_of_interpreters_says_what_each_listed_person_did():
    assert entries("Interpreters: Pyotr Ivanov, Ivan Petrov\nRecorder: Adam Nowak\n") == [
        ("Pyotr Ivanov", "interpreter", None), ("Ivan Petrov", "interpreter", None), ("Adam Nowak", "recorder", None)]


def test_semicolons_part_entries_and_the_words_after_a_name_describe_the_person():
    assert entries("Present: Pyotr Ivanov, Deputy Minister of Foreign Affairs; Ivan Petrov, Counsellor\n") == [
        ("Pyotr Ivanov", "Deputy Minister of Foreign Affairs", None), ("Ivan Petrov", "Counsellor", None)]


def test_two_names_joined_by_and_share_their_description():
    assert entries("Present: Pyotr Ivanov and Ivan Petrov, translators; Adam Nowak, Counsellor\n") == [
        ("Pyotr Ivanov", "translators", None), ("Ivan Petrov", "translators", None), ("Adam Nowak", "Counsellor", None)]


def test_a_name_after_a_comma_begins_a_new_entry_even_where_a_semicolon_was_due():
    assert entries("Present: Pyotr Ivanov, Head of the Second Department, Ivan Petrov, Chief of Protocol; Adam Nowak\n") == [
        ("Pyotr Ivanov", "Head of the Second Department", None), ("Ivan Petrov", "Chief of Protocol", None),
        ("Adam Nowak", None, None)]


def test_sides_on_one_line_hold_until_the_next_side():
    assert entries("Present: Ruritanian side: Pyotr Ivanov, Ivan Petrov; Freedonian side: Adam Nowak, Minister of Trade\n") == [
        ("Pyotr Ivanov", None, "Ruritanian"), ("Ivan Petrov", None, "Ruritanian"), ("Adam Nowak", "Minister of Trade", "Freedonian")]


def test_a_sentence_ending_in_a_colon_announces_the_marked_lines_after_it_by_side():
    text = ("The following persons were also present at the talks:\n\n"
            "– from the Ruritanian side: Pyotr Ivanov, Deputy Minister; Ivan Petrov, interpreter.\n\n"
            "– From the Freedonian side: Adam Nowak, Ambassador in Ruritania.\n\n"
            "Pyotr Ivanov opened the talks.")
    assert entries(text) == [("Pyotr Ivanov", "Deputy Minister", "Ruritanian"), ("Ivan Petrov", "interpreter", "Ruritanian"),
                             ("Adam Nowak", "Ambassador in Ruritania", "Freedonian")]


def test_a_description_shaped_like_a_name_is_not_a_person_when_it_holds_an_office_word():
    assert entries("Present: Pyotr Ivanov, Foreign Relations Division Chief\n") == [
        ("Pyotr Ivanov", "Foreign Relations Division Chief", None)]


def test_a_state_the_text_names_is_never_a_listed_person():
    text = "Present: Pyotr Ivanov, Soviet Union Desk Officer, Costa Rica\n"
    at = text.index("Costa Rica")
    assert entries(text, [(at, at + len("Costa Rica"))]) == [("Pyotr Ivanov", "Soviet Union Desk Officer, Costa Rica", None)]


def test_a_sentence_with_a_colon_and_no_names_after_it_lists_nobody():
    assert entries("The following questions were discussed at the meeting attended by the delegations:\n\n"
                   "1. The economic plan for the coming year.\n") == []


def test_names_with_letters_beyond_ascii_are_names():
    assert entries("Present: Emil Bodnăraş and Nicolae Ceauşescu\n") == [("Emil Bodnăraş", None, None), ("Nicolae Ceauşescu", None, None)]


def test_a_list_of_interpreters_says_they_served_the_meeting():
    assert [e.served_as for found in find_lists("Interpreters: Pyotr Ivanov, Ivan Petrov\n") for e in found.entries] == [
        "interpreter", "interpreter"]


def test_listed_interpreters_are_listed_but_are_not_participants_of_the_meeting():
    from datetime import date

    from cwkg.extract.extract import extract
    from cwkg.loaders.source import SourceDocument
    body = ("Record of the meeting\n\nTime: 4 pm, 3 May 1964\n\nThose attending the meeting: Comrade Pyotr Ivanov, "
            "Comrade Adam Nowak\n\nInterpreters: Ivan Petrov\n\n"
            "Comrade Pyotr Ivanov said that the harvest had been good and that the plan would be fulfilled this year.")
    facts = extract(SourceDocument(doc_id="att", source="test", format="test", title="Record of the meeting", body=body,
                                   date=date(1964, 5, 3), kind="record of meeting"))
    names = {p.ref: p.label for p in facts.persons}
    meeting = facts.meetings[0]
    assert (sorted(names[p] for p in meeting.participants), [(names[p.person], p.served_as) for p in meeting.listed if p.served_as]) == (
        ["Adam Nowak", "Pyotr Ivanov"], [("Ivan Petrov", "interpreter")])


def test_a_heading_of_talks_between_persons_lists_each_with_their_titles():
    text = ("Minutes of conversation between comrades Pyotr Ivanov, Member of the Presidium, Chairman of the Council of "
            "Ministers and Ivan Petrov, Secretary of the Central Committee, [and] with Adam Nowak, Minister of Trade\n")
    assert entries(text) == [("Pyotr Ivanov", "Member of the Presidium, Chairman of the Council of Ministers", None),
                             ("Ivan Petrov", "Secretary of the Central Committee", None), ("Adam Nowak", "Minister of Trade", None)]


def test_talks_between_two_states_in_running_text_list_nobody():
    assert entries("The talks between Ruritania and Freedonia went on for a week.\n") == []


def names_found(text: str):
    from cwkg.extract.authority import default_authority
    from cwkg.extract.persons import find_candidates
    authority = default_authority()
    roles = [label for role in authority.roles for label in role.labels]
    return [(c.name, c.span.text, c.rule) for c in find_candidates(text, roles, [], given_names=authority.given_names)]


def test_an_editors_bracket_before_a_surname_completes_the_name():
    assert names_found("during the talks with [Pyotr] Ivanov nothing was decided") == [("Pyotr Ivanov", "[Pyotr] Ivanov", "bracket-completed")]


def test_a_title_in_the_editors_bracket_is_not_part_of_the_name():
    assert names_found("He met [Foreign Minister Pyotr] Ivanov yesterday.") == [
        ("Pyotr Ivanov", "[Foreign Minister Pyotr] Ivanov", "bracket-completed")]


def test_a_bracket_after_a_one_word_name_completes_it_in_the_printed_order():
    assert names_found("Minister Tanaka [Kenji] said that") == [("Tanaka Kenji", "Tanaka [Kenji]", "bracket-completed")]


def test_a_bracket_that_is_no_name_completes_nothing():
    assert names_found("the [illegible] Report was sent") == []
