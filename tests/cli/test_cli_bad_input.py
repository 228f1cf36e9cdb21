"""Bad input: one clear line per failure naming the file, the rest ingested, exit code 1."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from forcewatch.cli import app

runner = CliRunner()

ARTICLE = (
    "Council approves new library\n\n"
    "The district council voted on Tuesday to build a new library beside the town hall.\n"
    "Councillors said the building would open in two years and cost less than expected.\n"
)


def _ingest(db, *paths):
    return runner.invoke(app, ["ingest", *map(str, paths), "--db", db, "--json", "--no-progress"])


def test_each_bad_file_is_named_and_the_good_one_is_stored(tmp_path, database_url):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    bad_jsonl = tmp_path / "bad.jsonl"
    bad_jsonl.write_text(
        '{"id": "a1", "text": "' + ARTICLE.replace("\n", " ") + ' more"}\n'
        "this is not json\n"
        '{"id": "a3", "title": "no text here"}\n',
        encoding="utf-8",
    )
    missing = tmp_path / "missing.html"
    result = _ingest(database_url, good, empty, binary, bad_jsonl, missing)
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    # good.txt is stored; bad.jsonl line 1 is its text plus a word: a near-duplicate source
    assert (summary["new"], summary["near_duplicates"]) == (1, 1)
    assert summary["failed"] == 5
    err = result.stderr
    assert "empty.txt" in err and "image.txt" in err and "missing.html" in err
    assert "bad.jsonl:2" in err and "bad.jsonl:3" in err
    assert "'text'" in err


def test_non_utf8_text_is_decoded_with_a_warning(tmp_path, database_url, caplog):
    latin = tmp_path / "cafe.txt"
    latin.write_bytes(
        "Café owner fined\n\nThe café in Nelson was fined for a déjà vu offence.".encode("cp1252")
    )
    result = _ingest(database_url, latin)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["new"] == 1
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("cafe.txt" in w and "not valid UTF-8; decoded as cp1252" in w for w in warnings)


def test_malformed_html_without_article_fails_by_name(tmp_path, database_url):
    page = tmp_path / "broken.html"
    page.write_text("<html><body><div><p>Menu</div></span></body", encoding="utf-8")
    result = _ingest(database_url, page)
    assert result.exit_code == 1
    assert "broken.html" in result.stderr


def test_same_text_in_two_files_is_stored_once(tmp_path, database_url):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text(ARTICLE, encoding="utf-8")
    summary = json.loads(_ingest(database_url, a, b).stdout)
    assert summary["new"] == 1 and summary["duplicates"] == 1
