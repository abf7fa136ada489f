"""A user's SPARQL read into tokens the way Oxigraph's parser reads it, so that the checks guarding the query
(`queries.guard`: SERVICE, nesting; `sparqltext.query_form`) and the engine see the same query.

A scanner that skips from `#` to the end of the line, or from `<` to `>`, disagrees with the engine: `ex:a\\#b` is
one prefixed name to the engine, and in `FILTER(?x<?y&&'a>b')` the `<` is less-than, not an IRI. Each token here
follows the terminal rules of the engine's grammar (spargebra): strings and IRIs with their escapes, prefixed
names with `\\`-escapes and `%XX`, comments only where a token may start. The one place where the grammar is
ambiguous, `<`, is decided as the engine decides it, from what encloses it: less-than right after an operand
inside an expression, an IRI anywhere else. Where the enclosing brackets cannot tell an expression from a
collection, the query is refused if the two readings would differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cwkg.errors import QueryError

_BASE = ("A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F"
         "\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD")
_U = _BASE + "_"
_CHARS = _U + "\\-0-9\u00B7\u0300-\u036F\u203F-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_ESCAPES = r"\\[tbnrf\"'\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
# Possessive quantifiers and atomic groups, as a PEG parser never gives back what a repetition took.
_PREFIX = f"[{_BASE}][{_CHARS}]*+(?:\\.++[{_CHARS}]++)*+"
_LOCAL = f"(?>[{_U}:0-9]|{_PLX})(?>[{_CHARS}:]|{_PLX})*+(?:\\.++(?>[{_CHARS}:]|{_PLX})++)?+"  # one dot group, as the engine
_TERMINALS = [
    ("string", re.compile(f"'''(?>(?>''|')?+(?>[^'\\\\]|{_ESCAPES}))*+'''")),
    ("string", re.compile(f'"""(?>(?>""|")?+(?>[^"\\\\]|{_ESCAPES}))*+"""')),
    ("string", re.compile(f"'(?>[^'\\\\\\n\\r]|{_ESCAPES})*+'")),
    ("string", re.compile(f'"(?>[^"\\\\\\n\\r]|{_ESCAPES})*+"')),
    ("name", re.compile(f"_:[{_U}0-9][{_CHARS}]*+(?:\\.++[{_CHARS}]++)*+")),  # a blank node label
    ("name", re.compile(f"(?:{_PREFIX})?+:(?:{_LOCAL})?+")),  # a prefixed name
    ("name", re.compile(f"[{_BASE}][{_CHARS}]*+")),  # a keyword, a function or `a`
    ("var", re.compile(f"[?$][{_U}0-9][{_U}0-9\u00B7\u0300-\u036F\u203F-\u2040]*+")),
    ("number", re.compile(r"[0-9]++\.[0-9]*+[eE][+-]?[0-9]++|\.[0-9]++[eE][+-]?[0-9]++|[0-9]++[eE][+-]?[0-9]++"
                          r"|[0-9]*+\.[0-9]++|[0-9]++")),
    ("op", re.compile(r"&&|\|\||!=|>=|\^\^|[.,;*+\-/|^!=>?]")),
]
_IRI = re.compile(f"<(?>[^<>\"{{}}|^`\\\\\\x00-\\x20]|\\\\u[0-9A-Fa-f]{{4}}|\\\\U[0-9A-Fa-f]{{8}})*+>")
_LANGTAG = re.compile(r"@[a-zA-Z]++(?:-[a-zA-Z0-9]++)*+(?:--[a-zA-Z]++)?+")
_SPACE = re.compile(r"[ \t\r\n]++")
_COMMENT = re.compile(r"#[^\r\n]*+")
_OPEN = {"{": "}", "(": ")", "[": "]", "<<": ">>"}


@dataclass(frozen=True)
class Token:
    kind: str  # string, name, var, number, op, iri, langtag, open, close, other
    text: str
    at: int


@dataclass
class _Frame:
    kind: str  # top, group, bnode, triple, list (a collection, a path, a variable list), expr, or maybe (either)
    clause: str = ""  # in the frame's own select clause or solution modifiers, whose brackets hold expressions


@dataclass
class Reading:
    """The tokens of a query and how deep its brackets (and `!`, which the engine reads recursively) nest."""

    tokens: list[Token] = field(default_factory=list)
    depth: int = 0


def _operand(token: Token | None) -> bool:
    """Whether `token` can end an operand, after which the engine reads `<` as less-than."""
    if token is None:
        return False
    if token.kind in ("var", "string", "number", "iri", "langtag", "close"):
        return True
    return token.kind == "name" and (":" in token.text or token.text in ("true", "false"))


def _word(token: Token | None) -> str:
    """A bare word's text in capitals (a keyword, a function), or '' for any other token."""
    return token.text.upper() if token is not None and token.kind == "name" and ":" not in token.text else ""


