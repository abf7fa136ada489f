"""The canned queries as HTML forms, one input per declared parameter (`# param:` lines of the .rq header), and
the submitted values read back: only declared parameters, empty ones left out (an optional parameter left out
is bound to its neutral value by `queries.runner.bind`, as on the command line)."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from cwkg.queries.catalog import CannedQuery, Param
from cwkg.views.page import escape

HINTS = {"entity": "a name, alias, Wikidata id or IRI", "year-range": "1962 or 1960-1965", "integer": "a whole number",
         "string": "text"}
RUN = "run"  # the hidden field that says the form was submitted (a query without parameters runs on it alone)
MAX_VALUE = 500  # characters of one parameter value


def action(name: str) -> str:
    """Where a canned query's form is sent, and its answer shown."""
    return f"/query/{quote(name, safe='')}"


def _input(query: CannedQuery, p: Param, value: str) -> str:
    field = f"{query.name}-{p.name}"
    required = " required" if p.required else ""
    return (f'<label for="{escape(field)}"><b>{escape(p.name)}</b>{" *" if p.required else ""}</label> '
            f'<input id="{escape(field)}" name="{escape(p.name)}" value="{escape(value)}" data-type="{escape(p.type)}" '
            f'placeholder="{escape(HINTS.get(p.type, p.type))}" maxlength="{MAX_VALUE}"{required}> '
            f'<small>{escape(p.doc)}</small>')


def form(query: CannedQuery, values: Mapping[str, str] | None = None) -> str:
    """A GET form (its answer can be bookmarked, and reading changes nothing) for one canned query."""
    values = values or {}
    fields = "".join(f"<div>{_input(query, p, values.get(p.name, ''))}</div>" for p in query.params)
    return (f'<form class="query" method="get" action="{escape(action(query.name))}" data-query="{escape(query.name)}">'
            f'<h3 id="{escape(query.name)}">{escape(query.title)} <code>{escape(query.name)}</code></h3>'
            f'<p>{escape(query.description)}</p>{fields}<input type="hidden" name="{RUN}" value="1">'
            f'<button type="submit">Run</button></form>')


def submitted(query: CannedQuery, fields: Mapping[str, list[str]]) -> dict[str, str]:
    """The parameter values of a submitted form: the last value of each declared parameter, stripped, if not empty."""
    values = {}
    for p in query.params:
        given = [v.strip() for v in fields.get(p.name, []) if v.strip()]
        if given:
            values[p.name] = given[-1][:MAX_VALUE]
    return values
