"""Four `forcewatch ingest` processes on one database at once lose and double nothing.

The inputs overlap: shared articles, reprints that are near-duplicates, and follow-ups
in one file of shootings first reported in another. The store must end equal to a
single-process ingest of all the files. Runs on SQLite in the main run and on
PostgreSQL in the `-m db` run (`database_url`).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from forcewatch.batch.synthetic import generate
from tests.conftest import fresh_database
from tests.reliability.crash import Store, fork_command, wait_child
from tests.reliability.record import database_name, record, scaled
from tests.snapshot import snapshot

pytestmark = pytest.mark.reliability

#: where a shared article was read from depends on which process stored it first
RACY_COLUMNS = {"origin"}
PROCESSES = 4


def _write(path: Path, objs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


def _args(url: str, *paths: Path) -> list[str]:
    return ["ingest", *map(str, paths), "--db", url, "--no-progress"]


def test_four_ingest_processes_at_once_equal_one_ingest_of_all(
    request: pytest.FixtureRequest, pipeline, database_url: str, tmp_path: Path
) -> None:
    n = scaled(120, 400)
    objs = list(generate(n, relevant_share=0.3, seed=5))
    quarter = n // 4
    # each file shares half its articles with the next one, the last one read backwards
    files = [
        _write(tmp_path / f"part{i}.jsonl", objs[i * quarter : i * quarter + 2 * quarter])
        for i in range(PROCESSES - 1)
    ]
    files.append(_write(tmp_path / "part3.jsonl", (objs[3 * quarter :] + objs[:quarter])[::-1]))
    started = time.monotonic()
    logs = [str(tmp_path / f"ingest{i}.log") for i in range(PROCESSES)]
    pids = [fork_command(_args(database_url, f), log) for f, log in zip(files, logs, strict=True)]
    codes = [wait_child(pid, timeout=600) for pid in pids]
    seconds = time.monotonic() - started
    assert codes == [0] * PROCESSES, [Path(log).read_text()[-800:] for log in logs]

    clean_dir = tmp_path / "serial"
    clean_dir.mkdir()
    with fresh_database(request, clean_dir) as serial:
        assert wait_child(fork_command(_args(serial, *files)), timeout=600) == 0
        same = snapshot(database_url, RACY_COLUMNS) == snapshot(serial, RACY_COLUMNS)
        stores = [Store(database_url), Store(serial)]
        try:
            got, expected = (s.documents() for s in stores)
            problems = stores[0].half_written()
        finally:
            for s in stores:
                s.close()

    record(
        "concurrency",
        "four ingest processes at once",
        f"{PROCESSES} `forcewatch ingest` processes on overlapping inputs "
        f"({sum(len(f.read_text().splitlines()) for f in files)} lines, {n} articles)",
        PROCESSES,
        f"{got} documents stored once each ({expected} in a serial run); incidents as in a "
        f"serial run: {same}",
        database=database_name(database_url),
        figures={"seconds": round(seconds, 1)},
    )
    assert got == expected
    assert problems == []
    assert same, "the concurrent store differs from a serial ingest of the same files"


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout(tmp_path: Path) -> None:
    from sqlalchemy import text

    from forcewatch.store import db as store_db

    engine = store_db.make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert (
                conn.execute(text("PRAGMA busy_timeout")).scalar()
                == store_db.SQLITE_BUSY_TIMEOUT_MS
            )
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        engine.dispose()
