"""extract_article: trafilatura main text, htmldate date, canonical URL, title."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

from forcewatch.text.html import extract_article, looks_like_article

DATA = Path(__file__).resolve().parents[1] / "data" / "sources"


def _page(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_main_text_keeps_paragraphs_and_drops_boilerplate() -> None:
    page = extract_article(_page("ferry-article.html"))
    paragraphs = page.text.split("\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("The morning ferry between Port Selwyn and Kōtare Island")
    for junk in ("Subscribe today", "Copyright 2023", "Privacy policy", "Most read", "Sport"):
        assert junk not in page.text


def test_title_comes_from_metadata_and_is_not_repeated_in_text() -> None:
    page = extract_article(_page("ferry-article.html"))
    assert page.title == "Ferry service cut after engine fault"
    assert not page.text.startswith("Ferry service cut")


def test_original_publication_date_is_preferred_over_modified() -> None:
    assert extract_article(_page("ferry-article.html")).published == dt.date(2023, 5, 16)


def test_canonical_url_and_lang_attribute_are_read() -> None:
    page = extract_article(_page("ferry-article.html"), url="file:///ferry.html")
    assert page.url == "https://courier.example.org/news/ferry-service-cut"
    assert page.lang == "en"


def test_url_falls_back_to_the_given_one_without_canonical() -> None:
    page = extract_article(_page("orchard-malformed.htm"), url="https://x.example/orchard")
    assert page.url == "https://x.example/orchard"


def test_malformed_markup_still_yields_text_and_title_tag() -> None:
    page = extract_article(_page("orchard-malformed.htm"))
    assert page.title == "Orchard fire contained"
    assert page.text.startswith("Firefighters contained a blaze at an apple orchard")
    assert page.text.endswith("until further notice.")
    assert page.published is None


def test_page_of_links_has_no_article_text() -> None:
    page = extract_article(_page("index-page.html"))
    assert page.text == ""
    assert page.title == "Coastline Courier"


def test_garbage_input_has_no_article_text() -> None:
    assert extract_article("<<<>>> \x00 not html").text == ""


def test_menu_lines_do_not_look_like_an_article() -> None:
    assert looks_like_article("Home\nNews\nSport\nWeather") is False
    sentence = "Crews worked through the night to save the two houses on the edge of town."
    assert looks_like_article(sentence) is True


def test_extraction_stays_in_the_few_ms_range() -> None:
    html = _page("ferry-article.html")
    extract_article(html)  # warm up
    runs = 20
    start = time.perf_counter()
    for _ in range(runs):
        extract_article(html)
    per_page = (time.perf_counter() - start) / runs
    assert per_page < 0.05
