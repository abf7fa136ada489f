"""Score the graph built from a document against its gold file (shared/gold/README.md).

The document is loaded into a fresh in-memory store and everything is read back from the
graph through SPARQL, so what is scored is what a user would query. Reports add up, so
a set of files gives a micro-averaged total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path

import pyoxigraph as ox
from unidecode import unidecode

from cwkg.errors import CwkgError, InputError
from cwkg.gold import Gold, GoldMeeting, document_id, locate_document, norm, occasion_names, read_gold
from cwkg.graph.derived import write_derived
from cwkg.graph.links import link_people
from cwkg.graph.store import GraphStore
from cwkg.graph.textfragment import char_range
from cwkg.loaders.source import SourceDocument
from cwkg.ontology.vocab import kind_classes
from cwkg.pipeline import ingest_file
from cwkg.ask import ask
from cwkg.queries.resolve import Resolver

_PLURAL = {"party": "parties"}  # the gold files' names of the kinds: plural, a region a place
KINDS = {c.value: _PLURAL.get(k, k + "s") for c, k in kind_classes(broad=True).items()}
SPELLINGS = {"organisations": "organizations"}  # gold files may spell the kinds the British way
LABEL = "skos:prefLabel|skos:altLabel|skos:hiddenLabel|rdfs:label|cw:abbreviation"


DOCUMENT_FIELDS = {"kind": "cw:documentKind", "date": "dcterms:date", "author": "dcterms:creator"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += bool(ok)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def as_dict(self) -> dict:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


_PARTS = {"P": "precision", "R": "recall", "F1": "f1"}


@dataclass
class Report:
    """Scores of one gold file, or (from `total`) of several added together."""

    gold: str
    document: str
    archive: str = ""  # who published the record (gold `document.publisher`, else its address's host): totals by archive
    persons: Score = field(default_factory=Score)
    mentions: dict[str, Score] = field(default_factory=dict)
    meetings: Score = field(default_factory=Score)
    meeting_date: Accuracy = field(default_factory=Accuracy)
    meeting_place: Accuracy = field(default_factory=Accuracy)
    participants: Score = field(default_factory=Score)
    posts: Score = field(default_factory=Score)
    positions: Score = field(default_factory=Score)
    speaker: Accuracy = field(default_factory=Accuracy)
    topic: Accuracy = field(default_factory=Accuracy)
    stance: Accuracy = field(default_factory=Accuracy)
    reported_by: Accuracy = field(default_factory=Accuracy)
    questions: Accuracy = field(default_factory=Accuracy)
    answer_names: Score = field(default_factory=Score)  # the names of the answers to the gold questions
    document_kind: Accuracy = field(default_factory=Accuracy)
    document_date: Accuracy = field(default_factory=Accuracy)
    document_author: Accuracy = field(default_factory=Accuracy)
    findings: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, text: str) -> None:
        """Keep one disagreement with the gold ("missed person", "extra post", "stance" ...) for --details."""
        self.findings.setdefault(kind, []).append(text)

    @property
    def mentions_total(self) -> Score:
        return sum(self.mentions.values(), Score())

    @property
    def name(self) -> str:
        return Path(self.gold).name.removesuffix(".gold.yaml")

    def measures(self) -> dict[str, Score | Accuracy]:
        """Every measure by its printed name, in the order the table shows them."""
        return {
            "persons": self.persons, "mentions": self.mentions_total, "meetings": self.meetings,
            "meeting date": self.meeting_date, "meeting place": self.meeting_place, "participants": self.participants,
            "posts": self.posts, "positions": self.positions, "speaker": self.speaker, "stance": self.stance,
            "topic": self.topic, "reporter": self.reported_by, "questions": self.questions, "answer names": self.answer_names,
            "document kind": self.document_kind, "document date": self.document_date, "document author": self.document_author,
        }

    def figure(self, key: str) -> float:
        """A measure by its printed name: "positions R" is the recall of positions, "stance" stance accuracy."""
        head, _, part = key.rpartition(" ")
        if part in _PARTS:
            return getattr(self.measures()[head], _PARTS[part])
        return self.measures()[key].value

    def as_dict(self) -> dict:
        out: dict = {"gold": self.gold, "document": self.document, "archive": self.archive}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (Score, Accuracy)):
                out[f.name] = value.as_dict()
        out["mentions"] = {"all": self.mentions_total.as_dict(), **{k: s.as_dict() for k, s in self.mentions.items()}}
        out["findings"] = self.findings
        return out


def total(reports: list[Report], name: str = "total") -> Report:
    """The micro-average: every count of every file added up."""
    out = Report(name, "", archive=reports[0].archive if reports and len({r.archive for r in reports}) == 1 else "")
    for r in reports:
        for f in fields(r):
            value = getattr(r, f.name)
            if isinstance(value, (Score, Accuracy)):
                setattr(out, f.name, getattr(out, f.name) + value)
        for kind, score in r.mentions.items():
            out.mentions[kind] = out.mentions.get(kind, Score()) + score
    return out


def by_archive(reports: list[Report]) -> list[Report]:
    """One micro-averaged total per archive, in the order the archives first appear: a rule fitted to one
    publisher's records shows as a gap between them."""
    groups: dict[str, list[Report]] = {}
    for r in reports:
        groups.setdefault(r.archive, []).append(r)
    return [total(rs, f"archive: {archive or 'unknown'}") for archive, rs in groups.items()]


