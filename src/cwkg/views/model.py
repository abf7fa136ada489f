"""What the views show, read from the store by SPARQL into plain dataclasses."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePath

from cwkg.errors import CwkgError
from cwkg.ontology import vocab
from cwkg.ontology.vocab import WD, broad_kind, document_iri
from cwkg.graph.store import GraphStore
from cwkg.graph.textfragment import char_range

KIND_OF_CLASS = {**{c: broad_kind(k) for c, k in vocab.KIND_OF_CLASS.items()}, **vocab.CONCEPT_KINDS}
_CLASSES = " ".join(f"cw:{c}" for c in KIND_OF_CLASS)
WIKIDATA = str(WD)


@dataclass(frozen=True)
class EntityRef:
    iri: str
    label: str
    kind: str
    wikidata: str | None = None


@dataclass(frozen=True)
class MentionView:
    start: int
    end: int
    words: str  # the document's characters the mention covers
    form: str | None  # how the entity is named there: name, alias, abbreviation, adjective, title ... (cw:mentionForm)
    entity: EntityRef
    rule: str | None
    confidence: float | None


@dataclass(frozen=True)
class PositionView:
    iri: str
    start: int
    end: int
    quote: str
    speaker: EntityRef | None
    stance: str
    subjects: tuple[EntityRef, ...]
    topics: tuple[str, ...]
    chain: tuple[EntityRef, ...]  # who passed it on: the reporter first, then each relay
    expression: str | None
    rule: str | None
    confidence: float | None
    date: str | None
    document: str


@dataclass(frozen=True)
class ParticipantView:
    person: EntityRef
    posts: tuple[str, ...]


@dataclass(frozen=True)
class MeetingCard:
    iri: str
    kind: str | None
    date: str | None
    place: str | None
    participants: tuple[ParticipantView, ...]


@dataclass(frozen=True)
class DocumentView:
    iri: str
    key: str  # the file-name-safe id (the IRI's last segment)
    title: str
    date: str | None
    text: str
    meetings: tuple[MeetingCard, ...]
    mentions: tuple[MentionView, ...]
    positions: tuple[PositionView, ...]
    number: str | None = None  # its number in its volume (FRUS), when it has one

    @property
    def label(self) -> str:
        return document_label(self.number, self.title, self.date)


def document_label(number: str | None, title: str, date: str | None) -> str:
    """How a list names a document, so that records of one title ("Memorandum of Conversation") can be told apart."""
    return " · ".join(x for x in (f"Document {number}" if number else None, title, date[:10] if date else None) if x)


def _value(term) -> str | None:
    return term.value if term is not None else None


def _float(term) -> float | None:
    try:
        return float(term.value) if term is not None else None
    except ValueError:
        return None


def document_key(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


class Reader:
    """Looks up labels, kinds, Wikidata ids and owl:sameAs representatives once per entity."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._refs: dict[str, EntityRef] = {}
        self._rep: dict[str, str] | None = None

    def representative(self, iri: str) -> str:
        if self._rep is None:
            self._rep = {r["e"].value: r["rep"].value for r in self.store.query("SELECT ?e ?rep WHERE { ?e cw:sameAsGroup ?rep }")}
        return self._rep.get(iri, iri)

    def refs(self, iris: set[str]) -> dict[str, EntityRef]:
        missing = sorted(i for i in iris if i not in self._refs)
        for i in range(0, len(missing), 500):
            chunk = missing[i:i + 500]
            values = " ".join(f"<{iri}>" for iri in chunk)
            labels, kinds, wikidata = {}, {}, {}
            for r in self.store.query(f"SELECT ?e ?l WHERE {{ VALUES ?e {{ {values} }} ?e skos:prefLabel ?l }}"):
                labels.setdefault(r["e"].value, r["l"].value)
            for r in self.store.query(f"SELECT ?e ?c WHERE {{ VALUES ?e {{ {values} }} VALUES ?c {{ {_CLASSES} }} ?e a ?c }}"):
                kinds.setdefault(r["e"].value, KIND_OF_CLASS[r["c"].value.rsplit("#", 1)[-1]])
            for r in self.store.query(f"""SELECT ?e ?w WHERE {{ VALUES ?e {{ {values} }}
                    {{ ?e skos:exactMatch ?w }} UNION {{ ?e cw:sameAsGroup/skos:exactMatch ?w }}
                    UNION {{ ?m cw:sameAsGroup ?e ; skos:exactMatch ?w }}
                    UNION {{ ?e cw:sameAsGroup ?rep . ?m cw:sameAsGroup ?rep ; skos:exactMatch ?w }}
                    FILTER(STRSTARTS(STR(?w), "{WIKIDATA}Q")) }}"""):
                wikidata.setdefault(r["e"].value, r["w"].value[len(WIKIDATA):])
            for iri in chunk:
                label = labels.get(iri) or iri.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
                self._refs[iri] = EntityRef(iri, label, kinds.get(iri, "other"), wikidata.get(iri))
        return {i: self._refs[i] for i in iris}

    def ref(self, iri: str) -> EntityRef:
        return self.refs({iri})[iri]


