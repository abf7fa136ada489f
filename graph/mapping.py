"""DocumentFacts -> RDF triples under the cwkg ontology (the only place that knows the vocabulary)."""

from __future__ import annotations

import re

from datetime import date
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Triple

from cwkg.records.facts import DocumentFacts, EntityFact, Mention, PersonFact, PositionFact, PostFact, Span, meeting_at
from cwkg.lang.kinds import with_broader
from cwkg.loaders.source import AuthorityPersonRecord, MissionRecord, Note, VolumeRecord

from cwkg.ontology.vocab import CW, DCTERMS, OA, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD, ID, document_iri, minted, short_hash, slug, stance_iri
from .textfragment import char_target

def _date(d: date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def _text(value: str, lang: str | None = None) -> Literal:
    return Literal(value, language=lang) if lang else Literal(value)


class _Triples(list):
    def add(self, s: NamedNode, p: NamedNode, o) -> None:
        if o is not None:
            self.append(Triple(s, p, o))


def person_iri(ref: str) -> NamedNode:
    """Authority persons keep their IRI; a volume's persons, provisional and unnamed ones get theirs."""
    if ref.startswith(("pocom:", "hsg:")):
        dataset, pid = ref.split(":", 1)
        return NamedNode(f"{ID}person/{dataset}/{pid}")
    if ref.startswith("frus:"):
        _, volume, pid = ref.split(":", 2)
        return NamedNode(f"{ID}person/frus/{volume}/{pid}")
    if ref.startswith("provisional:"):
        scope, _, key = ref.split(":", 1)[1].rpartition("/")
        return NamedNode(f"{ID}person/provisional/{slug(scope) + '/' if scope else ''}{key}")
    if ref.startswith("unnamed:"):
        _, doc_id, offset = ref.split(":", 2)
        return NamedNode(f"{ID}person/unnamed/{doc_id}-{offset}")
    return NamedNode(ref)


def found_iri(ref: str) -> NamedNode:
    """An organisation or event extraction found by the shape of its name ("organization:party-cpsu/politburo",
    "event:document-<id>/berlin-crisis"): minted under what it belongs to, or under the record that names it."""
    kind, _, rest = ref.partition(":")
    scope, _, key = rest.rpartition("/")
    return NamedNode(f"{ID}{kind}/provisional/{slug(scope)}/{slug(key)}")


def entity_iri(ref: str) -> NamedNode:
    if ref.startswith(("organization:", "event:")):
        return found_iri(ref)
    if ref.startswith("pocom-territory:"):  # a POCOM territory that is no state cwkg knows ("Russia" before 1922)
        return NamedNode(f"{ID}state/pocom/{ref.split(':', 1)[1]}")
    return person_iri(ref) if ref.startswith(("provisional:", "unnamed:", "frus:", "pocom:", "hsg:")) else NamedNode(ref)


def role_iri(ref: str) -> NamedNode:
    """A role of cwkg's scheme keeps its IRI; a POCOM role the scheme does not list ("pocom-role:agent") gets its own."""
    if ref.startswith("pocom-role:"):
        return NamedNode(f"{ID}role/pocom/{ref.split(':', 1)[1]}")
    return NamedNode(ref)


def volume_iri(volume: str) -> NamedNode:
    return NamedNode(f"{ID}volume/{volume}")


def document_triples(facts: DocumentFacts) -> list[Triple]:
    """Every triple of the document's named graph."""
    doc = facts.document
    d = document_iri(doc.doc_id)
    t = _Triples()
    t.add(d, RDF.type, CW.Document)
    t.add(d, RDF.type, PROV.Entity)
    t.add(d, DCTERMS.title, _text(doc.title, doc.language))
    t.add(d, RDFS.label, _text(doc.title, doc.language))
    if doc.date:
        t.add(d, DCTERMS.date, _date(doc.date))
    if doc.description:
        t.add(d, DCTERMS.description, _text(doc.description, doc.language))
    t.add(d, DCTERMS.language, Literal(doc.language))
    t.add(d, DCTERMS.source, Literal(doc.url or doc.source))
    for kind in with_broader(doc.kind):
        t.add(d, CW.documentKind, Literal(kind))
    t.add(d, CW.documentNumber, Literal(doc.number) if doc.number else None)
    t.add(d, CW.classification, Literal(doc.classification) if doc.classification else None)
    t.add(d, CW.sourceNote, Literal(doc.source_note) if doc.source_note else None)
    if doc.date_time:
        t.add(d, CW.dateTimeMin, Literal(doc.date_time[0], datatype=XSD.dateTime))
        t.add(d, CW.dateTimeMax, Literal(doc.date_time[1], datatype=XSD.dateTime))
    if doc.volume:
        t.add(d, DCTERMS.isPartOf, volume_iri(doc.volume))
    t.add(d, CW.text, Literal(doc.text))
    t.add(d, CW.pageCount, Literal(str(len(doc.page_starts)), datatype=XSD.integer) if doc.page_starts else None)
    notes = {note: _note(t, d, doc.doc_id, doc.text, note) for note in doc.notes}
    c = doc.citation
    for prop, value in ((DCTERMS.bibliographicCitation, c.text), (DCTERMS.publisher, c.publisher), (CW.archive, c.archive),
                        (CW.collection, c.collection), (CW.archiveReference, c.archive_reference)):
        if value:
            t.add(d, prop, Literal(value))
    if facts.author:
        t.add(d, DCTERMS.creator, person_iri(facts.author))
    if facts.translator:
        t.add(d, CW.translator, person_iri(facts.translator))
    if facts.translated_for:
        t.add(d, CW.translatedFor, _organization(t, facts.translated_for))
    if facts.written_at:
        t.add(d, CW.writtenAt, NamedNode(facts.written_at))
    elif doc.dateline_place:
        place = minted("place", "provisional", doc.dateline_place)
        t.add(place, RDF.type, CW.Place)
        t.add(place, SKOS.prefLabel, Literal(doc.dateline_place))
        t.add(place, CW.provisional, Literal(True))
        t.add(d, CW.writtenAt, place)
    for person in facts.persons:
        _person(t, person)
    for entity in facts.entities:
        _found_entity(t, entity)
    for post in facts.posts:
        p = _post(t, minted("post", doc.doc_id, post_key(post)), post)
        _provenance(t, p, CW.attestedIn, d, doc.text, post.span, post.rule, post.confidence, _page(doc, post.span))
    for n, meeting in enumerate(facts.meetings, start=1):
        m = minted("meeting", doc.doc_id, str(n))
        t.add(m, RDF.type, CW.Meeting)
        t.add(d, CW.records, m)
        t.add(m, CW.meetingKind, NamedNode(meeting.kind) if meeting.kind else None)
        t.add(m, CW.date, _date(meeting.date) if meeting.date else None)
        t.add(m, CW.place, NamedNode(meeting.place) if meeting.place else None)
        t.add(m, CW.placeUnknown, Literal(True) if not meeting.place else None)
        t.add(m, CW.participantsUnrecorded, Literal(True) if len(set(meeting.participants)) < 2 else None)
        t.add(m, CW.duration, Literal(meeting.duration, datatype=XSD.duration) if meeting.duration else None)
        t.add(m, RDFS.label, Literal(doc.title))
        t.add(m, SKOS.prefLabel, Literal(_meeting_label(meeting, facts)))
        if meeting.host:
            t.add(m, CW.host, person_iri(meeting.host))
        for who in meeting.participants:
            t.add(m, CW.participant, person_iri(who))
            if who != meeting.host and meeting.host:
                t.add(m, CW.guest, person_iri(who))
        for k, listed in enumerate(meeting.listed, start=1):
            entry = NamedNode(f"{m.value}#participant-{k}")
            t.add(m, CW.hasParticipation, entry)
            t.add(entry, RDF.type, CW.Participation)
            t.add(entry, CW.participantAgent, person_iri(listed.person))
            t.add(entry, CW.delegation, NamedNode(listed.delegation) if listed.delegation else None)
            t.add(entry, CW.asListed, Literal(listed.description) if listed.description else None)
            t.add(entry, CW.servedAs, Literal(listed.served_as) if listed.served_as else None)
        for subject in meeting.topics:
            t.add(d, DCTERMS.subject, entity_iri(subject))
        _provenance(t, m, PROV.wasDerivedFrom, d, doc.text, meeting.span, "+".join(meeting.rules), 0.8, _page(doc, meeting.span))
    for position in facts.positions:
        note = doc.note_at(position.span.start)
        at = meeting_at(facts.meetings, position.span.start) if note is None else None  # a note tells of other occasions
        n = facts.meetings.index(at) + 1 if at is not None else None
        p = _position(t, d, doc.doc_id, doc.text, position, minted("meeting", doc.doc_id, str(n)) if n else None,
                      at.date if at is not None and at.date else doc.date if note is None else None,
                      _page(doc, position.span))
        t.add(p, CW.inNote, notes.get(note))
    for mention in facts.mentions:
        m = _mention(t, d, doc.doc_id, doc.text, mention, _page(doc, mention.span))
        t.add(m, CW.inNote, notes.get(doc.note_at(mention.span.start)))
    for ref in dict.fromkeys(m.entity for m in facts.mentions):
        t.add(d, CW.mentions, entity_iri(ref))
    return list(dict.fromkeys(t))


def _page(doc, span: Span | None) -> int | None:
    """The printed page a span begins on, for a record read from pages."""
    return doc.page_at(span.start) if span is not None else None


def _meeting_label(meeting, facts: DocumentFacts) -> str:
    """A readable label for the meeting: its kind and date ("talks, 1961-05-04")."""
    kind = meeting.kind.rsplit("/", 1)[-1].replace("-", " ") if meeting.kind else "meeting"
    when = meeting.date.isoformat() if meeting.date else "undated"
    return f"{kind}, {when}"


def _organization(t: _Triples, ref: str) -> NamedNode:
    if ref.startswith("http"):
        return NamedNode(ref)
    org = minted("organization", "provisional", ref)
    t.add(org, RDF.type, CW.Organization)
    t.add(org, SKOS.prefLabel, Literal(ref))
    t.add(org, CW.provisional, Literal(True))
    return org


def _found_entity(t: _Triples, entity: EntityFact) -> None:
    """An organisation or event the authority does not list: its class, names and what it belongs to (an organ's
    state, party or body; a congress's or plenum's party; the states an event involves)."""
    e = found_iri(entity.key)
    event = entity.kind == "event"
    t.add(e, RDF.type, (CW.Congress if entity.ordinal is not None else CW.Event) if event else CW.Organization)
    t.add(e, SKOS.prefLabel, Literal(entity.label))
    t.add(e, RDFS.label, Literal(entity.label))
    for alias in sorted(entity.aliases - {entity.label}):
        t.add(e, SKOS.altLabel, Literal(alias))
    t.add(e, CW.provisional, Literal(True))
    if entity.owner:
        t.add(e, CW.organizedBy if event else ORG.subOrganizationOf, entity_iri(entity.owner))
    for state in entity.involves:
        t.add(e, CW.involves, entity_iri(state))
    if entity.ordinal is not None:
        t.add(e, CW.ordinal, Literal(str(entity.ordinal), datatype=XSD.integer))


def _person(t: _Triples, person: PersonFact) -> None:
    p = person_iri(person.ref)
    t.add(p, RDF.type, CW.Person)
    if person.authority_iri is None and not person.external:
        t.add(p, SKOS.prefLabel, Literal(person.label))
        t.add(p, RDFS.label, Literal(person.label))
        if not person.ref.startswith(("hsg:", "pocom:")):  # a person of a name authority is no provisional one
            t.add(p, CW.provisional, Literal(True))
    for alias in sorted(person.aliases - {person.label}):
        t.add(p, SKOS.altLabel, Literal(alias))
    for titled in sorted(person.titles):
        t.add(p, SKOS.hiddenLabel, Literal(titled))
    if person.unnamed:
        t.add(p, CW.unnamed, Literal(True))
    if person.description and not person.external:
        t.add(p, SKOS.definition, Literal(person.description))


def _evidence(t: _Triples, node: NamedNode, doc: NamedNode, body: str, span: Span, page: int | None = None,
              quoted: bool = True) -> None:
    """Where the words are: one target IRI, the document's text with an RFC 5147 character range, and (unless not
    `quoted`: a mention, whose words are a name, the most numerous nodes) the quote itself, what readers show and
    validation checks against the text; for a record read from printed pages, the page the span begins on. Full Web
    Annotation selectors are made on export (`cwkg export --annotations full`)."""
    t.add(node, OA.hasTarget, char_target(doc, span.start, span.end))
    t.add(node, CW.quote, Literal(body[span.start:span.end]) if quoted else None)
    t.add(node, CW.page, Literal(str(page), datatype=XSD.integer) if page is not None else None)


def _provenance(t: _Triples, node: NamedNode, named: NamedNode, doc: NamedNode, body: str, span: Span | None, rule: str,
                confidence: float, page: int | None = None) -> None:
    """The rule and confidence that made a node and its evidence; the document is named once, by `named` (a
    sub-property of prov:wasDerivedFrom that says how the node stands to it)."""
    t.add(node, named, doc)
    t.add(node, CW.rule, Literal(rule))
    t.add(node, CW.confidence, Literal(str(Decimal(str(confidence))), datatype=XSD.decimal))
    if span:
        _evidence(t, node, doc, body, span, page)


def _note(t: _Triples, doc: NamedNode, doc_id: str, text: str, note: Note) -> NamedNode:
    """A note of the document (footnote, source note, summary): its kind, its number, where the body refers to it,
    and its words in the document's text."""
    n = minted("note", doc_id, f"{note.start}-{note.end}")
    t.add(n, RDF.type, CW.Note)
    t.add(doc, CW.hasNote, n)
    t.add(n, CW.noteKind, Literal(note.kind))
    t.add(n, CW.noteNumber, Literal(note.label) if note.label else None)
    t.add(n, CW.anchor, Literal(str(note.anchor), datatype=XSD.integer) if note.anchor is not None else None)
    _evidence(t, n, doc, text, Span(note.start, note.end, note.text))
    return n


def _mention(t: _Triples, doc: NamedNode, doc_id: str, body: str, mention: Mention, page: int | None = None) -> NamedNode:
    m = minted("mention", doc_id, f"{mention.span.start}-{mention.span.end}", short_hash(mention.entity))
    t.add(m, RDF.type, CW.Mention)
    t.add(m, CW.mentionOf, entity_iri(mention.entity))
    t.add(m, CW.inDocument, doc)
    t.add(m, CW.mentionForm, Literal(mention.form))
    t.add(m, CW.rule, Literal(mention.rule))
    _evidence(t, m, doc, body, mention.span, page, quoted=False)
    return m


def _position(t: _Triples, doc: NamedNode, doc_id: str, body: str, position: PositionFact,
              meeting: NamedNode | None, stated_on: date | None, page: int | None = None) -> NamedNode:
    p = minted("position", doc_id, f"{position.span.start}-{position.span.end}", short_hash(position.speaker))
    t.add(p, RDF.type, CW.Position)
    t.add(p, CW.speaker, entity_iri(position.speaker))
    t.add(p, CW.stance, stance_iri(position.stance))
    t.add(p, CW.reportingExpression, Literal(position.verb) if position.verb else None)
    t.add(p, CW.atMeeting, meeting)
    t.add(p, CW.statedOn, _date(stated_on) if stated_on else None)
    if position.on_behalf_of:
        t.add(p, CW.onBehalfOf, NamedNode(position.on_behalf_of))
    if position.reported_by:
        t.add(p, CW.reportedBy, entity_iri(position.reported_by))
    for relay in position.relayed_by:
        t.add(p, CW.relayedBy, entity_iri(relay))
    for ref in position.about:
        t.add(p, CW.about, entity_iri(ref))
    for topic in position.topics:
        t.add(p, CW.topic, NamedNode(topic))
    _provenance(t, p, CW.inDocument, doc, body, position.span, position.rule, position.confidence, page)
    return p


def post_key(post: PostFact) -> str:
    """What a post is, as a hash: its holder, role or title, whom it represents and where, and when."""
    return short_hash(post.holder, post.role or "", post.title or "", post.of or "", post.to or "", post.city or "",
                      post.start or "", post.end or "")


def _post(t: _Triples, node: NamedNode, post: PostFact) -> NamedNode:
    """A post as an n-ary node: holder (both directions), role, state represented, accredited to, city, dates.
    An office cwkg's role scheme does not list ("Secretary of the Treasury") is a role of its own, named by its title."""
    holder = person_iri(post.holder)
    t.add(node, RDF.type, CW.Post)
    t.add(node, ORG.member, holder)
    t.add(holder, CW.holdsPost, node)
    if post.role:
        role = role_iri(post.role)
    else:
        role = minted("role", "office", post.title or "office")
        t.add(role, RDF.type, CW.Role)
        t.add(role, SKOS.prefLabel, Literal(post.title or "office", language="en"))
        t.add(role, RDFS.label, Literal(post.title or "office", language="en"))
    t.add(node, ORG.role, role)
    t.add(node, CW.postTitle, Literal(post.title) if post.title else None)
    t.add(node, ORG.organization, entity_iri(post.of) if post.of else None)
    t.add(node, CW.accreditedTo, entity_iri(post.to) if post.to else None)
    t.add(node, CW.postCity, NamedNode(post.city) if post.city else None)
    _dates(t, node, post)
    return node


def _partial_date(value: str) -> Literal:
    """1966 -> xsd:gYear, 1966-08 -> xsd:gYearMonth, 1966-08-01 -> xsd:date. A value that is no such date (a source's
    "1962-13-01" or "2/3/62") stays as the source wrote it, a plain string: never an invalid typed literal, which
    would make every reader of the graph fail on it (`cwkg validate` reports it)."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return Literal(value, datatype=XSD.gYear)
        if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value):
            return Literal(value, datatype=XSD.gYearMonth)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            date.fromisoformat(value)
            return Literal(value, datatype=XSD.date)
    except ValueError:
        pass
    return Literal(value)


def _dates(t: _Triples, node: NamedNode, post) -> None:
    t.add(node, CW.startDate, _partial_date(post.start) if post.start else None)
    t.add(node, CW.endDate, _partial_date(post.end) if post.end else None)


def volume_triples(record: VolumeRecord, persons: list[PersonFact], posts: list[PostFact]) -> list[Triple]:
    """The volume's own graph: the volume, its list of persons (with posts) and its abbreviations."""
    v = volume_iri(record.volume)
    t = _Triples()
    t.add(v, RDF.type, CW.Volume)
    t.add(v, DCTERMS.title, Literal(record.title))
    t.add(v, RDFS.label, Literal(record.title))
    t.add(v, DCTERMS.source, Literal(record.source))
    for person in persons:
        p = person_iri(person.key)
        t.add(p, RDF.type, CW.Person)
        t.add(p, SKOS.prefLabel, Literal(person.label))
        for alias in sorted(person.aliases - {person.label}):
            t.add(p, SKOS.altLabel, Literal(alias))
        t.add(p, SKOS.definition, Literal(person.description) if person.description else None)
        t.add(p, CW.listedIn, v)
        t.add(p, OWL.sameAs, NamedNode(person.same_as) if person.same_as else None)
    for post in posts:
        node = _post(t, minted("post", record.volume, post_key(post)), post)
        t.add(node, PROV.wasDerivedFrom, v)
        t.add(node, CW.rule, Literal(post.rule))
    for abbreviation, expansion in record.terms:
        term = minted("term", record.volume, abbreviation)
        t.add(term, RDF.type, SKOS.Concept)
        t.add(term, SKOS.prefLabel, Literal(expansion or abbreviation))
        t.add(term, CW.abbreviation, Literal(abbreviation))
        t.add(term, CW.listedIn, v)
    return list(dict.fromkeys(t))


def _dated_note(t: _Triples, node: NamedNode, date_prop: NamedNode, note_prop: NamedNode, dated) -> None:
    t.add(node, date_prop, _partial_date(dated.date) if dated.date else None)
    t.add(node, note_prop, Literal(dated.note) if dated.note else None)


def mission_triples(record: MissionRecord, chiefs: list) -> list[Triple]:
    """A POCOM mission: each chief of mission as a post of the United States, with POCOM's dates and notes."""
    t = _Triples()
    for c in chiefs:
        post, chief = c.post, c.chief
        node = _post(t, NamedNode(f"{ID}post/pocom/{slug(chief.id)}"), post)
        t.add(person_iri(post.holder), RDF.type, CW.Person)
        t.add(node, CW.roleTitle, Literal(c.title) if c.title else None)
        _dated_note(t, node, CW.appointedOn, CW.appointedNote, chief.appointed)
        _dated_note(t, node, CW.arrivedOn, CW.arrivedNote, chief.arrived)
        t.add(node, CW.startNote, Literal(chief.started.note) if chief.started.note else None)
        t.add(node, CW.endNote, Literal(chief.ended.note) if chief.ended.note else None)
        t.add(node, SKOS.note, Literal(chief.note) if chief.note else None)
        t.add(node, CW.rule, Literal("pocom"))
        t.add(node, DCTERMS.source, Literal(record.source))
        if not post.role.startswith(str(CW)):
            role = role_iri(post.role)
            t.add(role, RDF.type, CW.DiplomaticRole)
            t.add(role, SKOS.prefLabel, Literal(c.title or role.value.rsplit("/", 1)[-1]))
        if c.territory_label:
            state = entity_iri(post.to)
            t.add(state, RDF.type, CW.State)
            t.add(state, SKOS.prefLabel, Literal(f"{c.territory_label} (POCOM territory)"))
            t.add(state, CW.provisional, Literal(True))
    return list(dict.fromkeys(t))


def authority_person_triples(record: AuthorityPersonRecord) -> list[Triple]:
    """A person of a name authority (POCOM, the FRUS people database) with names, years and links."""
    p = person_iri(f"{record.dataset}:{record.id}")
    t = _Triples()
    t.add(p, RDF.type, CW.Person)
    t.add(p, SKOS.prefLabel, Literal(record.name))
    t.add(p, RDFS.label, Literal(record.name))
    for variant in record.variants:
        if variant != record.name:
            t.add(p, SKOS.altLabel, Literal(variant))
    t.add(p, CW.birthYear, Literal(record.birth, datatype=XSD.gYear) if record.birth and record.birth.isdigit() else None)
    t.add(p, CW.deathYear, Literal(record.death, datatype=XSD.gYear) if record.death and record.death.isdigit() else None)
    t.add(p, CW.careerType, Literal(record.career) if record.career else None)
    if record.viaf:
        t.add(p, CW.viaf, Literal(record.viaf))
        t.add(p, SKOS.exactMatch, NamedNode(f"http://viaf.org/viaf/{record.viaf}"))
    for remark in record.remarks:
        t.add(p, SKOS.note, Literal(remark))
    for ref in record.same_as:
        t.add(p, OWL.sameAs, person_iri(ref))
    for volume in record.volumes:
        t.add(p, CW.listedIn, volume_iri(volume))
    t.add(p, DCTERMS.source, Literal(record.source))
    return list(dict.fromkeys(t))
