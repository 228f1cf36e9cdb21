"""Kill a batch run with SIGKILL mid-way, run it again: the store equals a clean run's."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from forcewatch.batch.run import run_batch
from forcewatch.batch.synthetic import write_corpus
from forcewatch.config import Settings
from forcewatch.store.models import BatchShardRow
from tests.snapshot import snapshot

SHARD_LINES = 40
N_DOCS = 640  # 16 shards


def _finished(url: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(BatchShardRow)) or 0
    except SQLAlchemyError:  # not migrated yet
        return 0
    finally:
        engine.dispose()


def _kill_after_shards(url: str, corpus: Path, shards: int, timeout: float = 120.0) -> int:
    """Start `forcewatch batch` in its own process group; SIGKILL it once `shards` are done."""
    cmd = [sys.executable, "-m", "forcewatch", "batch", str(corpus), "--db", url,
           "--workers", "2", "--shard-lines", str(SHARD_LINES), "--no-progress"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            done = _finished(url)
            if done >= shards:
                os.killpg(proc.pid, signal.SIGKILL)  # the driver and the Ray processes it began
                proc.wait(10)
                return done
            time.sleep(0.05)
        pytest.fail(f"batch run ended (code {proc.poll()}) or timed out before {shards} shards")
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    return 0


def test_a_run_killed_mid_way_and_resumed_equals_a_clean_run(
    ray_session, database_url: str, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", N_DOCS, seed=21, relevant_share=0.1)
    killed_at = _kill_after_shards(database_url, corpus, shards=3)
    assert 3 <= _finished(database_url) < N_DOCS // SHARD_LINES, "killed too late to test"

    settings = Settings(database_url=database_url, progress=False)
    resumed = run_batch([corpus], settings, on_error=print, lines_per_shard=SHARD_LINES)
    assert resumed.shards_done_before >= killed_at
    assert resumed.failed == 0
    assert _finished(database_url) == N_DOCS // SHARD_LINES

    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    clean = run_batch(
        [corpus], Settings(database_url=clean_url, progress=False), on_error=print,
        lines_per_shard=SHARD_LINES,
    )  # fmt: skip
    assert clean.relevant > 20
    assert snapshot(database_url) == snapshot(clean_url)
