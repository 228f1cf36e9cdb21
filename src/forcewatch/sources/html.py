"""HTML pages: main text, title, publication date and URL via text.html."""

from __future__ import annotations

import re
from pathlib import Path

from forcewatch.errors import NoArticleError
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
    """Return the article in an HTML file; SourceError if it cannot be read or holds none."""
    return html_document(read_bytes(path), path, external_id=external_id)


def html_document(
    data: bytes,
    where: Path | str,
    *,
    external_id: str,
    url: str | None = None,
    charset: str | None = None,
) -> Document:
    """Return the article in an HTML page's bytes; NoArticleError if it holds none.

    `where` names the page in messages and becomes the document's origin; `url`
    is where it was fetched or captured (it wins over the page's canonical
    link); `charset` is the one the HTTP headers declared, if any.
    """
    html, warnings = decode_file(data, where, charset or declared_charset(data))
    page = extract_article(html, url)
    if not page.text:
        raise NoArticleError(
            f"{where}: no article text found in the HTML; "
            "check that the page holds an article, not an index, login or error page"
        )
    return Document(
        external_id=external_id,
        text=page.text,
        title=page.title,
        url=url or page.url,
        published=page.published,
        lang=detect_language(page.text) or page.lang,
        origin=str(where),
        fmt="html",
        warnings=tuple(warnings),
    )
