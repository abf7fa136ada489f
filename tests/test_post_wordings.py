"""Posts however a record words them: a state inside the office's name, a translation's word order, a bare title
before a name the authority knows, an embassy glossed in brackets, and lists where the name comes first. Text
written for the test."""

from datetime import date

from cwkg.extract.authority import default_authority
from cwkg.extract.extract import extract
from cwkg.lang.kinds import document_kind
from cwkg.extract.posts import office_first
from cwkg.loaders.source import SourceDocument


def posts(body: str, title: str = "Notes", written: date | None = date(1964, 5, 4)):
    facts = extract(SourceDocument(doc_id="wordings", source="test", format="test", title=title, body=body, date=written,
                                   kind=document_kind(title)))
    names = {p.ref: p.label for p in facts.persons}
    return sorted((names[p.holder], short(p.role), p.title, short(p.of), short(p.to), short(p.city)) for p in facts.posts)


def short(iri):
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if iri else None


def test_a_state_named_inside_the_office_is_the_state_the_office_serves():
    assert posts("Pyotr Ivanov, First Deputy Chairman of the Hungarian Council of Ministers, said that the harvest was good.") == [
        ("Pyotr Ivanov", "FirstDeputyHeadOfGovernmentRole", None, "hungary", None, None)]


def test_a_cabinet_of_ministers_is_a_government_like_a_council_of_ministers():
    assert posts("Pyotr Ivanov, Deputy Chairman of the Polish Cabinet of Ministers, said that the harvest was good.") == [
        ("Pyotr Ivanov", "DeputyHeadOfGovernmentRole", None, "poland", None, None)]


def test_a_description_in_a_translations_word_order_reads_as_the_office_it_names():
    roles = default_authority().roles
    assert [office_first(t, roles) for t in ("Hungarian Council of Ministers President", "State Council Vice Premier",
                                             "Deputy Minister of Foreign Affairs")] == [
        "Hungarian President of the Council of Ministers", "Vice Premier of the State Council", "Deputy Minister of Foreign Affairs"]


def test_a_heading_list_in_a_translations_word_order_gives_each_person_the_office_after_the_name():
    assert posts("Minutes of conversation between comrades Pyotr Ivanov, Hungarian Council of Ministers President and "
                 "Adam Nowak, Polish State Council Vice Premier.\n\nPyotr Ivanov said that the harvest was good.") == [
        ("Adam Nowak", "DeputyHeadOfGovernmentRole", "Polish State Council Vice Premier", "poland", None, None),
        ("Pyotr Ivanov", "HeadOfGovernmentRole", "Hungarian Council of Ministers President", "hungary", None, None)]


def test_in_a_list_the_office_after_a_name_is_never_the_next_entrys():
    found = posts("Minutes of conversation between comrades Pyotr Ivanov, Hungarian State Council Premier, Adam Nowak, "
                  "Polish trade union member and Jan Kowalski.\n\nPyotr Ivanov said that the harvest was good.")
    assert [(name, role) for name, role, *_ in found] == [("Pyotr Ivanov", "HeadOfGovernmentRole")]


def test_a_bare_title_before_a_name_the_authority_knows_is_the_one_office_of_that_name_it_gives_them():
    assert posts("Minister Andrei Gromyko said that the harvest was good.") == [
        ("Andrei Gromyko", "ForeignMinisterRole", "Minister", "soviet-union", None, None)]


def test_an_office_stated_without_its_state_takes_the_state_of_the_authoritys_post():
    assert posts("I visited Minister of Foreign Affairs Andrei Gromyko at his request.") == [
        ("Andrei Gromyko", "ForeignMinisterRole", None, "soviet-union", None, None)]


def test_an_embassy_an_abbreviation_names_and_a_bracket_glosses_gives_the_state_and_the_city():
    assert posts("Pyotr Ivanov, First Secretary of the HPR [Hungarian People's Republic] embassy in Warsaw, said that "
                 "the harvest was good.") == [("Pyotr Ivanov", "SecretaryOfEmbassyRole", None, "hungary", "poland", "warsaw")]


def test_an_office_in_a_lists_entry_far_from_the_name_is_no_unnamed_person():
    facts = extract(SourceDocument(
        doc_id="wordings", source="test", format="test", title="Minutes", date=date(1964, 5, 4), kind="minutes",
        body="Minutes of conversation between comrades Pyotr Ivanov, Politburo member, Editorial Board member, HSWP CC "
             "secretary and Adam Nowak, Polish State Council Premier.\n\nPyotr Ivanov said that the harvest was good."))
    assert [p.label for p in facts.persons if p.unnamed] == []


def test_a_partys_first_secretary_is_its_leader_not_an_embassy_rank():
    assert posts("Pyotr Ivanov, First Secretary of the Hungarian Socialist Workers' Party, said that the harvest was good.") == [
        ("Pyotr Ivanov", "PartyLeaderRole", None, "mszmp", None, None)]


def test_a_name_alone_on_its_line_over_its_title_holds_the_title():
    assert posts("The talks went well.\n\nPyotr Ivanov\nFirst Secretary of the Hungarian Socialist Workers' Party") == [
        ("Pyotr Ivanov", "PartyLeaderRole", None, "mszmp", None, None)]
