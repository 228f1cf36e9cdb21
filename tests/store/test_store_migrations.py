"""Migrations build the schema the models describe, and undo it."""

from __future__ import annotations

import re

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

from forcewatch.errors import StoreError
from forcewatch.store.db import (
    check_current,
    current_revision,
    downgrade,
    head_revision,
    make_engine,
    session_factory,
    upgrade,
)
from forcewatch.store.models import Base
from forcewatch.store.repo import counts, store_result

TABLES = {
    "documents",
    "incidents",
    "mentions",
    "facts",
    "investigations",
    "reference_lists",
    "reference_records",
    "reference_matches",
    "document_sources",
    "document_bands",
    "mention_keys",
    "link_constraints",
    "incident_aliases",
    "users",
    "review_decisions",
    "review_anchors",
    "audit_log",
    "feeds",
    "feed_items",
    "batch_shards",
}


def _tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_new_database_has_no_revision_and_fails_check(db_url: str) -> None:
    engine = make_engine(db_url)
    assert current_revision(engine) is None
    with pytest.raises(StoreError, match=r"no revision, not 0008; run `forcewatch db upgrade`"):
        check_current(engine)
    engine.dispose()


def test_upgrade_creates_every_table_at_head(engine: Engine) -> None:
    assert _tables(engine) == TABLES
    assert current_revision(engine) == head_revision() == "0008"
    check_current(engine)  # at head: no error
    assert current_revision(engine) == "0008"


def test_upgrade_twice_changes_nothing(engine: Engine) -> None:
    upgrade(engine)
    assert current_revision(engine) == "0008"
    assert _tables(engine) == TABLES


def test_downgrade_to_base_then_upgrade_again(engine: Engine, build) -> None:
    sessions = session_factory(engine)
    store_result(sessions, build.result(build.document()))
    downgrade(engine)
    assert _tables(engine) == set()
    assert current_revision(engine) is None
    upgrade(engine)
    assert _tables(engine) == TABLES
    with sessions() as session:
        assert counts(session).documents == 0
    outcome = store_result(sessions, build.result(build.document()))
    assert outcome.new is True


def test_migration_matches_models(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def _normal(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip().strip("()")


@pytest.mark.parametrize("table", sorted(TABLES))
def test_migration_check_constraints_match_models(engine: Engine, table: str) -> None:
    reflected = {
        c["name"]: _normal(c["sqltext"]) for c in inspect(engine).get_check_constraints(table)
    }
    declared = {
        c.name: _normal(str(c.sqltext))
        for c in Base.metadata.tables[table].constraints
        if c.__class__.__name__ == "CheckConstraint"
    }
    assert set(reflected) == set(declared)
    assert all(name.startswith(f"ck_{table}_") for name in reflected)
    if engine.dialect.name == "sqlite":  # PostgreSQL rewrites the SQL it reflects
        assert reflected == declared


def test_sqlite_connections_use_foreign_keys_wal_and_busy_timeout(sqlite_url: str) -> None:
    engine = make_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
    engine.dispose()


def test_upgrade_to_unknown_revision_names_it(engine: Engine) -> None:
    with pytest.raises(StoreError, match=r"upgrade to '9999' failed"):
        upgrade(engine, "9999")
    assert current_revision(engine) == "0008"


def test_0008_adds_incident_versions_and_goes_back(engine: Engine) -> None:
    from sqlalchemy import inspect

    assert "version" in {c["name"] for c in inspect(engine).get_columns("incidents")}
    downgrade(engine, "0007")
    assert "version" not in {c["name"] for c in inspect(engine).get_columns("incidents")}
    upgrade(engine)
    assert current_revision(engine) == "0008"
