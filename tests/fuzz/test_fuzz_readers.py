"""Property-based tests of every reader and parser (issue 8, part 4): any bytes, any
text, any JSON give a Document, a clear SourceError naming the input, or a correct
result - never an unexpected exception."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from forcewatch.errors import SourceError
from forcewatch.extract.dates import resolve_expression, scan_dates
from forcewatch.link.names import compare_names, normalise_name, parse_name
from forcewatch.link.reference_read import mapping_for, read_reference
from forcewatch.records import Document
from forcewatch.sources.feeds import parse_feed
from forcewatch.sources.files import ReadStats, iter_documents
from forcewatch.sources.jsonl import parse_line
from forcewatch.sources.warc import iter_warc
from forcewatch.text.decode import decode_bytes
from tests.reliability.record import record

pytestmark = pytest.mark.reliability

#: characters that hide or reorder text: zero-width, joiners, bidi controls, BOM
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HOSTILE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(list(INVISIBLE) + ["\x00", "\r", "\t", "\u0301", "ק", "ش"]),
    ),
    max_size=300,
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | HOSTILE_TEXT,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(HOSTILE_TEXT, kids, max_size=4),
    max_leaves=12,
)
counts: dict[str, int] = {}


def _read_all(path: Path) -> list[Document | SourceError]:
    out = list(iter_documents([path], ReadStats()))
    for item in out:
        assert isinstance(item, Document | SourceError), item
        if isinstance(item, SourceError):
            assert str(path) in str(item) or path.name in str(item), str(item)
    return out


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl", ".warc.gz"])
@given(data=st.binary(max_size=2000))
@example(data=b"\xff\xfe\x00\x00garbage")
@example(data=b"\x1f\x8b\x08\x00broken gzip")
@example(data=b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nshort")
def test_any_bytes_in_any_file_kind_give_documents_or_named_errors(suffix: str, data: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        _read_all(path)
    counts[f"files {suffix}"] = counts.get(f"files {suffix}", 0) + 1


@given(obj=JSON)
@example(obj={"id": "x", "text": "\x00" * 50})
@example(obj={"id": "\u202e\u200b", "text": "A man was shot.", "published": "2024-02-30"})
def test_any_json_line_gives_a_document_or_a_named_error(obj) -> None:
    warnings: list[str] = []
    try:
        doc = parse_line(obj, Path("in.jsonl"), 7, warnings)
    except SourceError as err:
        assert "in.jsonl:7" in str(err)
    else:
        assert isinstance(doc, Document) and doc.text.strip()
        assert "\x00" not in doc.text
    counts["json lines"] = counts.get("json lines", 0) + 1


@given(body=HOSTILE_TEXT, title=HOSTILE_TEXT, link=HOSTILE_TEXT)
def test_any_feed_gives_entries_or_a_named_error(body: str, title: str, link: str) -> None:
    xml = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<item><title>{title}</title><link>{link}</link><description>{body}</description>"
        "</item></channel></rss>"
    ).encode("utf-8", "surrogatepass")
    for data in (xml, body.encode("utf-8", "surrogatepass")):
        try:
            entries = parse_feed(data, "https://news.example/feed")
        except SourceError as err:
            assert "news.example/feed" in str(err)
        else:
            assert all(e.url.startswith(("http://", "https://")) or e.url for e in entries)
    counts["feeds"] = counts.get("feeds", 0) + 2


@given(rows=st.lists(st.lists(HOSTILE_TEXT, min_size=1, max_size=8), max_size=6))
def test_any_reference_csv_gives_records_or_a_named_error(rows: list[list[str]]) -> None:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "name", "date", "manner_of_death", "armed", "age", "gender",
                     "race", "city", "state"])  # fmt: skip
    for row in rows:
        writer.writerow(row)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "wapo.csv"
        path.write_text(buf.getvalue().replace("\x00", ""), encoding="utf-8", errors="replace")
        try:
            result = read_reference(path, "wapo", mapping_for("wapo", None))
        except SourceError as err:
            assert "wapo.csv" in str(err)
        else:
            assert result is not None
    counts["reference csv"] = counts.get("reference csv", 0) + 1


@given(text=HOSTILE_TEXT, day=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
@example(text="on Tuesday the 31st of February 2023, last Sept., in 20199", day=dt.date(2024, 1, 1))
def test_dates_never_fail_and_stay_in_range(text: str, day: dt.date) -> None:
    found = resolve_expression(text, day)
    if found is not None:
        assert 1800 <= found.year <= 2100
    for hit in scan_dates(text, day):
        assert 0 <= hit.start_char <= hit.end_char <= len(text)
    counts["dates"] = counts.get("dates", 0) + 1


@given(name=HOSTILE_TEXT, junk=st.lists(st.sampled_from(list(INVISIBLE)), min_size=1, max_size=5))
@example(name="Hohepa Karaitiana", junk=["\u200b", "\u202e"])
def test_names_ignore_invisible_characters(name: str, junk: list[str]) -> None:
    normalise_name(name)
    key = parse_name(name)
    spliced = "".join(c + (junk[i % len(junk)] if i % 3 == 0 else "") for i, c in enumerate(name))
    other = parse_name(spliced)
    if key is not None and other is not None:
        assert compare_names(key, other) == compare_names(key, key)
    clean = normalise_name(spliced)
    assert not any(ch in clean for ch in INVISIBLE)
    counts["names"] = counts.get("names", 0) + 1


@given(data=st.binary(max_size=500))
def test_decoding_any_bytes_gives_text_or_a_named_error(data: bytes) -> None:
    try:
        text, _warning = decode_bytes(data, "blob.txt")
    except SourceError as err:
        assert "blob.txt" in str(err)
    else:
        assert isinstance(text, str)
    counts["decoding"] = counts.get("decoding", 0) + 1


@given(payload=st.binary(max_size=3000))
def test_any_warc_record_payload_is_read_or_skipped(payload: bytes) -> None:
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://n.example/a\r\n"
        b"WARC-Record-ID: <urn:uuid:1>\r\nContent-Type: application/http; msgtype=response\r\n"
    )
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
    record_bytes = head + b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n" + http
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.warc.gz"
        path.write_bytes(gzip.compress(record_bytes + b"\r\n\r\n"))
        from collections import Counter

        for item in iter_warc(path, Counter()):
            assert isinstance(item, Document | SourceError)
    counts["warc records"] = counts.get("warc records", 0) + 1


def test_zz_record_the_fuzz_counts() -> None:
    """Runs last in this module: write how many examples each reader got."""
    total = sum(counts.values())
    assert total > 0
    record(
        "hostile input",
        "property-based fuzzing (Hypothesis)",
        "random bytes, text with NUL, bidi and zero-width characters, and JSON, into the "
        "text, HTML, JSON Lines and WARC readers, feeds, reference CSV, dates, names, "
        "decoding: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
        total,
        "every input gave a result or an error naming it; no crash, no hang",
    )
    json.dumps(counts)
