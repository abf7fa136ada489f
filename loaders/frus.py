"""Foreign Relations of the United States volumes (TEI P5 from the Office of the Historian).

A volume file streams into one VolumeRecord (its persons and abbreviations) and one
SourceDocument per `div[@type="document"]`: number, head, document type, dateline place
and date, source note and classification, subjects, the participants list with
delegations, and the body as plain text whose persName, placeName, date and gloss spans
are kept as `Marked` offsets. Footnotes and the source note are left out of the body and
kept as its notes, text of their own (`SourceDocument.notes`). The file is checked whole
before the first record is yielded, so a malformed or hostile file yields nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from lxml import etree

from cwkg.lang import title_words
from cwkg.lang.kinds import document_kind

from . import xmlsafe
from .source import FOOTNOTE, SOURCE_NOTE, ListedParticipant, Marked, Note, SourceDocument, VolumePerson, VolumeRecord

NAME = "frus-tei"
TEI = "{http://www.tei-c.org/ns/1.0}"
FRUS = "{http://history.state.gov/frus/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
URL = "https://history.state.gov/historicaldocuments/{volume}/{id}"

_BLOCKS = {"p", "head", "item", "dateline", "closer", "signed", "postscript", "salute", "row", "l", "quote", "ab", "label"}
_SKIP = frozenset({"note", "fw", "figure", "graphic"})
_MARKS = {"persName": "person", "placeName": "place", "date": "date", "gloss": "term"}
_CLASSIFICATION = re.compile(r"\b(Top Secret|Secret|Confidential|Limited Official Use|Unclassified)\b")
# Forms of address, ranks and offices the editors keep in a name's markup ("Ambassador Dobrynin"); the word list is
# the titles lexicon's, read by its plain reader, not by the extraction that uses it.
_HONORIFIC = re.compile(rf"^(?:(?:{title_words.alternation('honorific', 'rank', 'office')})\s+)+")


def sniff(head: str) -> bool:
    return "<TEI" in head and "history.state.gov/frus" in head


def _local(elem: etree._Element) -> str:
    tag = elem.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(elem: etree._Element) -> str:
    """Visible text of an element, footnotes left out, white space folded."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            if _local(child) not in _SKIP:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(elem)
    return re.sub(r"\s+", " ", "".join(parts)).strip()


