"""What the command line gives a canned query: its name, looked up in the catalogue, and its parameters as key=value
words, read into a dict (never pasted into the query: the runner binds them as RDF terms)."""

from __future__ import annotations

from cwkg.errors import CwkgError

from .catalog import CannedQuery


def canned(catalog: dict[str, CannedQuery], name: str) -> CannedQuery:
    if name not in catalog:
        raise CwkgError(f"no canned query '{name}' (known: {', '.join(catalog)})")
    return catalog[name]


def parse_params(items: list[str]) -> dict[str, str]:
    """`key=value` words as a dict, both sides stripped; a later key replaces an earlier one."""
    values: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise CwkgError(f"--param '{item}' is not key=value")
        values[key.strip()] = value.strip()
    return values
