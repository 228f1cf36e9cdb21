"""`forcewatch batch`: ingest many documents with Ray workers (the `batch` extra).

A thin shell over batch/run.py, following cli.py's conventions: exit 0 all
good, 1 something failed (named on stderr), 2 a usage error. Ray is imported
only when a run starts, so the rest of the CLI works without it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from forcewatch.cli import DbOption, JsonOption, _errors_exit, _settings, err, out


def _report_error(message: str) -> None:
    err.print(f"error: {message}", markup=False)


def batch(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or folders (recursive) of .txt, .html/.htm, gold-format .jsonl "
            "and .warc/.warc.gz articles.",
            show_default=False,
            metavar="INPUT",
        ),
    ],
    db: DbOption = None,
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="Ray cluster to join (e.g. ray://head:10001 or head:6379). "
            "Default: start a local Ray runtime.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Worker processes (one spaCy model each). Default: the local CPU count, "
            "or the cluster's CPUs with --address.",
            show_default=False,
        ),
    ] = None,
    shard_lines: Annotated[
        int,
        typer.Option("--shard-lines", min=1, help="Lines of a .jsonl file per shard."),
    ] = 500,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Show a progress bar on a terminal.")
    ] = True,
    json_out: JsonOption = False,
) -> None:
    """Ingest like `ingest`, with the analysis spread over Ray workers.

    Inputs are split into shards (runs of lines of a .jsonl file, runs of files,
    one web archive each); workers analyse them and this process stores the
    results shard by shard, in input order, so the database ends as a
    single-process `ingest` would leave it. Finished shards are recorded: run
    the same command again after an interruption and it picks up where it stopped.
    """
    from forcewatch.batch.run import run_batch

    settings = _settings(db, progress=progress)
    with _errors_exit():
        summary = run_batch(
            paths,
            settings,
            on_error=_report_error,
            address=address,
            workers=workers,
            show_progress=progress,
            lines_per_shard=shard_lines,
        )
    if json_out:
        out.print_json(json.dumps(summary.as_dict()))
    else:
        rate = summary.read / summary.seconds if summary.seconds else 0.0
        err.print(
            f"read {summary.read}, new {summary.new}, duplicates {summary.duplicates}"
            + (f" ({summary.near_duplicates} near)" if summary.near_duplicates else "")
            + f", relevant {summary.relevant}, incidents {summary.incidents}, "
            f"failed {summary.failed}"
            + (f", skipped {summary.skipped} (not articles or hidden)" if summary.skipped else "")
            + (
                f", not analysed {summary.not_analysed} (language or length)"
                if summary.not_analysed
                else ""
            )
            + f"; shards {summary.shards} ({summary.shards_done_before} done before), "
            f"workers {summary.workers}, {summary.seconds:.1f} s ({rate:.0f} documents/s)",
            markup=False,
        )
    if summary.failed:
        raise typer.Exit(1)
