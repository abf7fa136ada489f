"""Posts from the phrases that state them.

"X, Ambassador of Czechoslovakia to Moscow", "Ambassador of the DPRK Comrade X",
"the Soviet Ambassador to North Korea", "the Romanian ambassador": a role word from the
ontology's roles, the state represented ("of S" or an adjective before the role), the
state or city accredited to ("to/in S|C") and the holder (a name just before, after a
comma, or just after). A post with no named holder still gets an unnamed person.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from cwkg.lang import title_words
from .authority import Authority, Role
from cwkg.records.facts import Mention, PersonFact, PostFact, Span
from cwkg.lang.text import fold, whole_word_starts

# The patterns below are matched at an offset of the whole text (`pattern.match(text, pos, endpos)`), never on a copy
# of the text from that offset: copying the rest of a long page for every role word made reading posts grow with
# the square of the page. Anchored by `match`/`fullmatch`, they need no "^" or "$".
_HOLDER_BEFORE = re.compile(r"(?:\s*\[[^\]]{1,60}\])?\s*[,(]\s*(?:the\s+)?")  # fullmatched: the gap from a name to its post
_HONORIFIC = title_words.alternation("honorific")  # "Comrade", "Mr." between a post or title and the name
_HOLDER_AFTER = re.compile(rf"\s*[,\]]?\s*(?:(?:{_HONORIFIC})\s+)?(?:[A-Z]\.\s?){{0,3}}")  # fullmatched: from a post to its name
# At most this many characters other than white space stand in a gap either pattern fullmatches (a bracket of 60,
# its brackets, a comma and "the"; a comma or bracket, "Comrade" and initials the name mention leaves out), so a name
# farther than that is never its holder.
_BEFORE_SPAN, _AFTER_SPAN = 66, 14
_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_TO = re.compile(r"\s+(?:to|in|at)\s+(?:the\s+)?")
_EMBASSY = re.compile(r"(?:\s*\[[^\]]{1,60}\])?\s+(?:embassy|legation|consulate|mission)(?=\s+(?:to|in|at)\s)", re.I)
_GLOSSED = re.compile(r"[A-Z][A-Za-z]{1,7}\s*\[\s*")  # an abbreviation and the opening of its gloss
_GLOSS_END = re.compile(r"(?:\s*\])?")
_DESIGNATE = re.compile(r"[ -]Designate\b|'s\b", re.I)
_TITLE_GAP = re.compile(rf"\s+(?:(?:{_HONORIFIC})\s+)?")  # fullmatched: from a title to the name it goes before
_POSSESSIVE = re.compile(r"['’]s\s+$")
_MINISTER_TO = re.compile(r"\s+to\b")
_NONSPACE_RUN = {n: re.compile(rf"\s*(?:\S\s*){{0,{n}}}") for n in (_BEFORE_SPAN, _AFTER_SPAN)}
# A qualifier of the titles lexicon before a role makes another office ("Deputy Prime Minister"), but "Acting", whose
# holder does hold the post for the time; so does a post held before or not yet ("former", "designate").
_NOT_THE_ROLE = re.compile(
    rf"(?:\b(?:{'|'.join(w for w in sorted(title_words.words('qualifier')) if w != 'Acting')}|Former|Designate)[ -]"
    r"|\b(?:to|of|for) the )$", re.I)


def _role_pattern(roles: list[Role]) -> tuple[re.Pattern[str], dict[str, Role]]:
    return _role_pattern_of(tuple(roles))


@lru_cache(maxsize=8)
def _role_pattern_of(roles: tuple[Role, ...]) -> tuple[re.Pattern[str], dict[str, Role]]:
    """Built once for a set of roles, not for every record."""
    by_label = {fold(label).lower(): role for role in roles for label in role.labels}
    # Any run of white space between the words: a state named inside the office is blanked out (`_state_inside`).
    alternation = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in sorted(by_label, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE), by_label


_OF_THE_BEFORE = re.compile(r"\bof\s+the\s+$")
_BODY_AFTER = re.compile(r"\s+[A-Z]")


def _state_inside(folded: str, mentions: list[Mention]) -> tuple[str, dict[int, str]]:
    """The text with each state named inside an office's wording blanked out ("First Deputy Chairman of the Ruritanian
    Council of Ministers" reads as the office "First Deputy Chairman of the Council of Ministers" of Ruritania), and
    where each blanked state began. English puts the state either after the office ("of Ruritania") or, as here,
    before the body that the office heads."""
    chars, inside = list(folded), {}
    for m in mentions:
        if (m.kind == "state" and _OF_THE_BEFORE.search(folded, max(0, m.span.start - 8), m.span.start)
                and _BODY_AFTER.match(folded, m.span.end)):
            chars[m.span.start:m.span.end] = " " * (m.span.end - m.span.start)
            inside[m.span.start] = m.entity
    return "".join(chars), inside


def office_first(text: str, roles: list[Role]) -> str:
    """A description in a translation's word order, the body before its office ("Ruritanian Council of Ministers
    President", "State Council Vice Premier"), put in the order the roles' names have ("President of the Council of
    Ministers"): whatever stands before the body (the state) stays where it is."""
    folded = fold(text).lower().rstrip(" .;")
    for label in sorted({label for role in roles for label in role.labels if " of the " in label}, key=len, reverse=True):
        head, body = label.split(" of the ", 1)
        if folded.endswith(f"{body} {head}".lower()) and (len(folded) == len(body) + len(head) + 1
                                                          or not folded[-len(body) - len(head) - 2].isalnum()):
            cut = len(folded) - len(body) - len(head) - 1
            return f"{text[:cut]}{text[cut + len(body) + 1:len(folded)]} of the {text[cut:cut + len(body)]}"
    return text


