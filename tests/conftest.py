"""Session-wide fixtures: the real spaCy model, paths to the shared corpora."""

from __future__ import annotations

import contextlib
import importlib.util
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.pg import postgres_server  # noqa: F401 - the session's PostgreSQL server

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data"


def require(condition: bool, reason: str) -> None:
    """Skip on a laptop when a component is missing; fail in CI (CI=true)."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    require(SHARED_DATA.is_dir(), f"{SHARED_DATA} (the labelled corpora) is missing")
    return SHARED_DATA


@pytest.fixture(scope="session")
def settings():
    from forcewatch.config import Settings

    return Settings(progress=False)


@pytest.fixture(scope="session")
def pipeline(settings):
    from forcewatch.pipeline import Pipeline

    return Pipeline(settings)


#: the database the `database_url` fixture makes: "sqlite" (default) or "postgresql"
TEST_DB = os.environ.get("FORCEWATCH_TEST_DB", "sqlite").lower()
#: fixtures that give a test the database FORCEWATCH_TEST_DB names: its test is marked
#: `db`, and scripts/test.sh runs the `db` tests a second time on PostgreSQL. (Tests on
#: the `db_url` fixture run on both in every run: it is parametrised over both.)
DB_FIXTURES = {"database_url", "web_db_url"}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "db: the test uses a database (run on PostgreSQL too)")
    config.addinivalue_line(
        "markers",
        "reliability: a fault, load or hostile-input test whose figures go to "
        "docs/reliability.md (benchmarks/reliability.py runs these)",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if DB_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.db)


@contextlib.contextmanager
def fresh_database(request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """Yield the URL of a fresh, empty database, for fixtures of any scope.

    A SQLite file in `folder`; a new database on the session's PostgreSQL
    server when FORCEWATCH_TEST_DB=postgresql.
    """
    if TEST_DB == "sqlite":
        yield f"sqlite:///{folder / 'forcewatch.db'}"
        return
    if TEST_DB != "postgresql":
        pytest.fail(f"FORCEWATCH_TEST_DB={TEST_DB!r}: use sqlite or postgresql")
    server = request.getfixturevalue("postgres_server")
    with server.database() as url:
        yield url


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of a fresh, empty database (see `fresh_database`)."""
    with fresh_database(request, tmp_path) as url:
        yield url


@pytest.fixture(scope="session")
def ray_session() -> Iterator[object]:
    """Start one local Ray runtime (2 CPUs) for every batch test; `run_batch` reuses it."""
    require(importlib.util.find_spec("ray") is not None, "ray is not installed (forcewatch[batch])")
    import ray
    import ray.data

    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=200 * 2**20,
        log_to_driver=False,
        logging_level=logging.WARNING,
    )
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()


def query(url: str, sql: str) -> list[tuple]:
    """Return the rows of one SQL query on the database at `url`, on either backend."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.exec_driver_sql(sql)]
    finally:
        engine.dispose()
