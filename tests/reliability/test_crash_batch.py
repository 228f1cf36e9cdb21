"""SIGKILL `forcewatch batch` (the driver and its process group) at seeded points, run it
again: the store equals an uninterrupted batch run's, whole shards only.

The runs connect to the session's Ray runtime (`--address`), as a batch run on a shared
cluster does, so a kill cycle does not pay for starting Ray. Runs on SQLite in the main
run and on PostgreSQL in the `-m db` run (`database_url`).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from forcewatch.batch.synthetic import write_corpus
from forcewatch.store.models import BatchShardRow
from tests.conftest import fresh_database
from tests.reliability.crash import Store, kill_at_points, wait_child
from tests.reliability.record import database_name, record, scaled
from tests.snapshot import snapshot

pytestmark = pytest.mark.reliability

SEED = 20261125
SHARD_LINES = 2


def _start(url: str, corpus: Path, address: str) -> int:
    cmd = [sys.executable, "-m", "forcewatch", "batch", str(corpus), "--db", url,
           "--address", address, "--shard-lines", str(SHARD_LINES), "--no-progress"]  # fmt: skip
    proc = subprocess.Popen(
        cmd, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return proc.pid


def test_batch_killed_at_seeded_points_ends_equal_to_an_uninterrupted_run(
    request: pytest.FixtureRequest, ray_session, database_url: str, tmp_path: Path
) -> None:
    kills = scaled(20, 40)
    # A run stores the shards whose results have arrived until the kill lands (a few
    # per kill), so the corpus has room for six shards per kill point.
    n_docs = SHARD_LINES * kills * 6
    corpus = write_corpus(tmp_path / "corpus.jsonl", n_docs, seed=SEED, relevant_share=0.2)
    address = ray_session.get_runtime_context().gcs_address
    store = Store(database_url)
    try:
        log = kill_at_points(
            lambda: _start(database_url, corpus, address),
            lambda: store.count(BatchShardRow),
            kills=kills,
            seed=SEED,
            total=n_docs // SHARD_LINES,
            step=(0, 1),
            max_delay=0.3,
        )
        problems_mid = store.half_written()
        assert wait_child(_start(database_url, corpus, address)) == 0
        problems = store.half_written()
        shards = store.count(BatchShardRow)
        stored = store.documents()
    finally:
        store.close()

    clean_dir = tmp_path / "clean"
    clean_dir.mkdir()
    with fresh_database(request, clean_dir) as clean:
        assert wait_child(_start(clean, corpus, address)) == 0
        same = snapshot(database_url) == snapshot(clean)
        clean_store = Store(clean)
        try:
            expected = clean_store.documents()
        finally:
            clean_store.close()

    record(
        "crash safety",
        "forcewatch batch killed and re-run",
        "SIGKILL of the driver's process group at seeded points (after 0-1 more "
        "finished shards + 0-300 ms)",
        log.kills,
        f"{max(0, expected - stored)} documents lost, {max(0, stored - expected)} "
        f"duplicated, store equal to an uninterrupted run: {same}",
        database=database_name(database_url),
        figures={"kills": log.kills, "runs_ended_before_kill": log.finished},
    )
    assert log.kills >= kills, f"only {log.kills} kills landed ({log.finished} runs ended first)"
    assert log.lost == 0
    assert problems_mid == [] and problems == []
    assert shards == n_docs // SHARD_LINES
    assert stored == expected
    assert same, "the killed and resumed store differs from an uninterrupted run"
