"""HTML pages: main text, title, publication date and URL via text.html."""

from __future__ import annotations

import re
from pathlib import Path

from forcewatch.errors import SourceError
from forcewatch.records import Document
from forcewatch.sources.read import decode_file, read_bytes
from forcewatch.text.html import extract_article
from forcewatch.text.lang import detect_language

#: where a <meta charset> is looked for
HEAD_BYTES = 4096
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """Return the charset named by a <meta> tag near the top of the page, if any."""
    m = _META_CHARSET.search(data, 0, HEAD_BYTES)
    return m.group(1).decode("ascii").lower() if m else None


def read_html(path: Path, external_id: str) -> Document:
    """Return the article in an HTML file; SourceError if no article text is found."""
    data = read_bytes(path)
    html, warnings = decode_file(data, path, declared_charset(data))
    page = extract_article(html, None)
    if not page.text:
        raise SourceError(
            f"{path}: no article text found in the HTML; "
            "check that the page holds an article, not an index, login or error page"
        )
    return Document(
        external_id=external_id,
        text=page.text,
        title=page.title,
        url=page.url,
        published=page.published,
        lang=detect_language(page.text) or page.lang,
        origin=str(path),
        fmt="html",
        warnings=tuple(warnings),
    )
