"""Speed per core and peak memory of the stages, against the targets, in one process.

`load_corpora` reads the gold corpora of a data folder; `run_bench` times, in
process CPU time after the spaCy model is loaded, the detection gate on ordinary
news, the whole pipeline on gold-relevant documents, and the keyword baseline on
both sets, so each speed can be read as a ratio to the keyword query's.
"""

from __future__ import annotations

import logging
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from forcewatch.config import Settings
from forcewatch.detect import detect
from forcewatch.errors import EvalError
from forcewatch.eval.baselines import keywords
from forcewatch.eval.gold import read_gold
from forcewatch.eval.run import DocRates, peak_rss_mib
from forcewatch.extract.nlp import load_model
from forcewatch.pipeline import Pipeline
from forcewatch.records import Document

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
#: ordinary news, nearly all of which the detection gate should turn away
NEWS_CORPUS = "negatives-news.jsonl"
#: corpora whose gold-relevant documents the whole pipeline is timed on
RELEVANT_CORPORA = ("news-dev.jsonl", "hardcases-news.jsonl", "strib-narratives.jsonl")

#: the issue's targets
DETECT_TARGET = 500.0  # documents per second per core
PIPELINE_TARGET = 20.0  # relevant documents per second per core
MEMORY_TARGET_MIB = 1024.0  # peak resident memory

WARMUP_DOCS = 3
CHEAP_ROUNDS = 3  # the cheap stages are timed this many times; the fastest round counts


@dataclass(frozen=True)
class BenchCorpora:
    """The documents to time: ordinary news, and gold-relevant documents by corpus."""

    data_dir: Path
    news: tuple[Document, ...]
    relevant: tuple[Document, ...]
    counts: tuple[tuple[str, int], ...]  # (corpus file, documents taken)


@dataclass(frozen=True)
class StageSpeed(DocRates):
    """One timed stage: documents, characters, process CPU and wall seconds."""

    name: str
    corpus: str
    docs: int
    chars: int
    cpu_seconds: float
    wall_seconds: float


@dataclass(frozen=True)
class Target:
    """One target of the issue and whether the measured value meets it."""

    name: str
    value: float
    threshold: float
    unit: str
    op: str  # ">=", "<" or "==": how value must compare with threshold to pass

    @property
    def passed(self) -> bool:
        if self.op == ">=":
            return self.value >= self.threshold
        if self.op == "<":
            return self.value < self.threshold
        return self.value == self.threshold


@dataclass(frozen=True)
class BenchReport:
    """Everything one bench run measured."""

    corpora: BenchCorpora
    detection: StageSpeed
    keywords_news: StageSpeed
    pipeline: StageSpeed
    keywords_relevant: StageSpeed
    peak_rss_mib: float
    model: str
    model_loads: int  # spaCy models loaded and held in this process
    model_loads_while_timing: int  # calls of load_model that loaded while the clocks ran

    @property
    def detection_vs_keywords(self) -> float | None:
        return _ratio(self.detection, self.keywords_news)

    @property
    def pipeline_vs_keywords(self) -> float | None:
        return _ratio(self.pipeline, self.keywords_relevant)

    @property
    def model_loaded_once(self) -> bool:
        return self.model_loads_while_timing == 0 and self.model_loads == 1

    @property
    def targets(self) -> tuple[Target, ...]:
        return (
            Target(
                "detection",
                self.detection.docs_per_cpu_second or 0.0,
                DETECT_TARGET,
                "docs/s per core",
                ">=",
            ),
            Target(
                "whole pipeline",
                self.pipeline.docs_per_cpu_second or 0.0,
                PIPELINE_TARGET,
                "relevant docs/s per core",
                ">=",
            ),
            Target("peak memory", self.peak_rss_mib, MEMORY_TARGET_MIB, "MiB", "<"),
            Target(
                "spaCy model loads",
                float(self.model_loads + self.model_loads_while_timing),
                1.0,
                "per process",
                "==",
            ),
        )

    @property
    def passed(self) -> bool:
        return all(t.passed for t in self.targets)

    def to_json(self) -> dict:
        """Return the figures as a JSON-ready dict with stable keys."""
        stages = {
            "detection": (self.detection, self.detection_vs_keywords),
            "keywords_news": (self.keywords_news, 1.0),
            "pipeline": (self.pipeline, self.pipeline_vs_keywords),
            "keywords_relevant": (self.keywords_relevant, 1.0),
        }
        return {
            "schema": SCHEMA_VERSION,
            "data": str(self.corpora.data_dir),
            "corpora": dict(self.corpora.counts),
            "stages": {key: _stage_json(s, ratio) for key, (s, ratio) in stages.items()},
            "peak_rss_mib": round(self.peak_rss_mib, 1),
            "model": {
                "name": self.model,
                "loads": self.model_loads,
                "loads_while_timing": self.model_loads_while_timing,
                "loaded_once": self.model_loaded_once,
            },
            "targets": [
                {
                    "name": t.name,
                    "value": round(t.value, 2),
                    "threshold": t.threshold,
                    "unit": t.unit,
                    "op": t.op,
                    "passed": t.passed,
                }
                for t in self.targets
            ],
            "passed": self.passed,
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
        }


