"""``pactwatch serve``: the HTTP API and the web pages over one store (see ``app``)."""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
