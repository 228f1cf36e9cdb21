"""Reading WARC files: articles from HTML responses, skip reasons, cut-off files."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from forcewatch.errors import SourceError
from forcewatch.records import Document
from forcewatch.sources import ReadStats, iter_documents
from forcewatch.sources.warc import capture_date, iter_warc
from tests.feeds.pages import STORIES

SKIPS = {"not a response": 2, "not HTML": 1, "non-200 status": 1, "no article text": 1}


def _read(path: Path) -> tuple[list[Document], list[SourceError], Counter[str]]:
    counts: Counter[str] = Counter()
    items = list(iter_warc(path, counts))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, SourceError)]
    return docs, errors, counts


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_articles_are_read_and_other_records_counted_by_reason(archive, name: str) -> None:
    path = archive(name, gzip=name.endswith(".gz"))
    docs, errors, counts = _read(path)
    assert errors == []
    assert [d.url for d in docs] == [f"https://daily.example/news/{s.slug}" for s in STORIES]
    assert dict(counts) == SKIPS
    first = docs[0]
    assert first.title == STORIES[0].title
    assert first.text.startswith("A 34-year-old man was shot dead by police")
    assert first.fmt == "warc"
    assert first.source == "daily.example"
    assert first.origin.startswith(f"{path}#") and int(first.origin.rsplit("#", 1)[1]) > 0
    assert first.external_id.startswith("urn:uuid:")


def test_publication_date_comes_from_the_page_else_the_capture(archive) -> None:
    docs, _, _ = _read(archive())
    by_slug = {d.url.rsplit("/", 1)[1]: d for d in docs if d.url}
    assert by_slug["harbour-shooting"].published == dt.date(2024, 2, 13)
    assert by_slug["harbour-shooting"].warnings == ()
    undated = by_slug["standoff-farm"]
    assert undated.published == dt.date(2024, 3, 10)  # the WARC-Date of the capture
    assert undated.warnings == ("no publication date on the page; dated by its capture 2024-03-10",)


@pytest.mark.parametrize("cut", [60, 300])
def test_truncated_gzip_member_gives_one_line_and_the_rest_is_read(archive, cut: int) -> None:
    path = archive()
    data = path.read_bytes()
    path.write_bytes(data[:-cut])  # the last record's gzip member loses its end
    docs, errors, counts = _read(path)
    assert len(docs) == len(STORIES)  # every article before the cut
    assert counts["not HTML"] == 1 and counts["non-200 status"] == 1
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith(f"{path}: cut off at byte ")
    assert "truncated gzip member" in message


def test_truncated_uncompressed_record_is_named(archive) -> None:
    path = archive("crawl.warc", gzip=False)
    path.write_bytes(path.read_bytes()[:-40])
    docs, errors, _ = _read(path)
    assert len(docs) == len(STORIES)
    assert [str(e).split(":")[0] for e in errors] == [str(path)]


def test_a_file_that_is_not_a_warc_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc.gz"
    path.write_bytes(b"these are not the records you are looking for\n" * 4)
    docs, errors, _ = _read(path)
    assert docs == []
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{path}: not a web archive (no WARC or gzip header")


def test_folders_of_archives_go_through_iter_documents(archive, tmp_path: Path) -> None:
    archive("a.warc.gz")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    stats = ReadStats()
    items = list(iter_documents([tmp_path], stats))
    assert sum(isinstance(i, Document) for i in items) == len(STORIES)
    assert dict(stats.not_articles) == SKIPS
    assert stats.skipped_unsupported == 1


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-03-10T04:05:06Z", dt.date(2024, 3, 10)), ("2024-03-10T23:59:59.123456Z", dt.date(2024, 3, 10)),
     (None, None), ("yesterday", None)],
)  # fmt: skip
def test_capture_date(value: str | None, expected: dt.date | None) -> None:
    assert capture_date(value) == expected


def test_gzip_that_holds_no_warc_is_one_error(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "other.warc.gz"
    path.write_bytes(gzip.compress(b"a plain text file, compressed, not a web archive\n" * 3))
    docs, errors, _ = _read(path)
    assert docs == []
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{path}: ")
