"""`forcewatch reference ...`: import official lists and match them to incidents.

A thin shell over link/reference_read.py and store/reference_repo.py,
following cli.py's conventions: exit 0 all good, 1 something failed (named on
stderr: a row that could not be read, a database error), 2 a usage error (bad
option, unreadable file, missing columns, bad mapping: nothing imported).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from forcewatch.cli import (
    DbOption,
    JsonOption,
    _errors_exit,
    _fail,
    _jsonable,
    _parse_since,
    _settings,
    err,
    out,
)
from forcewatch.errors import ForcewatchError

reference_app = typer.Typer(
    help="Import official lists of police shootings and match them to incidents.",
    no_args_is_help=True,
)

FORMATS = ("nz-police", "wapo", "csv")
#: list-only records are listed one per line up to this many, else counted
LIST_ONLY_SHOWN = 40


def _session(db: str | None, *, create: bool = False):
    """Open a session; `create` makes or upgrades the schema first, as `ingest` does."""
    from forcewatch.store import db as store_db

    settings = _settings(db)
    engine = store_db.make_engine(settings.database_url)
    if create:
        store_db.upgrade(engine)
    else:
        store_db.check_current(engine)
    return store_db.session_factory(engine)()


@reference_app.command("import")
def import_cmd(
    file: Annotated[
        Path, typer.Argument(help="The list, a CSV file with a header row.", metavar="FILE")
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="nz-police, wapo, or csv (needs --mapping).", show_default=False
        ),
    ],
    mapping: Annotated[
        Path | None,
        typer.Option(help="TOML file naming the source column of each field (--format csv)."),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(help="List name. Default: the format (nz-police, wapo) or the file name."),
    ] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Import (or update) a reference list; rows are matched by id or content.

    Importing the same file again adds nothing ("0 new"); an updated file adds its
    new rows and updates changed ones (by id, for lists that have one). A row with
    a bad date is skipped and named; a bad value in another column is left empty
    and named; a repeated row is stored once. Missing columns import nothing.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r}: use nz-police, wapo or csv", param_hint="--format")
    if mapping is not None and fmt != "csv":
        raise typer.BadParameter("only with --format csv", param_hint="--mapping")
    from forcewatch.link.reference_read import mapping_for, read_reference
    from forcewatch.store.reference_repo import import_reference

    try:
        result = read_reference(file, fmt, mapping_for(fmt, mapping), list_name=name)
    except ForcewatchError as exc:
        _fail(str(exc), code=2)
        return
    with _errors_exit(), _session(db, create=True) as session:
        summary = import_reference(session, result)
        session.commit()
    for problem in result.problems:
        err.print(f"error: {problem}", markup=False)
    for dup in result.duplicates:
        err.print(f"warning: {dup}", markup=False)
    if json_out:
        report = _jsonable(summary)
        report["errors"] = [str(p) for p in result.problems]
        report["duplicates"] = [str(d) for d in result.duplicates]
        out.print_json(json.dumps(report))
    else:
        err.print(
            f"{file.name}: list {summary.list_name!r}: {summary.rows} rows read, "
            f"{summary.new} new, {summary.updated} updated, {summary.unchanged} unchanged, "
            f"{len(result.duplicates)} duplicates, {len(result.problems)} errors"
            + (
                f", {summary.absent} stored records not in this file (kept)"
                if summary.absent
                else ""
            ),
            markup=False,
        )
    if result.problems:
        raise typer.Exit(1)


@reference_app.command("list")
def list_cmd(db: DbOption = None, json_out: JsonOption = False) -> None:
    """List the imported reference lists with their record counts and date ranges."""
    from forcewatch.store.reference_repo import list_references

    with _errors_exit(), _session(db) as session:
        lists = list_references(session)
    if json_out:
        out.print_json(json.dumps([_jsonable(x) for x in lists]))
        return
    table = Table("name", "format", "records", "countries", "from", "to", "file", box=None)
    for x in lists:
        table.add_row(
            x.name, x.fmt, str(x.records), ", ".join(x.countries), x.date_from or "",
            x.date_to or "", x.source_file,
        )  # fmt: skip
    _wide().print(table)


@reference_app.command("match")
def match_cmd(
    list_name: Annotated[
        str | None, typer.Option("--list", help="Only this list (default: every list).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(help="Report only records and incidents from this date (YYYY-MM-DD or YYYY)."),
    ] = None,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Match incidents to list records 1:1; report matches, news-only and list-only.

    Each match gives its score and reasons ("date +1 day; district Bay of Plenty =
    Rotorua; outcome fatal; age 34"). News-only: incidents in the list's countries
    and date range with no record. List-only: records with no incident. Matches are
    stored (shown by `forcewatch show ID`); --since limits the report, not the matching.
    """
    since_date = _parse_since(since)
    from forcewatch.store.reference_repo import match_report

    with _errors_exit(), _session(db) as session:
        report = match_report(session, list_name=list_name, since=since_date)
        session.commit()
    if json_out:
        out.print_json(json.dumps(_jsonable(report)))
        return
    console = _wide()
    for part in report.lists:
        console.print(
            f"{part.list_name} ({', '.join(part.countries)}; {part.date_from} to {part.date_to}"
            + (f"; since {part.since}" if part.since else "")
            + f"): {part.records} records, {part.incidents} incidents in range, "
            f"{len(part.matched)} matched, {len(part.news_only)} news-only, "
            f"{len(part.list_only)} list-only ({part.seconds:.2f} s)",
            markup=False,
        )
        table = Table("incident", "row", "id", "date", "subject", "score", "reasons", box=None)
        for m in part.matched:
            table.add_row(
                str(m.incident.id), str(m.record.row_number), m.record.external_id or "",
                m.record.date or "", m.incident.subject or m.record.name or "",
                f"{m.score:.1f}", "; ".join(m.reasons),
            )  # fmt: skip
        console.print(table)
        if part.news_only:
            console.print("news-only incidents (no record in the list):", markup=False)
            for i in part.news_only:
                where = ", ".join(x for x in (i.place, i.region) if x)
                console.print(f"  {i.id}  {i.date}  {i.subject or ''}  {where}", markup=False)
        if len(part.list_only) > LIST_ONLY_SHOWN:
            console.print(
                f"list-only records: {len(part.list_only)} (narrow with --since, or see --json)",
                markup=False,
            )
            continue
        console.print(f"list-only records (no incident): {len(part.list_only)}", markup=False)
        for r in part.list_only:
            where = ", ".join(x for x in (r.place, r.region) if x)
            console.print(
                f"  row {r.row_number}  {r.date}  {r.name or ''}  {where}  {r.outcome}",
                markup=False,
            )


def _wide() -> Console:
    """Piped output is read in files and logs: do not squeeze it to 80 columns."""
    return out if out.is_terminal else Console(highlight=False, width=200)