def states_of(store: GraphStore, people: set[str]) -> dict[str, str]:
    """The state each person belongs to, over their owl:sameAs group: citizenship first, else the state a post serves."""
    members: dict[str, set[str]] = {p: {p} for p in people}
    for r in store.query("SELECT ?e ?rep WHERE { ?e cw:sameAsGroup ?rep }"):
        if r["rep"].value in members:
            members[r["rep"].value].add(r["e"].value)
    owner = {m: p for p, ms in members.items() for m in ms}
    found: dict[str, tuple[int, str]] = {}
    listed = sorted(owner)
    for i in range(0, len(listed), 500):
        values = " ".join(f"<{m}>" for m in listed[i:i + 500])
        for r in store.query(f"""SELECT ?x ?label ?how WHERE {{ VALUES ?x {{ {values} }}
                {{ ?x cw:citizenOf ?s . BIND(1 AS ?how) }} UNION {{ ?x cw:holdsPost/org:organization ?s . BIND(2 AS ?how) }}
                ?s a cw:State ; skos:prefLabel ?label }}"""):
            p = owner[r["x"].value]
            candidate = (int(r["how"].value), r["label"].value)
            if p not in found or candidate < found[p]:
                found[p] = candidate
    return {p: label for p, (_, label) in found.items()}


def find_document(store: GraphStore, ref: str) -> str:
    """A document's IRI from its IRI, its id (with or without the source prefix) or the name of the file it came from."""
    rows = [(r["d"].value, _value(r["source"])) for r in store.query(
        "SELECT ?d ?source WHERE { ?d a cw:Document . OPTIONAL { ?d dcterms:source ?source } }")]
    exact = ref if ref.startswith(("http://", "https://")) else document_iri(ref).value
    found = sorted({d for d, _ in rows if d == exact})
    if not found:
        found = sorted({d for d, _ in rows if document_key(d).endswith(f"-{ref}")})
    if not found:
        name = PurePath(ref).name
        found = sorted({d for d, source in rows if source and PurePath(source).name == name})
    if len(found) == 1:
        return found[0]
    if found:
        raise CwkgError(f"'{ref}' names {len(found)} documents; give one's IRI (`cwkg query documents` lists them)")
    raise CwkgError(f"no document '{ref}' in the store (give its IRI, its id or its file's name; "
                    "`cwkg query documents` lists them)")


def _meetings(store: GraphStore, reader: Reader, doc: str) -> tuple[MeetingCard, ...]:
    cards: dict[str, dict] = {}
    people: dict[str, set[str]] = defaultdict(set)
    for r in store.query(f"""SELECT ?m ?date ?kind ?place ?p WHERE {{ <{doc}> cw:records ?m .
            OPTIONAL {{ ?m cw:date ?date }} OPTIONAL {{ ?m cw:meetingKind/skos:prefLabel ?kind }}
            OPTIONAL {{ ?m cw:place/skos:prefLabel ?place }} OPTIONAL {{ ?m cw:participant ?p }} }}"""):
        m = r["m"].value
        cards.setdefault(m, {"date": _value(r["date"]), "kind": _value(r["kind"]), "place": _value(r["place"])})
        if r["p"] is not None:
            people[m].add(r["p"].value)
    posts: dict[str, list[str]] = defaultdict(list)
    everyone = set().union(*people.values()) if people else set()
    if everyone:
        values = " ".join(f"<{p}>" for p in everyone)
        for r in store.query(f"""SELECT DISTINCT ?p ?title ?role ?of WHERE {{ VALUES ?p {{ {values} }} ?p cw:holdsPost ?post .
                ?post cw:attestedIn <{doc}> . OPTIONAL {{ ?post cw:postTitle ?title }}
                OPTIONAL {{ ?post org:role/skos:prefLabel ?role }} OPTIONAL {{ ?post org:organization/skos:prefLabel ?of }} }}"""):
            title = _value(r["title"]) or _value(r["role"]) or "post"
            posts[r["p"].value].append(f"{title}{', ' + r['of'].value if r['of'] is not None and r['of'].value not in title else ''}")
    refs = reader.refs(everyone)
    return tuple(MeetingCard(m, c["kind"], c["date"], c["place"], tuple(
        ParticipantView(refs[p], tuple(sorted(set(posts.get(p, ()))))) for p in sorted(people[m], key=lambda p: refs[p].label)))
        for m, c in sorted(cards.items(), key=lambda kv: (kv[1]["date"] or "", kv[0])))