def _paren(frames: list[_Frame], tokens: list[Token]) -> str:
    """What a `(` opens: an expression, a list (a collection, a path, VALUES' variables), or maybe either."""
    top = frames[-1]
    prev = tokens[-1] if tokens else None
    if top.kind in ("expr", "maybe"):
        return top.kind
    if _word(prev).startswith("VALUES"):
        return "list"
    if top.clause or top.kind == "top":
        return "expr"
    word = _word(prev)
    if word:  # FILTER(, BIND(, a function; `a (1 2)` is rdf:type and a collection
        return "list" if prev.text in ("a", "true", "false") or word == "UNDEF" else "expr"
    if prev is not None and (prev.kind == "iri" or (prev.kind == "name" and ":" in prev.text)):
        before = _word(tokens[-2]) if len(tokens) > 1 else ""
        if "FILTER" in before:  # FILTER ex:f(...): a function call
            return "expr"
        if "filter" in prev.text.lower():  # FILTERex:f( may be FILTER ex:f(
            return "maybe"
    return "list"


def read(text: str) -> Reading:
    """The query's tokens; a QueryError when it cannot be read as the engine would read it."""
    reading = Reading()
    tokens = reading.tokens
    frames = [_Frame("top")]
    bangs = 0
    i, n = 0, len(text)

    def emit(kind: str, value: str) -> None:
        nonlocal i, bangs
        tokens.append(Token(kind, value, i))
        i += len(value)
        bangs = bangs + 1 if value == "!" else 0
        reading.depth = max(reading.depth, len(frames) - 1 + bangs)

    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i = _SPACE.match(text, i).end()
            continue
        if c == "#":
            i = _COMMENT.match(text, i).end()
            continue
        prev = tokens[-1] if tokens else None
        if c == "<":
            top = frames[-1]
            if top.kind == "expr" and _operand(prev):
                emit("op", "<=" if text.startswith("<=", i) else "<")
                continue
            if text.startswith("<<", i):
                frames.append(_Frame("triple"))
                emit("open", "<<")
                continue
            iri = _IRI.match(text, i)
            if iri is None:
                emit("op", "<=" if text.startswith("<=", i) else "<")
                continue
            if top.kind == "maybe" and _operand(prev):
                if "'" in iri.group():
                    raise QueryError(f"the query has a '<' at line {_line(text, i)} that could be read as an IRI or as "
                                     "less-than; put a space after '<' when it compares")
                inside = iri.group().count("(") + iri.group().count("[")
                reading.depth = max(reading.depth, len(frames) - 1 + inside)
            emit("iri", iri.group())
            continue
        if c in "{([":
            kind = {"{": "group", "[": "bnode"}.get(c) or _paren(frames, tokens)
            if c == "{":
                frames[-1].clause = ""  # a WHERE group ends a select clause
            frames.append(_Frame(kind))
            emit("open", c)
            continue
        if c in "})]" or text.startswith(">>", i):
            closing = ">>" if c == ">" else c
            if len(frames) > 1 and _OPEN.get({"group": "{", "bnode": "[", "triple": "<<"}.get(frames[-1].kind, "(")) == closing:
                frames.pop()  # a stray closer is left to the engine's syntax error: it lowers no depth here
            emit("close", closing)
            continue
        if c == "@" and prev is not None and prev.kind == "string":
            tag = _LANGTAG.match(text, i)
            if tag:
                emit("langtag", tag.group())
                continue
        for kind, pattern in _TERMINALS:
            found = pattern.match(text, i)
            if found:
                if kind == "name" and ":" not in found.group():
                    word = found.group().upper()
                    if word.startswith(("SELECT", "GROUP", "ORDER", "HAVING")):
                        frames[-1].clause = word
                    elif word.startswith(("WHERE", "VALUES", "LIMIT", "OFFSET")):
                        frames[-1].clause = ""
                emit(kind, found.group())
                break
        else:
            if c in "'\"":
                raise QueryError(f"SPARQL syntax error: a string at line {_line(text, i)} is not closed")
            emit("other", c)
    return reading


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1
