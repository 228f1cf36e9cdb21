"""`forcewatch feeds add|list|remove` and `forcewatch poll` end to end against the local site."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from forcewatch.cli import app
from forcewatch.cli_feeds import parse_every
from tests.feeds.conftest import TIMEOUT, Site

runner = CliRunner()


@pytest.fixture(autouse=True)
def _fast(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {
        "HOST_DELAY": "0",
        "FETCH_TIMEOUT": str(TIMEOUT),
        "FETCH_RETRIES": "1",
        "FETCH_BACKOFF": "0",
    }.items():
        monkeypatch.setenv(f"FORCEWATCH_{name}", value)


def _run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_feeds_add_list_remove(site: Site, database_url: str) -> None:
    added = _run("feeds", "add", site.url("/rss.xml"), "--name", "daily", "--db", database_url)
    assert added.exit_code == 0, added.output
    assert f"following 'daily' ({site.url('/rss.xml')})" in added.stderr
    default = _run("feeds", "add", site.url("/atom.xml"), "--db", database_url)
    assert default.exit_code == 0
    listed = _run("feeds", "list", "--db", database_url, "--json")
    rows = json.loads(listed.stdout)
    assert [r["name"] for r in rows] == [site.url("/atom.xml")[7:], "daily"]
    assert rows[1]["last_success_at"] is None and rows[1]["items_seen"] == 0
    table = _run("feeds", "list", "--db", database_url)
    assert "last success never; items seen 0; new documents 0" in table.stdout
    removed = _run("feeds", "remove", "daily", "--db", database_url)
    assert removed.exit_code == 0
    assert "no longer following 'daily'" in removed.stderr
    again = _run("feeds", "remove", site.url("/rss.xml"), "--db", database_url)
    assert again.exit_code == 1
    assert f"no feed named or at '{site.url('/rss.xml')}'" in again.stderr


def test_feeds_add_refuses_a_repeat_and_a_non_http_url(site: Site, database_url: str) -> None:
    assert _run("feeds", "add", site.url("/rss.xml"), "--db", database_url).exit_code == 0
    repeat = _run("feeds", "add", site.url("/rss.xml"), "--name", "x", "--db", database_url)
    assert repeat.exit_code == 1
    assert "is followed already" in repeat.stderr
    ftp = _run("feeds", "add", "ftp://files.example/feed", "--db", database_url)
    assert ftp.exit_code == 1
    assert "ftp://files.example/feed: not an http(s) feed URL" in ftp.stderr


def test_poll_once_twice_stores_nothing_new_the_second_time(site: Site, database_url: str) -> None:
    _run("feeds", "add", site.url("/atom.xml"), "--name", "atom", "--db", database_url)
    first = _run("poll", "--once", "--db", database_url, "--json")
    assert first.exit_code == 0, first.output
    summary = json.loads(first.stdout)
    assert summary["ingest"]["new"] == 4 and summary["failed"] == 0
    second = _run("poll", "--once", "--db", database_url)
    assert second.exit_code == 0
    assert "feeds 1 (1 not modified, 0 failed)" in second.stderr
    assert "pages fetched 0, new 0" in second.stderr
    listed = _run("feeds", "list", "--db", database_url)
    assert "items seen 4; new documents 4" in listed.stdout


def test_poll_exits_1_with_one_named_line_per_failure(site: Site, database_url: str) -> None:
    for name in ("slow", "broken", "garbage", "loop-a", "rss"):
        path = f"/{name}.xml" if name != "loop-a" else "/loop-a"
        _run("feeds", "add", site.url(path), "--name", name, "--db", database_url)
    result = _run("poll", "--once", "--db", database_url)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 6
    for name, what in [
        ("slow", "timed out"),
        ("broken", "HTTP 500"),
        ("garbage", "not an RSS or Atom feed"),
        ("loop-a", "redirects in a loop"),
    ]:
        assert any(e.startswith(f"error: feed '{name}': ") and what in e for e in errors), name
    assert any("image/png" in e for e in errors)
    assert any("robots.txt" in e for e in errors)
    assert "failed 6" in result.stderr


def test_poll_usage_errors_exit_2(database_url: str) -> None:
    both = _run("poll", "--once", "--every", "5m", "--db", database_url)
    assert both.exit_code == 2
    bad = _run("poll", "--every", "soon", "--db", database_url)
    assert bad.exit_code == 2
    assert "--every 'soon': give a duration such as 90s, 15m or 2h" in bad.stderr


@pytest.mark.parametrize(
    ("value", "seconds"), [("90", 90), ("30s", 30), ("15m", 900), ("2h", 7200), ("1d", 86400)]
)
def test_parse_every(value: str, seconds: float) -> None:
    assert parse_every(value) == seconds


@pytest.mark.parametrize("value", ["", "0", "-5m", "15 minutes", "m"])
def test_parse_every_refuses(value: str) -> None:
    with pytest.raises(ValueError):
        parse_every(value)
