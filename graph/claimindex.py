"""The claim index: every stated position's evidence sentence as stemmed words, searchable by BM25, so that "who said
that ..." ranks statements by their content without reading every quote of a time window per question.

Its form is an SQLite FTS5 table in the store folder (`claims.sqlite`, beside the engine's files). SQLite is in
Python's standard library and FTS5 is an inverted index on disk with BM25 built in (`bm25()`): a question reads
the postings of its few words, not the corpus, and the index is updated a document at a time in transactions of
its own. A pure-Python BM25 would have to load its whole inverted index into each process that asks, and bring
its own file format and crash safety. Words are stemmed here (Snowball's English stemmer, pure Python) before
they reach the table, whose tokenizer then only splits on spaces, so the claim of a question is stemmed by the
same code as the evidence ("warned of rising tensions" meets "warns that tension is rising").

A row holds the position's IRI, its document, date, speaker(s) and stance (with the stance's polarity from the
store's stance scheme), and a digest of its stemmed words; the words themselves are only in the full-text index,
which keeps no copy of what it was given (a contentless FTS5 table: at 10,000 documents the copy was 62 MB of the
index's 283). Documents and speakers are numbered in a table of names, and IRIs under cwkg's own base are kept
without it: the full strings were two thirds of the index.

The index follows the store: `GraphStore` calls `expect` before it writes or drops document graphs and `follow`
after. `expect` takes those documents' rows out while the store still holds the words they were made from (a
contentless table removes a row only when given the words it holds; a digest that differs means the index and the
store disagree, and the index is built again) and records the documents as pending; `follow` indexes what the store
then holds and clears them. An index whose process stopped between the two catches up from the store when next
opened. A store written before the index existed (or with an index of another version) gets it built once, from
the positions it holds, when first opened for a write or a question (and says so).
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
import snowballstemmer
from unidecode import unidecode

from cwkg.ontology.vocab import CW, ID, RDF, SKOS

from .storeapi import QueryStore


class IndexedStore(QueryStore, Protocol):
    """What the index needs of the store it follows: where it lives, whether it may be written, its documents."""

    path: Path
    read_only: bool

    def document_graphs(self) -> list[ox.NamedNode]: ...

    def quads(self, graph: ox.NamedNode | None = None, predicate: ox.NamedNode | None = None,
              obj: ox.Term | None = None) -> Iterable[ox.Quad]: ...

FILE = "claims.sqlite"
VERSION = "2"  # the row layout and the analysis of words; an index of another version is built again
CHUNK = 200  # documents read from the store at a time
TOP = 2000  # rows a search ranks at most (best BM25 first)

log = logging.getLogger("cwkg")
_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[a-z0-9]+")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")

_TABLES = ("evidence_vocab", "evidence", "positions", "names", "pending", "meta")  # dropped in this order
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS names(id INTEGER PRIMARY KEY, iri TEXT UNIQUE);
CREATE TABLE IF NOT EXISTS positions(id INTEGER PRIMARY KEY, position TEXT, document INTEGER, date TEXT,
                                     speakers TEXT, stance TEXT, polarity INTEGER, digest INTEGER);
CREATE INDEX IF NOT EXISTS positions_document ON positions(document);
CREATE VIRTUAL TABLE IF NOT EXISTS evidence USING fts5(words, content='', tokenize='unicode61');
CREATE VIRTUAL TABLE IF NOT EXISTS evidence_vocab USING fts5vocab(evidence, 'row');
CREATE TABLE IF NOT EXISTS pending(document TEXT PRIMARY KEY);
"""

RDF_TYPE = RDF.type
_READ = (RDF_TYPE, CW.quote, CW.statedOn, CW.speaker, CW.stance)  # what the index reads of a document's graph
_READ_TERMS = frozenset(str(p) for p in _READ)  # the same, as N-Triples writes them
_TYPE_TERM = str(RDF_TYPE)
_PROLOGUE = f"PREFIX cw: <{CW}>\nPREFIX skos: <{SKOS}>\n"
_STANCES = _PROLOGUE + """SELECT ?stance ?label ?polarity WHERE { ?stance a cw:Stance ; skos:prefLabel ?label . OPTIONAL { ?stance cw:polarity ?polarity } }
"""


