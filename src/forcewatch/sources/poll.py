"""One poll round: fetch every followed feed, then each new item's page, and ingest it.

A feed is fetched with a conditional GET (its stored ETag / Last-Modified);
304 means nothing to do. A listed page is fetched only if no poll dealt with
its URL before and no stored document has it as its URL; its text goes
through the same `ingest_document` step as files, so a text already stored
(exactly or nearly) is counted as a duplicate, not stored twice. Every
failure (the feed, or one page) is one line through `on_error`, naming the
feed and URL; the round goes on.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from forcewatch.config import Settings
from forcewatch.errors import ForcewatchError, NoArticleError, SourceError
from forcewatch.ingest import IngestSummary, ingest_document
from forcewatch.pipeline import Pipeline
from forcewatch.records import Document
from forcewatch.sources.feeds import FeedEntry, parse_feed
from forcewatch.sources.fetch import Fetcher
from forcewatch.sources.html import html_document
from forcewatch.sources.warc import HTML_TYPES, NO_TEXT, NOT_HTML
from forcewatch.store import feeds as feed_repo
from forcewatch.store import repo
from forcewatch.store.feeds import FeedView, PollRecord

log = logging.getLogger(__name__)


@dataclass
class PollSummary:
    """What one poll round did; `ingest` counts the pages' documents as `forcewatch ingest` does."""

    feeds: int = 0  # feeds polled
    feeds_failed: int = 0  # feeds that could not be fetched or parsed
    not_modified: int = 0  # feeds that answered 304
    items: int = 0  # entries the feeds listed
    known: int = 0  # of those, pages dealt with before (not fetched)
    fetched: int = 0  # pages fetched
    ingest: IngestSummary = field(default_factory=IngestSummary)

    @property
    def failed(self) -> int:
        return self.feeds_failed + self.ingest.failed

    def as_dict(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "failed": self.failed}


@dataclass
class _Round:
    """What a round shares between feeds."""

    settings: Settings
    sessions: sessionmaker[Session]
    fetcher: Fetcher
    on_error: Callable[[str], None]
    summary: PollSummary
    pipeline: Pipeline
    touched: set[int] = field(default_factory=set)
    not_articles: Counter[str] = field(default_factory=Counter)


def poll_round(
    settings: Settings,
    sessions: sessionmaker[Session],
    *,
    on_error: Callable[[str], None],
    fetcher: Fetcher | None = None,
) -> PollSummary:
    """Poll every followed feed once and ingest the new pages; return what was done."""
    summary = PollSummary()
    with sessions() as session:
        feeds = feed_repo.list_feeds(session)
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    state = _Round(settings, sessions, fetcher, on_error, summary, Pipeline(settings))
    try:
        for feed in feeds:
            summary.feeds += 1
            _poll_feed(feed, state)
    finally:
        if own:
            fetcher.close()
    summary.ingest.not_articles = dict(sorted(state.not_articles.items()))
    with sessions() as session:
        summary.ingest.incidents = len(repo.live_incident_ids(session, state.touched))
    return summary


def _record_poll(state: _Round, feed: FeedView, poll: PollRecord) -> None:
    with state.sessions.begin() as session:
        feed_repo.record_poll(session, feed.id, poll)


def _poll_feed(feed: FeedView, state: _Round) -> None:
    """Fetch one feed and ingest its new pages; write its health."""
    now = dt.datetime.now(dt.UTC)
    try:
        response = state.fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified)
        entries = [] if response.not_modified else parse_feed(response.content, feed.url)
    except SourceError as err:
        message = f"feed {feed.name!r}: {err}"
        state.on_error(message)
        state.summary.feeds_failed += 1
        _record_poll(state, feed, PollRecord(now, error=str(err), feed_ok=False))
        return
    etag = response.headers.get("etag", feed.etag if response.not_modified else None)
    modified = response.headers.get(
        "last-modified", feed.last_modified if response.not_modified else None
    )
    if response.not_modified:
        state.summary.not_modified += 1
        _record_poll(state, feed, PollRecord(now, etag=etag, last_modified=modified))
        return
    state.summary.items += len(entries)
    new_before = state.summary.ingest.new
    error = None
    for entry in entries:
        error = _take_entry(feed, entry, state) or error
    poll = PollRecord(
        now,
        error=error,
        etag=etag,
        last_modified=modified,
        items=len(entries),
        new_documents=state.summary.ingest.new - new_before,
    )
    _record_poll(state, feed, poll)


def _fail(feed: FeedView, state: _Round, err: ForcewatchError) -> str:
    state.summary.ingest.failed += 1
    state.on_error(f"feed {feed.name!r}: {err}")
    return str(err)


def _skip(feed: FeedView, state: _Round, url: str, reason: str) -> None:
    state.not_articles[reason] += 1
    with state.sessions.begin() as session:
        feed_repo.record_item(session, feed.id, url, "skipped", detail=reason)


def _take_entry(feed: FeedView, entry: FeedEntry, state: _Round) -> str | None:
    """Fetch and ingest one listed page unless it is known; return the failure, if any."""
    with state.sessions() as session:
        if feed_repo.is_known(session, entry.url):
            state.summary.known += 1
            return None
    try:
        response = state.fetcher.get(entry.url)
    except SourceError as err:  # not recorded: tried again next round
        return _fail(feed, state, err)
    state.summary.fetched += 1
    if response.media_type and response.media_type not in HTML_TYPES:
        _skip(feed, state, entry.url, NOT_HTML)
        err = SourceError(
            f"{entry.url}: not an HTML page ({response.media_type}); "
            "the feed links to something that is not an article"
        )
        return _fail(feed, state, err)
    try:
        doc = _document(feed, entry, response.url, response.content, response.charset)
    except NoArticleError:
        _skip(feed, state, entry.url, NO_TEXT)
        return None
    except SourceError as err:  # binary, or no text encoding fits
        _skip(feed, state, entry.url, NOT_HTML)
        return _fail(feed, state, err)
    state.summary.ingest.read += 1
    try:
        outcome = ingest_document(
            doc, state.sessions, state.pipeline, state.summary.ingest, state.touched
        )
    except ForcewatchError as err:  # not recorded: tried again next round
        return _fail(feed, state, err)
    status = "stored" if outcome is not None and outcome.new else "duplicate"
    with state.sessions.begin() as session:
        feed_repo.record_item(
            session,
            feed.id,
            entry.url,
            status,
            document_id=outcome.document_id if outcome is not None else None,
        )
    return None


def _document(
    feed: FeedView, entry: FeedEntry, url: str, content: bytes, charset: str | None
) -> Document:
    """Return the page as a Document of the feed's outlet, dated by the feed if not by the page."""
    doc = html_document(content, entry.url, external_id=entry.url, url=url, charset=charset)
    warnings = list(doc.warnings)
    published = doc.published
    if published is None and entry.published is not None:
        published = entry.published
        warnings.append(f"no publication date on the page; dated by the feed {published}")
    return dataclasses.replace(
        doc,
        title=doc.title or entry.title,
        source=feed.name,
        published=published,
        warnings=tuple(warnings),
    )
