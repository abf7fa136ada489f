"""POCOM chiefs of mission resolved against cwkg's roles and states: each appointment as a post.

The POCOM loader reads the files; this module knows what its role and territory codes
mean (`ontology/pocom-roles.tsv`, `ontology/pocom-territories.tsv`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cwkg import ontology
from cwkg.ontology.vocab import CW as CW_NS, data_iri
from cwkg.loaders.source import ChiefOfMission, MissionRecord

from cwkg.records.facts import PostFact

CW = str(CW_NS)
PUBLISHER_STATE = data_iri("state", "united-states")  # every chief of mission in POCOM is the United States'


@dataclass(frozen=True)
class ChiefPost:
    """A chief of mission's appointment as a post, with POCOM's own title and dated notes kept."""

    post: PostFact
    chief: ChiefOfMission
    title: str | None
    territory_label: str | None  # set when the territory is not a state cwkg knows (the post's `to` is then its key)


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
            territories.append((tid, first, last, data_iri(target) if "/" in target else data_iri("state", target)))
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
            holder=f"pocom:{chief.person}", role=role or f"pocom-role:{chief.role}", of=PUBLISHER_STATE,
            to=target or f"pocom-territory:{key}", rule="pocom", confidence=1.0,
            start=chief.started.date, end=chief.ended.date)
        out.append(ChiefPost(post, chief, title, None if target else key.replace("-", " ").title()))
    return out
