"""robots.txt, fetched once per host and run, asked before every feed or page request.

A robots.txt that answers 401 or 403 forbids the whole site; one that is
missing (other 4xx) or cannot be fetched allows it (the request itself will
then say what is wrong). Its Crawl-delay, when longer than the per-host
delay setting, is honoured by the fetcher.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from forcewatch.errors import FetchError

log = logging.getLogger(__name__)


def host_key(url: str) -> str:
    """Return "scheme://host[:port]": the unit robots.txt and the per-host delay apply to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


class _Response(Protocol):
    status: int
    content: bytes


class RobotsCache:
    """Parsed robots.txt files by host, fetched with `get_once` on first use."""

    def __init__(self, get_once: Callable[[str], _Response], user_agent: str) -> None:
        self._get_once = get_once
        self._agent = user_agent.split("/")[0]  # robots.txt names products: "forcewatch"
        self._parsers: dict[str, RobotFileParser] = {}

    def _parser(self, url: str) -> RobotFileParser:
        host = host_key(url)
        if host in self._parsers:
            return self._parsers[host]
        parser = RobotFileParser(f"{host}/robots.txt")
        try:
            response = self._get_once(f"{host}/robots.txt")
        except FetchError as err:
            log.info("%s/robots.txt not fetched (%s); the site is treated as open", host, err)
            parser.allow_all = True
        else:
            if response.status in (401, 403):
                parser.disallow_all = True
            elif response.status != 200:  # missing, or redirected elsewhere
                parser.allow_all = True
            else:
                parser.parse(response.content.decode("utf-8", "replace").splitlines())
        self._parsers[host] = parser
        return parser

    def allowed(self, url: str) -> bool:
        """Return True if robots.txt lets forcewatch fetch `url`."""
        return self._parser(url).can_fetch(self._agent, url)

    def crawl_delay(self, url: str) -> float | None:
        """Return the host's Crawl-delay for forcewatch (or *), None when it sets none."""
        parser = self._parsers.get(host_key(url))
        if parser is None:
            return None
        delay = parser.crawl_delay(self._agent)
        return float(delay) if delay is not None else None
