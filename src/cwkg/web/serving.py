"""`cwkg serve`: Oxigraph's server as a child process and the site in this process, started together and
stopped together. Ctrl-C, SIGTERM and SIGHUP all stop both (Oxigraph gets SIGTERM, and is killed if it has
not stopped within 10 s); on Linux the kernel ends Oxigraph if this
process is killed outright (`Server.start(tied=True)`). The site's port is bound before Oxigraph starts, so a
taken port is said before anything is left running."""

from __future__ import annotations

import io
import signal
import socket
import subprocess
import threading
from collections.abc import Callable
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

from cwkg.errors import CwkgError
from cwkg.graph.serve import Server, mark_served, unmark_served

from .app import Site, loopback_hosts
from .reading import Snapshots

STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)
GRACE_S = 10.0


class _Handler(WSGIRequestHandler):
    timeout = 60  # an idle connection (a browser's preconnect) frees its thread after this many seconds

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 -- quiet: cwkg says one line per event
        pass

    def get_stderr(self) -> io.StringIO:
        return io.StringIO()  # wsgiref's traceback of a browser that went away mid-answer is nobody's business


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a request still running does not hold up the stop

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a connection reset by the browser: the site's own failures are said by `app.Site`


class _ThreadingServer6(_ThreadingServer):
    address_family = socket.AF_INET6


MAX_PORT = 65535


class SiteServer:
    """The site's HTTP server, bound at construction (so a taken port fails first) and served from a thread."""

    def __init__(self, site: Site, bind: str, port: int) -> None:
        kind = _ThreadingServer6 if ":" in bind else _ThreadingServer
        if not 0 <= port <= MAX_PORT:  # the SPARQL port + 1 when --port is the last one
            raise CwkgError(f"the site's port {port} is past the last port, {MAX_PORT}; give --site-port, a lower --port "
                            "or --no-site")
        try:
            self.httpd = kind((bind, port), _Handler)
        except OSError as exc:
            if "in use" in str(exc).lower():
                raise CwkgError(f"address in use: {bind}:{port} is taken by another program; give another --site-port") from None
            raise CwkgError(f"the site cannot listen on {bind}:{port} ({exc.strerror or exc})") from None
        self.site = site
        self.httpd.set_app(site)
        self.bind, self.port = bind, self.httpd.server_address[1]
        self.thread: threading.Thread | None = None
        self.closed = False

    @property
    def url(self) -> str:
        host = f"[{self.bind}]" if ":" in self.bind else self.bind
        return f"http://{host}:{self.port}/"

    def start(self) -> None:
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True,
                                       name="cwkg-site")
        self.thread.start()

    def stop(self) -> None:
        """Stop serving, release the port and the store (again is harmless)."""
        if self.closed:
            return
        self.closed = True
        if self.thread is not None:
            self.httpd.shutdown()
            self.thread.join()
        self.httpd.server_close()
        self.site.snapshots.close()


class _Stopped(Exception):
    """SIGTERM or SIGHUP arrived: stop as on Ctrl-C."""


def _raise_stopped(signum: int, frame: object) -> None:
    raise _Stopped()


def _stop_child(process: subprocess.Popen) -> None:
    """SIGTERM, not SIGINT: a child started from a script's background job inherits SIGINT ignored."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=GRACE_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _stderr(process: subprocess.Popen) -> str:
    return process.stderr.read().decode("utf-8", "replace") if process.stderr else ""


def run(endpoint: Server, site_port: int | None, say: Callable[[str], None]) -> None:
    """Serve until Ctrl-C, SIGTERM or SIGHUP (then say "stopped" and return), with the site on `site_port` (None: no
    site; 0: any free port). CwkgError when either cannot start, or when Oxigraph stops by itself (the site is
    stopped with it)."""
    site = None
    if site_port is not None:
        app = Site(Snapshots(endpoint.location, fresh=endpoint.writable), endpoint.query_url, None, say)
        site = SiteServer(app, endpoint.bind, site_port)
        app.hosts = loopback_hosts(endpoint.bind, site.port)
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, *STOP_SIGNALS)}
    for sig in STOP_SIGNALS:
        signal.signal(sig, _raise_stopped)
    process = None
    try:
        process = endpoint.start(tied=True)
        if not endpoint.ready(process):
            said = endpoint.why_stopped(_stderr(process))
            raise CwkgError(f"the server did not start (exit {process.wait()}){': ' + said if said else ''}")
        mark_served(endpoint.location, endpoint.query_url)
        mode = "read-write" if endpoint.writable else "read-only"
        if site is None:
            say(f"SPARQL endpoint: {endpoint.query_url}  (queries: --endpoint {endpoint.query_url}; {mode}; Ctrl-C stops it)")
        else:
            site.start()
            say(f"SPARQL endpoint: {endpoint.query_url}  (queries: --endpoint {endpoint.query_url}; {mode}); "
                f"site: {site.url}  (Ctrl-C stops both)")
        code = process.wait()
        said = endpoint.why_stopped(_stderr(process))
        raise CwkgError(f"the server stopped (exit {code}){': ' + said if said else ''}")
    except (KeyboardInterrupt, _Stopped):
        for sig in previous:  # a second signal must not cut the stop short
            signal.signal(sig, signal.SIG_IGN)
        _shut(process, site)
        say("stopped")
    finally:
        for sig in previous:
            signal.signal(sig, signal.SIG_IGN)
        _shut(process, site)
        unmark_served(endpoint.location)
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _shut(process: subprocess.Popen | None, site: SiteServer | None) -> None:
    """Stop both (again is harmless)."""
    if process is not None:
        _stop_child(process)
        if process.stderr and not process.stderr.closed:
            process.stderr.close()
    if site is not None:
        site.stop()