def archive_of(gold: Gold) -> str:
    """The publisher the gold names, else the host of the record's address (history.state.gov for FRUS)."""
    publisher = gold.document.get("publisher")
    if publisher:
        return str(publisher)
    url = str(gold.document.get("url") or "")
    host = re.match(r"^[a-z]+://([^/]+)", url)
    return host.group(1) if host else ""


class _Graph:
    """The evaluated document's graph as the scorers need it: labels and a few lookups."""

    def __init__(self, store: GraphStore, doc: ox.NamedNode) -> None:
        self.store = store
        self.doc = doc
        self.labels: dict[str, set[str]] = {}
        for r in store.query(f"SELECT ?e ?l WHERE {{ ?e {LABEL} ?l }}"):
            self.labels.setdefault(r["e"].value, set()).add(norm(r["l"].value))

    def rows(self, sparql: str) -> list:
        return list(self.store.query(sparql, {ox.Variable("doc"): self.doc}))

    def names(self, term) -> set[str]:
        if term is None:
            return set()
        return self.labels.get(term.value, set()) | ({norm(term.value)} if isinstance(term, ox.Literal) else set())

    def body(self) -> str:
        return self.rows("SELECT ?t ?doc WHERE { ?doc cw:text ?t }")[0]["t"].value


def _score_persons(g: _Graph, gold: Gold, report: Report) -> None:
    rows = g.rows("SELECT DISTINCT ?p ?doc WHERE { GRAPH ?doc { ?p a cw:Person } FILTER NOT EXISTS { ?p cw:unnamed true } }")
    predicted = [g.names(r["p"]) for r in rows]
    for p in gold.persons:
        if any(names & p.names() for names in predicted):
            report.persons.tp += 1
        else:
            report.persons.fn += 1
            report.note("missed person", p.name)
    for names in predicted:
        if not any(names & p.names() for p in gold.persons):
            report.persons.fp += 1
            report.note("extra person", " / ".join(sorted(names)))


def _score_mentions(g: _Graph, gold: Gold, report: Report) -> None:
    by_kind: dict[str, set[str]] = {}
    for r in g.rows("SELECT DISTINCT ?e ?t ?doc WHERE { ?doc cw:mentions ?e . ?e a ?t }"):
        kind = KINDS.get(r["t"].value)
        if kind:
            by_kind.setdefault(kind, set()).add(r["e"].value)
    scores = {}
    for kind, names in gold.mentions.items():
        # An occasion's name may close with its date ("... of 19 May 1964"); any other name is compared whole.
        wanted = {norm(n): occasion_names(n) if SPELLINGS.get(kind, kind) == "events" else {norm(n)} for n in names}
        spellings = set().union(*wanted.values()) if wanted else set()
        entities = by_kind.get(SPELLINGS.get(kind, kind), set())
        found = {n for n, ways in wanted.items() if any(ways & g.labels.get(e, set()) for e in entities)}
        extra = sorted(min(g.labels.get(e, {e})) for e in entities if not g.labels.get(e, set()) & spellings)
        for name in sorted(set(wanted) - found):
            report.note(f"missed {kind}", name)
        for name in extra:
            report.note(f"extra {kind}", name)
        scores[kind] = Score(len(found), len(extra), len(wanted) - len(found))
    report.mentions = scores


@dataclass
class _Meeting:
    date: str | None
    places: set[str]
    participants: list[set[str]]


