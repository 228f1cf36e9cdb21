"""Parsing RSS and Atom bytes into entries; what is not a feed is named."""

from __future__ import annotations

import datetime as dt

import pytest

from forcewatch.errors import SourceError
from forcewatch.sources.feeds import parse_feed
from tests.feeds.conftest import _atom, _rss

BASE = "http://news.example"


def test_rss_entries_in_order_with_dates() -> None:
    entries = parse_feed(_rss(BASE), f"{BASE}/rss.xml")
    assert [e.url for e in entries] == [
        f"{BASE}/news/harbour-shooting",
        f"{BASE}/news/library-reopens",
        f"{BASE}/private/briefing",
        f"{BASE}/img/photo.png",
        f"{BASE}/news/latest",
    ]
    assert entries[0].title == "Wharf shooting"
    assert entries[0].published == dt.date(2024, 3, 10)


def test_atom_entries_use_the_updated_date() -> None:
    entries = parse_feed(_atom(BASE), f"{BASE}/atom.xml")
    assert len(entries) == 4
    assert entries[1].url == f"{BASE}/news/standoff-farm"
    assert entries[1].published == dt.date(2024, 3, 2)


def test_relative_links_are_resolved_and_repeats_and_fragments_dropped() -> None:
    data = (
        b'<rss version="2.0"><channel><title>t</title>'
        b"<item><link>/a/story#comments</link></item><item><link>/a/story</link></item>"
        b"<item><title>no link</title></item></channel></rss>"
    )
    entries = parse_feed(data, f"{BASE}/feeds/all.xml")
    assert [e.url for e in entries] == [f"{BASE}/a/story"]


@pytest.mark.parametrize(
    "data", [b"}}{{ this is <<not a feed at all", b"", b"<html><body><p>Home</p></body></html>"]
)
def test_what_is_not_a_feed_is_named(data: bytes) -> None:
    with pytest.raises(SourceError) as caught:
        parse_feed(data, f"{BASE}/feed")
    assert str(caught.value).startswith(f"{BASE}/feed: not an RSS or Atom feed")
