"""SourceDocument -> DocumentFacts: the whole extraction for one document, as a pipeline of components.

Like spaCy's `Language` pipeline, each component adds layers to one annotated document
(segmentation, entities, persons, posts, authorship, meetings, attribution ...) and reads
only the layers the components before it added; `COMPONENTS` lists them in order, each with
the layers it reads, adds and revises (`components.py` checks that they fit together).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .authority import Authority, default_authority
from .components import Component, check, component, without
from cwkg.records.facts import (DocumentFacts, EntityFact, MeetingFact, Mention, Participation, PersonFact, PositionFact, PostFact, Span, TurnFact,
                    VoiceFact, meeting_at)
from .attendance import AttendanceList, find_lists
from .encounters import Encounter, find_body_meetings, find_encounters, find_reported_meetings
from cwkg.lang.kinds import AUTHOR, RECORD, voice
from .office_holders import office_holders
from .offices import Offices, office_posts
from .meeting import Layout, find_author, find_meeting, find_written_at, layout, writes_i
from .mentions import Gazetteer
from . import disputes, occasions, organisations
from .persons import Candidate, find_candidates, group_people, listed_candidates, note_candidates, signature_candidates
from .positions import build_context, find_positions, speaker_turns
from .posts import find_posts, merge_posts, named_holders, names_in, office_first, title_posts, titled_posts, unnamed_mentions
from .glossed import Glossed, glossed_institutions
from .turns import named_labels
from .markup import disagreements, listed_agreed, marked_candidates, marked_persons
from .markup_check import Disagreement
from .participants import from_markup, from_text
from .titles import office_post
from .voice import Named, addressee_from_title, author_from_summary, author_from_title, author_of_relayed, title_parties
from .notes import READ_FOR_NAMES, note_paragraphs, note_positions, reading_text
from .volume import find_volume_persons, volume_people
from cwkg.loaders.source import SUMMARY, SourceDocument, VolumeRecord
from .seat import embassy_seat, envoys_seat, post_seat
from cwkg.lang.spans import Taken, block_number
from cwkg.lang.text import Block, fold, paragraphs


@lru_cache(maxsize=4)
def _gazetteer(authority: Authority) -> Gazetteer:
    return Gazetteer(authority)


@dataclass
class Annotated:
    """One document and the layers the components add to it, each reading only the layers before it."""

    doc: SourceDocument
    authority: Authority
    use_markup: bool
    gazetteer: Gazetteer
    year: int | None = None
    perspective: str | None = None  # the state whose record this is (FRUS: the United States)
    paragraphs: tuple[Block, ...] = ()
    text: str = ""  # the body and the notes read for names (notes.reading_text): what entities and persons are found in
    note_paragraphs: tuple[Block, ...] = ()  # the paragraphs of the notes read for names, numbered after the body's
    layout: Layout | None = None
    speech: list[Block] = field(default_factory=list)  # the paragraphs that may report speech
    listed: dict[str, PersonFact] = field(default_factory=dict)  # a volume's persons
    disagreements: list[Disagreement] = field(default_factory=list)  # marked person spans the text does not bear out
    offices: Offices | None = None
    lists: list[AttendanceList] = field(default_factory=list)  # the body's attendance lists, read once
    title_mentions: list[Mention] = field(default_factory=list)  # the states, parties, bodies and places the title names
    entity_mentions: list[Mention] = field(default_factory=list)
    institutions: list[EntityFact] = field(default_factory=list)  # organisations and events the authority does not list
    people: list[PersonFact] = field(default_factory=list)
    unnamed: list[PersonFact] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    posts: list[PostFact] = field(default_factory=list)
    written_at: str | None = None
    author: str | None = None
    translator: str | None = None
    voice: str | None = None  # whose words the record holds: RECORD (others' at a meeting) or AUTHOR (its author's)
    recorded: bool = False  # the document is itself the record of a meeting
    meeting: MeetingFact | None = None  # the meeting the record is of, if any
    meetings: list[MeetingFact] = field(default_factory=list)
    positions: list[PositionFact] = field(default_factory=list)
    author_why: str | None = None
    addressee: str | None = None
    turns: tuple[TurnFact, ...] = ()
    default_speaker: str | None = None

    _numbering: tuple[tuple[Block, ...], tuple[Block, ...], Callable[[int], int]] | None = field(
        default=None, init=False, repr=False, compare=False)  # paragraph_of's index, for these paragraphs

    def paragraph_of(self, offset: int) -> int:
        """The number of the paragraph (the body's, then the notes') that holds `offset`, 0 for none. The numbering
        is built once for the paragraphs segmentation found, not rebuilt and read whole for every mention."""
        if self._numbering is None or self._numbering[0] is not self.paragraphs or self._numbering[1] is not self.note_paragraphs:
            self._numbering = (self.paragraphs, self.note_paragraphs, block_number(self.paragraphs + self.note_paragraphs))
        return self._numbering[2](offset)


def segmentation(a: Annotated) -> None:
    """Paragraphs and the record's layout: dateline, heading, sections, label lines, the text proper."""
    body = a.doc.body
    a.paragraphs = paragraphs(body)
    a.text = reading_text(a.doc)
    a.note_paragraphs = tuple(b for n in a.doc.notes if n.kind in READ_FOR_NAMES for b in note_paragraphs(a.doc, n))
    a.voice = voice(a.doc.title, a.doc.kind)
    a.layout = parts = layout(body, a.doc.title)
    labelled = lambda p: bool(parts.labels) and not re.sub(
        "|".join(re.escape(b.text) for b in parts.labels), "", p.text).strip()  # a block of "Place:"/"Present:" lines only
    a.speech = [p for p in a.paragraphs if p not in (parts.dateline, parts.heading, *parts.subjects, *parts.participants)
                and not labelled(p)]


