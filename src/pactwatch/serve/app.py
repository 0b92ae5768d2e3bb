"""The ASGI app behind ``pactwatch serve``: the HTTP API, the web pages, their assets.

FastAPI (on Starlette, served by uvicorn): it writes the OpenAPI description from the
typed route signatures, validates and bounds every query parameter before a handler
runs, and runs the synchronous store calls in a thread pool.  The interactive Swagger
page FastAPI ships loads its JavaScript from a CDN, so ``/docs`` is instead a page
rendered here from the same OpenAPI document: the app works offline.

Security holds for every response (``SecurityHeaders``): a strict Content-Security-
Policy (scripts, styles and images only from this server, no inline script), no MIME
sniffing, no referrer to other sites, no framing.  CORS is off (no header is sent);
gzip for anything over 1 kB.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pactwatch.store import Store, open_store

from .api import DEFAULT_MAX_BODY, build_router

HERE = Path(__file__).parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the security headers to every HTTP response (pure ASGI: streaming bodies
    pass through untouched), and ``Server-Timing: app;dur=<ms>, cpu;dur=<ms>``: the
    time the server took until the response started (what the benchmark reports as
    server-side) and the CPU time the process spent meanwhile, which, one request at a
    time, is that request's own cost even on a machine busy with other work."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        start, cpu = time.perf_counter(), time.process_time()

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                took = (f"app;dur={(time.perf_counter() - start) * 1000:.1f}, "
                        f"cpu;dur={(time.process_time() - cpu) * 1000:.1f}").encode()
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in SECURITY_HEADERS if k not in names),
                                      (b"server-timing", took)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(store: Store | str | None = None, *, token: str | None = None,
               max_body: int | None = None) -> FastAPI:
    """The app for one store (a Store, a URL or path, or None for the default store).

    ``token`` defaults to ``$PACTWATCH_TOKEN``: without one, ``POST /api/v1/ingest``
    does not exist.  ``max_body`` (bytes, default ``$PACTWATCH_MAX_BODY`` or 10 MB)
    bounds what one ingest request may send.
    """
    st = store if isinstance(store, Store) else open_store(store)
    token = token if token is not None else (os.environ.get("PACTWATCH_TOKEN") or None)
    if max_body is None:
        env = os.environ.get("PACTWATCH_MAX_BODY", "")
        max_body = int(env) if env.isdigit() else DEFAULT_MAX_BODY
    app = FastAPI(title="pactwatch", version="1",
                  description="Stories of cross-border economic partnerships: events, "
                              "entities, evidence and full text, from the pactwatch store.",
                  docs_url=None, redoc_url=None, openapi_url="/api/v1/openapi.json")
    app.state.store = st
    app.include_router(build_router(st, token=token, max_body=max_body))

    from .pages import build_pages

    app.include_router(build_pages(st, app))
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Any:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        from .pages import error_page

        return error_page(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Any:
        msgs = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
            msgs.append(f"{where}: {err.get('msg')}")
        detail = "; ".join(msgs) or "invalid request"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": detail}, status_code=422)
        from .pages import error_page

        return error_page(400, detail)

    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(SecurityHeaders)
    return app


def serve(db: str | None, *, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Run the server in the foreground until interrupted."""
    import uvicorn

    app = create_app(db)
    st: Store = app.state.store
    app.state.warm()  # before listening: no visitor waits for a cold cache
    local = host in ("127.0.0.1", "localhost", "::1")
    where = ("bound to 127.0.0.1: only this machine can connect (--host 0.0.0.0 to "
             "share it)" if local else f"bound to {host}: other machines CAN connect")
    print(f"pactwatch: serving {st.display_url} at http://{'[' + host + ']' if ':' in host else host}"
          f":{port}/ — {where}; API docs at /docs", file=sys.stderr, flush=True)
    if os.environ.get("PACTWATCH_TOKEN"):
        print("pactwatch: POST /api/v1/ingest is enabled (PACTWATCH_TOKEN is set)",
              file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    return 0