def words(text: str) -> list[str]:
    """A text's words, in order: folded to ASCII and lower case, split on anything not a letter or a digit."""
    # Only the letters outside ASCII go through unidecode, which reads the whole text a character at a time once one
    # of them is there (a typographer's apostrophe, in most evidence): it folds each character on its own, so the
    # result is the same.
    return _WORD.findall(_NOT_ASCII.sub(lambda m: unidecode(m.group(0)), text).lower())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """One word (of `words`) stemmed: "tensions" -> "tension", "rising" -> "rise"."""
    return _STEMMER.stemWord(word)


def terms(text: str) -> list[str]:
    """A text's words stemmed, as the index holds them; a search gives its words stemmed the same way."""
    return [stem(w) for w in words(text)]


def short(iri: str) -> str:
    """An IRI as the index keeps it: without cwkg's own base where it has it (`long` restores it). A kept form
    without a colon is such a shortened IRI, since every whole IRI has one after its scheme."""
    rest = iri[len(ID):] if iri.startswith(ID) else None
    return rest if rest is not None and ":" not in rest else iri


def long(kept: str) -> str:
    """The IRI a form of `short` stands for."""
    return kept if ":" in kept else ID + kept


def digest(words: str) -> int:
    """A row's stemmed words as a signed 64-bit number: what the index checks before it takes the words out."""
    return int.from_bytes(hashlib.blake2b(words.encode(), digest_size=8).digest(), "big", signed=True)


class Disagreement(Exception):
    """The store no longer holds the words a row of the index was made from."""


@dataclass(frozen=True)
class Hit:
    """A position whose evidence shares words with a claim: its BM25 score as a share of what a position holding
    every word of the claim once would score (about 1 for a full match, 0 for none; more for repeats)."""

    position: str
    relevance: float
    document: str
    date: str | None
    speaker: str
    stance: str | None
    polarity: int | None


@dataclass(frozen=True)
class PositionRow:
    """What the index keeps of one position of a document's graph."""

    position: str
    quote: str
    date: str | None
    speakers: tuple[str, ...]
    stance: str | None


def positions_of(quads: Iterable[ox.Quad]) -> list[PositionRow]:
    """The positions one document's graph states, read from its quads of the predicates in `_READ`: a graph's own
    quads of a predicate are found by the engine in time that does not grow with the store, where a SPARQL query with
    optional parts was worked out over every graph (24 documents of 2.9 million quads: 1.44 s, against 0.04 s)."""
    typed: set[str] = set()
    found: dict[str, dict[ox.NamedNode, list[str]]] = {}
    wanted = set(_READ)
    for q in quads:
        if q.predicate == RDF_TYPE and q.object == CW.Position:
            typed.add(q.subject.value)
        elif q.predicate in wanted:
            found.setdefault(q.subject.value, {}).setdefault(q.predicate, []).append(q.object.value)
    out = []
    for position in sorted(typed):
        values = found.get(position, {})
        if not values.get(CW.quote):
            continue
        out.append(PositionRow(position, min(values[CW.quote]), min(values.get(CW.statedOn, ()), default=None),
                               tuple(sorted(set(values.get(CW.speaker, ())))), min(values.get(CW.stance, ()), default=None)))
    return out


def positions_in_lines(lines: Iterable[str]) -> list[PositionRow]:
    """The positions a graph's N-Triples statements (as `graph.statements.Lines` holds them) state: what the index
    keeps of a graph just written, without reading it back from the store (on a store of 10,000 documents, 1.4 ms
    of the writing process's CPU a document against 2.9). Only statements of the predicates read are parsed: a
    statement's predicate is its second term, as its subject (an IRI or a blank node) holds no space."""
    position = f" {CW.Position}"
    picked = [line for line in lines if (term := line.split(" ", 2)[1]) in _READ_TERMS
              and (term != _TYPE_TERM or line.endswith(position))]
    return positions_of(ox.parse("".join(f"{line} .\n" for line in picked), ox.RdfFormat.N_TRIPLES)) if picked else []