def _joined_facts(first: list, then: list) -> list:
    """Entity facts of two finders, one per key: a glossed "S/P" and "the Policy Planning Council" are one."""
    out = {f.key: f for f in first}
    for f in then:
        if f.key in out:
            out[f.key].aliases |= f.aliases | {f.label}
        else:
            out[f.key] = f
    return list(out.values())


def entities(a: Annotated) -> None:
    """States, parties, places and events; a volume's persons; offices named alone ("the Vice President")."""
    doc, text = a.doc, a.text  # the body and the notes read for names
    if a.use_markup:
        a.disagreements = disagreements(doc, a.authority)
    a.title_mentions = [m for m in a.gazetteer.find(doc.title or "", a.year, side=a.perspective) if m.kind != "person"]
    a.entity_mentions = a.gazetteer.find(doc.body, a.year, side=a.perspective)
    if doc.notes:  # read apart, so the notes never change what a name in the body resolves to; the body is their context
        at = len(doc.body)
        in_notes = a.gazetteer.find(text[at:], a.year, Counter(m.entity for m in a.entity_mentions), side=a.perspective)
        a.entity_mentions += [replace(m, span=Span(m.span.start + at, m.span.end + at, m.span.text),
                                      paragraph=a.paragraph_of(m.span.start + at)) for m in in_notes]
    volume_posts: list[PostFact] = []
    if doc.people and doc.volume:
        persons, volume_posts = volume_people(doc.volume, doc.people, a.authority, a.gazetteer, a.perspective, a.year)
        a.listed = {p.key: p for p in persons}
        found = marked_persons(doc, a.paragraph_of, a.disagreements) if a.use_markup else []
        found = _without_overlaps(found, find_volume_persons(text, doc.volume, doc.people, a.entity_mentions, a.paragraph_of))
        a.entity_mentions = _without_overlaps(found, a.entity_mentions)
    a.offices = Offices(volume_posts, a.authority, office_holders(), doc.volume)
    if a.perspective:
        a.entity_mentions = _without_overlaps(a.entity_mentions, a.offices.mentions(text, a.entity_mentions, doc.date,
                                                                                    a.perspective, a.paragraph_of))
    glossed = glossed_institutions(doc, a.entity_mentions, a.authority, a.paragraph_of) if a.use_markup else Glossed()
    a.entity_mentions += glossed.mentions
    # Organisations and events by the shapes of their names, where no mention stands (one wholly inside a name stays).
    found = organisations.find(text, a.entity_mentions, a.authority, doc.doc_id, a.paragraph_of, a.perspective, a.year)
    a.entity_mentions = [m for m in a.entity_mentions if m not in found.replaced] + found.mentions
    a.institutions = _joined_facts(glossed.entities, found.entities)
    a.entity_mentions += disputes.mentions(text, a.entity_mentions, a.authority, a.year, a.paragraph_of)


def _label_candidates(body: str, blocks: list, named: list[Candidate], mentions: list[Mention]) -> list[Candidate]:
    """Persons a transcript names only by the capitals labels of their turns ("IVANOV.", "A. P. NOWAK."): a
    label whose surname the record names otherwise (a list of those present) is that person, read by the turns."""
    surnames = {fold(n.split()[-1]).lower() for n in [c.name for c in named] + [m.span.text for m in mentions if m.kind == "person"] if n.split()}
    return [Candidate(name, Span(start, end, body[start:end]), "speaker-label") for name, start, end in named_labels(body, blocks)
            if fold(name.split()[-1]).lower() not in surnames
            and not any(c.span and c.span.start < end and start < c.span.end for c in named)]


