"""Load (issue 8, part 6): 50 concurrent clients on a 20,000-incident store served by
uvicorn on 127.0.0.1 while a real ingest writes to it: no error, no half-linked incident.
The CI profile loads for 10 s; the full profile (docs/reliability.md) for 60 s."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from tests.reliability.record import profile, record, scaled

pytestmark = pytest.mark.reliability

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def _load_module():
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location("forcewatch_load_bench", BENCH / "load.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_fifty_clients_during_an_ingest_see_no_error_and_no_half_linked_incident(
    tmp_path: Path,
) -> None:
    load = _load_module()
    clients, seconds = 50, scaled(10, 60)
    result, ingested, _built = load.load_test(
        20_000, clients, seconds, tmp_path, articles_n=scaled(120, 400)
    )
    s = result.summary()
    record(
        "load",
        "50 clients during an ingest",
        f"{clients} concurrent clients for {seconds} s on 20,000 incidents (API list, "
        f"filters, details, stats, pages) while `forcewatch ingest` stored "
        f"{ingested['new']} documents",
        s["requests"],
        f"{s['errors']} errors, {s['half_linked']} half-linked responses; p95 "
        f"{s['p95_ms']} ms, {s['requests_per_s']} requests/s",
        database="SQLite",
        figures={**s, "profile": profile()},
    )
    assert result.requests > 100
    assert result.errors == [], result.errors[:5]
    assert result.half_linked == [], result.half_linked[:5]
    assert ingested["failed"] == 0 and ingested["new"] > 0
