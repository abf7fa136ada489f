"""The nouns `cwkg ask` reads office holders by come from the ontology's classes of roles and the roles' own labels."""

import pyoxigraph as ox
import pytest

from cwkg.ask.roles import read, role_words, title_plural

PREFIXES = """@prefix cw: <https://w3id.org/cwkg/ontology#> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
cw:Role a owl:Class .
"""


def words_of(turtle: str):
    return read(ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(PREFIXES + turtle, format=ox.RdfFormat.TURTLE))


def test_a_holder_term_covers_the_roles_of_its_class_and_of_the_classes_below_it():
    found = words_of("""
        cw:Envoys a owl:Class ; rdfs:subClassOf cw:Role ; cw:holderTerm "envoy"@en .
        cw:Senior a owl:Class ; rdfs:subClassOf cw:Envoys .
        cw:LegateRole a cw:Envoys ; skos:prefLabel "legate"@en .
        cw:NuncioRole a cw:Senior ; skos:prefLabel "nuncio"@en .
        cw:ClerkRole a cw:Role ; skos:prefLabel "clerk"@en .""")
    assert found.classes["envoy"] == ("LegateRole", "NuncioRole")


def test_a_holder_synonym_names_the_same_role_as_the_term():
    found = words_of("""
        cw:Envoys a owl:Class ; rdfs:subClassOf cw:Role ; cw:holderTerm "envoy"@en ; cw:holderSynonym "emissary"@en .
        cw:LegateRole a cw:Envoys ; skos:prefLabel "legate"@en .""")
    assert (found.words["emissaries"], found.words["envoys"]) == ("envoy", "envoy")


def test_a_class_holder_term_wins_over_a_role_label_of_the_same_spelling():
    found = words_of("""
        cw:Envoys a owl:Class ; rdfs:subClassOf cw:Role ; cw:holderTerm "envoy"@en .
        cw:LegateRole a cw:Envoys ; skos:prefLabel "legate"@en ; skos:altLabel "envoy"@en .
        cw:NuncioRole a cw:Envoys ; skos:prefLabel "nuncio"@en .""")
    assert (found.words["envoy"], found.classes["envoy"]) == ("envoy", ("LegateRole", "NuncioRole"))


def test_a_role_is_asked_for_by_its_lower_case_labels_not_by_a_capitalised_title():
    found = words_of("""cw:LegateRole a cw:Role ; skos:prefLabel "legate"@en ;
        skos:altLabel "papal legate"@en , "Legate a latere"@en .""")
    assert sorted(found.words) == ["legate", "legates", "papal legate", "papal legates"]


def test_a_name_two_roles_share_names_neither():
    found = words_of("""
        cw:FirstSecretaryRole a cw:Role ; skos:prefLabel "embassy secretary"@en ; skos:altLabel "secretary"@en .
        cw:PartySecretaryRole a cw:Role ; skos:prefLabel "party secretary"@en ; skos:altLabel "secretary"@en .""")
    assert "secretary" not in found.words


def test_an_accented_role_is_asked_for_with_or_without_its_accents():
    found = words_of("""cw:ChargeRole a cw:Role ; skos:prefLabel "chargé d'affaires"@en .""")
    assert sorted(found.words) == ["charge d'affaires", "charges d'affaires", "chargé d'affaires", "chargés d'affaires"]


@pytest.mark.parametrize("title, expected", [
    ("head of state", "heads of state"), ("chargé d'affaires", "chargés d'affaires"),
    ("consul general", "consuls general"), ("minister plenipotentiary", "ministers plenipotentiary"),
    ("foreign minister", "foreign ministers"), ("embassy secretary", "embassy secretaries"), ("attaché", "attachés"),
])
def test_a_title_is_made_plural_at_its_head_noun(title, expected):
    assert title_plural(title) == expected


def test_the_shipped_ontology_asks_for_every_head_of_mission_as_an_ambassador_or_envoy():
    words = role_words()
    assert (words.words["envoys"], sorted(words.classes["ambassador"])) == ("ambassador", [
        "AmbassadorRole", "ChargeDAffairesRole", "MinisterPlenipotentiaryRole", "PermanentRepresentativeRole"])
