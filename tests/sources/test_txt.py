"""Plain-text reader: title rule, decoding fallbacks and bad files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from forcewatch.errors import SourceError
from forcewatch.sources import iter_documents
from forcewatch.sources.txt import read_txt, split_title

DATA = Path(__file__).resolve().parents[1] / "data" / "sources"


def test_first_line_followed_by_blank_line_is_the_title() -> None:
    doc = read_txt(DATA / "storm-article.txt", "storm-article.txt")
    assert doc.title == "Storm brings down power lines across the valley"
    assert doc.text.startswith("Thousands of homes in the Ashgrove valley")
    assert doc.text.endswith("report any damage.")
    assert doc.text.count("\n\n") == 2


def test_first_line_without_blank_line_after_it_is_body_text() -> None:
    doc = read_txt(DATA / "council-no-title.txt", "council-no-title.txt")
    assert doc.title is None
    assert doc.text.startswith("The district council voted on Monday")


@pytest.mark.parametrize(
    ("text", "title", "body"),
    [
        ("Headline\n\nBody.", "Headline", "Body."),
        ("Headline\n  \nBody.", "Headline", "Body."),
        ("Only one line", None, "Only one line"),
        ("Headline\n\n", None, "Headline\n\n"),
        ("Line one\nLine two", None, "Line one\nLine two"),
        ("x" * 301 + "\n\nBody.", None, "x" * 301 + "\n\nBody."),
    ],
)
def test_split_title_cases(text: str, title: str | None, body: str) -> None:
    assert split_title(text) == (title, body)


def test_document_fields_for_a_txt_file() -> None:
    doc = read_txt(DATA / "storm-article.txt", "sources/storm-article.txt")
    assert doc.external_id == "sources/storm-article.txt"
    assert doc.origin == str(DATA / "storm-article.txt")
    assert doc.fmt == "txt"
    assert doc.lang == "en"
    assert (doc.url, doc.published, doc.warnings) == (None, None, ())


def test_crlf_newlines_are_normalised() -> None:
    doc = read_txt(DATA / "bridge-crlf.txt", "bridge-crlf.txt")
    assert doc.title == "Bridge reopens after repairs"
    assert "\r" not in doc.text
    assert doc.text == (
        "The Harbour Road bridge reopened to traffic on Friday after six weeks of repairs, "
        "the transport agency said.\n\nDrivers had faced long detours while the deck was replaced."
    )


def test_cp1252_file_is_decoded_with_a_warning() -> None:
    doc = read_txt(DATA / "cafe-cp1252.txt", "cafe-cp1252.txt")
    assert doc.title == "Caf\u00e9 owner honoured"
    assert "\u201ccommunity hero\u201d award on Saturday \u2014 the first" in doc.text
    assert doc.warnings == ("not valid UTF-8; decoded as cp1252",)


def test_stray_nul_and_zero_width_space_are_stripped_with_a_warning() -> None:
    doc = read_txt(DATA / "stray-nul.txt", "stray-nul.txt")
    assert doc.text == (
        "The weekend market returns to the square on Sunday with forty stalls, organisers said."
    )
    assert doc.warnings == ("removed 1 NUL byte(s)",)


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file; nothing to read, add text or remove the file"),
        ("blank.txt", "empty file; nothing to read, add text or remove the file"),
        (
            "photo.txt",
            "binary file, not text; pass only text files (.txt, .html, .htm, .jsonl)",
        ),
    ],
)
def test_bad_txt_files_give_one_line_errors(name: str, reason: str) -> None:
    path = DATA / name
    with pytest.raises(SourceError) as err:
        read_txt(path, name)
    assert str(err.value) == f"{path}: {reason}"


def test_missing_file_named_explicitly_gives_an_error_value() -> None:
    missing = DATA / "no-such-article.txt"
    results = list(iter_documents([missing]))
    assert [str(r) for r in results] == [f"{missing}: no such file or folder; check the path"]
    assert isinstance(results[0], SourceError)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs /proc")
def test_unreadable_file_gives_an_error_with_the_os_reason(tmp_path: Path) -> None:
    link = tmp_path / "unreadable.txt"
    os.symlink("/proc/self/mem", link)
    with pytest.raises(SourceError) as err:
        read_txt(link, "unreadable.txt")
    assert str(err.value) == (
        f"{link}: cannot read file (Input/output error); check that it is a readable file"
    )
