"""The Office of the Historian's people database (HistoryAtState/people): ~16,000 persons.

Each file is a person with a preferred name, alternates and the names as each source
printed them, birth and death years, VIAF ids, remarks, and the source URLs: a FRUS
volume's list of persons (`historicaldocuments/{volume}/persons#{id}`) or POCOM
(`departmenthistory/people/{id}`), which tie the person to those records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from . import xmlsafe
from .source import AuthorityPersonRecord

NAME = "hsg-people"
_FRUS = re.compile(r"historicaldocuments/([^/]+)/persons#(.+)$")
_POCOM = re.compile(r"departmenthistory/people/([\w-]+)$")


def sniff(head: str) -> bool:
    return "<person>" in head and "<names>" in head and "<preferred>" in head


def display(name: str) -> str:
    """"Smith, John E. (“Jack”), Jr." -> "John E. Smith Jr."."""
    name = re.sub(r"\s*\([^)]*\)", "", name)
    surname, _, rest = name.partition(",")
    given, _, suffix = rest.partition(",")
    return " ".join(x for x in (given.strip(), surname.strip(), suffix.strip()) if x) if rest else name.strip()


def records(path: Path) -> Iterator[AuthorityPersonRecord]:
    root = None
    for _, elem in xmlsafe.iterparse(path):
        root = elem
    if root is None or root.tag != "person":
        raise ValueError("not a person record")
    text = lambda e: re.sub(r"\s+", " ", e.text or "").strip() if e is not None else ""
    if not text(root.find("id")):
        raise ValueError("person record without an <id>")
    preferred = root.findtext("names/preferred/name") or ""
    names = [text(n) for n in root.iterfind("names/alternates//name")] + [text(n) for n in root.iterfind("names/originals//name")]
    urls = [text(u) for u in root.iter("source-url")]
    same = []
    volumes = []
    for url in urls:
        if m := _FRUS.search(url):
            same.append(f"frus:{m.group(1)}:{m.group(2)}")
            volumes.append(m.group(1))
        elif m := _POCOM.search(url):
            same.append(f"pocom:{m.group(1)}")
    viaf = next((text(a) for a in root.iterfind("authorities/authority") if a.get("service") == "viaf" and text(a)), None)
    variants = tuple(dict.fromkeys(v for n in names for v in (display(n), n) if v and v != display(preferred)))
    yield AuthorityPersonRecord(
        "hsg", text(root.find("id")), display(preferred), variants, (root.findtext("birth-year") or "").strip() or None,
        (root.findtext("death-year") or "").strip() or None, None, viaf,
        tuple(dict.fromkeys(text(p) for p in root.iterfind("remarks/remark/p") if text(p))),
        tuple(dict.fromkeys(same)), tuple(sorted(set(volumes))), str(path))