def _party_office(authority: Authority, title: str) -> Role | None:
    """The party office a diplomatic rank's words name when they are of a party: a party's "First Secretary" or
    "Secretary" is the office the role scheme names "... of the Central Committee" (its leader, one of its
    secretaries), as party usage names the party's offices by its central committee."""
    wanted = f"{' '.join(title.lower().split())} of the central committee"
    return next((r for r in authority.roles if wanted in (label.lower() for label in r.labels)), None)


def find_posts(body: str, authority: Authority, mentions: list[Mention], people: list[PersonFact],
               year: int | None, doc_id: str, lists: list[tuple[int, int]] = ()) -> tuple[list[PostFact], list[PersonFact]]:
    """Posts stated in the body, and the unnamed holders they create. `lists` are the spans of attendance lists,
    where a description follows the name it describes: there a post's holder is the name before it, never the
    next entry's name after it."""
    pattern, by_label = _role_pattern(authority.roles)
    folded = fold(body)
    masked, inside = _state_inside(folded, mentions)
    starts = {m.span.start: m for m in mentions}
    # An end -> the first state or party mention (and its index) ending there: "Soviet Ambassador", "CPSU First Secretary".
    states_ending: dict[int, tuple[int, Mention]] = {}
    for i, m in enumerate(mentions):
        if m.kind in ("state", "party"):
            states_ending.setdefault(m.span.end, (i, m))
    persons = _Persons(sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.span.start))
    posts: list[PostFact] = []
    unnamed: list[PersonFact] = []
    for rm in pattern.finditer(masked):
        role = by_label[" ".join(rm.group(0).lower().split())]
        start, end = rm.start(), rm.end()
        named_inside = next((state for at, state in inside.items() if start < at < end), None)
        if re.search(r"\bin\s+$", folded[max(0, start - 4):start]):
            continue  # "Officer in Charge of Polish Affairs": not a chargé d'affaires
        if _NOT_THE_ROLE.search(folded[max(0, start - 12):start]):
            continue  # "Deputy Prime Minister", "Under Secretary of State": another office
        if _DESIGNATE.match(folded, end):
            continue  # not yet in post, or a possessive ("the President's adviser")
        if re.search(r"\b(?:former|ex-|late|then)\s+(?:\w+\s+)?$", folded[max(0, start - 20):start], re.I):
            continue  # "former GDR Ambassador": a post held before, not at the time of the record
        if rm.group(0).lower() == "minister" and not _MINISTER_TO.match(folded, end):
            continue  # a bare "Minister" is an envoy only as "Minister to <state>"
        of = to = city = None
        # Adjective or state name right before the role: "Soviet Ambassador".
        possessive = _POSSESSIVE.search(folded, max(0, start - 4), start)  # "Ruritania's Ambassador"
        at = start - len(possessive.group(0)) if possessive else start
        before = min((x for x in (states_ending.get(at - 1), states_ending.get(at)) if x), default=(0, None))[1]
        if before:
            of, start = before.entity, before.span.start
        if (m := _OF.match(folded, end)) and (target := _after_of(folded, m.end(), starts)) and target.kind in ("state", "party", "organization"):
            of, end = target.entity, _GLOSS_END.match(folded, target.span.end).end()
        of = of or named_inside
        if of and (m := _EMBASSY.match(folded, end)):
            end = m.end()  # "First Secretary of the Ruritanian [People's Republic] embassy in Strelsau"
        if (m := _TO.match(folded, end)) and (target := starts.get(m.end())):
            if target.kind in ("state", "organization"):
                to, end = target.entity, target.span.end
            elif target.kind == "place":
                city, to, end = target.entity, authority.capital_state(target.entity, year), target.span.end
        if role.diplomatic and of and authority.entities[of].kind == "party":
            role = _party_office(authority, rm.group(0))  # "First Secretary of the Party" leads it: no embassy rank
            if role is None:
                continue
        if to and city is None and role.diplomatic and authority.entities[to].kind == "state":
            city = authority.capital(to)  # an envoy to a state sits in its capital
        in_list = any(lo <= start < hi for lo, hi in lists)
        holder = _holder(body, folded, persons, start, end, pattern, before_only=in_list)
        if holder is None:
            if of is None or in_list:
                continue  # "the Ambassador" alone, or an office in a list's entry: the holder is someone named
            phrase = body[start:end]
            key = f"unnamed:{doc_id}:{start}"
            unnamed.append(PersonFact(key=key, label=f"unnamed ({phrase})", unnamed=True, description=phrase))
            holder = key
        elif of is None and role.diplomatic and not (to or city):
            # "Ambassador X": a title; the post comes from a fuller phrase elsewhere.
            posts.append(PostFact(holder, role.iri, span=Span(start, end, body[start:end]), rule="post-title", confidence=0.5))
            continue
        posts.append(PostFact(holder, role.iri, of, to, city, Span(start, end, body[start:end]), "post-phrase", 0.9))
    return merge_posts(posts), unnamed