def persons(a: Annotated) -> None:
    """Names the authority does not know, grouped with every spelling into people; all person mentions."""
    doc, text, authority = a.doc, a.text, a.authority  # the body and the notes read for names
    role_words = [label for role in authority.roles for label in role.labels]
    given = authority.given_names | frozenset(
        t for p in doc.people for t in p.name.split()[:1] if re.fullmatch(r"[A-Z][a-z]{2,}", t))
    candidates = find_candidates(text, role_words, a.entity_mentions, given_names=given)
    candidates += signature_candidates(doc.body, a.entity_mentions)
    a.lists = find_lists(doc.body, [(m.span.start, m.span.end) for m in a.entity_mentions if m.kind != "person"])
    candidates += [c for c in listed_candidates(a.lists, a.entity_mentions, len(doc.body))
                   if not any(b.span and b.span.start < c.span.end and c.span.start < b.span.end for b in candidates)]
    if a.use_markup:
        candidates = marked_candidates(doc, a.entity_mentions, a.disagreements) + candidates
    other = find_candidates(doc.title, role_words, a.title_mentions, offsets=False)  # "Ambassador to S Pyotr Ivanov"
    in_title = [(m.span.start, m.span.end) for m in a.title_mentions]
    other += [Candidate(name, None, "title-party") for name in title_parties(doc.title or "", in_title, role_words)]
    if not any(n.kind == SUMMARY for n in doc.notes):
        other += find_candidates(doc.description or "", role_words, [], offsets=False)
    other += note_candidates(doc.source_note or "")
    if doc.citation.translator:
        other.append(Candidate(doc.citation.translator, None, "citation-translator"))
    if doc.author:  # the author a sidecar or catalogue names is one of the record's persons
        other.append(Candidate(doc.author, None, "metadata-author"))
    candidates += _label_candidates(doc.body, a.speech, candidates + other, a.entity_mentions)
    # Office holders the people database names are listed for the record as a volume's persons are.
    outside = {h.key: PersonFact(key=h.key, label=h.name, aliases=set(h.spellings)) for h in a.offices.outside.values()}
    a.people, person_mentions = group_people(authority, candidates, other, a.entity_mentions, text, {**a.listed, **outside},
                                             scope=doc.doc_id)
    a.mentions = sorted(a.entity_mentions + person_mentions + _named_after(a.entity_mentions, a.people, text),
                        key=lambda m: (m.span.start, m.span.end))
    a.translator = _person_named(authority, a.people, doc.citation.translator)


def occasions_made(a: Annotated) -> None:
    """Visits, trips and speeches named by their maker and destination: events of the record, once its people are
    known (`occasions`)."""
    made, named = occasions.find(a.text, a.mentions, a.people, a.doc.doc_id, a.paragraph_of)
    a.institutions = a.institutions + made
    a.mentions = sorted(a.mentions + named, key=lambda m: (m.span.start, m.span.end))


def posts(a: Annotated) -> None:
    """Posts the text states ("X, Ambassador of S to C"), the offices it names people by ("The Vice President"),
    and the unnamed holders of posts no name goes with."""
    found, unnamed = find_posts(a.text, a.authority, a.mentions, a.people, a.year, a.doc.doc_id,  # the body and notes
                                [(x.span.start, x.span.end) for x in a.lists])
    if a.doc.title:  # the title's posts name the holders of the body's unnamed ones ("the ambassador of S")
        found += title_posts(a.doc.title, a.authority, a.title_mentions, a.people, a.year, a.doc.doc_id)
    a.posts, a.unnamed, same = named_holders(found, unnamed)
    a.posts = merge_posts(a.posts + titled_posts(a.doc.body, a.authority, a.mentions, a.year))  # the authority's state fills a title's
    named = [(m.entity, m.span.text, m.span) for m in a.mentions if m.rule == "office-title"]
    a.posts += office_posts(named, a.posts, a.offices, a.perspective, "office-title")
    held = unnamed_mentions(unnamed, a.text, a.paragraph_of, same)
    a.mentions = sorted(a.mentions + held, key=lambda m: (m.span.start, m.span.end))  # "Polish" stays a mention of Poland


