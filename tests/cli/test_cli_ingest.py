"""The forcewatch command end to end on a real SQLite file: ingest, list, show, export."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from forcewatch.cli import app
from tests.conftest import EXAMPLES, fresh_database, query

runner = CliRunner()
pytestmark = pytest.mark.db  # examples_db runs on PostgreSQL too (FORCEWATCH_TEST_DB)


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def examples_db(request, tmp_path_factory):
    """A database (SQLite or PostgreSQL) filled once by ingesting examples/."""
    with fresh_database(request, tmp_path_factory.mktemp("db")) as url:
        result = _run("ingest", str(EXAMPLES), "--db", url, "--json", "--no-progress")
        assert result.exit_code == 0, result.output
        yield url, json.loads(result.stdout)


def test_ingest_examples_reports_documents_and_incidents(examples_db):
    _, summary = examples_db
    assert summary["read"] == 13
    assert summary["new"] == 13
    assert summary["duplicates"] == 0
    assert summary["failed"] == 0
    assert 7 <= summary["relevant"] <= 10
    assert summary["incidents"] >= summary["relevant"]


def test_second_ingest_adds_nothing(examples_db):
    url, first = examples_db
    before = query(url, "select count(*) from documents")[0][0]
    result = _run("ingest", str(EXAMPLES), "--db", url, "--json", "--no-progress")
    summary = json.loads(result.stdout)
    assert summary["new"] == 0 and summary["duplicates"] == 13 and summary["incidents"] == 0
    after = query(url, "select count(*) from documents")[0][0]
    assert before == after == 13


def test_incidents_json_lists_the_named_fatal_nz_shooting(examples_db):
    url, _ = examples_db
    result = _run("incidents", "--db", url, "--json", "--country", "nz", "--outcome", "fatal")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert any(r["subject"] == "Hohepa Karaitiana" for r in rows)
    assert all(r["country"] == "NZ" and r["outcome"] == "fatal" for r in rows)


def test_incidents_since_filters_by_incident_date(examples_db):
    url, _ = examples_db
    rows = json.loads(_run("incidents", "--db", url, "--json", "--since", "2100-01-01").stdout)
    assert rows == []


def test_show_prints_evidence_sentences_and_sources(examples_db):
    url, _ = examples_db
    rows = json.loads(_run("incidents", "--db", url, "--json").stdout)
    named = next(r for r in rows if r["subject"] == "Hohepa Karaitiana")
    result = _run("show", str(named["id"]), "--db", url)
    assert result.exit_code == 0
    assert "Hohepa Karaitiana" in result.stdout
    assert "nz-fatal-shooting-whanganui.txt" in result.stdout
    assert "> " in result.stdout  # quoted evidence sentences


def test_show_unknown_id_fails_with_a_clear_message(examples_db):
    url, _ = examples_db
    result = _run("show", "99999", "--db", url)
    assert result.exit_code == 1
    assert "no incident with id 99999" in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl"])
def test_export_lists_source_ids(examples_db, tmp_path, fmt):
    url, _ = examples_db
    out = tmp_path / f"incidents.{fmt}"
    result = _run("export", "--format", fmt, "--output", str(out), "--db", url)
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    elif fmt == "json":
        rows = json.loads(out.read_text(encoding="utf-8"))
    else:
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows
    assert {"incident_id", "subject_name", "outcome", "source_ids", "source_urls"} <= set(rows[0])
    assert all(r["source_ids"] for r in rows)
    assert any("nz-fatal-shooting-whanganui.txt" in r["source_ids"] for r in rows)


def test_negative_examples_give_no_incident(examples_db):
    url, _ = examples_db
    relevant = dict(query(url, "select external_id, relevant from documents"))
    for name, flag in relevant.items():
        if "/neg-" in name or name.startswith("neg-"):
            assert not flag, name


def test_incidents_on_a_database_never_created_says_what_to_do(tmp_path):
    result = _run("incidents", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert result.exit_code == 1
    assert "forcewatch db upgrade" in result.stderr or "ingest" in result.stderr


def test_usage_error_exits_2():
    result = runner.invoke(app, ["incidents", "--since", "not-a-date"])
    assert result.exit_code == 2
