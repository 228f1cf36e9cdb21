"""RSS and Atom feeds: the entries (page URL, title, date) in a feed's bytes, via feedparser.

feedparser is given bytes the fetcher got (it never fetches anything itself).
A response that is not a feed at all (HTML, garbage, an empty body) is a
SourceError naming the feed; a feed with a small XML slip that still lists
entries is read, as feedparser reads it.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

import feedparser

from forcewatch.errors import SourceError


@dataclass(frozen=True)
class FeedEntry:
    """One item a feed lists: the page to fetch, and what the feed says about it."""

    url: str
    title: str | None
    published: dt.date | None


def _date(entry: feedparser.FeedParserDict) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


#: an internal DTD subset or entity declaration in a feed's prologue
_ENTITY_RE = re.compile(rb"<!(?:ENTITY|DOCTYPE[^>]*\[)", re.I)
_DTD_SCAN = 1 << 16


def parse_feed(data: bytes, feed_url: str) -> list[FeedEntry]:
    """Return the entries of an RSS or Atom feed in feed order, each URL once."""
    if _ENTITY_RE.search(data[:_DTD_SCAN]):
        raise SourceError(
            f"{feed_url}: the feed declares XML entities (a DTD); refused, as entity "
            "expansion can exhaust memory (billion laughs): RSS and Atom feeds need none"
        )
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        why = f" ({type(reason).__name__}: {reason})" if reason else ""
        raise SourceError(
            f"{feed_url}: not an RSS or Atom feed{why}; check that the URL is the feed itself, "
            "not the site's home page"
        )
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        url = urldefrag(urljoin(feed_url, link.strip())).url
        if url in seen:
            continue
        seen.add(url)
        entries.append(FeedEntry(url, entry.get("title"), _date(entry)))
    return entries
