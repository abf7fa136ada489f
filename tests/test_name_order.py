"""Name order as editors print it: family name first for Korean, Chinese, Vietnamese, Hungarian and (when so printed)
Japanese names, so that a later mention by the family name alone joins the right full name. Every person and
sentence here is invented for the tests."""

from __future__ import annotations

from datetime import date

import pytest

from cwkg.extract.extract import extract
from cwkg.lang.name_order import FAMILY_FIRST, WESTERN, NameReading, default_table, parse_table, read_name
from cwkg.loaders.source import SourceDocument


def memo(body: str, on: date = date(1961, 3, 2)) -> SourceDocument:
    return SourceDocument(doc_id="test-names-" + str(abs(hash(body))), source="test", format="test",
                          title=body.split("\n\n")[1], body=body, date=on)


def named(facts, label: str):
    (found,) = [p for p in facts.persons if p.label == label]
    return found


def mentioned_as(facts, person) -> list[str]:
    return sorted(m.span.text for m in facts.mentions if m.kind == "person" and m.entity == person.ref)


# ---------------------------------------------------------------- reading one name


def test_a_korean_name_with_a_hyphenated_given_name_is_family_first():
    assert read_name("Pak Chol-min") == NameReading("Pak", "Chol-min", True, "korean", ("Pak",))


def test_a_korean_given_name_of_two_spaced_syllables_is_family_first():
    assert read_name("Choe Tong Sung") == NameReading("Choe", "Tong Sung", True, "korean", ("Choe",))


def test_a_pinyin_name_is_family_first():
    assert read_name("Wang Lirong") == NameReading("Wang", "Lirong", True, "chinese", ("Wang",))


def test_a_wade_giles_name_is_family_first():
    assert read_name("Chou Te-ming") == NameReading("Chou", "Te-ming", True, "chinese", ("Chou",))


def test_a_vietnamese_name_is_called_by_its_family_name_and_its_personal_name():
    assert read_name("Nguyen Van Hai") == NameReading("Nguyen", "Van Hai", True, "vietnamese", ("Nguyen", "Hai"))


def test_a_hungarian_name_printed_family_first_is_read_family_first():
    assert read_name("Nagy Istvan") == NameReading("Nagy", "Istvan", True, "hungarian", ("Nagy",))


def test_a_hungarian_name_printed_given_first_stays_given_first():
    assert read_name("Istvan Nagy") == NameReading("Nagy", "Istvan", False, None, ("Nagy",))


def test_a_hungarian_name_that_reads_as_well_both_ways_stays_given_first():
    assert read_name("Sandor Laszlo") == NameReading("Laszlo", "Sandor", False, None, ("Laszlo",))


def test_a_japanese_name_printed_family_first_is_read_family_first():
    assert read_name("Tanaka Kenji") == NameReading("Tanaka", "Kenji", True, "japanese", ("Tanaka",))


def test_a_japanese_name_printed_given_first_stays_given_first():
    assert read_name("Kenji Tanaka") == NameReading("Tanaka", "Kenji", False, None, ("Tanaka",))


def test_a_western_name_is_given_first():
    assert read_name("Pyotr Ivanov") == NameReading("Ivanov", "Pyotr", False, None, ("Ivanov",))


def test_a_western_name_whose_first_word_is_a_listed_family_name_stays_given_first():
    assert read_name("Lee Harvey Smith") == NameReading("Smith", "Lee Harvey", False, None, ("Smith",))


def test_a_listed_family_name_before_a_western_surname_stays_given_first():
    assert read_name("Lin Brown") == NameReading("Brown", "Lin", False, None, ("Brown",))


def test_diacritics_and_capitals_do_not_change_the_reading():
    assert read_name("SZABÓ Gábor") == NameReading("SZABÓ", "Gábor", True, "hungarian", ("SZABÓ",))


def test_a_single_word_is_its_own_family_name():
    assert read_name("Ivanov") == NameReading("Ivanov", "", False, None, ("Ivanov",))


def test_runs_of_space_are_read_as_one():
    assert read_name("Wang  Lirong") == NameReading("Wang", "Lirong", True, "chinese", ("Wang",))


def test_a_family_name_the_table_does_not_list_leaves_the_name_given_first():
    table = parse_table("korean\tfamily\tkim\n")
    assert read_name("Pak Chol-min", table) == NameReading("Chol-min", "Pak", False, None, ("Chol-min",))


def test_the_table_folds_every_spelling_of_a_row():
    table = parse_table("# a comment\nkorean\tfamily\tpak\tpark\thungarian\nhungarian\tgiven\tIstván\n")
    assert (dict(table.family), dict(table.given)) == (
        {"pak": frozenset({"korean"}), "park": frozenset({"korean"}), "hungarian": frozenset({"korean"})},
        {"istvan": frozenset({"hungarian"})})


def test_the_shipped_table_lists_dozens_of_family_names_for_each_tradition_and_no_other_tradition():
    table = default_table()
    counts = {t: sum(t in ts for ts in table.family.values()) for t in (*FAMILY_FIRST, WESTERN)}
    traditions = {t for ts in (*table.family.values(), *table.given.values()) for t in ts}
    assert traditions == {*FAMILY_FIRST, WESTERN}
    assert all(25 <= n <= 200 for n in counts.values()), counts


# ---------------------------------------------------------------- joining later mentions (the extraction entry point)