def _predicted_meetings(g: _Graph) -> list[_Meeting]:
    rows = g.rows("""SELECT ?m ?date ?place ?who ?doc WHERE { ?doc cw:records ?m .
        OPTIONAL { ?m cw:date ?date } OPTIONAL { ?m cw:place ?place } OPTIONAL { ?m cw:participant ?who } }""")
    meetings: dict[str, _Meeting] = {}
    seen: dict[str, set[str]] = {}
    for r in rows:
        m = meetings.setdefault(r["m"].value, _Meeting(r["date"].value if r["date"] else None, set(), []))
        m.places |= g.names(r["place"])
        if r["who"] is not None and r["who"].value not in seen.setdefault(r["m"].value, set()):
            seen[r["m"].value].add(r["who"].value)
            m.participants.append(g.names(r["who"]))
    return list(meetings.values())


def _fit(gold_meeting: GoldMeeting, wanted: list[set[str]], m: _Meeting) -> tuple[int, int]:
    """How well a predicted meeting fits a gold one: the same date first, then the most shared participants."""
    shared = sum(1 for names in wanted if any(names & p for p in m.participants))
    return (int(gold_meeting.date is not None and m.date == gold_meeting.date), shared)


def _meeting_pairs(gold: list[GoldMeeting], wanted: list[list[set[str]]], predicted: list[_Meeting]) -> dict[int, int]:
    """Gold and predicted meetings matched one to one, the best fitting pair first (not in the gold's order, which
    could give a gold meeting the prediction another fits better); a pair must share a date or a participant,
    unless the gold names no participants."""
    candidates = sorted(((_fit(g, wanted[gi], m), gi, pi) for gi, g in enumerate(gold) for pi, m in enumerate(predicted)
                         if sum(_fit(g, wanted[gi], m)) > 0 or not wanted[gi]), key=lambda c: (-c[0][0], -c[0][1], c[1], c[2]))
    pairs: dict[int, int] = {}
    for _, gi, pi in candidates:
        if gi not in pairs and pi not in pairs.values():
            pairs[gi] = pi
    return pairs


def _score_meetings(g: _Graph, gold: Gold, report: Report) -> None:
    predicted = _predicted_meetings(g)
    wanted_all = [[gold.person_names(p) for p in meeting.participants] for meeting in gold.meetings]
    pairs = _meeting_pairs(gold.meetings, wanted_all, predicted)
    for gi, meeting in enumerate(gold.meetings):
        wanted = wanted_all[gi]
        found = predicted[pairs[gi]] if gi in pairs else None
        if meeting.date:
            report.meeting_date.add(found is not None and found.date == meeting.date)
        if meeting.place:  # "Beijing (Fujian Hall, Great Hall of the People)": the city, its venue a gloss
            report.meeting_place.add(found is not None and norm(re.sub(r"\s*\([^)]*\)", "", str(meeting.place))) in found.places)
        if found is None:
            report.meetings.fn += 1
            report.participants.fn += len(wanted)
            report.note("missed meeting", f"{meeting.date or '?'}: {', '.join(meeting.participants)}")
            continue
        report.meetings.tp += 1
        if meeting.date and found.date != meeting.date:
            report.note("meeting date", f"gold {meeting.date}, found {found.date}")
        for label, names in zip(meeting.participants, wanted):
            if any(names & p for p in found.participants):
                report.participants.tp += 1
            else:
                report.participants.fn += 1
                report.note("missed participant", f"{meeting.date or '?'}: {label}")
        for p in found.participants:
            if not any(p & names for names in wanted):
                report.participants.fp += 1
                report.note("extra participant", f"{meeting.date or '?'}: {' / '.join(sorted(p))}")
    free = [m for i, m in enumerate(predicted) if i not in set(pairs.values())]
    report.meetings.fp += len(free)
    for m in free:
        report.note("extra meeting", f"{m.date or '?'}: {len(m.participants)} participants")


def _in_force(start, end, day: str | None) -> bool:
    """Whether a post held from `start` to `end` (ISO dates of any precision) was held on `day`."""
    if day is None:
        return True
    if start is not None and day[:len(start.value)] < start.value:
        return False
    return end is None or day[:len(end.value)] <= end.value


_FUNCTION_WORDS = {"of", "the", "for", "to", "and", "in", "at", "on", "a"}


def _title_words(title: str) -> list[str]:
    """An office title word by word, with case, punctuation, glosses in brackets and function words aside."""
    text = re.sub(r"\([^)]*\)", " ", unidecode(str(title)).lower()).strip()
    text = re.sub(r"^(?:the\s+)?(\w+)'s\s+(.+)$", r"\2 to the \1", text)  # "President's Assistant": "Assistant to the President"
    return [w for w in re.findall(r"[a-z0-9]+", text) if w not in _FUNCTION_WORDS]


