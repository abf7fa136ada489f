"""Where a record was written when its dateline names no place: the embassy that sent it, else the post its author
held there; and, for a meeting the record does not place, the post of the envoy who took part.

An embassy sits in the capital of the state it is accredited to, and an envoy writes from the post: so a
cryptogram "from the Ruritanian Embassy in Freedonia", a journal under the letterhead "EMBASSY OF RURITANIA IN
FREEDONIA", or a memorandum whose author is Ruritania's ambassador to Freedonia was written in Freedonia's
capital. The embassy must be the record's sender (its letterhead, or the title's "from ..." or "<kind>, Embassy
..."), never an embassy the text merely names ("the counsellor of the Freedonian Embassy in Ruritania").
"""

from __future__ import annotations

import re

from .authority import Authority
from cwkg.records.facts import Mention, PostFact

_EMBASSY_IN = r"embassy(?:[ \t]+of[ \t]+(?:the[ \t]+)?[\w.'’ -]{1,40}?)?[ \t]+(?:in|at|to)[ \t]+(?:the[ \t]+)?"
# The sender as a title gives it: "Report, Embassy of Ruritania in Freedonia ...", "Telegram from the Ruritanian Embassy in ...".
_TITLE_SENDER = re.compile(rf"(?:^[\w ]{{1,40}},[ \t]+|\bfrom[ \t]+)(?:the[ \t]+)?(?:[\w.'’-]+[ \t]+){{0,3}}?{_EMBASSY_IN}", re.I)
# A letterhead: a line that begins with the embassy's name ("USSR EMBASSY IN THE DPRK").
_LETTERHEAD = re.compile(rf"^[ \t]*(?:the[ \t]+)?(?:[\w.'’-]+[ \t]+){{0,3}}?{_EMBASSY_IN}", re.I | re.M)


def embassy_seat(text: str, mentions: list[Mention], authority: Authority, title: bool) -> str | None:
    """The city of the sending embassy that `text` (a title, or the lines above a record's text) names: the
    place it names, or the capital of the state. `mentions` are the states and places in `text`, by its offsets."""
    starts = {m.span.start: m for m in mentions if m.kind in ("state", "place")}
    for m in (_TITLE_SENDER if title else _LETTERHEAD).finditer(text):
        target = starts.get(m.end())
        if target is not None:
            return target.entity if target.kind == "place" else authority.capital(target.entity)
    return None


def post_seat(author: str | None, posts: list[PostFact]) -> str | None:
    """The city of the one post abroad that the record's author holds in it."""
    return envoys_seat([author] if author else [], posts)


def envoys_seat(persons: list[str], posts: list[PostFact]) -> str | None:
    """Where an envoy among `persons` (a meeting's participants, the persons its title names) is posted, when they
    are all posted in one city: an envoy meets the officials of the state he is accredited to in its capital."""
    cities = {p.city for p in posts if p.holder in persons and p.city}
    return cities.pop() if len(cities) == 1 else None