def authorship(a: Annotated) -> None:
    """Where the record was written, by whom and to whom: sender, heading, signature, drafting note, the title
    (a diary's keeper, a first-person record's own side), a relayed telegram's sender, the archive's summary."""
    doc, body = a.doc, a.doc.body
    a.written_at = find_written_at(a.layout, a.mentions)
    named = [Named(p.ref, tuple(sorted(p.aliases | {p.label}, key=len, reverse=True))) for p in a.people if not p.unnamed]
    a.author = _person_named(a.authority, a.people, doc.author)
    a.author_why = "the author the record's metadata (sidecar or catalogue) names" if a.author else None
    if a.author is None:
        a.author = find_author(body, a.layout, a.mentions)
        a.author_why = "the sender, heading or signature of the record" if a.author else None
    if a.author is None:
        a.author = _drafter(doc, a.people, a.listed, a.authority, a.offices)
        a.author_why = "the drafter the source note names" if a.author else None
    if a.author is None:
        opening = a.layout.opening.text if a.layout.opening else ""
        summary = " ".join(n.text for n in doc.notes if n.kind == SUMMARY)
        found = (author_from_title(doc.title, opening, named, writes_i(body))
                 or author_of_relayed(opening, named)
                 or (author_from_summary(summary, named) if writes_i(body) or a.voice == AUTHOR else None))
        if found is not None:
            a.author, a.author_why = found.author, found.why
    a.addressee = addressee_from_title(doc.title, named)
    if a.written_at is None:  # no dateline place: the sending embassy, else the author's post
        head = body[:a.layout.opening.start] if a.layout.opening else ""
        a.written_at = (embassy_seat(doc.title or "", a.title_mentions, a.authority, title=True)
                        or embassy_seat(head, [m for m in a.mentions if m.span.end <= len(head)], a.authority, title=False)
                        or post_seat(a.author, a.posts))
    a.people, a.mentions = _signed_by_author(a.people, a.mentions, a.author, a.listed)
    if a.author is None and a.layout.opening and re.search(r"\b(?:I|me)\b", a.layout.opening.text) and writes_i(a.layout.opening.text):
        # Someone says "I" but never names themselves: the record's author, unnamed, is still a person.
        anonymous = PersonFact(key=f"unnamed:{doc.doc_id}:author", label="unnamed (author of the record)", unnamed=True,
                               description="author of the record")
        a.unnamed.append(anonymous)
        a.author = anonymous.ref
        a.author_why = "the record says \"I\" but names no writer"


def meetings(a: Annotated) -> None:
    """The meeting the record is of, with its participants list, and every further encounter the text tells of."""
    doc, body, authority = a.doc, a.doc.body, a.authority
    a.recorded = a.voice == RECORD and doc.kind not in ("editorial note",)
    meeting = find_meeting(body, a.layout, doc.date, authority, a.mentions, a.author, a.written_at, recorded=a.recorded)
    if meeting:
        read = _listed_as_read(doc, a) if a.use_markup and doc.participants else doc
        listed = (from_markup(read, a.mentions, authority, a.perspective, a.year, a.offices) if a.use_markup and read.participants
                  else from_text(body, a.layout, a.mentions, authority, a.perspective, a.year, a.offices, doc.date, a.lists))
        if listed:
            meeting.listed = listed
            # Interpreters and recorders a list names were there to serve the meeting: listed, not participants.
            serving = {p.person for p in listed if p.served_as}
            meeting.participants = [p for p in dict.fromkeys([p.person for p in listed] + meeting.participants) if p not in serving]
            meeting.rules.append("participants-list")
        meeting.topics = list(dict.fromkeys(m.entity for b in a.layout.subjects for m in a.mentions if b.start <= m.span.start < b.end))
        if meeting.place is None:
            principals = meeting.participants + [m.entity for m in names_in(doc.title or "", a.people)]
            if seat := envoys_seat(principals, a.posts):
                meeting.place = seat
                meeting.rules.append("place-of-envoys-post")
    a.meeting = meeting
    a.meetings = _with_encounters(meeting, find_encounters(body, a.speech, a.mentions, a.author, doc.date, a.written_at),
                                  authority, a.author)
    a.meetings += _reported_meetings(find_body_meetings(body, a.speech, doc.date, a.written_at), a.meetings, authority)
    a.meetings += _others_meetings(find_reported_meetings(body, a.speech, a.mentions, a.author, doc.date, a.written_at),
                                   a.meetings, authority)


def _listed_as_read(doc: SourceDocument, a: Annotated) -> SourceDocument:
    """The document with its participants list as the text reads it (`markup.listed_agreed`)."""
    kept = listed_agreed(doc, a.disagreements, [(b.start, b.end) for b in a.layout.participants])
    return doc if kept == doc.participants else replace(doc, participants=kept)


