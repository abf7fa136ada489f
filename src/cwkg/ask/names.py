"""Names in a question resolved to the store's entities: through labels, aliases, abbreviations and
adjectives (`queries/resolve.py`), and titles through posts ("the Secretary of State", "the Ruritanian envoy
in Strelsau": the holder of such a post in the question's years). Names inside a claim are found by their
longest labelled runs of words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cwkg.errors import QueryError
from cwkg.ontology import vocab
from cwkg.queries.resolve import Resolver

from .lexicon import ROLE_CLASSES, ROLES, STOPWORDS
from .model import Ambiguous, DateWindow, Unknown
from .running import Runner

CW = str(vocab.CW)
PERSON = ("Person",)
AGENT = ("State", "PoliticalParty", "Organization")
PLACE = ("City", "Place", "Region", "State")
# What a record's subject may be, most specific first: a name that labels both a state and something else (a
# volume's glossary term, a person mislabelled by a list) is taken as the entity of the first of these kinds.
SUBJECT = ("State", "PoliticalParty", "Organization", "Region", "City", "Place", "Event", "Congress", "Topic", "Person")
_ROLE = "|".join(sorted((re.escape(r) for r in ROLES), key=len, reverse=True))
_TITLE = re.compile(rf"^(?:(?P<adj>[\w'.-]+(?:\s+[\w'.-]+)?)\s+)?(?P<role>{_ROLE})(?:\s+(?P<prep>of|to|in|at)\s+(?P<where>.+))?$", re.I)
MAX_RUN = 6  # words in the longest label looked for inside a claim


@dataclass(frozen=True)
class Found:
    iri: str
    label: str
    kinds: tuple[str, ...]


def variants(phrase: str) -> list[str]:
    """The ways a question may write a name: as written, without an article, without a possessive."""
    out = [phrase.strip()]
    bare = re.sub(r"^(?:the|a|an)\s+", "", out[0], flags=re.I)
    bare = re.sub(r"'s?$", "", bare)
    if bare not in out:
        out.append(bare)
    return [v for v in out if v]


def preferred(found: list[Found], kinds: tuple[str, ...]) -> list[Found]:
    """The candidates of the kinds wanted, if any are; without wanted kinds, those of the first SUBJECT kind any has."""
    if kinds:
        return [f for f in found if set(f.kinds) & set(kinds)] or found
    for kind in SUBJECT:
        fitting = [f for f in found if kind in f.kinds]
        if fitting:
            return fitting
    return found


class Names:
    """Resolves a question's slots with one store's labels; kept per question, so lookups are not repeated."""

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.resolver = Resolver(runner.store)
        self._seen: dict[str, list[Found]] = {}

    def candidates(self, phrase: str) -> list[Found]:
        key = phrase.lower()
        if key not in self._seen:
            found: list[str] = []
            for v in variants(phrase):
                try:
                    found = self.resolver.entities(v)
                except QueryError:
                    found = []
                if found:
                    break
            described = self.resolver.describe(found)
            self._seen[key] = [Found(e, *described[e]) for e in found]
        return self._seen[key]

    def one(self, phrase: str, slot: str, kinds: tuple[str, ...] = (), window: DateWindow | None = None) -> Found:
        """The one entity the phrase names, of the kinds wanted (else of the first kind of SUBJECT it has); a title
        names its holder. Refuses an ambiguous or unknown name rather than guess."""
        found = preferred(self.candidates(phrase), kinds)
        if not found and (not kinds or set(kinds) & set(PERSON)):
            found = self.holders(phrase, window)
        if len(found) > 1:
            raise Ambiguous(phrase, slot, [(f.iri, f.label) for f in found])
        if not found:
            raise Unknown(phrase, slot)
        return found[0]

    def some(self, phrase: str | None, kinds: tuple[str, ...]) -> list[Found]:
        """Every entity of the kinds wanted the phrase may name (for soft matching: none is no error)."""
        if not phrase:
            return []
        return preferred(self.candidates(phrase), kinds)

    def holders(self, phrase: str, window: DateWindow | None) -> list[Found]:
        """Whoever held the post a title names in the question's years: by the title itself, else by role, state and
        city ("the Ruritanian ambassador in Strelsau")."""
        years = window.years() if window else None
        base = {"year": years} if years else {}
        title = variants(phrase)[-1]
        rows = self.runner.rows("post-holders", {**base, "title": title})
        if not rows and (m := _TITLE.match(title)):
            params = dict(base)
            if m["adj"]:
                states = self.some(m["adj"], ("State", "Organization", "PoliticalParty"))
                if len(states) != 1:
                    return []
                params["state"] = states[0].iri
            if m["where"]:
                places = self.some(m["where"], PLACE)
                if len(places) != 1:
                    return []
                key = "state" if "State" in places[0].kinds and "state" not in params else "city"
                params[key] = places[0].iri
            rows = [r for role in ROLE_CLASSES[ROLES[m["role"].lower()]] for r in self.runner.rows("post-holders", {**params, "role": CW + role})]
        seen: dict[str, Found] = {}
        for r in rows:
            seen.setdefault(r["holder"], Found(r["holder"], r.get("name") or r["holder"], PERSON))
        return list(seen.values())

    def in_text(self, text: str) -> list[Found]:
        """The entities named inside free text: the longest labelled runs of words, left to right, each naming
        one entity (an ambiguous run names none)."""
        words = re.findall(r"[\w.'-]+", text)
        out: list[Found] = []
        i = 0
        while i < len(words):
            taken = 0
            for n in range(min(MAX_RUN, len(words) - i), 0, -1):
                run = words[i:i + n]
                if run[0].lower() in STOPWORDS or run[-1].lower() in STOPWORDS:
                    continue
                if n == 1 and (len(run[0]) < 3 or run[0].islower()):
                    continue  # a single lower-case word is a word, not a name (topics come through their phrases)
                phrase = " ".join(run).removesuffix("'s")
                # an abbreviation keeps its dots ("U.S."); a sentence's full stop is dropped
                found = (phrase.endswith(".") and preferred(self.candidates(phrase), ())) or \
                    preferred(self.candidates(phrase.rstrip(".").removesuffix("'s")), ())
                if len(found) == 1:
                    out.append(found[0])
                    taken = n
                    break
            i += taken or 1
        return out