def test_a_korean_family_name_alone_joins_the_full_name():
    facts = extract(memo("Pyongyang, 2 March 1961\n\nMemorandum of Conversation\n\n"
                         "On 1 March I met Comrade Pak Chol-min, Deputy Minister of Foreign Affairs of Ruritania. "
                         "Comrade Pak said that the harvest was good. Pak added that grain would be sent."))
    pak = named(facts, "Pak Chol-min")
    assert mentioned_as(facts, pak) == ["Pak", "Pak", "Pak Chol-min"]


def test_a_chinese_family_name_alone_joins_the_full_name():
    facts = extract(memo("Beijing, 2 March 1961\n\nRecord of Conversation\n\n"
                         "On 1 March I called on Comrade Wang Lirong. Wang said that trade with Ruritania was growing."))
    wang = named(facts, "Wang Lirong")
    assert mentioned_as(facts, wang) == ["Wang", "Wang Lirong"]


def test_a_hungarian_family_name_alone_joins_the_full_name_printed_family_first():
    facts = extract(memo("Budapest, 2 March 1961\n\nNote\n\n"
                         "On 1 March I met Comrade Nagy Istvan. Comrade Nagy said that the talks were useful."))
    nagy = named(facts, "Nagy Istvan")
    assert mentioned_as(facts, nagy) == ["Nagy", "Nagy Istvan"]


def test_the_given_name_of_a_family_first_name_is_not_taken_for_a_surname():
    facts = extract(memo("Pyongyang, 2 March 1961\n\nNote\n\n"
                         "On 1 March I met Comrade Choe Tong Sung. Sung was late. Comrade Choe said that the talks were useful."))
    choe = named(facts, "Choe Tong Sung")
    assert ("Sung" in choe.aliases, mentioned_as(facts, choe)) == (False, ["Choe", "Choe Tong Sung"])


def test_a_vietnamese_personal_name_alone_joins_the_full_name():
    facts = extract(memo("Hanoi, 2 March 1961\n\nNote\n\n"
                         "On 1 March I met Comrade Nguyen Van Hai. Hai said that the rice crop was poor."))
    nguyen = named(facts, "Nguyen Van Hai")
    assert mentioned_as(facts, nguyen) == ["Hai", "Nguyen Van Hai"]


def test_a_given_first_name_still_joins_by_its_last_word():
    facts = extract(memo("Moscow, 2 March 1961\n\nNote\n\n"
                         "On 1 March I met Comrade Pyotr Ivanov. Ivanov said that the talks were useful."))
    ivanov = named(facts, "Pyotr Ivanov")
    assert mentioned_as(facts, ivanov) == ["Ivanov", "Pyotr Ivanov"]


def test_a_family_name_that_begins_another_full_name_is_not_a_mention_of_the_first():
    facts = extract(memo("Pyongyang, 2 March 1961\n\nNote\n\n"
                         "On 1 March I met Comrade Hwang Chol-min. Hwang said that the talks were useful. "
                         "In the evening Hwang Tu-sop arrived from Ruritania."))
    hwang = named(facts, "Hwang Chol-min")
    assert mentioned_as(facts, hwang) == ["Hwang", "Hwang Chol-min"]


def test_a_family_name_two_people_share_joins_neither():
    facts = extract(memo("Pyongyang, 2 March 1961\n\nNote\n\n"
                         "On 1 March I met Comrade Pak Chol-min and Comrade Pak Tu-sop. Pak said that the talks were useful."))
    first, second = named(facts, "Pak Chol-min"), named(facts, "Pak Tu-sop")
    assert (mentioned_as(facts, first), mentioned_as(facts, second)) == (["Pak Chol-min"], ["Pak Tu-sop"])


# ---------------------------------------------------------------- the store's surname keys


def test_a_family_first_label_is_keyed_under_its_family_name():
    from cwkg.graph.labelkeys import name_keys

    assert name_keys("Pak Chol-min") == (("pak",), "chol min")


def test_a_given_first_label_is_keyed_under_its_last_word():
    from cwkg.graph.labelkeys import name_keys

    assert name_keys("Pyotr Ivanov") == (("ivanov",), "pyotr")


def test_a_vietnamese_label_is_keyed_under_its_family_and_personal_names():
    from cwkg.graph.labelkeys import name_keys

    assert name_keys("Nguyen Van Hai") == (("nguyen", "hai"), "van hai")


def test_a_store_finds_a_family_first_person_by_the_family_name_and_not_by_the_given_name(tmp_path):
    import pyoxigraph as ox

    from cwkg.ontology.vocab import CW, RDF, SKOS
    from cwkg.graph.store import GraphStore
    from cwkg.queries.resolve import Resolver

    pak = ox.NamedNode("https://w3id.org/cwkg/id/person/test-pak-chol-min")
    with GraphStore(tmp_path / "store") as store:
        store.replace_graph(ox.NamedNode("https://w3id.org/cwkg/id/graph/test-names"),
                            [ox.Triple(pak, RDF.type, CW.Person), ox.Triple(pak, SKOS.prefLabel, ox.Literal("Pak Chol-min"))])
        found = {keyed: [Resolver(store, _keyed=keyed).candidates(t) for t in ("Pak", "Min", "C. Pak")]
                 for keyed in (True, False)}
    assert found == {keyed: [[pak.value], [], [pak.value]] for keyed in (True, False)}
