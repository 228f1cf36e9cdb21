"""HTML reader: article text, metadata, declared charsets and pages with no article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from forcewatch.errors import SourceError
from forcewatch.sources.html import declared_charset, read_html

DATA = Path(__file__).resolve().parents[1] / "data" / "sources"


def test_html_file_becomes_a_document_with_page_metadata() -> None:
    doc = read_html(DATA / "ferry-article.html", "sources/ferry-article.html")
    assert doc.external_id == "sources/ferry-article.html"
    assert doc.fmt == "html"
    assert doc.origin == str(DATA / "ferry-article.html")
    assert doc.title == "Ferry service cut after engine fault"
    assert doc.url == "https://courier.example.org/news/ferry-service-cut"
    assert doc.published == dt.date(2023, 5, 16)
    assert doc.lang == "en"
    assert doc.warnings == ()


def test_html_paragraphs_are_separated_by_newlines_without_boilerplate() -> None:
    doc = read_html(DATA / "ferry-article.html", "ferry-article.html")
    assert doc.text.count("\n") == 3
    assert doc.text.endswith("does not leave the route with no reliable service.")
    assert "Copyright" not in doc.text
    assert "Home" not in doc.text


def test_malformed_htm_file_is_read_best_effort() -> None:
    doc = read_html(DATA / "orchard-malformed.htm", "orchard-malformed.htm")
    assert doc.title == "Orchard fire contained"
    assert "Eleven crews worked through the night" in doc.text
    assert doc.published is None


def test_declared_windows_1252_page_decodes_without_warning() -> None:
    doc = read_html(DATA / "festival-cp1252.html", "festival-cp1252.html")
    assert "Mari\u00e9 Street food festival" in doc.text
    assert "\u201call the way to the river\u201d" in doc.text
    assert doc.warnings == ()


def test_page_without_article_text_is_an_error() -> None:
    path = DATA / "index-page.html"
    with pytest.raises(SourceError) as err:
        read_html(path, "index-page.html")
    assert str(err.value) == (
        f"{path}: no article text found in the HTML; "
        "check that the page holds an article, not an index, login or error page"
    )


def test_binary_file_named_html_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)) * 4)
    with pytest.raises(SourceError) as err:
        read_html(path, "page.html")
    assert str(err.value) == (
        f"{path}: binary file, not text; pass only text files (.txt, .html, .htm, .jsonl)"
    )


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=cp1252">', "cp1252"),
        (b"<title>none</title>", None),
    ],
)
def test_declared_charset_is_sniffed_from_meta(head: bytes, charset: str | None) -> None:
    assert declared_charset(b"<html><head>" + head + b"</head>") == charset
