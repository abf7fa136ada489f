"""Gold annotation files (shared/gold/README.md) as plain data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from unidecode import unidecode

from cwkg.errors import InputError


def norm(name: str) -> str:
    """How names are compared: case, diacritics, dashes and a trailing (gloss) ignored."""
    text = unidecode(str(name)).lower()
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    return re.sub(r"[\s\-_]+", " ", text).strip()


@dataclass(frozen=True)
class GoldPerson:
    name: str
    aliases: tuple[str, ...]
    posts: tuple[dict, ...]

    def names(self) -> set[str]:
        return {norm(self.name), *(norm(a) for a in self.aliases)}


@dataclass(frozen=True)
class GoldPosition:
    id: str
    speaker: str
    about: tuple[str, ...]
    stance: str
    evidence: str
    reported_by: str | None = None


@dataclass(frozen=True)
class GoldQuestion:
    ask: str
    answer: tuple[str, ...]


@dataclass
class Gold:
    path: Path
    document: dict
    meetings: list[dict]
    persons: list[GoldPerson]
    mentions: dict[str, list[str]]
    positions: list[GoldPosition]
    questions: list[GoldQuestion] = field(default_factory=list)

    def person_names(self, name: str) -> set[str]:
        """A person's name with every alias the gold file gives them."""
        for p in self.persons:
            if norm(name) in p.names():
                return p.names()
        return {norm(name)}


def read_gold(path: Path) -> Gold:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read gold file ({str(exc).splitlines()[0]})", str(path)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("document"), dict):
        raise InputError("not a gold file: no `document` section", str(path))
    persons = [GoldPerson(p["name"], tuple(p.get("aliases") or ()), tuple(p.get("posts") or ())) for p in data.get("persons") or []]
    positions = [
        GoldPosition(str(p.get("id", i)), p["speaker"], tuple(p.get("about") or ()), p.get("stance", ""), p["evidence"], p.get("reported_by"))
        for i, p in enumerate(data.get("positions") or [], start=1)
    ]
    questions = [GoldQuestion(q["ask"], tuple(q.get("answer") or ())) for q in data.get("questions") or []]
    mentions = {k: [str(v) for v in vs] for k, vs in (data.get("mentions") or {}).items()}
    return Gold(path, data["document"], data.get("meetings") or [], persons, mentions, positions, questions)


def locate_document(gold: Gold, roots: list[Path]) -> Path:
    """The document a gold file describes: `document.file`, searched beside the gold file and under `roots`."""
    name = gold.document.get("file") or gold.path.name.replace(".gold.yaml", "")
    for root in [gold.path.parent, *roots]:
        if root.is_dir():
            hits = sorted(root.rglob(name))
            if hits:
                return hits[0]
    raise InputError(f"cannot find its document '{name}' (searched {', '.join(str(r) for r in [gold.path.parent, *roots])})", str(gold.path))