def posts_in_context(a: Annotated) -> None:
    """What the meeting and the record's side add to the posts: delegations, accreditation, the publisher's state."""
    if a.meeting:
        a.posts = _listed_posts(a.posts, a.meeting.listed, a.authority, a.gazetteer, a.year)
        # "The Deputy Secretary of Defense" in the list: its holder that day held the office.
        a.posts += office_posts([(p.person, p.office, None) for p in a.meeting.listed if p.office], a.posts, a.offices,
                                a.perspective, "participants-list")
        a.posts = [_accredit_where_met(p, a.meeting.place, a.meeting.participants, a.authority, a.year) for p in a.posts]
    if a.author and a.written_at:  # an envoy writes from the post: the author's embassy is where the record was written
        a.posts = [_accredit_where_met(p, a.written_at, [a.author], a.authority, a.year) if p.holder == a.author else p
                   for p in a.posts]
    if a.perspective and a.written_at:  # "our Ambassador" in a record written at an embassy abroad is the envoy there
        a.posts = [_accredit_where_met(p, a.written_at, [p.holder], a.authority, a.year) if p.of == a.perspective else p
                   for p in a.posts]
    if a.perspective:
        a.posts = [_own_state(p, a.perspective, a.listed) for p in a.posts]
    a.posts = [p for p in a.posts if p.of]  # a title alone ("Ambassador X") says no post; the person keeps it as a label


def attribution(a: Annotated) -> None:
    """Who says what: every sentence's speaker, and the positions the statements take."""
    doc = a.doc
    own_voice = a.author if a.voice == AUTHOR else None
    ctx = build_context(doc.body, a.mentions, a.people, a.posts, a.meetings[0] if a.meetings else None, a.author, a.authority,
                        a.layout.heading, a.written_at, a.year, a.perspective, own_voice=own_voice,
                        unnamed=f"unnamed:{doc.doc_id}:participant")
    ctx.participants = list(dict.fromkeys(p for m in a.meetings for p in m.participants))
    a.positions = find_positions(ctx, a.speech)
    a.turns = tuple(TurnFact(t.label, t.start, t.end, who) for t, who in speaker_turns(ctx, a.speech))
    a.default_speaker = own_voice
    a.positions += note_positions(doc, a.mentions, a.people, a.posts, a.meeting, a.authority, a.year, a.perspective)
    if any(ctx.unnamed in (p.speaker, p.reported_by) for p in a.positions):
        a.unnamed.append(PersonFact(key=ctx.unnamed, label="unnamed participant", unnamed=True,
                                    description="a participant whom the record does not name"))


def participation(a: Annotated) -> None:
    """Whoever speaks first-hand at a meeting took part in it; a meeting needs two people unless its own record
    attests it."""
    persons = {p.ref for p in a.people}
    for pos in a.positions:
        if a.doc.note_at(pos.span.start):
            continue  # a note tells of other occasions than the record's
        entity = a.authority.entities.get(pos.speaker)
        is_person = pos.speaker in persons or entity is not None and entity.kind == "person"
        at = meeting_at(a.meetings, pos.span.start)
        if at is not None and pos.reported_by is None and is_person and pos.speaker not in at.participants:
            at.participants.append(pos.speaker)
    a.meetings = [m for m in a.meetings if len(m.participants) >= 2 or (a.recorded and m is a.meeting) or m.reported]


# The layers an annotated document starts with.
BASE = frozenset({"doc", "authority", "use_markup", "gazetteer", "year", "perspective"})
_PARAGRAPHS = ("paragraphs", "note_paragraphs")  # what `paragraph_of` reads

# The components, in order, each with the layers it reads, adds and revises (checked when the module is loaded; a
# test runs them on the corpus and checks that each writes only what it declares).
COMPONENTS: list[Component[Annotated]] = [
    component("segmentation", segmentation, reads={"doc"},
              adds={"paragraphs", "text", "note_paragraphs", "voice", "layout", "speech"}, required=True),
    component("entities", entities, reads={"authority", "doc", "gazetteer", "perspective", "text", "use_markup", "year", *_PARAGRAPHS},
              adds={"disagreements", "entity_mentions", "institutions", "listed", "offices", "title_mentions"}, required=True),
    component("persons", persons, reads={"authority", "disagreements", "doc", "entity_mentions", "listed", "offices", "speech", "text",
                                         "title_mentions", "use_markup", *_PARAGRAPHS},
              adds={"lists", "mentions", "people", "translator"}),
    component("occasions", occasions_made, reads={"text", "mentions", "people", "doc", *_PARAGRAPHS},
              adds=(), revises={"institutions", "mentions"}),
    component("posts", posts, reads={"authority", "doc", "lists", "offices", "people", "perspective", "text", "title_mentions", "year",
                                     "mentions", *_PARAGRAPHS},
              adds={"posts", "unnamed"}, revises={"mentions"}),
    component("authorship", authorship, reads={"authority", "doc", "layout", "listed", "offices", "posts", "title_mentions", "voice",
                                               "people", "mentions", "unnamed"},
              adds={"addressee", "author", "author_why", "written_at"}, revises={"mentions", "people", "unnamed"}),
    component("meetings", meetings, reads={"author", "authority", "disagreements", "doc", "layout", "lists", "mentions", "offices",
                                           "people", "perspective", "posts", "speech", "use_markup", "voice", "written_at", "year"},
              adds={"meeting", "meetings", "recorded"}),
    component("posts in context", posts_in_context, reads={"author", "authority", "gazetteer", "listed", "meeting", "offices",
                                                           "perspective", "written_at", "year", "posts"},
              adds=(), revises={"posts"}),
    component("attribution", attribution, reads={"author", "authority", "doc", "layout", "meeting", "meetings", "mentions", "people",
                                                 "perspective", "posts", "speech", "unnamed", "voice", "written_at", "year"},
              adds={"default_speaker", "positions", "turns"}, revises={"unnamed"}),
    component("participation", participation, reads={"authority", "doc", "meeting", "people", "positions", "recorded", "meetings"},
              adds=(), revises={"meetings", "meeting"}),  # a first-hand speaker joins the record's own meeting too
]
check(COMPONENTS, BASE)


