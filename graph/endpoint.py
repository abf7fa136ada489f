"""Talking to a remote SPARQL store over HTTP: its addresses, credentials and a patient client.

One client for every request cwkg sends to a store (Graph Store Protocol PUTs, SPARQL
updates): a descriptive User-Agent, a timeout, retries with back-off on 429 and 5xx that
honour Retry-After, and errors as one line that never show a password or token.
"""

from __future__ import annotations

import base64
import email.utils
import http.client
import os
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from cwkg import __version__
from cwkg.errors import conceal, conceal_url
from cwkg.ontology.vocab import HOME

from .answers import DEFAULT_MAX_ANSWER_MB, RemoteError, read_capped

USER_AGENT = f"cwkg/{__version__} (Cold War diplomacy knowledge graph; {HOME})"
USER_ENV, PASSWORD_ENV, TOKEN_ENV = "CWKG_ENDPOINT_USER", "CWKG_ENDPOINT_PASSWORD", "CWKG_ENDPOINT_TOKEN"
RETRIED = {429, 500, 502, 503, 504}
MAX_WAIT = 120.0  # seconds: a Retry-After longer than this is cut to it
_ERROR_HEAD = 4096  # bytes of an error page read for its first line


@dataclass(frozen=True)
class Credentials:
    """HTTP basic auth or a bearer token; `repr` never shows the secret."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        conceal(self.password)  # no message of this run shows them, whatever a server echoes
        conceal(self.token)

    @classmethod
    def from_options(cls, user: str | None = None, password: str | None = None, token: str | None = None) -> "Credentials":
        """Options first, then CWKG_ENDPOINT_USER, CWKG_ENDPOINT_PASSWORD and CWKG_ENDPOINT_TOKEN."""
        return cls(user or os.environ.get(USER_ENV) or None, password or os.environ.get(PASSWORD_ENV) or None,
                   token or os.environ.get(TOKEN_ENV) or None)

    def header(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user:
            pair = f"{self.user}:{self.password or ''}".encode("utf-8")
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


@dataclass(frozen=True)
class Endpoint:
    """A store's three doors: SPARQL query, SPARQL update and the Graph Store Protocol.

    Given `http://host:7878/query` (Oxigraph) the others default to `/update` and `/store`
    beside it; given a dataset URL without a known suffix, to `<url>/query`, `<url>/update` and
    `<url>/store`. Stores laid out otherwise (Fuseki's `/ds/data`) name them explicitly.
    """

    query: str
    update: str
    store: str

    @classmethod
    def from_url(cls, url: str, update: str | None = None, store: str | None = None) -> "Endpoint":
        for given in (url, update, store):
            conceal_url(given)  # no message shows a password written into the URL
        parsed = urllib.parse.urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise RemoteError(f"'{url}' is not an http(s) URL of a SPARQL endpoint")
        base = url.rstrip("/")
        for suffix in ("/query", "/sparql"):
            if base.endswith(suffix):
                base = base[: -len(suffix)]
                return cls(url, update or base + "/update", store or base + "/store")
        return cls(base + "/query", update or base + "/update", store or base + "/store")


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def retry_after(value: str | None, attempt: int) -> float:
    """Seconds to wait: the server's Retry-After (seconds or an HTTP date), else 1, 2, 4 ... seconds."""
    if value:
        value = value.strip()
        if value.isdigit():
            return min(float(value), MAX_WAIT)
        when = email.utils.parsedate_to_datetime(value) if value else None
        if when is not None:
            return max(0.0, min(when.timestamp() - time.time(), MAX_WAIT))
    return min(2.0 ** attempt, MAX_WAIT)


class HttpClient:
    """Requests with a timeout and retries; `sleep` is injectable so tests need not wait."""

    def __init__(self, credentials: Credentials | None = None, timeout: float = 60.0, retries: int = 4,
                 sleep: Callable[[float], None] = time.sleep, max_answer_mb: float = DEFAULT_MAX_ANSWER_MB) -> None:
        self.credentials = credentials or Credentials()
        self.timeout = timeout
        self.retries = retries
        self.sleep = sleep
        self.max_answer_mb = max_answer_mb

    def request(self, method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
                ok: tuple[int, ...] = (200, 201, 204)) -> Response:
        all_headers = {"User-Agent": USER_AGENT, **self.credentials.header(), **(headers or {})}
        for attempt in range(self.retries + 1):
            req = urllib.request.Request(url, data=body, method=method, headers=all_headers)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                    return Response(resp.status, dict(resp.headers), read_capped(resp, self.max_answer_mb, url))
            except urllib.error.HTTPError as exc:
                if exc.code in ok:
                    return Response(exc.code, dict(exc.headers), read_capped(exc, self.max_answer_mb, url))
                if exc.code in RETRIED and attempt < self.retries:
                    self.sleep(retry_after(exc.headers.get("Retry-After"), attempt))
                    continue
                raise RemoteError(describe_status(exc.code, exc.reason, _first_line(exc.read(_ERROR_HEAD))), url) from None
            except (TimeoutError, socket.timeout):
                if attempt < self.retries:
                    self.sleep(retry_after(None, attempt))
                    continue
                raise RemoteError(f"no answer within {self.timeout:g} s", url) from None
            except urllib.error.URLError as exc:
                reason = exc.reason
                if isinstance(reason, (TimeoutError, socket.timeout)) and attempt < self.retries:
                    self.sleep(retry_after(None, attempt))
                    continue
                raise RemoteError(f"cannot reach the store ({reason})", url) from None
            except (ConnectionError, OSError) as exc:
                if attempt < self.retries:
                    self.sleep(retry_after(None, attempt))
                    continue
                raise RemoteError(f"the connection failed ({exc.__class__.__name__}: {exc})", url) from None
            except http.client.HTTPException as exc:  # a cut or garbled answer (IncompleteRead, a bad status line)
                raise RemoteError(f"the store's answer broke off or is not HTTP ({type(exc).__name__})", url) from None
        raise RemoteError("gave up after retries", url)  # not reached: the last attempt raises


def describe_status(code: int, reason: str | None, detail: str = "") -> str:
    hint = {401: " (give --user and a password, or --token; see CWKG_ENDPOINT_*)", 403: " (the credentials may not write here)",
            404: " (is this the store's URL? see --gsp and --update)"}.get(code, "")
    return f"HTTP {code} {reason or ''}".rstrip() + hint + (f": {detail}" if detail else "")


def _first_line(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    return text.splitlines()[0][:200] if text else ""
