"""The `forcewatch` command: parse arguments, call the library, print results.

Exit codes: 0 all good, 1 something failed (named on stderr), 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from forcewatch import __version__
from forcewatch.config import Settings, load_settings
from forcewatch.errors import ForcewatchError
from forcewatch.eval.baselines import Baseline
from forcewatch.ingest import IngestSummary, ingest_paths
from forcewatch.records import Outcome

app = typer.Typer(
    name="forcewatch",
    help="Read news articles and keep a sourced database of police shootings "
    "and other police use of force.",
    no_args_is_help=True,
    add_completion=False,
)
db_app = typer.Typer(help="Manage the database schema (Alembic migrations).", no_args_is_help=True)
app.add_typer(db_app, name="db")

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)
log = logging.getLogger("forcewatch")

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Database URL (SQLAlchemy), e.g. sqlite:///forcewatch.db. "
        "Default: FORCEWATCH_DATABASE_URL or forcewatch.db in the working directory.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]


def _settings(db: str | None = None, **overrides: object) -> Settings:
    try:
        return load_settings(database_url=db, **overrides)
    except ForcewatchError as exc:
        _fail(str(exc), code=2)
        raise  # unreachable


def _fail(message: str, code: int = 1) -> None:
    err.print(f"error: {message}", markup=False)
    raise typer.Exit(code)


@contextmanager
def _errors_exit() -> Iterator[None]:
    """Turn a ForcewatchError into one line on stderr and exit code 1."""
    try:
        yield
    except ForcewatchError as exc:
        _fail(str(exc))


def _version(value: bool) -> None:
    if value:
        out.print(f"forcewatch {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging.")] = 0,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Read news articles and keep a sourced database of police use of force."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


# ---------------------------------------------------------------- ingest


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or folders (recursive) of .txt, .html/.htm, gold-format .jsonl articles "
            "and .warc/.warc.gz web archives.",
            show_default=False,
            metavar="PATH",
        ),
    ],
    db: DbOption = None,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show a progress bar on a terminal.")
    ] = True,
    json_out: JsonOption = False,
) -> None:
    """Read articles, find police use of force, and store documents, mentions and incidents.

    Idempotent: a text already stored (same content hash) is counted as a duplicate
    and stored once. Each document is stored in its own transaction.
    """
    settings = _settings(db, progress=progress)
    with _errors_exit():
        summary = ingest_paths(paths, settings, on_error=_report_error, show_progress=progress)
    if json_out:
        out.print_json(json.dumps(summary.as_dict()))
    else:
        _print_summary(summary)
    if summary.failed:
        raise typer.Exit(1)


def _report_error(message: str) -> None:
    err.print(f"error: {message}", markup=False)


def _print_summary(s: IngestSummary) -> None:
    err.print(
        f"read {s.read}, new {s.new}, duplicates {s.duplicates}"
        + (f" ({s.near_duplicates} near)" if s.near_duplicates else "")
        + f", relevant {s.relevant}, "
        f"incidents {s.incidents}, failed {s.failed}"
        + (f", skipped {s.skipped} (not .txt/.html/.jsonl or hidden)" if s.skipped else "")
        + (f", not analysed {s.not_analysed} (language or length)" if s.not_analysed else "")
        + _not_articles(s.not_articles),
        markup=False,
    )


def _not_articles(counts: dict[str, int]) -> str:
    """Return ", not articles N (reason n, ...)" for skipped web archive records, or ""."""
    if not counts:
        return ""
    reasons = ", ".join(f"{reason} {n}" for reason, n in counts.items())
    return f", not articles {sum(counts.values())} ({reasons})"


# ---------------------------------------------------------------- incidents


def _parse_since(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1)
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise typer.BadParameter(
        f"{value!r} is not a date: use YYYY-MM-DD or YYYY", param_hint="--since"
    )


@app.command()
def incidents(
    db: DbOption = None,
    country: Annotated[
        str | None, typer.Option(help="Only this country (ISO code such as NZ, US).")
    ] = None,
    outcome: Annotated[
        Outcome | None, typer.Option(help="Only this outcome.", case_sensitive=False)
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only incidents on or after this date (YYYY-MM-DD or YYYY).")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many incidents.", min=1)] = None,
    json_out: JsonOption = False,
) -> None:
    """List incidents as a table (or JSON), newest first."""
    since_date = _parse_since(since)
    settings = _settings(db)
    from forcewatch.store import db as store_db
    from forcewatch.store import repo

    with _errors_exit():
        engine = store_db.make_engine(settings.database_url)
        store_db.check_current(engine)
        with store_db.session_factory(engine)() as session:
            rows = repo.list_incidents(
                session,
                country=country.upper() if country else None,
                outcome=outcome.value if outcome else None,
                since=since_date,
                limit=limit,
            )
    if json_out:
        out.print_json(json.dumps([_jsonable(r) for r in rows]))
        return
    table = Table(
        "id",
        "date",
        "subject",
        "age",
        "outcome",
        "force",
        "place",
        "country",
        "agency",
        "n src",
        "conflicts",
        "conf",
        box=None,
        header_style="bold",
    )
    for r in rows:
        table.add_row(
            str(r.id),
            r.date or "",
            r.subject or "",
            "" if r.age is None else str(r.age),
            r.outcome,
            r.force,
            ", ".join(x for x in (r.place, r.region) if x),
            r.country or "",
            r.agency or "",
            str(r.n_sources),
            ",".join(r.conflicts) if r.conflicts else "",
            f"{r.confidence:.2f}",
        )
    # piped output is read by people in files and logs: do not squeeze it to 80 columns
    (out if out.is_terminal else Console(highlight=False, width=200)).print(table)
    err.print(f"{len(rows)} incident(s)", markup=False)


def _jsonable(obj: object) -> dict:
    from dataclasses import asdict

    def conv(v: object) -> object:
        if isinstance(v, dt.date | dt.datetime):
            return v.isoformat()
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items()}
        if isinstance(v, list | tuple):
            return [conv(x) for x in v]
        return v

    return conv(asdict(obj))  # type: ignore[call-overload, return-value]


@app.command()
def show(
    incident_id: Annotated[
        int, typer.Argument(help="Incident id (see `forcewatch incidents`).", metavar="ID")
    ],
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Print one incident: each field's merged value, its sources, conflicts and evidence.

    Lists every source document (with the URLs of its near-duplicate copies), the
    documents behind each distinct value of a field, conflicts (!) and recorded
    changes such as an outcome that went from injured to fatal.
    """
    settings = _settings(db)
    from forcewatch.store import db as store_db
    from forcewatch.store import repo

    with _errors_exit():
        engine = store_db.make_engine(settings.database_url)
        store_db.check_current(engine)
        with store_db.session_factory(engine)() as session:
            detail = repo.get_incident(session, incident_id)
    if detail is None:
        _fail(f"no incident with id {incident_id}: list them with `forcewatch incidents`")
        return
    if json_out:
        out.print_json(json.dumps(_jsonable(detail)))
        return
    from forcewatch.show import render_incident

    out.print(render_incident(detail), markup=False)


