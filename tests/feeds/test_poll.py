"""A poll round against the local site, stored in a real database with the real pipeline."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from forcewatch.config import Settings
from forcewatch.ingest import ingest_paths
from forcewatch.sources.poll import PollSummary, poll_round
from forcewatch.store import db as store_db
from forcewatch.store.feeds import add_feed, list_feeds
from forcewatch.store.models import DocumentRow, FeedItemRow
from tests.feeds.conftest import FEED_ETAG, Site
from tests.warc.conftest import write_archive


def _sessions(settings: Settings) -> sessionmaker[Session]:
    engine = store_db.make_engine(settings.database_url)
    store_db.upgrade(engine)
    return store_db.session_factory(engine)


def _follow(sessions: sessionmaker[Session], site: Site, *paths: str) -> None:
    with sessions.begin() as session:
        for path in paths:
            add_feed(session, site.url(path), path.strip("/").split(".")[0])


def _poll(settings: Settings, sessions: sessionmaker[Session]) -> tuple[PollSummary, list[str]]:
    errors: list[str] = []
    return poll_round(settings, sessions, on_error=errors.append), errors


def test_first_poll_stores_new_pages_and_names_each_failure(
    site: Site, fast_settings: Settings
) -> None:
    sessions = _sessions(fast_settings)
    _follow(sessions, site, "/rss.xml", "/atom.xml")
    summary, errors = _poll(fast_settings, sessions)
    assert summary.feeds == 2 and summary.feeds_failed == 0
    assert summary.items == 9
    assert summary.known == 1  # both list the wharf story: the second feed (by name) skips it
    assert summary.fetched == 7  # robots.txt forbids one page
    assert summary.ingest.new == 5
    assert summary.ingest.relevant >= 2
    assert summary.ingest.not_articles == {"no article text": 1, "not HTML": 1}
    assert summary.failed == 2
    assert sorted(errors) == [
        f"feed 'rss': {site.url('/img/photo.png')}: not an HTML page (image/png); "
        "the feed links to something that is not an article",
        f"feed 'rss': {site.url('/private/briefing')}: disallowed by the site's robots.txt "
        f"for '{fast_settings.user_agent}'; not fetched",
    ]
    with sessions() as session:
        docs = {d.url: d for d in session.scalars(select(DocumentRow))}
        items = {i.url: i.status for i in session.scalars(select(FeedItemRow))}
    farm = docs[site.url("/news/standoff-farm")]
    assert farm.source == "atom"
    assert farm.published == dt.date(2024, 3, 2)  # no date on the page: the feed's
    assert "dated by the feed 2024-03-02" in farm.warnings[-1]
    assert docs[site.url("/news/harbour-shooting")].published == dt.date(2024, 2, 13)
    assert items[site.url("/news/latest")] == "skipped"
    assert items[site.url("/img/photo.png")] == "skipped"
    assert site.url("/private/briefing") not in items  # tried again next time
    with sessions() as session:
        health = {f.name: f for f in list_feeds(session)}
    assert health["rss"].etag == FEED_ETAG and health["rss"].last_success_at is not None
    assert health["rss"].items_seen == 5 and health["rss"].new_documents == 1
    assert "image/png" in (health["rss"].last_error or "")
    assert health["atom"].last_error is None and health["atom"].new_documents == 4


def test_second_poll_gets_304_and_fetches_nothing(site: Site, fast_settings: Settings) -> None:
    sessions = _sessions(fast_settings)
    _follow(sessions, site, "/rss.xml", "/atom.xml")
    _poll(fast_settings, sessions)
    before = len(site.requests)
    summary, errors = _poll(fast_settings, sessions)
    assert errors == []
    assert summary.not_modified == 2 and summary.fetched == 0 and summary.ingest.new == 0
    second = site.requests[before:]
    assert sorted(p for p, _ in second) == ["/atom.xml", "/robots.txt", "/rss.xml"]
    assert all(h.get("If-None-Match") == FEED_ETAG for p, h in second if p.endswith(".xml"))


def test_pages_already_stored_from_an_archive_are_not_fetched(
    site: Site, fast_settings: Settings, tmp_path
) -> None:
    sessions = _sessions(fast_settings)
    archive = write_archive(tmp_path / "crawl.warc.gz", base=site.base)
    ingested = ingest_paths([archive], fast_settings, on_error=print, show_progress=False)
    assert ingested.new == 5
    _follow(sessions, site, "/atom.xml")
    summary, errors = _poll(fast_settings, sessions)
    assert errors == []
    assert summary.known == 4 and summary.fetched == 0
    assert not [p for p in site.paths() if p.startswith("/news/")]


def test_same_text_at_a_new_url_is_a_duplicate(site: Site, fast_settings: Settings) -> None:
    sessions = _sessions(fast_settings)
    _follow(sessions, site, "/rss.xml", "/mirror.xml")  # the mirror is polled first
    summary, _ = _poll(fast_settings, sessions)
    assert summary.known == 0 and summary.ingest.new == 2
    assert summary.ingest.duplicates == 1  # fetched, but its text is stored: not stored again
    with sessions() as session:
        statuses = dict(session.execute(select(FeedItemRow.url, FeedItemRow.status)).all())
        n_docs = len(session.scalars(select(DocumentRow.id)).all())
    assert statuses[site.url("/amp/news/harbour-shooting")] == "stored"
    assert statuses[site.url("/news/harbour-shooting")] == "duplicate"
    assert n_docs == 2


def test_bad_feeds_each_get_one_line_and_the_round_goes_on(
    site: Site, fast_settings: Settings
) -> None:
    sessions = _sessions(fast_settings)
    _follow(sessions, site, "/slow.xml", "/broken.xml", "/garbage.xml", "/loop-a", "/atom.xml")
    summary, errors = _poll(fast_settings, sessions)
    assert summary.feeds_failed == 4 and summary.ingest.new == 4
    by_feed = {e.split("'")[1]: e for e in errors}
    assert len(errors) == 4
    assert f"{site.url('/slow.xml')}: timed out" in by_feed["slow"]
    assert f"{site.url('/broken.xml')}: HTTP 500 after 2 attempt(s)" in by_feed["broken"]
    assert f"{site.url('/garbage.xml')}: not an RSS or Atom feed" in by_feed["garbage"]
    assert f"{site.url('/loop-a')}: redirects in a loop" in by_feed["loop-a"]
    with sessions() as session:
        health = {f.name: f for f in list_feeds(session)}
    assert health["broken"].last_success_at is None
    assert "HTTP 500" in (health["broken"].last_error or "")
