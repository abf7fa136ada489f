"""Dates as memoranda write them."""

from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st

from cwkg.extract.dates import find_dates, parse_date

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
