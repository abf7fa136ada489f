"""Measure text extraction on FRUS volumes against FRUS's own markup.

Each document is read twice: its markup (persName spans with their entry in the
volume's list of persons, the dateline's date and place, the participants list) is the
answer; the plain text, with that markup ignored, is what cwkg's extraction reads. The
volume's list of persons is front matter, not markup of the document scored, so the
extraction may use it as it uses the authority data.

The markup is checked, not trusted (`extract.markup_check`): a persName span the text
does not bear out ("White" of "White House", a pointer to no entry) is listed in the
report's `disagreements` for an editor to check. Person mentions are scored twice: against
the markup as printed (`person_mentions`, comparable with earlier runs) and against the
markup the text bears out (`person_mentions_checked`: a disputed span is no answer, and
what the extraction reads on it is not scored either).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from cwkg.evaluate import Accuracy, Score
from cwkg.loaders import load_records
from cwkg.extract.authority import default_authority
from cwkg.extract.extract import extract
from cwkg.extract.markup import disagreements, listed_agreed
from cwkg.extract.markup_check import Disagreement
from cwkg.extract.meeting import layout
from cwkg.loaders.source import SourceDocument, VolumeRecord
from cwkg.extract.volume import person_key, volume_people


@dataclass
class FrusReport:
    volume: Path
    documents: int = 0
    person_mentions: Score = field(default_factory=Score)  # against the markup as printed
    person_mentions_checked: Score = field(default_factory=Score)  # against the markup the text bears out
    dateline_date: Accuracy = field(default_factory=Accuracy)
    dateline_place: Accuracy = field(default_factory=Accuracy)
    participants: Score = field(default_factory=Score)
    misses: list[str] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)  # marked person spans the text does not bear out

    def by_reason(self) -> dict[str, int]:
        """How many disagreements each reason gives, most first."""
        counts: dict[str, int] = {}
        for d in self.disagreements:
            counts[str(d.reason)] = counts.get(str(d.reason), 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def as_dict(self, shown: int = 50) -> dict:
        return {"volume": str(self.volume), "documents": self.documents,
                "person_mentions": self.person_mentions.as_dict(),
                "person_mentions_checked": self.person_mentions_checked.as_dict(), "dateline_date": self.dateline_date.as_dict(),
                "dateline_place": self.dateline_place.as_dict(), "participants": self.participants.as_dict(),
                "disagreements": {"count": len(self.disagreements), "by_reason": self.by_reason(),
                                  "items": [d.as_dict() for d in self.disagreements[:shown]]},
                "misses": self.misses[:50]}


def _identity(ref: str | None, name: str, doc: SourceDocument, same_as: dict[str, str], authority) -> set[str]:
    """Every id the marked person may go by: their volume entry, the authority person it is, their name key."""
    ids = {"name:" + authority.name_key(name)}
    if len(name.split()) == 1:
        ids.add("surname:" + authority.name_key(name))  # a surname alone ("Smith") names whoever bears it
    if ref and doc.volume:
        key = person_key(doc.volume, ref)
        ids.add(key)
        if key in same_as:
            ids.add(same_as[key])
    return ids


def _predicted_ids(entity: str, labels: dict[str, set[str]], surnames: dict[str, set[str]], same_as: dict[str, str]) -> set[str]:
    ids = {entity} | {"name:" + n for n in labels.get(entity, set())} | {"surname:" + n for n in surnames.get(entity, set())}
    if entity in same_as:
        ids.add(same_as[entity])
    return ids


def evaluate_frus(path: Path) -> FrusReport:
    authority = default_authority()
    report = FrusReport(path)
    same_as: dict[str, str] = {}
    for record in load_records(path):
        if isinstance(record, VolumeRecord):
            persons, _ = volume_people(record.volume, record.persons, authority, None, None, None, posts=False)
            same_as = {p.key: p.same_as for p in persons if p.same_as}
            continue
        if not isinstance(record, SourceDocument):
            continue
        report.documents += 1
        rejected = disagreements(record, authority)
        report.disagreements += rejected
        facts = extract(record, authority, use_markup=False)
        names = _names(facts, authority)
        _score_mentions(record, facts, names, same_as, authority, report, rejected)
        _score_dateline(record, facts, authority, report)
        if record.participants and record.kind == "memorandum of conversation":
            _score_participants(record, facts, names, same_as, authority, report, rejected)
    return report


def _names(facts, authority) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Each predicted person's name keys, and the keys of their surnames."""
    labels = {p.ref: {authority.name_key(a) for a in p.aliases | {p.label}} for p in facts.persons}
    surnames = {p.ref: {authority.name_key(a.split()[-1]) for a in p.aliases | {p.label} if a.split()} for p in facts.persons}
    for m in facts.mentions:
        if m.kind == "person" and m.entity in authority.entities:
            surnames.setdefault(m.entity, set()).add(authority.name_key(authority.entities[m.entity].label.split()[-1]))
    return labels, surnames


