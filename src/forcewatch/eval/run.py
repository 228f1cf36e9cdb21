"""Run a pipeline over gold documents, time it, score it, and list its mistakes."""

from __future__ import annotations

import logging
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from forcewatch.errors import ForcewatchError
from forcewatch.eval.compare import SCORED_FIELDS, display, field_equal, is_null
from forcewatch.eval.gold import GoldDoc, GoldIncident
from forcewatch.eval.match import DocEval, prepare_all
from forcewatch.eval.score import CorpusScores, score_prepared
from forcewatch.records import Detection, DocResult, Document

log = logging.getLogger(__name__)


def per_second(count: int, seconds: float) -> float | None:
    """Return count / seconds, or None when no time was measured."""
    return count / seconds if seconds > 0 else None


class DocRates:
    """Documents per second of a timed run; mixed into records with `docs`,
    `cpu_seconds` and `wall_seconds` (the eval run here, the stages of `forcewatch bench`)."""

    docs: int
    cpu_seconds: float
    wall_seconds: float

    @property
    def docs_per_cpu_second(self) -> float | None:
        """Documents per second per core: documents over process CPU time."""
        return per_second(self.docs, self.cpu_seconds)

    @property
    def docs_per_wall_second(self) -> float | None:
        """Documents per wall-clock second with the one core the run used."""
        return per_second(self.docs, self.wall_seconds)


@dataclass(frozen=True)
class SpeedScores(DocRates):
    """Time and memory of one run over a corpus, in one process."""

    docs: int
    wall_seconds: float
    cpu_seconds: float
    peak_rss_mib: float


@dataclass(frozen=True)
class EvalRun:
    """A scored run: results per document, overall and firearm-only figures, speed."""

    pairs: tuple[tuple[GoldDoc, DocResult], ...]
    overall: CorpusScores
    firearm: CorpusScores
    speed: SpeedScores
    failures: tuple[tuple[str, str], ...] = ()  # (doc id, error message)


@dataclass(frozen=True)
class ErrorRow:
    """One mistake: a document, a field (or "relevant" / "incident"), gold and predicted."""

    doc_id: str
    field: str
    gold: str | None
    predicted: str | None
    incident: int | None = None  # index of the gold incident, when there is one


def peak_rss_mib() -> float:
    """Return this process's peak resident memory in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return peak / scale


def evaluate(gold_docs: Sequence[GoldDoc], process: Callable[[Document], DocResult]) -> EvalRun:
    """Return the scored run of `process` over every gold document.

    A document whose processing raises ForcewatchError is logged, counted as a
    failure and scored as predicted not relevant.
    """
    results: list[DocResult] = []
    failures: list[tuple[str, str]] = []
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for gold in gold_docs:
        try:
            result = process(gold.document)
        except ForcewatchError as err:
            log.warning(
                "%s (%s): pipeline failed, scored as not relevant: %s",
                gold.id,
                gold.document.origin,
                err,
            )
            failures.append((gold.id, str(err)))
            result = DocResult(gold.document, Detection(False, 0.0), skipped=f"error: {err}")
        results.append(result)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    speed = SpeedScores(len(gold_docs), wall, cpu, peak_rss_mib())
    pairs = tuple(zip(gold_docs, results, strict=True))
    return score_run(pairs, speed, tuple(failures))


def score_run(
    pairs: Sequence[tuple[GoldDoc, DocResult]],
    speed: SpeedScores,
    failures: tuple[tuple[str, str], ...] = (),
) -> EvalRun:
    """Return an EvalRun for results produced elsewhere (e.g. read from a file)."""
    docs = prepare_all(pairs)
    return EvalRun(
        pairs=tuple(pairs),
        overall=score_prepared(docs),
        firearm=score_prepared(docs, firearm_only=True),
        speed=speed,
        failures=failures,
    )


def errors(pairs: Sequence[tuple[GoldDoc, DocResult]]) -> list[ErrorRow]:
    """Return every wrong relevance decision, missed or extra incident, and wrong field."""
    rows: list[ErrorRow] = []
    for doc in prepare_all(pairs):
        rows.extend(_doc_errors(doc))
    return rows


def _doc_errors(doc: DocEval) -> list[ErrorRow]:
    doc_id = doc.gold.id
    rows = []
    if doc.gold.relevant != doc.result.relevant:
        rows.append(
            ErrorRow(
                doc_id, "relevant", str(doc.gold.relevant).lower(), str(doc.result.relevant).lower()
            )
        )
    for gi, pi in doc.match.pairs:
        gold, pred = doc.gold.incidents[gi], doc.predicted[pi].incident
        for name in SCORED_FIELDS:
            wrong = (
                not is_null(pred, name)
                if is_null(gold, name)
                else not field_equal(name, gold, pred)
            )
            if wrong:
                rows.append(ErrorRow(doc_id, name, display(gold, name), display(pred, name), gi))
    for gi in doc.match.unmatched_gold:
        rows.append(ErrorRow(doc_id, "incident", summary(doc.gold.incidents[gi]), None, gi))
    for pi in doc.match.unmatched_pred:
        rows.append(ErrorRow(doc_id, "incident", None, summary(doc.predicted[pi].incident)))
    return rows


def summary(incident: GoldIncident) -> str:
    """Return a one-line description of an incident for error listings."""
    parts = [
        incident.subject_name or ("(withheld)" if incident.name_withheld else "(unnamed)"),
        incident.outcome.value,
        incident.force.value,
    ]
    parts += [v for v in (incident.date, incident.place) if v]
    return " ".join(parts)
