"""The authority data as extraction sees it: entities, their names and how to tell them apart.

Read once from the Turtle files under `ontology/` (rdflib), then kept as plain
dataclasses so extraction never touches RDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import rdflib
from rdflib.namespace import RDF, SKOS

from cwkg.ontology.vocab import CW as CW_NS, KIND_OF_CLASS, ORG as ORG_NS

from cwkg import ontology

from . import reporting
from cwkg.lang import title_words
from .cuescan import scanner
from cwkg.lang.name_keys import default_variants, name_key
from cwkg.lang.text import fold

CW = rdflib.Namespace(str(CW_NS))
ORG = rdflib.Namespace(str(ORG_NS))

KINDS = {CW[c]: kind for c, kind in KIND_OF_CLASS.items()}
# How an alias names its entity; ambiguous ones are resolved from the rest of the document.
FORMS = {
    SKOS.prefLabel: "name",
    SKOS.altLabel: "name",
    CW.abbreviation: "abbreviation",
    CW.adjective: "adjective",
    CW.ambiguousLabel: "ambiguous",
}


# Words that stand before a name as a title ("General de Vries", "Chairman Mao"), not first names.
_TITLE_WORDS = title_words.words("honorific", "rank", "office", "civic")


_DISPUTE_NAME = re.compile(r"\b(?:split|dispute|rift|schism|conflict|differences)\b", re.I)


@dataclass(frozen=True)
class Entity:
    iri: str
    kind: str
    label: str
    start_year: int | None = None
    end_year: int | None = None
    capital_of: tuple[str, ...] = ()
    ordinal: int | None = None
    organized_by: str | None = None
    event_year: int | None = None
    triggers: tuple[str, ...] = ()
    trigger_context: tuple[str, ...] = ()
    bloc: str | None = None
    involves: frozenset[str] = frozenset()  # the states an event involves

    def exists_in(self, year: int | None) -> bool:
        if year is None:
            return True
        return (self.start_year is None or self.start_year <= year) and (self.end_year is None or year <= self.end_year)


@dataclass(frozen=True)
class Alias:
    text: str
    iri: str
    form: str


@dataclass(frozen=True)
class Role:
    iri: str
    label: str
    labels: tuple[str, ...]
    ambassadorial: bool
    diplomatic: bool


@dataclass(frozen=True)
class MeetingKind:
    iri: str
    label: str
    words: tuple[str, ...]
    order: int


@dataclass(frozen=True)
class StanceDef:
    iri: str
    label: str
    priority: int
    cue: re.Pattern[str] | None  # all the stance's cues as one alternation


@dataclass(frozen=True)
class TopicDef:
    iri: str
    label: str
    cue: re.Pattern[str] | None
    groups: tuple[frozenset[str], ...]  # one entity of each group must be mentioned


_PARTICLE = re.compile(r"^(?P<p>De|Van|Von|Du|Da|Di|Le|La|Del|Della|Mac)\s+(?P<rest>[A-Z]\w+)$")


def _joined_particle(name: str) -> str | None:
    """A surname with a particle as records also write it, run together: "De Vries" -> "DeVries"."""
    m = _PARTICLE.match(name)
    return m["p"] + m["rest"] if m else None


_VERB_GROUP_GAP = 4  # characters between two cues of one verb group: a space, "to"


def _alternation(g: rdflib.Graph, s: rdflib.term.Node) -> re.Pattern[str] | None:
    cues = sorted(str(c) for c in g.objects(s, CW.cue))
    return re.compile("|".join(f"(?:{c})" for c in cues), re.IGNORECASE) if cues else None


@dataclass(frozen=True)
class AuthorityPost:
    """An office the authority data records: who, which role (and its labels), for whom, when."""

    person: str
    role: str
    labels: tuple[str, ...]
    organization: str | None
    start: int | None
    end: int | None


@dataclass(eq=False)
class Authority:
    entities: dict[str, Entity]
    aliases: list[Alias]
    roles: list[Role]
    meeting_kinds: list[MeetingKind]
    variants: dict[str, str] = field(default_factory=dict)
    ruling: dict[str, tuple[str, ...]] = field(default_factory=dict)
    stances: list[StanceDef] = field(default_factory=list)
    topics: list[TopicDef] = field(default_factory=list)
    posts: list[AuthorityPost] = field(default_factory=list)
    _name_keys: dict[str, str] = field(default_factory=dict, repr=False)

    @cached_property
    def alias_table(self) -> dict[str, list[Alias]]:
        """Folded alias -> the aliases (and so entities) it names."""
        table: dict[str, list[Alias]] = {}
        for a in self.aliases:
            table.setdefault(fold(a.text), []).append(a)
            if self.entities[a.iri].kind == "person" and (joined := _joined_particle(a.text)):
                table.setdefault(fold(joined), []).append(a)  # "DeVries" for "De Vries"
        return table

    @cached_property
    def disputes(self) -> tuple[Entity, ...]:
        """The events that are quarrels of two states (a split, dispute or rift, by the names the authority gives them):
        what "the controversy between X and Y" may name."""
        states = {iri for iri, e in self.entities.items() if e.kind == "state"}
        names: dict[str, list[str]] = {}
        for a in self.aliases:
            names.setdefault(a.iri, []).append(a.text)
        return tuple(e for e in self.entities.values() if e.kind == "event" and len(e.involves & states) == 2
                     and any(_DISPUTE_NAME.search(n) for n in [e.label, *names.get(e.iri, [])]))

    @cached_property
    def organizations_of(self) -> dict[str, frozenset[str]]:
        """Person -> the states and parties their authority posts served."""
        out: dict[str, set[str]] = {}
        for post in self.posts:
            if post.organization:
                out.setdefault(post.person, set()).add(post.organization)
        return {person: frozenset(orgs) for person, orgs in out.items()}

    @cached_property
    def ruling_party_of(self) -> dict[str, str]:
        """State -> the party that ruled it."""
        return {state: party for party, states in sorted(self.ruling.items()) for state in states}

    @cached_property
    def _person_keys(self) -> dict[str, str]:
        keys: dict[str, str] = {}
        for a in self.aliases:
            if self.entities[a.iri].kind == "person" and len(a.text.split()) > 1:
                keys.setdefault(self.name_key(a.text), a.iri)
        return keys

    @cached_property
    def given_names(self) -> frozenset[str]:
        """First names of the people the authority knows: "John Smith" is a name because "John" is one."""
        return frozenset(a.text.split()[0] for a in self.aliases
                         if self.entities[a.iri].kind == "person" and len(a.text.split()) > 1
                         and re.fullmatch(r"[A-Z][a-z]{2,}", a.text.split()[0]) and a.text.split()[0] not in _TITLE_WORDS)

    def person_keys(self) -> dict[str, str]:
        """Name key (romanisation-normalised, separators dropped) -> authority person IRI."""
        return self._person_keys

    def name_key(self, name: str) -> str:
        """One key for every spelling of a name: Pak Tae-chol, Pak Tae Chol and Park Taechol agree."""
        key = self._name_keys.get(name)
        if key is None:
            key = self._name_keys[name] = name_key(name, self.variants)
        return key

    @cached_property
    def stance_pattern(self) -> re.Pattern[str] | None:
        """Every stance cue in one pattern, one named group per stance (s0 = highest priority)."""
        return scanner([(f"s{i}", d.cue.pattern) for i, d in enumerate(self.stances) if d.cue is not None])

    @cached_property
    def topic_pattern(self) -> re.Pattern[str] | None:
        """Every topic cue in one pattern, one named group per topic."""
        return scanner([(f"t{i}", d.cue.pattern) for i, d in enumerate(self.topics) if d.cue is not None])

    def stance_of(self, text: str) -> str | None:
        """The highest-priority stance whose cue the text has."""
        found = self.stance_cue(text)
        return found[0] if found else None

    def stance_cue(self, text: str) -> tuple[str, str] | None:
        """The stance of the first cue the text has, with the words that cued it: the first evaluative words
        after the reporting verb head what is reported, later ones sit in clauses that depend on it. Cues in
        one verb group ("should consider whether", "exploited to weaken") go by the stances' priority."""
        found = self.stance_cue_at(text)
        return (found[0], found[1]) if found else None

    def stance_cue_at(self, text: str) -> tuple[str, str, int, int] | None:
        """`stance_cue`, with where in the text its words stand."""
        if self.stance_pattern is None:
            return None
        together: list[tuple[int, int, int, str]] = []  # the first cue and those that start with it, in one verb group
        for m in self.stance_pattern.finditer(text):
            if not m.lastgroup:
                continue
            if together and m.start() > together[0][1] + _VERB_GROUP_GAP:
                break  # the cues further on sit in clauses that depend on the first: no need to find them
            together.append((m.start(), m.end(), int(m.lastgroup[1:]), m.group(0)))
        if not together:
            return None
        best = min(together, key=lambda f: (f[2], f[0]))
        return self.stances[best[2]].label, best[3], best[0], best[1]

    def verb_stance(self, verb: str) -> tuple[str, bool] | None:
        """The stance a reporting verb's own meaning carries ("warned" -> concerned), and whether it is weak: from the
        reporting lexicon, which names stances by their label in this scheme."""
        found = reporting.stance(verb)
        return found if found and self.has_stance(found[0]) else None

    def has_stance(self, label: str) -> bool:
        """Whether the scheme has a stance of that label ("concerned"): extraction names stances by label, and the
        mapping makes the scheme's IRI of it."""
        return any(d.label == label for d in self.stances)

    def topic_cues(self, text: str) -> set[int]:
        """Indices (into `topics`) of the topics whose cue the text has."""
        if self.topic_pattern is None:
            return set()
        return {int(m.lastgroup[1:]) for m in self.topic_pattern.finditer(text) if m.lastgroup}

    def office_holder(self, title: str, state: str | None, year: int | None) -> str | None:
        """Who held the office a title names ("Secretary" -> Secretary of State) for a state in a year."""
        if state is None or year is None:
            return None
        words = title.lower().split()
        # One word ("Secretary") names the office whose title it begins; more must be the whole title.
        fits = (lambda label: label.lower().split()[0] == words[0]) if len(words) == 1 else (lambda label: label.lower() == title.lower())
        holders = [p for p in self.posts
                   if p.organization == state and any(fits(label) for label in p.labels)
                   and (p.start or 0) <= year <= (p.end or 9999)]
        return max(holders, key=lambda p: p.start or 0).person if holders else None

    def full_title(self, word: str, state: str | None) -> str | None:
        """The one office a bare title word names for a state in any year of the authority's posts ("Secretary" ->
        "Secretary of State" for the United States), so that holders of other years can be looked up by it."""
        if state is None:
            return None
        key = word.lower()
        titles = {label for p in self.posts if p.organization == state for label in p.labels
                  if len(label.split()) > 1 and label.split()[0].lower() == key}
        return titles.pop() if len(titles) == 1 else None

    def resolve_label(self, label: str | None, kinds: tuple[str, ...] = ("state", "party", "organization", "place")) -> str | None:
        """The one entity of the given kinds a whole label names ("U.S.", "Austria"), if exactly one."""
        if not label:
            return None
        iris = {a.iri for a in self.alias_table.get(fold(label.strip().rstrip(":")), []) if self.entities[a.iri].kind in kinds}
        return iris.pop() if len(iris) == 1 else None

    @cached_property
    def capitals(self) -> dict[str, tuple[str, ...]]:
        """State -> the cities the authority records as its capital."""
        out: dict[str, list[str]] = {}
        for e in self.entities.values():
            for state in e.capital_of:
                out.setdefault(state, []).append(e.iri)
        return {state: tuple(cities) for state, cities in out.items()}

    def capital(self, state_iri: str) -> str | None:
        """The state's capital, when the authority records exactly one (a state with two on record gives none)."""
        cities = self.capitals.get(state_iri, ())
        return cities[0] if len(cities) == 1 else None

    def capital_state(self, city_iri: str, year: int | None) -> str | None:
        city = self.entities.get(city_iri)
        if not city:
            return None
        states = [self.entities[s] for s in city.capital_of if s in self.entities]
        living = [s for s in states if s.exists_in(year)] or states
        return living[0].iri if living else None


