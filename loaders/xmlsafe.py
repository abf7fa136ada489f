"""XML parsing that a hostile file cannot abuse.

No DTDs (so no entity expansion, internal or external: a billion-laughs bomb or an entity
pointing at /etc/passwd is refused before parsing), no network, a size limit and a depth
limit; a malformed or truncated file becomes one InputError naming it. `check` reads the
whole file once with bounded memory, so a loader can refuse a bad file before it stores
anything from it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from cwkg.errors import InputError

MAX_BYTES = 200 * 1024 * 1024
MAX_DEPTH = 200
_FORBIDDEN = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _guard(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1 << 20)
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", str(path)) from exc
    if size > MAX_BYTES:
        raise InputError(f"XML file is larger than {MAX_BYTES // (1024 * 1024)} MB", str(path))
    root_at = re.search(rb"<[A-Za-z_]", head)
    prolog = head[: root_at.start()] if root_at else head
    if _FORBIDDEN.search(prolog):
        raise InputError("XML with a DTD or entity declarations is refused (entity expansion is unsafe)", str(path))


def iterparse(path: Path, events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, etree._Element]]:
    """lxml iterparse with entities off, no network and a depth limit; errors become InputError."""
    _guard(path)
    depth = 0
    wanted = set(events)
    parser = etree.iterparse(
        str(path), events=("start", "end"), resolve_entities=False, no_network=True, load_dtd=False,
        huge_tree=False, remove_comments=True, remove_pis=True, recover=False,
    )
    try:
        for event, elem in parser:
            if event == "start":
                if depth == 0:
                    info = elem.getroottree().docinfo
                    if info.doctype or info.internalDTD is not None:
                        # Wherever it stood (after comments, after a megabyte of white space): refused all the same.
                        raise InputError("XML with a DTD or entity declarations is refused (entity expansion is unsafe)", str(path))
                depth += 1
                if depth > MAX_DEPTH:
                    raise InputError(f"XML nested deeper than {MAX_DEPTH} levels", str(path))
            else:
                depth -= 1
            if event in wanted:
                yield event, elem
    except etree.XMLSyntaxError as exc:
        raise _input_error(exc, path) from exc


def _input_error(exc: etree.XMLSyntaxError, path: Path) -> InputError:
    """cwkg's own words for a refused file, whichever libxml2 lxml brings."""
    return InputError(_reason(exc), str(path))


def _reason(exc: etree.XMLSyntaxError) -> str:
    """Why libxml2 refused a file, in the same words with every version.

    libxml2 2.14 stops at depth 256 on its own, inside a chunk, before the events that our
    counter reads: the same file must get the same message with every version.
    """
    last = exc.error_log.last_error if exc.error_log else None
    if last is not None and last.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
        if "depth" in (last.message or "").lower():
            return f"XML nested deeper than {MAX_DEPTH} levels"
        return f"XML exceeds a parser limit (line {exc.lineno})"
    return f"malformed XML ({exc.msg}, line {exc.lineno})"


def check(path: Path) -> None:
    """Read the whole file once, with bounded memory: well-formed and within limits, or InputError."""
    for _, elem in iterparse(path):
        release(elem)


def release(elem: etree._Element) -> None:
    """Free a processed element and the siblings before it, keeping memory bounded while streaming."""
    elem.clear(keep_tail=True)
    parent = elem.getparent()
    if parent is not None:
        while elem.getprevious() is not None:
            del parent[0]


def check_part(data: bytes, path: Path, part: str) -> None:
    """One XML part of a package (a Word file's `word/document.xml`), checked as a file is: no DTD or entity
    declarations, well-formed, within the depth limit; else one InputError naming the file and the part."""
    root_at = re.search(rb"<[A-Za-z_]", data[: 1 << 20])
    prolog = data[: root_at.start()] if root_at else data[: 1 << 20]
    if _FORBIDDEN.search(prolog):
        raise InputError(f"{part}: XML with a DTD or entity declarations is refused (entity expansion is unsafe)", str(path))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True, recover=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{part}: {_reason(exc)}", str(path)) from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None:
        raise InputError(f"{part}: XML with a DTD or entity declarations is refused (entity expansion is unsafe)", str(path))
    if _depth(root) > MAX_DEPTH:
        raise InputError(f"{part}: XML nested deeper than {MAX_DEPTH} levels", str(path))


def _depth(root: etree._Element) -> int:
    deepest, stack = 0, [(root, 1)]
    while stack:
        elem, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in elem)
    return deepest
