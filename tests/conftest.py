"""Session-wide fixtures: the real spaCy model, paths to the shared corpora."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data"


def require(condition: bool, reason: str) -> None:
    """Skip on a laptop when a component is missing; fail in CI (CI=true)."""
    if condition:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    require(SHARED_DATA.is_dir(), f"{SHARED_DATA} (the labelled corpora) is missing")
    return SHARED_DATA


@pytest.fixture(scope="session")
def settings():
    from forcewatch.config import Settings

    return Settings(progress=False)


@pytest.fixture(scope="session")
def pipeline(settings):
    from forcewatch.pipeline import Pipeline

    return Pipeline(settings)
