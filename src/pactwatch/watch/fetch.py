"""A polite HTTP client that cannot be turned against the machine it runs on.

Why this is more than ``httpx.get``: the URLs ``watch`` fetches come from feeds and pages
written by strangers.  A feed item pointing at ``http://169.254.169.254/`` (a cloud
metadata service), ``http://localhost:5432/`` or a host name that resolves to
``10.0.0.1`` would otherwise make pactwatch probe the analyst's own network (SSRF).  So:

* only ``http`` and ``https`` URLs are fetched;
* the address check happens **in the connection layer**: ``GuardedBackend`` resolves the
  host once, refuses when any address it resolves to is loopback, private, link-local,
  multicast, reserved or otherwise not global, and then connects to that very address.
  There is no second lookup an attacker's DNS could answer differently (DNS rebinding),
  and every redirect hop opens its connection through the same check;
* redirects are followed by hand, at most ``max_redirects``, each target's scheme
  checked again, and a loop is named as such;
* environment proxies are ignored (``trust_env=False``): a proxy would connect on our
  behalf to addresses we never checked.

Politeness: one request at a time per host with a minimum delay between them (or the
site's ``Crawl-delay`` when longer), robots.txt obeyed (RFC 9309: a missing robots.txt
allows everything, an unreachable one forbids everything for a while), an identifying
User-Agent, conditional GET (ETag / Last-Modified, 304), timeouts, retries with
exponential backoff on 5xx, 429 and network errors, ``Retry-After`` honoured, and a cap
on the body size (counted on the decoded bytes, so a gzip bomb stops at the cap too).
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import threading
import time
import typing
import urllib.robotparser
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from pactwatch import __version__ as _VERSION

USER_AGENT = f"pactwatch/{_VERSION} (news monitor; +https://pypi.org/project/pactwatch/)"
ROBOTS_TOKEN = "pactwatch"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})

Resolver = Callable[[str, int], list[str]]


class FetchError(Exception):
    """A URL could not be fetched; the message says why in one sentence.

    ``retry_after`` (seconds) is set when the server asked us to come back later than
    we are willing to wait now: the caller postpones the source instead of hammering.
    """

    def __init__(self, message: str, *, status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class BlockedAddress(FetchError):
    """The URL's host is (or resolves to) an address we must not connect to."""


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the system resolver gives for ``host`` (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise FetchError(f"the host {host} does not resolve ({e.strerror})") from None
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def address_problem(ip: str) -> str | None:
    """Why an address is not a public one (``None`` when it is).

    ``is_global`` is the positive test (it excludes RFC 1918, CGNAT 100.64/10, the
    documentation and benchmarking ranges...); the named checks only make the message
    say which range it was.  An IPv4 address wrapped in IPv6 (``::ffff:10.0.0.1``,
    6to4, NAT64 forms Python unwraps) is judged by the IPv4 address inside.
    """
    try:
        addr = ipaddress.ip_address(ip.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(addr, ipaddress.IPv6Address):
        inner = addr.ipv4_mapped or addr.sixtofour or (addr.teredo[1] if addr.teredo else None)
        if inner is not None:
            return address_problem(str(inner))
    for name in ("unspecified", "loopback", "link_local", "multicast", "reserved", "private"):
        if getattr(addr, f"is_{name}"):
            return name.replace("_", "-")
    if not addr.is_global:
        return "not globally routable"
    return None


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's network layer with the address check at connect time.

    httpcore calls ``connect_tcp(host, port)`` for every new connection (the first
    request and every redirect hop to a new origin); we resolve the name here, check
    every address, and connect to a checked address, so what was checked is what is
    connected to.  TLS still verifies the certificate against the host *name*
    (httpcore passes the origin's host as ``server_hostname``).
    """

    def __init__(self, *, resolver: Resolver | None = None, allow_private: bool = False,
                 trusted: Collection[tuple[str, int]] = (),
                 inner: httpcore.NetworkBackend | None = None) -> None:
        self.resolver = resolver or system_resolver
        self.allow_private = allow_private
        self.trusted = {(ipaddress.ip_address(ip).compressed, int(port)) for ip, port in trusted}
        self.inner = inner or httpcore.SyncBackend()

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to, all checked; raises ``BlockedAddress``."""
        host = host.strip("[]")
        try:
            ips = [ipaddress.ip_address(host).compressed]
        except ValueError:
            ips = [ipaddress.ip_address(ip.split("%", 1)[0]).compressed
                   for ip in self.resolver(host, port)]
        if not ips:
            raise FetchError(f"the host {host} does not resolve to any address")
        if not self.allow_private:
            for ip in ips:
                why = address_problem(ip)
                if why and (ip, port) not in self.trusted:
                    shown = host if host == ip else f"{host} ({ip})"
                    raise BlockedAddress(
                        f"refused to connect to {shown}: a {why} address, not a public one "
                        "(pass --allow-private for intranet feeds)")
        return ips

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: typing.Iterable[typing.Any] | None = None
                    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for ip in self.addresses(host, port):
            try:
                return self.inner.connect_tcp(ip, port, timeout=timeout,
                                              local_address=local_address,
                                              socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                last = e
        assert last is not None
        raise last

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: typing.Iterable[typing.Any] | None = None
                            ) -> httpcore.NetworkStream:
        raise BlockedAddress("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over a connection pool that connects through ``GuardedBackend``."""

    def __init__(self, backend: GuardedBackend, *, max_connections: int = 100) -> None:
        super().__init__(trust_env=False)
        # httpx builds its pool in __init__ with the default backend; the pool is rebuilt
        # with ours (same settings httpx uses: verified TLS, HTTP/1.1, keep-alive)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections, max_keepalive_connections=20,
            keepalive_expiry=5.0, http1=True, http2=False, network_backend=backend)


@dataclass
class Response:
    """A fetched URL: the final URL after redirects, status, headers and body."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes = b""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            k, _, v = part.partition("=")
            if k.strip().lower() == "charset" and v.strip():
                return v.strip().strip('"')
        return None


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HostGate:
    """One request at a time per host, and at least ``delay`` seconds between two."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._hosts: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self.delays: dict[str, float] = {}

    @contextmanager
    def slot(self, host: str, delay: float) -> Iterator[None]:
        with self._lock:
            lock = self._hosts.setdefault(host, threading.Lock())
        with lock:
            wait = self._last.get(host, -1e18) + max(delay, self.delays.get(host, 0.0)) \
                - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


class Fetcher:
    """Fetch URLs politely and safely; one instance is shared by every source of a run
    (threads may call ``get`` at once: the per-host gate serialises each host)."""

    def __init__(self, *, allow_private: bool = False, resolver: Resolver | None = None,
                 user_agent: str = USER_AGENT, timeout: float = 20.0,
                 connect_timeout: float = 10.0, total_timeout: float = 60.0,
                 max_bytes: int = DEFAULT_MAX_BYTES, max_redirects: int = 5,
                 retries: int = 3, backoff: float = 1.0, max_retry_after: float = 120.0,
                 min_delay: float = 1.0, robots: bool = True,
                 trusted: Collection[tuple[str, int]] = (),
                 inner_backend: httpcore.NetworkBackend | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.backend = GuardedBackend(resolver=resolver, allow_private=allow_private,
                                      trusted=trusted, inner=inner_backend)
        self.client = httpx.Client(
            transport=GuardedTransport(self.backend), follow_redirects=False,
            trust_env=False, timeout=httpx.Timeout(timeout, connect=connect_timeout),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"})
        self.user_agent = user_agent
        self.total_timeout = total_timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.min_delay = min_delay
        self.robots = robots
        self.gate = HostGate()
        self._sleep = sleep
        self._robots: dict[str, tuple[float, urllib.robotparser.RobotFileParser | bool | str]] = {}
        self._robots_lock = threading.Lock()
        self.requests = 0  # HTTP requests sent (for the benchmark and tests)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the public call --------------------------------------------------------------

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None,
            accept: str | None = None) -> Response:
        """GET ``url`` (conditionally when ``etag``/``last_modified`` are given),
        following redirects by hand; raises ``FetchError`` with a clear message."""
        check_scheme(url)
        self._robots_check(url)
        headers: dict[str, str] = {}
        if accept:
            headers["Accept"] = accept
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = [url]
        current = url
        for _ in range(self.max_redirects + 1):
            resp = self._with_retries(current, headers)
            if resp.status not in REDIRECTS:
                resp.redirects = seen[1:]
                return resp
            location = resp.headers.get("location")
            if not location:
                raise FetchError(f"{current} redirects (HTTP {resp.status}) without a Location",
                                 status=resp.status)
            target = urljoin(current, location.strip())
            check_scheme(target)
            if target in seen:
                raise FetchError(f"{url} redirects in a loop ({' → '.join([*seen, target])})")
            self._robots_check(target)
            seen.append(target)
            current = target
            headers.pop("If-None-Match", None)  # validators belong to the first URL
            headers.pop("If-Modified-Since", None)
        raise FetchError(f"{url} redirects more than {self.max_redirects} times")

    # -- robots.txt -------------------------------------------------------------------

    def _robots_check(self, url: str) -> None:
        if not self.robots:
            return
        verdict = self._robots_rules(url)
        if isinstance(verdict, str):
            raise FetchError(f"robots.txt of {urlsplit(url).netloc} could not be read "
                             f"({verdict}); nothing is fetched from that site for now")
        if not self.allowed_by_robots(url):
            raise FetchError(f"robots.txt of {urlsplit(url).netloc} disallows {url}")

    def allowed_by_robots(self, url: str) -> bool:
        rules = self._robots_rules(url)
        if isinstance(rules, bool | str):
            return rules is True
        return rules.can_fetch(ROBOTS_TOKEN, url)

    def _robots_rules(self, url: str) -> urllib.robotparser.RobotFileParser | bool | str:
        """The parsed robots.txt of the URL's site; True (all allowed), or a reason
        (str) why it could not be read, which forbids everything for a while."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        now = time.monotonic()
        with self._robots_lock:
            cached = self._robots.get(origin)
        if cached is None or cached[0] < now:
            rules = self._load_robots(origin)
            with self._robots_lock:
                # a robots.txt that could not be read forbids for 10 minutes, not a day
                ttl = 600.0 if isinstance(rules, str) else 86_400.0
                self._robots[origin] = (now + ttl, rules)
                cached = self._robots[origin]
        return cached[1]

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | bool | str:
        url = origin + "/robots.txt"
        current = url
        try:
            for _ in range(self.max_redirects + 1):  # redirects: each hop checked again
                resp = self._with_retries(current, {}, max_bytes=512 * 1024)
                if resp.status in REDIRECTS and resp.headers.get("location"):
                    current = urljoin(current, resp.headers["location"])
                    check_scheme(current)
                    continue
                break
            else:
                return True  # RFC 9309: more than five redirects count as "unavailable"
        except BlockedAddress:
            raise
        except FetchError as e:
            if e.status is not None and 400 <= e.status < 500:
                return True
            return str(e)  # unreachable: assume complete disallow, try again later
        if 400 <= resp.status < 500:
            return True  # no robots.txt: everything allowed
        if resp.status >= 500:
            return f"HTTP {resp.status}"
        if resp.status != 200:
            return True
        rp = urllib.robotparser.RobotFileParser(url)
        rp.parse(resp.body.decode("utf-8", "replace").splitlines())
        delay = rp.crawl_delay(ROBOTS_TOKEN)
        if delay:
            self.gate.delays[host_key(origin)] = min(float(delay), 60.0)
        return rp

    # -- one URL, with retries --------------------------------------------------------

    def _with_retries(self, url: str, headers: dict[str, str], *,
                      max_bytes: int | None = None) -> Response:
        attempt = 0
        while True:
            try:
                resp = self._once(url, headers, max_bytes or self.max_bytes)
            except BlockedAddress:
                raise
            except (httpx.TimeoutException, TimeoutError) as e:
                error: FetchError = FetchError(f"{url} timed out ({type(e).__name__})")
                wait = None
            except httpx.TransportError as e:
                error = FetchError(f"{url} could not be fetched ({type(e).__name__}: {e})")
                wait = None
            else:
                if resp.status not in RETRY_STATUS:
                    if resp.status >= 400:
                        raise FetchError(f"{url} answered HTTP {resp.status}", status=resp.status)
                    return resp
                wait = parse_retry_after(resp.headers.get("retry-after"))
                error = FetchError(f"{url} answered HTTP {resp.status}", status=resp.status,
                                   retry_after=wait)
                if wait is not None and wait > self.max_retry_after:
                    raise error  # come back at the next poll after that time
            if attempt >= self.retries:
                raise error
            delay = self.backoff * (2 ** attempt) if wait is None else wait
            attempt += 1
            self._sleep(delay)

    def _once(self, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        host = host_key(url)
        with self.gate.slot(host, self.min_delay):
            self.requests += 1
            deadline = time.monotonic() + self.total_timeout
            with self.client.stream("GET", url, headers=headers) as r:
                hdrs = {k.lower(): v for k, v in r.headers.items()}
                if r.status_code in REDIRECTS or r.status_code == 304 or r.status_code >= 400:
                    return Response(url=url, status=r.status_code, headers=hdrs)
                declared = hdrs.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise FetchError(f"{url} is {int(declared):,} bytes, over the "
                                     f"{max_bytes:,}-byte cap")
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > max_bytes:
                        raise FetchError(f"{url} is over the {max_bytes:,}-byte cap")
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"took more than {self.total_timeout:g} s")
                    chunks.append(chunk)
                return Response(url=url, status=r.status_code, headers=hdrs,
                                body=b"".join(chunks))


def check_scheme(url: str) -> None:
    """Only http and https, with a host: ``file:``, ``ftp:``, ``gopher:`` never."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise BlockedAddress(f"refused {url!r}: only http and https URLs are fetched")
    if not parts.hostname:
        raise BlockedAddress(f"refused {url!r}: the URL has no host")
    if parts.username or parts.password:
        raise BlockedAddress(f"refused {url!r}: URLs with credentials are not fetched")
