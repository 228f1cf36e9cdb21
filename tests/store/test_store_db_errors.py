"""Opening a database that cannot be used raises StoreError naming it and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from forcewatch.errors import StoreError
from forcewatch.store.db import (
    current_revision,
    head_revision,
    make_engine,
    session_factory,
    upgrade,
)
from forcewatch.store.repo import counts


def test_missing_directory_is_named(tmp_path: Path) -> None:
    path = tmp_path / "no-such-dir" / "fw.db"
    with pytest.raises(StoreError) as info:
        make_engine(f"sqlite:///{path}")
    message = str(info.value)
    assert f"directory {path.parent} does not exist" in message
    assert "create it or choose another path" in message


def test_path_under_a_file_cannot_be_opened(tmp_path: Path) -> None:
    blocker = tmp_path / "plain-file"
    blocker.write_text("not a directory\n")
    path = blocker / "fw.db"
    with pytest.raises(StoreError) as info:
        make_engine(f"sqlite:///{path}")
    assert str(path.parent) in str(info.value)


def test_directory_as_database_cannot_be_opened(tmp_path: Path) -> None:
    folder = tmp_path / "folder.db"
    folder.mkdir()
    with pytest.raises(StoreError) as info:
        make_engine(f"sqlite:///{folder}")
    message = str(info.value)
    assert f"cannot open {folder}" in message
    assert "check that the directory is writable" in message


def test_file_that_is_not_a_database_is_named(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are notes, not a database. " * 100)
    with pytest.raises(StoreError) as info:
        make_engine(f"sqlite:///{path}")
    message = str(info.value)
    assert f"{path} is not a SQLite database" in message
    assert "point database_url at another file" in message
    assert path.read_text().startswith("These are notes")  # left untouched


def test_malformed_url_is_refused() -> None:
    with pytest.raises(StoreError, match=r"not-a-url: not a database URL"):
        make_engine("not-a-url")


def test_unknown_driver_is_refused() -> None:
    with pytest.raises(StoreError, match=r"nosuchdb://x/y: cannot make a database engine"):
        make_engine("nosuchdb://x/y")


def test_in_memory_database_is_shared_by_sessions() -> None:
    engine = make_engine("sqlite://")
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with session_factory(engine)() as session:
        assert counts(session).documents == 0
    engine.dispose()


def test_unreachable_server_is_named_without_password() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError) as info:
        make_engine("postgresql+psycopg://curator:s3cret@127.0.0.1:1/forcewatch")
    message = str(info.value)
    assert message.startswith("postgresql+psycopg://curator:***@127.0.0.1:1/forcewatch: cannot")
    assert "check the URL, server and credentials" in message
    assert "s3cret" not in message
