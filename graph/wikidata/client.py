"""One polite client for a Wikidata-shaped SPARQL endpoint.

The Wikidata Query Service asks for a descriptive User-Agent with a way to reach its
operator, one request at a time, and for clients to wait as long as a 429's Retry-After
says. Every answer is kept on disk under a key of endpoint and query, so a second run
sends nothing and `offline` can answer from the cache alone.
"""

from __future__ import annotations

import email.utils
import hashlib
import http.client
import json
import os
import socket
import time
import urllib.error
from urllib.parse import unquote
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timezone
from pathlib import Path

from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, SPARQLWrapperException

from cwkg import __version__
from cwkg.errors import CwkgError, conceal_url, userinfo, without_userinfo
from cwkg.ontology.vocab import HOME
from cwkg.safewrite import write_bytes

from ..answers import DEFAULT_MAX_ANSWER_MB, RemoteError, quiet, read_capped, sparql_json

WIKIDATA_QUERY_SERVICE = "https://query.wikidata.org/sparql"
CONTACT_ENV = "CWKG_CONTACT"
_RETRIED_STATUS = {429, 500, 502, 503, 504}


class WikidataError(CwkgError):
    """The endpoint could not answer (after retries), or the cache could not when offline."""


@dataclass(frozen=True)
class ClientSettings:
    endpoint: str = WIKIDATA_QUERY_SERVICE
    contact: str | None = None
    cache_dir: Path | None = None
    offline: bool = False
    refresh: bool = False  # ask again even when the cache holds an answer (and keep the new one)
    timeout_s: float = 60.0
    retries: int = 5
    backoff_s: float = 2.0  # first wait after a 5xx or a timeout; doubled each time
    max_wait_s: float = 300.0  # never wait longer than this for one Retry-After
    min_interval_s: float | None = None  # between two requests; default 1 s for the public service, 0 elsewhere
    max_answer_mb: float = DEFAULT_MAX_ANSWER_MB  # an answer past this is refused, never read whole

    def __post_init__(self) -> None:
        conceal_url(self.endpoint)  # no message shows a password written into the URL

    def interval(self) -> float:
        if self.min_interval_s is not None:
            return self.min_interval_s
        return 1.0 if self.endpoint == WIKIDATA_QUERY_SERVICE else 0.0


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "cwkg" / "wikidata"


def user_agent(contact: str | None) -> str:
    """Wikimedia's User-Agent policy: the tool, its version, where it lives and whom to contact."""
    who = contact or os.environ.get(CONTACT_ENV) or "no contact given; set CWKG_CONTACT"
    return f"cwkg/{__version__} ({HOME}; {who}) SPARQLWrapper"


@dataclass(frozen=True)
class Answer:
    bindings: list[dict[str, dict[str, str]]]
    retrieved: date
    from_cache: bool


@dataclass
class Tally:
    sent: int = 0  # HTTP requests, retries included
    cached: int = 0  # questions answered from the cache
    missing: list[str] = field(default_factory=list)  # offline: what the cache could not answer


def retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class WikidataClient:
    """SELECT queries against one endpoint, cached on disk, retried as the service asks."""

    def __init__(self, settings: ClientSettings, sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.cache_dir = settings.cache_dir or default_cache_dir()
        self.tally = Tally()
        self._sleep = sleep
        self._last_request = 0.0

    # ------------------------------------------------------------------ cache

    def _key(self, query: str) -> Path:
        digest = hashlib.sha256(f"{self.settings.endpoint}\n{query}".encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def _cached(self, query: str) -> Answer | None:
        path = self._key(query)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Answer(data["bindings"], date.fromisoformat(data["retrieved"]), True)
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            return None  # a damaged entry is asked again and rewritten

    def _keep(self, query: str, bindings: list, retrieved: date) -> None:
        path = self._key(query)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(path, json.dumps({"endpoint": without_userinfo(self.settings.endpoint), "query": query,
                                          "retrieved": retrieved.isoformat(), "bindings": bindings}).encode("utf-8"))
        except OSError as exc:
            raise WikidataError(f"cannot write the Wikidata cache: {exc.strerror or exc}", str(self.cache_dir)) from None
        except CwkgError as exc:
            raise WikidataError(f"cannot write the Wikidata cache: {exc}", str(self.cache_dir)) from None

    # ------------------------------------------------------------------ asking

    def select(self, query: str, purpose: str) -> Answer | None:
        """The bindings of a SELECT query; None only when offline and the cache has no answer."""
        if not self.settings.refresh or self.settings.offline:
            cached = self._cached(query)
            if cached is not None:
                self.tally.cached += 1
                return cached
        if self.settings.offline:
            self.tally.missing.append(purpose)
            return None
        bindings = self._ask(query, purpose)
        today = date.today()
        self._keep(query, bindings, today)
        return Answer(bindings, today, False)

    def _wrapper(self, query: str) -> SPARQLWrapper:
        # A user and password written into the URL log in (HTTP basic authentication); left in the URL, a password
        # holding a raw "#", "/", "?" or space would cut the host short and send the request somewhere else.
        secret = userinfo(self.settings.endpoint)
        sparql = SPARQLWrapper(without_userinfo(self.settings.endpoint), agent=user_agent(self.settings.contact))
        if secret:
            user, _, password = secret[:-1].partition(":")
            sparql.setCredentials(unquote(user), unquote(password))
        sparql.setMethod(POST)  # VALUES of a few hundred ids would overflow a GET line
        sparql.setReturnFormat(JSON)
        sparql.setTimeout(max(1, int(self.settings.timeout_s)))
        sparql.setQuery(query)
        return sparql

    def _bindings(self, query: str) -> list:
        """The checked bindings of one answer, read up to the size cap."""
        with quiet():
            response = self._wrapper(query).query().response
        try:
            answer = sparql_json(read_capped(response, self.settings.max_answer_mb, self.settings.endpoint),
                                 self.settings.endpoint)
        finally:
            response.close()
        if "boolean" in answer:
            raise RemoteError("the endpoint answered a SELECT query with a boolean", self.settings.endpoint)
        return answer["results"]["bindings"]

    def _ask(self, query: str, purpose: str) -> list:
        s = self.settings
        backoff = s.backoff_s
        for attempt in range(s.retries + 1):
            wait = self.settings.interval() - (time.monotonic() - self._last_request)
            if wait > 0 and self._last_request:
                self._sleep(wait)
            self._last_request = time.monotonic()
            self.tally.sent += 1
            problem, delay = None, None
            try:
                return self._bindings(query)
            except RemoteError as exc:
                raise WikidataError(f"{purpose}: {str(exc).removeprefix(s.endpoint + ': ')}", s.endpoint) from None
            except urllib.error.HTTPError as exc:
                if exc.code not in _RETRIED_STATUS:
                    raise WikidataError(f"{purpose}: the endpoint answered HTTP {exc.code} {exc.reason}", s.endpoint) from None
                problem = f"HTTP {exc.code}"
                delay = retry_after(exc.headers.get("Retry-After") if exc.headers else None)
                if delay is not None and delay > s.max_wait_s:
                    raise WikidataError(f"{purpose}: the endpoint asks to wait {delay:.0f} s (more than {s.max_wait_s:.0f} s); "
                                        "try again later", s.endpoint) from None
            except EndPointInternalError:
                problem = "HTTP 500"
            except (socket.timeout, TimeoutError):
                problem = f"no answer within {s.timeout_s:.0f} s"
            except urllib.error.URLError as exc:
                reason = exc.reason
                if isinstance(reason, (socket.timeout, TimeoutError)):
                    problem = f"no answer within {s.timeout_s:.0f} s"
                else:
                    raise WikidataError(f"{purpose}: cannot reach the endpoint ({reason})", s.endpoint) from None
            except SPARQLWrapperException as exc:
                raise WikidataError(f"{purpose}: the endpoint refused the query ({str(exc).splitlines()[0]})", s.endpoint) from None
            except (ValueError, json.JSONDecodeError):
                raise WikidataError(f"{purpose}: the endpoint's answer is not JSON", s.endpoint) from None
            except http.client.HTTPException as exc:  # a cut or garbled answer: asked again
                problem = f"the answer broke off ({type(exc).__name__})"
            except OSError as exc:
                raise WikidataError(f"{purpose}: the connection failed ({exc.strerror or exc})", s.endpoint) from None
            if attempt == s.retries:
                raise WikidataError(f"{purpose}: still failing after {s.retries + 1} requests ({problem})", s.endpoint)
            if delay is None:
                delay, backoff = backoff, backoff * 2
            self._sleep(delay)
        raise AssertionError("unreachable")