def _year(value: rdflib.term.Node | None) -> int | None:
    if value is None:
        return None
    m = re.match(r"-?\d{4}", str(value))
    return int(m.group(0)) if m else None


def load_graph(paths: list[Path]) -> rdflib.Graph:
    g = rdflib.Graph()
    for p in paths:
        g.parse(p, format="turtle")
    return g


def build_authority(g: rdflib.Graph, variants: dict[str, str]) -> Authority:
    entities: dict[str, Entity] = {}
    for cls, kind in KINDS.items():
        for s in g.subjects(RDF.type, cls):
            iri = str(s)
            if iri in entities and entities[iri].kind != "event":
                continue
            label = g.value(s, SKOS.prefLabel)
            entities[iri] = Entity(
                iri=iri,
                kind=kind,
                label=str(label) if label else iri.rsplit("/", 1)[-1],
                start_year=_year(g.value(s, CW.startYear)) or _year(g.value(s, CW.startDate)),
                end_year=_year(g.value(s, CW.endYear)) or _year(g.value(s, CW.endDate)),
                capital_of=tuple(sorted(str(o) for o in g.objects(s, CW.capitalOf))),
                ordinal=int(o) if (o := g.value(s, CW.ordinal)) is not None else None,
                organized_by=str(o) if (o := g.value(s, CW.organizedBy)) is not None else None,
                event_year=_year(g.value(s, CW.date)) or _year(g.value(s, CW.startDate)),
                triggers=tuple(str(o) for o in g.objects(s, CW.triggerPattern)),
                trigger_context=tuple(str(o) for o in g.objects(s, CW.triggerContext)),
                bloc=str(o) if (o := g.value(s, CW.bloc)) is not None else None,
                involves=frozenset(str(o) for o in g.objects(s, CW.involves)),
            )
    aliases = [
        Alias(str(o), str(s), form)
        for prop, form in FORMS.items()
        for s, o in g.subject_objects(prop)
        if str(s) in entities
    ]
    roles = []
    # An office is looked up by the names it has everywhere (role_labels), not by one state's wording (hidden labels).
    role_labels: dict[str, tuple[str, ...]] = {}
    diplomatic = (CW.AmbassadorialRole, CW.HeadOfMissionRole, CW.DiplomaticRole)
    for cls in (*diplomatic, CW.MinisterialRole, CW.Role):
        for s in g.subjects(RDF.type, cls):
            if any(r.iri == str(s) for r in roles):
                continue
            role_labels[str(s)] = tuple(str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in g.objects(s, p))
            labels = set(role_labels[str(s)]) | {str(o) for o in g.objects(s, SKOS.hiddenLabel)}
            roles.append(Role(str(s), str(g.value(s, SKOS.prefLabel)), tuple(sorted(labels, key=len, reverse=True)),
                              cls == CW.AmbassadorialRole, cls in diplomatic))
    kinds = sorted(
        (MeetingKind(str(s), str(g.value(s, SKOS.prefLabel)), tuple(str(o) for o in g.objects(s, SKOS.altLabel)),
                     int(str(g.value(s, SKOS.notation) or 99)))
         for s in g.subjects(RDF.type, CW.MeetingKind)),
        key=lambda k: k.order,
    )
    ruling = {str(s): tuple(str(o) for o in g.objects(s, CW.rulingPartyOf)) for s in g.subjects(CW.rulingPartyOf, None)}
    stances = sorted(
        (StanceDef(str(s), str(g.value(s, SKOS.prefLabel)), int(g.value(s, CW.priority) or 99), _alternation(g, s))
         for s in g.subjects(RDF.type, CW.Stance)),
        key=lambda d: d.priority,
    )
    topics = [
        TopicDef(str(s), str(g.value(s, SKOS.prefLabel)), _alternation(g, s),
                 tuple(frozenset(str(m) for m in g.objects(grp, CW.anyOf)) for grp in g.objects(s, CW.coMention)))
        for s in sorted(g.subjects(RDF.type, CW.Topic))
    ]
    posts = [
        AuthorityPost(str(person), str(role), role_labels.get(str(role), ()),
                      str(o) if (o := g.value(post, ORG.organization)) is not None else None,
                      _year(g.value(post, CW.startDate)), _year(g.value(post, CW.endDate)))
        for post, person in sorted(g.subject_objects(ORG.member))
        for role in g.objects(post, ORG.role)
    ]
    return Authority(entities, aliases, roles, kinds, variants, ruling, stances, topics, posts)


@lru_cache(maxsize=1)
def default_authority() -> Authority:
    """The authority shipped with cwkg (ontology roles, schemes and authority files)."""
    paths = [ontology.ontology_file(), *ontology.scheme_files(), *ontology.authority_files()]
    return build_authority(load_graph(paths), default_variants())
