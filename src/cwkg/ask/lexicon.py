"""The English words `cwkg ask` reads questions by: reporting verbs and the stance each gives (the reporting
lexicon's, extract/lexicon/reporting.tsv; the stance names are those of ontology/stances.ttl), role nouns (the
ontology's, `roles.py`), the kinds of entity a "which ..." asks for, meeting words and the
function words left out when claims are compared. General English, no document's wording."""

from __future__ import annotations

from cwkg.extract import reporting

from .roles import role_words

# A reporting verb of a "who VERBed ..." question -> the stance of the positions it asks for (None: any stance): the
# past of every verb of the reporting lexicon, with the stance its meaning gives what it reports.
# A verb followed by "against" or "for" is read as opposing or advocating (see `stance_of`).
VERB_STANCE: dict[str, str | None] = reporting.past_stances()
AGAINST_FOR = {"against": "opposes", "for": "advocates", "in favor of": "supports", "in favour of": "supports"}

# A role noun as asked (singular or plural) -> the role it names, and a role -> the cw: roles whose holders count as
# it: read from the ontology's classes of roles and their holder terms ("envoys" are any head of mission).
ROLES = role_words().words
ROLE_CLASSES = role_words().classes

# "which WORD" -> the kind of entity asked for.
WHAT = {
    "states": "state", "state": "state", "countries": "state", "country": "state", "nations": "state",
    "governments": "state", "allies": "state", "powers": "state",
    "officials": "person", "official": "person", "people": "person", "persons": "person", "leaders": "person",
    "participants": "person", "named participants": "person", "representatives": "person", "men": "person",
    "parties": "party", "party": "party", "organisations": "organization", "organizations": "organization",
    "bodies": "organization", "institutions": "organization",
}

# Nouns that name a meeting, with the kind they are (the meeting-kind labels of ontology/meeting-kinds.ttl).
MEETING_WORDS = ("meeting", "meetings", "session", "conversation", "talks", "talk", "luncheon", "lunch", "dinner",
                 "reception", "conference", "congress", "plenum", "consultation", "discussion", "audience", "visit",
                 "summit", "negotiations", "interview", "call")

STOPWORDS = frozenset("""a an the of in on at to for from by with about against into over under and or but that this these
those which who whom whose what when where why how is was were be been being are as it its it's their there they them
he she his her him i we our us you your not no nor any some such than then so very also would could should might may
must can will shall did do does done had has have having more most other others only own same both each few all
up down out off again further once here just during before after above below between through""".split())

MEETING_KIND = {"session": "meeting", "lunch": "luncheon", "talk": "talks", "negotiations": "talks",
                "meetings": "meeting", "discussion": "conversation", "interview": "conversation", "call": "visit"}
