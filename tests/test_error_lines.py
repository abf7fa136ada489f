"""An error is one line on standard error and shows no secret: a URL's user and password are left out, and a file
name or value it echoes has its control characters written as escapes (a newline cannot split the line, an
escape sequence cannot act on the terminal). All of it happens where cwkg prints (`cli._say`, `errors.one_line`)."""

from __future__ import annotations

import pytest

from cwkg.errors import one_line
from test_bad_input import cwkg, one_line_error

SECRET_URL = "http://reader:s3cret-pw@127.0.0.1:1/sparql"


@pytest.mark.parametrize("command", [("sparql", "ASK {}"), ("query", "documents"), ("push",)])
def test_a_password_in_the_endpoint_url_is_not_printed(tmp_path, command):
    result = cwkg(*command, "--endpoint", SECRET_URL, store=tmp_path / "store", timeout=120)
    err = one_line_error(result, 1)
    assert err.startswith("error: http://127.0.0.1:1/sparql: ") and "s3cret-pw" not in result.stderr + result.stdout
    assert "reader" not in err


def test_a_file_name_with_a_newline_makes_a_one_line_error(tmp_path):
    result = cwkg("ingest", str(tmp_path / "two\nlines.txt"), store=tmp_path / "store")
    assert one_line_error(result, 1) == f"error: {tmp_path}/two\\nlines.txt: no such file"


def test_an_escape_sequence_in_a_file_name_is_shown_escaped(tmp_path):
    result = cwkg("export", "-o", str(tmp_path / "clear\x1b[2J" / "out.ttl"), store=tmp_path / "store")
    assert one_line_error(result, 1) == f"error: {tmp_path}/clear\\x1b[2J/out.ttl: its folder does not exist"


def test_one_line_escapes_control_characters_and_drops_userinfo():
    assert one_line("https://u:p@ss@host:8890/sparql?x=1 said:\r\n\tno\x00 \u2028\u202e end") == (
        "https://host:8890/sparql?x=1 said:\\r\\n\\tno\\x00 \\u2028\\u202e end")


def test_one_line_keeps_an_address_without_userinfo_and_an_e_mail_as_they_are():
    assert one_line("ask http://127.0.0.1:7878/query or mailto:curator@example.org") == (
        "ask http://127.0.0.1:7878/query or mailto:curator@example.org")
