"""Shared fixtures: a real, throw-away PostgreSQL server for the store tests.

The server is a temporary cluster (``initdb``) in a temp folder, listening only on a
unix socket there, started once per test session and stopped at the end.  initdb
refuses to run as root, so as root the cluster belongs to the ``postgres`` system user
(or ``nobody``) through ``runuser``.  Without server binaries the PostgreSQL tests skip
with the reason, unless ``PACTWATCH_REQUIRE_PG=1`` (set by ``.ci/run``) makes that a
failure: CI must never pass by skipping them.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def _pg_bin() -> Path | None:
    for cand in [os.environ.get("PACTWATCH_PG_BIN"), "/usr/local/bin",
                 *sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]:
        if cand and (Path(cand) / "initdb").exists() and (Path(cand) / "pg_ctl").exists():
            return Path(cand)
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def _unavailable(reason: str) -> None:
    if os.environ.get("PACTWATCH_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL is required here but {reason}")
    pytest.skip(f"PostgreSQL TESTS SKIPPED: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[dict[str, str]]:
    """A running PostgreSQL server: {'host': socket dir, 'port': port, 'user': user}."""
    bindir = _pg_bin()
    if bindir is None:
        _unavailable("no initdb/pg_ctl found (install Debian's 'postgresql' package)")
    assert bindir is not None
    base = Path(tempfile.mkdtemp(prefix="pactwatch-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:
        owner = next((u for u in ("postgres", "nobody") if _has_user(u)), None)
        if owner is None:
            _unavailable("running as root and there is no 'postgres' or 'nobody' user")
        assert owner is not None
        pw = pwd.getpwnam(owner)
        os.chown(base, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", owner, "--"]
    data, port = base / "data", str(50000 + os.getpid() % 10000)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    try:
        subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                        "-U", "pactwatch", "-E", "UTF8", "--locale=C.UTF-8"],
                       check=True, capture_output=True, env=env, cwd=base, timeout=120)
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-l",
                        str(base / "log"), "-w", "-t", "60", "-o",
                        f"-k {base} -p {port} -c listen_addresses='' -c fsync=off "
                        "-c full_page_writes=off -c synchronous_commit=off", "start"],
                       check=True, capture_output=True, env=env, cwd=base, timeout=120)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        out = getattr(e, "stderr", b"") or b""
        log = (base / "log").read_text(errors="replace") if (base / "log").exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        _unavailable(f"the server could not be started ({e}; {out.decode(errors='replace')}"
                     f"{log[-500:]})")
    try:
        yield {"host": str(base), "port": port, "user": "pactwatch"}
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "-w", "stop"], capture_output=True, env=env, cwd=base, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
        return True
    except KeyError:
        return False


@pytest.fixture()
def pg_url(pg_server: dict[str, str]) -> Iterator[str]:
    """A fresh, empty database on the test server, as a ``postgresql://`` URL."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    conninfo = (f"host={pg_server['host']} port={pg_server['port']} "
                f"user={pg_server['user']} dbname=postgres")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield (f"postgresql://{pg_server['user']}@/{name}"
           f"?host={pg_server['host']}&port={pg_server['port']}")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
