"""Web archives: the HTML articles in a WARC file (.warc or .warc.gz, CC-NEWS as it is).

Every `response` record with status 200 and an HTML payload becomes a
Document: the URL and capture date come from the record's WARC headers, the
title, text and publication date from the page (`sources/html.py`); a page
without a date of its own is dated by its capture, with a warning. Other
records are skipped and counted by reason in `ReadStats.not_articles`.

A file cut off part way (a truncated gzip member, a short record) gives one
SourceError naming the file and byte offset; every complete record before it
is still read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from forcewatch.errors import NoArticleError, SourceError
from forcewatch.records import Document
from forcewatch.sources.html import html_document
from forcewatch.sources.read import MAX_DOCUMENT_BYTES, open_error

log = logging.getLogger(__name__)

#: file name endings read as web archives
WARC_SUFFIXES = (".warc", ".warc.gz")
#: skip reasons, as counted in ReadStats.not_articles and the ingest summary
NOT_RESPONSE = "not a response"  # request, metadata, warcinfo, revisit records
NOT_HTML = "not HTML"  # images, PDFs, JSON, feeds...
BAD_STATUS = "non-200 status"  # 404s, redirects, server errors
NO_TEXT = "no article text"  # empty pages, indexes, too short to be an article
TOO_LARGE = "larger than an article can be"  # over MAX_DOCUMENT_BYTES (e.g. a gzip bomb)
HTML_TYPES = ("text/html", "application/xhtml+xml")


def is_warc(path: Path) -> bool:
    """Return True if the file name says it is a web archive."""
    return path.name.lower().endswith(WARC_SUFFIXES)


@dataclass(frozen=True)
class _Record:
    """What one WARC record holds, read once."""

    offset: int
    kind: str
    url: str | None
    record_id: str | None
    captured: str | None  # the WARC-Date header
    status: str | None
    content_type: str
    payload: bytes


def _media_type(content_type: str) -> tuple[str, str | None]:
    """Return (lowercase media type, charset or None) of a Content-Type header."""
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return parts[0].lower(), charset


def capture_date(value: str | None) -> dt.date | None:
    """Return the date of a WARC-Date header (ISO 8601, UTC), None if it is missing or bad."""
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _skip_reason(rec: _Record) -> str | None:
    """Return why a record is not an article page, None if it may be one."""
    if rec.kind != "response":
        return NOT_RESPONSE
    if rec.status != "200":
        return BAD_STATUS
    if _media_type(rec.content_type)[0] not in HTML_TYPES:
        return NOT_HTML
    if not rec.payload.strip():
        return NO_TEXT
    if len(rec.payload) > MAX_DOCUMENT_BYTES:
        return TOO_LARGE
    return None


def _document(path: Path, rec: _Record) -> Document:
    """Return the article a 200 HTML response holds; NoArticleError if it holds none."""
    where = f"{path}#{rec.offset}"
    charset = _media_type(rec.content_type)[1]
    external_id = rec.record_id.strip("<>") if rec.record_id else (rec.url or where)
    doc = html_document(rec.payload, where, external_id=external_id, url=rec.url, charset=charset)
    captured = capture_date(rec.captured)
    warnings = list(doc.warnings)
    published = doc.published
    if published is None and captured is not None:
        published = captured
        warnings.append(f"no publication date on the page; dated by its capture {captured}")
    host = urlsplit(rec.url).hostname if rec.url else None
    return Document(
        external_id=doc.external_id,
        text=doc.text,
        title=doc.title,
        url=doc.url,
        source=host,
        published=published,
        lang=doc.lang,
        origin=where,
        fmt="warc",
        warnings=tuple(warnings),
    )


def _read(record: Any) -> tuple[_Record, int]:
    """Return one record's fields and how many bytes of its block are missing."""
    headers = record.rec_headers
    http = record.http_headers
    # bounded: a decompression bomb or a huge record is cut here, never held whole; the
    # rest is read through and dropped, so the record still counts as complete
    stream = record.content_stream()
    payload = stream.read(MAX_DOCUMENT_BYTES + 1)
    if len(payload) > MAX_DOCUMENT_BYTES:
        while stream.read(2**20):
            pass
    return (
        _Record(
            offset=0,
            kind=record.rec_type or "",
            url=headers.get_header("WARC-Target-URI"),
            record_id=headers.get_header("WARC-Record-ID"),
            captured=headers.get_header("WARC-Date"),
            status=http.get_statuscode() if http is not None else None,
            content_type=(http.get_header("Content-Type") if http is not None else None) or "",
            payload=payload,
        ),
        _missing(record),
    )


def _missing(record: Any) -> int:
    """Return how many bytes of the record's block the file lacks (1 if its headers are cut)."""
    limit = getattr(record.raw_stream, "limit", None)
    if limit is None or not record.rec_type:  # headers cut off before their Content-Length
        return 1
    return int(limit)


def _truncated(path: Path, offset: int) -> SourceError:
    return SourceError(
        f"{path}: cut off at byte {offset} (a truncated gzip member or record); "
        "the records before it were read: download the file again to get the rest"
    )


def _tail_is_blank(path: Path, end: int) -> bool:
    """Return True if nothing but whitespace follows the last complete record."""
    with path.open("rb") as fh:
        fh.seek(end)
        return not fh.read().strip()


def iter_warc(path: Path, not_articles: Counter[str]) -> Iterator[Document | SourceError]:
    """Yield the articles of one WARC file, count the records skipped, and yield read errors."""
    try:
        fh = path.open("rb")
    except OSError as err:
        yield open_error(path, err)
        return
    end = 0
    with fh:
        head = fh.read(5)
        if head[:2] != b"\x1f\x8b" and head != b"WARC/":
            yield SourceError(
                f"{path}: not a web archive (no WARC or gzip header at the start); "
                "pass .warc or .warc.gz files as crawlers write them"
            )
            return
        fh.seek(0)
        it = ArchiveIterator(fh)
        try:
            for record in it:
                rec, missing = _read(record)  # before the offset: asking it first loses the body
                offset = it.get_record_offset()
                rec = dataclasses.replace(rec, offset=offset)
                if missing:
                    yield _truncated(path, offset)
                    return
                end = offset + it.get_record_length()
                reason = _skip_reason(rec)
                if reason is None:
                    try:
                        yield _document(path, rec)
                        continue
                    except NoArticleError:
                        reason = NO_TEXT
                    except SourceError as err:  # bytes no text encoding fits
                        log.debug("%s", err)
                        reason = NOT_HTML
                log.debug("%s#%d: %s, skipped", path, offset, reason)
                not_articles[reason] += 1
        # warcio raises AttributeError/TypeError/KeyError on some malformed headers
        except (
            ArchiveLoadFailed, zlib.error, EOFError, ValueError, AttributeError, TypeError,
            KeyError, IndexError, OSError,
        ) as err:  # fmt: skip
            yield SourceError(
                f"{path}: not a readable web archive after byte {end} ({err}); "
                "check that it is a WARC file and download it again if it is cut off"
            )
            return
    if not _tail_is_blank(path, end):
        yield _truncated(path, end)
