"""Fixtures for store tests: a migrated SQLite file per test and record builders."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from forcewatch.records import (
    Detection,
    DocResult,
    Document,
    Evidence,
    Fact,
    Finding,
    Force,
    Investigation,
    InvestigationKind,
    Mention,
    Outcome,
    PartialDate,
    Weapon,
)
from forcewatch.store.db import make_engine, session_factory, upgrade

# An invented story, written for these tests.
TITLE = "Man shot by police after standoff in Tarrow"
SENTENCES = (
    "Officers shot and killed Dale Marrin, 41, in Tarrow, Westland, on Saturday night.",
    "Police said Marrin had threatened them with a shotgun before two officers fired.",
    "The Independent Police Conduct Authority has begun an investigation.",
)


def make_document(
    external_id: str = "story-1",
    *,
    sentences: tuple[str, ...] = SENTENCES,
    title: str | None = TITLE,
    published: dt.date | None = dt.date(2021, 3, 8),
    url: str | None = "https://news.example/story-1",
) -> Document:
    """Return an invented article."""
    return Document(
        external_id=external_id,
        text="\n".join(sentences),
        title=title,
        url=url,
        source="Example News",
        published=published,
        lang="en",
        origin=f"fixtures.jsonl:{external_id}",
        fmt="jsonl",
        warnings=("no byline",),
    )


def unique_sentences(tag: str) -> tuple[str, ...]:
    """Return the story's sentences plus one made of words unique to `tag`.

    Texts that differ by a word or two are near-duplicates (stored once); this
    keeps stories meant to be distinct far apart in word shingles.
    """
    word = "".join(c for c in tag if c.isalnum())
    log = " ".join(f"{word}x{i}" for i in range(30))
    return (*SENTENCES, f"Desk log {log}.")


def evidence(doc: Document, phrase: str) -> Evidence:
    """Return evidence for the first occurrence of `phrase` in `doc.content`."""
    start = doc.content.index(phrase)
    return Evidence(doc.doc_id, start, start + len(phrase))


def make_mention(doc: Document, **overrides: object) -> Mention:
    """Return a full mention of the invented story; keyword arguments replace fields."""
    first, second, third = SENTENCES
    fields: dict[str, object] = {
        "doc_id": doc.doc_id,
        "outcome": Fact(Outcome.FATAL, 0.9, evidence(doc, first)),
        "force": Fact(Force.FIREARM, 0.95, evidence(doc, first)),
        "confidence": 0.88,
        "subject_name": Fact("Dale Marrin", 0.92, evidence(doc, first)),
        "subject_age": Fact(41, 0.8, evidence(doc, first)),
        "subject_sex": Fact("male", 0.7, evidence(doc, second)),
        "date": Fact(PartialDate(2021, 3, 6), 0.75, evidence(doc, first)),
        "place": Fact("Tarrow", 0.85, evidence(doc, first)),
        "region": Fact("Westland", 0.6, evidence(doc, first)),
        "country": Fact("NZ", 0.5),
        "agency": Fact("New Zealand Police", 0.55, evidence(doc, second)),
        "subject_weapon": Fact(Weapon.SHOTGUN, 0.8, evidence(doc, second)),
        "officers_fired": Fact(2, 0.7, evidence(doc, second)),
        "investigations": (
            Investigation(
                "Independent Police Conduct Authority",
                InvestigationKind.OVERSIGHT,
                Finding.PENDING,
                0.65,
                evidence(doc, third),
            ),
        ),
    }
    fields.update(overrides)
    return Mention(**fields)  # type: ignore[arg-type]


def make_result(doc: Document, mentions: tuple[Mention, ...] | None = None) -> DocResult:
    """Return a relevant result for `doc` with one full mention unless given others."""
    if mentions is None:
        mentions = (make_mention(doc),)
    return DocResult(
        document=doc,
        detection=Detection(True, 0.8, ("shot", "police")),
        mentions=mentions,
    )


class PostgresServer:
    """A PostgreSQL server that makes a fresh database per test."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url  # a URL to the `postgres` database, as a superuser
        self._count = 0

    @contextlib.contextmanager
    def database(self) -> Iterator[str]:
        """Create an empty database, yield its URL, drop it afterwards."""
        self._count += 1
        name = f"forcewatch_test_{os.getpid()}_{self._count}"
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                conn.exec_driver_sql(f"CREATE DATABASE {name}")
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


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'forcewatch.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of an empty database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'forcewatch.db'}"
        return
    server: PostgresServer = request.getfixturevalue("postgres_server")
    with server.database() as url:
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


@pytest.fixture
def session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    with sessions() as session:
        yield session


class Build:
    """The record builders above, handed to tests by the `build` fixture."""

    TITLE = TITLE
    SENTENCES = SENTENCES
    document = staticmethod(make_document)
    unique_sentences = staticmethod(unique_sentences)
    evidence = staticmethod(evidence)
    mention = staticmethod(make_mention)
    result = staticmethod(make_result)


@pytest.fixture
def build() -> Build:
    return Build()