def positions(store: GraphStore, reader: Reader, where: str, substitutions: dict | None = None) -> list[PositionView]:
    """Positions matching `where` (a SPARQL group pattern over ?pos), with everything a view shows of them."""
    rows = list(store.query(f"""SELECT ?pos ?target ?quote ?speaker ?stance ?expression ?rule ?confidence ?date ?doc WHERE {{
            {where}
            ?pos a cw:Position ; cw:inDocument ?doc ; oa:hasTarget ?target ; cw:quote ?quote .
            OPTIONAL {{ ?pos cw:speaker ?speaker }} OPTIONAL {{ ?pos cw:stance/skos:prefLabel ?stance }}
            OPTIONAL {{ ?pos cw:reportingExpression ?expression }} OPTIONAL {{ ?pos cw:rule ?rule }}
            OPTIONAL {{ ?pos cw:confidence ?confidence }}
            OPTIONAL {{ ?pos cw:statedOn ?stated }} OPTIONAL {{ ?doc dcterms:date ?docDate }}
            BIND(COALESCE(?stated, ?docDate) AS ?date) }}""", substitutions))
    if not rows:
        return []
    iris = sorted({r["pos"].value for r in rows})
    values = " ".join(f"<{p}>" for p in iris)
    linked: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in store.query(f"""SELECT ?pos ?p ?o WHERE {{ VALUES ?pos {{ {values} }}
            VALUES ?p {{ cw:about cw:topic cw:reportedBy cw:relayedBy }} ?pos ?p ?o }}"""):
        linked[r["pos"].value][r["p"].value.rsplit("#", 1)[-1]].append(r["o"].value)
    entities = {r["speaker"].value for r in rows if r["speaker"] is not None}
    for parts in linked.values():
        for key in ("about", "topic", "reportedBy", "relayedBy"):
            entities.update(parts.get(key, ()))
    refs = reader.refs(entities)
    out = {}
    for r in rows:
        iri = r["pos"].value
        if iri in out:
            continue
        parts = linked.get(iri, {})
        at = char_range(r["target"].value)
        if at is None:
            continue
        out[iri] = PositionView(
            iri, at.start, at.end, r["quote"].value,
            refs[r["speaker"].value] if r["speaker"] is not None else None, _value(r["stance"]) or "informs",
            tuple(sorted((refs[s] for s in set(parts.get("about", ()))), key=lambda e: e.label)),
            tuple(sorted(refs[t].label for t in set(parts.get("topic", ())))),
            tuple(refs[x] for x in dict.fromkeys(parts.get("reportedBy", []) + parts.get("relayedBy", []))),
            _value(r["expression"]), _value(r["rule"]), _float(r["confidence"]), _value(r["date"]), r["doc"].value)
    return sorted(out.values(), key=lambda p: (p.document, p.start, p.iri))


def read_document(store: GraphStore, ref: str, reader: Reader | None = None) -> DocumentView:
    reader = reader or Reader(store)
    doc = find_document(store, ref)
    head = next(iter(store.query(f"""SELECT ?title ?date ?text ?number WHERE {{ OPTIONAL {{ <{doc}> dcterms:title ?title }}
            OPTIONAL {{ <{doc}> dcterms:date ?date }} OPTIONAL {{ <{doc}> cw:text ?text }}
            OPTIONAL {{ <{doc}> cw:documentNumber ?number }} }} LIMIT 1""")))
    text = _value(head["text"])
    if text is None:
        raise CwkgError(f"the store holds no text for {doc} (load it again with `cwkg ingest`)")
    mentions = []
    rows = list(store.query(f"""SELECT ?e ?target ?form ?rule ?confidence WHERE {{ GRAPH <{doc}> {{
            ?m a cw:Mention ; cw:mentionOf ?e ; oa:hasTarget ?target .
            OPTIONAL {{ ?m cw:mentionForm ?form }} OPTIONAL {{ ?m cw:rule ?rule }} OPTIONAL {{ ?m cw:confidence ?confidence }} }} }}"""))
    refs = reader.refs({r["e"].value for r in rows})
    for r in rows:
        if (at := char_range(r["target"].value)) is None:
            continue
        start, end = at.start, at.end
        mentions.append(MentionView(start, end, text[start:end], _value(r["form"]), refs[r["e"].value],
                                    _value(r["rule"]), _float(r["confidence"])))
    found = positions(store, reader, f"BIND(<{doc}> AS ?doc) ?pos cw:inDocument <{doc}> .")
    return DocumentView(doc, document_key(doc), _value(head["title"]) or document_key(doc), _value(head["date"]), text,
                        _meetings(store, reader, doc), tuple(sorted(mentions, key=lambda m: (m.start, -m.end))), tuple(found),
                        _value(head["number"]))


def document_labels(store: GraphStore, iris: set[str] | None = None) -> dict[str, str]:
    """The `document_label` of every document (or of those in `iris`), by IRI."""
    values = f"VALUES ?d {{ {' '.join(f'<{d}>' for d in sorted(iris))} }}" if iris is not None else ""
    if iris is not None and not iris:
        return {}
    found: dict[str, str] = {}
    for r in store.query(f"""SELECT ?d ?title ?date ?number WHERE {{ {values} ?d a cw:Document . OPTIONAL {{ ?d dcterms:title ?title }}
            OPTIONAL {{ ?d dcterms:date ?date }} OPTIONAL {{ ?d cw:documentNumber ?number }} }}"""):
        d = r["d"].value
        found.setdefault(d, document_label(_value(r["number"]), _value(r["title"]) or document_key(d), _value(r["date"])))
    return found


def document_iris(store: GraphStore) -> list[str]:
    return sorted(r["d"].value for r in store.query("SELECT DISTINCT ?d WHERE { ?d a cw:Document ; cw:text ?t }"))