def title_posts(title: str, authority: Authority, entity_mentions: list[Mention], people: list[PersonFact],
                year: int | None, doc_id: str) -> list[PostFact]:
    """Posts the record's title states ("Conversation between Soviet Ambassador to Ruritania Pyotr Ivanov and ..."),
    for named holders only: the title is not part of the text, so such a post has no span, and its rule says where
    it was read. `entity_mentions` are the title's states and places, with offsets in the title."""
    found, _ = find_posts(title, authority, sorted(entity_mentions + names_in(title, people), key=lambda m: m.span.start),
                          people, year, doc_id)
    return [replace(p, span=None, rule="post-in-title") for p in found if not p.holder.startswith("unnamed:")]


def names_in(text: str, people: list[PersonFact]) -> list[Mention]:
    """Where the named people's spellings stand in a short text (a title), longest spelling first, none overlapping."""
    folded = fold(text)
    spellings = sorted(((fold(s), p.ref) for p in people if not p.unnamed for s in p.aliases | {p.label} if len(s) > 2),
                       key=lambda x: -len(x[0]))
    out: list[Mention] = []
    for spelling, ref in spellings:
        for start in whole_word_starts(folded, spelling, ignore_case=True):
            end = start + len(spelling)
            if not any(o.span.start < end and start < o.span.end for o in out):
                out.append(Mention(ref, "person", Span(start, end, text[start:end]), "name", 0, "in-title"))
    return out


def unnamed_mentions(unnamed: list[PersonFact], body: str, paragraph_of, same: dict[str, str] | None = None) -> list[Mention]:
    """Each unnamed holder's post phrase ("the Polish chargé d'affaires") as a mention of that person, or of the
    named person `same` says holds that post, so the phrase can be the subject that reports their words."""
    out = []
    same = same or {}
    for person in unnamed:
        start = person.key.rsplit(":", 1)[-1]
        if start.isdigit() and person.description and body.startswith(person.description, int(start)):
            at = int(start)
            out.append(Mention(same.get(person.key, person.key), "person", Span(at, at + len(person.description), person.description),
                               "post", paragraph_of(at), "post-of-named" if person.key in same else "unnamed-holder"))
    return out


