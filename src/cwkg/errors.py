"""Errors a user sees as one line: what went wrong and with which file."""

from __future__ import annotations


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
