"""A misbehaving SPARQL endpoint on 127.0.0.1 for the tests of what cwkg reads from remote stores: it stands for a
broken or hostile server, not for a triple store (the tests that need one run a real `oxigraph serve`).

Each path answers every request (GET, POST, PUT) the same way:
- `/endless/sparql`: SPARQL JSON results without end, sent chunked until the client hangs up;
- `/garbage/sparql`: bytes that are neither UTF-8 nor JSON;
- `/bad-iri/sparql`: well-formed JSON whose one IRI is no IRI;
- `/no-value/sparql`: well-formed JSON whose one binding has a type and no value;
- `/plain-type/sparql`: empty SPARQL JSON results labelled `text/plain` (SPARQLWrapper warned of it).
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

JSON_TYPE = "application/sparql-results+json"
ROW = b'{"s": {"type": "literal", "value": "' + b"x" * 200 + b'"}},'
FIXED = {
    "/garbage/sparql": b"\xff\xfe\x00garbage\x80\x81" * 100,
    "/bad-iri/sparql": b'{"head": {"vars": ["item"]}, "results": {"bindings": [{"item": {"type": "uri", "value": "not an iri"}}]}}',
    "/no-value/sparql": b'{"head": {"vars": ["item"]}, "results": {"bindings": [{"item": {"type": "uri"}}]}}',
}
PLAIN = b'{"head": {"vars": ["item"]}, "results": {"bindings": []}}'


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet: the tests read cwkg's output, not the server's
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        path = self.path.split("?")[0]
        self.send_response(200)
        if path == "/plain-type/sparql":
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(PLAIN)))
            self.end_headers()
            self.wfile.write(PLAIN)
            return
        self.send_header("Content-Type", JSON_TYPE)
        if path in FIXED:
            self.send_header("Content-Length", str(len(FIXED[path])))
            self.end_headers()
            self.wfile.write(FIXED[path])
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.server.requests += 1  # type: ignore[attr-defined]
        try:
            self._chunk(b'{"head": {"vars": ["s"]}, "results": {"bindings": [')
            piece = ROW * 300  # about 64 KB a chunk
            while True:
                self._chunk(piece)
                self.server.sent += len(piece)  # type: ignore[attr-defined]
        except OSError:  # the client hung up: what a capped reader does
            self.close_connection = True

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode("ascii") + data + b"\r\n")

    do_GET = do_POST = do_PUT = _answer


class MisbehavingEndpoint:
    """The server in a daemon thread; `url(kind)` is the SPARQL address of one misbehaviour."""

    def __init__(self) -> None:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.server.daemon_threads = True
        self.server.sent = 0  # type: ignore[attr-defined]
        self.server.requests = 0  # type: ignore[attr-defined]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True, name="misbehaving-endpoint")

    def url(self, kind: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{kind}/sparql"

    @property
    def sent(self) -> int:
        return self.server.sent  # type: ignore[attr-defined]

    def __enter__(self) -> "MisbehavingEndpoint":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
