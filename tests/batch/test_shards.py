"""Shard planning and reading: the same documents, ids and order as `ingest` reads."""

from __future__ import annotations

import json
from pathlib import Path

from forcewatch.batch.shards import plan_shards, read_shard
from forcewatch.errors import SourceError
from forcewatch.records import Document
from forcewatch.sources import iter_documents


def _read_all(paths: list[Path], **kwargs: int) -> list[Document | str]:
    plan = plan_shards(paths, **kwargs)
    out: list[Document | str] = [str(e) for e in plan.errors]
    for shard in plan.shards:
        out.extend(i if isinstance(i, Document) else str(i) for i in read_shard(shard).items)
    return out


def test_shards_read_the_documents_ingest_reads_in_its_order(corpus_dir: Path) -> None:
    expected = [d for d in iter_documents([corpus_dir]) if isinstance(d, Document)]
    got = _read_all([corpus_dir], lines_per_shard=37, files_per_shard=5)
    assert got == expected
    assert [d.origin for d in got][:2] == [
        f"{corpus_dir / 'news.jsonl'}:1",
        f"{corpus_dir / 'news.jsonl'}:2",
    ]


def test_jsonl_is_cut_into_line_ranges_and_files_into_groups(corpus_dir: Path) -> None:
    plan = plan_shards([corpus_dir], lines_per_shard=100, files_per_shard=5)
    lines = [s for s in plan.shards if s.jsonl]
    files = [s for s in plan.shards if not s.jsonl]
    assert [s.first_line for s in lines] == [1, 101, 201]  # 242 lines
    assert [len(s.files) for s in files] == [5, 5, 2]
    assert [s.index for s in plan.shards] == list(range(6))
    assert {s.source for s in plan.shards} == {corpus_dir.as_posix()}
    assert len({s.fingerprint for s in plan.shards}) == 6


def test_fingerprint_changes_only_for_the_shard_whose_bytes_changed(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": str(i), "text": f"Story number {i} about the harbour."}) for i in range(6)
    ]
    path.write_text("\n".join(lines) + "\n")
    before = plan_shards([path], lines_per_shard=3).shards
    lines[4] = json.dumps({"id": "4", "text": "A different story about the bridge."})
    path.write_text("\n".join(lines) + "\n")
    after = plan_shards([path], lines_per_shard=3).shards
    assert before[0].key == after[0].key
    assert before[1].fingerprint != after[1].fingerprint


def test_bad_lines_and_inputs_come_back_as_errors_naming_them(tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "text": "The council met on Tuesday to discuss the budget."})
    path = tmp_path / "mixed.jsonl"
    path.write_text(good + "\n{not json\n\n" + good.replace('"a"', '"b"') + "\n")
    (tmp_path / "empty.jsonl").write_text("  \n")
    got = _read_all([path, tmp_path / "empty.jsonl", tmp_path / "missing.txt"])
    errors = sorted(g for g in got if isinstance(g, str))
    assert [d.external_id for d in got if isinstance(d, Document)] == ["a", "b"]
    assert errors[0].startswith(f"{tmp_path / 'empty.jsonl'}: empty file")
    assert errors[1].startswith(f"{tmp_path / 'missing.txt'}: no such file")
    assert errors[2].startswith(f"{path}:2: not valid JSON")


def test_read_errors_are_source_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1}\n')
    plan = plan_shards([path])
    items = read_shard(plan.shards[0]).items
    assert len(items) == 1 and isinstance(items[0], SourceError)
    assert str(items[0]).startswith(f"{path}:1:")
