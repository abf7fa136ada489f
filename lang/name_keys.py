"""One key for every spelling of a name (Pak Tae-chol, Pak Tae Chol and Park Taechol agree), from the equivalent
romanisations of name syllables in `ontology/name-variants.tsv`.

Extraction matches the names a record uses by it; the graph layer ties provisional persons to known ones by it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from cwkg import ontology

from .text import name_key_tokens


def read_variants(path: Path) -> dict[str, str]:
    """Each spelling of a syllable (lower case) -> the first spelling of its line."""
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            forms = line.split("\t")
            for form in forms:
                table[form.strip().lower()] = forms[0].strip().lower()
    return table


@lru_cache(maxsize=1)
def default_variants() -> dict[str, str]:
    return read_variants(ontology.name_variants_file())


def name_key(name: str, variants: dict[str, str]) -> str:
    return "".join(variants.get(t, t) for t in name_key_tokens(name))
