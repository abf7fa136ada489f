"""Gold annotation files (shared/gold/README.md) as plain data, checked key by key.

A malformed file is refused with one line naming the key that is wrong, so a curator
editing YAML by hand learns where to look instead of reading a traceback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from unidecode import unidecode

from cwkg.errors import InputError
from cwkg.inputs import read_text

MAX_GOLD_BYTES = 5 * 1024 * 1024  # a gold file of one long record is tens of kilobytes


def norm(name: str) -> str:
    """How names are compared: case, diacritics, dashes and a trailing (gloss) ignored."""
    text = unidecode(str(name)).lower()
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text)
    return re.sub(r"[\s\-_]+", " ", text).strip()


_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
# A date closing an occasion's name ("..., October 4, 1968", "... of May 19, 1964", "... of 1970"): like a bracketed
# gloss, it tells the occasion apart; the date itself is the event's cw:date, not part of its name.
_DATE_AFTER = re.compile(rf"(?:,|\s+of|\s+in)?\s+(?:{_MONTH}(?:\s+\d{{1,2}}(?:\s+\d{{1,2}})?,?)?(?:\s+{_MONTH})?\s+)?\d{{4}}$")


def occasion_names(name: str) -> set[str]:
    """The ways a gold occasion's name may be written: as given, and without the date that closes it."""
    full = norm(name)
    return {full, _DATE_AFTER.sub("", full).strip()} - {""}


@dataclass(frozen=True)
class GoldPerson:
    name: str
    aliases: tuple[str, ...]
    posts: tuple[dict, ...]

    def names(self) -> set[str]:
        return {norm(self.name), *(norm(a) for a in self.aliases)}


@dataclass(frozen=True)
class GoldMeeting:
    kind: str | None
    date: str | None
    place: str | None
    participants: tuple[str, ...]
    host: str | None = None


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
    meetings: list[GoldMeeting]
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

    def is_named_person(self, name: str) -> bool:
        """Whether a speaker label names one of the file's persons (else it describes an unnamed speaker or a body)."""
        return any(norm(name) in p.names() for p in self.persons)


class _Reader:
    """Reads one section of a gold file, naming the exact key in any complaint."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, key: str, problem: str) -> InputError:
        return InputError(f"gold key `{key}`: {problem}", str(self.path))

    def mapping(self, value, key: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(key, "must be a mapping")
        return value

    def items(self, value, key: str) -> list:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "must be a list")
        return value

    def text(self, value, key: str, required: bool = True) -> str | None:
        if value is None:
            if required:
                raise self.fail(key, "is missing")
            return None
        if isinstance(value, (dict, list)):
            raise self.fail(key, "must be a single value")
        return str(value)

    def texts(self, value, key: str) -> tuple[str, ...]:
        return tuple(self.text(v, f"{key}[{i}]") for i, v in enumerate(self.items(value, key)))


class _NoAliases(yaml.SafeLoader):
    """A safe loader that refuses aliases: a gold file needs none, and nested ones expand without bound."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"YAML alias *{event.anchor} at line {event.start_mark.line + 1}: gold files may not use "
                                 "anchors and aliases")
        return super().compose_node(parent, index)


def _load_yaml(path: Path) -> object:
    """The file's YAML, read only if it is a regular file of at most MAX_GOLD_BYTES (`inputs`)."""
    text = read_text(path, MAX_GOLD_BYTES, "gold file")
    try:
        return yaml.load(text, Loader=_NoAliases)  # noqa: S506 - a SafeLoader without aliases
    except yaml.YAMLError as exc:
        raise InputError(f"cannot read gold file ({str(exc).splitlines()[0]})", str(path)) from exc
    except RecursionError:  # lists or mappings nested thousands deep: the composer recurses once per level
        raise InputError("cannot read gold file (its YAML is nested too deeply; a gold file is a few levels deep)",
                         str(path)) from None


def read_gold(path: Path) -> Gold:
    data = _load_yaml(path)
    r = _Reader(path)
    if not isinstance(data, dict) or "document" not in data:
        raise InputError("not a gold file: no `document` section", str(path))
    document = r.mapping(data["document"], "document")
    for key in ("file", "id"):
        r.text(document.get(key), f"document.{key}", required=False)
    persons = []
    for i, p in enumerate(r.items(data.get("persons"), "persons")):
        p = r.mapping(p, f"persons[{i}]")
        posts = tuple(r.mapping(post, f"persons[{i}].posts[{j}]") for j, post in enumerate(r.items(p.get("posts"), f"persons[{i}].posts")))
        for j, post in enumerate(posts):
            r.text(post.get("role"), f"persons[{i}].posts[{j}].role")
        persons.append(GoldPerson(r.text(p.get("name"), f"persons[{i}].name"), r.texts(p.get("aliases"), f"persons[{i}].aliases"), posts))
    meetings = []
    for i, m in enumerate(r.items(data.get("meetings"), "meetings")):
        m = r.mapping(m, f"meetings[{i}]")
        meetings.append(GoldMeeting(
            r.text(m.get("kind"), f"meetings[{i}].kind", required=False), r.text(m.get("date"), f"meetings[{i}].date", required=False),
            r.text(m.get("place"), f"meetings[{i}].place", required=False), r.texts(m.get("participants"), f"meetings[{i}].participants"),
            r.text(m.get("host"), f"meetings[{i}].host", required=False)))
    positions = []
    for i, p in enumerate(r.items(data.get("positions"), "positions"), start=1):
        key = f"positions[{i - 1}]"
        p = r.mapping(p, key)
        positions.append(GoldPosition(
            str(p.get("id", i)), r.text(p.get("speaker"), f"{key}.speaker"), r.texts(p.get("about"), f"{key}.about"),
            r.text(p.get("stance"), f"{key}.stance", required=False) or "", r.text(p.get("evidence"), f"{key}.evidence"),
            r.text(p.get("reported_by"), f"{key}.reported_by", required=False)))
    questions = []
    for i, q in enumerate(r.items(data.get("questions"), "questions")):
        q = r.mapping(q, f"questions[{i}]")
        questions.append(GoldQuestion(r.text(q.get("ask"), f"questions[{i}].ask"), r.texts(q.get("answer"), f"questions[{i}].answer")))
    mentions = {str(k): list(r.texts(vs, f"mentions.{k}")) for k, vs in r.mapping(data.get("mentions") or {}, "mentions").items()}
    return Gold(path, document, meetings, persons, mentions, positions, questions)


def _plain_name(name: str, gold: Gold) -> str:
    """A document file name as a bare name: never a path, so a gold file opens nothing outside its roots."""
    if not name or "/" in name or "\\" in name or name in (".", "..") or any(c in name for c in "*?[]"):
        raise InputError(f"gold key `document.file`: '{name}' is not a plain file name", str(gold.path))
    return name


def locate_document(gold: Gold, roots: list[Path]) -> Path:
    """The file a gold file describes: `document.file`, searched beside the gold file and under `roots`."""
    name = _plain_name(str(gold.document.get("file") or gold.path.name.replace(".gold.yaml", "")), gold)
    for root in [gold.path.parent, *roots]:
        if root.is_dir():
            hits = sorted(p for p in root.rglob(name) if p.is_file())
            if hits:
                return hits[0]
    raise InputError(f"cannot find its document '{name}' (searched {', '.join(str(r) for r in [gold.path.parent, *roots])})", str(gold.path))


def document_id(gold: Gold) -> str | None:
    """The id of the document inside a file of many (a FRUS volume's `xml:id`), if the gold file names one."""
    value = gold.document.get("id")
    return str(value) if value is not None else None
