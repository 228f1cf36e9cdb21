"""benchmarks/reliability.py renders recorded figures into docs/reliability.md tables."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "reliability.py"


def _module():
    spec = importlib.util.spec_from_file_location("forcewatch_reliability_report", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_records_become_one_table_per_area_with_the_load_figures() -> None:
    report = _module()
    records = [
        {"area": "crash safety", "test": "ingest killed", "injects": "SIGKILL | at points",
         "cases": 40, "result": "0 lost", "database": "SQLite", "figures": {}},
        {"area": "load", "test": "50 clients", "injects": "load", "cases": 900,
         "result": "0 errors", "database": "SQLite", "profile": "full",
         "figures": {"requests": 900, "errors": 0, "half_linked": 0, "p50_ms": 5,
                     "p95_ms": 9, "p99_ms": 12, "requests_per_s": 15}},
    ]  # fmt: skip
    page = report.render(records, {"sqlite": (0, 60.0), "postgresql": (1, 30.0)}, "full")
    assert "## Crash safety" in page and "| ingest killed | SIGKILL \\| at points | 40 |" in page
    assert "## Load figures" in page and "| 50 | 60 | 900 | 0 | 0 | 5 | 9 | 12 | 15 |" in page
    assert "- sqlite: all passed in 1.0 min" in page
    assert "- postgresql: FAILED (pytest exit 1)" in page
    assert "## Database faults" not in page  # no records, no table
