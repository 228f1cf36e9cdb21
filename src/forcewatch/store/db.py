"""Engine, sessions and schema migrations (Alembic, run from inside the package).

    engine = make_engine(settings.database_url)   # opens once to check the URL
    upgrade(engine)                               # alembic upgrade head
    sessions = session_factory(engine)

The schema is only ever created or changed by `upgrade`, never by `create_all`.
SQLite connections get foreign keys on, WAL journal mode and a busy timeout.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.script.revision import RevisionError
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from forcewatch.errors import StoreError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_BEGIN_OPTION = "forcewatch_sqlite_begin"
WRITER_LOCK_OPTION = "forcewatch_writer_lock"
#: PostgreSQL advisory lock keys: one store writer at a time, one migration at a time
WRITER_LOCK_KEY = 0x666F_7263_0001
MIGRATION_LOCK_KEY = 0x666F_7263_0002

#: execution options for a transaction that reads then writes: on SQLite it takes
#: the write lock at BEGIN, so a second writer waits (busy timeout) instead of
#: failing with "database is locked" when its read snapshot turns stale; on
#: PostgreSQL it takes a transaction-scoped advisory lock first, so writers
#: (storing and relinking) run one at a time and each sees what the last committed.
#: Analysis runs outside the transaction, so it stays parallel. docs/scale.md says why
#: this and not SERIALIZABLE with retries.
WRITE_TRANSACTION = {SQLITE_BEGIN_OPTION: "BEGIN IMMEDIATE", WRITER_LOCK_OPTION: True}


def _display(url: str) -> str:
    """Return the URL with any password hidden, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_path(url: str) -> Path | None:
    """Return the file path of a SQLite URL, or None for memory or other databases."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _on_sqlite_connect(dbapi_conn: Any, _record: object) -> None:
    """Set foreign keys on, a busy timeout and WAL; let SQLAlchemy emit BEGIN itself."""
    dbapi_conn.isolation_level = None  # pysqlite must not begin (or skip) transactions itself
    cursor = dbapi_conn.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
    finally:
        cursor.close()


def _on_sqlite_begin(conn: Connection) -> None:
    """Start a real transaction, so DDL (migrations) and SAVEPOINTs are transactional too."""
    conn.exec_driver_sql(conn.get_execution_options().get(SQLITE_BEGIN_OPTION, "BEGIN"))


def _on_postgres_begin(conn: Connection) -> None:
    """Wait for the store's writer lock when the transaction is a write transaction."""
    if conn.get_execution_options().get(WRITER_LOCK_OPTION):
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})")


def make_engine(url: str) -> Engine:
    """Return an engine for `url`, opened once so a bad URL or file fails here."""
    shown = _display(url)
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise StoreError(
            f"{url}: not a database URL ({err}); use e.g. sqlite:///forcewatch.db "
            "or postgresql+psycopg://user@host/dbname"
        ) from err
    path = _sqlite_path(url)
    if path is not None and not path.parent.is_dir():
        raise StoreError(
            f"{shown}: directory {path.parent} does not exist; create it or choose another path"
        )
    kwargs: dict[str, object] = {}
    if parsed.get_backend_name() == "postgresql":
        kwargs["pool_pre_ping"] = True  # a server restart leaves dead pooled connections
    if parsed.get_backend_name() == "sqlite" and path is None:
        kwargs["poolclass"] = StaticPool  # one in-memory database shared by all sessions
        kwargs["connect_args"] = {"check_same_thread": False}
    try:
        engine = create_engine(parsed, **kwargs)  # type: ignore[arg-type]
    except (ArgumentError, ImportError) as err:
        raise StoreError(f"{shown}: cannot make a database engine: {err}") from err
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "begin", _on_postgres_begin)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except (DBAPIError, OSError) as err:
        engine.dispose()
        raise StoreError(_open_advice(shown, path, err)) from err
    log.debug("opened database %s", shown)
    return engine


def _open_advice(shown: str, path: Path | None, err: Exception) -> str:
    """Return a message saying why the database did not open and what to do."""
    reason = str(getattr(err, "orig", None) or err).strip()
    if path is None:
        return f"{shown}: cannot connect ({reason}); check the URL, server and credentials"
    if "not a database" in reason or "malformed" in reason:
        return (
            f"{shown}: {path} is not a SQLite database ({reason}); "
            "point database_url at another file or move this one away"
        )
    return (
        f"{shown}: cannot open {path} ({reason}); check that the directory is writable "
        "and the path is a file, or choose another path"
    )


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Return a session factory bound to `engine`; objects stay readable after commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)


def _alembic_config() -> Config:
    """Return an Alembic config pointing at the package's migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _show(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _run(engine: Engine, action: str, revision: str) -> None:
    """Run an alembic `upgrade` or `downgrade` to `revision` in one transaction.

    On SQLite, foreign keys are off while migrating (batch mode copies and drops
    tables) and checked with `PRAGMA foreign_key_check` before commit.
    """
    config = _alembic_config()
    fn = command.upgrade if action == "upgrade" else command.downgrade
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as conn:
            raw: Any = conn.connection.driver_connection
            if sqlite:
                raw.execute("PRAGMA foreign_keys=OFF")  # a no-op inside a transaction
                # take the write lock at BEGIN: concurrent upgrades of a new file then wait
                # their turn (busy timeout) instead of failing with "database is locked"
                conn = conn.execution_options(**{SQLITE_BEGIN_OPTION: "BEGIN IMMEDIATE"})
            try:
                with conn.begin():
                    if engine.dialect.name == "postgresql":  # concurrent upgrades wait
                        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")
                    config.attributes["connection"] = conn
                    fn(config, revision)
                    if sqlite:
                        _check_foreign_keys(conn)
            finally:
                if sqlite:
                    raw.execute("PRAGMA foreign_keys=ON")
    except (SQLAlchemyError, OSError, CommandError, RevisionError) as err:
        raise StoreError(
            f"{_show(engine)}: {action} to {revision!r} failed and was rolled back: {err}"
        ) from err
    log.info("database %s: %s to %s done", _show(engine), action, revision)


def _check_foreign_keys(conn: Connection) -> None:
    """Raise StoreError if a migration left rows pointing at missing rows."""
    bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if bad:
        tables = sorted({row[0] for row in bad})
        raise StoreError(
            f"migration left {len(bad)} rows with broken foreign keys in {', '.join(tables)}; "
            "it was rolled back: fix the migration"
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision` (default the newest migration)."""
    _run(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Take the schema down to `revision` (default "base": no tables)."""
    _run(engine, "downgrade", revision)


def head_revision() -> str:
    """Return the newest migration's revision id."""
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:
        raise StoreError(f"{MIGRATIONS_DIR}: no migrations found; reinstall forcewatch")
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the schema's current revision id, or None if never migrated."""
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except SQLAlchemyError as err:
        raise StoreError(f"{_show(engine)}: cannot read the schema revision: {err}") from err


def check_current(engine: Engine) -> None:
    """Raise StoreError unless the schema is at the newest migration."""
    current = current_revision(engine)
    head = head_revision()
    if current != head:
        raise StoreError(
            f"{_show(engine)}: schema is at {current or 'no revision'}, "
            f"not {head}; run `forcewatch db upgrade`"
        )
