"""The stance of a reported clause: from the reporting verb's meaning, the clause's own evaluative
words, and its grammar (a condition is not asserted; a directive verb with an indicative clause
reports a claim, not a proposal).

Cues and verbs live in `ontology/stances.ttl`; this module only decides which of them speaks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from . import reporting
from .authority import Authority
from .inflect import verb_lemmas
from .syntax import complement_mood, experiencer

# Stances by their label in the scheme (`ontology/stances.ttl`); the mapping makes their IRIs.
INFORMS = "informs"
ADVOCATES = "advocates"
PROPOSES = "proposes"
CRITICIZES = "criticizes"
CONCERNED = "concerned"
DENIES = "denies"
OPPOSES = "opposes"
# A fault found in what may yet happen ("the tariff might prove harmful") is a fear of it (Martin and White 2005, appraisal).
_IRREALIS = re.compile(r"\b(?:would|could|might|may|will|shall)\b(?! not\b)", re.I)

# A fault-finding word right after a negation finds no fault: "did not criticize", "never meant to accuse", "not blaming".
_NOT_BEFORE = re.compile(r"\b(?:not|never|n['’]t)\s+(?:(?:mean|intend|want|wish)\s+)?(?:to\s+)?$", re.I)
# A proposal negated advises against: "would not recommend sending troops", "nobody should propose it".
_PUTTING_FORWARD = re.compile(r"(?:recommend|suggest|propos|urg|advis|request|insist|demand)", re.I)
_NOBODY_BEFORE = re.compile(r"\b(?:(?:not|never|n['’]t)|(?:no one|nobody|none of us) (?:would|will|should|could))\s+$", re.I)
# What was agreed to be done ("all agreed that the matter would go to a committee", "that they would meet again"), not a
# state foreseen ("agreed that they would find it hard", "would seem"): verbs of experience and appearance decide nothing.
_DECISION = re.compile(r"\b(?:would|will|shall)\s+(?!(?:\w+\s+)?(?:find|seem|appear|feel|know|remain|like|prefer)\b)"
                       r"(?:\w+\s+)?(?:be\s+)?\w+", re.I)
# A condition ("if they left, ...", "if they left then ...", "should they leave, ...", "unless ...,") states no view
# of its own. An inverted one puts its subject after the auxiliary and ends before the main clause ("Had Moscow
# known, ...", "Were they to leave, ..."; Quirk et al. 1985 on conditional clauses with inversion); a clause that
# begins with "were" after a medial reporting clause ("the visits, he said, were useful") is the main clause itself.
_CONDITION = re.compile(
    r"\b(?:if|unless|in case|in the event (?:of|that))\b[^,;:\u2014]*?(?:[,;:\u2014]|\bthen\b|$)"
    r"|^(?:should|were|had)\s+(?:I|we|you|he|she|it|they|there|the|this|that|these|those|our|their|his|her|its|(?-i:[A-Z]\w*))\b"
    r"[^,;:\u2014]*[,;:\u2014]", re.I)
_DIRECTIVE = {ADVOCATES, PROPOSES}
# Words that name an attitude someone holds, felt or shown (an experiencer's: "Warsaw will welcome", "the minister
# grew anxious"), as against words that judge a thing ("the plan is unworkable") or call for action ("the Soviets should go"),
# which stay the speaker's whoever is their subject.
_ATTITUDE_WORD = re.compile(r"^(?:welcom|reject|oppos|support|favou?r|fear|worr|resent|object|refus|protest|complain|vote|"
                            r"concern|anxi|afraid|disagree|satisf|approv|endors|critici|condemn|denounc|deplor)", re.I)
# Saying that one has proposals to make ("I have two suggestions:", "Recommendations:") makes the verbless
# items after it proposals.
_ANNOUNCES = re.compile(
    r"^(?:(?:recommended |suggested |proposed |further )?(?:actions?|recommendations?|proposals?|suggestions?|action items?|"
    r"next steps|follow-up)\s*:?\s*$)|"
    r"\b(?:have|had|make|made|offer(?:ed)?|put forward|submit(?:ted)?|the following) (?:\w+ ){0,2}"
    r"(?:suggestions|proposals|recommendations)\b", re.I)


# A negative question puts a suggestion ("asked if they might not wait": Quirk et al. 1985, 11.9 on
# conducive questions); a question without the negation doubts.
_CONDUCIVE = re.compile(r"^(?:whether|if)?\s*(?:\w+ ){1,2}(?:should|might|could|would)(?: not|n['’]t)\b", re.I)
_ASKING = {"wonder", "ask", "question", "inquire", "enquire"}
# A negated verb of thinking or agreeing reports the contrary, by the verb's kind in the reporting lexicon: not knowing,
# believing or understanding that or whether something is so doubts it ("did not think that ...", "did not know
# whether ...": Quirk et al. 1985 on transferred negation); not agreeing opposes ("did not agree that ...").
_NEGATED = {"think": "doubts", "agree": "opposes"}


# "X objected by saying that ...", "Y replied by noting that ...": the act is done by way of saying something (Quirk et
# al. 1985 on adjuncts of means), so the words said give its stance before the act's verb does.
_BY_MEANS = re.compile(r"\bby\s+[a-z]+ing(?:\s+out)?\s*(?:that\s*)?$", re.I)


def by_means(lead: str) -> bool:
    """Whether the words before a reported clause end in a verb of saying as the means ("... by saying that")."""
    return _BY_MEANS.search(lead) is not None


def negates(lead: str, verb: str) -> bool:
    """Whether the words before a reported clause end in its reporting verb negated ("did not know whether")."""
    return _negated_verb(verb).search(lead) is not None


@lru_cache(maxsize=1024)
def _negated_verb(verb: str) -> re.Pattern[str]:
    return re.compile(rf"\b(?:not|n['’]t|never)\s+(?:\w+ly\s+)?{re.escape(verb)}(?:\s+(?:that|whether|if))?\W*$", re.I)


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding offset `at` begins: after the last comma, semicolon, colon or dash before it."""
    return max(text.rfind(mark, 0, at) for mark in ",;:\u2014") + 1


