"""Principal Officers and Chiefs of Mission (HistoryAtState/pocom): people and missions.

A `people/*.xml` file is a person (name, birth and death years, career or non-career);
a `missions-countries/*.xml` or `missions-orgs/*.xml` file is a mission and every chief of
mission it had, with the title, the territory as it then was, and the appointed,
arrived, started and ended dates with their notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from . import xmlsafe
from .source import AuthorityPersonRecord, ChiefOfMission, DatedNote, MissionRecord

NAME = "pocom"


def sniff(head: str) -> bool:
    return bool(re.search(r"<(?:country-mission|org-mission)>", head)) or (
        "<person>" in head and "<persName>" in head and "<surname>" in head)


def _t(elem: etree._Element | None, path: str) -> str | None:
    if elem is None:
        return None
    value = elem.findtext(path)
    value = re.sub(r"\s+", " ", value).strip() if value else ""
    return value or None


def _dated(chief: etree._Element, what: str) -> DatedNote:
    return DatedNote(_t(chief, f"{what}/date"), _t(chief, f"{what}/note"))


def _root(path: Path) -> etree._Element:
    root = None
    for _, elem in xmlsafe.iterparse(path):
        root = elem
    if root is None:
        raise ValueError("empty XML")
    return root


def records(path: Path) -> Iterator[MissionRecord | AuthorityPersonRecord]:
    root = _root(path)
    if root.tag == "person":
        surname, forename = _t(root, "persName/surname"), _t(root, "persName/forename")
        name = " ".join(x for x in (forename, surname) if x) or root.findtext("id")
        variants = tuple(v for v in (_t(a, ".") for a in root.findall("persName/altname")) if v)
        sort = f"{surname}, {forename}" if surname and forename else None
        yield AuthorityPersonRecord(
            "pocom", _t(root, "id"), name, variants + ((sort,) if sort else ()), _t(root, "birth"), _t(root, "death"),
            _t(root, "career-type"), source=str(path))
        return
    kind = "organization" if root.tag == "org-mission" else "country"
    mission = _t(root, "id") or _t(root, "territory-id") or path.stem
    chiefs = tuple(
        ChiefOfMission(
            _t(c, "id"), _t(c, "person-id"), _t(c, "role-title-id"), _t(c, "contemporary-territory-id") or _t(root, "territory-id"),
            _dated(c, "appointed"), _dated(c, "arrived"), _dated(c, "started"), _dated(c, "ended"), _t(c, "note"))
        for c in root.iter("chief") if _t(c, "id") and _t(c, "person-id")
    )
    yield MissionRecord(mission, kind, _t(root, "names/singular"), chiefs, str(path))
