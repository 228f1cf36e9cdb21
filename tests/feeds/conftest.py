"""A local news site on 127.0.0.1 for feed tests: feeds, pages, robots.txt and bad servers.

Nothing reaches the internet. The server answers conditional GETs (ETag and
Last-Modified) on its feeds, keeps a log of the requests it got, and has a
slow feed, a failing one, a garbage one and a redirect loop.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from forcewatch.config import Settings
from tests.feeds.pages import INDEX_PAGE, STORIES, page

SLOW_SECONDS = 1.5  # the slow feed's delay; tests time out after TIMEOUT
TIMEOUT = 0.4
FEED_ETAG = '"feed-v1"'
FEED_MODIFIED = format_datetime(dt.datetime(2024, 3, 10, 6, 0, tzinfo=dt.UTC), usegmt=True)
PNG = b"\x89PNG\r\n\x1a\n" + bytes(40)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


RSS_ITEMS = (
    ("Wharf shooting", "/news/harbour-shooting"),
    ("Library", "/news/library-reopens"),
    ("Members only", "/private/briefing"),
    ("Photo of the day", "/img/photo.png"),
    ("Latest", "/news/latest"),
)


def _rss(base: str, links: Sequence[tuple[str, str]] = RSS_ITEMS) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        f"<pubDate>Sun, 10 Mar 2024 05:00:00 GMT</pubDate></item>"
        for title, path in links
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Example Daily</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def _atom(base: str) -> bytes:
    entries = "".join(
        f'<entry><title>{slug}</title><link href="{base}/news/{slug}"/>'
        f"<id>{base}/news/{slug}</id><updated>2024-03-0{n}T09:00:00Z</updated></entry>"
        for n, slug in enumerate(
            ("motorway-taser", "standoff-farm", "netball-final", "harbour-shooting"), start=1
        )
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Example Daily (Atom)</title><id>{base}/atom</id>"
        f"<updated>2024-03-10T09:00:00Z</updated>{entries}</feed>"
    ).encode()


@dataclass
class Site:
    """The running server: its base URL and the requests it has answered."""

    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    pages = {f"/news/{s.slug}": page(s, date_in_page=s.slug != "standoff-farm") for s in STORIES}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html", **headers: str):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name.replace("_", "-"), value)
            self.end_headers()
            if body:
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (the slow feed)

        def _feed(self, body: bytes, ctype: str) -> None:
            if (
                self.headers.get("If-None-Match") == FEED_ETAG
                or self.headers.get("If-Modified-Since") == FEED_MODIFIED
            ):
                self._send(304, ctype=ctype, ETag=FEED_ETAG)
                return
            self._send(200, body, ctype, ETag=FEED_ETAG, Last_Modified=FEED_MODIFIED)

        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            site.requests.append((self.path, dict(self.headers.items())))
            path = self.path
            if path == "/robots.txt":
                self._send(200, ROBOTS, "text/plain")
            elif path == "/rss.xml":
                self._feed(_rss(site.base), "application/rss+xml")
            elif path == "/atom.xml":
                self._feed(_atom(site.base), "application/atom+xml")
            elif path == "/mirror.xml":  # the wharf story again, at another address
                self._send(200, _rss(site.base, [("Wharf", "/amp/news/harbour-shooting")]),
                           "application/rss+xml")  # fmt: skip
            elif path.startswith("/amp/") and path[4:] in pages:
                self._send(200, pages[path[4:]], "text/html; charset=utf-8")
            elif path == "/slow.xml":
                time.sleep(SLOW_SECONDS)
                self._send(200, _rss(site.base), "application/rss+xml")
            elif path == "/broken.xml":
                self._send(500, b"internal error", "text/plain")
            elif path == "/garbage.xml":
                self._send(200, b"}}{{ this is <<not a feed at all", "application/xml")
            elif path in ("/loop-a", "/loop-b"):
                other = "/loop-b" if path == "/loop-a" else "/loop-a"
                self._send(302, Location=other)
            elif path == "/img/photo.png":
                self._send(200, PNG, "image/png")
            elif path == "/news/latest":
                self._send(200, INDEX_PAGE, "text/html; charset=utf-8")
            elif path in pages or path.startswith("/private/"):
                self._send(200, pages.get(path, INDEX_PAGE), "text/html; charset=utf-8")
            else:
                self._send(404, b"not here", "text/plain")

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """Serve the test site on a free loopback port for one test."""
    site = Site("")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def fast_settings(database_url: str) -> Settings:
    """Settings for polls against the test site: no delays, short timeouts, one retry."""
    return Settings(
        database_url=database_url,
        progress=False,
        host_delay=0,
        fetch_timeout=TIMEOUT,
        fetch_retries=1,
        fetch_backoff=0,
    )
