"""JSON Lines in the gold format: one document object per line, read line by line."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from forcewatch.errors import SourceError
from forcewatch.records import Document
from forcewatch.sources.read import (
    MAX_DOCUMENT_BYTES,
    empty_error,
    finish_text,
    open_error,
    too_large,
)
from forcewatch.text.clean import clean_line
from forcewatch.text.decode import SNIFF_BYTES, binary_error, decode_bytes, looks_binary
from forcewatch.text.lang import detect_language

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.+\-Z]*)?")
#: optional string fields copied from each line (the `gold` field is ignored)
_STRING_FIELDS = ("id", "url", "source", "title", "lang")


def parse_published(value: Any) -> dt.date | None:
    """Return the date of an ISO date or date-time string; ValueError otherwise."""
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        raise ValueError(value)
    value = value.strip()
    if len(value) == 10:
        return dt.date.fromisoformat(value)
    return dt.datetime.fromisoformat(value).date()


def _string_fields(obj: dict[str, Any], warnings: list[str]) -> dict[str, str | None]:
    """Return the optional string fields, None (with a warning) where not a string."""
    out: dict[str, str | None] = {}
    for name in _STRING_FIELDS:
        value = obj.get(name)
        if isinstance(value, int | float) and not isinstance(value, bool) and name == "id":
            value = str(value)
        if value is None:
            out[name] = None
        elif isinstance(value, str):
            out[name] = clean_line(value) or None
        else:
            warnings.append(f"field {name!r} is not a string ({type(value).__name__}); ignored")
            out[name] = None
    return out


def _primary_subtag(lang: str | None) -> str | None:
    """Return "en" for "en", "EN-GB" or "en_NZ"; None for None or ""."""
    if not lang:
        return None
    return lang.replace("_", "-").split("-")[0].lower() or None


def parse_line(obj: Any, path: Path, lineno: int, warnings: list[str]) -> Document:
    """Return the Document of one decoded JSON value; SourceError if it is unusable."""
    where = f"{path}:{lineno}"
    if not isinstance(obj, dict):
        raise SourceError(
            f"{where}: expected a JSON object, got {type(obj).__name__}; "
            "put one document object on each line"
        )
    if "text" not in obj:
        raise SourceError(f"{where}: missing field 'text'; give each document its text")
    raw_text = obj["text"]
    if not isinstance(raw_text, str) or not raw_text.strip():
        raise SourceError(
            f"{where}: field 'text' must be a non-empty string; give each document its text"
        )
    text = finish_text(raw_text, where, warnings)
    fields = _string_fields(obj, warnings)
    try:
        published = parse_published(obj.get("published"))
    except ValueError:
        warnings.append(
            f"field 'published' is not an ISO date (YYYY-MM-DD): {obj.get('published')!r}; "
            "publication date left empty"
        )
        published = None
    external_id = fields["id"]
    if external_id is None:
        external_id = where
        warnings.append(f"no 'id' field; the document is known as {where!r}")
    lang = _primary_subtag(fields["lang"]) or detect_language(text)
    for message in warnings:
        log.warning("%s: %s", where, message)
    return Document(
        external_id=external_id,
        text=text,
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        published=published,
        lang=lang,
        origin=where,
        fmt="jsonl",
        warnings=tuple(warnings),
    )


def read_line(raw: bytes, path: Path, lineno: int) -> Document:
    """Return the Document on one raw line; SourceError if it is not a usable document."""
    where = f"{path}:{lineno}"
    line, warning = decode_bytes(raw.rstrip(b"\r\n"), where)
    warnings = [warning] if warning else []
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as err:
        reason = err.msg.removesuffix(" at")
        raise SourceError(
            f"{where}: not valid JSON ({reason} at column {err.colno}); fix the line or remove it"
        ) from err
    return parse_line(obj, path, lineno, warnings)


def _bounded_lines(fh: BinaryIO) -> Iterator[bytes | None]:
    """Yield the file's lines; None for a line over MAX_DOCUMENT_BYTES, which is skipped
    in chunks, so memory stays bounded whatever the line's length."""
    while True:
        raw = fh.readline(MAX_DOCUMENT_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
            while True:  # the rest of the long line
                rest = fh.readline(2**20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield raw


def iter_jsonl(path: Path) -> Iterator[Document | SourceError]:
    """Yield each line's Document, or a SourceError for a file or line that cannot be read."""
    try:
        with path.open("rb") as fh:
            if looks_binary(fh.read(SNIFF_BYTES)):
                yield binary_error(path)
                return
            fh.seek(0)
            found = False
            for lineno, raw in enumerate(_bounded_lines(fh), start=1):
                if raw is None:  # a line longer than an article can be: skipped unread
                    found = True
                    yield too_large(f"{path}:{lineno}")
                    continue
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                found = True
                try:
                    yield read_line(raw, path, lineno)
                except SourceError as err:
                    yield err
    except OSError as err:
        yield open_error(path, err)
        return
    if not found:
        yield empty_error(path)