@app.command()
def export(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="File to write ('-' for standard output).")
    ],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="csv, json or jsonl.", case_sensitive=False)
    ] = "csv",
    db: DbOption = None,
) -> None:
    """Export every incident with stable columns (docs/export.md) and its source ids and URLs."""
    fmt = fmt.lower()
    if fmt not in ("csv", "json", "jsonl"):
        raise typer.BadParameter(f"{fmt!r}: use csv, json or jsonl", param_hint="--format")
    settings = _settings(db)
    from forcewatch.export import write_export
    from forcewatch.store import db as store_db
    from forcewatch.store import repo

    with _errors_exit():
        engine = store_db.make_engine(settings.database_url)
        store_db.check_current(engine)
        with store_db.session_factory(engine)() as session:
            rows = repo.export_incidents(session)
        n = write_export(rows, fmt, output)
    err.print(f"wrote {n} incident(s) to {output}", markup=False)


# ---------------------------------------------------------------- eval


@app.command("eval")
def eval_cmd(
    corpus: Annotated[
        Path, typer.Argument(help="Gold-format JSON Lines corpus to score.", metavar="CORPUS")
    ],
    json_out: JsonOption = False,
    predictions: Annotated[
        Path | None,
        typer.Option(help="Write one JSON line per document with the predicted incidents."),
    ] = None,
    show_errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="Also list every wrong document and field (id, field, gold, predicted).",
        ),
    ] = False,
    baseline: Annotated[
        list[Baseline] | None,
        typer.Option(
            "--baseline",
            help="Also score a baseline on the same corpus, shown next to the pipeline: "
            "keywords (a police word and a killing word in one sentence) or ner (PERSON "
            "names in such sentences). Repeat for both.",
            case_sensitive=False,
        ),
    ] = None,
) -> None:
    """Score the pipeline on a gold corpus, in memory (never touches the database).

    Reports relevance P/R/F1, subject-name P/R/F1 and AUPRC, per-field accuracy on
    matched incidents, documents per second per core and peak memory; all figures
    also restricted to firearm incidents. With --baseline, the baselines' figures
    are printed side by side (JSON: under "baselines"); --predictions and --errors
    stay the pipeline's.
    """
    settings = _settings()
    from forcewatch.eval.baselines import make_baseline
    from forcewatch.eval.gold import read_gold
    from forcewatch.eval.predictions import write_predictions
    from forcewatch.eval.report import format_text, to_json
    from forcewatch.eval.run import errors, evaluate
    from forcewatch.pipeline import Pipeline

    with _errors_exit():
        gold = read_gold(corpus)
        pipeline = Pipeline(settings)
        pipeline.nlp  # load the model before the clock starts  # noqa: B018
        run = evaluate(gold, pipeline.process)
        if predictions is not None:
            write_predictions(predictions, [r for _, r in run.pairs])
        baseline_runs = {
            b.value: evaluate(gold, make_baseline(b, settings))
            for b in dict.fromkeys(baseline or [])
        }
    rows = errors(run.pairs) if show_errors else []
    if json_out:
        report = to_json(run)
        if baseline_runs:
            report["baselines"] = {name: to_json(r) for name, r in baseline_runs.items()}
        if show_errors:
            report["errors"] = [_jsonable(r) for r in rows]
        out.print_json(json.dumps(report))
        return
    out.print(format_text({"forcewatch": run, **baseline_runs}, corpus.name), markup=False)
    if show_errors:
        out.print(f"\nErrors ({len(rows)}): document, field, gold, predicted", markup=False)
        for r in rows:
            where = r.doc_id if r.incident is None else f"{r.doc_id}#{r.incident}"
            out.print(f"  {where:<16} {r.field:<15} {r.gold!s:<28} {r.predicted!s}", markup=False)


