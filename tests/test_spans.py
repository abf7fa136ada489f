"""Lookups over many spans (issue 30): the same answers as reading every span, and a page of many names read whole.

Finding mentions once compared each new mention with every earlier one, and each mention with every paragraph,
so a page of one repeated name took time growing with its square. The indexes that replace those scans must
answer exactly as the scans did; the scans are kept here as the oracles.
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings, strategies as st

from cwkg.extract.extract import extract
from cwkg.records.facts import Mention, Span
from cwkg.extract.posts import _holder, _Persons
from cwkg.lang.spans import Taken, block_number, first_by
from cwkg.lang.text import Block, paragraphs, whole_word_starts
from cwkg.loaders.source import SourceDocument

_spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda t: (t[0], t[0] + t[1])), max_size=30)


@given(_spans, st.integers(-2, 70), st.integers(0, 12))
def test_taken_says_a_span_overlaps_exactly_when_reading_every_taken_span_would(spans, start, length):
    end = start + length
    assert Taken(spans).overlaps(start, end) == any(s < end and start < e for s, e in spans)


@given(_spans, _spans, st.integers(0, 70), st.integers(0, 12))
def test_taken_answers_the_same_for_spans_added_one_by_one(first, later, start, length):
    taken = Taken(first, size=20)
    for s, e in later:
        taken.add(s, e)
    spans, end = first + later, start + length
    assert taken.overlaps(start, end) == any(s < end and start < e for s, e in spans)


@given(_spans, st.integers(-2, 75))
def test_taken_covers_an_offset_exactly_when_a_taken_span_holds_it(spans, offset):
    assert Taken(spans).covers(offset) == any(s <= offset < e for s, e in spans)


def test_an_empty_span_inside_the_question_overlaps_it_as_the_scan_says():
    assert (Taken([(5, 5)]).overlaps(3, 8), Taken([(5, 5)]).overlaps(5, 8), Taken([(0, 5)]).overlaps(3, 3)) == (True, False, True)


def _first_holding(blocks, offset):
    return next((i + 1 for i, b in enumerate(blocks) if b.start <= offset < b.end), 0)


@given(st.lists(st.sampled_from(["Albania", "Poland", "\n\n", "\n", " ", "  \n \n"]), max_size=40), st.integers(-1, 400))
def test_a_paragraph_is_numbered_as_the_first_one_holding_the_offset(words, offset):
    blocks = paragraphs("".join(words))
    assert block_number(blocks)(offset) == _first_holding(blocks, offset)


def test_blocks_out_of_order_or_overlapping_are_numbered_by_reading_them_in_order():
    blocks = (Block(10, 20, ""), Block(0, 12, ""), Block(15, 30, ""))
    assert [block_number(blocks)(at) for at in (0, 11, 16, 25, 40)] == [_first_holding(blocks, at) for at in (0, 11, 16, 25, 40)]


def test_first_by_keeps_the_first_item_of_each_key():
    assert first_by(["ab", "ac", "b", "bd"], lambda s: s[0]) == {"a": "ab", "b": "b"}


# The holder of a post, as `posts._holder` read it before it looked names up by where they end and start.
_BEFORE = re.compile(r"^(?:\s*\[[^\]]{1,60}\])?\s*,\s*(?:the\s+)?$")
_AFTER = re.compile(r"^\s*[,\]]?\s*(?:(?:Comrade|Mr\.?|Mrs\.?|Dr\.?)\s+)?$")
_ROLE = re.compile(r"(?<![\w])Ambassador(?![\w])", re.I)


def _alone_on_the_line_above(folded, m, start):
    """A name alone on its line, the post's line next: a signature block's holder."""
    line_start = folded.rfind("\n", 0, m.span.start) + 1
    return not folded[line_start:m.span.start].strip() and re.fullmatch(r"[ \t]*\n[ \t]*", folded[m.span.end:start]) is not None


def _holder_by_reading_every_name(folded, persons, start, end):
    before = [m for m in persons if m.span.end <= start and (_BEFORE.match(folded[m.span.end:start])
                                                             or _alone_on_the_line_above(folded, m, start))]
    after = [m for m in persons if m.span.start >= end and _AFTER.match(folded[end:m.span.start])]
    if before and after:
        b = before[-1]
        lead = folded[max(0, b.span.start - 80):b.span.start]
        if re.search(r",\s*(?:(?:Comrade|Mr\.?|Mrs\.?|Dr\.?)\s+)?$", lead) and any(
                not re.search(r"[,.;]", lead[r.end():].rstrip(", ").rstrip()) or lead[r.end():].strip().startswith(("of", "to", "in"))
                for r in _ROLE.finditer(lead)):
            return after[0].entity
    if before:
        return before[-1].entity
    return after[0].entity if after else None


_PIECES = ["Ivanov", "Petrov", "Ambassador", ", ", ",", " ", "   ", "\n", "the ", "Comrade ", "Mr. ", "[Ri Song Un]",
           "[" + "x" * 58 + "]", "[" + "y " * 40 + "]", " of the DPRK", ". ", "]"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=40))
def test_a_post_takes_the_same_holder_as_reading_every_name_would(pieces):
    text, persons, roles, at = "", [], [], 0
    for piece in pieces:
        if piece in ("Ivanov", "Petrov"):
            persons.append(Mention(piece.lower(), "person", Span(at, at + len(piece), piece), "name", 1, "test"))
        elif piece == "Ambassador":
            roles.append((at, at + len(piece)))
        text, at = text + piece, at + len(piece)
    index = _Persons(persons)
    for start, end in roles:
        assert _holder(text, text, index, start, end, _ROLE) == _holder_by_reading_every_name(text, persons, start, end)


def test_a_page_of_one_name_repeated_gives_every_mention_its_paragraph():
    body = "\n\n".join(["Moscow, 2 May 1962", "Record of Conversation"] + [" ".join(["Albania"] * 20)] * 300)
    doc = SourceDocument(doc_id="many", source="test", format="test", title="Record of Conversation", body=body,
                         date=date(1962, 5, 2))
    albania = [m for m in extract(doc).mentions if m.span.text == "Albania"]
    assert len(albania) == 6000
    assert [m.paragraph for m in albania[::20]] == list(range(3, 303))


# Whole-word search without a pattern per word (`lang.text.whole_word_starts`): the same starts as the re module's
# word-bounded search, which it replaces where a reader looks for every spelling of every person.
def _by_regex(text: str, word: str, flags: int = 0) -> list[int]:
    return [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text, flags)]


def test_whole_word_starts_skips_a_word_inside_another():
    assert list(whole_word_starts("Ivanova met Ivanov; Ivanov_ left", "Ivanov")) == [12]


def test_whole_word_starts_finds_a_word_that_ends_in_punctuation():
    assert list(whole_word_starts("Dr. Nowak and Dr.Nowak, Dr.", "Dr.")) == [0, 24]


def test_whole_word_starts_ignoring_case():
    assert list(whole_word_starts("NOWAK and Nowak and nowakowski", "nowak", ignore_case=True)) == [0, 10]


def test_whole_word_starts_agrees_with_the_word_bounded_pattern():
    text = "aa a aaa a_a a-a a.a ää a Äa Pyotr Ivanov, Ivanov's ivanov Ivanovich İvanov"
    for word in ("a", "aa", "a-a", "a.", "Ivanov", "ivanov", "İvanov", "ä", "Äa"):
        assert list(whole_word_starts(text, word)) == _by_regex(text, word), word
        assert list(whole_word_starts(text, word, ignore_case=True)) == _by_regex(text, word, re.IGNORECASE), word


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aAb_ .-äİ", max_size=30), st.text(alphabet="aAb_ .-äİ", min_size=1, max_size=4))
def test_whole_word_starts_agrees_on_any_text(text, word):
    assert list(whole_word_starts(text, word)) == _by_regex(text, word)
    assert list(whole_word_starts(text, word, ignore_case=True)) == _by_regex(text, word, re.IGNORECASE)
