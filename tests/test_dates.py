"""Dates as memoranda write them."""

from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st

from cwkg.lang.dates import find_dates, parse_date

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def test_day_month_year():
    assert parse_date("Moscow. 2 April 1962") == date(1962, 4, 2)


def test_month_day_year_with_leading_zero():
    assert parse_date("April 02, 1962") == date(1962, 4, 2)


def test_day_and_month_take_the_year_of_the_document():
    assert [d for _, _, d in find_dates("On 30 March, I invited", date(1962, 4, 2))] == [date(1962, 3, 30)]


def test_day_and_month_after_the_document_date_belong_to_the_year_before():
    assert [d for _, _, d in find_dates("On 28 December we met", date(1963, 1, 5))] == [date(1962, 12, 28)]


def test_impossible_dates_are_not_dates():
    assert parse_date("31 February 1962") is None


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2030, 12, 31)), st.booleans())
def test_any_written_date_parses_back(d, american):
    written = f"{MONTHS[d.month - 1]} {d.day}, {d.year}" if american else f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    assert parse_date(f"Dated {written}.") == d


def test_a_roman_month():
    assert parse_date("Prague, 2.IV.1962") == date(1962, 4, 2)


def test_numeric_dates_are_read_day_first_unless_the_convention_is_month_first():
    assert (parse_date("dated 2/4/1962"), parse_date("dated 2/4/1962", day_first=False)) == (date(1962, 4, 2), date(1962, 2, 4))


def test_a_numeric_date_with_a_day_above_twelve_is_read_either_way():
    assert parse_date("dated 4/25/1962", day_first=True) == date(1962, 4, 25)
    assert parse_date("dated 25.4.1962", day_first=False) == date(1962, 4, 25)


def test_the_day_of_a_month():
    assert parse_date("Written on the 2nd of April 1962.") == date(1962, 4, 2)
    assert [d for _, _, d in find_dates("on the 2nd of April we met", date(1962, 5, 1))] == [date(1962, 4, 2)]



WRITTEN = date(1968, 8, 28)


def days(text: str) -> list[date]:
    return [d for _, _, d in find_dates(text, WRITTEN)]


def test_yesterday_and_last_night_are_the_day_before_the_record():
    assert (days("Yesterday the minister called."), days("Last night we spoke.")) == ([date(1968, 8, 27)], [date(1968, 8, 27)])


def test_the_day_before_yesterday_is_two_days_before_the_record():
    assert days("He came the day before yesterday.") == [date(1968, 8, 26)]


def test_a_day_of_this_month_is_in_the_records_month():
    assert (days("on the 25th of this month he called"), days("his telegram dated 27th this month")) == (
        [date(1968, 8, 25)], [date(1968, 8, 27)])


def test_a_bare_day_later_than_the_record_is_of_the_month_before():
    assert days("He said that on the 30th, he had called.") == [date(1968, 7, 30)]


def test_an_ordinal_before_a_noun_is_no_day():
    assert days("the 22nd Congress of the party") == []


def test_a_month_and_an_ordinal_day_take_the_year_of_the_document():
    assert [d for _, _, d in find_dates("On September 25th he called, and again on October 3rd.", date(1962, 10, 27))] == [
        date(1962, 9, 25), date(1962, 10, 3)]