def _names_within(name: str, titles: set[str]) -> bool:
    """Whether a body's name is spelled out inside one of the titles ("..., Department of State")."""
    words = _title_words(name)
    return bool(words) and any(any(t[i:i + len(words)] == words for i in range(len(t))) for t in map(_title_words, titles))


def _post_fits(post: dict, parts: dict[str, set[str]]) -> bool:
    """A predicted post fits a gold one when its title begins with the gold role (it may go on to name the body),
    its body is the gold `of` (or named in the title), its `to` is the gold one, and its city is the gold `at`
    (or, unstated, the capital of the state it serves or is accredited to: an official of a government sits there)."""
    if post.get("role"):
        wanted = _title_words(post["role"])
        if not any(_title_words(r)[:len(wanted)] == wanted for r in parts["role"]):
            return False
    if post.get("of") and norm(str(post["of"])) not in parts["of"] and not _names_within(str(post["of"]), parts["role"]):
        return False
    if post.get("to") and norm(str(post["to"])) not in parts["to"]:
        return False
    return not post.get("at") or norm(str(post["at"])) in (parts["at"] or parts["seat"])


def _score_posts(g: _Graph, gold: Gold, report: Report) -> None:
    """The posts the record gives its persons (the gold lists "the posts the text gives them"): stated in the
    document or in its volume's list of persons, and in force on the document's date. Posts the authority data
    knows from elsewhere are the graph's knowledge, not the record's. The gold lists the people the record names, so
    the post of someone it leaves unnamed ("the Ruritanian ambassador") is scored as persons are: not at all."""
    day = next((r["d"].value for r in g.rows("SELECT ?d ?doc WHERE { ?doc dcterms:date ?d }")), None)
    rows = g.rows("""SELECT ?person ?post ?role ?title ?of ?to ?at ?seat ?start ?end ?doc WHERE { GRAPH ?doc { ?person a cw:Person }
        FILTER NOT EXISTS { ?person cw:unnamed true }
        ?person (owl:sameAs|^owl:sameAs)? ?holder . ?holder cw:holdsPost ?post .
        { ?post cw:attestedIn ?doc } UNION { ?doc dcterms:isPartOf ?vol . ?post prov:wasDerivedFrom ?vol }
        OPTIONAL { ?post org:role ?role } OPTIONAL { ?post cw:postTitle ?title }
        OPTIONAL { ?post org:organization ?of } OPTIONAL { ?post cw:accreditedTo ?to } OPTIONAL { ?post cw:postCity ?at }
        OPTIONAL { ?seat cw:capitalOf ?state . FILTER(?state = COALESCE(?to, ?of)) }
        OPTIONAL { ?post cw:startDate ?start } OPTIONAL { ?post cw:endDate ?end } }""")
    posts: dict[str, tuple[set[str], dict[str, set[str]]]] = {}
    for r in rows:
        if not _in_force(r["start"], r["end"], day):
            continue
        holder, parts = posts.setdefault(r["post"].value, (set(), {k: set() for k in ("role", "of", "to", "at", "seat")}))
        holder |= g.names(r["person"])
        parts["role"] |= g.names(r["role"]) | g.names(r["title"])
        for key in ("of", "to", "at", "seat"):
            parts[key] |= g.names(r[key])
    matched: set[str] = set()
    score = report.posts
    for person in gold.persons:
        for post in person.posts:
            hits = [iri for iri, (holder, parts) in posts.items() if holder & person.names() and _post_fits(post, parts)]
            if hits:
                score.tp += 1
                matched.update(hits)
            else:
                score.fn += 1
                report.note("missed post", f"{person.name}: " + ", ".join(f"{k} {post[k]}" for k in ("role", "of", "to", "at") if post.get(k)))
    for iri in set(posts) - matched:
        score.fp += 1
        holder, parts = posts[iri]
        report.note("extra post", f"{' / '.join(sorted(holder))}: " + ", ".join(
            f"{k} {'|'.join(sorted(parts[k]))}" for k in ("role", "of", "to", "at") if parts[k]))


