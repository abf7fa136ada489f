"""Writing what a command makes (an export, a page, a site, the review file, a cached answer) so that only a
regular file, a missing path or a folder cwkg may replace is ever replaced, nothing is written through a
symbolic link, and a killed run leaves nothing half written that the next run does not remove.

The content goes to a temporary name beside the target, `.TARGET.cwkg-part-PID-RANDOM`, created exclusively
(`O_CREAT | O_EXCL | O_NOFOLLOW`): a file or link planted under a name an attacker guessed is never opened. It
is fsynced and renamed over the target, which is thus replaced whole or not at all. The process id in the name
lets the next write into the same folder remove what a process that no longer runs left behind there, whatever
target it was writing (a user rarely gives the same `-o` twice after a killed run).
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from cwkg.errors import CwkgError

PART = ".cwkg-part-"
_NAME_MAX = 255  # bytes in one file name on every file system cwkg writes to
_SUFFIX = re.compile(r"(\d+)-[0-9a-f]+")
_ANY_TEMPORARY = re.compile(rf"\..*{re.escape(PART)}(\d+)-[0-9a-f]+", re.DOTALL)


def refuse_unless_replaceable(path: Path, folder: bool = False) -> None:
    """A one-line error naming `path` unless it is missing or a regular file (a folder when `folder`) in an
    existing folder: a device, a pipe, a socket or a symbolic link is never replaced."""
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise CwkgError(f"cannot be written ({exc.strerror or exc})", str(path)) from None
    if found is not None:
        if stat.S_ISLNK(found.st_mode):
            raise CwkgError("is a symbolic link, which cwkg does not write through; give the path of the file itself", str(path))
        if folder and not stat.S_ISDIR(found.st_mode):
            raise CwkgError("is not a folder; give a new or empty folder", str(path))
        if not folder and stat.S_ISDIR(found.st_mode):
            raise CwkgError("is not a regular file (a folder); give a file path", str(path))
        if not folder and not stat.S_ISREG(found.st_mode):
            raise CwkgError("is not a regular file (a device, pipe or socket); give a file path", str(path))
    if not path.parent.is_dir():
        raise CwkgError("its folder does not exist", str(path))


def _prefix(path: Path) -> str:
    """The start of every temporary name for `path`, cut so that a whole temporary name fits in a file name."""
    room = _NAME_MAX - len(PART) - 40  # the dot, the process id and the random part
    name = path.name.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return f".{name}{PART}"


def _temporary(path: Path) -> Path:
    return path.parent / f"{_prefix(path)}{os.getpid()}-{secrets.token_hex(8)}"


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # an earlier process with this id left it: this one is the only one with the id now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _leftover(name: str, prefix: str) -> bool:
    """Whether `name` is a temporary a write that no longer runs left: of `path` (its prefix) by any earlier
    process, or of another target in the folder by another process (this one may be writing that one now)."""
    own = _SUFFIX.fullmatch(name[len(prefix):]) if name.startswith(prefix) else None
    if own is not None:
        return not _running(int(own.group(1)))
    other = _ANY_TEMPORARY.fullmatch(name)
    return other is not None and int(other.group(1)) != os.getpid() and not _running(int(other.group(1)))


def sweep(path: Path) -> list[Path]:
    """Remove the temporary files and folders killed writes left in `path`'s folder (those whose process no
    longer runs, whichever target they were for); what was removed."""
    prefix, removed = _prefix(path), []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    for entry in entries:
        if not _leftover(entry.name, prefix):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path)
            else:
                os.unlink(entry.path)  # a link itself, never what it points to
            removed.append(Path(entry.path))
        except OSError:
            pass
    return removed


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def create_new(path: Path) -> BinaryIO:
    """A file opened for writing that did not exist before: never an existing file, never through a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    return os.fdopen(os.open(path, flags, 0o666), "wb")


def _keep_mode(path: Path, out: BinaryIO) -> None:
    """Give the new content the permissions of the file it replaces: a private file stays private."""
    try:
        found = os.lstat(path)
    except OSError:
        return
    if stat.S_ISREG(found.st_mode):
        os.fchmod(out.fileno(), stat.S_IMODE(found.st_mode))


@contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write `path`'s new content into; on a clean exit it is fsynced and renamed over `path`,
    on any failure removed, so `path` holds the old content or the whole new one."""
    refuse_unless_replaceable(path)
    sweep(path)
    temporary = _temporary(path)
    try:
        with create_new(temporary) as out:
            _keep_mode(path, out)
            yield out
            out.flush()
            os.fsync(out.fileno())
        refuse_unless_replaceable(path)  # it may have changed while the content was written
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def write_bytes(path: Path, data: bytes) -> int:
    """Replace `path` with `data` (see `replacing`); how many bytes."""
    with replacing(path) as out:
        out.write(data)
    return len(data)


@contextmanager
def replacing_folder(folder: Path) -> Iterator[Path]:
    """A new empty folder beside `folder` to build its new content in; on a clean exit it takes `folder`'s place
    (the old one, if any, is removed), on any failure it is removed. Whether an existing folder may be replaced
    at all is the caller's question; a link or a file in its place is refused here."""
    refuse_unless_replaceable(folder, folder=True)
    sweep(folder)
    staging = _temporary(folder)
    os.mkdir(staging, 0o777)  # exclusive: an existing name, a link included, is an error
    try:
        yield staging
        refuse_unless_replaceable(folder, folder=True)
        old = None
        if folder.exists():
            old = _temporary(folder)
            os.rename(folder, old)
        os.rename(staging, folder)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _sync_folder(folder.parent)
