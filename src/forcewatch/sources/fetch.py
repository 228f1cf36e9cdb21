"""Polite HTTP fetching for feeds and pages: robots.txt, per-host delay, retries, timeouts.

One `Fetcher` serves a poll round. Every request carries the forcewatch user
agent, waits until the host's minimum delay (or its robots.txt Crawl-delay) has
passed since the last request there, is retried with exponential backoff after
a connection error, timeout, 429 or 5xx, and follows a limited number of
redirects by hand (so robots.txt and the delay apply to each hop, and a loop is
named). Conditional GET: pass the stored ETag / Last-Modified and a 304 comes
back as `Response.not_modified`. Every failure is a FetchError naming the URL.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import httpx

from forcewatch.config import Settings
from forcewatch.errors import FetchError
from forcewatch.sources.robots import RobotsCache, host_key

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class Response:
    """A fetched resource: the final URL after redirects, status 200 or 304, headers, bytes."""

    url: str
    status: int
    headers: dict[str, str]  # lowercase names
    content: bytes

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str:
        """The lowercase media type of Content-Type, "" when none was sent."""
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


class TransientError(FetchError):
    """A timeout or connection failure: worth retrying."""


class Fetcher:
    """An HTTP client that is polite to the hosts it visits (see the module docstring)."""

    def __init__(
        self,
        settings: Settings,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._sleep = sleep
        self._clock = clock
        self._last: dict[str, float] = {}  # host -> when its last request was sent
        self._client = httpx.Client(
            headers={"User-Agent": settings.user_agent},
            timeout=httpx.Timeout(settings.fetch_timeout),
            follow_redirects=False,
        )
        self.robots = RobotsCache(self._get_once, settings.user_agent)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Response:
        """Return the resource at `url`, or 304 for a conditional GET; FetchError otherwise."""
        seen: list[str] = []
        current = url
        while True:
            if current in seen:
                raise FetchError(
                    f"{url}: redirects in a loop ({' -> '.join([*seen, current])}); "
                    "check the URL in a browser and follow the page where it really is"
                )
            if len(seen) > self.settings.max_redirects:
                raise FetchError(
                    f"{url}: more than {self.settings.max_redirects} redirects; "
                    "use the URL the redirects end at"
                )
            seen.append(current)
            if not self.robots.allowed(current):
                raise FetchError(
                    f"{current}: disallowed by the site's robots.txt for "
                    f"{self.settings.user_agent!r}; not fetched"
                )
            response = self._with_retries(current, etag, last_modified)
            if response.status in REDIRECT_STATUSES:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"{current}: HTTP {response.status} without a Location")
                current = urljoin(current, location)
                continue
            if response.status in (200, 304):
                return response
            raise FetchError(
                f"{current}: HTTP {response.status}; check the URL (the server refused it)"
            )

    def _with_retries(self, url: str, etag: str | None, last_modified: str | None) -> Response:
        """Send one request, retrying after connection errors, timeouts, 429 and 5xx."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempts = self.settings.fetch_retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                response = self._get_once(url, headers)
            except TransientError:
                if last:
                    raise
            else:
                if response.status not in RETRY_STATUSES:
                    return response
                if last:
                    raise FetchError(
                        f"{url}: HTTP {response.status} after {attempts} attempt(s); "
                        "the server is failing: try again later"
                    )
            wait = self.settings.fetch_backoff * 2**attempt
            log.info("%s: retrying in %.1f s (attempt %d of %d)", url, wait, attempt + 2, attempts)
            self._sleep(wait)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _wait_for_host(self, url: str) -> None:
        host = host_key(url)
        delay = max(self.settings.host_delay, self.robots.crawl_delay(url) or 0.0)
        last = self._last.get(host)
        if last is not None:
            remaining = last + delay - self._clock()
            if remaining > 0:
                self._sleep(remaining)
        self._last[host] = self._clock()

    def _get_once(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """Send one GET after the host's delay; FetchError for network failures and big bodies."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"{url}: not an http(s) URL; give a web address")
        self._wait_for_host(url)
        limit = self.settings.max_page_bytes
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise FetchError(
                            f"{url}: larger than {limit} bytes (FORCEWATCH_MAX_PAGE_BYTES); "
                            "not read"
                        )
                    chunks.append(chunk)
                return Response(
                    str(r.url),
                    r.status_code,
                    {k.lower(): v for k, v in r.headers.items()},
                    b"".join(chunks),
                )
        except httpx.TimeoutException as err:
            raise TransientError(
                f"{url}: timed out after {self.settings.fetch_timeout:g} s "
                f"({type(err).__name__}); the server is slow or down: try again later"
            ) from err
        except httpx.HTTPError as err:
            raise TransientError(
                f"{url}: cannot be reached ({type(err).__name__}: {err}); "
                "check the address and your network"
            ) from err
