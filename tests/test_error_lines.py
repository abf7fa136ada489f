"""An error is one line on standard error and shows no secret: a URL's user and password are left out, and a file
name or value it echoes has its control characters written as escapes (a newline cannot split the line, an
escape sequence cannot act on the terminal). All of it happens where cwkg prints (`commands.common.say`,
`errors.one_line`)."""

from __future__ import annotations

import pytest

from cwkg.errors import one_line
from test_bad_input import cwkg, loaded, one_line_error, store  # noqa: F401 - fixtures

SECRET_URL = "http://reader:s3cret-pw@127.0.0.1:1/sparql"


@pytest.mark.parametrize("command", [("sparql", "ASK {}"), ("query", "documents"), ("push",)])
def test_a_password_in_the_endpoint_url_is_not_printed(loaded, command):
    result = cwkg(*command, "--endpoint", SECRET_URL, store=loaded, timeout=120)  # push reads a store that exists
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


@pytest.mark.parametrize("password", ["p#w", "p/w", "p?w", "p w", "p\nw", "p@w"])
@pytest.mark.parametrize("command", [("sparql", "ASK {}"), ("link", "--no-enrich")])
def test_a_password_holding_a_character_no_url_allows_raw_is_not_printed_either(store, tmp_path, command, password):
    url = f"http://reader:{password}@127.0.0.1:1/sparql"
    review = ("--review", str(tmp_path / "review.csv")) if command[0] == "link" else ()
    result = cwkg(*command, *review, "--endpoint", url, store=store, timeout=120)
    err = one_line_error(result, 1)
    assert err.startswith("error: http://127.0.0.1:1/sparql: "), err
    assert "reader" not in err and password.replace("\n", "\\n") not in err and password not in result.stderr


def test_the_answer_cache_keeps_no_password_of_the_endpoint_url(tmp_path):
    from datetime import date

    from cwkg.graph.wikidata.client import ClientSettings, WikidataClient

    client = WikidataClient(ClientSettings(endpoint="http://reader:s3cret-pw@127.0.0.1:1/sparql", cache_dir=tmp_path))
    client._keep("SELECT * WHERE { ?s ?p ?o }", [], date(1961, 6, 4))
    written = "".join(p.read_text(encoding="utf-8") for p in tmp_path.rglob("*") if p.is_file())
    assert "127.0.0.1:1/sparql" in written and "s3cret-pw" not in written and "reader" not in written


def test_a_file_name_with_an_escape_sequence_is_shown_escaped_on_standard_output_too(tmp_path):
    from support import EXAMPLE

    name = tmp_path / "memo\x1b[2J.txt"
    name.write_bytes(EXAMPLE.read_bytes())
    result = cwkg("ingest", "--verbose", str(name), store=tmp_path / "store", timeout=300)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout + result.stderr and f"{tmp_path}/memo\\x1b[2J.txt: 1 documents" in result.stdout


def test_a_user_and_password_in_the_endpoint_url_log_in_and_leave_the_address_whole():
    from cwkg.graph.wikidata.client import ClientSettings, WikidataClient

    sparql = WikidataClient(ClientSettings(endpoint="http://reader:p w#1@127.0.0.1:1/sparql"))._wrapper("ASK {}")
    assert (sparql.endpoint, sparql.user, sparql.passwd) == ("http://127.0.0.1:1/sparql", "reader", "p w#1")
