"""`forcewatch user add` / `user list` on a real SQLite file, with exact messages."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from forcewatch.cli import app
from forcewatch.config import Settings
from forcewatch.store import db as store_db
from forcewatch.store.users import check_password

CHEAP = {"FORCEWATCH_PASSWORD_TIME_COST": "1", "FORCEWATCH_PASSWORD_MEMORY_KIB": "8"}


@pytest.fixture
def url(database_url: str) -> str:
    return database_url


def _run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(app, list(args), input=stdin, env=CHEAP)


def test_user_add_from_stdin_stores_an_argon2_hash(url: str) -> None:
    r = _run("user", "add", "cora", "--role", "curator", "--password-stdin", "--db", url,
             stdin="a long passphrase\n")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "user cora (curator) saved" in r.output
    engine = store_db.make_engine(url)
    settings = Settings(password_time_cost=1, password_memory_kib=8)
    with store_db.session_factory(engine)() as session:
        from sqlalchemy import select

        from forcewatch.store.models import UserRow

        stored = session.scalar(select(UserRow.password_hash))
        assert stored.startswith("$argon2id$") and "a long passphrase" not in stored
        assert check_password(session, "cora", "a long passphrase", settings).role == "curator"
        assert check_password(session, "cora", "wrong", settings) is None
    listed = _run("user", "list", "--db", url)
    assert listed.output.strip() == "cora\tcurator"


def test_user_add_asks_the_password_twice(url: str) -> None:
    r = _run(
        "user", "add", "ada", "--role", "admin", "--db", url, stdin="passphrase9\npassphrase9\n"
    )
    assert r.exit_code == 0, r.output
    assert "user ada (admin) saved" in r.output


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["bob", "--role", "boss"], "long enough pass\n", "'boss': use curator or admin"),
        (["bob"], "short\n", "password for 'bob' is too short: use at least 8 characters"),
        (["bad name!"], "long enough pass\n", "user name 'bad name!': use 1-100 letters"),
    ],
)
def test_user_add_refuses_bad_input_with_exit_2(url: str, args, stdin, message) -> None:
    r = _run("user", "add", *args, "--password-stdin", "--db", url, stdin=stdin)
    assert r.exit_code == 2
    assert message in " ".join(r.output.split())
