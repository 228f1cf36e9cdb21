"""Fixtures for web archive tests: WARC files written with warcio."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.feeds.pages import INDEX_PAGE, STORIES, page

CAPTURED = "2024-03-10T04:05:06Z"


def _response(
    writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK", ctype: str
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": CAPTURED},
    )
    writer.write_record(record)


def write_archive(path: Path, *, gzip: bool = True, base: str = "https://daily.example") -> Path:
    """Write a WARC file like a news crawl's: articles and records that are not articles.

    Records in order: warcinfo, a request, the five story pages (the third has no
    date of its own), a PNG image, a 404 page, a page with no article text.
    """
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        request = StatusAndHeaders(
            "GET /news/ HTTP/1.1", [("Host", "daily.example")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record(
                "https://daily.example/news/", "request", http_headers=request
            )
        )
        for story in STORIES:
            _response(
                writer,
                f"{base}/news/{story.slug}",
                page(story),
                ctype="text/html; charset=utf-8",
            )
        _response(writer, "https://daily.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64),
                  ctype="image/png")  # fmt: skip
        _response(writer, "https://daily.example/gone", b"<html><body>Not found</body></html>",
                  status="404 Not Found", ctype="text/html")  # fmt: skip
        _response(writer, "https://daily.example/latest", INDEX_PAGE, ctype="text/html")
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str = "crawl.warc.gz", *, gzip: bool = True) -> Path:
        return write_archive(tmp_path / name, gzip=gzip)

    return make
