"""The watch client against a local server: conditional GET, retries, timeouts, body cap,
redirects, robots.txt, and the address check (resolver stubbed, connection layer spied).

Every packet goes to 127.0.0.1: the server is trusted as if it were public through the
explicit ``trusted`` (address, port) pair, so the private-address refusal can be tested
on everything else.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpcore
import pytest

from pactwatch.watch.fetch import (
    BlockedAddress,
    Fetcher,
    FetchError,
    address_problem,
    parse_retry_after,
)
from pactwatch.watch.localserver import LocalServer, Route


class SpyBackend(httpcore.NetworkBackend):
    """The real socket layer, recording every address it is asked to connect to."""

    def __init__(self) -> None:
        self.inner = httpcore.SyncBackend()
        self.connects: list[tuple[str, int]] = []

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None, socket_options: Any = None
                    ) -> httpcore.NetworkStream:
        self.connects.append((host, port))
        assert host == "127.0.0.1", f"a test tried to connect to {host}"
        return self.inner.connect_tcp(host, port, timeout=timeout, local_address=local_address,
                                      socket_options=socket_options)

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


@pytest.fixture
def srv() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


def fetcher(srv: LocalServer, spy: SpyBackend | None = None, **kw: Any) -> Fetcher:
    names = {"news.test": ["127.0.0.1"], "evil.test": ["10.0.0.1"],
             "meta.test": ["169.254.169.254"], "six.test": ["::1"],
             "mixed.test": ["93.184.215.14", "192.168.1.5"]}
    opts: dict[str, Any] = {"min_delay": 0.0, "backoff": 0.01, "timeout": 1.0,
                            "trusted": [("127.0.0.1", srv.port)]}
    opts.update(kw)
    return Fetcher(resolver=lambda host, port: names[host], inner_backend=spy, **opts)


def test_conditional_get_gives_304(srv: LocalServer) -> None:
    srv.route("/feed.xml", Route(body=b"<rss/>", content_type="application/rss+xml"))
    with fetcher(srv) as f:
        first = f.get(srv.url("/feed.xml", "news.test"))
        assert first.status == 200 and first.etag
        again = f.get(srv.url("/feed.xml", "news.test"), etag=first.etag)
    assert again.not_modified and again.body == b""
    assert srv.count("/feed.xml") == {"200": 1, "304": 1}
    assert all("pactwatch/" in h["user-agent"] for p, _, h in srv.hits)


def test_500_then_success_is_retried(srv: LocalServer) -> None:
    srv.route("/flaky", Route(body=b"ok now", statuses=[500, 503]))
    with fetcher(srv) as f:
        resp = f.get(srv.url("/flaky", "news.test"))
    assert resp.body == b"ok now"
    assert srv.count("/flaky") == {"500": 1, "503": 1, "200": 1}


def test_retry_after_is_honoured_and_long_waits_are_not_slept(srv: LocalServer) -> None:
    slept: list[float] = []
    srv.route("/busy", Route(body=b"fine", statuses=[429], headers={"Retry-After": "2"}))
    srv.route("/later", Route(statuses=[503], headers={"Retry-After": "3600"}))
    with fetcher(srv, sleep=slept.append) as f:
        assert f.get(srv.url("/busy", "news.test")).body == b"fine"
        with pytest.raises(FetchError) as e:
            f.get(srv.url("/later", "news.test"))
    assert slept == [2.0]  # the 429's Retry-After; the hour-long one is not waited out
    assert e.value.retry_after == 3600
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0


def test_persistent_500_fails_after_retries(srv: LocalServer) -> None:
    srv.route("/down", Route(statuses=[500] * 10))
    with fetcher(srv, retries=2) as f, pytest.raises(FetchError, match="HTTP 500"):
        f.get(srv.url("/down", "news.test"))
    assert srv.count("/down") == {"500": 3}


def test_slow_response_times_out(srv: LocalServer) -> None:
    srv.route("/slow", Route(body=b"late", delay=1.5))
    with fetcher(srv, timeout=0.3, retries=1) as f, pytest.raises(FetchError, match="timed out"):
        f.get(srv.url("/slow", "news.test"))


@pytest.mark.parametrize("declared", [True, False])
def test_100_mb_body_is_cut_at_the_cap(srv: LocalServer, declared: bool) -> None:
    srv.route("/huge", Route(stream_bytes=100 * 1024 * 1024, declare_length=declared))
    with fetcher(srv, max_bytes=2 * 1024 * 1024) as f, \
            pytest.raises(FetchError, match="cap"):
        f.get(srv.url("/huge", "news.test"))


def test_redirect_loop_is_named(srv: LocalServer) -> None:
    srv.route("/a", Route(redirect="/b"))
    srv.route("/b", Route(redirect="/a"))
    with fetcher(srv) as f, pytest.raises(FetchError, match="loop"):
        f.get(srv.url("/a", "news.test"))
    assert sum(srv.count("/a").values()) == 1


def test_too_many_redirects(srv: LocalServer) -> None:
    for i in range(10):
        srv.route(f"/r{i}", Route(redirect=f"/r{i + 1}"))
    with fetcher(srv, max_redirects=3) as f, pytest.raises(FetchError, match="more than 3"):
        f.get(srv.url("/r0", "news.test"))


def test_redirect_to_loopback_is_refused_before_connecting(srv: LocalServer) -> None:
    spy = SpyBackend()
    target = f"http://127.0.0.1:{srv.port + 1}/admin"
    srv.route("/go", Route(redirect=target))
    with fetcher(srv, spy) as f, pytest.raises(BlockedAddress, match="loopback"):
        f.get(srv.url("/go", "news.test"))
    assert spy.connects and set(spy.connects) == {("127.0.0.1", srv.port)}  # never port+1


def test_redirect_to_loopback_allowed_with_allow_private(srv: LocalServer) -> None:
    srv.route("/go", Route(redirect=srv.url("/here")))
    srv.route("/here", Route(body=b"intranet"))
    with fetcher(srv, allow_private=True, trusted=[]) as f:
        resp = f.get(srv.url("/go"))
    assert resp.body == b"intranet" and resp.redirects == [srv.url("/here")]


@pytest.mark.parametrize("host,why", [("evil.test", "private"), ("meta.test", "link-local"),
                                      ("six.test", "loopback"), ("mixed.test", "private"),
                                      ("127.0.0.1", "loopback"), ("[::ffff:10.1.2.3]", "private"),
                                      ("0.0.0.0", "unspecified")])
def test_non_public_addresses_are_never_connected(srv: LocalServer, host: str, why: str) -> None:
    spy = SpyBackend()
    with fetcher(srv, spy, trusted=[], robots=False) as f, pytest.raises(BlockedAddress,
                                                                        match=why):
        f.get(f"http://{host}:8080/feed.xml")
    assert spy.connects == []


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://news.test/x", "gopher://x/",
                                 "http:///nohost", "http://user:pw@news.test/"])
def test_only_http_and_https(srv: LocalServer, url: str) -> None:
    spy = SpyBackend()
    with fetcher(srv, spy) as f, pytest.raises(BlockedAddress):
        f.get(url)
    assert spy.connects == []


def test_address_ranges() -> None:
    assert address_problem("8.8.8.8") is None
    assert address_problem("2606:4700:4700::1111") is None
    for ip in ("10.0.0.1", "172.16.5.4", "192.168.0.1", "100.64.0.1", "169.254.169.254",
               "127.0.0.1", "::1", "fe80::1", "fc00::1", "224.0.0.1", "240.0.0.1",
               "255.255.255.255", "::ffff:127.0.0.1", "2002:7f00:1::", "192.0.2.1"):
        assert address_problem(ip), ip


def test_robots_txt_is_obeyed(srv: LocalServer) -> None:
    srv.route("/robots.txt", Route(body=b"User-agent: pactwatch\nDisallow: /private/\n",
                                   content_type="text/plain"))
    srv.route("/private/a", Route(body=b"secret"))
    srv.route("/public/a", Route(body=b"fine"))
    with fetcher(srv) as f:
        assert f.get(srv.url("/public/a", "news.test")).body == b"fine"
        with pytest.raises(FetchError, match="robots.txt"):
            f.get(srv.url("/private/a", "news.test"))
    assert srv.count("/private/a") == {}
    assert srv.count("/robots.txt") == {"200": 1}  # read once per run


def test_per_host_delay(srv: LocalServer) -> None:
    srv.route("/x", Route(body=b"x", etag=False))
    with fetcher(srv, min_delay=0.3, robots=False) as f:
        t0 = time.monotonic()
        for _ in range(3):
            f.get(srv.url("/x", "news.test"))
        assert time.monotonic() - t0 >= 0.6


def test_unreadable_robots_txt_forbids_with_its_reason(srv: LocalServer) -> None:
    srv.route("/robots.txt", Route(statuses=[503] * 10))
    srv.route("/a", Route(body=b"x"))
    with fetcher(srv, retries=1) as f, pytest.raises(FetchError, match="could not be read"):
        f.get(srv.url("/a", "news.test"))
    assert srv.count("/a") == {}
