"""Hostile inputs, each bounded in time and memory (issue 8, part 4): huge files and
lines, a billion-laughs feed, a gzip bomb in a web archive, deeply nested HTML, NUL
bytes, invalid UTF-8, invisible characters - and a hostile folder ingested twice
stores nothing twice."""

from __future__ import annotations

import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from forcewatch.errors import SourceError
from forcewatch.sources.feeds import parse_feed
from forcewatch.sources.files import ReadStats, iter_documents
from tests.reliability.record import record

pytestmark = pytest.mark.reliability

#: peak memory a reader may add for one hostile input (the model is not loaded here)
MEMORY_BOUND_MB = 400


def _peak_mb_of(code: str, timeout: float = 120) -> tuple[float, str]:
    """Run `code` in a fresh interpreter; return its peak RSS (MB) and its stdout."""
    # VmHWM is the peak of this process's own memory (ru_maxrss can carry the forking
    # parent's peak on Linux)
    script = code + (
        "\nimport re\nprint('PEAK', re.search(r'VmHWM:\\s+(\\d+)', "
        "open('/proc/self/status').read()).group(1))"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=timeout)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    peak_kb = int(done.stdout.rsplit("PEAK", 1)[1])
    return peak_kb / 1024, done.stdout


READ = """
import sys
from pathlib import Path
from forcewatch.sources.files import ReadStats, iter_documents
items = list(iter_documents([Path(sys.argv[1] if len(sys.argv) > 1 else {path!r})], ReadStats()))
print('ITEMS', [type(i).__name__ for i in items][:5], [str(i)[:200] for i in items][:3])
"""


def test_a_300_mb_text_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # sparse: takes no disk
        fh.truncate(300 * 2**20)
    started = time.monotonic()
    peak, out = _peak_mb_of(READ.format(path=str(path)))
    assert "SourceError" in out and "larger than the 20 MB" in out
    assert peak < MEMORY_BOUND_MB and time.monotonic() - started < 60
    record("hostile input", "huge file", "a 300 MB .txt file", 1,
           f"refused with a clear error, unread; peak memory {peak:.0f} MB")  # fmt: skip


def test_a_50_mb_json_line_is_skipped_and_the_next_line_read(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "text": "x" * (50 * 2**20)}) + "\n")
        fh.write(json.dumps({"id": "b", "text": "Police shot a man in Hastings on Monday."}) + "\n")
    peak, out = _peak_mb_of(READ.format(path=str(path)))
    assert "['SourceError', 'Document']" in out and "long.jsonl:1" in out
    assert peak < MEMORY_BOUND_MB
    record("hostile input", "huge JSON line", "a 50 MB line followed by a normal one", 1,
           f"the long line refused by line number, the next one read; peak memory {peak:.0f} MB")  # fmt: skip


def test_a_billion_laughs_feed_does_not_expand(tmp_path: Path) -> None:
    lol = "".join(f'<!ENTITY lol{i} "{"&lol" + str(i - 1) + ";" * 1}' * 1 for i in range(1, 2))
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    ]
    xml = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [' + "".join(entities) + "]>\n"
        '<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title>'
        "<link>https://news.example/a</link></item></channel></rss>"
    ).encode()
    assert lol
    started = time.monotonic()
    with pytest.raises(SourceError, match="declares XML entities"):
        parse_feed(xml, "https://news.example/feed")
    external = xml.replace(b'<!ENTITY lol0 "lol">', b'<!ENTITY lol0 SYSTEM "file:///etc/passwd">')
    with pytest.raises(SourceError, match="declares XML entities"):
        parse_feed(external, "https://news.example/feed")
    assert time.monotonic() - started < 5
    record("hostile input", "billion laughs and external entities in a feed",
           "a feed with 10^9-fold nested entities; one with a SYSTEM entity", 2,
           "refused before parsing, in milliseconds; nothing expanded or read")  # fmt: skip


