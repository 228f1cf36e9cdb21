"""`run_batch` on a real local Ray runtime: equal to `ingest`, resumable, errors named."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forcewatch.batch.run import run_batch
from forcewatch.cli import app
from forcewatch.config import Settings
from forcewatch.ingest import ingest_paths
from tests.snapshot import snapshot

COUNTS = ("read", "new", "duplicates", "near_duplicates", "relevant", "incidents", "failed")


def _settings(url: str) -> Settings:
    return Settings(database_url=url, progress=False)


@pytest.fixture(scope="module")
def ingested(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    """A single-process ingest of the corpus: the reference every batch run must equal."""
    url = f"sqlite:///{tmp_path_factory.mktemp('ingest') / 'ingest.db'}"
    errors: list[str] = []
    summary = ingest_paths([corpus_dir], _settings(url), on_error=errors.append)
    assert errors == []
    return url, summary.as_dict()


def test_batch_stores_what_a_single_process_ingest_stores(
    ray_session, corpus_dir: Path, database_url: str, ingested: tuple[str, dict]
) -> None:
    reference_url, reference = ingested
    errors: list[str] = []
    summary = run_batch(
        [corpus_dir], _settings(database_url), on_error=errors.append, lines_per_shard=40
    )
    assert errors == []
    assert {k: summary.as_dict()[k] for k in COUNTS} == {k: reference[k] for k in COUNTS}
    assert summary.relevant >= 20 and summary.near_duplicates >= 1 and summary.duplicates >= 3
    assert summary.incidents < summary.relevant  # follow-ups linked to first reports
    assert (summary.shards, summary.shards_done_before, summary.workers) == (8, 0, 2)
    assert snapshot(database_url) == snapshot(reference_url)


def test_rerun_skips_finished_shards_and_changes_nothing(
    ray_session, corpus_dir: Path, database_url: str
) -> None:
    settings = _settings(database_url)
    first = run_batch([corpus_dir], settings, on_error=print, lines_per_shard=60)
    before = snapshot(database_url)
    again = run_batch([corpus_dir], settings, on_error=print, lines_per_shard=60)
    assert (again.shards, again.shards_done_before, again.read, again.new) == (
        first.shards,
        first.shards,
        0,
        0,
    )
    assert snapshot(database_url) == before


def test_a_changed_input_is_read_again_and_its_old_texts_stored_once(
    ray_session, corpus_dir: Path, database_url: str, tmp_path: Path
) -> None:
    news = shutil.copy(corpus_dir / "news.jsonl", tmp_path / "news.jsonl")
    settings = _settings(database_url)
    run_batch([Path(news)], settings, on_error=print, lines_per_shard=100)
    with open(news, "a", encoding="utf-8") as fh:  # the last shard (lines 201-243) changes
        fh.write(json.dumps({"id": "late", "text": "The ferry timetable changes in June."}) + "\n")
    again = run_batch([Path(news)], settings, on_error=print, lines_per_shard=100)
    assert (again.shards_done_before, again.read, again.new) == (2, 43, 1)
    assert again.duplicates == 42


def test_bad_input_is_named_and_the_rest_is_stored(
    ray_session, database_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "some.jsonl"
    good = {"id": "ok", "text": "The library opens a new reading room on Friday morning."}
    path.write_text(json.dumps(good) + "\n{broken\n")
    errors: list[str] = []
    summary = run_batch(
        [path, tmp_path / "nowhere"], _settings(database_url), on_error=errors.append
    )
    assert (summary.read, summary.new, summary.failed) == (1, 1, 2)
    assert errors == [
        f"{tmp_path / 'nowhere'}: no such file or folder; check the path",
        f"{path}:2: not valid JSON (Expecting property name enclosed in double quotes at "
        "column 2); fix the line or remove it",
    ]


def test_cli_batch_prints_the_summary_as_json(
    ray_session, corpus_dir: Path, database_url: str, ingested: tuple[str, dict]
) -> None:
    result = CliRunner().invoke(
        app,
        ["batch", str(corpus_dir / "texts"), "--db", database_url, "--no-progress", "--json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["read"], data["failed"], data["shards"], data["workers"]) == (12, 0, 1, 2)
    assert data["new"] + data["duplicates"] == 12
    assert data["relevant"] >= 1


def test_an_unreachable_cluster_is_one_line_and_exit_1(corpus_dir: Path, tmp_path: Path) -> None:
    port = _closed_port()
    cmd = [sys.executable, "-m", "forcewatch", "batch", str(corpus_dir / "texts"),
           "--db", f"sqlite:///{tmp_path / 'fw.db'}", "--address", f"127.0.0.1:{port}"]  # fmt: skip
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .startswith(f"error: cannot reach the Ray cluster at 127.0.0.1:{port} (")
    )


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when the block ends
