"""Alembic environment: runs on the connection `store.db` passes in, or on a URL.

`store.db.upgrade(engine)` is the normal way in. For hand use (e.g. autogenerate)
pass a URL: `alembic -x url=sqlite:///forcewatch.db ...` with a config whose
`script_location` is this directory.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from forcewatch.store.models import Base

target_metadata = Base.metadata


def _configure(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
        compare_type=True,
    )


def run_online() -> None:
    """Run the migrations on the given connection, or on one opened from -x url=..."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("give a database: alembic -x url=sqlite:///forcewatch.db ...")
    engine = create_engine(url)
    with engine.begin() as conn:
        _configure(conn)
        context.run_migrations()
    engine.dispose()


def run_offline() -> None:
    """Write the SQL to stdout instead of running it (alembic --sql)."""
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
