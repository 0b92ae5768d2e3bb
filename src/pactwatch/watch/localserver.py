"""A small HTTP server on 127.0.0.1 for the watch tests and benchmark.

Why it lives in the package: the tests and ``benchmarks/bench_watch.py`` both need a
server whose behaviour they script (feeds that change between polls, 304s, a 500 then a
200, a slow answer, an endless body, redirect loops), and it must never listen anywhere
but loopback.  Routes map a path to a ``Route``: a body (bytes, or a callable giving the
bytes per request) plus a scripted behaviour.  Every request is logged in ``hits``.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    """What one path answers.

    ``statuses`` are consumed one per request before the normal answer (e.g. ``[500]``
    for "a 500, then success"); ``delay`` sleeps before answering; ``stream_bytes`` sends
    that many bytes in chunks without building them in memory (``declare_length``
    decides whether a Content-Length goes with them); ``redirect`` answers 302 to that
    location; ``etag`` (on by default) makes the route answer 304 to a matching
    ``If-None-Match``.
    """

    body: bytes | Callable[[], bytes] = b""
    content_type: str = "text/html; charset=utf-8"
    statuses: list[int] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    stream_bytes: int = 0
    declare_length: bool = True
    redirect: str | None = None
    etag: bool = True

    def content(self) -> bytes:
        return self.body() if callable(self.body) else self.body


class LocalServer:
    """``with LocalServer() as srv: srv.route('/feed.xml', Route(...)); srv.url('/feed.xml')``"""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        if host not in ("127.0.0.1", "::1", "localhost"):
            raise ValueError("the local server listens on loopback only")
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, str, dict[str, str]]] = []  # (path, answer, headers)
        self.posts: list[tuple[str, int, dict[str, str], bytes]] = []  # path, answer, ...
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server._answer(self)

            def do_POST(self) -> None:  # noqa: N802
                server._receive(self)

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: object, client_address: object) -> None:
                import sys

                if not isinstance(sys.exc_info()[1], ConnectionError):
                    super().handle_error(request, client_address)  # type: ignore[arg-type]
                # a client hanging up (a body cap, a closed keep-alive) is normal here

        self.httpd = Server((host, port), Handler)
        self.port = self.httpd.server_address[1]
        self.host = host
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.host}:{self.port}{path}"

    def route(self, path: str, route: Route) -> Route:
        self.routes[path] = route
        return route

    def count(self, path: str) -> Counter[str]:
        """Answers given for ``path`` so far, e.g. ``{'200': 1, '304': 2}``."""
        with self._lock:
            return Counter(a for p, a, _ in self.hits if p == path)

    def _log(self, path: str, answer: str, headers: dict[str, str]) -> None:
        with self._lock:
            self.hits.append((path, answer, headers))

    def _answer(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        headers = {k.lower(): v for k, v in h.headers.items()}
        route = self.routes.get(path)
        try:
            if route is None:
                self._log(path, "404", headers)
                self._send(h, 404, b"not here", "text/plain", {})
                return
            if route.delay:
                time.sleep(route.delay)
            if route.statuses:
                status = route.statuses.pop(0)
                self._log(path, str(status), headers)
                self._send(h, status, b"scripted failure", "text/plain", route.headers)
                return
            if route.redirect:
                self._log(path, "302", headers)
                self._send(h, 302, b"", "text/plain", {"Location": route.redirect})
                return
            if route.stream_bytes:
                self._log(path, "200-stream", headers)
                self._stream(h, route)
                return
            body = route.content()
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if route.etag and headers.get("if-none-match") == etag:
                self._log(path, "304", headers)
                self._send(h, 304, b"", None, {"ETag": etag})
                return
            self._log(path, "200", headers)
            extra = {**route.headers, **({"ETag": etag} if route.etag else {})}
            self._send(h, 200, body, route.content_type, extra)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up (a body cap, a timeout): nothing to do

    def _receive(self, h: BaseHTTPRequestHandler) -> None:
        """A POST (a webhook delivery): recorded with its body; answered with the route's
        scripted statuses, then 200 (404 for an unknown path)."""
        path = h.path.split("?", 1)[0]
        headers = {k.lower(): v for k, v in h.headers.items()}
        body = h.rfile.read(int(headers.get("content-length") or 0))
        route = self.routes.get(path)
        status = 404 if route is None else route.statuses.pop(0) if route.statuses else 200
        if route is not None and route.delay:
            time.sleep(route.delay)
        with self._lock:
            self.posts.append((path, status, headers, body))
        try:
            self._send(h, status, b"{}", "application/json", {})
        except (BrokenPipeError, ConnectionResetError):
            pass

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, body: bytes, ctype: str | None,
              extra: dict[str, str]) -> None:
        h.send_response(status)
        if ctype:
            h.send_header("Content-Type", ctype)
        for k, v in extra.items():
            h.send_header(k, v)
        if status != 304:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if status != 304:
            h.wfile.write(body)

    @staticmethod
    def _stream(h: BaseHTTPRequestHandler, route: Route) -> None:
        chunk = b"<p>" + b"x" * 65_530 + b"</p>\n"  # 64 KiB, reused: nothing built in memory
        h.send_response(200)
        h.send_header("Content-Type", route.content_type)
        if route.declare_length:
            h.send_header("Content-Length", str(route.stream_bytes))
        else:
            h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        for piece in _pieces(route.stream_bytes, chunk):
            if route.declare_length:
                h.wfile.write(piece)
            else:
                h.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        if not route.declare_length:
            h.wfile.write(b"0\r\n\r\n")
        h.close_connection = True


def _pieces(total: int, chunk: bytes) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        piece = chunk[: min(len(chunk), total - sent)]
        sent += len(piece)
        yield piece
