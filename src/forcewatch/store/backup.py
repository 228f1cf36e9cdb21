"""Back up a store to one file and restore it, on SQLite or PostgreSQL, while it runs.

    summary = backup(url, Path("forcewatch-2026-11-24.fwbak"))
    summary = restore(url, Path("forcewatch-2026-11-24.fwbak"))   # into an empty store

The file is gzip-compressed JSON Lines: a header line (format, version, schema
revision, tables in foreign-key order, row counts), then one line per row,
`{"t": table, "r": [values in column order]}`, table by table, ending with a
trailer line that says the file is whole. Values are typed by the table's
columns (dates and times as ISO text), so a SQLite backup restores into
PostgreSQL and back.

Consistency: every table is read inside ONE read transaction (PostgreSQL
REPEATABLE READ READ ONLY; SQLite in WAL mode, where a read transaction sees one
snapshot), so a backup taken while ingests and curators write holds the store as
it was at one commit. The file is written to a temporary name and renamed when
complete, so a crash never leaves a half file under the backup's name.

Restore refuses a store that already holds rows and a file of another schema
revision (it names both and what to do), creates the schema, loads every row in
one transaction, and moves PostgreSQL's id sequences past the restored ids.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.types import JSON, Date, DateTime, LargeBinary

from forcewatch import __version__
from forcewatch.errors import StoreError
from forcewatch.store import db as store_db
from forcewatch.store.models import Base

FORMAT = "forcewatch-backup"
VERSION = 1
_BATCH = 1000


@dataclass
class BackupSummary:
    """What a backup or restore moved."""

    path: str
    revision: str
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def _tables() -> list[Table]:
    """Return the store's tables, parents before children."""
    return list(Base.metadata.sorted_tables)


