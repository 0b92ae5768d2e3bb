"""watch: follow feeds, news sitemaps and listing pages; store what is new; alert.

``fetch`` is the polite, SSRF-safe HTTP client; ``sources`` the sources file and the
items a source lists; ``poll`` the poller and source health; ``alerts`` watchlists and
alert delivery.  The web app reads ``source_health`` and ``alert_history`` (plain rows).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pactwatch.store import Store


def source_health(store: Store) -> list[dict[str, Any]]:
    """Every followed source with its state and health (see ``poll.source_health``)."""
    from .poll import source_health as _health

    return _health(store)


def alert_history(store: Store, *, watchlist: str | None = None, story: int | None = None,
                  limit: int | None = 100) -> list[dict[str, Any]]:
    """Alerts, newest first, with their delivery state (see ``alerts.alert_history``)."""
    from .alerts import alert_history as _history

    return _history(store, watchlist=watchlist, story=story, limit=limit)


def watchlists(store: Store) -> list[dict[str, Any]]:
    """The watchlists saved in the store, as dicts (name, filters, text)."""
    from .alerts import stored_watchlists

    return [w.to_dict() for w in stored_watchlists(store)]


__all__ = ["alert_history", "source_health", "watchlists"]
