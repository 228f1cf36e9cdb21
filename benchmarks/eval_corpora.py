"""Score the pipeline on every labelled corpus and print a Markdown table of the figures.

    python benchmarks/eval_corpora.py [--data ../shared/data] [--out benchmarks/results.md]

Runs `forcewatch.eval.evaluate` on each corpus (the same code as `forcewatch eval`)
in one process, so the spaCy model is loaded once, then on all corpora together.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from forcewatch.config import Settings
from forcewatch.eval.gold import read_gold
from forcewatch.eval.run import EvalRun, SpeedScores, evaluate, score_run
from forcewatch.pipeline import Pipeline

CORPORA = (
    "seeds.jsonl",
    "news-dev.jsonl",
    "hardcases-news.jsonl",
    "negatives-news.jsonl",
    "strib-narratives.jsonl",
    "fe-narratives.jsonl",
)
FIELDS = (
    "subject_name",
    "outcome",
    "force",
    "date",
    "place",
    "region",
    "country",
    "agency",
    "subject_weapon",
    "subject_age",
    "subject_sex",
    "officers_fired",
    "investigations",
)


def _f(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _row(name: str, run: EvalRun, firearm: bool = False) -> str:
    s = run.firearm if firearm else run.overall
    docs = s.relevance.docs
    rel, names = s.relevance.prf, s.names.prf
    cells = [
        name + (" (firearm)" if firearm else ""),
        str(docs),
        f"{_f(rel.precision)} / {_f(rel.recall)} / {_f(rel.f1)}",
        f"{rel.fp}",
        f"{_f(names.precision)} / {_f(names.recall)} / {_f(names.f1)}",
        _f(s.names.auprc),
    ]
    for field in FIELDS:
        fs = s.field(field)
        cells.append(f"{_f(fs.accuracy)} ({fs.n})" if fs.n else "-")
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data"
    )
    ap.add_argument("--out", type=Path, default=None, help="also write the table to this file")
    args = ap.parse_args(argv)

    pipeline = Pipeline(Settings(progress=False))
    pipeline.nlp  # noqa: B018  load the model before any clock starts
    runs: dict[str, EvalRun] = {}
    pairs = []
    for name in CORPORA:
        path = args.data / name
        if not path.exists():
            print(f"skipping {path}: not found", file=sys.stderr)
            continue
        run = evaluate(read_gold(path), pipeline.process)
        runs[name] = run
        pairs.extend(run.pairs)
        print(f"{name}: done", file=sys.stderr)
    speed = SpeedScores(
        docs=sum(r.speed.docs for r in runs.values()),
        wall_seconds=sum(r.speed.wall_seconds for r in runs.values()),
        cpu_seconds=sum(r.speed.cpu_seconds for r in runs.values()),
        peak_rss_mib=max((r.speed.peak_rss_mib for r in runs.values()), default=0.0),
    )
    total = score_run(pairs, speed)

    header = (
        "| corpus | docs | relevance P / R / F1 | false pos. | names P / R / F1 | names AUPRC | "
        + " | ".join(FIELDS)
        + " |"
    )
    lines = [
        f"Measured {dt.date.today().isoformat()} with `python benchmarks/eval_corpora.py`.",
        "Field cells: accuracy on matched incidents where gold has a value (n).",
        "",
        header,
        "|" + "---|" * (6 + len(FIELDS)),
    ]
    for name, run in runs.items():
        lines.append(_row(name, run))
        lines.append(_row(name, run, firearm=True))
    lines.append(_row("all corpora", total))
    lines.append(_row("all corpora", total, firearm=True))
    lines += ["", "| corpus | docs/s per core (CPU) | peak memory MiB |", "|---|---|---|"]
    for name, run in runs.items():
        sp = run.speed
        lines.append(f"| {name} | {sp.docs_per_cpu_second or 0:.1f} | {sp.peak_rss_mib:.0f} |")
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        args.out.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