def test_a_gzip_bomb_in_a_web_archive_is_read_in_bounded_memory(tmp_path: Path) -> None:
    body = b"<html><body>" + b"A" * (200 * 2**20) + b"</body></html>"  # 200 MB of one byte
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://n.example/bomb\r\n"
        b"WARC-Record-ID: <urn:uuid:bomb>\r\nContent-Type: application/http; msgtype=response\r\n"
        b"Content-Length: " + str(len(http)).encode() + b"\r\n\r\n"
    )
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(gzip.compress(head + http + b"\r\n\r\n", compresslevel=9))
    del body, http
    assert path.stat().st_size < 1_000_000  # a few hundred KB expanding to 200 MB
    started = time.monotonic()
    peak, out = _peak_mb_of(READ.format(path=str(path)))
    assert "Document" not in out.split("ITEMS", 1)[1].split("]")[0]
    assert peak < MEMORY_BOUND_MB and time.monotonic() - started < 90
    record("hostile input", "gzip bomb in a WARC", "a 0.2 MB gzip member expanding to 200 MB", 1,
           f"record skipped as too large; peak memory {peak:.0f} MB")  # fmt: skip


def test_deeply_nested_html_gives_a_result_or_an_error_without_crashing(tmp_path: Path) -> None:
    depth = 100_000
    page = ("<html><body>" + "<div>" * depth + "Police shot a man in Napier on Monday. " * 5
            + "</div>" * depth + "</body></html>")  # fmt: skip
    path = tmp_path / "nested.html"
    path.write_text(page, encoding="utf-8")
    started = time.monotonic()
    peak, out = _peak_mb_of(READ.format(path=str(path)))
    assert "ITEMS" in out
    assert peak < MEMORY_BOUND_MB and time.monotonic() - started < 90
    record("hostile input", "deeply nested HTML", f"{depth} nested <div> elements", 1,
           f"read without a crash; peak memory {peak:.0f} MB")  # fmt: skip


def _hostile_folder(folder: Path) -> Path:
    folder.mkdir()
    (folder / "nul.txt").write_bytes(b"Police shot\x00 a man\x00 in Gisborne on Friday.\n" * 3)
    (folder / "latin1.txt").write_bytes(
        "Officers shot a man in Tauranga, caf\xe9 owners said.".encode("latin-1")
    )
    (folder / "invalid.txt").write_bytes(b"\xff\xfe\xfd broken \xc3\x28 bytes " * 20)
    (folder / "bidi.txt").write_text(
        "Police shot Ra\u200bwiri Ha\u202ehu in Rotorua on Sunday. Ra\u200bwiri Hahu, 30, "
        "died at the scene, police said.", encoding="utf-8")  # fmt: skip
    (folder / "empty.html").write_text("   ", encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        '{"id": 1}\n{"id": "x", "text": "\\u0000"}\nnot json\n'
        + json.dumps({"id": "ok", "text": "Police shot a man in Nelson."}) + "\n", encoding="utf-8")  # fmt: skip
    (folder / "bad.warc.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    return folder


def test_a_hostile_folder_ingested_twice_stores_nothing_twice(tmp_path: Path) -> None:
    folder = _hostile_folder(tmp_path / "hostile")
    url = f"sqlite:///{tmp_path / 'h.db'}"

    def ingest() -> dict:
        done = subprocess.run(
            [sys.executable, "-m", "forcewatch", "ingest", str(folder), "--db", url,
             "--no-progress", "--json"], capture_output=True, text=True, timeout=300)  # fmt: skip
        assert "Traceback" not in done.stderr, done.stderr
        for line in done.stderr.splitlines():
            assert line.startswith(("error:", "warning:", "WARNING")), line
        return json.loads(done.stdout)

    first, second = ingest(), ingest()
    assert first["new"] >= 3 and first["failed"] >= 3
    assert second["new"] == 0 and second["duplicates"] == first["new"]
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        names = [r[0] for r in conn.execute(text("SELECT subject_name FROM mentions")) if r[0]]
    engine.dispose()
    assert names and not any(ch in n for n in names for ch in "\u200b\u202e\x00")
    record("hostile input", "hostile folder ingested twice",
           "NUL bytes, Latin-1, invalid UTF-8, zero-width and bidi characters in a name, "
           "an empty page, bad JSON lines, a broken WARC", 2,
           f"first run {first['new']} stored, {first['failed']} clear errors; second run "
           "0 stored; no invisible characters in stored names")  # fmt: skip


def test_reading_is_bounded_in_time_for_every_hostile_input(tmp_path: Path) -> None:
    folder = _hostile_folder(tmp_path / "again")
    started = time.monotonic()
    items = list(iter_documents([folder], ReadStats()))
    assert time.monotonic() - started < 30
    assert len(items) >= 7
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0
