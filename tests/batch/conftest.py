"""Fixtures for batch tests: one Ray runtime per session and small generated corpora."""

from __future__ import annotations

import importlib.util
import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from forcewatch.batch.synthetic import generate
from tests.conftest import require


@pytest.fixture(scope="session")
def ray_session() -> Iterator[object]:
    """Start one local Ray runtime (2 CPUs) for every batch test; `run_batch` reuses it."""
    require(importlib.util.find_spec("ray") is not None, "ray is not installed (forcewatch[batch])")
    import ray
    import ray.data

    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=200 * 2**20,
        log_to_driver=False,
        logging_level=logging.WARNING,
    )
    ray.data.DataContext.get_current().enable_progress_bars = False
    yield ray
    ray.shutdown()


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
