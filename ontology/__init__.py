"""The ontology, SKOS schemes and authority data shipped with cwkg, as package files."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_ROOT = resources.files(__name__)


def ontology_file() -> Path:
    """The OWL ontology (Turtle)."""
    return Path(str(_ROOT / "cwkg.ttl"))


def scheme_files() -> list[Path]:
    """SKOS concept schemes (meeting kinds, topics, stances)."""
    return sorted(Path(str(p)) for p in _ROOT.iterdir() if p.name.endswith(".ttl") and p.name not in ("cwkg.ttl", "shapes.ttl"))


def shapes_file() -> Path:
    """The SHACL shapes of the data rules."""
    return Path(str(_ROOT / "shapes.ttl"))


def authority_files() -> list[Path]:
    """Curated states, parties, people, places, organizations and events."""
    folder = _ROOT / "authority"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".ttl"))


def name_variants_file() -> Path:
    """Equivalent romanisations of name syllables (Ri/Li/Yi ...)."""
    return Path(str(_ROOT / "name-variants.tsv"))


def data_file(name: str) -> Path:
    """A table shipped beside the ontology (POCOM roles and territories ...)."""
    return Path(str(_ROOT / name))
