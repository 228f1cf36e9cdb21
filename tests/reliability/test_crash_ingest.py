"""SIGKILL `forcewatch ingest` at seeded random points, run it again: the store equals an
uninterrupted run's, with the curator's edits, and never holds a half-written row.

Runs on SQLite in the main run and on PostgreSQL in the `-m db` run (`database_url`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forcewatch.batch.synthetic import generate
from forcewatch.store import db as store_db
from forcewatch.store import review
from forcewatch.store.models import MentionRow
from tests.conftest import fresh_database
from tests.reliability.crash import Store, fork_command, kill_at_points, wait_child
from tests.reliability.record import database_name, record, scaled
from tests.snapshot import review_snapshot, snapshot

pytestmark = pytest.mark.reliability

SEED = 20261124
#: where an article was read from is the file it came from in both runs: compared
RACY: set[str] = set()


def _write(path: Path, objs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


def _ingest_args(url: str, *paths: Path) -> list[str]:
    return ["ingest", *map(str, paths), "--db", url, "--no-progress", "--json"]


def _run(url: str, *paths: Path) -> None:
    code = wait_child(fork_command(_ingest_args(url, *paths)))
    assert code == 0, f"ingest exited with {code}"


def _curate(url: str) -> None:
    """Confirm the incident of the earliest stored mention and set its place, as a
    curator would, so the crashes must keep curator edits too."""
    engine = store_db.make_engine(url)
    try:
        sessions = store_db.session_factory(engine)
        with sessions() as session:
            first = session.query(MentionRow).order_by(MentionRow.id).first()
            assert first is not None and first.incident_id is not None
            iid = review.set_status(session, first.incident_id, "confirmed", by="curator")
            review.edit_field(session, iid, "place", "Edited Place", by="curator")
            session.commit()
    finally:
        engine.dispose()


def test_ingest_killed_at_seeded_points_ends_equal_to_an_uninterrupted_run(
    request: pytest.FixtureRequest, pipeline, database_url: str, tmp_path: Path
) -> None:
    kills = scaled(20, 40)
    objs = list(generate(scaled(70, 120), relevant_share=0.45, seed=SEED))
    seed_file = _write(tmp_path / "seed.jsonl", objs[:10])
    rest = _write(tmp_path / "rest.jsonl", objs[10:])
    store = Store(database_url)
    try:
        _run(database_url, seed_file)  # the model is loaded: forked children share it
        _curate(database_url)
        total = len({o["text"] for o in objs})
        log = kill_at_points(
            lambda: fork_command(_ingest_args(database_url, rest)),
            store.documents,
            kills=kills,
            seed=SEED,
            total=total,
        )
        problems_mid = store.half_written()
        _run(database_url, rest)
        problems = store.half_written()
        stored = store.documents()
    finally:
        store.close()

    clean_dir = tmp_path / "clean"
    clean_dir.mkdir()
    with fresh_database(request, clean_dir) as clean:
        _run(clean, seed_file)
        _curate(clean)
        _run(clean, rest)
        same = snapshot(database_url, RACY) == snapshot(clean, RACY)
        same_review = review_snapshot(database_url) == review_snapshot(clean)
        clean_docs = Store(clean)
        try:
            expected = clean_docs.documents()
        finally:
            clean_docs.close()

    db = database_name(database_url)
    record(
        "crash safety",
        "forcewatch ingest killed and re-run",
        "SIGKILL at seeded points (after 0-2 more stored documents + 0-50 ms)",
        log.kills,
        f"{expected - stored if stored < expected else 0} documents lost, "
        f"{max(0, stored - expected)} duplicated, store equal to an uninterrupted run: "
        f"{same and same_review}",
        database=db,
        figures={"kills": log.kills, "runs_ended_before_kill": log.finished},
    )
    assert log.kills >= kills, f"only {log.kills} kills landed ({log.finished} runs ended first)"
    assert log.lost == 0, "a kill lost documents stored before it"
    assert problems_mid == [] and problems == []
    assert stored == expected
    assert same, "documents, mentions, facts or incidents differ from an uninterrupted run"
    assert same_review, "curator decisions or the audit log differ from an uninterrupted run"
