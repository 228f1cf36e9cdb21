"""`forcewatch backup` and `forcewatch restore`: a round trip gives an identical store
(every table, every row, ids included), across SQLite and PostgreSQL; a backup taken
while an ingest writes is one consistent commit; bad files get clear errors."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from forcewatch.batch.synthetic import generate
from forcewatch.errors import StoreError
from forcewatch.store import db as store_db
from forcewatch.store import review
from forcewatch.store.backup import backup, read_header, restore
from forcewatch.store.models import Base, MentionRow
from tests.conftest import EXAMPLES
from tests.reliability.crash import Store, fork_command, wait_child
from tests.reliability.record import database_name, record

pytestmark = pytest.mark.reliability


def _tables(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, ids included, in primary-key order."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            out = {}
            for table in Base.metadata.sorted_tables:
                order = list(table.primary_key.columns) or list(table.columns)
                out[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
            return out
    finally:
        engine.dispose()


def _normalised(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Drop time zones SQLite does not keep, so both backends compare equal."""

    def plain(value):
        return value.replace(tzinfo=None) if hasattr(value, "tzinfo") and value.tzinfo else value

    return {name: [tuple(plain(v) for v in row) for row in rows] for name, rows in tables.items()}


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store filled by the pipeline from the example articles, with a curator's
    confirm and edit."""
    url = f"sqlite:///{tmp_path_factory.mktemp('source') / 'source.db'}"
    code = subprocess.run(
        [
            sys.executable,
            "-m",
            "forcewatch",
            "ingest",
            str(EXAMPLES),
            "--db",
            url,
            "--no-progress",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=300,
    ).returncode
    assert code == 0
    engine = store_db.make_engine(url)
    sessions = store_db.session_factory(engine)
    with sessions() as session:
        mention = session.scalars(select(MentionRow).order_by(MentionRow.id)).first()
        iid = review.set_status(session, mention.incident_id, "confirmed", by="curator")
        review.edit_field(session, iid, "place", "=cmd|' /C calc'!A0", by="curator")
        session.commit()
    engine.dispose()
    return url


def test_round_trip_gives_an_identical_store(source: str, database_url: str, tmp_path: Path):
    first = tmp_path / "first.fwbak"
    made = backup(source, first)
    assert made.total > 100 and made.rows["documents"] >= 10
    restored = restore(database_url, first)  # SQLite -> this run's database
    assert restored.rows == made.rows
    assert _normalised(_tables(database_url)) == _normalised(_tables(source))
    # and back out of it: the second backup holds the same rows
    second = tmp_path / "second.fwbak"
    backup(database_url, second)
    again = f"sqlite:///{tmp_path / 'again.db'}"
    restore(again, second)
    assert _normalised(_tables(again)) == _normalised(_tables(source))
    # new rows after a restore take new ids: ingest into the restored store works
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "forcewatch",
            "ingest",
            str(EXAMPLES / "nz-fatal-shooting-whanganui.txt"),
            "--db",
            database_url,
            "--no-progress",
            "--json",
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["duplicates"] == 1  # already there, found by its hash
    record(
        "backup and restore",
        "round trip",
        "backup, restore into an empty store, backup again, restore",
        made.total,
        "identical: every row of every table, ids included",
        database=database_name(database_url),
    )


def test_restore_refuses_a_store_with_data(source: str, tmp_path: Path) -> None:
    path = tmp_path / "b.fwbak"
    backup(source, path)
    with pytest.raises(StoreError, match="already holds data"):
        restore(source, path)


def test_a_backup_taken_while_ingest_writes_is_one_consistent_commit(
    pipeline, database_url: str, tmp_path: Path
) -> None:
    url = database_url  # SQLite here, PostgreSQL in the `-m db` run
    corpus = tmp_path / "live.jsonl"
    objs = list(generate(60, relevant_share=0.5, seed=3))
    corpus.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    pid = fork_command(["ingest", str(corpus), "--db", url, "--no-progress"])
    live = Store(url)
    taken: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while len(taken) < 4 and time.monotonic() < deadline:
            if live.documents() > 5 * (len(taken) + 1):
                path = tmp_path / f"live-{len(taken)}.fwbak"
                summary = backup(url, path)
                taken.append(summary.rows["documents"])
            time.sleep(0.05)
        assert wait_child(pid) == 0
    finally:
        live.close()
    assert len(taken) >= 2, "the ingest ended before two backups were taken"
    for i, docs in enumerate(taken):
        target = f"sqlite:///{tmp_path / f'restored-{i}.db'}"
        restore(target, tmp_path / f"live-{i}.fwbak")
        check = Store(target)
        try:
            assert check.half_written() == []
            assert check.documents() == docs
        finally:
            check.close()
    record(
        "backup and restore",
        "backup during ingest",
        "backups taken while `forcewatch ingest` writes",
        len(taken),
        "each restores to a store with no half-written rows",
        database=database_name(url),
    )


def _gz(path: Path, lines: list[str]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write("".join(line + "\n" for line in lines))
    return path


def test_bad_backup_files_get_clear_errors(source: str, tmp_path: Path) -> None:
    good = tmp_path / "good.fwbak"
    backup(source, good)
    data = good.read_bytes()
    truncated = tmp_path / "truncated.fwbak"
    truncated.write_bytes(data[: len(data) // 2])
    plain = tmp_path / "plain.fwbak"
    plain.write_text("hello\n", encoding="utf-8")
    header = read_header(good)
    future = _gz(tmp_path / "future.fwbak", [json.dumps({**header, "version": 99})])
    other = _gz(tmp_path / "other.fwbak", [json.dumps({"format": "something-else"})])
    no_end = _gz(tmp_path / "no-end.fwbak", [json.dumps(header)])
    cases = {
        truncated: "truncated|damaged|ends early",
        plain: "not a complete forcewatch backup",
        future: "upgrade forcewatch",
        other: "not a forcewatch backup",
        no_end: "row counts differ|ends early",
        tmp_path / "missing.fwbak": "no such backup file",
    }
    for i, (path, message) in enumerate(cases.items()):
        target = f"sqlite:///{tmp_path / f'bad-{i}.db'}"
        with pytest.raises(StoreError, match=message):
            restore(target, path)
    record(
        "backup and restore",
        "bad backup files",
        "truncated, not gzip, future version, other format, no trailer, missing",
        len(cases),
        "a clear error naming the file, nothing loaded",
    )