def extract(doc: SourceDocument, authority: Authority | None = None, use_markup: bool = True,
            skip: Sequence[str] = ()) -> DocumentFacts:
    """Everything cwkg reads in one document. `use_markup=False` ignores the publisher's markup
    (persName spans, participants list) and reads the plain text only, as for evaluation; `skip` names
    components to leave out (their layers stay empty), to see what each contributes."""
    authority = authority or default_authority()
    run = without(COMPONENTS, skip) if skip else COMPONENTS
    a = Annotated(doc, authority, use_markup, _gazetteer(authority), year=doc.date.year if doc.date else None,
                  perspective=authority.resolve_label(doc.perspective, ("state",)) if doc.perspective else None)
    for c in run:
        c.run(a)
    named = {p.ref for p in a.people}
    # An office holder the people database names who is referred to only through a list or a meeting is a person too.
    outside = [PersonFact(key=h.key, label=h.name, aliases=set(h.spellings)) for h in a.offices.outside.values() if h.key not in named]
    return DocumentFacts(
        document=doc, persons=a.people + outside + a.unnamed, posts=a.posts, meetings=a.meetings, mentions=a.mentions,
        positions=a.positions, author=a.author, translator=a.translator,
        translated_for=_resolve_label(authority, doc.citation.translated_for), written_at=a.written_at,
        voice=VoiceFact(a.author, a.author_why, a.addressee, a.default_speaker, a.turns), entities=a.institutions,
    )


def _signed_by_author(people: list[PersonFact], mentions: list, author: str | None,
                      listed: dict[str, PersonFact]) -> tuple[list[PersonFact], list]:
    """A one-word signature ("Dean") that is a word of the known author's name is the author signing."""
    by_ref = {p.ref: p for p in people}
    known = by_ref.get(author) or listed.get(author)
    if known is None:
        return people, mentions
    words = {w for a in known.aliases | {known.label} for w in a.split()}
    signers = {m.entity for m in mentions if m.kind == "person" and m.rule == "signature"}
    mentioned = {m.entity for m in mentions}
    merged = {p.ref for p in people if p.ref in signers and p.ref != author and len(p.aliases) == 1
              and len(p.label.split()) == 1 and p.label in words
              and all(m.rule == "signature" for m in mentions if m.entity == p.ref)}
    # The surname a source note gives the drafter ("Drafted by Kowal"), never named in the text: the author too.
    merged |= {p.ref for p in people if p.ref.startswith("provisional:") and p.ref not in mentioned
               and len(p.label.split()) == 1 and p.label in words}
    for p in people:
        if p.ref in merged and author in by_ref:
            by_ref[author].aliases.add(p.label)
    mentions = [replace(m, entity=author) if m.entity in merged else m for m in mentions]
    return [p for p in people if p.ref not in merged], mentions


def _with_encounters(meeting: MeetingFact | None, encounters: list[Encounter], authority: Authority,
                     author: str | None) -> list[MeetingFact]:
    """The record's own meeting and each further encounter its text tells of, each spanning its part of the text."""
    meetings = [meeting] if meeting else []
    for e in encounters:
        if meeting is not None and (e.sentence.start < meeting.span.end or set(e.others) <= set(meeting.participants)
                                    and len(meetings) == 1 and e.day == meeting.date):
            continue  # the opening tells of the record's own meeting
        kind = next((k.iri for k in authority.meeting_kinds if k.label == e.kind), None)
        participants = list(dict.fromkeys(([author] if author else []) + list(e.others)))
        meetings.append(MeetingFact(kind, e.day, e.place, None, e.host, participants,
                                    Span(e.sentence.start, e.sentence.end, e.sentence.text), [f"encounter-{e.kind}"]))
    return sorted(meetings, key=lambda m: m.span.start)