def _score_document(g: _Graph, gold: Gold, report: Report) -> None:
    for key, path in DOCUMENT_FIELDS.items():
        expected = gold.document.get(key)
        if expected is None:
            continue
        found = g.rows(f"SELECT ?v ?doc WHERE {{ ?doc {path} ?v }}")
        names = gold.person_names(str(expected)) if key == "author" else {norm(str(expected))}
        getattr(report, f"document_{key}").add(any(g.names(r["v"]) & names for r in found))


def _find(body: str, evidence: str) -> tuple[int, int] | None:
    """Offsets in `body` of a quote whose runs of white space were folded to one space."""
    pattern = r"\s+".join(re.escape(w) for w in evidence.split())
    m = re.search(pattern, body)
    if m is None:
        from cwkg.lang.text import fold

        m = re.search(r"\s+".join(re.escape(w) for w in fold(evidence).split()), fold(body))
    return (m.start(), m.end()) if m else None


@dataclass
class _Predicted:
    iri: str
    start: int
    end: int
    speaker: set[str]
    named: bool
    stance: str
    about: set[str]
    reporter: set[str]
    quote: str
    name: str


def _predicted_positions(g: _Graph) -> list[_Predicted]:
    rows = g.rows("""
        SELECT ?p ?speaker (SAMPLE(?name) AS ?speakerName) (SAMPLE(?isNamed) AS ?named) ?stanceLabel ?target ?exact ?reporter
               (GROUP_CONCAT(DISTINCT STR(?x); separator=" ") AS ?about) ?doc WHERE {
          ?p cw:inDocument ?doc ; a cw:Position ; cw:speaker ?speaker ; cw:stance/skos:prefLabel ?stanceLabel ;
             oa:hasTarget ?target ; cw:quote ?exact .
          OPTIONAL { ?p cw:reportedBy ?reporter }
          OPTIONAL { ?p cw:about|cw:topic ?x }
          OPTIONAL { ?speaker skos:prefLabel ?name }
          OPTIONAL { ?speaker a cw:Person . FILTER NOT EXISTS { ?speaker cw:unnamed true } BIND(true AS ?isNamed) }
        } GROUP BY ?p ?speaker ?stanceLabel ?target ?exact ?reporter ?doc""")
    out = []
    for r in rows:
        about = set().union(*(g.labels.get(x, set()) for x in r["about"].value.split())) if r["about"] else set()
        if (at := char_range(r["target"].value)) is None:
            continue
        out.append(_Predicted(r["p"].value, at.start, at.end, g.names(r["speaker"]),
                              r["named"] is not None, r["stanceLabel"].value, about, g.names(r["reporter"]),
                              r["exact"].value, r["speakerName"].value if r["speakerName"] else r["speaker"].value))
    return out


def _speaks(gold: Gold, label: str, p: _Predicted) -> bool:
    """A named gold speaker matches by name; a descriptive one ("unnamed participant") any speaker not a named person."""
    if p.speaker & gold.person_names(label):
        return True
    return not gold.is_named_person(label) and not p.named


def _pairs(spans: list[tuple[int, int] | None], predicted: list[_Predicted], speaks) -> list[tuple[int, int]]:
    """Gold and predicted positions matched one to one, the largest overlap first: a prediction that spans two
    gold statements counts for one of them, and the other is missed (shared/gold/README.md)."""
    candidates = sorted(((min(p.end, span[1]) - max(p.start, span[0]), gi, pi)
                         for gi, span in enumerate(spans) if span is not None
                         for pi, p in enumerate(predicted) if p.start < span[1] and span[0] < p.end and speaks(gi, p)),
                        key=lambda c: (-c[0], c[1], c[2]))
    taken_gold: set[int] = set()
    taken_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in taken_gold and pi not in taken_pred:
            taken_gold.add(gi)
            taken_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def _score_positions(g: _Graph, gold: Gold, report: Report) -> None:
    body = g.body()
    predicted = _predicted_positions(g)
    spans = [_find(body, gp.evidence) for gp in gold.positions]
    pairs = dict(_pairs(spans, predicted, lambda gi, p: _speaks(gold, gold.positions[gi].speaker, p)))
    for gi, gp in enumerate(gold.positions):
        span = spans[gi]
        overlapping = [p for p in predicted if span and p.start < span[1] and span[0] < p.end]
        if overlapping:  # who said it, whatever the matching: some prediction over the words gives them to the speaker
            report.speaker.add(any(_speaks(gold, gp.speaker, p) for p in overlapping))
        if gi not in pairs:
            report.positions.fn += 1
            report.note("missed position", f"{gp.id}: {gp.speaker}: {gp.evidence}")
            continue
        report.positions.tp += 1
        best = predicted[pairs[gi]]
        report.topic.add(any(norm(a) in best.about for a in gp.about))
        report.stance.add(norm(best.stance) == norm(gp.stance))
        if norm(best.stance) != norm(gp.stance):
            report.note("stance", f"{gp.id}: gold {gp.stance}, found {best.stance}: {gp.evidence}")
        if gp.reported_by:
            report.reported_by.add(bool(best.reporter & gold.person_names(gp.reported_by)) or
                                   (not gold.is_named_person(gp.reported_by) and bool(best.reporter)))
    used = set(pairs.values())
    extra = [p for i, p in enumerate(predicted) if i not in used]
    report.positions.fp = len(extra)
    for p in extra:
        report.note("extra position", f"{p.name}: {p.stance}: {p.quote}")