def without_conditions(clause: str) -> str:
    """The clause with its conditions blanked out, offsets kept."""
    return _CONDITION.sub(lambda m: " " * len(m.group(0)), clause)


def announces_proposals(sentence: str) -> bool:
    return bool(_ANNOUNCES.search(sentence.strip()))


@lru_cache(maxsize=256)
def _cue_at(authority: Authority, masked: str) -> tuple[str, str, int, int] | None:
    """`Authority.stance_cue_at`, read once for both `parse_questions` and `stance_of`."""
    return authority.stance_cue_at(masked)


def parse_questions(authority: Authority, clause: str, verb: str | None) -> tuple[str, ...]:
    """The texts `stance_of` may ask the parse about for this clause, so a record's clauses can be parsed in one
    batch before (`syntax.prepare`); one it leaves out is still parsed when asked, only dearer."""
    by_verb = authority.verb_stance(verb) if verb else None
    asks = by_verb is None and verb is not None and "ask" in verb_lemmas(verb)
    wanted = (clause,) if asks or by_verb and by_verb[0] in _DIRECTIVE else ()
    if by_verb and not by_verb[1] and by_verb[0] not in _DIRECTIVE:
        return wanted  # the verb's own stance decides before any cue is read
    masked = without_conditions(clause)
    cued = _cue_at(authority, masked)
    return wanted + (masked,) if cued and _ATTITUDE_WORD.match(cued[1]) else wanted


def stance_of(authority: Authority, clause: str, verb: str | None,
              own_side: Callable[[int, int], bool] | None = None, negated: bool = False,
              said_as_means: bool = False) -> tuple[str | None, str | None]:
    """The reporting verb's own stance ("warned"), else the clause's first cue, else a weak verb's ("agreed");
    with the reason, for `cwkg explain`. A word of attitude held by a third party reports that party's attitude
    ("Warsaw will welcome the plan": the speaker informs), unless `own_side` says the words at those clause offsets
    name the speaker's own side ("the Chinese government rejects", said by China's foreign minister)."""
    if negated and verb and (kind := reporting.verb_kind(verb)) in _NEGATED:
        return _NEGATED[kind], f"a negated '{verb}'"
    if verb and _ASKING & set(verb_lemmas(verb)) and _CONDUCIVE.match(clause.strip()):
        return PROPOSES, f"a negative question ('{verb}' ... not)"
    by_verb = authority.verb_stance(verb) if verb else None
    if by_verb is None and verb and "ask" in verb_lemmas(verb) and complement_mood(clause) == "mandative":
        by_verb = authority.verb_stance("request")  # "asked that the talks be resumed" is a request (Levin 37.1)
    if by_verb and by_verb[0] in _DIRECTIVE and complement_mood(clause) == "indicative":
        by_verb = None  # "suggested that the lesson may be ...": a claim
    if by_verb and said_as_means:
        by_verb = (by_verb[0], True)  # "objected by saying that ...": what was said speaks first, the act after it
    if by_verb and not by_verb[1]:
        return by_verb[0], f"verb '{verb}'"
    masked = without_conditions(clause)
    cued = _cue_at(authority, masked)
    if cued and _ATTITUDE_WORD.match(cued[1]) and (holder := experiencer(masked, cued[2], cued[3])) and not (
            own_side and own_side(*holder)):
        return INFORMS, f"cue '{cued[1]}' states the attitude of {clause[holder[0]:holder[1]]}"
    if cued and cued[0] == CRITICIZES and _NOT_BEFORE.search(masked, 0, cued[2]):
        return DENIES, f"cue '{cued[1]}' negated"  # "he never meant to accuse them": a fault not found
    if cued and cued[0] in _DIRECTIVE and _PUTTING_FORWARD.match(cued[1]) and \
            _NOBODY_BEFORE.search(masked, 0, cued[2]):
        return OPPOSES, f"cue '{cued[1]}' negated"  # "would not recommend it", "nobody should propose it"
    if cued and cued[0] == CRITICIZES and _IRREALIS.search(masked, _clause_start(masked, cued[2]), cued[2]):
        return CONCERNED, f"cue '{cued[1]}' in what may yet happen"
    if cued:
        return cued[0], f"cue '{cued[1]}'"
    phrased = reporting.phrase_stance(masked)
    if phrased and authority.has_stance(phrased[0]):
        return phrased[0], f"phrase '{phrased[1]}'"  # "We are glad ... and express confidence that ..."
    if by_verb and {"agree", "concur"} & set(verb_lemmas(verb)) and _DECISION.search(clause):
        return ADVOCATES, f"agreement on what would be done ('{verb}')"  # "All agreed that X would be studied"
    if by_verb:
        return by_verb[0], f"verb '{verb}'"
    cued = authority.stance_cue(verb) if verb else None
    return (cued[0], f"verb '{verb}'") if cued else (None, None)
