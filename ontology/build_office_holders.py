"""Build `authority/office-holders.tsv.gz`: who held which office when, from the Office of the Historian's people.

    python -m cwkg.ontology.build_office_holders ../shared/corpus/hsg-people/data

Records name people by office alone ("The Deputy Secretary of Defense", "The Vice President").
The people database (HistoryAtState/people, public domain) gives, for each person, the
remarks every FRUS volume printed in its list of persons ("Secretary of the Navy until June
1967; thereafter Deputy Secretary of Defense"). Each remark is read into offices with
periods; a remark that dates nothing holds for the years its volume covers. An office
names the state it serves when its title says so ("Vice President of the United States",
"Soviet Ambassador"); otherwise it is the United States', whose historians wrote the
remarks about their own government's officers unqualified.

Output, tab-separated and gzipped, one line per fact:
    O  title key  state  start  end  dated (1: the remark dates it)  person id
    P  person id  name  FRUS list entries (volume:id ...)  other spellings (|-separated)
"""

from __future__ import annotations

import gzip
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from cwkg.extract.authority import default_authority
from cwkg.extract.mentions import Gazetteer
from cwkg.extract.office_holders import title_key
from cwkg.extract.titles import career, office_title
from cwkg.loaders.hsg_people import display
from cwkg.ontology.vocab import ID

OUT = Path(__file__).parent / "authority" / "office-holders.tsv.gz"
STATES = ID + "state/"
UNITED_STATES = STATES + "united-states"
_ENTRY = re.compile(r"historicaldocuments/([^/]+)/persons#(.+)$")
_VOLUME = re.compile(r"historicaldocuments/frus(\d{4})(?:-(\d{2,4}))?[^/]*/persons#(.+)$")


@dataclass(frozen=True)
class Holding:
    key: str
    state: str
    start: str
    end: str
    dated: bool
    person: str


def _window(urls: list[str]) -> tuple[int, int] | None:
    """The years the volumes a remark comes from cover: frus1964-68v17 -> 1964-1968."""
    spans = []
    for url in urls:
        if m := _VOLUME.search(url):
            first = int(m[1])
            last = int(m[2]) if m[2] else first
            if m[2] and last < 100:
                last += first - first % 100
            spans.append((first, last))
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def _office(title: str, gazetteer: Gazetteer, year: int) -> tuple[str, str | None] | None:
    """The title's key and the state it names, as a leading adjective or a closing "of (the) State"."""
    mentions = [m for m in gazetteer.find(title, year) if m.kind == "state"]
    state = None
    if (lead := next((m for m in mentions if m.span.start == 0), None)) and len(title) > lead.span.end + 1:
        state, title = lead.entity, title[lead.span.end:].strip()
    elif (last := next((m for m in mentions if m.span.end == len(title)), None)) and (
            head := re.match(r"(.+?),?\s+(?:of|for)\s+(?:the\s+)?$", title[:last.span.start])):
        state, title = last.entity, head[1]
    key = title_key(title)
    if len(key.split()) < 2 and state is None:
        return None  # "Secretary" alone names no office
    return key, state


def holdings(person: str, remarks: list[tuple[str, list[str]]], gazetteer: Gazetteer) -> Iterator[Holding]:
    """Every office the remarks give the person, with its period. An office whose title names no state serves the
    one state the person's other titles name (a foreign minister's "Vice President" is his own country's), else
    the United States."""
    found: list[tuple[str, str | None, str, str, bool]] = []
    for text, urls in remarks:
        window = _window(urls)
        for phrase, start, end in career(text):
            if window is None and not (start or end):
                continue
            title = office_title(re.sub(r"^[A-Z]{2,5},\s*", "", phrase))  # "USA, Commanding General": the service aside
            if title is None:
                continue
            office = _office(title, gazetteer, int((start or end or str(window[0]))[:4]))
            if office is None:
                continue
            first = start or (str(window[0]) if window else "")
            last = end or (str(window[1]) if window else "")
            found.append((office[0], office[1], first, last, bool(start or end)))
    named = {state for _, state, *_ in found if state}
    own = named.pop() if len(named) == 1 else UNITED_STATES
    for key, state, first, last, dated in found:
        yield Holding(key, state or own, first, last, dated, person)


def read(path: Path) -> tuple[str, str, list[str], list[str], list[tuple[str, list[str]]]]:
    root = etree.parse(str(path)).getroot()
    text = lambda e: re.sub(r"\s+", " ", e.text or "").strip()
    pid = text(root.find("id"))
    name = display(root.findtext("names/preferred/name") or "")
    entries = sorted({f"{m[1]}:{m[2]}" for u in root.iter("source-url") if (m := _ENTRY.search(text(u)))})
    spellings = sorted({display(text(n)) for n in root.iterfind("names/originals//name")} - {name})
    remarks = [(text(r.find("p")), [text(u) for u in r.iterfind("source-url")]) for r in root.iterfind("remarks/remark")
               if r.find("p") is not None and text(r.find("p"))]
    return pid, name, entries, spellings, remarks


def build(folder: Path, out: Path = OUT) -> tuple[int, int]:
    gazetteer = Gazetteer(default_authority())
    rows: set[str] = set()
    people: list[str] = []
    for path in sorted(folder.rglob("*.xml")):
        pid, name, entries, spellings, remarks = read(path)
        found = {h for h in holdings(f"hsg:{pid}", remarks, gazetteer)}
        if not found:
            continue
        rows |= {"\t".join(["O", h.key, h.state.removeprefix(STATES), h.start, h.end, "1" if h.dated else "0", h.person])
                 for h in found}
        people.append("\t".join(["P", f"hsg:{pid}", name, " ".join(entries), "|".join(s for s in spellings if "|" not in s)]))
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write("# Office holders from HistoryAtState/people (public domain); built by cwkg.ontology.build_office_holders\n")
        f.writelines(line + "\n" for line in sorted(rows) + people)
    return len(rows), len(people)


if __name__ == "__main__":
    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_dir():
        sys.exit("usage: python -m cwkg.ontology.build_office_holders HSG_PEOPLE_DATA_FOLDER")
    offices, persons = build(Path(sys.argv[1]))
    print(f"{offices} office holdings of {persons} persons -> {OUT}")