class _Writer:
    """Plain text with blocks separated by blank lines and white space folded, offsets stable."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.pending = ""

    def block(self) -> None:
        if self.length:
            self.pending = "\n\n"

    def space(self) -> None:
        if self.length and not self.pending:
            self.pending = " "

    def write(self, raw: str | None) -> None:
        if not raw:
            return
        folded = re.sub(r"\s+", " ", raw)
        if folded.startswith(" "):
            self.space()
        body = folded.strip()
        if body:
            if self.length and self.pending:
                self._append(self.pending)
            self.pending = ""
            self._append(body)
            if folded.endswith(" "):
                self.space()

    def _append(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def value(self) -> str:
        return "".join(self.parts)


def linearise(elements: list[etree._Element], writer: _Writer | None = None, notes: list[tuple[int, etree._Element]] | None = None,
              skip: frozenset[str] | set[str] = _SKIP) -> tuple[str, list[Marked]]:
    """The plain text of `elements` and the marked spans inside it; each note left out goes to `notes` with the
    offset where it stood (its mark in the text)."""
    w = writer or _Writer()
    marks: list[Marked] = []

    def walk(el: etree._Element, after_label: bool = False) -> None:
        name = _local(el)
        if name in skip:
            if name == "note" and notes is not None:
                notes.append((w.length, el))
            return
        if name in _BLOCKS and not (name == "item" and after_label):
            w.block()
        elif name == "item" and after_label:
            w.space()
        start = w.length + len(w.pending) if w.pending and w.length else w.length
        w.write(el.text)
        previous_label = False
        for child in el:
            walk(child, previous_label)
            previous_label = _local(child) == "label"
            w.write(child.tail)
        if name in _BLOCKS and name != "label":
            w.block()
        if name in _MARKS:
            text = w.value()
            s, e = start, w.length
            while s < e and text[s] in " \n":
                s += 1
            if s < e:
                ref = el.get("corresp") or el.get("target") or el.get("when")
                marks.append(Marked(s, e, _MARKS[name], ref.lstrip("#") if ref else None, text[s:e]))

    for el in elements:
        walk(el)
    return w.value(), marks


def _participants(lst: etree._Element) -> tuple[ListedParticipant, ...]:
    out: list[ListedParticipant] = []

    def visit(items: list[etree._Element], delegation: str | None) -> None:
        for item in items:
            nested = item.find(f"{TEI}list")
            if nested is not None:
                head_parts = [item.text or ""] + [etree.tostring(c, method="text", encoding="unicode", with_tail=True)
                                                   for c in item if c is not nested and _local(c) != "note"]
                label = re.sub(r"\s+", " ", "".join(head_parts)).strip() or delegation
                visit(list(nested.findall(f"{TEI}item")), label)
                continue
            out.append(_participant(item, delegation))

    visit(list(lst.findall(f"{TEI}item")), None)
    return tuple(p for p in out if p.name)


def _participant(item: etree._Element, delegation: str | None) -> ListedParticipant:
    full = _text(item)
    person = item.find(f".//{TEI}persName")
    if person is None:
        name, _, description = full.partition(",")
        return ListedParticipant(_HONORIFIC.sub("", name.strip()), description.strip() or None, delegation)
    name = _HONORIFIC.sub("", _text(person))
    before, _, after = full.partition(_text(person))
    description = after.strip(" ,") or before.strip(" ,") or None
    if description and _HONORIFIC.fullmatch(description + " "):
        description = None
    ref = (person.get("corresp") or "").lstrip("#") or None
    return ListedParticipant(name, description, delegation, ref)


def _volume_persons(section: etree._Element) -> tuple[VolumePerson, ...]:
    out = []
    for item in section.iter(f"{TEI}item"):
        person = item.find(f".//{TEI}persName")
        if person is None or not person.get(XML_ID):
            continue
        sort_name = _text(person).rstrip(",")
        surname, _, given = sort_name.partition(",")
        given, _, suffix = given.partition(",")  # "Smith, John, Sr." -> John Smith Sr.
        display = " ".join(x for x in (given.strip(), surname.strip(), suffix.strip()) if x) if given else sort_name
        description = _text(item)[len(_text(person)):].strip(" ,") or None
        out.append(VolumePerson(person.get(XML_ID), display, sort_name, description))
    return tuple(out)


def _terms(section: etree._Element) -> tuple[tuple[str, str], ...]:
    out = []
    for item in section.iter(f"{TEI}item"):
        term = item.find(f".//{TEI}term")
        if term is not None:
            out.append((_text(term).rstrip(","), _text(item)[len(_text(term)):].strip(" ,")))
    return tuple(out)


def _kind(head: str, subtype: str | None) -> str:
    if subtype == "editorial-note":
        return "editorial note"
    return document_kind(head)


def _day(stamp: str | None) -> date | None:
    try:
        return date.fromisoformat(stamp[:10]) if stamp else None
    except ValueError:
        return None


# TEI's datable attributes, in the order a dateline's date is read: an instant, a range, then bounds.
_DATABLE = (("when", "when"), ("when-iso", "when-iso"), ("from", "to"), ("from-iso", "to-iso"),
            ("notBefore", "notAfter"), ("notBefore-iso", "notAfter-iso"))


def _datable(elem: etree._Element) -> tuple[str, str] | None:
    """The first and last day a TEI date allows, whichever attributes give it: a dateline may name a
    period ('March 10-12') with from/to, or only bounds, and the document is dated all the same."""
    for first, last in _DATABLE:
        lo, hi = elem.get(first), elem.get(last)
        if _day(lo) or _day(hi):
            return (lo if _day(lo) else hi), (hi if _day(hi) else lo)
    return None


def _moments(span: tuple[str, str] | None) -> tuple[str, str] | None:
    """A range of days as the earliest and latest moment (xsd:dateTime), as the publisher's own attributes give them."""
    if not span or span[0][:10] == span[1][:10]:
        return None
    return f"{span[0][:10]}T00:00:00", f"{span[1][:10]}T23:59:59"


