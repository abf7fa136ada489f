"""The nouns a question names office holders by, and the roles each covers, read from the ontology.

Two sources, both in `ontology/cwkg.ttl`: a class of roles carries the noun everyday English uses for all its
holders (`cw:holderTerm`, `cw:holderSynonym`: "ambassador" and "envoy" for any head of mission, "diplomat",
"minister"), and each role its own names (its preferred label and those of its other labels that are common
nouns, written in lower case: "chargé d'affaires", "consul general"; a capitalised label is a title before a
name). A class's noun wins over a role's name of the same spelling, since a question that asks for "ambassadors"
means what English means by it; a name two roles share names neither.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
from unidecode import unidecode

from cwkg.extract.inflect import plural
from cwkg.ontology import ontology_file
from cwkg.ontology.vocab import CW, RDF, RDFS, SKOS

# Adjectives English puts after the noun in a title: its plural is the noun's ("consuls general").
_POSTPOSITIVE = ("general", "plenipotentiary", "extraordinary")


@dataclass(frozen=True)
class RoleWords:
    words: dict[str, str]  # a noun as asked (singular or plural, with or without accents, lower case) -> the role named
    classes: dict[str, tuple[str, ...]]  # a role as named -> the local names of the cw: roles it covers


def title_plural(title: str) -> str:
    """The plural of a title: its head noun's ("heads of state", "chargés d'affaires", "ministers plenipotentiary",
    "foreign ministers")."""
    for joint in (" of ", " d'"):
        if joint in title:
            head, tail = title.split(joint, 1)
            return title_plural(head) + joint + tail
    head, _, last = title.rpartition(" ")
    if head and last in _POSTPOSITIVE:
        return title_plural(head) + " " + last
    return f"{head} {plural(last)}" if head else plural(last)


def forms(noun: str) -> set[str]:
    """How a question may write a noun: singular or plural, with or without its accents."""
    both = {noun.lower(), title_plural(noun.lower())}
    return both | {unidecode(w) for w in both}


def read(triples: Iterable[ox.Triple]) -> RoleWords:
    """The role nouns of an ontology's statements."""
    parents: dict[str, set[str]] = {}
    types: dict[str, set[str]] = {}
    labels: dict[tuple[str, str], list[str]] = {}
    for t in triples:
        s, p, o = t.subject.value, t.predicate, t.object
        if p == RDFS.subClassOf and isinstance(o, ox.NamedNode):
            parents.setdefault(s, set()).add(o.value)
        elif p == RDF.type and isinstance(o, ox.NamedNode):
            types.setdefault(s, set()).add(o.value)
        elif isinstance(o, ox.Literal) and p in (CW.holderTerm, CW.holderSynonym, SKOS.prefLabel, SKOS.altLabel):
            labels.setdefault((s, p.value), []).append(o.value)

    def above(cls: str) -> set[str]:
        out, todo = set(), [cls]
        while todo:
            c = todo.pop()
            if c not in out:
                out.add(c)
                todo += parents.get(c, ())
        return out

    role_classes = {c for c in parents if CW.Role.value in above(c)} | {CW.Role.value}
    roles = sorted(i for i, ts in types.items() if ts & role_classes)
    local = lambda iri: iri.removeprefix(str(CW))  # noqa: E731

    words: dict[str, str] = {}
    classes: dict[str, tuple[str, ...]] = {}
    for cls in sorted(c for c in role_classes if (c, CW.holderTerm.value) in labels):
        name = labels[(cls, CW.holderTerm.value)][0].lower()
        classes[name] = tuple(local(r) for r in roles if any(cls in above(t) for t in types[r]))
        for noun in (name, *labels.get((cls, CW.holderSynonym.value), ())):
            words.update(dict.fromkeys(forms(noun), name))
    own: dict[str, set[str]] = {}
    for role in roles:
        name = next(iter(labels.get((role, SKOS.prefLabel.value), ())), None)
        if name is None:
            continue
        nouns = [name, *(a for a in labels.get((role, SKOS.altLabel.value), ()) if a[:1].islower())]
        for word in set().union(*(forms(n) for n in nouns)):
            own.setdefault(word, set()).add(name.lower())
        classes.setdefault(name.lower(), (local(role),))
    for word, names in sorted(own.items()):
        if word not in words and len(names) == 1:
            words[word] = next(iter(names))
    return RoleWords(words, {name: roles for name, roles in classes.items() if name in words.values()})


@lru_cache(maxsize=1)
def role_words() -> RoleWords:
    """The role nouns of the ontology shipped with cwkg."""
    return read(ox.Triple(q.subject, q.predicate, q.object)
                for q in ox.parse(path=str(ontology_file()), format=ox.RdfFormat.TURTLE))