def _reported_meetings(found: list[Encounter], meetings: list[MeetingFact], authority: Authority) -> list[MeetingFact]:
    """Meetings of bodies the text tells of in passing, each once, and none that is the record's own (same day)."""
    kind = next((k.iri for k in authority.meeting_kinds if k.label == "meeting"), None)
    taken = {m.date for m in meetings if m.date}
    out: list[MeetingFact] = []
    for e in found:
        if e.day in taken:
            continue
        taken.add(e.day)
        out.append(MeetingFact(kind, e.day, None, None, None, [], Span(e.sentence.start, e.sentence.end, e.sentence.text),
                               ["reported-body-meeting"], reported=True))
    return out


def _others_meetings(found: list[Encounter], meetings: list[MeetingFact], authority: Authority) -> list[MeetingFact]:
    """Meetings of others the text tells of with their day, each once, none that is already a meeting of the record
    (the same day and people)."""
    out: list[MeetingFact] = []
    for e in found:
        if any(m.date == e.day and set(e.others) <= set(m.participants) for m in meetings + out):
            continue
        kind = next((k.iri for k in authority.meeting_kinds if k.label == e.kind), None)
        out.append(MeetingFact(kind, e.day, e.place, None, None, list(e.others), Span(e.sentence.start, e.sentence.end, e.sentence.text),
                               [f"reported-{e.kind}"], reported=True))
    return out


def _drafter(doc: SourceDocument, people: list[PersonFact], listed: dict[str, PersonFact], authority: Authority,
             offices: Offices | None) -> str | None:
    """The person a source note says drafted the record ("Drafted by X"): X among the record's persons, else among
    the volume's list of persons, if the surname names exactly one. Namesakes are told apart by the initials the
    record is signed with ("ND"), then by who the lists place at home, in office, on the record's date: a drafter
    writes where the record was written, not from an embassy abroad."""
    if not doc.source_note:
        return None
    m = re.search(r"\bDrafted by ([A-Z][\w.'’ -]+?)(?:\s+(?:and|on|in)\b|[.;,])", doc.source_note)
    if not m:
        return None
    surname = authority.name_key(m.group(1).split()[-1])
    named = [p for p in people if not p.ref.startswith("provisional:")]
    provisional = [p for p in people if p.ref.startswith("provisional:")]
    for pool in (named, list(listed.values()), provisional):
        found = {p.ref: p for p in pool if not p.unnamed and any(authority.name_key(a.split()[-1]) == surname for a in p.aliases | {p.label})}
        if len(found) > 1:
            found = _namesake_drafter(found, doc, offices)
        if found:
            return next(iter(found)) if len(found) == 1 else None
    return None


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s,]+", name) if w and w.rstrip(".") not in ("Jr", "Sr", "II", "III")]
    if "," in name:  # "Smith, John": given names after the comma
        surname, _, given = name.partition(",")
        words = [w for w in given.split() if w.rstrip(".") not in ("Jr", "Sr")] + [surname.strip()]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _namesake_drafter(found: dict[str, PersonFact], doc: SourceDocument, offices: Offices | None) -> dict[str, PersonFact]:
    signed = re.search(r"(?:^|\n)\s*\[?([A-Z]{2,4})\]?\s*$", doc.body.rstrip())
    if signed:
        by_initials = {ref: p for ref, p in found.items() if signed.group(1) in {_initials(n) for n in p.aliases | {p.label}}}
        found = by_initials or found
    if len(found) > 1 and offices is not None:
        at_home = {ref: p for ref, p in found.items() if offices.serving(ref, doc.date) == "home"}
        found = at_home or found
    return found


def _named_after(mentions: list[Mention], people: list[PersonFact], text: str) -> list[Mention]:
    """The person a body or an event is named after ("the X Committee", "the X Doctrine"), where the record names
    that person elsewhere: a mention of the person inside the organisation's or event's name."""
    names = {n: p.ref for p in people if not p.unnamed for n in {p.label, *p.aliases} if len(n) > 2}
    out = []
    for m in mentions:
        if m.kind not in ("organization", "event"):
            continue
        for name, ref in names.items():
            at = text.find(name, m.span.start, m.span.end)
            if at >= 0 and re.match(r"\W", text[at + len(name):at + len(name) + 1] or " ") and (at == m.span.start or not text[at - 1].isalnum()):
                out.append(Mention(ref, "person", Span(at, at + len(name), name), "name", m.paragraph, "named-after"))
                break
    return out


