"""Retry a store operation while the database server is unreachable, for a bounded time.

    outcome = call_with_retry(lambda: ingest_document(...), settings, what="storing X")

A PostgreSQL server that restarts, fails over or drops connections makes the
DB-API raise OperationalError/InterfaceError; the operation (one document's
transaction, which was rolled back) is run again after a backoff that doubles
from `db_retry_backoff` up to 10 s, until `db_retry_seconds` have passed. Then
`DatabaseUnavailable` says for how long it tried and what to do. Errors that a
retry cannot mend (a constraint, a read-only or full SQLite file, a bad URL) are
raised at once. The engine's pool pings connections before use, so a retry gets
a fresh connection.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError, DisconnectionError

from forcewatch.config import Settings
from forcewatch.errors import StoreError

log = logging.getLogger(__name__)

T = TypeVar("T")
_MAX_BACKOFF = 10.0


class DatabaseUnavailable(StoreError):
    """The database server stayed unreachable for the whole retry window."""


def unreachable(exc: BaseException) -> bool:
    """Return True when `exc` (or its cause) says the database server cannot be reached."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DisconnectionError):
            return True
        if isinstance(current, DBAPIError):
            if current.connection_invalidated:
                return True
            orig = current.orig
            module = type(orig).__module__ if orig is not None else ""
            name = type(orig).__name__ if orig is not None else ""
            # psycopg's OperationalError/InterfaceError: connection refused, server gone;
            # SQLite's errors (locked, read-only, full) are not mended by waiting here
            if module.startswith("psycopg") and name in ("OperationalError", "InterfaceError"):
                return True
        current = current.__cause__ or current.__context__
    return False


def call_with_retry(
    fn: Callable[[], T],
    settings: Settings,
    *,
    what: str,
    sleep: Callable[[float], None] = time.sleep,
) -> T:
    """Return `fn()`, run again while the database is unreachable (bounded by settings)."""
    deadline = time.monotonic() + settings.db_retry_seconds
    delay = settings.db_retry_backoff
    attempt = 0
    while True:
        try:
            return fn()
        except Exception as exc:
            if not unreachable(exc):
                raise
            attempt += 1
            if time.monotonic() + delay > deadline:
                raise DatabaseUnavailable(
                    f"the database stayed unreachable for {settings.db_retry_seconds:g} s while "
                    f"{what} ({_reason(exc)}); everything reported stored before is kept: "
                    "start the server (or fix the network) and run the same command again"
                ) from exc
            log.warning(
                "database unreachable while %s (%s); retry %d in %.1f s",
                what, _reason(exc), attempt, delay,
            )  # fmt: skip
            sleep(delay)
            delay = min(delay * 2, _MAX_BACKOFF)


def _reason(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