def _score_questions(store: GraphStore, gold: Gold) -> tuple[Accuracy, Score, list[str]]:
    """Every gold question put to `cwkg ask`: exact answers, and the precision and recall of the names answered. A
    gold name matches an answer by any of the gold's aliases of it, by one of the answer's labels, or by naming the
    answer's entity in the store (a state by another of its names); a refused question answers nothing."""
    acc, names, notes = Accuracy(), Score(), []
    resolver = Resolver(store)
    for q in gold.questions:
        try:
            entries = ask(store, q.ask).entries
        except CwkgError as exc:  # a refusal, or a name no entity has
            entries = []
            notes.append(f"{q.ask}: {exc}")
        wanted = [gold.person_names(a) for a in q.answer]
        matched = _match(entries, q.answer, wanted, resolver)
        names += Score(len(matched), len(entries) - len(matched), len(wanted) - len(matched))
        acc.add(len(matched) == len(wanted) == len(entries))
        if not (len(matched) == len(wanted) == len(entries)):
            notes.append(f"{q.ask}: gold {list(q.answer)}, answered {[e.name for e in entries]}")
    return acc, names, notes


def _match(entries: list, answer: tuple[str, ...], wanted: list[set[str]], resolver: Resolver) -> dict[int, int]:
    """Gold answer index -> entry index, each used once, in gold order."""
    out: dict[int, int] = {}
    used: set[int] = set()
    for i, (label, names) in enumerate(zip(answer, wanted)):
        try:
            named = set(resolver.entities(label))
        except CwkgError:
            named = set()
        for j, e in enumerate(entries):
            if j in used:
                continue
            labels = {norm(e.name), *(norm(n) for n in e.names)}
            if labels & names or e.entity in named:
                out[i] = j
                used.add(j)
                break
    return out


def _selector(gold: Gold):
    """Which records of the file to load: all of a one-document file, else the volume and the named document."""
    wanted = document_id(gold)
    if wanted is None:
        return None
    return lambda record: not isinstance(record, SourceDocument) or record.doc_id == wanted or record.doc_id.endswith(f"-{wanted}")


def evaluate(gold_path: Path, roots: list[Path]) -> Report:
    gold = read_gold(gold_path)
    document = locate_document(gold, roots)
    with GraphStore.in_memory() as store:
        store.ensure_static()
        result = ingest_file(store, document, select=_selector(gold))
        if not result.ok:
            raise InputError(result.error or "cannot load", str(document))
        if result.document is None:
            raise InputError(f"gold key `document.id`: no document '{document_id(gold)}' in {document}", str(gold_path))
        # as ingest does: the record's persons linked to the volume's and the authority's (one person under the
        # names the record and the volume give), then what the canned queries start from
        link_people(store)
        write_derived(store, [ox.NamedNode(result.document)])
        g = _Graph(store, ox.NamedNode(result.document))
        report = Report(str(gold_path), str(document), archive_of(gold))
        _score_mentions(g, gold, report)
        _score_persons(g, gold, report)
        _score_posts(g, gold, report)
        _score_meetings(g, gold, report)
        _score_document(g, gold, report)
        _score_positions(g, gold, report)
        report.questions, report.answer_names, notes = _score_questions(store, gold)
        for text in notes:
            report.note("question", text)
    return report


def evaluate_all(gold_paths: list[Path], roots: list[Path]) -> list[Report]:
    """Each gold file's report; its document is looked for in `roots`, or (none given) in the `corpus` folder beside
    the gold file's folder, as the shared data lays them out."""
    from cwkg.inputs import absolute

    return [evaluate(path, list(roots) or [absolute(path).parent.parent / "corpus"]) for path in gold_paths]
