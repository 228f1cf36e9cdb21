"""Hypothesis settings for the fuzz tests: repeatable and bounded in CI, longer locally.

CI (CI=true) runs derandomised with no example database, so a run is repeatable;
FORCEWATCH_RELIABILITY_PROFILE=full runs ten times the examples.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

from tests.reliability.record import scaled

settings.register_profile(
    "forcewatch",
    max_examples=scaled(60, 600),
    deadline=5000,  # ms per example: a 2-core machine shared with other runs
    derandomize=os.environ.get("CI", "").lower() == "true",
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile("forcewatch")
