"""Fixtures for batch tests: small generated corpora (the Ray runtime is `ray_session` in
tests/conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from forcewatch.batch.synthetic import generate


def write_jsonl(path: Path, objs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(o) + "\n" for o in objs), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a JSON Lines file of 240 generated articles and 12 text files.

    One in six is a police shooting story (first reports, follow-ups that link
    to them, reprints that are near-duplicates); two lines repeat a text exactly.
    """
    root = tmp_path_factory.mktemp("batch-corpus")
    objs = list(generate(240, relevant_share=0.16, seed=11))
    objs.insert(100, dict(objs[3], id="copy-of-3"))  # an exact duplicate under another id
    objs.insert(170, dict(objs[50], id="copy-of-50"))
    write_jsonl(root / "news.jsonl", objs)
    texts = root / "texts"
    texts.mkdir()
    for i, obj in enumerate(generate(12, relevant_share=0.3, seed=12)):
        (texts / f"story-{i:02d}.txt").write_text(f"{obj['title']}\n\n{obj['text']}\n")
    return root
