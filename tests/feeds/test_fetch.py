"""The polite fetcher against the local test site: robots.txt, delays, retries, failures."""

from __future__ import annotations

import pytest

from forcewatch import __version__
from forcewatch.config import Settings
from forcewatch.errors import FetchError
from forcewatch.sources.fetch import Fetcher
from tests.feeds.conftest import FEED_ETAG, FEED_MODIFIED, TIMEOUT, Site


def _settings(**overrides: object) -> Settings:
    base: dict[str, object] = {
        "progress": False,
        "host_delay": 0,
        "fetch_timeout": TIMEOUT,
        "fetch_retries": 1,
        "fetch_backoff": 0,
    }
    return Settings(**{**base, **overrides})  # type: ignore[arg-type]


class FakeTime:
    """A clock that only moves when the fetcher sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def test_get_sends_the_user_agent_and_asks_robots_txt_once(site: Site) -> None:
    with Fetcher(_settings()) as fetcher:
        first = fetcher.get(site.url("/news/harbour-shooting"))
        fetcher.get(site.url("/news/netball-final"))
    assert first.status == 200 and first.media_type == "text/html"
    assert first.charset == "utf-8"
    assert b"Penrose wharf" in first.content
    assert site.paths() == ["/robots.txt", "/news/harbour-shooting", "/news/netball-final"]
    agents = {headers["User-Agent"] for _, headers in site.requests}
    assert agents == {f"forcewatch/{__version__} (+https://github.com/forcewatch)"}


def test_robots_txt_disallowed_path_is_not_fetched(site: Site) -> None:
    url = site.url("/private/briefing")
    with Fetcher(_settings()) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert str(caught.value).startswith(f"{url}: disallowed by the site's robots.txt")
    assert "/private/briefing" not in site.paths()


def test_conditional_get_answers_304_with_etag_or_last_modified(site: Site) -> None:
    with Fetcher(_settings()) as fetcher:
        full = fetcher.get(site.url("/rss.xml"))
        by_etag = fetcher.get(site.url("/rss.xml"), etag=FEED_ETAG)
        by_date = fetcher.get(site.url("/rss.xml"), last_modified=FEED_MODIFIED)
    assert full.status == 200 and full.headers["etag"] == FEED_ETAG
    assert by_etag.not_modified and by_etag.content == b""
    assert by_date.not_modified
    sent = [h for p, h in site.requests if p == "/rss.xml"]
    assert sent[1]["If-None-Match"] == FEED_ETAG
    assert sent[2]["If-Modified-Since"] == FEED_MODIFIED


def test_timeout_is_retried_then_named(site: Site) -> None:
    url = site.url("/slow.xml")
    with Fetcher(_settings()) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert str(caught.value).startswith(f"{url}: timed out after {TIMEOUT:g} s")
    assert site.paths().count("/slow.xml") == 2  # one retry


def test_server_error_is_retried_with_exponential_backoff(site: Site) -> None:
    fake = FakeTime()
    settings = _settings(fetch_retries=3, fetch_backoff=0.5)
    url = site.url("/broken.xml")
    with Fetcher(settings, sleep=fake.sleep, clock=fake.clock) as fetcher:
        with pytest.raises(FetchError, match=r"HTTP 500 after 4 attempt\(s\)") as caught:
            fetcher.get(url)
    assert str(caught.value).startswith(f"{url}: ")
    assert fake.sleeps == [0.5, 1.0, 2.0]
    assert site.paths().count("/broken.xml") == 4


def test_redirect_loop_is_an_error_naming_the_url(site: Site) -> None:
    url = site.url("/loop-a")
    with Fetcher(_settings()) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert str(caught.value).startswith(f"{url}: redirects in a loop")
    assert site.paths().count("/loop-a") == 1


def test_missing_page_is_an_error_naming_the_status(site: Site) -> None:
    url = site.url("/news/nothing-here")
    with Fetcher(_settings()) as fetcher, pytest.raises(FetchError, match=r"HTTP 404"):
        fetcher.get(url)


def test_unreachable_host_is_named(site: Site) -> None:
    url = "http://127.0.0.1:9/feed.xml"  # the discard port: nothing listens
    with Fetcher(_settings(fetch_retries=0)) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert str(caught.value).startswith(f"{url}: cannot be reached")


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site) -> None:
    fake = FakeTime()
    with Fetcher(_settings(host_delay=2.5), sleep=fake.sleep, clock=fake.clock) as fetcher:
        fetcher.get(site.url("/news/harbour-shooting"))  # robots.txt, then the page
        fetcher.get(site.url("/news/netball-final"))
    assert fake.sleeps == [2.5, 2.5]  # before the first page, and before the second


def test_oversized_response_is_refused(site: Site) -> None:
    with Fetcher(_settings(max_page_bytes=100)) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(site.url("/news/harbour-shooting"))
    assert "larger than 100 bytes" in str(caught.value)
