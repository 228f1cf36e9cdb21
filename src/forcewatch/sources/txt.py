"""Plain-text articles: an optional title line, a blank line, then the body."""

from __future__ import annotations

from pathlib import Path

from forcewatch.records import Document
from forcewatch.sources.read import decode_file, read_bytes
from forcewatch.text.clean import clean_line
from forcewatch.text.lang import detect_language

#: a first line longer than this is body text, not a title
MAX_TITLE_CHARS = 300


def split_title(text: str) -> tuple[str | None, str]:
    """Return (title, body): the first line is the title when a blank line follows it."""
    first, sep, rest = text.partition("\n")
    if not sep or len(first) > MAX_TITLE_CHARS:
        return None, text
    second, _, body = rest.partition("\n")
    body = body.strip()
    if second.strip() or not body:
        return None, text
    return clean_line(first) or None, body


def read_txt(path: Path, external_id: str) -> Document:
    """Return the document in a .txt file; SourceError if it cannot be read as text."""
    text, warnings = decode_file(read_bytes(path), path)
    title, body = split_title(text)
    return Document(
        external_id=external_id,
        text=body,
        title=title,
        lang=detect_language(body),
        origin=str(path),
        fmt="txt",
        warnings=tuple(warnings),
    )
