"""Answer a read question: resolve its slots (`names`), run the canned queries its kind needs (`running`), and
turn their rows into entries, each name with the sentence, meeting and document it rests on."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from . import rank
from .lexicon import ROLE_CLASSES
from .model import Answer, Contacts, DateWindow, Discussed, Entry, MeetingRef, Named, Question, Said, TookPart, Unknown
from .names import AGENT, CW, PERSON, PLACE, Names
from .running import Runner

UNNAMED = "/person/unnamed/"  # speakers a record does not name ("one member said") are no answer to "who"
PERSON_IRI = "/id/person/"  # IRIs are minted by kind (DESIGN.md): a "who" is answered with persons, not a state that spoke


def _named_person(iri: str, name: str | None) -> bool:
    return PERSON_IRI in iri and UNNAMED not in iri and not (name or "").lower().startswith("unnamed")
KIND_CLASS = {"state": ("State",), "person": PERSON, "party": ("PoliticalParty",), "organization": ("Organization",)}


def _years(window: DateWindow | None) -> dict[str, str]:
    return {"year": window.years()} if window else {}


def _in(window: DateWindow | None, date: str | None) -> bool:
    return window is None or window.holds(date)


def _aliases(row: dict, key: str = "aliases") -> tuple[str, ...]:
    return tuple(a for a in (row.get(key) or "").split("|") if a)


def _merge(entries: list[Entry]) -> list[Entry]:
    """One entry per entity: its first (best) row, in order."""
    seen: dict[str, Entry] = {}
    names: set[str] = set()
    for e in entries:
        folded = " ".join(e.name.lower().split())
        if e.entity not in seen and folded not in names:  # two records' persons of one name, not linked, are one answer
            seen[e.entity] = e
            names.add(folded)
    return list(seen.values())


def _meeting_text(row: dict) -> str | None:
    parts = [row.get(k) for k in ("kind", "date", "where")]
    return ", ".join(p for p in parts if p) or None


class Answerer:
    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.names = Names(runner)
        self.caveat = ""  # set when the answer is ranked without the claim index

    # --- meetings ------------------------------------------------------------------------------------------------

    def meetings(self, ref: MeetingRef, window: DateWindow | None) -> tuple[list[str], dict[str, list[dict]]]:
        """The meetings that match most of what the question names (body, subject, place, kind) in its window, and
        the rows of every meeting by IRI."""
        body = self.names.some(ref.body, AGENT)
        topic = self.names.some(ref.topic, ())
        place = self.names.some(ref.place, PLACE)
        if not window and not (body or topic or place):
            raise Unknown(" ".join(p for p in (ref.body, ref.kind, ref.topic, ref.place) if p) or "the meeting", "meeting")
        params = {**_years(window), "body": body[0].iri if body else None, "topic": topic[0].iri if topic else None,
                  "place": place[0].iri if place else None}
        by_meeting: dict[str, list[dict]] = defaultdict(list)
        for row in self.runner.rows("meeting-participants", params):
            if _in(window, row.get("date")):
                by_meeting[row["meeting"]].append(row)
        if not by_meeting:
            return [], {}

        def fit(rows: list[dict]) -> int:
            r = rows[0]
            kind = (r.get("kind") or "").lower()
            return sum(bool(r.get(k)) for k in ("body_named", "topic_named", "place_named")) + bool(ref.kind and ref.kind in kind)

        top = max(fit(rows) for rows in by_meeting.values())
        return sorted(m for m, rows in by_meeting.items() if fit(rows) == top), by_meeting

    def took_part(self, q: TookPart) -> list[Entry]:
        chosen, rows = self.meetings(q.meeting, q.window)
        return _merge([Entry(r.get("name") or r["participant"], r["participant"], _aliases(r), meeting=_meeting_text(r),
                             date=r.get("date"), document=r["document"], title=r.get("title"))
                       for m in chosen for r in rows[m] if _named_person(r["participant"], r.get("name"))])

    # --- positions ------------------------------------------------------------------------------------------------

    def positions(self, window: DateWindow | None, by: str | None = None, among: set[str] | None = None) -> dict[str, dict]:
        """Each position of the window once (of those `among`, when given), with the set of its subjects and their
        kinds."""
        out: dict[str, dict] = {}
        if among is not None and not among:
            return out
        for row in self.runner.rows("positions-in-window", {**_years(window), "by": by},
                                    {"position": among} if among is not None else None):
            if not _in(window, row.get("date")):
                continue
            p = out.setdefault(row["position"], {**row, "subjects": {}})
            if row.get("subject") and row["subject"] != CW + "nothing":
                kind = (row.get("subject_kind") or "").rsplit("#", 1)[-1]
                p["subjects"][row["subject"]] = (row.get("subject_name") or row["subject"], kind)
        return out

    def _speaker_entry(self, p: dict, score: float | None = None) -> Entry:
        return Entry(p.get("speaker") or p["who"], p["who"], _aliases(p), quote=p.get("quote"), meeting=p.get("meeting"),
                     date=p.get("date"), document=p["document"], title=p.get("title"), score=score)

    def ranked(self, claim: str, window: DateWindow | None, stance: str | None, by: str | None = None,
               answers: Callable[[dict, frozenset[str]], bool] = lambda p, named: True
               ) -> tuple[list[rank.Scored], dict[str, dict], frozenset[str]]:
        """Every statement of the window that matches the claim, scored (`rank`), with the window's positions read and
        the entities the claim names.
        `answers(position, entities the claim names)` says which statements could answer the question: with the
        claim index, the statements about what the claim names that share no word with it are read only when such a
        statement could still be kept beside the best of those that do and answer (`rank.entity_only_may_count`)."""
        entities = frozenset(f.iri for f in self.names.in_text(claim))
        asked = rank.Claim(claim, entities, stance, window)
        index = self.runner.claim_index()
        if index is None:  # every statement of the window is read and compared
            self.caveat = rank.INTERIM
            positions = self.positions(window, by)
            return self._scored(asked, positions, None, None), positions, entities
        # those the index finds by their words; then, if they may count, those about what the claim names
        hits = rank.search(asked, index)
        positions = self.positions(window, by, {h.position for h in hits})
        scored = self._scored(asked, positions, index, hits)
        if entities and rank.entity_only_may_count(
                max((x.score for x in scored if answers(positions[x.key], entities)), default=0.0)):
            if about := self.runner.positions_about(entities) - positions.keys():
                positions.update(self.positions(window, by, about))
                scored = self._scored(asked, positions, index, hits)
        return scored, positions, entities

    @staticmethod
    def _scored(asked: rank.Claim, positions: dict[str, dict], index, hits) -> list[rank.Scored]:
        statements = [rank.Statement(k, p.get("quote") or "", frozenset(p["subjects"]), p.get("stance")) for k, p in positions.items()]
        return rank.rank(asked, statements, index, hits)

    def said(self, q: Said) -> list[Entry]:
        holders = self._role_holders(q.role, q.window) if q.role else None

        def answers(p: dict, in_claim: frozenset[str]) -> bool:
            if q.by_state:  # the speaker itself when a state spoke, else none: a person's state is not read here yet
                return "/id/state/" in p["who"]
            # a person the claim names is what was spoken of, not who spoke
            return _named_person(p["who"], p.get("speaker")) and p["who"] not in in_claim and (holders is None or p["who"] in holders)

        scored, positions, in_claim = self.ranked(q.claim, q.window, q.stance, answers=answers)
        best = rank.best([s for s in scored if answers(positions[s.key], in_claim)])  # ranked among the statements that can answer
        return _merge([self._speaker_entry(positions[s.key], s.score) for s in best])

    def named(self, q: Named) -> list[Entry]:
        by = self.names.one(q.by, "who named them", PERSON, q.window).iri if q.by else None
        wanted = KIND_CLASS[q.what]

        def named_in(p: dict, in_claim: frozenset[str]) -> list[tuple[str, str]]:
            return [(iri, name) for iri, (name, kind) in sorted(p["subjects"].items(), key=lambda kv: kv[1][0])
                    if kind in wanted and iri not in in_claim and UNNAMED not in iri]

        scored, positions, in_claim = self.ranked(q.claim, q.window, None, by, answers=lambda p, e: bool(named_in(p, e)))
        entries = []
        for s in rank.best([s for s in scored if named_in(positions[s.key], in_claim)]):
            p = positions[s.key]
            for iri, name in named_in(p, in_claim):
                entries.append(Entry(name, iri, (name,), quote=p.get("quote"), meeting=p.get("meeting"), date=p.get("date"),
                                     document=p["document"], title=p.get("title"), score=s.score))
        return _merge(entries)

    # --- discussed --------------------------------------------------------------------------------------------------

    def _topic(self, phrase: str, window: DateWindow | None) -> list[str]:
        found = self.names.candidates(phrase)
        if len(found) == 1:
            return [found[0].iri]
        if len(found) > 1:
            return [self.names.one(phrase, "subject", window=window).iri]  # refuses, listing the candidates
        inside = [f.iri for f in self.names.in_text(phrase)]
        if not inside:
            raise Unknown(phrase, "subject")
        return inside

    def _role_holders(self, role: str, window: DateWindow | None) -> set[str]:
        return {r["holder"] for c in ROLE_CLASSES[role] for r in self.runner.rows("post-holders", {**_years(window), "role": CW + c})}

    def discussed(self, q: Discussed) -> list[Entry]:
        topics = self._topic(q.topic, q.window)
        if q.role == "ambassador" and len(topics) == 1 and not q.meeting:
            rows = self.runner.rows("ambassadors-discussing", {**_years(q.window), "topic": topics[0]})
            return _merge([Entry(r["ambassador"], r["person"], (r["ambassador"],), quote=r.get("quote") or None,
                                 meeting=_meeting_text({"kind": r.get("meeting_kind"), "date": r.get("date"), "where": r.get("place")}),
                                 date=r.get("date"), document=r["document"], title=r.get("title"))
                           for r in rows if _in(q.window, r.get("date")) and not r["ambassador"].lower().startswith("unnamed")])
        if len(topics) > 1 and not q.meeting and not q.role:  # a subject in words: ranked as a claim is
            return self.said(Said(claim=q.topic, verb="discussed", window=q.window))
        positions = self.positions(q.window)
        at = set(self.meetings(q.meeting, q.window)[0]) if q.meeting else None
        holders = self._role_holders(q.role, q.window) if q.role else None
        wanted = set(topics)
        scored = []
        for key, p in positions.items():
            shared = len(wanted & set(p["subjects"]))
            if not shared or not _named_person(p["who"], p.get("speaker")) or (at is not None and p.get("meeting") not in at):
                continue
            if holders is not None and p["who"] not in holders:
                continue
            scored.append(rank.Scored(key, round(shared / len(wanted), 4)))
        if not scored and not q.meeting and not q.role:  # no statement is filed under the subject: look for its words
            return self.said(Said(claim=q.topic, verb="discussed", window=q.window))
        top = max((s.score for s in scored), default=0)
        kept = sorted((s for s in scored if s.score == top), key=lambda s: s.key)
        return _merge([self._speaker_entry(positions[s.key], s.score if len(wanted) > 1 else None) for s in kept])

    # --- contacts ---------------------------------------------------------------------------------------------------

    def contacts(self, q: Contacts) -> list[Entry]:
        person = self.names.one(q.person, "person", PERSON, q.window)
        if q.how == "met":
            rows = self.runner.rows("contacts-of", {**_years(q.window), "person": person.iri})
            return _merge([Entry(r.get("name") or r["other"], r["other"], _aliases(r), meeting=_meeting_text(r), date=r.get("date"),
                                 document=r["document"], title=r.get("title"))
                           for r in rows if _in(q.window, r.get("date")) and _named_person(r["other"], r.get("name"))])
        entries = []
        for r in self.runner.rows("letters-from", {**_years(q.window), "person": person.iri}):
            if not _in(q.window, r.get("date")):
                continue
            for found in self._addressees(r.get("title") or "", q.window):
                entries.append(Entry(found.label, found.iri, (found.label,), quote=r.get("title"), date=r.get("date"),
                                     document=r["document"], title=r.get("title")))
        return _merge(entries)

    def _addressees(self, title: str, window: DateWindow | None) -> list:
        """The addressee a record's title names ("Letter From A to B"): the longest tail of the words after "to"
        that names one person."""
        m = re.search(r"\bto\s+(?:the\s+)?(.+?)(?:\s*[,(;]|\s+(?:on|about|regarding|concerning)\s+|$)", title, re.I)
        if not m:
            return []
        words = m.group(1).split()
        for i in range(len(words)):
            found = [f for f in self.names.candidates(" ".join(words[i:])) if "Person" in f.kinds]
            if len(found) == 1:
                return found
        return []


def answer(runner: Runner, question: str, reading: Question) -> Answer:
    a = Answerer(runner)
    handlers = {TookPart: ("took part", a.took_part), Said: ("said", a.said), Named: ("named", a.named),
                Discussed: ("discussed", a.discussed), Contacts: ("contacts", a.contacts)}
    kind, handler = handlers[type(reading)]
    entries = handler(reading)
    return Answer(question, kind, reading, entries, list(runner.ran), "" if entries else "no answer in the store", a.caveat)