def _encode(column_type: object, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return value.isoformat()
    if isinstance(column_type, Date):
        return value.isoformat()
    if isinstance(column_type, LargeBinary):
        return base64.b64encode(value).decode("ascii")
    return value


def _decode(column_type: object, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(value)
    return value


def _snapshot(engine: Engine) -> Connection:
    """Return a connection whose next transaction reads one consistent snapshot."""
    if engine.dialect.name == "postgresql":
        return engine.connect().execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
    return engine.connect()  # SQLite in WAL mode: a read transaction is a snapshot


def _rows(conn: Connection, table: Table) -> Iterator[list[Any]]:
    order = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(stream_results=True).execute(select(table).order_by(*order))
    for row in result:
        yield [_encode(col.type, value) for col, value in zip(table.columns, row, strict=True)]


def backup(url: str, path: Path) -> BackupSummary:
    """Write a consistent backup of the store at `url` to `path` (replaced atomically)."""
    engine = store_db.make_engine(url)
    try:
        store_db.check_current(engine)
        revision = store_db.current_revision(engine) or ""
        summary = BackupSummary(str(path), revision)
        folder = path.resolve().parent
        if not folder.is_dir():
            raise StoreError(f"{path}: folder {folder} does not exist; create it first")
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb") as gz:
                _write(engine, gz, summary)
                gz.flush()
            with tmp.open("rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return summary
    except OSError as err:
        raise StoreError(
            f"{path}: cannot write the backup ({err}); check the path and space"
        ) from err
    except SQLAlchemyError as err:
        raise StoreError(f"{url}: reading the store for a backup failed: {err}") from err
    finally:
        engine.dispose()


def _write(engine: Engine, gz: gzip.GzipFile, summary: BackupSummary) -> None:
    tables = _tables()
    with _snapshot(engine) as conn, conn.begin():
        counts = {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in tables}
        header = {
            "format": FORMAT,
            "version": VERSION,
            "forcewatch": __version__,
            "revision": summary.revision,
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "database": engine.dialect.name,
            "tables": [{"name": t.name, "columns": [c.name for c in t.columns]} for t in tables],
            "rows": counts,
        }
        gz.write((json.dumps(header) + "\n").encode("utf-8"))
        for table in tables:
            n = 0
            for values in _rows(conn, table):
                gz.write((json.dumps({"t": table.name, "r": values}) + "\n").encode("utf-8"))
                n += 1
            summary.rows[table.name] = n
    gz.write((json.dumps({"end": True, "rows": summary.rows}) + "\n").encode("utf-8"))


def _lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as err:
                    raise StoreError(
                        f"{path}: line {number} is not JSON ({err.msg}); the backup is damaged"
                    ) from err
                if not isinstance(obj, dict):
                    raise StoreError(f"{path}: line {number} is not a JSON object; damaged backup")
                yield obj
    except FileNotFoundError as err:
        raise StoreError(f"{path}: no such backup file") from err
    except (gzip.BadGzipFile, EOFError, OSError) as err:
        raise StoreError(
            f"{path}: not a complete forcewatch backup ({err}); it may be truncated or of "
            "another kind: use the file `forcewatch backup` wrote"
        ) from err


def read_header(path: Path) -> dict[str, Any]:
    """Return a backup file's header, checking its format and version."""
    first = next(_lines(path), None)
    return _checked_header(path, first)


def _checked_header(path: Path, header: dict[str, Any] | None) -> dict[str, Any]:
    if header is None or header.get("format") != FORMAT:
        raise StoreError(f"{path}: not a forcewatch backup (no {FORMAT} header)")
    version = header.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise StoreError(
            f"{path}: backup format version {version!r}; this forcewatch reads up to "
            f"{VERSION}: upgrade forcewatch to restore it"
        )
    return header


def _is_empty(conn: Connection, tables: list[Table]) -> bool:
    existing = set(conn.dialect.get_table_names(conn))
    for table in tables:
        if table.name in existing and conn.scalar(select(func.count()).select_from(table)):
            return False
    return True


def restore(url: str, path: Path) -> BackupSummary:
    """Load the backup at `path` into the empty store at `url`."""
    lines = _lines(path)
    header = _checked_header(path, next(lines, None))
    revision = header.get("revision")
    head = store_db.head_revision()
    if revision != head:
        raise StoreError(
            f"{path}: made at schema revision {revision!r}, this forcewatch is at {head!r}: "
            f"restore it with the forcewatch version that made it ({header.get('forcewatch')}), "
            "then upgrade"
        )
    tables = {t.name: t for t in _tables()}
    columns = {t["name"]: t["columns"] for t in header.get("tables", [])}
    for name, cols in columns.items():
        if name not in tables or cols != [c.name for c in tables[name].columns]:
            raise StoreError(f"{path}: table {name!r} does not match this schema; damaged backup")
    engine = store_db.make_engine(url)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            if not _is_empty(conn, list(tables.values())):
                raise StoreError(
                    f"{shown}: the store already holds data; restore into a new SQLite file "
                    "or an empty PostgreSQL database"
                )
        store_db.upgrade(engine, revision)
        summary = BackupSummary(str(path), revision, {name: 0 for name in columns})
        with engine.begin() as conn:
            _load(conn, lines, tables, summary, path)
            if engine.dialect.name == "postgresql":
                _reset_sequences(conn, list(tables.values()))
        expected = header.get("rows", {})
        if {k: v for k, v in summary.rows.items() if v} != {k: v for k, v in expected.items() if v}:
            raise StoreError(f"{path}: row counts differ from the header; damaged backup")
        return summary
    except SQLAlchemyError as err:
        raise StoreError(f"{shown}: restore failed and was rolled back: {err}") from err
    finally:
        engine.dispose()


def _load(
    conn: Connection,
    lines: Iterator[dict[str, Any]],
    tables: dict[str, Table],
    summary: BackupSummary,
    path: Path,
) -> None:
    batch: list[dict[str, Any]] = []
    current: Table | None = None
    ended = False

    def flush() -> None:
        if current is not None and batch:
            conn.execute(current.insert(), batch)
            batch.clear()

    for obj in lines:
        if obj.get("end"):
            ended = True
            break
        table = tables.get(obj.get("t", ""))
        values = obj.get("r")
        if table is None or not isinstance(values, list) or len(values) != len(table.columns):
            raise StoreError(
                f"{path}: a row of table {obj.get('t')!r} does not fit; damaged backup"
            )
        if table is not current:
            flush()
            current = table
        batch.append(
            {c.name: _decode(c.type, v) for c, v in zip(table.columns, values, strict=True)}
        )
        summary.rows[table.name] = summary.rows.get(table.name, 0) + 1
        if len(batch) >= _BATCH:
            flush()
    flush()
    if not ended:
        raise StoreError(f"{path}: the backup ends early (no trailer line); it is truncated")


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    """Move each serial id sequence past the restored ids (PostgreSQL)."""
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or pk[0].name != "id" or isinstance(pk[0].type, JSON):
            continue
        seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name})
        if seq:
            conn.execute(
                text(
                    f"SELECT setval('{seq}', COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                    f"(SELECT MAX(id) FROM {table.name}) IS NOT NULL)"
                )  # fmt: skip
            )
