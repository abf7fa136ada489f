"""The text of a user's SPARQL query: given on the command line, or the path of a file that holds it."""

from __future__ import annotations

from pathlib import Path

from cwkg.errors import CwkgError

from .guard import looks_like_path

MAX_QUERY_BYTES = 1024 * 1024  # a query file: the longest canned query is a few kilobytes


def query_text(text: str) -> str:
    """The query itself, or the text of the file it names (UTF-8 text only); a word that looks like a path to no
    file is said to be one, not read as a query with a syntax error."""
    from cwkg.inputs import read_text

    try:
        is_file = len(text) < 4096 and "\n" not in text and Path(text).is_file()
    except OSError:
        is_file = False  # a long one-line query is no file name
    if not is_file:
        if looks_like_path(text):
            raise CwkgError("no such query file (give a SPARQL query, or the path of a file holding one)", text)
        return text
    return read_text(Path(text), MAX_QUERY_BYTES, "query file")
