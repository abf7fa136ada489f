"""Canned queries: one .rq file each, described by a comment header.

    # name: meetings
    # title: Meetings, filtered by person, place, topic and year
    # description: one line on what it answers
    # param: person entity optional -- the person who took part
    # param: year year-range optional -- a year (1962) or a range (1960-1965)

Parameter types: `entity` (a label, alias, Wikidata id or IRI, bound to the entity's IRI),
`year-range` (bound as the integers ?NAME_from and ?NAME_to), `string`, `integer`.
An optional parameter left out is bound to a neutral value (cw:any, or the widest year
range), so the query text never changes.

A query's file declares no prefix that cwkg's vocabulary knows (cw:, skos:, dcterms:, wdt: ...):
the catalog declares those it uses from `cwkg.ontology.vocab`, under the header, so the
namespace is spelled in one place and a query shown or run is complete. A prefix the file
declares itself is its own and kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from cwkg.errors import QueryError
from cwkg.ontology.vocab import PREFIXES, WIKIDATA_PREFIXES

PARAM_TYPES = ("entity", "year-range", "string", "integer")
_PARAM = re.compile(r"^(?P<name>[a-z][a-z0-9_]*)\s+(?P<type>[a-z-]+)\s+(?P<req>required|optional)\s*(?:--\s*(?P<doc>.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    required: bool
    doc: str

    def variables(self) -> tuple[str, ...]:
        return (f"{self.name}_from", f"{self.name}_to") if self.type == "year-range" else (self.name,)


@dataclass(frozen=True)
class CannedQuery:
    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    sparql: str
    path: Path

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryError(f"query '{self.name}' has no parameter '{name}' (parameters: {known})")

    def may_run_long(self, values: dict[str, str]) -> bool:
        """Whether a run with these values needs the time-limit child (`cwkg.bounded`), whose fork costs every call
        15 ms and a second process. The rule: a query starts from the entities its parameters name (the runner binds
        them at the head of its WHERE group), so one that names an entity reads what the store says about that
        entity, not the store, and runs in the calling process; one that names none (every entity parameter left
        out, or none declared: `documents`, `unlinked`) reads the whole store, which grows without bound, and runs
        in the watched child. A user's own SPARQL always does (`cwkg sparql`): nothing bounds what it reads."""
        return not any(p.type == "entity" and values.get(p.name) for p in self.params)

    def hidden_columns(self) -> set[str]:
        return {v for p in self.params for v in p.variables()}


_KNOWN_PREFIXES = {**PREFIXES, **WIKIDATA_PREFIXES}
_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w-]*)?:", re.I | re.M)


def prefix_lines() -> str:
    """A SPARQL PREFIX line for every prefix of the vocabulary and of Wikidata's terms, as the canned queries use them."""
    return "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in _KNOWN_PREFIXES.items())


def with_prefixes(body: str) -> str:
    """The PREFIX lines for the vocabulary's prefixes the query uses and does not declare, then the query."""
    declared = set(_DECLARED.findall(body))
    used = [name for name, iri in _KNOWN_PREFIXES.items()
            if name not in declared and re.search(rf"(?<![\w:<#/.-]){re.escape(name)}:(?!//)", body)]
    return "".join(f"PREFIX {name}: <{_KNOWN_PREFIXES[name]}>\n" for name in used) + body


def parse_query(text: str, path: Path) -> CannedQuery:
    header: dict[str, str] = {}
    params: list[Param] = []
    lines = text.splitlines(keepends=True)
    head = len(lines)  # the header is the comment lines (and blank ones) before the first line of SPARQL
    for at, line in enumerate(lines):
        if not line.startswith("#"):
            if line.strip():
                head = at
                break
            continue
        key, _, value = line.lstrip("# ").partition(":")
        key, value = key.strip(), value.strip()
        if key == "param":
            m = _PARAM.match(value)
            if not m or m["type"] not in PARAM_TYPES:
                raise QueryError(f"bad parameter declaration '{value}'", str(path))
            params.append(Param(m["name"], m["type"], m["req"] == "required", (m["doc"] or "").strip()))
        elif key in ("name", "title", "description"):
            header[key] = value
    if "name" not in header:
        raise QueryError("the header has no '# name:' line", str(path))
    sparql = "".join(lines[:head]) + with_prefixes("".join(lines[head:]))
    return CannedQuery(header["name"], header.get("title", header["name"]), header.get("description", ""),
                       tuple(params), sparql, path)


def builtin_folder() -> Path:
    return Path(str(resources.files(__package__)))


def load_catalog(folder: Path | None = None) -> dict[str, CannedQuery]:
    folder = folder or builtin_folder()
    queries = {}
    for path in sorted(folder.glob("*.rq")):
        q = parse_query(path.read_text(encoding="utf-8"), path)
        queries[q.name] = q
    return queries
