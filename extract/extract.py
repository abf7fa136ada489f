"""SourceDocument -> DocumentFacts: the whole extraction for one document."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .authority import Authority, default_authority
from .facts import DocumentFacts, MeetingFact, Mention, Participation, PersonFact, PostFact, Span, meeting_at
from .encounters import Encounter, find_encounters
from .kinds import AUTHOR, RECORD, voice
from .offices import Offices
from .meeting import find_author, find_meeting, find_written_at, layout
from .mentions import Gazetteer
from .persons import Candidate, find_candidates, group_people, listed_candidates, signature_candidates
from .positions import build_context, find_positions
from .posts import find_posts
from .markup import marked_candidates, marked_persons
from .participants import from_markup, from_text
from .volume import find_volume_persons, office_title, volume_people
from cwkg.loaders.source import SourceDocument, VolumeRecord
from .text import fold, paragraphs


@lru_cache(maxsize=4)
def _gazetteer(authority: Authority) -> Gazetteer:
    return Gazetteer(authority)


def extract(doc: SourceDocument, authority: Authority | None = None, use_markup: bool = True) -> DocumentFacts:
    """Everything cwkg reads in one document. `use_markup=False` ignores the publisher's markup
    (persName spans, participants list) and reads the plain text only, as for evaluation."""
    authority = authority or default_authority()
    gazetteer = _gazetteer(authority)
    year = doc.date.year if doc.date else None
    body = doc.body
    paras = paragraphs(body)
    paragraph_of = lambda offset: next((i + 1 for i, p in enumerate(paras) if p.start <= offset < p.end), 0)
    perspective = authority.resolve_label(doc.perspective, ("state",)) if doc.perspective else None
    entity_mentions = gazetteer.find(body, year)
    listed: dict[str, PersonFact] = {}
    volume_posts: list[PostFact] = []
    if doc.people and doc.volume:
        persons, volume_posts = volume_people(doc.volume, doc.people, authority, gazetteer, perspective, year)
        listed = {p.key: p for p in persons}
        found = marked_persons(doc, paragraph_of) if use_markup else []
        found = _without_overlaps(found, find_volume_persons(body, doc.volume, doc.people, entity_mentions, paragraph_of))
        entity_mentions = _without_overlaps(found, entity_mentions)
    offices = Offices(volume_posts, authority)
    if perspective:
        # "The Vice President noted ...": an office named alone is its holder that day.
        entity_mentions = _without_overlaps(entity_mentions, offices.mentions(body, entity_mentions, doc.date, perspective, paragraph_of))
    role_words = [label for role in authority.roles for label in role.labels]
    given = authority.given_names | frozenset(
        t for p in doc.people for t in p.name.split()[:1] if re.fullmatch(r"[A-Z][a-z]{2,}", t))
    body_candidates = find_candidates(body, role_words, entity_mentions, given_names=given)
    body_candidates += signature_candidates(body, entity_mentions)
    body_candidates += [c for c in listed_candidates(body, entity_mentions)
                        if not any(b.span and b.span.start < c.span.end and c.span.start < b.span.end for b in body_candidates)]
    if use_markup:
        body_candidates = marked_candidates(doc, entity_mentions) + body_candidates
    other = find_candidates(doc.title, role_words, [], offsets=False)
    other += find_candidates(doc.description or "", role_words, [], offsets=False)
    translator_name = doc.citation.translator
    if translator_name:
        other.append(Candidate(translator_name, None, "citation-translator"))
    people, person_mentions = group_people(authority, body_candidates, other, entity_mentions, body, listed, scope=doc.doc_id)
    mentions = sorted(entity_mentions + person_mentions, key=lambda m: (m.span.start, m.span.end))
    posts, unnamed = find_posts(body, authority, mentions, people, year, doc.doc_id)
    parts = layout(body, doc.title)
    written_at = find_written_at(parts, mentions)
    author = find_author(body, parts, mentions) or _drafter(doc, people, listed, authority)
    people, mentions = _signed_by_author(people, mentions, author)
    if author is None and parts.opening and re.search(r"\b(?:I|me)\b", parts.opening.text):
        # Someone says "I" but never names themselves: the record's author, unnamed, is still a person.
        anonymous = PersonFact(key=f"unnamed:{doc.doc_id}:author", label="unnamed (author of the record)", unnamed=True,
                               description="author of the record")
        unnamed.append(anonymous)
        author = anonymous.ref
    recorded = voice(doc.title, doc.kind) == RECORD and doc.kind not in ("editorial note",)
    meeting = find_meeting(body, parts, doc.date, authority, mentions, author, written_at, recorded=recorded)
    if meeting:
        listed_participants = (from_markup(doc, mentions, authority, perspective, year, offices) if use_markup and doc.participants
                               else from_text(body, parts, mentions, authority, perspective, year, offices, doc.date))
        if listed_participants:
            meeting.listed = listed_participants
            meeting.participants = list(dict.fromkeys([p.person for p in listed_participants] + meeting.participants))
            meeting.rules.append("participants-list")
        meeting.topics = list(dict.fromkeys(m.entity for b in parts.subjects for m in mentions if b.start <= m.span.start < b.end))
        posts = _listed_posts(posts, meeting.listed, authority, gazetteer, year)
        posts = [_accredit_where_met(p, meeting.place, meeting.participants, authority, year) for p in posts]
    if perspective:
        posts = [_own_state(p, perspective, listed) for p in posts]
    posts = [p for p in posts if p.of]  # a title alone ("Ambassador X") says no post; the person keeps it as a label
    translator = _person_named(authority, people, translator_name)
    own_voice = author if voice(doc.title, doc.kind) == AUTHOR else None
    labelled = lambda p: bool(parts.labels) and not re.sub(
        "|".join(re.escape(b.text) for b in parts.labels), "", p.text).strip()  # a block of "Place:"/"Present:" lines only
    speech = [p for p in paras if p not in (parts.dateline, parts.heading, *parts.subjects, *parts.participants) and not labelled(p)]
    meetings = _with_encounters(meeting, find_encounters(body, speech, mentions, author, doc.date, written_at), authority, author)
    ctx = build_context(body, mentions, people, posts, meetings[0] if meetings else None, author, authority, parts.heading,
                        written_at, year, perspective, own_voice=own_voice, unnamed=f"unnamed:{doc.doc_id}:participant")
    ctx.participants = list(dict.fromkeys(p for m in meetings for p in m.participants))
    positions = find_positions(ctx, speech)
    if any(ctx.unnamed in (p.speaker, p.reported_by) for p in positions):
        unnamed.append(PersonFact(key=ctx.unnamed, label="unnamed participant", unnamed=True,
                                  description="a participant whom the record does not name"))
    # Whoever speaks first-hand in the record of a meeting took part in it.
    persons = {p.ref for p in people}
    for pos in positions:
        is_person = pos.speaker in persons or authority.entities.get(pos.speaker, None) is not None and authority.entities[pos.speaker].kind == "person"
        at = meeting_at(meetings, pos.span.start)
        if at is not None and pos.reported_by is None and is_person and pos.speaker not in at.participants:
            at.participants.append(pos.speaker)
    # A meeting needs two people, unless its own record attests it; else the record stays a document.
    meetings = [m for m in meetings if len(m.participants) >= 2 or (recorded and m is meeting)]
    return DocumentFacts(
        document=doc,
        persons=people + unnamed,
        posts=posts,
        meetings=meetings,
        mentions=mentions,
        positions=positions,
        author=author,
        translator=translator,
        translated_for=_resolve_label(authority, doc.citation.translated_for),
        written_at=written_at,
    )


def _signed_by_author(people: list[PersonFact], mentions: list, author: str | None) -> tuple[list[PersonFact], list]:
    """A one-word signature ("Dean") that is a word of the known author's name is the author signing."""
    by_ref = {p.ref: p for p in people}
    if author not in by_ref:
        return people, mentions
    words = {w for a in by_ref[author].aliases | {by_ref[author].label} for w in a.split()}
    signers = {m.entity for m in mentions if m.kind == "person" and m.rule == "signature"}
    merged = {p.ref for p in people if p.ref in signers and p.ref != author and len(p.aliases) == 1
              and len(p.label.split()) == 1 and p.label in words
              and all(m.rule == "signature" for m in mentions if m.entity == p.ref)}
    for p in people:
        if p.ref in merged:
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


