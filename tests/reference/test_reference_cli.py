"""`forcewatch reference import|list|match` end to end on a real SQLite file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from forcewatch.cli import app
from tests.conftest import DATA, require

from .conftest import NZ_HEADER, NZ_ROWS, write_csv

runner = CliRunner()
STORIES = DATA / "reference" / "nz-stories.jsonl"
LINKING_STORIES = DATA / "linking" / "nz-reference-stories.jsonl"


def _run(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture
def db(database_url: str) -> str:
    assert _run("db", "upgrade", "--db", database_url).exit_code == 0
    return database_url


def _match(db: str, *extra: str) -> dict:
    result = _run("reference", "match", "--db", db, "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _stories_match(db: str, shared_data, stories) -> tuple[dict, dict]:
    nz = shared_data / "reference" / "nz-police-shootings.csv"
    assert _run("reference", "import", str(nz), "--format", "nz-police", "--db", db).exit_code == 0
    ingest = _run("ingest", str(stories), "--db", db, "--no-progress", "--json")
    assert ingest.exit_code == 0, ingest.output
    (part,) = _match(db, "--list", "nz-police")["lists"]
    docs = {}
    for line in stories.read_text("utf-8").splitlines():
        doc = json.loads(line)
        docs[doc["id"]] = doc
    return part, docs


def _incident_doc(db: str) -> dict[int, str]:
    """Return incident id -> the external id of its first source document."""
    rows = json.loads(_run("export", "-o", "-", "-f", "json", "--db", db).stdout)
    return {r["incident_id"]: r["source_ids"].split("|")[0] for r in rows}


def test_import_then_reimport_reports_new_then_nothing_new(db, nz_csv):
    first = _run("reference", "import", str(nz_csv), "-f", "nz-police", "--db", db, "--json")
    again = _run("reference", "import", str(nz_csv), "-f", "nz-police", "--db", db)
    assert first.exit_code == 0 and json.loads(first.stdout)["new"] == 4
    assert again.exit_code == 0
    assert "4 rows read, 0 new, 0 updated, 4 unchanged" in again.stderr
    listed = json.loads(_run("reference", "list", "--db", db, "--json").stdout)
    assert [(x["name"], x["records"]) for x in listed] == [("nz-police", 4)]


def test_missing_columns_exit_2_and_import_nothing(db, tmp_path):
    path = write_csv(tmp_path / "short.csv", '"Incident.Date","District"', ["2014-01-01,Waikato"])
    result = _run("reference", "import", str(path), "-f", "nz-police", "--db", db)
    assert result.exit_code == 2
    assert "short.csv: missing column(s) 'Outcome.of.Shots.Fired'" in result.stderr
    assert json.loads(_run("reference", "list", "--db", db, "--json").stdout) == []


def test_bad_rows_are_named_the_rest_imported_and_exit_1(db, tmp_path):
    rows = [NZ_ROWS[0], 'soon,"Waikato","Fatal","x",NA,30,"M","Unknown",NA', NZ_ROWS[1], NZ_ROWS[1]]
    path = write_csv(tmp_path / "nz-police-shootings.csv", NZ_HEADER, rows)
    result = _run("reference", "import", str(path), "-f", "nz-police", "--db", db)
    assert result.exit_code == 1
    assert (
        "error: nz-police-shootings.csv row 2: Incident.Date 'soon' is not a date (YYYY-MM-DD); "
        "row skipped" in result.stderr
    )
    assert "warning: nz-police-shootings.csv row 4 duplicates row 3; kept once" in result.stderr
    assert "2 new" in result.stderr


def test_csv_format_with_the_example_mapping_imports_wapo(db, shared_data):
    from tests.conftest import EXAMPLES

    wapo = shared_data / "reference" / "wapo-fatal-police-shootings.csv"
    mapping = EXAMPLES / "reference" / "wapo-mapping.toml"
    result = _run("reference", "import", str(wapo), "-f", "csv", "--mapping", str(mapping),
                  "--db", db, "--json")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["list_name"] == "wapo-via-mapping"
    assert json.loads(result.stdout)["new"] == 3440


def test_bad_format_and_since_are_usage_errors(db, nz_csv):
    bad = _run("reference", "import", str(nz_csv), "-f", "excel", "--db", db)
    assert bad.exit_code == 2 and "'excel': use nz-police, wapo or csv" in bad.output
    since = _run("reference", "match", "--since", "last week", "--db", db)
    assert since.exit_code == 2 and "is not a date" in since.output


def test_invented_nz_stories_match_their_rows_and_the_unlisted_one_is_news_only(db, shared_data):
    part, docs = _stories_match(db, shared_data, STORIES)
    source = _incident_doc(db)
    matched = {source[m["incident"]["id"]]: m for m in part["matched"]}
    for doc_id, doc in docs.items():
        if doc["reference_row"] is None:
            assert doc_id not in matched
            assert doc_id in {source[i["id"]] for i in part["news_only"]}
        else:
            assert matched[doc_id]["record"]["row_number"] == doc["reference_row"], doc_id
    rotorua = matched["ref-nz-rotorua"]
    assert rotorua["reasons"][:2] == ["date same day", "district Bay of Plenty = Rotorua"]
    assert part["list_only"] and all(r["row_number"] != 80 for r in part["list_only"])


def test_since_limits_list_only_records(db, shared_data):
    part, _ = _stories_match(db, shared_data, STORIES)
    (recent,) = _match(db, "--since", "2021")["lists"]
    assert len(part["list_only"]) > 100
    assert [r["row_number"] for r in recent["list_only"]] == [106, 107, 108, 109]
    text = _run("reference", "match", "--db", db, "--since", "2019-12-01")
    assert text.exit_code == 0
    assert "district Eastern = " in text.stdout and "news-only incidents" not in text.stdout


def test_linking_corpus_stories_match_their_rows(db, shared_data):
    require(LINKING_STORIES.is_file(), f"{LINKING_STORIES} (written with the linking work)")
    part, docs = _stories_match(db, shared_data, LINKING_STORIES)
    source_ids = {}
    rows = json.loads(_run("export", "-o", "-", "-f", "json", "--db", db).stdout)
    for r in rows:
        for doc_id in r["source_ids"].split("|"):
            source_ids[doc_id] = r["incident_id"]
    by_incident = {m["incident"]["id"]: m["record"]["row_number"] for m in part["matched"]}
    wrong = {}
    for doc_id, doc in docs.items():
        got = by_incident.get(source_ids.get(doc_id))
        if got != doc["reference_row"]:
            wrong[doc_id] = (doc["reference_row"], got)
    assert wrong == {}, f"document: (expected row, matched row): {wrong}"


def test_show_lists_the_reference_row_an_incident_matched(db, shared_data):
    part, _ = _stories_match(db, shared_data, STORIES)
    pair = part["matched"][0]
    incident_id, row = pair["incident"]["id"], pair["record"]["row_number"]
    shown = _run("show", str(incident_id), "--db", db)
    assert shown.exit_code == 0, shown.output
    assert f"nz-police row {row}:" in shown.stdout
    assert "; ".join(pair["reasons"]) in shown.stdout
    as_json = json.loads(_run("show", str(incident_id), "--db", db, "--json").stdout)
    assert [r["record"]["row_number"] for r in as_json["references"]] == [row]
