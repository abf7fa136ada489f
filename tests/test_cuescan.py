"""The cue scanner: one pattern for many cues, skipping the characters where no cue can begin."""

import re

from cwkg.extract.authority import default_authority
from cwkg.extract.cuescan import alternatives, begins_at_word, first_characters, first_guard, scanner


def test_a_cue_opening_with_a_word_boundary_and_a_letter_begins_at_a_word():
    assert begins_at_word(r"\bdoubt") is True


def test_a_cue_that_may_begin_inside_a_word_does_not():
    assert begins_at_word(r"(?:\bnot|n['’]t) (?:do|did) as well as\b") is False


def test_a_cue_without_a_word_boundary_does_not_begin_at_a_word():
    assert begins_at_word(r"doubt") is False


def test_an_optional_group_is_looked_past_to_what_follows_it():
    assert (begins_at_word(r"\b(?:serious |real )?limitations?"), begins_at_word(r"\b(?:re)?-unif")) == (True, False)


def test_an_assertion_consumes_nothing():
    assert begins_at_word(r"\b(?<!would )(?<!could )(?:must|should) be\b") is True


def test_an_optional_first_letter_leaves_the_cue_unproven():
    assert begins_at_word(r"\bs?he\b") is False


def test_alternatives_split_only_at_the_top_level():
    assert alternatives(r"a|(?:b|c)d|[|]|\|") == ["a", "(?:b|c)d", "[|]", r"\|"]


def test_the_scanner_skips_inner_characters_only_when_every_cue_begins_at_a_word():
    assert scanner([("a", r"\bdoubt"), ("b", r"\bno\b")]).pattern.startswith(r"(?=\b\w)")
    assert r"(?=\b\w)" not in scanner([("a", r"\bdoubt"), ("b", r"n't\b")]).pattern


def test_the_scanner_names_the_first_cue_in_order_of_priority():
    found = [(m.lastgroup, m.group(0)) for m in scanner([("a", r"\bnot\b"), ("b", r"\bnot accept\b")]).finditer(
        "They would NOT accept it.")]
    assert found == [("a", "NOT")]


def test_the_scanner_finds_what_the_plain_alternation_finds_with_the_shipped_cues():
    stances = default_authority().stances
    named = [(f"s{i}", d.cue.pattern) for i, d in enumerate(stances) if d.cue is not None]
    plain = re.compile("|".join(f"(?P<{n}>{c})" for n, c in named), re.IGNORECASE)
    text = ("The Ambassador said that his Government was deeply concerned, that it would not accept the proposal, "
            "that the plan didn't do as well as hoped and could hardly succeed; he urged restraint.")
    assert [(m.span(), m.lastgroup) for m in scanner(named).finditer(text)] == \
        [(m.span(), m.lastgroup) for m in plain.finditer(text)] != []


def test_every_shipped_stance_and_topic_cue_begins_at_a_word():
    authority = default_authority()
    assert [d.iri for d in (*authority.stances, *authority.topics) if d.cue is not None and not begins_at_word(d.cue.pattern)] == []


def test_the_first_characters_of_a_pattern_are_read_through_groups_options_and_assertions():
    assert first_characters(r"\b(?:could|can) (?:\w+ )?rule out\b") == {"c"}
    assert first_characters(r"(?:a|b)?c") == {"a", "b", "c"}
    assert first_characters(r"(?<![\w])(?:Mr|Dr)\.?") == {"M", "D"}


def test_a_pattern_that_may_begin_with_any_word_character_or_match_nothing_has_no_first_characters():
    assert (first_characters(r"\w+ said"), first_characters(r"x?"), first_characters(r"[^,]+")) == (None, None, None)


def test_the_first_character_guard_leaves_the_matches_as_they_were():
    pattern = r"\b(?:Mr|Mrs|Dr|Comrade)\.?\s+(?P<name>[A-Z]\w+)"
    text = "Then Mr. Ivanov and comrade Nowak met Dr Smith; Mrs. Brown and drMr Jones did not."
    plain = re.compile(pattern, re.IGNORECASE)
    guarded = re.compile(first_guard(pattern) + pattern, re.IGNORECASE)
    assert first_guard(pattern) == "(?=[CDM])"
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)] != []


def test_a_case_insensitive_group_inside_a_pattern_gives_no_guard():
    assert (first_characters(r"(?i:mr)\s+\w+"), first_guard(r"(?i:mr)\s+\w+")) == (None, "")