# ---------------------------------------------------------------- bench


@app.command()
def bench(
    data: Annotated[
        Path,
        typer.Option(
            help="Folder with negatives-news.jsonl, news-dev.jsonl, hardcases-news.jsonl "
            "and strib-narratives.jsonl (gold format); missing files are skipped."
        ),
    ] = Path("../shared/data"),
    limit: Annotated[
        int | None, typer.Option(help="At most this many documents per corpus.", min=1)
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when a target is missed.")
    ] = False,
    json_out: JsonOption = False,
) -> None:
    """Measure speed per core and peak memory against the targets, in one process.

    Times, in process CPU time after loading the model: the detection gate on ordinary
    news (negatives-news), the whole pipeline on the gold-relevant documents of
    news-dev, hardcases-news and strib-narratives, and the keyword baseline on both sets;
    each speed is also given as a ratio to the keyword baseline's. Prints PASS/FAIL for
    detection >= 500 docs/s per core, pipeline >= 20 relevant docs/s per core, peak
    memory < 1 GiB, and the spaCy model loaded once.
    """
    settings = _settings(progress=False)
    from forcewatch.bench import format_bench, load_corpora, run_bench

    with _errors_exit():
        report = run_bench(load_corpora(data, limit=limit), settings)
    if json_out:
        out.print_json(json.dumps(report.to_json()))
    else:
        out.print(format_bench(report), markup=False)
    if strict and not report.passed:
        raise typer.Exit(1)


# ---------------------------------------------------------------- db


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Create or upgrade the database schema to the newest migration."""
    settings = _settings(db)
    from forcewatch.store import db as store_db

    with _errors_exit():
        engine = store_db.make_engine(settings.database_url)
        store_db.upgrade(engine)
        rev = store_db.current_revision(engine)
    err.print(f"database at revision {rev}", markup=False)


@db_app.command("relink")
def db_relink(db: DbOption = None, json_out: JsonOption = False) -> None:
    """Rebuild every mention's linking keys and relink the whole store.

    Run it after an upgrade that changed the linking rules, or on a database made
    before linking existed. Curator merges and splits are kept. Each batch
    commits: a run that was stopped can be run again.
    """
    settings = _settings(db)
    from forcewatch.store import db as store_db
    from forcewatch.store.rebuild import relink_all

    with _errors_exit():
        engine = store_db.make_engine(settings.database_url)
        store_db.check_current(engine)
        summary = relink_all(store_db.session_factory(engine))
    if json_out:
        out.print_json(json.dumps(summary.__dict__))
        return
    err.print(
        f"relinked {summary.mentions} mentions: {summary.incidents_before} incidents "
        f"before, {summary.incidents_after} after",
        markup=False,
    )


from forcewatch.cli_reference import reference_app  # noqa: E402 - it uses the helpers above

app.add_typer(reference_app, name="reference")

from forcewatch.cli_web import serve, user_app  # noqa: E402 - it uses the helpers above

app.command()(serve)
app.add_typer(user_app, name="user")

from forcewatch.cli_feeds import feeds_app, poll  # noqa: E402 - it uses the helpers above

app.add_typer(feeds_app, name="feeds")
app.command()(poll)

from forcewatch.cli_batch import batch  # noqa: E402 - it uses the helpers above

app.command()(batch)

from forcewatch.cli_backup import backup, restore  # noqa: E402 - it uses the helpers above

app.command()(backup)
app.command()(restore)


def main() -> None:
    """Entry point of the `forcewatch` console script."""
    app()