def _document(div: etree._Element, volume: str, people: tuple[VolumePerson, ...], path: Path,
              terms: tuple[tuple[str, str], ...] = ()) -> SourceDocument:
    doc_id = div.get(XML_ID) or f"d{div.get('n')}"
    head = div.find(f"{TEI}head")
    head_text = _text(head) if head is not None else ""
    title = re.sub(r"^\d+[A-Za-z]?\.\s*", "", head_text)
    note = head.find(f".//{TEI}note[@type='source']") if head is not None else None
    source_note = _text(note) if note is not None else None
    classification = m.group(1) if source_note and (m := _CLASSIFICATION.search(source_note)) else None
    dateline = div.find(f".//{TEI}dateline")
    place = dateline.find(f".//{TEI}placeName") if dateline is not None else None
    when = dateline.find(f".//{TEI}date") if dateline is not None else None
    span = _datable(when) if when is not None else None
    stamp = (span[0] if span else None) or div.get(f"{FRUS}doc-dateTime-min") or ""
    day = _day(stamp)
    published = (div.get(f"{FRUS}doc-dateTime-min"), div.get(f"{FRUS}doc-dateTime-max"))
    subjects = tuple(_text(i) for lst in div.iter(f"{TEI}list") if lst.get("type") == "subject" for i in lst.findall(f"{TEI}item"))
    plist = next((lst for lst in div.iter(f"{TEI}list") if lst.get("type") == "participants"), None)
    participants = _participants(plist) if plist is not None else ()
    left_out: list[tuple[int, etree._Element]] = []
    body, marks = linearise([c for c in div], notes=left_out)
    return SourceDocument(
        doc_id=f"{volume}-{doc_id}", source=str(path), format=NAME, title=title or head_text, body=body, date=day,
        kind=_kind(head_text, div.get("subtype")), url=URL.format(volume=volume, id=doc_id), number=div.get("n"),
        classification=classification, source_note=source_note, dateline_place=_text(place) if place is not None else None,
        date_time=(published[0], published[1] or published[0]) if published[0] else _moments(span),
        dateline_date=_day(span[0]) if span and span[0] == span[1] and re.search(r"\d", _text(when)) else None,
        subjects=subjects, participants=participants, marked=tuple(marks), volume=volume,
        people=people, perspective="United States", notes=_notes(left_out), terms=terms,
    )


def _notes(left_out: list[tuple[int, etree._Element]]) -> tuple[Note, ...]:
    """The document's notes as text: the source note (where the original is, who drafted it) and each footnote,
    with the body offset of its mark. Notes inside a note are part of its text."""
    out = []
    for anchor, el in left_out:
        text, marks = linearise([el], skip=_SKIP - {"note"})
        kind = SOURCE_NOTE if el.get("type") == "source" else FOOTNOTE
        out.append(Note(kind, text, el.get("n") if kind == FOOTNOTE else None, anchor, marked=tuple(marks)))
    return tuple(out)


def records(path: Path) -> Iterator[SourceDocument | VolumeRecord]:
    """The volume's record first, then its documents in order; nothing if the file is bad."""
    xmlsafe.check(path)
    volume = path.stem
    title = ""
    persons: tuple[VolumePerson, ...] = ()
    terms: tuple[tuple[str, str], ...] = ()
    announced = False
    for event, elem in xmlsafe.iterparse(path, events=("start", "end")):
        name = _local(elem)
        if event == "start":
            if name == "TEI" and elem.get(XML_ID):
                volume = elem.get(XML_ID)
            continue
        if name == "title" and elem.get("type") == "complete" and not title:
            title = _text(elem)
        elif name == "div" and elem.get(XML_ID) == "persons":
            persons = _volume_persons(elem)
            xmlsafe.release(elem)
        elif name == "div" and elem.get(XML_ID) == "terms":
            terms = _terms(elem)
            xmlsafe.release(elem)
        elif name == "div" and elem.get("type") == "document":
            if not announced:
                yield VolumeRecord(volume, title or volume, str(path), persons, terms)
                announced = True
            yield _document(elem, volume, persons, path, terms)
            xmlsafe.release(elem)
    if not announced:
        yield VolumeRecord(volume, title or volume, str(path), persons, terms)
