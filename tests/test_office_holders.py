"""Who held an office on a day, from the people database's remarks; tables written for the test."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from cwkg.extract.authority import default_authority
from cwkg.extract.mentions import Gazetteer
from cwkg.extract.office_holders import OfficeHolders, office_holders
from cwkg.ontology import build_office_holders as build

from support import CORPUS, ROOT, need

US = "https://w3id.org/cwkg/id/state/united-states"


def table(*holdings: str) -> OfficeHolders:
    people = ["P\thsg:1\tAnna Lind\tv1:p_LA1\tA. Lind", "P\thsg:2\tBert Moe\t\t", "P\thsg:3\tCarl Ode\t\t"]
    return OfficeHolders([f"O\t{h}" for h in holdings] + people)


def test_a_dated_holding_outweighs_one_placed_only_by_its_volumes_years():
    holders = table("deputy secretary of defense\tunited-states\t1964\t1968\t0\thsg:2",
                    "deputy secretary of defense\tunited-states\t1967-07\t1969-01\t1\thsg:1")
    assert holders.holder("The Deputy Secretary of Defense", date(1968, 10, 4), US).name == "Anna Lind"


def test_the_person_most_dated_holdings_name_holds_the_office_over_a_predecessors_open_end():
    holders = table("vice president\tunited-states\t1964-01\t1968\t1\thsg:2",
                    "vice president\tunited-states\t1965-01\t1968\t1\thsg:1",
                    "vice president\tunited-states\t1965-01-20\t1969-01-20\t1\thsg:1")
    assert holders.holder("Vice President", date(1968, 4, 24), US).key == "hsg:1"


def test_a_tie_names_no_one():
    holders = table("special assistant to president\tunited-states\t1964\t1968\t0\thsg:2",
                    "special assistant to president\tunited-states\t1964\t1968\t0\thsg:3")
    assert holders.holder("Special Assistant to the President", date(1966, 1, 1), US) is None


def test_a_possessive_title_and_a_comma_title_are_the_same_office():
    holders = table("special assistant to president\tunited-states\t1966\t1968\t1\thsg:1",
                    "director of united states information agency\tunited-states\t1965\t1968\t1\thsg:2")
    assert (holders.holder("President’s Special Assistant", date(1967, 1, 1), US).key,
            holders.holder("Director, U.S. Information Agency", date(1967, 1, 1), US).key) == ("hsg:1", "hsg:2")


def test_an_undated_office_of_a_volumes_entry_takes_the_years_the_database_gives_it():
    holders = table("assistant secretary of defense\tunited-states\t1961\t1963\t0\thsg:1")
    assert holders.period("v1", "p_LA1", "Assistant Secretary of Defense") == ("1961", "1963")


def test_a_remark_is_read_into_offices_with_periods_and_a_follower_starts_where_the_first_ended():
    gazetteer = Gazetteer(default_authority())
    remark = ("Secretary of the Navy until June 1967; thereafter Deputy Secretary of Defense",
              ["https://history.state.gov/historicaldocuments/frus1964-68v99/persons#p_X1"])
    found = sorted((h.key, h.state.rsplit("/", 1)[-1], h.start, h.end, h.dated) for h in build.holdings("hsg:9", [remark], gazetteer))
    assert found == [("deputy secretary of defense", "united-states", "1967-06", "1968", True),
                     ("secretary of navy", "united-states", "1964", "1967-06", True)]


def test_an_office_of_a_foreign_holder_serves_the_state_their_other_titles_name():
    gazetteer = Gazetteer(default_authority())
    remarks = [("Polish Foreign Minister", ["https://history.state.gov/historicaldocuments/frus1964-68v99/persons#p_Y1"]),
               ("Deputy Prime Minister", ["https://history.state.gov/historicaldocuments/frus1964-68v99/persons#p_Y1"])]
    found = sorted((h.key, h.state.rsplit("/", 1)[-1]) for h in build.holdings("hsg:8", remarks, gazetteer))
    assert found == [("deputy prime minister", "poland"), ("foreign minister", "poland")]


def test_the_shipped_table_is_the_one_the_people_database_gives(tmp_path):
    out = tmp_path / "office-holders.tsv.gz"
    build.build(need(CORPUS / "hsg-people" / "data"), out)
    shipped = ROOT / "ontology" / "authority" / "office-holders.tsv.gz"
    assert gzip.open(out, "rt").read() == gzip.open(shipped, "rt").read()


def test_the_shipped_table_names_the_holder_of_an_office_on_a_day():
    holder = office_holders().holder("Deputy Secretary of Defense", date(1968, 10, 4), US)
    assert holder is not None and holder.name.endswith("Nitze")
