"""Organisations and events the authority data does not list, found by the shapes English gives their names.

An institution's or an occasion's name is a head word ("Ministry", "Committee", "Embassy", "Agency", "Army",
"Congress", "Plenum", "Conference", "War", "Crisis", "Uprising") with what qualifies it: capitalised words, a
state, party or place the text names, an ordinal, a month or a year before it ("the Hungarian Foreign
Ministry", "the KWP CC Politburo", "the 7th Congress", "the September Plenum", "the Berlin crisis"), and an
"of", "for" or "on" phrase of capitalised words after it ("the Ministry of Foreign Affairs of Bulgaria", "the
Council for Mutual Economic Assistance", "the Embassy of Hungary in the DPRK"). A head word alone ("the
Embassy", "the conference room", "the embassy staff") names nothing.

Families, each with its own normal form, so that two wordings of one organ are one entity:
- ministries: "Ministry of X", "X Ministry", "Foreign Office", "MFA" (the foreign ministry);
- party organs: "Central Committee", "CC", "Politburo" ("Political Bureau"), "Presidium", "Secretariat" and the
  committees of a party ("CC of the BKP", "the BKP CC", "the Bulgarian Central Committee": a state's organ of
  this kind is its ruling party's);
- embassies, legations and consulates, by the state they represent and the state or city they sit in;
- other bodies: councils, committees, commissions, bureaus, offices, departments, agencies, groups, assemblies,
  banks, funds, organisations, communities, pacts, alliances, delegations, missions, fronts;
- armed forces: armies, navies, fleets, air forces;
- events: party congresses and plenums by ordinal or month, conferences and summits, wars, crises, uprisings and
  revolutions (of a state, a place or a date: "the Quiet Revolution" is a figure of speech), treaties,
  agreements and doctrines by name ("the Bled Agreement" and "the Bled Treaty" are one), affairs and incidents
  named for a place or a person ("the Ruritania affair") or told by their kind and place ("the frontier incident
  in Ruritania"), a person's speech named as an occasion ("the Ivanov speech"), and a body's meeting or session
  ("the NATO meeting", "the 212th meeting of the Strelsau Planning Group": the 212th Strelsau Planning Group meeting).

Who an organ belongs to is the state, party or body the name holds ("Bulgarian", "of Bulgaria", "BKP"); a bare organ
("the Politburo", "the MFA") belongs to the one owner the record gives that organ elsewhere. A name the authority
data holds in any of its normal wordings ("the Central Committee of the Chinese Communist Party" for "the
Chinese Central Committee") is the authority's entity; any other is an `EntityFact`, whose IRI the mapping
mints: from the owner and the normal form for organs and congresses (the same in every record), else scoped to
the record. A mention covers the name without the owner or host mentions at its edges ("Polish" in "the Polish
Embassy", "of Bulgaria" in "the Ministry of Foreign Affairs of Bulgaria" stay mentions of the state); a mention
inside a name ("German" in "the Office of German Affairs") stays inside it. "Congress" or "Treasury" named bare in
a state's own record is that state's organ when the authority data holds it ("U.S. Congress"). A name right after
a title and "of" or "to" ("Counselor of the Embassy of Hungary") is left to the posts.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from cwkg.lang import title_words
from .authority import Authority
from cwkg.records.facts import EntityFact, Mention, Span
from .mentions import ordinal_value
from cwkg.lang.text import fold

ORGANIZATION, EVENT = "organization", "event"

# Head words: the family each begins, and whether it names something in lower case too when a state, party,
# place, ordinal or date stands right before it ("the Polish embassy", "the 9th congress", "the Berlin crisis").
_HEADS: dict[str, tuple[str, str, bool]] = {
    "Ministry": (ORGANIZATION, "ministry", False),
    **{w: (ORGANIZATION, "embassy", True) for w in ("Embassy", "Legation", "Consulate", "Consulate-General")},
    **{w: (ORGANIZATION, "body", False) for w in (
        "Committee", "Council", "Commission", "Board", "Secretariat", "Presidium", "Politburo", "Bureau", "Office",
        "Department", "Agency", "Directorate", "Staff", "Group", "Assembly", "Parliament", "Bank", "Fund",
        "Organization", "Organisation", "Community", "Pact", "Alliance", "Delegation", "Mission", "Front")},
    **{w: (ORGANIZATION, "armed-forces", True) for w in ("Army", "Navy", "Fleet", "Forces", "Force", "Corps")},
    **{w: (EVENT, "congress", True) for w in ("Congress", "Congresses")},
    **{w: (EVENT, "plenum", True) for w in ("Plenum", "Plenums")},
    **{w: (EVENT, "conference", True) for w in ("Conference", "Summit")},
    **{w: (EVENT, "accord", False) for w in ("Treaty", "Agreement", "Accord", "Accords", "Doctrine")},
    **{w: (EVENT, "incident", True) for w in ("Affair", "Incident")},
    "Speech": (EVENT, "speech", True),
    **{w: (EVENT, "meeting", True) for w in ("Meeting", "Session")},
    "War": (EVENT, "war", True),
    "Crisis": (EVENT, "crisis", True),
    **{w: (EVENT, "uprising", True) for w in ("Uprising", "Revolution", "Revolt", "Rebellion", "Insurrection",
                                               "Counter-revolution", "Counterrevolution", "Counter-Revolution")},
}
HEAD_WORDS = frozenset(_HEADS)  # the words that end the name of an organisation or event
# The heads of standing organs: one of a state, party or body is the same organ in every record that names it
# ("the Bulgarian Council of Ministers", "the Council of Ministers of Bulgaria"); a delegation, a mission or a group is
# of its occasion.
_STANDING = {"Committee", "Council", "Commission", "Board", "Secretariat", "Presidium", "Politburo", "Bureau", "Office",
             "Department", "Agency", "Directorate", "Staff", "Assembly", "Parliament", "Bank", "Fund"}
# Heads that say what kind of body a name is: after the body's own name they add nothing ("the NATO Alliance").
_KINDS_OF_BODY = {"Alliance", "Organization", "Organisation", "Pact", "Community", "Bloc"}
# Organs a state's own record names bare ("the Congress", "Treasury" in a U.S. record): that state's, when the authority
# data holds it under the state's name ("U.S. Congress").
_OWN_ORGANS = {"Congress", "Treasury"}
# Organs a bare head names ("the Politburo decided"): a party's, whoever's the record makes it.
_BARE = {"Politburo", "Presidium"}
# Words of party organs: a state's organ of these is its ruling party's ("the Bulgarian Central Committee").
_PARTY_ORGAN = re.compile(r"\b(?:CC|Central Committee|Politburo|Political Bureau)\b")
# Words that end a name before them: determiners, honorifics and the titles of people (a grade such as "Supreme"
# or "Special" begins the names of bodies too, so it is no stop).
_STOP = title_words.words("honorific", "rank", "office", "civic", "role", "qualifier") | {
         "The", "A", "An", "This", "That", "These", "Those", "Our", "Its", "His", "Her", "Their", "Your", "My", "Each",
         "Every", "Any", "Some", "No", "Both", "All", "Another", "Such", "Other", "Former", "Members", "Attache",
         "Official", "Officials", "Staff", "Subject", "SUBJECT", "From", "To", "In", "On", "At", "For",
         "Of", "And", "But", "Or", "If", "When", "While", "After", "Before", "During", "Since", "Until", "As", "By",
         "With", "He", "She", "It", "We", "They", "I", "There", "Here", "Then", "Now", "Also"}
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
# Words that may join the parts of a name after its head ("Bureau of Economic and Social Affairs").
_JOIN = {"and", "&", "of", "for", "on", "the", "AND", "OF", "FOR", "ON", "THE"}
_LEADS = {"of", "for", "on", "OF", "FOR", "ON"}  # what opens the phrase after a head
_PLACED = {"in", "to", "at", "IN", "TO", "AT"}  # where an embassy sits; where a war or uprising was
# Words after a lower-case head that still end the name ("the Polish embassy in ...", "the Berlin crisis was ...").
_FUNCTION = {"of", "in", "on", "at", "for", "with", "to", "by", "from", "and", "or", "but", "that", "which", "who",
             "was", "were", "is", "are", "be", "been", "had", "has", "have", "would", "will", "could", "should",
             "might", "may", "must", "can", "did", "does", "do", "as", "than", "then", "when", "while", "after",
             "before", "since", "until", "if", "not", "also", "itself", "there", "here", "said", "says",
             "he", "she", "it", "we", "they", "you"}  # a pronoun after the head begins the next clause
# Hypothetical or figurative: "another uprising", "a new Munich", "a second Cuba".
_NOT_THIS = {"another", "a", "an", "new", "any", "every", "each", "no"}

_NEAR = 24  # the mentions before a name's end that are read for overlap (a name holds few words)
_TOKEN = re.compile(r"\x01\x02*|(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:['’\-/&][A-Za-z0-9]+)*['’]?|[^\s\-]")
_SPACE = re.compile(r"[ \t\u00a0]*(?:\n[ \t\u00a0]*)?")
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th|ST|ND|RD|TH)|[IVXL]{1,6}(?:th)?|(?:[Tt]wenty|[Tt]hirty)-\w+|[A-Za-z]+(?:st|nd|rd|th)")
_YEAR = re.compile(r"1[89]\d\d")
_CAPS = re.compile(r"[A-Z]{2,6}(?:/[A-Z]{2,6})?")
_TITLED = re.compile(r"[A-Z][a-z]+(?:['\-][A-Za-z]+)*'?")

# The endings of English adjectives of nationality ("German", "Chinese", "Polish"; "Cuba" is a name): after one, a name
# goes on ("the Office of German Affairs").
_ADJECTIVE = re.compile(r"(?:an|ese|ish|ic|i|ch)$")
_COMMON_POSSESSIVE = re.compile(r"(?:People|Peoples|Women|Children|Men|Workers|Nations)['’]s?")
_ARTICLE = re.compile(r"\b(?:Republic|Union|Kingdom|States|Nations|Emirates|Islands|Federation|Party|Front|Movement|"
                      r"Organization|Organisation|Community|Committee|Council|Netherlands|Philippines)\b")


def _is_ordinal(word: str) -> bool:
    """"9th", "Twentieth", "XXth", "Sixth": an ordinal ("North", "East" and "I" are none)."""
    return bool(_ORDINAL.fullmatch(word)) and word != "I" and _ordinal(word) is not None


def _ordinal(word: str) -> int | None:
    return ordinal_value(word[:-2] if re.fullmatch(r"[IVXL]+th", word) else word)


def _the(label: str) -> str:
    """A name as it follows "of": "the United Kingdom", "the Workers' Party of Korea", "Hungary"."""
    return f"the {label}" if _ARTICLE.search(label) and not label.startswith("the ") else label


def _ordinal_text(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str  # as folded
    mention: Mention | None = None

    @property
    def word(self) -> bool:
        return self.mention is None and self.text[:1].isalnum()


@dataclass
class _Name:
    """One name found: its tokens, its head, what it belongs to and where it is."""

    kind: str
    family: str
    start: int  # of the mention: the name without the owner or host mentions at its edges
    end: int
    full_start: int  # of the whole name as written
    full_end: int
    words: str  # the name without its owner, in normal form ("Ministry of Foreign Affairs", "Central Committee")
    owner: str | None = None
    host: str | None = None
    ordinal: int | None = None
    involves: tuple[str, ...] = ()
    written: str = ""
    ref: str = ""
    rule: str = ""
    authority: bool = False


@dataclass
class Institutions:
    """What `find` returns: the mentions of organisations and events, and the entities the authority lacks."""

    mentions: list[Mention] = field(default_factory=list)
    entities: list[EntityFact] = field(default_factory=list)
    replaced: list[Mention] = field(default_factory=list)  # mentions found before that `mentions` read anew


def find(text: str, mentions: list[Mention], authority: Authority, scope: str, paragraph_of: Callable[[int], int],
         perspective: str | None = None, year: int | None = None) -> Institutions:
    """The organisations and events `text` names that `mentions` (the entities found so far) do not already cover.

    `scope` is the record's id (entities it alone can identify are minted inside it); `perspective` the state whose
    record it is (its "Congress" or "Treasury" named bare is that state's); `year` the record's (whose capital a
    city then was).

    An authority organisation named with its state or party ("the CCP Central Committee", "the U.S. Department of
    State") is read as the pattern reads such names: the organ and, beside it, a mention of its state or party; the
    mentions it replaces are in `replaced`."""
    split, replaced = _owners_apart(text, mentions, authority, paragraph_of)
    mentions = [m for m in mentions if m not in replaced] + split
    finder = _Finder(text, mentions, authority, perspective, year)
    names = finder.names()
    _share_owners(names, finder)
    for n in names:
        finder.resolve(n, scope)
    _shortened(names, mentions, scope)
    out = Institutions(list(split), replaced=replaced)
    facts: dict[str, EntityFact] = {}
    for n in names:
        out.mentions.append(Mention(n.ref, n.kind, Span(n.start, n.end, text[n.start:n.end]),
                                    "abbreviation" if _CAPS.fullmatch(text[n.start:n.end].replace(" ", "")) else "name",
                                    paragraph_of(n.start), n.rule))
        if n.authority or n.ref.startswith("http"):
            continue
        fact = facts.get(n.ref)
        if fact is None:
            fact = facts[n.ref] = EntityFact(n.ref, n.kind, finder.label(n), set(), owner=n.owner,
                                             involves=n.involves, ordinal=n.ordinal)
        fact.aliases.add(n.written)
        if (canonical := finder.canonical(n)) is not None:
            fact.aliases.add(canonical)
    out.entities = list(facts.values())
    for fact in out.entities:
        fact.aliases.discard(fact.label)
    return out


def _owners_apart(text: str, mentions: list[Mention], authority: Authority,
                  paragraph_of: Callable[[int], int]) -> tuple[list[Mention], list[Mention]]:
    """Authority organisations whose name begins with a state or party ("CCP Central Committee", "U.S. Congress") or
    ends with one after "of" ("Central Committee of the CCP", "Bank of the United States"), as two mentions: the
    organ's, without the owner, and the owner's (named by exactly one state or party)."""
    table = authority.alias_table
    out: list[Mention] = []
    replaced: list[Mention] = []

    def owner(phrase: str) -> str | None:
        iris = {a.iri for a in table.get(fold(phrase), []) if authority.entities[a.iri].kind in ("state", "party")}
        return iris.pop() if len(iris) == 1 else None

    for m in mentions:
        if m.kind != ORGANIZATION or m.entity not in authority.entities:
            continue
        words = list(re.finditer(r"\S+", m.span.text))
        found = None
        for n in range(len(words) - 1, 0, -1):  # the longest owner first
            lead = m.span.text[:words[n - 1].end()]
            if (iri := owner(lead)) is not None:
                found = (0, words[n - 1].end(), iri, words[n].start(), len(m.span.text))
                break
            tail = m.span.text[words[len(words) - n].start():]
            if (iri := owner(tail)) is not None:
                organ = re.sub(r"\s+(?:of\s+)?(?:the\s+)?$", "", m.span.text[:words[len(words) - n].start()], flags=re.I)
                found = (words[len(words) - n].start(), len(m.span.text), iri, 0, len(organ))
                break
        if found is None:
            continue
        o_start, o_end, iri, s, e = found
        at = m.span.start
        replaced.append(m)
        out.append(Mention(m.entity, m.kind, Span(at + s, at + e, text[at + s:at + e]), m.form, m.paragraph, m.rule + "+owner-apart"))
        owned = text[at + o_start:at + o_end]
        out.append(Mention(iri, authority.entities[iri].kind, Span(at + o_start, at + o_end, owned),
                           "abbreviation" if _CAPS.fullmatch(owned.replace(".", "")) else "name", paragraph_of(at + o_start),
                           "owner-in-name"))
    return out, replaced


def _shortened(names: list[_Name], mentions: list[Mention], scope: str) -> None:
    """A body named by the last words of a longer name the record gives ("the General Assembly" after "the United
    Nations General Assembly", "the Study Group" after "the Radio Study Group") is that body, if only one fits."""
    own = f":document-{_slug(scope)}/"
    by_end: dict[str, list[tuple[str, str, str]]] = {}  # longer names by their last word
    for kind, written, ref in [(m.kind, m.span.text, m.entity) for m in mentions if m.kind in (ORGANIZATION, EVENT)] + \
            [(n.kind, n.written, n.ref) for n in names]:
        plain = re.sub(r"\s+(?:of|in)\s+1[89]\d\d$", "", written)
        for form in {plain, _normal("accord", plain, [], [], "")}:
            by_end.setdefault(form.rsplit(" ", 1)[-1], []).append((kind, form, ref))
    for n in names:
        if n.authority or own not in n.ref or n.owner is not None or n.family not in ("body", "accord", "conference", "war", "crisis"):
            continue
        fits = {ref for kind, form, ref in by_end.get(n.words.rsplit(" ", 1)[-1], ())
                if kind == n.kind and ref != n.ref and (" " + form).endswith(" " + n.words)}
        if len(fits) == 1:
            n.ref = fits.pop()
            n.rule += "+shortened"


class _Finder:
    def __init__(self, text: str, mentions: list[Mention], authority: Authority, perspective: str | None,
                 year: int | None = None) -> None:
        self.text = text
        self.year = year
        self.authority = authority
        self.perspective = perspective
        self.taken = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        self.folded = fold(text)
        masked = list(self.folded)
        self.at: dict[int, Mention] = {}
        end = -1
        for m in self.taken:
            if m.span.start < end or m.span.end <= m.span.start:
                continue  # one mention of overlapping ones stands for the words
            self.at[m.span.start] = m
            masked[m.span.start] = "\x01"
            masked[m.span.start + 1:m.span.end] = "\x02" * (m.span.end - m.span.start - 1)
            end = m.span.end
        self.masked = "".join(masked)
        self.tokens = [_Token(t.start(), t.end(), t.group(0), self.at.get(t.start()) if t.group(0)[0] == "\x01" else None)
                       for t in _TOKEN.finditer(self.masked)]
        self.given = authority.given_names
        self.mentioned = Counter(m.entity for m in mentions if m.kind == "party")
        self._names_of: dict[str, list[str]] = {}

    def names_of(self, iri: str) -> list[str]:
        """Every name, abbreviation and adjective the authority gives an entity, longest first."""
        if iri not in self._names_of:
            self._names_of[iri] = sorted({a.text for a in self.authority.aliases if a.iri == iri
                                          and a.form in ("name", "abbreviation", "adjective")}, key=lambda s: (-len(s), s))
        return self._names_of[iri]

    # ------------------------------------------------------------------ reading the tokens

    def _joined(self, i: int) -> bool:
        """Whether token i and token i+1 are parts of one phrase: a space (or one line break) or a hyphen between them,
        or nothing between a mention and a word ("Polish-American")."""
        if i + 1 >= len(self.tokens):
            return False
        a, b = self.tokens[i], self.tokens[i + 1]
        gap = self.masked[a.end:b.start]
        if gap in ("", "-"):  # a hyphen joins ("Polish-American"); a dash ("Congress—which") does not
            return self.text[a.end:b.start] == "-" or gap == "" and (a.mention is not None or b.mention is not None
                                                                    or "'" in (a.text, b.text) or "’" in (a.text, b.text))
        return _SPACE.fullmatch(gap) is not None

    def _qualifier(self, t: _Token, kind: str, head: str, dated_heading: bool = False) -> bool:
        """Whether a token before a head is part of the name."""
        if dated_heading and self._heading_possessive(t):
            return True
        if t.mention is not None:
            if t.mention.kind in ("state", "party", "organization", "place", "region"):
                return True
            return t.mention.kind == "person" and t.mention.rule != "office-title" and head in (
                "Committee", "Commission", "Group", "Doctrine", "Affair", "Incident", "Speech")
        w = t.text
        # A heading in capitals that dates an occasion names it with all its words ("THE MINISTER'S PLANNING MEETING
        # HELD MAY 2, 1964"); elsewhere a possessive says whose ("the President's Office" is not a name).
        if dated_heading and re.fullmatch(r"[A-Z]{2,}(?:['’]S)?", w) and w.title() not in _STOP:
            return True
        if not w[:1].isalnum() or w in _STOP or w.title() in _STOP or w.endswith(("'s", "’s")) and not _COMMON_POSSESSIVE.fullmatch(w):
            return False  # "the President's Office" is whose office, not its name; "the People's Army" is a name
        if _YEAR.fullmatch(w):
            return kind == EVENT
        if _is_ordinal(w):
            return True
        return bool(_TITLED.fullmatch(w) and not w.endswith(".") or _CAPS.fullmatch(w))

    def _heading_possessive(self, t: _Token) -> bool:
        """Whether a token is part of a possessive in capitals ("MINISTER", "’", "S" of "THE MINISTER’S"), whether or not
        the title before it was read as a person."""
        at = self.tokens.index(t)
        nxt = [x.text for x in self.tokens[at + 1:at + 3]]
        prev = self.tokens[at - 1].text if at else ""
        return (t.text == "S" and prev in ("'", "’") or t.text in ("'", "’") and nxt[:1] == ["S"]
                or (t.mention is not None or t.text.isupper()) and nxt[:2] in (["'", "S"], ["’", "S"]))

    def _item(self, t: _Token, kind: str) -> bool:
        """Whether a token after a head's "of"/"for"/"on" is part of the name."""
        if t.mention is not None:
            return t.mention.kind in ("state", "party", "organization", "place", "region")
        w = t.text
        if w in _STOP or w.title() in _STOP or not w[:1].isalnum() or w.title() in _MONTHS or w.title() in _DAYS:
            return False
        if _YEAR.fullmatch(w):
            return kind == EVENT
        return bool(_TITLED.fullmatch(w) and not w.endswith(".") or _CAPS.fullmatch(w))

    def names(self) -> list[_Name]:
        found: list[_Name] = []
        for i, t in enumerate(self.tokens):
            if t.mention is not None or not t.word:
                continue
            head = t.text[:1].upper() + t.text[1:].lower() if t.text.isupper() and len(t.text) > 3 else t.text
            if head != t.text and head != "Embassy" and not self._numbered_in_capitals(i, head):
                continue  # a heading in capitals ("EASTERN EUROPE AND THE WARSAW PACT") is read as words, not a name
            lower = head.lower() == head
            spec = _HEADS.get(head) or (_HEADS.get(head[:1].upper() + head[1:]) if lower else None)
            if spec is not None:
                kind, family, lower_ok = spec
                if lower and not lower_ok:
                    continue
                name = self._name(i, kind, family, lower)
                if name is None and t.text in _OWN_ORGANS and self.perspective:
                    name = self._own_organ(i)
                if name is not None:
                    found.append(name)
            elif t.text in ("MFA", "CC"):
                name = self._abbreviation(i)
                if name is not None:
                    found.append(name)
            elif t.text in _OWN_ORGANS and self.perspective:
                name = self._own_organ(i)
                if name is not None:
                    found.append(name)
        return self._untaken(found)

    def _name(self, i: int, kind: str, family: str, lower: bool) -> _Name | None:
        toks = self.tokens
        head = toks[i]
        head_word = head.text if not head.text.isupper() else head.text.title()
        if head_word.lower() in ("force", "forces") and not (i > 0 and toks[i - 1].text.lower() in ("air", "armed", "naval")):
            return None
        # What stands before the head.
        j = i
        dated_heading = head.text.isupper() and self._dated_after(i)
        while j > 0 and i - j < 6 and self._joined(j - 1) and self._qualifier(toks[j - 1], kind, head_word.title(), dated_heading):
            j -= 1
        left = toks[j:i]
        if lower:
            # "the Polish embassy", "the 9th congress", "the Berlin crisis": only states, parties, places, ordinals and
            # dates stand before a lower-case head ("the conference", "a leadership crisis" name nothing).
            k = len(left)
            while k > 0 and (left[k - 1].mention is not None or left[k - 1].text in _MONTHS or _YEAR.fullmatch(left[k - 1].text)
                             or _is_ordinal(left[k - 1].text) or family in ("incident", "speech") and _TITLED.fullmatch(left[k - 1].text)
                             or family == "meeting" and _CAPS.fullmatch(left[k - 1].text)):
                k -= 1  # "the Ruritania affair", "the Ivanov speech", "the NSC meeting": a name before the head names the occasion
            left = left[k:]
            if not left and not (family == "meeting" and self._of_a_body(i)) and (described := self._described(i, family)) is None:
                return None
            if not left and family == "incident":
                left = [described]
        end_i = i
        if head.text == "Consulate" and i + 1 < len(toks) and toks[i + 1].text == "General" and self._joined(i):
            end_i = i + 1
        # What follows the head: a name that goes on ("Conference Files") is another name; "World War II".
        nxt = toks[end_i + 1] if end_i + 1 < len(toks) and self._joined(end_i) else None
        if head_word == "War" and nxt is not None and re.fullmatch(r"I{1,3}|One|Two|Three", nxt.text):
            if nxt.text in ("III", "Three"):
                return None  # a war that has not happened
            end_i += 1
            nxt = toks[end_i + 1] if end_i + 1 < len(toks) and self._joined(end_i) else None
        if nxt is not None and nxt.word:
            if head_word == "Staff" and nxt.text[:1].isupper():
                return None  # "Staff Director", "Staff Secretary": a title
            if lower and nxt.text.islower() and nxt.text not in _FUNCTION:
                return None  # "the conference room", "the embassy staff": the head is a modifier
            if (nxt.text[:1].isdigit() or not lower and nxt.text[:1].isupper() and nxt.text.title() not in _STOP) \
                    and not (head.text.isupper() and self._dated_after(i)):
                return None  # "Conference Files", "Record Group 59": another name goes on
        elif nxt is not None and nxt.mention is not None and nxt.mention.kind != "person":
            return None
        tail, owner_at, host_at = self._tail(end_i, kind, family)
        before = toks[j - 1].text.lower() if j > 0 else ""
        if before in _NOT_THIS and kind == EVENT and family != "congress":
            return None
        return self._assemble(kind, family, left, toks[i:end_i + 1], tail, owner_at, host_at, lower, before)

    def _numbered_in_capitals(self, i: int, head: str) -> bool:
        """Whether a head in a heading in capitals is an occasion named by its number ("THE 12TH NSC MEETING ON MAY 2",
        "THE 9TH CONGRESS"): an ordinal among the three words before it tells a name from a heading's words."""
        return _HEADS.get(head, ("", "", False))[1] in ("meeting", "congress", "plenum", "conference") and (any(
            _is_ordinal(t.text) and t.text[:1].isdigit() for t in self.tokens[max(0, i - 3):i]) or self._dated_after(i))

    def _dated_after(self, i: int) -> bool:
        """Whether a head in capitals is followed by the date it was held ("THE PLANNING MEETING HELD MARCH 3, 1964",
        "... MEETING OF JULY 2, 1964"): a heading that dates an occasion names it, as an ordinal does."""
        after = [t.text.title() for t in self.tokens[i + 1:i + 3]]
        if after[:1] and after[0] in ("Held", "Of", "On"):
            after = after[1:]
        return bool(after) and after[0] in _MONTHS

    def _of_a_body(self, i: int) -> bool:
        """Whether a lower-case "meeting" or "session" at token i is followed by "of (the)" and a body's name ("the
        March meeting of the Ruritanian Advisory Group"): the body's meeting, named as "the Ruritanian Advisory Group
        meeting" is."""
        _, tail = self._body_after(i)
        return bool(tail)

    def _body_after(self, i: int) -> tuple[int, list[_Token]]:
        """The body named after a head's "of (the)": where its words begin, and its tokens (none when the words after
        "of" do not end in an organisation's head word or name an organisation or party)."""
        toks = self.tokens
        if not (i + 2 < len(toks) and self._joined(i) and toks[i + 1].text in ("of", "OF")):
            return i, []
        m = i + 2
        if toks[m].text in ("the", "THE") and self._joined(m - 1):
            m += 1
        if m >= len(toks) or not self._joined(m - 1):
            return i, []
        items = self._items(m, ORGANIZATION)
        while items and items[-1] + 1 < len(toks) and self._joined(items[-1]) and toks[items[-1] + 1].word \
                and toks[items[-1] + 1].text not in _STOP and self._item(toks[items[-1] + 1], ORGANIZATION):
            items.append(items[-1] + 1)  # "of the NATO Council": the body's own name goes on after a mention in it
        after = items[-1] + 1 if items else len(toks)
        if not items or after < len(toks) and self._joined(items[-1]) and toks[after].word and toks[after].text.islower() \
                and toks[after].text not in _FUNCTION:
            return i, []  # "the meeting of the Embassy staff": the staff's meeting, not a body's
        last = toks[items[-1]]
        if last.mention is None and len(items) == 1:
            return i, []  # "the meeting of the Committee": a bare head names no body
        body = last.mention.kind in ("organization", "party") if last.mention is not None else \
            _HEADS.get(last.text, ("", "", False))[0] == ORGANIZATION
        return (m, [toks[x] for x in items]) if body else (i, [])

    def _described(self, i: int, family: str) -> _Token | None:
        """The word that says what happened, in "the frontier incident in Ruritania": an incident told by its kind
        and its place (a definite article, one lower-case word, the head, "in"/"at" and a state or place) is one
        occasion; "a border incident" or "the incident" is none."""
        toks = self.tokens
        if family != "incident" or i < 2 or not (self._joined(i - 2) and self._joined(i - 1)):
            return None
        what, article = toks[i - 1], toks[i - 2]
        if article.text.lower() != "the" or not what.word or not what.text.islower() or what.text in _FUNCTION:
            return None
        if not (i + 2 < len(toks) and self._joined(i) and self._joined(i + 1) and toks[i + 1].text in ("in", "at")):
            return None
        place = toks[i + 2]
        return what if place.mention is not None and place.mention.kind in ("state", "place", "region") else None

    def _tail(self, i: int, kind: str, family: str) -> tuple[list[_Token], int | None, int | None]:
        """The "of"/"for"/"on" phrase after a head, and where in it the owner ("of Bulgaria") and the host ("in the
        DPRK") are: tokens, index of the owner mention, index of the host mention."""
        toks = self.tokens
        out: list[_Token] = []
        owner_at = host_at = None
        k = i
        while k + 1 < len(toks) and self._joined(k):
            lead = toks[k + 1]
            placed = lead.text in _PLACED and (family in ("embassy", "war", "uprising", "crisis", "conference", "incident"))
            if lead.text not in _LEADS and not placed or out and not placed:
                break  # one "of" phrase (its own "of"s inside it), then only where the thing is
            m = k + 2
            if m < len(toks) and toks[m].text in ("the", "THE") and self._joined(k + 1):
                m += 1
            if m >= len(toks) or not self._joined(m - 1):
                break
            if placed:
                t = toks[m]
                if t.mention is not None and t.mention.kind in ("state", "place", "region"):
                    out += toks[k + 1:m + 1]
                    host_at = len(out) - 1
                elif kind == EVENT and _YEAR.fullmatch(t.text):
                    out += toks[k + 1:m + 1]
                break  # where it is ends the name
            items = self._items(m, kind)
            after = items[-1] + 1 if items else None
            if lead.text.lower() == "on" and after is not None and after < len(toks) and self._joined(items[-1]) \
                    and toks[after].text.islower() and toks[after].text not in _FUNCTION:
                break  # "the Commission on East-West relations": what it is on, not its name
            if not items:
                break
            out += toks[k + 1:m] + [toks[x] for x in items]
            # "of Bulgaria" closing the phrase: whose it is
            last, before = items[-1], toks[items[-1] - 1]
            if toks[last].mention is not None and toks[last].mention.kind in ("state", "party", "organization") and (
                    len(items) == 1 and lead.text.lower() == "of" or before.text.lower() == "of"
                    or before.text.lower() == "the" and toks[last - 2].text.lower() == "of"):
                owner_at = len(out) - 1
            k = last
        return out, owner_at, host_at

    def _items(self, m: int, kind: str) -> list[int]:
        """The words of a name after its head's "of"/"for"/"on", from token m: capitalised words, abbreviations and
        mentions, joined by "and" between words ("Economic and Social Affairs") and by "of"/"for"/"on" (with "the")
        between parts ("Ministers of Bulgaria"). An abbreviation or a state's name ends it unless a joining word
        follows ("the MFA" before a person's name); a state's adjective goes on ("of German Affairs")."""
        toks = self.tokens
        items: list[int] = []
        q = m
        while q < len(toks) and len(items) < 12:
            t = toks[q]
            if not self._item(t, kind) or t.mention is None and q + 1 < len(toks) and self._joined(q) and (
                    t.text in self.given and toks[q + 1].text[:1].isupper()
                    or re.fullmatch(r"[A-Z]", toks[q + 1].text) and q + 2 < len(toks) and toks[q + 2].text == "."):
                break  # "... Research George C. Doe": a person's name begins
            if t.mention is None and t.text in _HEADS and items and toks[items[-1]].text in ("and", "&"):
                break  # "the Congress of X and the Plenum": another name
            items.append(q)
            adjective = t.mention is not None and (t.mention.form == "adjective" or t.mention.form == "ambiguous"
                                                   and _ADJECTIVE.search(t.mention.span.text) is not None)
            closed = t.mention is not None and not adjective or t.mention is None and _CAPS.fullmatch(t.text)
            if not self._joined(q) or q + 1 >= len(toks):
                break
            nxt = toks[q + 1]
            if nxt.text in ("and", "&") and t.mention is None and not closed and q + 2 < len(toks) and self._joined(q + 1) \
                    and toks[q + 2].mention is None and self._item(toks[q + 2], kind) and toks[q + 2].text not in _HEADS:
                items.append(q + 1)
                q += 2
                continue
            if closed:
                break
            if nxt.text in ("of", "for", "on", "OF", "FOR", "ON") and q + 2 < len(toks) and self._joined(q + 1):
                r = q + 2
                if toks[r].text in ("the", "THE") and r + 1 < len(toks) and self._joined(r):
                    r += 1
                if self._item(toks[r], kind):
                    items += list(range(q + 1, r))
                    q = r
                    continue
                break
            q += 1
        return items

    def _assemble(self, kind: str, family: str, left: list[_Token], head: list[_Token], tail: list[_Token],
                  owner_at: int | None, host_at: int | None, lower: bool, before: str, bare: bool = False) -> _Name | None:
        text = self.text
        head_text = " ".join(t.text for t in head)
        head_word = head[0].text if not head[0].text.isupper() else head[0].text.title()
        ordinals = [n for t in left if t.mention is None and _is_ordinal(t.text) and (n := _ordinal(t.text))]
        months = [t.text for t in left if t.text in _MONTHS]
        years = [t.text for t in left + tail if t.mention is None and _YEAR.fullmatch(t.text)]
        entities = [t.mention for t in left + tail if t.mention is not None]
        if not left and not tail and head_word.title() not in _BARE and not bare:
            return None
        if family == "congress" and not ordinals:
            return None
        if family == "plenum" and not (ordinals or months or entities or tail or (not lower and left)) or family == "plenum" and before in ("a", "an"):
            return None
        if family == "uprising" and not (any(m.kind in ("state", "place") for m in entities) or months or years) \
                or family == "uprising" and any(x.mention is None and not (x.text in _MONTHS or _YEAR.fullmatch(x.text)
                                                                           or _is_ordinal(x.text)) for x in left):
            return None  # an uprising is of a state, a place or a date ("the Quiet Revolution" is a figure of speech)
        if head_word in _KINDS_OF_BODY and not tail and len(left) == 1 and left[0].mention is not None \
                and left[0].mention.kind == "organization":
            return None  # "the NATO Alliance", "the Warsaw Pact organization": the body the mention already names
        if head_word == "Community" and len(left) + len(tail) < 2:
            return None  # "the Atlantic Community", "the international community": a notion, not a body
        if family in ("war", "crisis", "conference", "accord") and not left and not tail:
            return None
        _, body = self._body_after(self.tokens.index(head[-1])) \
            if family == "meeting" and lower and all(t.mention is None and (_is_ordinal(t.text) or t.text in _MONTHS or _YEAR.fullmatch(t.text))
                                                     for t in left) else (0, [])
        if family == "meeting" and not body and not any(m.kind in ("organization", "party") for m in entities) \
                and not any(t.mention is None and _CAPS.fullmatch(t.text) for t in left) and not head[0].text.isupper():
            return None  # a body's meeting or session ("the NATO meeting"); "the Moscow meeting" is told of, not named
        if body:  # "the meeting of the Ruritanian Advisory Group": the body's own name stays its own mention
            at = self.tokens.index(head[0])
            which = left or [self.tokens[at - 1]] if at and self._joined(at - 1) and re.fullmatch(
                r"\d+(?:st|nd|rd|th)", self.tokens[at - 1].text) else left
            # "the 212th meeting of the Council", "the May meeting of the Council": the 212th, the May Council meeting
            words = " ".join([t.text for t in which] + [text[body[0].start:body[-1].end], head[0].text.lower()])
            start = which[0].start if which else head[0].start
            name = _Name(kind, family, start, head[-1].end, start, body[-1].end, words, written=words)
            name.rule = f"{family}-of-a-body"
            return name
        if family == "speech" and (any(m.kind != "person" for m in entities) or not left):
            return None  # a speech named as an occasion is a person's ("the Ivanov speech"), not a state's
        # The owner: a state, party or body after "of", else the one before the head.
        owner_mention = tail[owner_at].mention if owner_at is not None else None
        lead = [t.mention for t in left if t.mention is not None and t.mention.kind in ("state", "party", "organization")]
        for owner_kind in ("party", "state", "organization"):  # "CCP CC Politburo": the party's, not its committee's
            lead_owners = {m.entity: m for m in lead if m.kind == owner_kind}
            if lead_owners:
                if owner_mention is None and len(lead_owners) == 1:
                    owner_mention = next(iter(lead_owners.values()))
                break
        owner = owner_mention.entity if owner_mention is not None else None
        host = tail[host_at].mention.entity if host_at is not None else None
        if family == "embassy" and host is not None and (state := self.authority.capital_state(host, self.year)) is not None:
            host = state
        # The mention: the name without owner or host mentions at its edges.
        inner = list(left)
        while inner and inner[0].mention is not None and (inner[0].mention.kind == "person" or kind == ORGANIZATION
                                                          and inner[0].mention.kind in ("state", "party", "organization")):
            inner.pop(0)  # "the Polish Embassy": "Polish" stays the state's mention; "the Berlin crisis" is one name
        trailing = list(tail)
        cut = min(i for i in (owner_at, host_at) if i is not None) if owner_at is not None or host_at is not None else None
        if cut is not None:
            q = cut
            while q > 0 and trailing[q - 1].mention is None and trailing[q - 1].text.lower() in ("the", "of", "in", "to", "at"):
                q -= 1
            trailing = trailing[:q]
        while trailing and (trailing[-1].mention is not None or trailing[-1].text in _JOIN):
            trailing.pop()
        span_tokens = inner + head + trailing
        start, end = span_tokens[0].start, span_tokens[-1].end
        full = left + head + tail
        full_start, full_end = full[0].start, full[-1].end
        # The words without the owner, in normal form.
        words_tokens = [t for t in full if not (t.mention is not None and owner_mention is not None and t.mention.entity == owner
                                                or host_at is not None and t is tail[host_at])]
        words = " ".join(text[t.start:t.end] for t in words_tokens)
        words = re.sub(r"\s+(?:of|in|to|at)(?:\s+the)?$", "", words, flags=re.I).strip()
        words = re.sub(r"^the\s+", "", words, flags=re.I)
        if family == "body" and (_PARTY_ORGAN.search(words) or self._kind(owner) == "party"):
            family = "party-organ"
        if family in ("party-organ", "congress", "plenum") and self._kind(owner) == "state":
            owner = self.authority.ruling_party_of.get(owner, owner)  # "the Bulgarian Central Committee" is the BKP's
        if family == "party-organ" and self._kind(owner) == "organization":
            # the Politburo of a party's Central Committee is the party's Politburo
            if m := re.fullmatch(r"Central Committee of (?:the )?(?P<party>.+)", self.authority.entities[owner].label):
                owner = self.authority.resolve_label(m["party"], ("party",)) or owner
        involves = tuple(dict.fromkeys(m.entity for m in entities if m.kind == "state" and m.entity not in (owner, host))) \
            if kind == EVENT else ()
        name = _Name(kind, family, start, end, full_start, full_end, _normal(family, words, ordinals, months, head_text),
                     owner, host, ordinals[0] if family == "congress" else None, involves, _written(text[full_start:full_end], head_word))
        name.rule = f"{family}-name"
        return name

    def _abbreviation(self, i: int) -> _Name | None:
        """"MFA" (the foreign ministry) alone or with its state ("Cuban MFA", "the MFA of Cuba"); "CC" with its
        party ("BKP CC", "CC BKP", "the CC of the BKP") or as "the CC"."""
        toks = self.tokens
        t = toks[i]
        prev = toks[i - 1] if i > 0 and self._joined(i - 1) else None
        nxt = toks[i + 1] if i + 1 < len(toks) and self._joined(i) else None
        if nxt is not None and nxt.word and nxt.text[:1].isupper() and nxt.text not in _STOP and not (t.text == "CC" and nxt.text in _HEADS):
            if not (nxt.mention is not None):
                return None  # part of a longer name
        owner_tok = prev if prev is not None and prev.mention is not None and prev.mention.kind in ("state", "party") else None
        tail, owner_at, _ = self._tail(i, ORGANIZATION, "ministry")
        if t.text == "MFA" and owner_tok is None and owner_at is None and nxt is not None and nxt.mention is not None \
                and nxt.mention.kind == "state":
            return self._assemble(ORGANIZATION, "ministry", [], [t], [nxt], 0, None, False, "")  # "the MFA DPRK"
        if t.text == "CC":
            after = nxt if nxt is not None and nxt.mention is not None and nxt.mention.kind == "party" else None
            the = i > 0 and toks[i - 1].text in ("the", "The")
            if owner_tok is None and after is None and owner_at is None and not the:
                return None
            if after is not None and owner_tok is None:
                name = self._assemble(ORGANIZATION, "party-organ", [], [t], [after], 0, None, False, "")
                return name
            if nxt is not None and nxt.mention is None and nxt.text in _HEADS:
                return None  # "CC Politburo": the organ is the next word's
        left = [owner_tok] if owner_tok is not None else []
        return self._assemble(ORGANIZATION, "party-organ" if t.text == "CC" else "ministry", left, [t], tail, owner_at, None,
                              False, "", bare=True)

    def _own_organ(self, i: int) -> _Name | None:
        """"Congress", "Treasury" named bare in a state's own record: that state's, when the authority knows it."""
        toks = self.tokens
        t = toks[i]
        prev = toks[i - 1] if i > 0 and self._joined(i - 1) else None
        if prev is not None and (prev.mention is not None or _is_ordinal(prev.text) or prev.text in ("Party", "party", "National")):
            return None
        if i + 2 < len(toks) and self._joined(i) and toks[i + 1].text == "of":
            return None  # "Congress of the ...": a party's or an assembly's
        if i + 1 < len(toks) and self._joined(i) and toks[i + 1].text[:1].isupper():
            return None
        for label in self.names_of(self.perspective):
            iri = self.authority.resolve_label(f"{label} {t.text}", ("organization",))
            if iri is not None:
                name = _Name(ORGANIZATION, "legislature", t.start, t.end, t.start, t.end, t.text, self.perspective,
                             written=t.text, rule="own-state-organ")
                name.ref, name.authority = iri, True
                return name
        return None

    def _untaken(self, found: list[_Name]) -> list[_Name]:
        """The names that overlap no mention found before except those wholly inside them, and no longer name.

        A name right after a title and "of" or "to" ("First Secretary of the Embassy of Hungary", "President of the
        Council of Ministers") is left to the posts, which read there the state a post serves or is accredited to
        from the authority's states and parties."""
        spans = sorted((m.span.start, m.span.end) for m in self.taken)
        starts = [s for s, _ in spans]
        after_title = _after_title(self.authority)
        kept: list[tuple[int, int]] = []  # sorted spans of the names kept
        out: list[_Name] = []
        for n in sorted(found, key=lambda n: (-(n.end - n.start), n.start)):
            i = bisect_left(starts, n.end)
            near = spans[max(0, i - _NEAR):i]  # mentions are short: the ones that may overlap start just before the end
            if any(s < n.end and n.start < e and not (n.start <= s and e <= n.end and (s, e) != (n.start, n.end)) for s, e in near):
                continue
            if not n.authority and after_title.search(self.folded[max(0, n.start - 80):n.start]):
                continue
            k = bisect_left(kept, (n.start, n.end))
            if any(s < n.end and n.start < e for s, e in kept[max(0, k - 1):k + 1]):
                continue
            kept.insert(k, (n.start, n.end))
            out.append(n)
        return sorted(out, key=lambda n: n.start)

    # ------------------------------------------------------------------ identity

    def _kind(self, iri: str | None) -> str | None:
        e = self.authority.entities.get(iri or "")
        return e.kind if e is not None else None

    def _owner_label(self, iri: str) -> str:
        e = self.authority.entities.get(iri)
        return _the(e.label) if e is not None else iri

    def canonical(self, n: _Name) -> str | None:
        """The name in the normal English institutional form, when its owner is known: "Ministry of Foreign Affairs
        of Bulgaria", "Embassy of Hungary in North Korea", "7th Congress of the Romanian Communist Party"."""
        if n.owner is None or n.family not in ("ministry", "party-organ", "embassy", "congress", "plenum", "body", "armed-forces"):
            return None
        owner = self._owner_label(n.owner)
        if n.family == "embassy":
            host = f" in {self._owner_label(n.host)}" if n.host else ""
            return f"{n.words} of {owner}{host}"
        if n.family == "plenum":
            return f"{n.words} of the Central Committee of {owner}"
        return f"{n.words} of {owner}"

    def _authority_entity(self, n: _Name) -> str | None:
        """The authority's entity for the name, in any of its normal wordings."""
        kinds = ("organization",) if n.kind == ORGANIZATION else ("event",)
        labels = [n.written, re.sub(r"^the\s+", "", n.written, flags=re.I)]
        if (canonical := self.canonical(n)) is not None:
            labels.append(canonical)
        if n.owner is not None:
            owned = self.names_of(n.owner)
            labels += [f"{n.words} of the {o}" for o in owned] + [f"{n.words} of {o}" for o in owned] + [f"{o} {n.words}" for o in owned]
        for label in labels:
            if (iri := self.authority.resolve_label(label, kinds)) is not None:
                return iri
        if n.family == "congress" and n.owner is not None:
            found = [e.iri for e in self.authority.entities.values() if e.ordinal == n.ordinal and e.organized_by == n.owner]
            if len(found) == 1:
                return found[0]
        return None

    def resolve(self, n: _Name, scope: str) -> None:
        """The entity the name refers to: the authority's, else one minted from the owner and the normal form (the
        same in every record), else one of this record."""
        if n.authority:
            return
        if (iri := self._authority_entity(n)) is not None:
            n.ref, n.authority = iri, True
            n.rule += "+authority"
            return
        owned = n.owner is not None and (n.family in ("ministry", "party-organ", "congress", "armed-forces")
                                         or n.family == "embassy" and n.host is not None
                                         or n.family == "body" and n.words.split()[0] in _STANDING)
        where = _scope_of(n.owner) if owned else f"document-{_slug(scope)}"
        key = _slug(n.words) + (f"-in-{_scope_of(n.host)}" if n.family == "embassy" and n.host and owned else "")
        if not owned and n.owner is not None:
            key += f"-of-{_scope_of(n.owner)}"
        n.ref = f"{n.kind}:{where}/{key}"

    def label(self, n: _Name) -> str:
        """The canonical name if the owner is known, else the normal form of an organ ("Ministry of Foreign Affairs"
        for a bare "MFA"), else the name as written."""
        if (canonical := self.canonical(n)) is not None:
            return canonical
        return n.words if n.family in ("ministry", "party-organ", "embassy") else n.written


@lru_cache(maxsize=4)
def _after_title(authority: Authority) -> re.Pattern[str]:
    """A title of the role scheme and "of", "to", "in" or "at" ending a text."""
    labels = sorted({fold(label).lower() for role in authority.roles for label in role.labels}, key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, labels))})\s+(?:of|to|in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _share_owners(names: list[_Name], finder: _Finder) -> None:
    """A bare organ ("the Politburo", "the MFA", "the Central Committee") is of the one owner the record gives that
    organ elsewhere; a congress or plenum of no party named is of the party the record names most; an embassy of
    no place named is the one of its state the record places."""
    owners: dict[tuple[str, str], set[str]] = {}
    hosts: dict[tuple[str, str], set[str]] = {}
    for n in names:
        if n.owner is not None:
            owners.setdefault((n.family, n.words), set()).add(n.owner)
            if n.family == "embassy" and n.host is not None:
                hosts.setdefault((n.words, n.owner), set()).add(n.host)
    party = finder.mentioned.most_common(2)
    top = party[0][0] if party and (len(party) == 1 or party[0][1] > party[1][1]) else None
    for n in names:
        if n.owner is None and n.family in ("ministry", "party-organ", "embassy", "congress", "plenum"):
            known = owners.get((n.family, n.words), set())
            if len(known) == 1:
                n.owner = next(iter(known))
            elif not known and n.family in ("congress", "plenum", "party-organ") and top is not None:
                n.owner = top
        if n.family == "embassy" and n.owner is not None and n.host is None:
            known = hosts.get((n.words, n.owner), set())
            if len(known) == 1:
                n.host = next(iter(known))


def _normal(family: str, words: str, ordinals: list[int], months: list[str], head: str) -> str:
    """One wording for the wordings of one organ or occasion."""
    w = re.sub(r"\s+", " ", words).strip()
    if family == "ministry":
        w = re.sub(r"^(?:MFA|Foreign Office)$", "Ministry of Foreign Affairs", w)
        if m := re.fullmatch(r"(?P<what>.+?) Ministry", w):
            w = f"Ministry of {m['what']}"
        w = re.sub(r"^Ministry of (?:the )?", "Ministry of ", w)
        w = re.sub(r"^Ministry of (?:Foreign|External Affairs|Foreign Affairs)$", "Ministry of Foreign Affairs", w)
        w = re.sub(r"^Ministry of (?:National )?Defen[cs]e$", "Ministry of Defense", w)
    elif family == "party-organ":
        w = re.sub(r"\bCC\b", "Central Committee", w)
        w = re.sub(r"\bPolitical Bureau\b", "Politburo", w)
        w = re.sub(r"^Central Committee (?=\S)(?!of\b)", "", w)
        w = re.sub(r"^(?:Politburo|Presidium|Secretariat) of (?:the )?Central Committee$", lambda m: m.group(0).split()[0], w)
    elif family == "congress":
        return f"{_ordinal_text(ordinals[0])} Congress"
    elif family == "plenum":
        which = months[0] + " " if months else f"{_ordinal_text(ordinals[0])} " if ordinals else ""
        return f"{which}Plenum"
    elif family == "accord":  # "the Bled Agreement" and "the Bled Treaty" are one accord
        return re.sub(r"\b(?:Treaty|Agreement|Accords?)\b", "Agreement", w)
    elif family == "meeting":
        return re.sub(r"\b(Meeting|Session)\b", lambda m: m.group(1).lower(), w)
    elif family == "embassy":
        return "Consulate General" if head.startswith("Consulate") and "General" in head else head.split()[0].title()
    elif family == "body" and re.fullmatch(r"Foreign Office", w):
        return "Ministry of Foreign Affairs"
    return w


def names_a_body(phrase: str) -> bool:
    """Whether a phrase is an institution's name by its shape: capitalised words whose head is an organisation's
    head word, last or before its "of"/"for"/"on" phrase ("Policy Planning Council", "Bureau of European Affairs",
    "Council for Mutual Economic Assistance"), and not a person's title ("Deputy Chief of Mission")."""
    words = phrase.split()
    if not words or words[0] in _STOP or not all(w[:1].isupper() or w in _JOIN for w in words):
        return False
    return any(_HEADS.get(w, ("", "", False))[0] == ORGANIZATION and (k == len(words) - 1 or words[k + 1] in _LEADS)
               for k, w in enumerate(words))


def record_key(kind: str, words: str, scope: str) -> str:
    """The key of an organisation or event of one record that no owner makes standing: the same for every wording
    the record gives it ("the Policy Planning Council", a glossed "S/P")."""
    return f"{kind}:document-{_slug(scope)}/{_slug(words)}"


def _written(phrase: str, head: str = "") -> str:
    """A name as written, without its article and with its spaces single; one in a heading in capitals as it is
    written in a sentence ("44TH NSC MEETING": "44th NSC Meeting", "THE MINISTER'S PLANNING MEETING": "Minister's
    Planning Meeting")."""
    phrase = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", phrase).strip(), flags=re.I)
    words = phrase.split(" ")
    if not phrase.isupper() or not head or not any(_ORDINAL.fullmatch(w) and w[:1].isdigit() or len(w) > 4 for w in words):
        return phrase
    # Short words in capitals may be abbreviations ("NSC", "NATO") and stay so; longer ones are words.
    return " ".join(w.lower() if _ORDINAL.fullmatch(w) and w[:1].isdigit() else head if w.title() == head
                    else w.title().replace("'S", "'s").replace("’S", "’s") if len(w.rstrip("'’S")) > 4 or w.endswith(("'S", "’S"))
                    else w for w in words)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-") or "x"


def _scope_of(iri: str) -> str:
    """"party-cpsu" for .../id/party/cpsu: an authority entity as the scope of what belongs to it."""
    parts = iri.rstrip("/").split("/")
    return _slug("-".join(parts[-2:]))
