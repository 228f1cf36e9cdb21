"""Database faults during `forcewatch ingest` (issue 8, part 2).

PostgreSQL stopped in the middle of an ingest and started again: the run retries with
backoff and completes, equal to an uninterrupted run; kept down: the run gives up after
its retry window with one clear line, keeping everything it stored. A SQLite file on a
full or read-only file system: a clear error, no traceback, `PRAGMA integrity_check` ok.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from forcewatch.batch.synthetic import generate
from tests.conftest import require
from tests.pg import OwnServer
from tests.reliability.crash import Store, fork_command, wait_child
from tests.reliability.record import record
from tests.snapshot import snapshot

pytestmark = pytest.mark.reliability


def _write(path: Path, objs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


@pytest.fixture
def own_server() -> Iterator[OwnServer]:
    server = OwnServer()
    try:
        yield server
    finally:
        server.close()


def _wait_for(store: Store, documents: int, pid: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while store.documents() < documents:
        assert os.waitpid(pid, os.WNOHANG)[0] == 0, "the ingest ended too early"
        assert time.monotonic() < deadline, "the ingest stored too little in time"
        time.sleep(0.05)


def test_postgres_restarted_mid_ingest_the_run_retries_and_completes(
    pipeline, own_server: OwnServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _write(tmp_path / "c.jsonl", list(generate(60, relevant_share=0.5, seed=11)))
    url, clean = own_server.create("faulted"), own_server.create("clean")
    monkeypatch.setenv("FORCEWATCH_DB_RETRY_SECONDS", "60")
    monkeypatch.setenv("FORCEWATCH_DB_RETRY_BACKOFF", "0.2")
    log = str(tmp_path / "ingest.log")
    pid = fork_command(["ingest", str(corpus), "--db", url, "--no-progress"], log)
    store = Store(url)
    try:
        _wait_for(store, 8, pid)
        store.close()
        own_server.stop("fast")  # every connection dropped
        down = 3.0
        time.sleep(down)
        own_server.start()
        assert wait_child(pid) == 0, Path(log).read_text()[-1500:]
        problems = store.half_written()
    finally:
        store.close()
    retries = Path(log).read_text().count("database unreachable")
    assert retries >= 1, "the run did not notice the outage"
    assert wait_child(fork_command(["ingest", str(corpus), "--db", clean, "--no-progress"])) == 0
    assert problems == []
    assert snapshot(url) == snapshot(clean)
    record("database faults", "PostgreSQL restarted mid-ingest",
           f"server stopped for {down:g} s after 8 stored documents, then started", 1,
           f"{retries} retries logged; run completed; store equal to an uninterrupted run",
           database="PostgreSQL")  # fmt: skip


def test_postgres_kept_down_the_run_gives_up_clearly_and_keeps_what_it_stored(
    pipeline, own_server: OwnServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _write(tmp_path / "c.jsonl", list(generate(60, relevant_share=0.5, seed=12)))
    url = own_server.create("down")
    monkeypatch.setenv("FORCEWATCH_DB_RETRY_SECONDS", "4")
    monkeypatch.setenv("FORCEWATCH_DB_RETRY_BACKOFF", "0.5")
    log = str(tmp_path / "ingest.log")
    pid = fork_command(["ingest", str(corpus), "--db", url, "--no-progress"], log)
    store = Store(url)
    try:
        _wait_for(store, 5, pid)
        store.close()
        own_server.stop("fast")
        stopped = time.monotonic()
        code = wait_child(pid, timeout=60)
        gave_up_after = time.monotonic() - stopped
        own_server.start()
        stored = store.documents()
        problems = store.half_written()
    finally:
        store.close()
    text = Path(log).read_text()
    assert code == 1
    assert "stayed unreachable for 4 s" in text and "run the same command again" in text
    assert "Traceback" not in text
    assert gave_up_after < 30
    assert stored >= 5 and problems == []
    assert wait_child(fork_command(["ingest", str(corpus), "--db", url, "--no-progress"])) == 0
    record("database faults", "PostgreSQL kept down",
           "server stopped mid-ingest and not started; 4 s retry window", 1,
           f"gave up after {gave_up_after:.0f} s with one clear line (exit 1); "
           f"{stored} stored documents kept; a re-run completed", database="PostgreSQL")  # fmt: skip


def _mount_tmpfs(where: Path, size: str) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    return done.returncode == 0


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _ingest(url: str, path: Path) -> subprocess.CompletedProcess[str]:
    import sys

    return subprocess.run(
        [sys.executable, "-m", "forcewatch", "ingest", str(path), "--db", url, "--no-progress"],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_sqlite_on_a_full_then_read_only_file_system_gives_clear_errors_and_no_corruption(
    tmp_path: Path,
) -> None:
    mnt = tmp_path / "small"
    require(os.geteuid() == 0 and _mount_tmpfs(mnt, "3m"), "mounting a tmpfs needs root")
    try:
        url = f"sqlite:///{mnt / 'forcewatch.db'}"
        objs = list(generate(30, relevant_share=0.5, seed=13))
        first = _ingest(url, _write(tmp_path / "first.jsonl", objs[:10]))
        assert first.returncode == 0, first.stderr
        # long council reports (no force words: cheap to analyse) until the 3 MB is full
        big = [
            {"id": f"big-{i}", "title": f"Council minutes {i}",
             "text": " ".join(f"Item {i}.{k}: the committee discussed budget line {k * i}."
                              for k in range(6000))}
            for i in range(20)
        ]  # fmt: skip
        full = _ingest(url, _write(tmp_path / "big.jsonl", big))
        assert full.returncode == 1
        assert "full" in full.stderr.lower() and "Traceback" not in full.stderr
        lines = [line for line in full.stderr.splitlines() if line.startswith("error:")]
        assert lines and all(
            str(mnt / "forcewatch.db") in line or "sqlite" in line for line in lines
        )
        store = Store(url)
        try:
            assert store.half_written() == []
            stored_full = store.documents()
        finally:
            store.close()
        assert stored_full >= 10

        remount = subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True)
        assert remount.returncode == 0, remount.stderr
        ro = _ingest(url, _write(tmp_path / "more.jsonl", objs[20:]))
        assert ro.returncode == 1
        assert "read-only" in ro.stderr.lower() or "readonly" in ro.stderr.lower()
        assert "Traceback" not in ro.stderr
        check = subprocess.run(
            ["python3", "-c", "import sqlite3,sys; c=sqlite3.connect(f'file:{sys.argv[1]}?mode=ro',"
             " uri=True); print(c.execute('PRAGMA integrity_check').fetchone()[0])",
             str(mnt / "forcewatch.db")], capture_output=True, text=True)  # fmt: skip
        assert check.stdout.strip() == "ok", check.stderr
    finally:
        _umount(mnt)
    record("database faults", "SQLite full, then read-only",
           "a 3 MB tmpfs filled by long articles, then remounted read-only", 2,
           "one clear error per refused document naming the file, no traceback, exit 1; "
           "integrity_check ok", database="SQLite")  # fmt: skip
