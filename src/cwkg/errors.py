"""Errors a user sees as one line: what went wrong and with which file, printed through `one_line`."""

from __future__ import annotations

import errno
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
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")
_HOST_PORT = re.compile(r"(?:\[[0-9A-Fa-f:.]*\]|[^:@\[\]]*)(?::[0-9]*)?")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONCEALED: dict[str, str] = {}  # a secret this run was given -> what is shown in its place
_SHORTEST = 4  # a shorter secret would hide common words of every message (a password "a"), so is left


def userinfo(url: str) -> str:
    """The user and password of `url` with their `@` ('' when it has none), read as a person writes them: a
    password may hold a raw `#`, `/`, `?`, `@`, space or line break, so the part before the host ends at the last
    `@` before the path, not at the first character a URL parser would stop at."""
    scheme = _SCHEME.match(url)
    if scheme is None:
        return ""
    rest = url[scheme.end():]
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if "@" not in authority and _HOST_PORT.fullmatch(authority):
        return ""  # a plain host[:port]
    first = rest.find("@")
    if first < 0:
        return ""
    path = re.search(r"[/?#]", rest[first:])
    return rest[: rest.rindex("@", 0, first + path.start() if path else len(rest)) + 1]


def without_userinfo(url: str) -> str:
    """`url` as it may be shown or kept: `http://user:secret@host/` is `http://host/`."""
    secret = userinfo(url)
    return url.replace(secret, "", 1) if secret else url


def conceal(value: str | None, shown: str = "***") -> None:
    """Never show `value` (a password, a token) in a message of this run: `one_line` writes `shown` instead."""
    if value and (len(value) >= _SHORTEST or "@" in value):
        _CONCEALED[value] = shown


def conceal_url(url: str | None) -> None:
    """Never show the user and password of `url`: the URL is shown without them, the password alone as ***."""
    secret = userinfo(url or "")
    if secret:
        conceal(secret, "")
        conceal(secret[:-1].partition(":")[2])


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    if unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in _BIDI:
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"
    return char


def one_line(message: str) -> str:
    """A message as the user sees it: one line whatever file name or value it echoes (a newline, an escape
    sequence or a text-direction mark is written as its escape, so nothing acts on the terminal or splits the
    line), no URL's user and password (`http://user:secret@host/` is shown as `http://host/`) and no secret
    this run was given (`conceal`)."""
    for secret in sorted(_CONCEALED, key=len, reverse=True):
        message = message.replace(secret, _CONCEALED[secret])
    return "".join(_escaped(c) for c in _USERINFO.sub(r"\1", message))


def in_words(exc: BaseException) -> str:
    """A failure no command foresaw as a sentence, not a bare exception name: the cases a hostile run met in their
    own words, the rest as an unexpected failure with its message. Used wherever such a failure ends as a line
    (the command line's edge, the query child, one file of an ingest)."""
    text = " ".join(str(exc).split())
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "no space left on the device written to; free some space and run the command again"
    if isinstance(exc, OSError) and exc.errno == errno.ELOOP:
        return f"{exc.filename or 'a path given'}: is a loop of symbolic links, not a file"
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or text}"
    if isinstance(exc, RuntimeError) and (loop := re.match(r"Symlink loop from '(.*)'$", text)):
        return f"{loop.group(1)}: is a loop of symbolic links, not a file"
    if isinstance(exc, UnicodeDecodeError):
        return f"an input is not UTF-8 text (byte {exc.start} cannot be read as UTF-8); save it as UTF-8"
    if isinstance(exc, RecursionError):
        return "an input is nested too deeply to read; flatten it"
    if isinstance(exc, MemoryError):
        return "there is not enough memory for this input; give a smaller one"
    if isinstance(exc, KeyError):
        return f"an input lacks the entry {text} that cwkg expected there (CWKG_DEBUG=1 shows where)"
    return f"unexpected failure: {text or type(exc).__name__} (CWKG_DEBUG=1 shows where)"