def named_holders(posts: list[PostFact], unnamed: list[PersonFact]) -> tuple[list[PostFact], list[PersonFact], dict[str, str]]:
    """An unnamed holder ("the Ambassador of Mongolia" in a heading) whose post a named person holds in the same
    record is that person: the posts without the unnamed ones, the holders still unnamed, and which named person
    each of the others is."""
    named = {(p.role, p.of): p.holder for p in posts if not p.holder.startswith("unnamed:")}
    same = {p.holder: named[(p.role, p.of)] for p in posts if p.holder.startswith("unnamed:") and (p.role, p.of) in named}
    kept = [p for p in posts if p.holder not in same]
    return merge_posts(kept), [u for u in unnamed if u.key not in same], same


class _Persons:
    """Person mentions in text order, looked up by where they start and where they end."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.starts = [m.span.start for m in mentions]
        self.by_end = sorted((m.span.end, i) for i, m in enumerate(mentions))
        self.ends = [e for e, _ in self.by_end]

    def ending_within(self, lo: int, hi: int) -> list[int]:
        """Indices, in text order, of the mentions that end in [lo, hi]."""
        return sorted(i for _, i in self.by_end[bisect.bisect_left(self.ends, lo):bisect.bisect_right(self.ends, hi)])

    def starting_within(self, lo: int, hi: int) -> range:
        """Indices of the mentions that start in [lo, hi]."""
        return range(bisect.bisect_left(self.starts, lo), bisect.bisect_right(self.starts, hi))


def _gap_start(folded: str, start: int, nonspace: int) -> int:
    """The least offset from which `folded[offset:start]` holds at most `nonspace` characters other than white space."""
    size = 512
    while True:
        lo = max(0, start - size)
        run = _NONSPACE_RUN[nonspace].match(folded[lo:start][::-1]).end()
        if run < start - lo or lo == 0:
            return start - run
        size *= 2


def _after_of(folded: str, at: int, starts: dict[int, Mention]) -> Mention | None:
    """The state or body an "of" names: the mention there, or, for an abbreviation the text glosses in brackets
    ("of the RRR [Ruritanian People's Republic]"), the mention the gloss holds."""
    if at in starts:
        return starts[at]
    glossed = _GLOSSED.match(folded, at)
    return starts.get(glossed.end()) if glossed else None


_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")


def _name_line_above(folded: str, name_start: int, name_end: int, start: int) -> bool:
    """A name alone on the line above the post's, as a signature block or a list of names with their titles under
    them sets it ("Adam Nowak" over "First Secretary of the Party")."""
    line_start = folded.rfind("\n", 0, name_start) + 1
    return not folded[line_start:name_start].strip() and _LINE_BREAK.fullmatch(folded, name_end, start) is not None


def _holder(body: str, folded: str, persons: _Persons, start: int, end: int, roles: re.Pattern[str],
            before_only: bool = False) -> str | None:
    """The name in apposition: just before the post ("X, Ambassador of S") or just after it ("Ambassador of S, X").
    In a list ("the Ambassador of A, X, the Ambassador of B, Y") a name already placed after an earlier post is
    that post's, so the next post takes the name after it.

    Only the names near enough to the post for the gap between to fit the patterns are read (a handful of
    characters besides white space), so a page of many posts and names does not grow with its square."""
    found = persons.mentions
    lo = _gap_start(folded, start, _BEFORE_SPAN)
    before = [found[i] for i in persons.ending_within(lo, start) if _HOLDER_BEFORE.fullmatch(folded, found[i].span.end, start)
              or _name_line_above(folded, found[i].span.start, found[i].span.end, start)]
    hi = _NONSPACE_RUN[_AFTER_SPAN].match(folded, end).end()
    after = [] if before_only else [
        found[i] for i in persons.starting_within(end, hi) if _HOLDER_AFTER.fullmatch(folded, end, found[i].span.start)]
    if before and after:
        b = before[-1]
        lead = folded[max(0, b.span.start - 80):b.span.start]
        if any(_TITLE_GAP.fullmatch(lead, r.end()) for r in roles.finditer(lead)):
            return after[0].entity  # "Soviet Ambassador X, Romanian Ambassador Y": X is the first title's
        if re.search(rf",\s*(?:(?:{_HONORIFIC})\s+)?$", lead) and any(
                not re.search(r"[,.;]", lead[r.end():].rstrip(", ").rstrip()) or lead[r.end():].strip().startswith(("of", "to", "in"))
                for r in roles.finditer(lead)):
            return after[0].entity
    if before:
        return before[-1].entity
    return after[0].entity if after else None


def merge_posts(posts: list[PostFact]) -> list[PostFact]:
    """One post per holder and role, its parts filled from every phrase that states it."""
    merged: dict[tuple[str, str | None, str | None], PostFact] = {}
    for p in posts:
        key = (p.holder, p.role or p.title, p.of)  # an office known only by its title is its own post
        if p.of is None:  # a title without its state fills in the holder's post of that role, if there is one
            key = next((k for k in merged if k[:2] == (p.holder, p.role)), key)
        elif (p.holder, p.role or p.title, None) in merged:
            merged[key] = merged.pop((p.holder, p.role or p.title, None))
            merged[key].of = p.of
        if key not in merged:
            merged[key] = replace(p)
            continue
        m = merged[key]
        m.of, m.to, m.city = m.of or p.of, m.to or p.to, m.city or p.city
        if p.confidence > m.confidence:
            m.span, m.rule, m.confidence = p.span, p.rule, p.confidence
    return list(merged.values())


_TITLE_BEFORE = re.compile(r"(?:^|[^\w])(?P<title>[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,3})[ \t]+$")


def titled_posts(body: str, authority: Authority, mentions: list[Mention], year: int | None) -> list[PostFact]:
    """"President Doe", "Secretary Smith", "Premier Wang": a title before the name of a person the authority knows
    gives the post the authority records for that title and year; the record attests it."""
    labels = {fold(label).lower(): role for role in authority.roles for label in role.labels}
    out: list[PostFact] = []
    seen: set[tuple[str, str]] = set()
    held_by: dict[tuple[str, str], list] = {}  # the authority's posts of a person and role that year, read once for each
    for m in mentions:
        if m.kind != "person" or m.entity not in authority.entities:
            continue
        # The title stands before the name, or the authority's alias holds it ("President Doe").
        before = _TITLE_BEFORE.search(body[max(0, m.span.start - 40):m.span.start])
        words = fold(before["title"]).lower().split() if before else []
        own = fold(m.span.text).lower().split()[:-1]
        role = next((labels[" ".join(ws[i:])] for ws in (words, own) for i in range(len(ws)) if " ".join(ws[i:]) in labels), None)
        held = []
        if role is not None and (m.entity, role.iri) not in seen:
            if (m.entity, role.iri) not in held_by:
                held_by[m.entity, role.iri] = [p for p in authority.posts if p.person == m.entity and p.role == role.iri
                                               and (year is None or (p.start or 0) <= year <= (p.end or 9999))]
            held = held_by[m.entity, role.iri]
        title = None
        if not held and words:
            # "Minister X": a word of an office's name, and the one office of that name the authority gives X that year.
            held = [p for p in authority.posts if p.person == m.entity and (year is None or (p.start or 0) <= year <= (p.end or 9999))
                    and any(words[-1] in fold(label).lower().split() for label in p.labels)]
            title = before["title"].split()[-1]
        if len(held) == 1 and (m.entity, held[0].role) not in seen:
            seen.add((m.entity, held[0].role))
            start = m.span.start - len(before["title"]) - (len(body[:m.span.start]) - len(body[:m.span.start].rstrip())) \
                if before and (title or any(" ".join(words[i:]) in labels for i in range(len(words)))) else m.span.start
            out.append(PostFact(m.entity, held[0].role, held[0].organization, span=Span(start, m.span.end, body[start:m.span.end]),
                                rule="title-name", confidence=0.8, title=title))
    return out
