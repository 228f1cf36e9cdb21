"""Measure speed per core and peak memory against the targets (same code as `forcewatch bench`).

python benchmarks/bench.py [--data ../shared/data] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from forcewatch.bench import format_bench, load_corpora, run_bench
from forcewatch.config import Settings
from forcewatch.errors import ForcewatchError

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    """Run the bench and print its report; return 1 when it cannot run or a target fails."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of gold corpora")
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per corpus")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        report = run_bench(load_corpora(args.data, limit=args.limit), Settings(progress=False))
    except ForcewatchError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    text = json.dumps(report.to_json(), indent=2) if args.json else format_bench(report)
    print(text.rstrip("\n"))
    return 0 if report.passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