def _score_mentions(doc, facts, names, same_as, authority, report: FrusReport, rejected: list[Disagreement]) -> None:
    """Person mentions against the markup as printed (`person_mentions`, with the misses listed), and against the
    markup the text bears out (`person_mentions_checked`): there a disputed span is no answer, and what the
    extraction reads on it is not scored either."""
    disputed = [(d.start, d.end) for d in rejected if d.start < len(doc.body)]
    for score, misses, excluded in ((report.person_mentions, report.misses, []),
                                    (report.person_mentions_checked, [], disputed)):
        _score_mentions_against(doc, facts, names, same_as, authority, score, misses, excluded)


def _score_mentions_against(doc, facts, names, same_as, authority, score: Score, misses: list[str],
                            excluded: list[tuple[int, int]]) -> None:
    outside = lambda start, end: not any(s < end and start < e for s, e in excluded)
    gold = [(m, _identity(m.ref, m.text, doc, same_as, authority)) for m in doc.marked
            if m.kind == "person" and outside(m.start, m.end)]
    # The markup tags names; a person referred to by office alone ("the Secretary") is not one of its spans. The body
    # is scored: FRUS marks fewer of the names in its footnotes (`Note.marked`), so they are no answer key.
    predicted = [(m, _predicted_ids(m.entity, *names, same_as)) for m in facts.mentions
                 if m.kind == "person" and m.rule != "office-title" and m.span.start < len(doc.body)
                 and outside(m.span.start, m.span.end)]
    overlaps = lambda g, p: p.span.start < g.end and g.start < p.span.end
    matched = _match([(g.text, lambda p, pids, g=g, gids=gids: overlaps(g, p) and bool(gids & pids)) for g, gids in gold],
                     predicted, score, misses, f"{doc.doc_id}: person not found")
    misses += [f"{doc.doc_id}: extra person: {p.span.text} ({p.rule})" for i, (p, _) in enumerate(predicted) if i not in matched]


def _match(gold: list, predicted: list, score: Score, misses: list[str], missing: str) -> set[int]:
    """Count each gold item found by some prediction (its test), and predictions that found none; returns those that did."""
    matched: set[int] = set()
    for name, test in gold:
        hits = [i for i, (p, pids) in enumerate(predicted) if test(p, pids)]
        if hits:
            score.tp += 1
            matched.update(hits)
        else:
            score.fn += 1
            misses.append(f"{missing}: {name}")
    score.fp += len(predicted) - len(matched)
    return matched


def _score_dateline(doc, facts, authority, report: FrusReport) -> None:
    parts = layout(doc.body, doc.title)
    if doc.dateline_date:
        from cwkg.lang.dates import find_full_dates

        found = find_full_dates(parts.dateline.text) if parts.dateline else []
        report.dateline_date.total += 1
        ok = bool(found) and found[0][2] == doc.dateline_date
        report.dateline_date.correct += ok
        if not ok:
            report.misses.append(f"{doc.doc_id}: dateline date {found[0][2] if found else None} != {doc.dateline_date}")
    if doc.dateline_place:
        report.dateline_place.total += 1
        wanted = authority.resolve_label(doc.dateline_place, ("place",))
        got = facts.written_at
        ok = got is not None and (got == wanted or authority.entities[got].label == doc.dateline_place)
        report.dateline_place.correct += ok
        if not ok:
            report.misses.append(f"{doc.doc_id}: dateline place {got} != {doc.dateline_place}")


def _score_participants(doc, facts, names, same_as, authority, report: FrusReport, rejected: list[Disagreement]) -> None:
    from cwkg.extract.participants import from_markup

    # The list as the text reads it: an entry whose marked name is part of a longer name is no participant.
    kept = listed_agreed(doc, rejected, [(b.start, b.end) for b in layout(doc.body, doc.title).participants])
    doc = doc if kept == doc.participants else replace(doc, participants=kept)
    perspective = authority.resolve_label(doc.perspective, ("state",)) if doc.perspective else None
    year = doc.date.year if doc.date else None
    gold_entries = from_markup(doc, [], authority, perspective, year)
    gold = [_identity(None, p.name, doc, same_as, authority) | ({person_key(doc.volume, p.ref)} if p.ref else set())
            for p in doc.participants]
    # Office holders ("The Secretary") are known only by the office: compare by the person the office names.
    for entry, ids in zip([e.person for e in gold_entries], gold):
        ids.add(entry)
    predicted = [(p, _predicted_ids(p, *names, same_as)) for p in (facts.meetings[0].participants if facts.meetings else [])]
    _match([(sorted(ids)[0], lambda p, pids, ids=ids: bool(ids & pids)) for ids in gold], predicted,
           report.participants, report.misses, f"{doc.doc_id}: participant not found")
