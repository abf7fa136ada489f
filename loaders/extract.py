"""SourceDocument -> DocumentFacts: the whole extraction for one document."""

from __future__ import annotations

from functools import lru_cache

from .authority import Authority, default_authority
from .facts import DocumentFacts, PersonFact, PostFact
from .meeting import find_author, find_meeting, find_written_at, layout
from .mentions import Gazetteer
from .persons import Candidate, find_candidates, group_people
from .positions import build_context, find_positions
from .posts import find_posts
from .source import SourceDocument
from .text import fold, paragraphs


@lru_cache(maxsize=4)
def _gazetteer(authority: Authority) -> Gazetteer:
    return Gazetteer(authority)


def extract(doc: SourceDocument, authority: Authority | None = None) -> DocumentFacts:
    authority = authority or default_authority()
    gazetteer = _gazetteer(authority)
    year = doc.date.year if doc.date else None
    body = doc.body
    entity_mentions = gazetteer.find(body, year)
    role_words = [label for role in authority.roles for label in role.labels]
    body_candidates = find_candidates(body, role_words, entity_mentions)
    other = find_candidates(doc.title, role_words, [], offsets=False)
    other += find_candidates(doc.description or "", role_words, [], offsets=False)
    translator_name = doc.citation.translator
    if translator_name:
        other.append(Candidate(translator_name, None, "citation-translator"))
    people, person_mentions = group_people(authority, body_candidates, other, entity_mentions, body)
    mentions = sorted(entity_mentions + person_mentions, key=lambda m: (m.span.start, m.span.end))
    posts, unnamed = find_posts(body, authority, mentions, people, year, doc.doc_id)
    parts = layout(body, doc.title)
    written_at = find_written_at(parts, mentions)
    author = find_author(body, parts, mentions)
    meeting = find_meeting(body, parts, doc.date, authority, mentions, author, written_at)
    if meeting:
        posts = [_accredit_where_met(p, meeting.place, meeting.participants, authority, year) for p in posts]
    translator = _person_named(authority, people, translator_name)
    ctx = build_context(body, mentions, people, posts, meeting, author, authority, parts.heading, written_at, year)
    speech = [p for p in paragraphs(body) if p not in (parts.dateline, parts.heading)]
    positions = find_positions(ctx, speech)
    if meeting:
        # Whoever speaks first-hand in the record of a meeting took part in it.
        persons = {p.ref for p in people}
        for pos in positions:
            is_person = pos.speaker in persons or authority.entities.get(pos.speaker, None) is not None and authority.entities[pos.speaker].kind == "person"
            if pos.reported_by is None and is_person and pos.speaker not in meeting.participants:
                meeting.participants.append(pos.speaker)
    return DocumentFacts(
        document=doc,
        persons=people + unnamed,
        posts=posts,
        meetings=[meeting] if meeting else [],
        mentions=mentions,
        positions=positions,
        author=author,
        translator=translator,
        translated_for=_resolve_label(authority, doc.citation.translated_for),
        written_at=written_at,
    )


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
    """An organization named in a citation ("NKIDP") as its authority IRI, if known."""
    if not label:
        return None
    aliases = authority.by_alias().get(fold(label.strip()), [])
    iris = {a.iri for a in aliases}
    return iris.pop() if len(iris) == 1 else label
