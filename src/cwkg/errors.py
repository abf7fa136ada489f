"""Errors a user sees as one line: what went wrong and with which file, printed through `one_line`."""

from __future__ import annotations

import re
import unicodedata


class CwkgError(Exception):
    """A failure the command line reports as one line and a non-zero exit."""

    def __init__(self, message: str, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class InputError(CwkgError):
    """An input file that cannot be read or understood."""


class QueryError(CwkgError):
    """A canned query or parameter that is unknown or ill-typed."""


class UnrecognisedFormat(InputError):
    """A file no registered loader recognises: an error when named, skipped when met in a folder."""


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/?#\s]*@")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    if unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI:
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return char


def one_line(message: str) -> str:
    """A message as the user sees it: one line whatever file name or value it echoes (a newline, an escape
    sequence or a text-direction mark is written as its escape, so nothing acts on the terminal or splits the
    line), and no URL's user and password (`http://user:secret@host/` is shown as `http://host/`)."""
    return "".join(_escaped(c) for c in _USERINFO.sub(r"\1", message))
