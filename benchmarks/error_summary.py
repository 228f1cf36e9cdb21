"""Count the pipeline's errors per corpus and field, by kind, for docs/accuracy.md.

    python benchmarks/error_summary.py [--data ../shared/data]

Kinds: "missed" (gold has a value, prediction none), "invented" (prediction where gold
has none), "wrong" (both have values that differ); for relevance "false positive" and
"false negative"; for incidents "missed incident" and "extra incident". The rows are the
same as `forcewatch eval CORPUS --errors`, which lists them one by one.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from forcewatch.config import Settings
from forcewatch.eval.gold import read_gold
from forcewatch.eval.run import errors, evaluate
from forcewatch.pipeline import Pipeline

CORPORA = (
    "news-dev.jsonl",
    "hardcases-news.jsonl",
    "negatives-news.jsonl",
    "seeds.jsonl",
    "strib-narratives.jsonl",
    "fe-narratives.jsonl",
)


def kind(field: str, gold: str | None, predicted: str | None) -> str:
    """Return the error kind of one error row."""
    if field == "relevant":
        return "false positive" if predicted == "true" else "false negative"
    if field == "incident":
        return "missed incident" if predicted in (None, "None") else "extra incident"
    if gold in (None, "None", ""):
        return "invented"
    if predicted in (None, "None", ""):
        return "missed"
    return "wrong"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    args = ap.parse_args(argv)
    pipeline = Pipeline(Settings(progress=False))
    for name in CORPORA:
        path = args.data / name
        if not path.exists():
            print(f"skipping {path}: not found", file=sys.stderr)
            continue
        run = evaluate(read_gold(path), pipeline.process)
        counts = Counter((r.field, kind(r.field, r.gold, r.predicted)) for r in errors(run.pairs))
        print(f"\n### {name}\n")
        print("| field | kind | count |\n|---|---|---|")
        for (field, k), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"| {field} | {k} | {n} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
