"""`forcewatch backup FILE` and `forcewatch restore FILE`: a store in one file and back.

A thin shell over store/backup.py, following cli.py's conventions: exit 0 done,
1 failed (one line on stderr saying why and what to do), 2 a usage error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from forcewatch.cli import DbOption, JsonOption, _errors_exit, _settings, out

FileArg = Annotated[Path, typer.Argument(help="The backup file.", metavar="FILE")]


def _report(verb: str, summary, as_json: bool) -> None:
    if as_json:
        out.print_json(
            json.dumps({"file": summary.path, "revision": summary.revision, "rows": summary.rows})
        )
        return
    out.print(f"{verb} {summary.total} rows of {len(summary.rows)} tables: {summary.path}")


def backup(file: FileArg, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Write a consistent backup of the store to FILE, safe while forcewatch runs.

    Every table is read in one read transaction (one snapshot); FILE is replaced only
    when the backup is complete. SQLite and PostgreSQL backups restore into either.
    """
    from forcewatch.store.backup import backup as run_backup

    settings = _settings(db)
    with _errors_exit():
        summary = run_backup(settings.database_url, file)
    _report("backed up", summary, as_json)


def restore(file: FileArg, db: DbOption = None, as_json: JsonOption = False) -> None:
    """Restore the backup FILE into an empty store (a new SQLite file or an empty
    PostgreSQL database), ids and all, in one transaction."""
    from forcewatch.store.backup import restore as run_restore

    settings = _settings(db)
    with _errors_exit():
        summary = run_restore(settings.database_url, file)
    _report("restored", summary, as_json)