def _without_overlaps(preferred: list, others: list) -> list:
    """`preferred` mentions, plus those of `others` that overlap none of them (looked up in `spans.Taken`, not
    compared with each preferred mention, which grew with the square of a page of many names)."""
    taken = Taken((m.span.start, m.span.end) for m in preferred)
    return preferred + [m for m in others if not taken.overlaps(m.span.start, m.span.end)]


def _listed_posts(posts: list[PostFact], listed: list[Participation], authority: Authority, gazetteer: Gazetteer,
                  year: int | None) -> list[PostFact]:
    """What a participants list says of each participant: a post of their delegation's state ("Ambassador X" in the
    German delegation is Germany's ambassador), and the office its description names ("Chairman of the Christian
    Social Union")."""
    delegation = {p.person: p.delegation for p in listed if p.delegation}
    for post in posts:
        if post.of is None and post.holder in delegation:
            post.of = delegation[post.holder]
    held = {(p.holder, p.of) for p in posts}
    for p in listed:
        if not p.description:
            continue
        found = _described_posts(p, p.description, authority, gazetteer, year)
        if not any(f.role for f in found) and "," in p.description:
            # "<party office>, <state> State Council Premier": each office the description lists, apart.
            found = [f for part in p.description.split(",") for f in _described_posts(p, part.strip(), authority, gazetteer, year)
                     if f.role] or found
        posts += [f for f in found if f.of and (f.holder, f.of) not in held or f.role is None]
    return posts


def _described_posts(p: Participation, text: str, authority: Authority, gazetteer: Gazetteer, year: int | None) -> list[PostFact]:
    """The posts a list's description of a person states: by the role scheme, else an office by its title."""
    text = office_first(text, authority.roles)
    mentions = gazetteer.find(text, year)
    found, _ = find_posts(f"X, {text}", authority, [Mention(p.person, "person", Span(0, 1, "X"), "name", 1, "listed"),
                                                    *[replace(m, span=Span(m.span.start + 3, m.span.end + 3, m.span.text)) for m in mentions]],
                          [], year, "listed")
    found = [f for f in found if f.holder == p.person]
    named = next((m.entity for m in mentions if m.kind in ("state", "party")), None)
    for f in found:
        f.of = f.of or named or p.delegation  # "People's Republic of China State Council Premier", "RCP CC secretary"
        f.rule, f.span, f.title = "participants-list", None, p.description
    if not found and (office := office_post(p.person, text, 0, mentions)):
        # Only an office of a body the description names: "Chairman" alone is the person's part in the meeting.
        office.of = office.of or next((m.entity for m in mentions if m.kind in ("party", "organization", "state")), None)
        if office.of:
            office.rule, office.confidence = "participants-list", 0.8
            found = [office]
    return found


def _own_state(post: PostFact, perspective: str, listed: dict[str, PersonFact]) -> PostFact:
    """In a state's own record, a post with no state named ("Ambassador to Poland") is that state's."""
    if post.of is None and (post.to or post.city) and post.holder in listed and post.to != perspective:
        post.of = perspective
    return post


def _accredit_where_met(post: PostFact, place: str | None, participants: list[str], authority: Authority,
                        year: int | None) -> PostFact:
    """An ambassador met in a foreign capital, or writing from one, is taken as accredited there (a weaker rule)."""
    role = next((r for r in authority.roles if r.iri == post.role), None)
    if not role or not role.ambassadorial or post.to or post.city or not place or post.holder not in participants:
        return post
    state = authority.capital_state(place, year)
    if state is None or state == post.of:
        return post
    return PostFact(post.holder, post.role, post.of, state, place, post.span, post.rule + "+accredited-where-met", min(post.confidence, 0.6))


def _person_named(authority: Authority, people: list[PersonFact], name: str | None) -> str | None:
    if not name:
        return None
    key = authority.name_key(name)
    for p in people:
        if any(authority.name_key(a) == key for a in p.aliases | {p.label}):
            return p.ref
    return None


def _resolve_label(authority: Authority, label: str | None) -> str | None:
    """An organization named in a citation ("NKIDP") as its authority IRI, else the name as given."""
    if not label:
        return None
    return authority.resolve_label(label, ("organization", "state", "party")) or label


def extract_volume(record: VolumeRecord, authority: Authority | None = None, perspective: str | None = "United States"):
    """A volume's persons (with their posts and authority links)."""
    authority = authority or default_authority()
    state = authority.resolve_label(perspective, ("state",)) if perspective else None
    return volume_people(record.volume, record.persons, authority, _gazetteer(authority), state, None)