def _drafter(doc: SourceDocument, people: list[PersonFact], listed: dict[str, PersonFact], authority: Authority) -> str | None:
    """The person a source note says drafted the record ("Drafted by X"): X among the record's persons,
    else among the volume's list of persons, if the surname names exactly one."""
    if not doc.source_note:
        return None
    m = re.search(r"\bDrafted by ([A-Z][\w.'’ -]+?)(?:\s+(?:and|on|in)\b|[.;,])", doc.source_note)
    if not m:
        return None
    surname = authority.name_key(m.group(1).split()[-1])
    for pool in (people, list(listed.values())):
        found = {p.ref for p in pool if not p.unnamed and any(authority.name_key(a.split()[-1]) == surname for a in p.aliases | {p.label})}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def _without_overlaps(preferred: list, others: list) -> list:
    """`preferred` mentions, plus those of `others` that overlap none of them."""
    taken = [(m.span.start, m.span.end) for m in preferred]
    return preferred + [m for m in others if not any(s < m.span.end and m.span.start < e for s, e in taken)]


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
        text = f"{p.description}"
        mentions = gazetteer.find(text, year)
        found, _ = find_posts(f"X, {text}", authority, [Mention(p.person, "person", Span(0, 1, "X"), "name", 1, "listed"),
                                                        *[replace(m, span=Span(m.span.start + 3, m.span.end + 3, m.span.text)) for m in mentions]],
                              [], year, "listed")
        found = [f for f in found if f.holder == p.person]
        for f in found:
            f.of = f.of or p.delegation
            f.rule, f.span, f.title = "participants-list", None, p.description
        if not found and (title := office_title(text)):
            # Only an office of a body the description names: "Chairman" alone is the person's part in the meeting.
            body = next((m.entity for m in mentions if m.kind in ("party", "organization")), None) or \
                next((m.entity for m in mentions if m.kind == "state"), None)
            if body:
                found = [PostFact(p.person, None, of=body, title=title, rule="participants-list", confidence=0.8)]
        posts += [f for f in found if f.of and (f.holder, f.of) not in held or f.role is None]
    return posts


def _own_state(post: PostFact, perspective: str, listed: dict[str, PersonFact]) -> PostFact:
    """In a state's own record, a post with no state named ("Ambassador to Poland") is that state's."""
    if post.of is None and (post.to or post.city) and post.holder in listed and post.to != perspective:
        post.of = perspective
    return post


def _accredit_where_met(post: PostFact, place: str | None, participants: list[str], authority: Authority,
                        year: int | None) -> PostFact:
    """An ambassador met in a foreign capital is taken as accredited there (a weaker rule)."""
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
