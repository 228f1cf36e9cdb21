"""JSON Lines reader: gold-format fields, ids, per-line errors and warnings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from forcewatch.errors import SourceError
from forcewatch.records import Document
from forcewatch.sources.jsonl import iter_jsonl, parse_published

DATA = Path(__file__).resolve().parents[1] / "data" / "sources"
MIXED = DATA / "mixed.jsonl"


def _docs(path: Path) -> list[Document]:
    return [r for r in iter_jsonl(path) if isinstance(r, Document)]


def _errors(path: Path) -> list[str]:
    return [str(r) for r in iter_jsonl(path) if isinstance(r, SourceError)]


def test_documents_keep_their_ids_and_gold_format_fields() -> None:
    docs = _docs(DATA / "stories.jsonl")
    assert [d.external_id for d in docs] == ["tid-001", "tid-002", "tid-003"]
    first = docs[0]
    assert first.title == "Trampers rescued from flooded river"
    assert first.url == "https://tidings.example.org/rescue"
    assert first.source == "Valley Tidings"
    assert first.published == dt.date(2022, 8, 3)
    assert first.lang == "en"
    assert first.fmt == "jsonl"
    assert first.text.split("\n")[1].startswith("A rescue helicopter crew")


def test_origin_names_the_line_and_blank_lines_are_skipped() -> None:
    origins = [d.origin for d in _docs(DATA / "stories.jsonl")]
    path = DATA / "stories.jsonl"
    assert origins == [f"{path}:1", f"{path}:3", f"{path}:4"]


def test_missing_lang_is_detected_from_the_text() -> None:
    docs = _docs(DATA / "stories.jsonl")
    assert [d.lang for d in docs] == ["en", "en", "fr"]


def test_iso_datetime_published_gives_its_date() -> None:
    assert _docs(DATA / "stories.jsonl")[1].published == dt.date(2022, 8, 4)


def test_each_bad_line_gives_its_own_error_and_reading_goes_on() -> None:
    assert _errors(MIXED) == [
        f"{MIXED}:2: not valid JSON (Unterminated string starting at column 27); "
        "fix the line or remove it",
        f"{MIXED}:3: expected a JSON object, got list; put one document object on each line",
        f"{MIXED}:4: missing field 'text'; give each document its text",
        f"{MIXED}:5: field 'text' must be a non-empty string; give each document its text",
        f"{MIXED}:6: field 'text' must be a non-empty string; give each document its text",
    ]
    assert [d.external_id for d in _docs(MIXED)] == ["mix-001", "mix-007", "8"]


def test_published_that_is_not_an_iso_date_is_a_warning() -> None:
    first, _, last = _docs(MIXED)
    assert first.published is None
    assert first.warnings == (
        "field 'published' is not an ISO date (YYYY-MM-DD): '3 August 2022'; "
        "publication date left empty",
    )
    assert last.warnings == (
        "field 'published' is not an ISO date (YYYY-MM-DD): '2022-02-30'; "
        "publication date left empty",
    )


def test_non_utf8_line_is_decoded_with_a_warning() -> None:
    doc = _docs(MIXED)[1]
    assert doc.title == "Caf\u00e9 reopens"
    expected = "The caf\u00e9 on the wharf reopened on Monday after a \u201cbig\u201d refit."
    assert doc.text == expected
    assert doc.warnings == ("not valid UTF-8; decoded as cp1252",)


def test_line_without_id_is_known_by_its_origin(tmp_path: Path) -> None:
    path = tmp_path / "noid.jsonl"
    path.write_text(json.dumps({"text": "A short story about a lost dog found safe."}) + "\n")
    (doc,) = _docs(path)
    assert doc.external_id == f"{path}:1"
    assert doc.warnings == (f"no 'id' field; the document is known as '{path}:1'",)


def test_non_string_fields_are_ignored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "types.jsonl"
    line = {"id": "t1", "title": ["a"], "lang": "EN-gb", "text": "Lambs were born early."}
    path.write_text(json.dumps(line) + "\n")
    (doc,) = _docs(path)
    assert (doc.title, doc.lang) == (None, "en")
    assert doc.warnings == ("field 'title' is not a string (list); ignored",)


def test_byte_order_mark_and_crlf_lines_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "b1", "text": "Snow closed the pass."}\r\n')
    assert [d.external_id for d in _docs(path)] == ["b1"]


@pytest.mark.parametrize("content", [b"", b"\n\n  \n"])
def test_empty_jsonl_file_is_an_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    assert _errors(path) == [f"{path}: empty file; nothing to read, add text or remove the file"]


def test_binary_jsonl_file_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "archive.jsonl"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 8 + b"\n" * 5)
    assert _errors(path) == [
        f"{path}: binary file, not text; pass only text files (.txt, .html, .htm, .jsonl)"
    ]


def test_missing_jsonl_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "gone.jsonl"
    assert _errors(path) == [f"{path}: no such file; check the path"]


def test_large_file_is_read_lazily(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(5000):
            fh.write(json.dumps({"id": f"n{i}", "text": f"Story number {i} about rain."}) + "\n")
    results = iter_jsonl(path)
    first = next(results)
    assert isinstance(first, Document) and first.external_id == "n0"
    assert sum(1 for _ in results) == 4999


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("2020-06-14", dt.date(2020, 6, 14)),
        ("2020-06-14T22:10:00Z", dt.date(2020, 6, 14)),
        ("2020-06-14 08:00:00+12:00", dt.date(2020, 6, 14)),
    ],
)
def test_parse_published_accepts_iso_dates(value: str | None, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["14/06/2020", "2020-06", "2020-13-01", 20200614, "June 2020"])
def test_parse_published_rejects_other_values(value: object) -> None:
    with pytest.raises(ValueError):
        parse_published(value)
