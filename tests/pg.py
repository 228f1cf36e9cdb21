"""A throwaway PostgreSQL server for the whole test session, and a fresh database per test.

The server is FORCEWATCH_TEST_PG_ADMIN_URL when set, else one started here
from Debian's binaries (/usr/lib/postgresql/*/bin) on a loopback port. Tests
that need it fail in CI (CI=true) when it cannot start, and skip elsewhere.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url


class PostgresServer:
    """A PostgreSQL server that makes a fresh database per test."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url  # a URL to the `postgres` database, as a superuser
        self._count = 0

    @contextlib.contextmanager
    def database(self, template: str | None = None) -> Iterator[str]:
        """Create a database (empty, or a copy of the one at URL `template`), yield its URL,
        drop it afterwards."""
        self._count += 1
        name = f"forcewatch_test_{os.getpid()}_{self._count}"
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                if template is None:
                    conn.exec_driver_sql(f"CREATE DATABASE {name}")
                else:  # a copy needs the template to have no other session
                    source = make_url(template).database
                    conn.exec_driver_sql(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        f"WHERE datname = '{source}' AND pid <> pg_backend_pid()"
                    )
                    conn.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE {source}")
            yield make_url(self.admin_url).set(database=name).render_as_string(False)
            with admin.connect() as conn:
                conn.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
        finally:
            admin.dispose()


def _missing(reason: str) -> None:
    """Fail in CI (PostgreSQL tests must run there), skip elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run in CI: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(*args: str) -> None:
    done = subprocess.run(["runuser", "-u", "postgres", "--", *args], capture_output=True)
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {done.stderr.decode(errors='replace')}")


class OwnServer:
    """A PostgreSQL server of one test's own, which the test may stop and start again
    (fault tests); never the session's shared server."""

    def __init__(self) -> None:
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
        if not bins:
            _missing("no PostgreSQL server binaries (apt-get install -y postgresql)")
        if os.geteuid() != 0 or shutil.which("runuser") is None:
            _missing("starting PostgreSQL needs root and runuser")
        if importlib.util.find_spec("psycopg") is None:
            _missing("psycopg is not installed (pip install 'psycopg[binary]')")
        self.pgbin = bins[-1]
        self.base = Path(tempfile.mkdtemp(prefix="forcewatch-pg-own-"))
        shutil.chown(self.base, "postgres")
        self.port = _free_port()
        self.data, self.log = str(self.base / "data"), str(self.base / "log")
        _as_postgres(str(self.pgbin / "initdb"), "-D", self.data, "-A", "trust", "-U",
                     "postgres", "--no-sync", "-E", "UTF8")  # fmt: skip
        self.start()

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 -c fsync=off"
        _as_postgres(str(self.pgbin / "pg_ctl"), "-D", self.data, "-l", self.log, "-w",
                     "start", "-o", options)  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        _as_postgres(str(self.pgbin / "pg_ctl"), "-D", self.data, "-m", mode, "-w", "stop")

    def create(self, name: str) -> str:
        admin = create_engine(self.url(), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f"CREATE DATABASE {name}")
        finally:
            admin.dispose()
        return self.url(name)

    def close(self) -> None:
        try:
            self.stop("immediate")
        except RuntimeError:
            pass  # already stopped
        shutil.rmtree(self.base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """Yield a PostgreSQL server: FORCEWATCH_TEST_PG_ADMIN_URL, else a throwaway one.

    The throwaway server is started from /usr/lib/postgresql/*/bin as the
    `postgres` user (initdb refuses root), so it needs root and `runuser`.
    """
    if importlib.util.find_spec("psycopg") is None:
        _missing("psycopg is not installed (pip install 'psycopg[binary]')")
    given = os.environ.get("FORCEWATCH_TEST_PG_ADMIN_URL")
    if given:
        yield PostgresServer(given)
        return
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not bins:
        _missing("no PostgreSQL server binaries (apt-get install -y postgresql)")
    if os.geteuid() != 0 or shutil.which("runuser") is None:
        _missing("starting PostgreSQL needs root and runuser; or set FORCEWATCH_TEST_PG_ADMIN_URL")
    pgbin = bins[-1]
    base = Path(tempfile.mkdtemp(prefix="forcewatch-pg-"))  # pytest's tmp is closed to others
    shutil.chown(base, "postgres")
    port = _free_port()
    data, log = str(base / "data"), str(base / "log")
    _as_postgres(str(pgbin / "initdb"), "-D", data, "-A", "trust", "-U", "postgres",
                 "--no-sync", "-E", "UTF8")  # fmt: skip
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    _as_postgres(str(pgbin / "pg_ctl"), "-D", data, "-l", log, "-w", "start", "-o", options)
    try:
        yield PostgresServer(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres")
    finally:
        _as_postgres(str(pgbin / "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop")
        shutil.rmtree(base, ignore_errors=True)
