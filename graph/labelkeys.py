"""Lookup keys for what a user types, written beside the labels they come from.

Resolving "kang min ho" or "Novak" to an entity must not read every label of the store on
every query. Each graph the store writes carries, next to its labels, their folded forms
(`cw:labelKey`: case, diacritics and hyphens ignored; `cw:sharedLabelKey` for labels several
entities share; `cw:compactLabelKey` with spaces removed) and, for persons, `cw:surnameKey`
and `cw:givenNamesKey`, read in the order the label is printed (`cwkg.lang.name_order`: the
family name of "Pak Chol-min" is its first word). Keys live in the same named graph as their label, so replacing or
deleting a document's graph replaces or deletes its keys, and a lookup is one indexed
pattern with the key bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pyoxigraph as ox

from cwkg.lang.text import fold

from cwkg.ontology.vocab import CW, OWL, RDF, RDFS, SKOS

VERSION = "2"  # bump when the keys change: shipped graphs are rewritten, documents need a re-ingest
LABELS = {SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel, RDFS.label, CW.abbreviation, CW.adjective}
SHARED = CW.ambiguousLabel
KEYS = {CW.labelKey, CW.sharedLabelKey, CW.compactLabelKey, CW.surnameKey, CW.givenNamesKey}
_SCHEMA = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, OWL.Ontology}


def key(label: str) -> str:
    """"Kang Min-ho" and "kang min ho" alike: folded, lower case, hyphens as spaces, spaces single."""
    return re.sub(r"\s+", " ", fold(label).lower().replace("-", " ")).strip()


def name_keys(label: str) -> tuple[tuple[str, ...], str] | None:
    """The surname keys of a person's label (the words a person may be named by alone) and its given-names key:
    the last word and the words before it, or, printed family name first ("Pak Chol-min"), the family name (and a
    Vietnamese personal name) and the given name. None for a label of one word."""
    tokens = key(label).split()
    if len(tokens) < 2:
        return None
    from cwkg.lang.name_order import read_name  # (its patterns compile at import: only for persons' names)

    reading = read_name(label)
    if reading.family_first:
        return tuple(dict.fromkeys(key(w) for w in reading.called_by)), key(reading.given)
    return (tokens[-1],), " ".join(tokens[:-1])


def with_keys(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """The triples of one graph and the lookup keys of their labels (schema terms have none)."""
    triples = [t for t in triples if t.predicate not in KEYS]
    schema = {t.subject for t in triples if t.predicate == RDF.type and t.object in _SCHEMA}
    persons = {t.subject for t in triples if t.predicate == RDF.type and t.object == CW.Person}
    keys: dict[ox.Triple, None] = {}
    for t in triples:
        if not isinstance(t.object, ox.Literal) or t.subject in schema or not isinstance(t.subject, ox.NamedNode):
            continue
        if t.predicate not in LABELS and t.predicate != SHARED:
            continue
        k = key(t.object.value)
        if not k:
            continue
        keys[ox.Triple(t.subject, CW.sharedLabelKey if t.predicate == SHARED else CW.labelKey, ox.Literal(k))] = None
        if " " in k:
            keys[ox.Triple(t.subject, CW.compactLabelKey, ox.Literal(k.replace(" ", "")))] = None
        if t.subject in persons and t.predicate in (SKOS.prefLabel, SKOS.altLabel) and (parts := name_keys(t.object.value)):
            surnames, given = parts
            for surname in surnames:
                keys[ox.Triple(t.subject, CW.surnameKey, ox.Literal(surname))] = None
            keys[ox.Triple(t.subject, CW.givenNamesKey, ox.Literal(given))] = None
    return triples + list(keys)
