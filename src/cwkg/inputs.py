"""Reading a file a user names (a gold file, a curator's review file, a query file) so that what it is and how
large it is are checked before a byte is read: a device (`/dev/zero`) would be read for ever, a FIFO would hang
until someone writes to it, a sparse giant would be read whole.

The file is opened without blocking (a FIFO opens at once), its type and size are read from the open file
itself (so nothing can be swapped in between the check and the read), and at most the limit is read; each way
it can fail (a loop of symbolic links included) is one line naming the file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from cwkg.errors import InputError


def read_limited(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes; otherwise one InputError naming it (a missing
    file, a folder, a device, pipe or socket, a file over the limit, one that cannot be read)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file", str(path)) from None
    except IsADirectoryError:
        raise InputError(f"is a folder, not a {what}", str(path)) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError("is a loop of symbolic links, not a file", str(path)) from None
        raise InputError(f"cannot read it ({exc.strerror or exc})", str(path)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"is a folder, not a {what}", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"not a regular file (a device, pipe or socket): give a {what}", str(path))
        if info.st_size > limit:
            raise InputError(f"is larger than {_size(limit)}, more than a {what} holds", str(path))
        os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)  # a file that grew since it was measured is cut here
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror or exc})", str(path)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(f"is larger than {_size(limit)}, more than a {what} holds", str(path))
    return data


def read_text(path: Path, limit: int, what: str = "file") -> str:
    """`read_limited`, decoded as UTF-8 (a byte order mark dropped); one InputError naming the first bad byte."""
    data = read_limited(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not UTF-8 text (byte {exc.start}); save it as UTF-8", str(path)) from None


def _size(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB" if limit >= 1024 * 1024 else f"{limit:,} bytes"


def absolute(path: Path) -> Path:
    """`path` with its links resolved where they can be; a loop of symbolic links (a RuntimeError of pathlib before
    Python 3.13) or an unreadable folder leaves it absolute but unresolved, for the reader to name."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


HEAD_BYTES = 8192


def binary(path: Path) -> bool:
    """Whether a file is plainly no text (a PDF, an image, a Word file, an archive): its first 8 KB hold a NUL byte
    or are not UTF-8. A folder given to `ingest` may hold such files beside its records; they are skipped like other
    formats cwkg does not read. A file that cannot be opened is not judged here: its reader names the problem."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, HEAD_BYTES)
    except OSError:
        return False
    finally:
        os.close(fd)
    if b"\0" in head:
        return True
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return not (len(head) == HEAD_BYTES and exc.start >= len(head) - 3)  # a character cut by the 8 KB is text
    return False
