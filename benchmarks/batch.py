"""Documents per second: `ingest` in one process vs `batch` with 1 and 2 Ray workers.

python benchmarks/batch.py [--docs 20000] [--postgres ADMIN_URL] [--json]

Generates a synthetic corpus (forcewatch.batch.synthetic: our own templated
news, about 3 % police shootings) as one JSON Lines file, then ingests it into
fresh databases three ways in one run, timing each from start to summary
(spaCy and Ray start-up included). The counts of the three runs must agree.
With --postgres (a superuser URL to the `postgres` database), each run also
gets a fresh PostgreSQL database.
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, make_url

from forcewatch.batch.run import run_batch
from forcewatch.batch.synthetic import write_corpus
from forcewatch.config import Settings
from forcewatch.ingest import IngestSummary, ingest_paths

COUNTS = ("read", "new", "duplicates", "relevant", "incidents", "failed")


def _postgres_database(admin_url: str, name: str) -> str:
    """Create (or recreate) database `name`; return its URL."""
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.exec_driver_sql(f"CREATE DATABASE {name}")
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(False)


def _timed(run: Callable[[], IngestSummary]) -> tuple[IngestSummary, float]:
    started = time.perf_counter()
    summary = run()
    return summary, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Run the three measurements and print a table (or JSON); 1 if 2 workers < 1.6x."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20_000, help="documents to generate")
    ap.add_argument("--postgres", metavar="ADMIN_URL", help="also measure on PostgreSQL")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)
    work = Path(tempfile.mkdtemp(prefix="forcewatch-batch-bench-"))
    corpus = write_corpus(work / "corpus.jsonl", args.docs)
    backends = [("sqlite", lambda name: f"sqlite:///{work / name}.db")]
    if args.postgres:
        backends.append(("postgresql", lambda name: _postgres_database(args.postgres, name)))
    rows = []
    for backend, make_url_for in backends:
        runs: list[tuple[str, Callable[[Settings], IngestSummary]]] = [
            ("ingest, 1 process", lambda s: ingest_paths([corpus], s, on_error=print)),
            ("batch, 1 worker", lambda s: run_batch([corpus], s, on_error=print, workers=1)),
            ("batch, 2 workers", lambda s: run_batch([corpus], s, on_error=print, workers=2)),
        ]
        for i, (label, run) in enumerate(runs):
            settings = Settings(database_url=make_url_for(f"bench_{i}"), progress=False)
            summary, seconds = _timed(lambda run=run, settings=settings: run(settings))
            counts = {k: summary.as_dict()[k] for k in COUNTS}
            rows.append({"backend": backend, "run": label, "seconds": round(seconds, 1),
                         "docs_per_s": round(summary.read / seconds, 1), **counts})  # fmt: skip
    ok = True
    for backend, _ in backends:
        mine = [r for r in rows if r["backend"] == backend]
        base = mine[0]["docs_per_s"]
        for r in mine:
            r["speed_up"] = round(r["docs_per_s"] / base, 2)
        same = all({k: r[k] for k in COUNTS} == {k: mine[0][k] for k in COUNTS} for r in mine)
        ok = ok and same and mine[-1]["speed_up"] >= 1.6
    if args.json:
        print(json.dumps({"docs": args.docs, "rows": rows, "passed": ok}, indent=2))
    else:
        print(f"{args.docs} documents ({rows[0]['relevant']} relevant), {work}")
        print(f"{'backend':<11}{'run':<19}{'seconds':>9}{'docs/s':>9}{'speed-up':>10}")
        for r in rows:
            print(f"{r['backend']:<11}{r['run']:<19}{r['seconds']:>9}{r['docs_per_s']:>9}"
                  f"{r['speed_up']:>9}x")  # fmt: skip
        print("counts equal in every run: " + ("yes" if ok else "NO, or speed-up under 1.6x"))
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