def _ratio(stage: StageSpeed, base: StageSpeed) -> float | None:
    a, b = stage.docs_per_cpu_second, base.docs_per_cpu_second
    return a / b if a is not None and b else None


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _stage_json(stage: StageSpeed, ratio: float | None) -> dict:
    return {
        "name": stage.name,
        "corpus": stage.corpus,
        "docs": stage.docs,
        "chars": stage.chars,
        "cpu_seconds": _r(stage.cpu_seconds, 3),
        "wall_seconds": _r(stage.wall_seconds, 3),
        "docs_per_cpu_second": _r(stage.docs_per_cpu_second, 2),
        "docs_per_wall_second": _r(stage.docs_per_wall_second, 2),
        "vs_keywords": _r(ratio, 4),
    }


# --- reading ----------------------------------------------------------------


def load_corpora(data_dir: Path, limit: int | None = None) -> BenchCorpora:
    """Return the bench documents of a data folder, at most `limit` per corpus file."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        raise EvalError(f"{data_dir}: no such folder; pass --data with the gold corpora")
    counts: list[tuple[str, int]] = []
    news: list[Document] = []
    relevant: list[Document] = []
    for name in (NEWS_CORPUS, *RELEVANT_CORPORA):
        path = data_dir / name
        if not path.exists():
            log.warning("%s: not found, skipped", path)
            continue
        gold = read_gold(path)
        if name == NEWS_CORPUS:
            docs = [g.document for g in gold]
        else:
            docs = [g.document for g in gold if g.relevant]
        docs = docs[:limit] if limit else docs
        (news if name == NEWS_CORPUS else relevant).extend(docs)
        counts.append((name, len(docs)))
    if not news:
        raise EvalError(f"{data_dir / NEWS_CORPUS}: missing or empty; the detection stage needs it")
    if not relevant:
        raise EvalError(
            f"{data_dir}: no gold-relevant documents in {', '.join(RELEVANT_CORPORA)}; "
            "the pipeline stage needs at least one"
        )
    return BenchCorpora(data_dir, tuple(news), tuple(relevant), tuple(counts))


# --- timing -----------------------------------------------------------------


def time_stage(
    name: str,
    corpus: str,
    docs: Sequence[Document],
    process: Callable[[Document], object],
    rounds: int = 1,
) -> StageSpeed:
    """Return the speed of `process` over `docs`: the fastest of `rounds` rounds."""
    best: tuple[float, float] | None = None
    for _ in range(rounds):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for doc in docs:
            process(doc)
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        if best is None or cpu < best[0]:
            best = (cpu, wall)
    assert best is not None
    chars = sum(len(d.content) for d in docs)
    return StageSpeed(name, corpus, len(docs), chars, best[0], best[1])


def run_bench(corpora: BenchCorpora, settings: Settings) -> BenchReport:
    """Return the speeds of every stage and the process's peak memory."""
    pipeline = Pipeline(settings)
    pipeline.nlp  # noqa: B018  load the model before any clock starts
    for doc in corpora.relevant[:WARMUP_DOCS]:
        pipeline.process(doc)  # first calls load lazy data (dates, gazetteers)
    for doc in corpora.news[:WARMUP_DOCS]:
        detect(doc, settings)
        keywords(doc)
    loads_before = load_model.cache_info().misses
    news_name, relevant_name = "ordinary news", "relevant"

    def detect_one(doc: Document) -> object:
        return detect(doc, settings)

    detection = time_stage(
        "detection gate", news_name, corpora.news, detect_one, rounds=CHEAP_ROUNDS
    )
    keywords_news = time_stage(
        "keyword baseline", news_name, corpora.news, keywords, rounds=CHEAP_ROUNDS
    )
    whole = time_stage("whole pipeline", relevant_name, corpora.relevant, pipeline.process)
    keywords_relevant = time_stage(
        "keyword baseline", relevant_name, corpora.relevant, keywords, rounds=CHEAP_ROUNDS
    )
    info = load_model.cache_info()
    return BenchReport(
        corpora=corpora,
        detection=detection,
        keywords_news=keywords_news,
        pipeline=whole,
        keywords_relevant=keywords_relevant,
        peak_rss_mib=peak_rss_mib(),
        model=settings.spacy_model,
        model_loads=info.currsize,
        model_loads_while_timing=info.misses - loads_before,
    )


