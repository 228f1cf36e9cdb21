"""Main text and metadata of a news page: trafilatura for text, htmldate for the date.

The page is parsed once; the title and URL come from a few meta tags (trafilatura's
full metadata step also hunts authors and site names and costs more than the text).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

import htmldate
import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from forcewatch.text.clean import clean_line, clean_text

log = logging.getLogger(__name__)

#: extracted text with fewer words, or no line this long in words, is menu junk
MIN_ARTICLE_WORDS = 12
MIN_SENTENCE_WORDS = 8
#: where the title is looked for, best first
TITLE_XPATHS = (
    '//meta[@property="og:title"]/@content',
    '//meta[@name="twitter:title"]/@content',
    '//meta[@name="title"]/@content',
)
#: where the canonical URL is looked for, best first
URL_XPATHS = (
    '//link[@rel="canonical"]/@href',
    '//meta[@property="og:url"]/@content',
)


@dataclass(frozen=True)
class ExtractedPage:
    """What a page yields: main text ("" when none found), title, date, URL, lang attribute."""

    text: str
    title: str | None
    published: dt.date | None
    url: str | None
    lang: str | None = None


def _first(tree: HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    for xpath in xpaths:
        for value in tree.xpath(xpath):
            value = str(value).strip()
            if value:
                return value
    return None


def page_title(tree: HtmlElement) -> str | None:
    """Return og:title (or similar meta), else the only <h1>, else <title> before any " | "."""
    title = _first(tree, TITLE_XPATHS)
    if title is None:
        h1 = tree.xpath("//h1")
        if len(h1) == 1:
            title = h1[0].text_content()
    if not title:
        element = tree.find(".//title")
        if element is not None and element.text:
            title = element.text.split(" | ")[0]
    if not title:
        return None
    return clean_line(title) or None


def page_url(tree: HtmlElement, default: str | None) -> str | None:
    """Return the canonical or og:url link when it is an absolute http(s) URL, else default."""
    url = _first(tree, URL_XPATHS)
    if url and url.startswith("//"):
        url = f"https:{url}"
    if url and url.startswith(("http://", "https://")):
        return url
    return default


def page_date(tree: HtmlElement, url: str | None) -> dt.date | None:
    """Return htmldate's original publication date of the page, none after today."""
    found = htmldate.find_date(
        tree,
        original_date=True,
        extensive_search=True,
        max_date=dt.date.today().isoformat(),
        url=url,
    )
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found[:10])
    except ValueError:
        log.debug("htmldate gave an unparsable date %r for %s", found, url or "page")
        return None


def page_lang(tree: HtmlElement) -> str | None:
    """Return the primary subtag of <html lang="..."> in lowercase, if present."""
    lang = (tree.get("lang") or "").strip().lower()
    primary = lang.split("-")[0].split("_")[0]
    return primary if primary.isalpha() and 2 <= len(primary) <= 3 else None


def looks_like_article(text: str) -> bool:
    """Return True when text has enough words and at least one sentence-length line."""
    lines = text.split("\n")
    words = sum(len(line.split()) for line in lines)
    return words >= MIN_ARTICLE_WORDS and any(
        len(line.split()) >= MIN_SENTENCE_WORDS for line in lines
    )


def _drop_title_line(text: str, title: str | None) -> str:
    """Return text without a first line that repeats the title (the page's <h1>)."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if first.strip().casefold() == title.casefold():
        return rest.lstrip("\n")
    return text


def _main_text(tree: HtmlElement, url: str | None) -> str:
    """Return trafilatura's main text ("\\n" between paragraphs), "" if none."""
    try:
        doc = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=False
        )
    except (ValueError, etree.LxmlError) as err:
        log.debug("trafilatura failed on %s: %s", url or "page", err)
        return ""
    return clean_text(doc.text or "").text if doc is not None else ""


def extract_article(html: str, url: str | None = None) -> ExtractedPage:
    """Return the page's main text, title, publication date and canonical URL."""
    tree = trafilatura.load_html(html)
    if tree is None:
        return ExtractedPage(text="", title=None, published=None, url=url)
    title = page_title(tree)
    url = page_url(tree, url)
    published = page_date(tree, url)
    text = _drop_title_line(_main_text(tree, url), title)
    if not looks_like_article(text):
        log.debug("no article text in %s: %r", url or "page", text[:80])
        text = ""
    return ExtractedPage(text, title, published, url, page_lang(tree))
