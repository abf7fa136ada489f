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


# ---------------------------------------------------------------- resolution against cwkg's roles and states

from dataclasses import dataclass  # noqa: E402
from functools import lru_cache  # noqa: E402

from cwkg import ontology  # noqa: E402

from .facts import PostFact  # noqa: E402

CW = "https://w3id.org/cwkg/ontology#"
ID = "https://w3id.org/cwkg/id/"
PUBLISHER_STATE = ID + "state/united-states"  # every chief of mission in POCOM is the United States'


@dataclass(frozen=True)
class ChiefPost:
    """A chief of mission's appointment as a post, with POCOM's own title and dated notes kept."""

    post: PostFact
    chief: ChiefOfMission
    title: str | None
    territory_label: str | None  # set when the territory is not a state cwkg knows


@lru_cache(maxsize=1)
def tables() -> tuple[dict[str, tuple[str, str]], list[tuple[str, str, str, str]]]:
    """POCOM role id -> (title, cwkg role IRI or ""), and territory periods -> cwkg entity IRI."""
    roles: dict[str, tuple[str, str]] = {}
    for line in (Path(str(ontology.data_file("pocom-roles.tsv")))).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            rid, title, role = (line.split("\t") + ["", ""])[:3]
            roles[rid] = (title, CW + role if role else "")
    territories = []
    for line in Path(str(ontology.data_file("pocom-territories.tsv"))).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            tid, first, last, target = (line.split("\t") + ["", "", ""])[:4]
            territories.append((tid, first, last, ID + (target if "/" in target else f"state/{target}")))
    return roles, territories


def territory_entity(territory: str, day: str | None) -> str | None:
    for tid, first, last, iri in tables()[1]:
        if tid == territory and (not day or ((not first or first <= day) and (not last or day <= last))):
            return iri
    return None


def chief_posts(mission: MissionRecord) -> list[ChiefPost]:
    roles, _ = tables()
    out = []
    for chief in mission.chiefs:
        title, role = roles.get(chief.role or "", (chief.role, ""))
        day = chief.started.date or chief.appointed.date
        key = chief.territory or mission.id
        target = territory_entity(key, day)
        post = PostFact(
            holder=f"pocom:{chief.person}", role=role or f"{ID}role/pocom/{chief.role}", of=PUBLISHER_STATE,
            to=target or f"{ID}state/pocom/{key}", rule="pocom", confidence=1.0,
            start=chief.started.date, end=chief.ended.date)
        out.append(ChiefPost(post, chief, title, None if target else key.replace("-", " ").title()))
    return out