# --- text -------------------------------------------------------------------


def _num(value: float | None, digits: int) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def format_bench(report: BenchReport) -> str:
    """Return a fixed-width text report of a bench run, with PASS/FAIL per target."""
    lines = [
        f"bench {report.corpora.data_dir} (Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, model {report.model})",
        "documents: " + ", ".join(f"{n} {c}" for n, c in report.corpora.counts),
        "",
        f"{'stage':<18}{'corpus':<16}{'docs':>6}{'chars/doc':>11}{'CPU s':>9}"
        f"{'docs/s/core':>13}{'x keywords':>12}",
    ]
    rows = (
        (report.detection, report.detection_vs_keywords),
        (report.keywords_news, 1.0),
        (report.pipeline, report.pipeline_vs_keywords),
        (report.keywords_relevant, 1.0),
    )
    for stage, ratio in rows:
        per_doc = stage.chars / stage.docs if stage.docs else None
        lines.append(
            f"{stage.name:<18}{stage.corpus:<16}{stage.docs:>6}{_num(per_doc, 0):>11}"
            f"{_num(stage.cpu_seconds, 2):>9}{_num(stage.docs_per_cpu_second, 1):>13}"
            f"{_num(ratio, 4):>12}"
        )
    lines += [
        "",
        f"ordinary news = {NEWS_CORPUS}; relevant = gold-relevant documents of "
        + ", ".join(n for n, _ in report.corpora.counts if n != NEWS_CORPUS),
        "docs/s/core = documents over process CPU seconds (cheap stages: fastest of "
        f"{CHEAP_ROUNDS} rounds); x keywords = speed over the keyword baseline's on the same "
        "documents",
        f"peak memory {report.peak_rss_mib:,.1f} MiB; spaCy model loads in this process "
        f"{report.model_loads} ({report.model_loads_while_timing} while timing)",
        "",
        "targets",
    ]
    for t in report.targets:
        goal = f"{t.name} {t.op} {t.threshold:g} {t.unit}"
        value = _num(t.value, 0 if t.op == "==" else 1)
        lines.append(f"  {goal:<48}{value:>12}  {'PASS' if t.passed else 'FAIL'}")
    return "\n".join(lines) + "\n"
