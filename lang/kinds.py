"""What kind of record a document is, from the words of its title (`ontology/document-kinds.tsv`).

The kind also tells whose voice the text is in: a record reports what others said at a
meeting; a letter, telegram or report is its author's own statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cwkg import ontology

RECORD = "record"
AUTHOR = "author"


@dataclass(frozen=True)
class Kind:
    label: str
    voice: str
    pattern: re.Pattern[str]
    broader: tuple[str, ...] = ()  # the kinds this one is a kind of: a memorandum of conversation is a memorandum


@lru_cache(maxsize=1)
def kinds() -> tuple[Kind, ...]:
    out = []
    for line in ontology.data_file("document-kinds.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, voice, broader, pattern = line.split("\t")
            out.append(Kind(label, voice, re.compile(pattern, re.IGNORECASE),
                            tuple(b.strip() for b in broader.split(",") if b.strip() not in ("", "-"))))
    return tuple(out)


def classify(title: str) -> Kind | None:
    """The first kind whose words the title has ("Report, Hungarian Embassy ..." -> report)."""
    return next((k for k in kinds() if k.pattern.search(title or "")), None)


def document_kind(title: str, default: str = "document") -> str:
    found = classify(title)
    return found.label if found else default


def with_broader(label: str) -> tuple[str, ...]:
    """The kind and every kind it is a kind of, nearest first, so that a search for memoranda finds memoranda of
    conversation."""
    out = [label]
    for current in out:
        for k in kinds():
            if k.label == current:
                out += [b for b in k.broader if b not in out]
    return tuple(out)


def voice(title: str, kind: str | None) -> str | None:
    """Whose words the record holds, `record` or `author`: told by its title, else by the kind its publisher gave."""
    found = classify(title)
    if found is not None:
        return found.voice
    return next((k.voice for k in kinds() if k.label == kind), None)
