"""Fixtures for the web app: a database filled by the real pipeline, the app, signed-in clients.

The example articles (examples/) and our invented `<script>` article
(tests/web/data/articles) are ingested once per session into a template SQLite
file; each test gets its own copy. Passwords use cheap argon2 parameters.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install '.[web]'")

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from forcewatch.config import Settings  # noqa: E402
from forcewatch.ingest import ingest_paths  # noqa: E402
from forcewatch.store import db as store_db  # noqa: E402
from forcewatch.store.users import add_user  # noqa: E402
from tests.conftest import EXAMPLES, TEST_DB  # noqa: E402

DATA = Path(__file__).parent / "data"
ARTICLES = DATA / "articles"
FOLLOWUP = DATA / "followup"
PASSWORD = "correct horse 1"


def web_settings(url: str, **overrides: object) -> Settings:
    """Return settings for a test app: cheap password hashes, a fixed cookie key."""
    values: dict[str, object] = {
        "database_url": url,
        "progress": False,
        "session_secret": "test-secret-not-for-production",
        "password_time_cost": 1,
        "password_memory_kib": 8,
        "login_max_failures": 3,
        "login_window_seconds": 60,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def ingest(url: str, *paths: Path) -> None:
    """Run the real pipeline over `paths` into the database at `url`."""
    problems: list[str] = []
    ingest_paths(list(paths), web_settings(url), on_error=problems.append, show_progress=False)
    assert problems == []


@pytest.fixture(scope="session")
def example_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a SQLite file holding the examples and our test articles, ingested once."""
    path = tmp_path_factory.mktemp("web-template") / "template.db"
    ingest(f"sqlite:///{path}", EXAMPLES, ARTICLES)
    return path


@pytest.fixture
def db_file(example_template: Path, tmp_path: Path) -> Path:
    """Return a private copy of the filled database."""
    path = tmp_path / "forcewatch.db"
    src, dst = sqlite3.connect(example_template), sqlite3.connect(path)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return path


@pytest.fixture(scope="session")
def example_template_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The filled template as a URL: the SQLite file, or a PostgreSQL database filled once."""
    if TEST_DB != "postgresql":
        yield f"sqlite:///{request.getfixturevalue('example_template')}"
        return
    with request.getfixturevalue("postgres_server").database() as url:
        ingest(url, EXAMPLES, ARTICLES)
        yield url


@pytest.fixture
def web_db_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A private copy of the filled database: a SQLite file, or (FORCEWATCH_TEST_DB=postgresql)
    a PostgreSQL database made from the template."""
    if TEST_DB != "postgresql":
        yield f"sqlite:///{request.getfixturevalue('db_file')}"
        return
    template = request.getfixturevalue("example_template_url")
    with request.getfixturevalue("postgres_server").database(template=template) as url:
        yield url


@pytest.fixture
def settings(web_db_url: str) -> Settings:
    return web_settings(web_db_url)


@pytest.fixture
def sessions(settings: Settings):
    engine = store_db.make_engine(settings.database_url)
    yield store_db.session_factory(engine)
    engine.dispose()


@pytest.fixture
def users(sessions, settings: Settings) -> dict[str, str]:
    """Add a curator `cora` and an admin `ada`; return their roles by name."""
    with sessions() as session:
        add_user(session, "cora", "curator", PASSWORD, settings)
        add_user(session, "ada", "admin", PASSWORD, settings)
        session.commit()
    return {"cora": "curator", "ada": "admin"}


@pytest.fixture
def app(settings: Settings, users):
    from forcewatch.web.app import create_app

    return create_app(settings)


@pytest.fixture
def client(app) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def csrf_of(html: str) -> str:
    """Return the CSRF token of the first form in a page."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no csrf_token in the page"
    return found.group(1)


def sign_in(client: TestClient, name: str = "cora", password: str = PASSWORD) -> str:
    """Sign in through the form; return the session's CSRF token."""
    token = csrf_of(client.get("/login").text)
    done = client.post(
        "/login",
        data={"name": name, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    assert done.status_code == 303, done.text
    return csrf_of(client.get("/review").text)


@pytest.fixture
def curator(client: TestClient) -> tuple[TestClient, str]:
    """Return the client signed in as curator `cora`, and the CSRF token."""
    return client, sign_in(client)


def incident_id_named(session: Session, name: str) -> int:
    """Return the id of the incident whose subject is `name`."""
    from sqlalchemy import select

    from forcewatch.store.models import IncidentRow

    found = session.scalar(select(IncidentRow.id).where(IncidentRow.subject_name == name))
    assert found is not None, f"no incident named {name}"
    return found
