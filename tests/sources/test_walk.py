"""iter_documents: sorted folder walks, skipped files, explicit paths and stats."""

from __future__ import annotations

import os
from pathlib import Path

from forcewatch.errors import SourceError
from forcewatch.records import Document
from forcewatch.sources import ReadStats, iter_documents

DATA = Path(__file__).resolve().parents[1] / "data" / "sources"
TREE = DATA / "tree"


def test_folder_walk_is_sorted_and_ids_are_relative_to_the_folders_parent() -> None:
    docs = list(iter_documents([TREE]))
    assert all(isinstance(d, Document) for d in docs)
    assert [d.external_id for d in docs] == [
        "tree/2021/bake-sale.TXT",
        "tree/2021/march/fire.txt",
        "tree/a-first.txt",
        "tid-001",
        "tid-002",
        "tid-003",
    ]
    assert [d.fmt for d in docs] == ["txt", "txt", "txt", "jsonl", "jsonl", "jsonl"]


def test_ids_do_not_depend_on_how_the_folder_is_named(monkeypatch) -> None:
    monkeypatch.chdir(TREE)
    ids = [d.external_id for d in iter_documents([Path(".")]) if d.fmt == "txt"]
    assert ids == ["tree/2021/bake-sale.TXT", "tree/2021/march/fire.txt", "tree/a-first.txt"]


def test_hidden_and_unsupported_files_are_skipped_and_counted() -> None:
    stats = ReadStats()
    origins = [d.origin for d in iter_documents([TREE], stats)]
    assert not any(".drafts" in o or ".hidden" in o or "table.csv" in o for o in origins)
    assert (stats.skipped_hidden, stats.skipped_unsupported, stats.skipped) == (2, 1, 3)
    assert (stats.files, stats.documents, stats.errors) == (4, 6, 0)


def test_explicit_file_keeps_the_path_as_given_for_its_id() -> None:
    (doc,) = iter_documents([TREE / "a-first.txt"])
    assert isinstance(doc, Document)
    assert doc.external_id == (TREE / "a-first.txt").as_posix()
    assert doc.origin == str(TREE / "a-first.txt")


def test_explicit_hidden_file_is_read() -> None:
    (doc,) = iter_documents([TREE / ".hidden.txt"])
    assert isinstance(doc, Document) and doc.text == "hidden file text"


def test_explicit_unsupported_file_is_an_error() -> None:
    path = TREE / "notes" / "table.csv"
    stats = ReadStats()
    assert [str(r) for r in iter_documents([path], stats)] == [
        f"{path}: unsupported file type '.csv'; pass .txt, .html, .htm, .jsonl, .warc or .warc.gz files"
    ]
    assert stats.errors == 1


def test_explicit_file_without_extension_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "README"
    path.write_text("Read me.")
    assert [str(r) for r in iter_documents([path])] == [
        f"{path}: unsupported file type without an extension; "
        "pass .txt, .html, .htm, .jsonl, .warc or .warc.gz files"
    ]


def test_errors_are_yielded_in_order_and_reading_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "missing"
    stats = ReadStats()
    results = list(iter_documents([missing, DATA / "empty.txt", DATA / "storm-article.txt"], stats))
    assert [type(r).__name__ for r in results] == ["SourceError", "SourceError", "Document"]
    assert str(results[0]) == f"{missing}: no such file or folder; check the path"
    assert (stats.errors, stats.documents, stats.files) == (2, 1, 2)


def test_fifo_is_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    stats = ReadStats()
    assert list(iter_documents([tmp_path], stats)) == []
    assert stats.skipped_special == 1
    (err,) = iter_documents([fifo])
    assert isinstance(err, SourceError)
    assert str(err) == f"{fifo}: not a regular file or folder; pass files or folders only"


def test_symlinked_folders_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("A cat was rescued from a tall tree on Monday.")
    os.symlink(tmp_path / "real", tmp_path / "loop")
    stats = ReadStats()
    ids = [d.external_id for d in iter_documents([tmp_path], stats)]
    assert ids == [f"{tmp_path.name}/real/a.txt"]
    assert stats.skipped_special == 1


def test_warnings_are_counted_per_document() -> None:
    stats = ReadStats()
    list(iter_documents([DATA / "cafe-cp1252.txt", DATA / "storm-article.txt"], stats))
    assert (stats.documents, stats.warnings) == (2, 1)
