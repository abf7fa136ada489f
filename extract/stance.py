"""The stance of a reported clause: from the reporting verb's meaning, the clause's own evaluative
words, and its grammar (a condition is not asserted; a directive verb with an indicative clause
reports a claim, not a proposal).

Cues and verbs live in `ontology/stances.ttl`; this module only decides which of them speaks.
"""

from __future__ import annotations

import re

from cwkg.graph.namespaces import ID

from .authority import Authority, verb_lemmas
from .syntax import complement_mood

INFORMS = f"{ID}stance/informs"
ADVOCATES = f"{ID}stance/advocates"
PROPOSES = f"{ID}stance/proposes"

_DECISION = re.compile(r"\b(?:would|will|shall)\s+(?:\w+\s+)?(?:be\s+)?\w+", re.I)
# A condition ("if they left, ...", "should they leave, ...", "unless ...,") states no view of its own.
_CONDITION = re.compile(
    r"(?:\b(?:if|unless|in case|in the event (?:of|that))\b|^(?:should|were|had)\b)[^,;:\u2014]*(?:[,;:\u2014]|$)", re.I)
_DIRECTIVE = {ADVOCATES, PROPOSES}
# Saying that one has proposals to make ("I have two suggestions:", "Recommendations:") makes the verbless
# items after it proposals.
_ANNOUNCES = re.compile(
    r"^(?:(?:recommended |suggested |proposed |further )?(?:actions?|recommendations?|proposals?|suggestions?|action items?|"
    r"next steps|follow-up)\s*:?\s*$)|"
    r"\b(?:have|had|make|made|offer(?:ed)?|put forward|submit(?:ted)?|the following) (?:\w+ ){0,2}"
    r"(?:suggestions|proposals|recommendations)\b", re.I)


def without_conditions(clause: str) -> str:
    """The clause with its conditions blanked out, offsets kept."""
    return _CONDITION.sub(lambda m: " " * len(m.group(0)), clause)


def announces_proposals(sentence: str) -> bool:
    return bool(_ANNOUNCES.search(sentence.strip()))


def stance_of(authority: Authority, clause: str, verb: str | None) -> tuple[str | None, str | None]:
    """The reporting verb's own stance ("warned"), else the clause's first cue, else a weak verb's ("agreed");
    with the reason, for `cwkg explain`."""
    by_verb = authority.verb_stance(verb) if verb else None
    if by_verb and by_verb[0] in _DIRECTIVE and complement_mood(clause) == "indicative":
        by_verb = None  # "suggested that the lesson may be ...": a claim
    if by_verb and not by_verb[1]:
        return by_verb[0], f"verb '{verb}'"
    cued = authority.stance_cue(without_conditions(clause))
    if cued:
        return cued[0], f"cue '{cued[1]}'"
    if by_verb and {"agree", "concur"} & set(verb_lemmas(verb)) and _DECISION.search(clause):
        return ADVOCATES, f"agreement on what would be done ('{verb}')"  # "It was agreed that X would be studied"
    if by_verb:
        return by_verb[0], f"verb '{verb}'"
    cued = authority.stance_cue(verb) if verb else None
    return (cued[0], f"verb '{verb}'") if cued else (None, None)
