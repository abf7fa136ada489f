"""A file a user names beside the records (a gold file, a curator's review file, a catalogue) that is not UTF-8
text is one line naming it and the byte where reading stopped, never a `UnicodeDecodeError`, and the store
keeps its content (issue 30, "Exit codes and messages")."""

from __future__ import annotations

import pytest

from support import EXAMPLE
from test_bad_input import cwkg, digest, loaded, one_line_error, store  # noqa: F401 - the fixtures of a loaded store

LATIN1 = "Strelsau, Ruritania".encode("utf-8") + b"\xe9"  # a Latin-1 'é' after 19 good bytes


@pytest.mark.parametrize(("name", "head", "args"), [
    ("ruritania.gold.yaml", b"document:\n  file: ", ("eval", "{path}", "--format", "json")),
    ("choices.csv", b"entity,candidate,accept\n", ("link", "--accept", "{path}", "--offline", "--no-enrich")),
    ("records.csv", b"file,title\nmemo.txt,", ("ingest", "--catalog", "{path}", str(EXAMPLE))),
])
def test_a_named_file_that_is_not_utf8_is_one_line_naming_it_and_changes_nothing(store, tmp_path, name, head, args):
    path = tmp_path / name
    path.write_bytes(head + LATIN1 + b"\n")
    before = digest(store)
    result = cwkg(*(a.format(path=path) for a in args), store=store)
    assert one_line_error(result, 1) == f"error: {path}: is not UTF-8 text (byte {len(head) + 19}); save it as UTF-8"
    assert digest(store) == before