class ClaimIndex:
    """The claim index of one store: on disk in its folder, or in memory for an in-memory or read-only store."""

    def __init__(self, db: sqlite3.Connection, path: Path | None) -> None:
        self._db = db
        self.path = path  # None: in memory

    # ------------------------------------------------------------------ opening

    @classmethod
    def of(cls, store: IndexedStore) -> "ClaimIndex":
        """The index of a store, opened, created, built or caught up as needed. A store on disk keeps it in its
        folder; an in-memory store, and a read-only store whose index is missing or behind, get one in memory."""
        on_disk = str(store.path) != ":memory:"
        path = store.path / FILE if on_disk else None
        if path is not None and store.read_only:
            index = cls._read_only(path)
            if index is not None:
                return index
            log.warning("%s: the store is read-only and its claim index is missing or behind: building one in memory "
                        "for this command", store.path)
            path = None
        index = cls(sqlite3.connect(str(path) if path else ":memory:", check_same_thread=False), path)
        index._prepare(store)
        return index

    @classmethod
    def _read_only(cls, path: Path) -> "ClaimIndex | None":
        """An index that needs no writing (built, of this version, nothing pending), opened read-only; else None."""
        if not path.exists():
            return None
        try:
            db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            index = cls(db, path)
            if index._meta("version") == VERSION and index._meta("built") == "1" and not index.pending():
                return index
            db.close()
        except sqlite3.Error:
            pass
        return None

    def _prepare(self, store: IndexedStore) -> None:
        """Make the tables; build the index from the store when it is new, of another version or was never
        finished; index the documents a stopped write left pending."""
        if self._has_tables() and self._meta("version") != VERSION:
            self._drop()
        self._db.executescript(_SCHEMA)
        if self._meta("built") != "1":
            documents = store.document_graphs()
            if documents and self.path is not None:
                log.warning("%s: building the claim index from the %d documents the store holds (once)", store.path, len(documents))
            self.build(store, documents)
        elif pending := self.pending():
            self.follow(store, pending)

    def _drop(self) -> None:
        self._db.executescript("".join(f"DROP TABLE IF EXISTS {t};" for t in _TABLES))

    def _has_tables(self) -> bool:
        return self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'meta'").fetchone() is not None

    def _meta(self, key: str) -> str | None:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:  # no tables yet
            return None
        return row[0] if row else None

    # ------------------------------------------------------------------ following the store

    def build(self, store: IndexedStore, documents: Iterable[ox.NamedNode]) -> int:
        """Index the positions of these documents (every document of the store, for a new index) and mark the index
        built; how many positions it holds."""
        with self._db:
            for table in ("positions", "names", "pending"):
                self._db.execute(f"DELETE FROM {table}")
            self._db.execute("INSERT INTO evidence(evidence) VALUES ('delete-all')")
            for chunk in _chunks(documents):
                self._insert(store, chunk)
            self._db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [("version", VERSION), ("built", "1")])
        return self.size()

    def expect(self, documents: Iterable[str], store: IndexedStore | None = None) -> None:
        """Note that these documents' graphs are about to change: their rows are taken out, from the words `store`
        holds now, and until `follow` has indexed them again they are pending (a later opening indexes them from
        the store). Without a store, only noted (their rows then go when `follow` finds them)."""
        documents = sorted(set(documents))
        try:
            with self._db:
                self._db.executemany("INSERT OR IGNORE INTO pending VALUES (?)", [(d,) for d in documents])
                if store is not None:
                    for i in range(0, len(documents), CHUNK):
                        self._take_out(store, documents[i:i + CHUNK])
        except Disagreement as exc:
            log.warning("%s: the claim index no longer matches the store (%s): building it again", store.path, exc)
            changing = set(documents)
            self.build(store, [d for d in store.document_graphs() if d.value not in changing])
            with self._db:
                self._db.executemany("INSERT OR IGNORE INTO pending VALUES (?)", [(d,) for d in documents])

    def follow(self, store: IndexedStore, documents: Iterable[str], written: dict[str, list[PositionRow]] | None = None) -> None:
        """Index these documents from what the store now holds (nothing, for a document dropped), in one
        transaction, and clear them from the pending list. `written` gives the positions of documents whose graphs
        were just written whole (`positions_in_lines`), which are then not read back from the store."""
        documents = sorted(set(documents))
        try:
            with self._db:
                for i in range(0, len(documents), CHUNK):
                    chunk = documents[i:i + CHUNK]
                    self._take_out(store, chunk)  # (rows `expect` left, as an index of version 1 never had them taken)
                    self._insert(store, [ox.NamedNode(d) for d in chunk], written or {})
                    marks = ",".join("?" * len(chunk))
                    self._db.execute(f"DELETE FROM pending WHERE document IN ({marks})", chunk)
        except Disagreement as exc:
            log.warning("%s: the claim index no longer matches the store (%s): building it again", store.path, exc)
            self.build(store, store.document_graphs())

    def _take_out(self, store: IndexedStore, documents: list[str]) -> None:
        """Remove these documents' rows, giving the full-text index back the words it was given for each (read
        from the store again, checked against the row's digest)."""
        ids = {self._name_id(d, create=False): d for d in documents}
        ids.pop(None, None)
        if not ids:
            return
        marks = ",".join("?" * len(ids))
        rows = self._db.execute(f"SELECT id, position, document, digest FROM positions WHERE document IN ({marks})",
                                list(ids)).fetchall()
        if not rows:
            return
        quotes: dict[str, str] = {}
        for document in {ids[r[2]] for r in rows}:
            for row in positions_of(self._read(store, ox.NamedNode(document))):
                quotes[short(row.position)] = row.quote
        for rowid, position, _, kept in rows:
            said = " ".join(terms(quotes[position])) if position in quotes else None
            if said is None or digest(said) != kept:
                raise Disagreement(f"{long(position)} is {'not in the store' if said is None else 'worded otherwise'}")
            self._db.execute("INSERT INTO evidence(evidence, rowid, words) VALUES ('delete', ?, ?)", (rowid, said))
        self._db.execute(f"DELETE FROM positions WHERE document IN ({marks})", list(ids))

    @staticmethod
    def _read(store: IndexedStore, document: ox.NamedNode) -> Iterator[ox.Quad]:
        read = (store.quads(document, RDF_TYPE, CW.Position), *(store.quads(document, p) for p in _READ[1:]))
        return (q for quads in read for q in quads)

    def _name_id(self, iri: str, create: bool = True) -> int | None:
        kept = short(iri)
        row = self._db.execute("SELECT id FROM names WHERE iri = ?", (kept,)).fetchone()
        if row is not None or not create:
            return row[0] if row else None
        return self._db.execute("INSERT INTO names(iri) VALUES (?)", (kept,)).lastrowid

    def _insert(self, store: IndexedStore, documents: list[ox.NamedNode],
                written: dict[str, list[PositionRow]] | None = None) -> None:
        if not documents:
            return
        stances = {r["stance"].value: (r["label"].value, int(r["polarity"].value) if r["polarity"] else None)
                   for r in store.query(_STANCES)}
        for document in documents:
            rows = written[document.value] if written and document.value in written else positions_of(self._read(store, document))
            if not rows:
                continue
            doc_id = self._name_id(document.value)
            for row in rows:
                stance, polarity = stances.get(row.stance, (None, None)) if row.stance else (None, None)
                said = " ".join(terms(row.quote))
                speakers = " ".join(str(self._name_id(s)) for s in row.speakers)
                cursor = self._db.execute(
                    "INSERT INTO positions(position, document, date, speakers, stance, polarity, digest) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (short(row.position), doc_id, row.date, speakers, stance, polarity, digest(said)))
                self._db.execute("INSERT INTO evidence(rowid, words) VALUES (?, ?)", (cursor.lastrowid, said))

    def pending(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT document FROM pending ORDER BY document")]

    # ------------------------------------------------------------------ searching

    def search(self, words: Iterable[str], start: str | None = None, end: str | None = None) -> list[Hit]:
        """The positions whose evidence holds any of the stemmed `words`, dated within [start, end] (ISO dates; a
        position dated by year or month only is held by the window as `DateWindow.holds` holds it; without a window,
        every position), best first. Relevance is FTS5's BM25 divided by the sum of the words' inverse document
        frequencies (as FTS5 reckons them): the score of a position of average length holding each word once."""
        words = sorted(set(words))
        if not words:
            return []
        total = self.size()
        idf = sum(self._idf(total, self.frequency(w)) for w in words)
        where, params = "evidence MATCH ?", [" OR ".join(f'"{w}"' for w in words)]
        if start and end:
            where += " AND p.date IS NOT NULL AND substr(?, 1, length(p.date)) <= p.date AND p.date <= substr(?, 1, length(p.date))"
            params += [start, end]
        rows = self._db.execute(f"SELECT p.position, bm25(evidence), d.iri, p.date, p.speakers, p.stance, p.polarity "
                                f"FROM evidence JOIN positions p ON p.id = evidence.rowid JOIN names d ON d.id = p.document "
                                f"WHERE {where} ORDER BY bm25(evidence) LIMIT {TOP}", params).fetchall()
        names = self._names({int(n) for r in rows for n in r[4].split()})
        return [Hit(long(position), round(-score / idf, 4) if idf else 0.0, long(document), date,
                    " ".join(names[int(n)] for n in speakers.split()), stance, polarity)
                for position, score, document, date, speakers, stance, polarity in rows]

    def _names(self, ids: set[int]) -> dict[int, str]:
        """The IRIs of these numbers of the table of names."""
        found: dict[int, str] = {}
        ordered = sorted(ids)
        for i in range(0, len(ordered), 500):
            chunk = ordered[i:i + 500]
            found.update((n, long(iri)) for n, iri in self._db.execute(
                f"SELECT id, iri FROM names WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        return found

    def frequency(self, word: str) -> int:
        """In how many positions' evidence a stemmed word occurs."""
        row = self._db.execute("SELECT doc FROM evidence_vocab WHERE term = ?", (word,)).fetchone()
        return row[0] if row else 0

    @staticmethod
    def _idf(total: int, frequency: int) -> float:
        """FTS5's inverse document frequency (a word in more than half the rows counts for almost nothing)."""
        value = math.log((total - frequency + 0.5) / (frequency + 0.5)) if total else 0.0
        return value if value > 0 else 1e-6

    def polarities(self) -> dict[str, int]:
        """Each stance the index holds, by label, with its polarity (+1 for, -1 against, 0 neither)."""
        return {s: p for s, p in self._db.execute("SELECT DISTINCT stance, polarity FROM positions WHERE stance IS NOT NULL "
                                                  "AND polarity IS NOT NULL")}

    def size(self) -> int:
        """How many positions the index holds."""
        return self._db.execute("SELECT count(*) FROM positions").fetchone()[0]

    def documents(self) -> dict[str, int]:
        """Each document with positions in the index, with how many."""
        return dict(sorted((long(d), n) for d, n in self._db.execute(
            "SELECT d.iri, count(*) FROM positions p JOIN names d ON d.id = p.document GROUP BY p.document")))

    def bytes(self) -> int:
        """The index's size on disk (0 in memory)."""
        return self.path.stat().st_size if self.path is not None and self.path.exists() else 0

    def close(self) -> None:
        self._db.close()


def _chunks(documents: Iterable[ox.NamedNode]) -> Iterator[list[ox.NamedNode]]:
    ordered = sorted(documents, key=lambda d: d.value)
    for i in range(0, len(ordered), CHUNK):
        yield ordered[i:i + CHUNK]
