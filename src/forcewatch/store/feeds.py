"""The feed repository: followed feeds, their fetch state and health, the pages polled.

`forcewatch feeds` adds, lists and removes feeds here; `forcewatch poll`
reads their ETag / Last-Modified, records each page it dealt with (so none is
fetched twice) and writes each feed's health after every round.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from forcewatch.errors import StoreError
from forcewatch.store.models import DocumentRow, DocumentSourceRow, FeedItemRow, FeedRow


@dataclass(frozen=True)
class FeedView:
    """One followed feed as `feeds list` shows it."""

    id: int
    name: str
    url: str
    etag: str | None
    last_modified: str | None
    added_at: dt.datetime
    last_polled_at: dt.datetime | None
    last_success_at: dt.datetime | None
    last_error_at: dt.datetime | None
    last_error: str | None
    items_seen: int
    new_documents: int


@dataclass(frozen=True)
class PollRecord:
    """What one poll of one feed did, written back as its health."""

    at: dt.datetime
    error: str | None = None  # the feed's own failure, or the last page failure
    feed_ok: bool = True  # the feed itself was fetched (200 or 304)
    etag: str | None = None
    last_modified: str | None = None
    items: int = 0  # entries the feed listed this time
    new_documents: int = 0


def _view(row: FeedRow) -> FeedView:
    return FeedView(
        row.id,
        row.name,
        row.url,
        row.etag,
        row.last_modified,
        row.added_at,
        row.last_polled_at,
        row.last_success_at,
        row.last_error_at,
        row.last_error,
        row.items_seen,
        row.new_documents,
    )


def default_name(url: str) -> str:
    """Return a feed's name when none is given: its host and path, e.g. news.example/rss."""
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}".rstrip("/") or url


def add_feed(session: Session, url: str, name: str | None = None) -> FeedView:
    """Follow a feed; StoreError if its URL or name is followed already. The caller commits."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise StoreError(f"{url}: not an http(s) feed URL; give the feed's web address")
    name = name or default_name(url)
    clash = session.scalar(select(FeedRow).where(or_(FeedRow.url == url, FeedRow.name == name)))
    if clash is not None:
        raise StoreError(
            f"feed {clash.name!r} ({clash.url}) is followed already; "
            "pick another --name or remove it first"
        )
    row = FeedRow(
        name=name,
        url=url,
        added_at=dt.datetime.now(dt.UTC),
        items_seen=0,
        new_documents=0,
    )
    session.add(row)
    session.flush()
    return _view(row)


def list_feeds(session: Session) -> list[FeedView]:
    """Return every followed feed by name."""
    return [_view(r) for r in session.scalars(select(FeedRow).order_by(FeedRow.name))]


def remove_feed(session: Session, name_or_url: str) -> FeedView:
    """Stop following a feed (its documents stay); StoreError if none has that name or URL."""
    row = session.scalar(
        select(FeedRow).where(or_(FeedRow.name == name_or_url, FeedRow.url == name_or_url))
    )
    if row is None:
        raise StoreError(
            f"no feed named or at {name_or_url!r}; `forcewatch feeds list` shows the feeds"
        )
    view = _view(row)
    session.delete(row)
    return view


def is_known(session: Session, url: str) -> bool:
    """Return True if a poll dealt with this page, or a document from it is stored."""
    for column in (FeedItemRow.url, DocumentRow.url, DocumentSourceRow.url):
        if session.scalar(select(column).where(column == url).limit(1)) is not None:
            return True
    return False


def record_item(
    session: Session,
    feed_id: int,
    url: str,
    status: str,
    *,
    detail: str | None = None,
    document_id: int | None = None,
) -> None:
    """Note that a page was dealt with ("stored", "duplicate" or "skipped"). The caller commits."""
    if session.scalar(select(FeedItemRow.id).where(FeedItemRow.url == url)) is not None:
        return  # another feed listed the same page in this round
    session.add(
        FeedItemRow(
            feed_id=feed_id,
            url=url,
            status=status,
            detail=detail,
            document_id=document_id,
            fetched_at=dt.datetime.now(dt.UTC),
        )
    )


def record_poll(session: Session, feed_id: int, poll: PollRecord) -> None:
    """Write one poll's outcome into the feed's fetch state and health. The caller commits."""
    row = session.get(FeedRow, feed_id)
    if row is None:  # removed while the round ran
        return
    row.last_polled_at = poll.at
    if poll.feed_ok:
        row.last_success_at = poll.at
        if poll.etag is not None or poll.last_modified is not None:
            row.etag, row.last_modified = poll.etag, poll.last_modified
    if poll.error is not None:
        row.last_error_at, row.last_error = poll.at, poll.error
    row.items_seen += poll.items
    row.new_documents += poll.new_documents
