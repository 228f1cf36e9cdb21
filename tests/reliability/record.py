"""Figures of the reliability tests, for docs/reliability.md (issue 8).

Each reliability test calls `record(...)` once with what it injected, how many
cases it ran and what came out. When FORCEWATCH_RELIABILITY_OUT names a folder,
the record is appended there as one JSON line (`benchmarks/reliability.py`
sets it, runs the tests with the full profile and renders the table); otherwise
`record` does nothing, so the ordinary test run writes no files.

The profile (`profile()`): FORCEWATCH_RELIABILITY_PROFILE=full gives the long
local runs (more kill points, more fuzz examples, longer load); anything else,
the default "ci", gives the short ones that keep CI under 15 minutes. Every
profile still meets the issue's minimums (e.g. 20 kill points per command).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

OUT_ENV = "FORCEWATCH_RELIABILITY_OUT"
PROFILE_ENV = "FORCEWATCH_RELIABILITY_PROFILE"


def profile() -> str:
    """Return "full" for long local runs, "ci" (the default) otherwise."""
    return "full" if os.environ.get(PROFILE_ENV, "").lower() == "full" else "ci"


def scaled(ci: int, full: int) -> int:
    """Return `ci` or `full` by the profile: a count of cases, examples or seconds."""
    return full if profile() == "full" else ci


def database_name(url: str) -> str:
    """Return "PostgreSQL" or "SQLite" for a database URL, for the table."""
    return "PostgreSQL" if url.startswith("postgresql") else "SQLite"


def record(
    area: str,
    test: str,
    injects: str,
    cases: int,
    result: str,
    *,
    database: str | None = None,
    figures: dict[str, float | int | str] | None = None,
) -> None:
    """Append one figure line when FORCEWATCH_RELIABILITY_OUT is set.

    area: the issue's section ("crash safety", "database faults", "concurrency",
      "hostile input", "web security", "load", "backup and restore");
    test: a short name of the test; injects: what it breaks or feeds, in words;
    cases: how many kill points, examples, requests or checks it ran;
    result: the outcome in words ("0 documents lost, 0 duplicated");
    database: "SQLite" or "PostgreSQL" when the test ran on one;
    figures: measured numbers (latencies, rates) for the report.
    """
    out = os.environ.get(OUT_ENV)
    if not out:
        return
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    line = {
        "area": area,
        "test": test,
        "injects": injects,
        "cases": cases,
        "result": result,
        "database": database,
        "figures": figures or {},
        "profile": profile(),
        "pass": os.environ.get("FORCEWATCH_TEST_DB") or "sqlite",  # which run recorded it
        "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    with (folder / f"{os.getpid()}.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")
