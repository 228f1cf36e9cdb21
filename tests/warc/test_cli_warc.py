"""`forcewatch ingest FILE.warc.gz`: stored documents, skip reasons, a cut-off file."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from typer.testing import CliRunner

from forcewatch.cli import app
from forcewatch.store import db as store_db
from forcewatch.store.models import DocumentRow
from tests.feeds.pages import STORIES

runner = CliRunner()
SKIPS = {"no article text": 1, "non-200 status": 1, "not HTML": 1, "not a response": 2}


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def _documents(url: str) -> dict[str, DocumentRow]:
    engine = store_db.make_engine(url)
    with store_db.session_factory(engine)() as session:
        rows = {r.url: r for r in session.scalars(select(DocumentRow))}
    engine.dispose()
    return rows


def test_ingest_warc_stores_articles_with_url_and_dates(archive, database_url: str) -> None:
    path = archive()
    result = _run("ingest", str(path), "--db", database_url, "--json", "--no-progress")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["read"] == summary["new"] == len(STORIES)
    assert summary["failed"] == 0
    assert summary["not_articles"] == SKIPS
    docs = _documents(database_url)
    assert set(docs) == {f"https://daily.example/news/{s.slug}" for s in STORIES}
    wharf = docs["https://daily.example/news/harbour-shooting"]
    assert wharf.fmt == "warc" and wharf.source == "daily.example"
    assert wharf.origin.startswith(f"{path}#")
    assert wharf.published == dt.date(2024, 2, 13)
    assert docs["https://daily.example/news/standoff-farm"].published == dt.date(2024, 3, 10)
    assert wharf.relevant
    again = _run("ingest", str(path), "--db", database_url, "--json", "--no-progress")
    assert json.loads(again.stdout)["duplicates"] == len(STORIES)


def test_ingest_truncated_warc_names_it_exits_1_and_keeps_the_rest(
    archive, database_url: str
) -> None:
    path = archive()
    path.write_bytes(path.read_bytes()[:-200])
    result = _run("ingest", str(path), "--db", database_url, "--no-progress")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {path}: cut off at byte ")
    assert "not articles 4 (non-200 status 1, not HTML 1, not a response 2)" in result.stderr
    assert len(_documents(database_url)) == len(STORIES)
