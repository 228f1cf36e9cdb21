"""Eval reports: a fixed-width text table (runs side by side) and a JSON dict.

`to_json(run)` returns these keys (stable; floats are None when undefined):

    {"schema": 1,
     "overall": SCORES, "firearm": SCORES,
     "speed": {"docs", "wall_seconds", "cpu_seconds", "docs_per_cpu_second",
               "docs_per_wall_second", "peak_rss_mib"},
     "failures": [{"id", "error"}]}

    SCORES = {"docs",
      "relevance": {"tp", "fp", "fn", "precision", "recall", "f1",
                    "average_precision", "gold_relevant"},
      "names": {"tp", "fp", "fn", "precision", "recall", "f1", "auprc", "gold", "predicted"},
      "incidents": {"gold", "predicted", "matched", "recall", "precision", "f1"},
      "fields": {FIELD: {"n", "correct", "accuracy", "null_n", "invented",
                         "invented_share", "labelled"}},   # FIELD in gold-format order
      "investigations": {"pairs": PRF, "kinds": PRF}}     # PRF = tp fp fn precision recall f1

"firearm" restricts every figure to negatives and documents with a firearm incident,
and incident/field figures to gold incidents whose force is firearm.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from forcewatch.eval.run import EvalRun
from forcewatch.eval.score import PRF, CorpusScores, FieldScores

SCHEMA_VERSION = 1
_LABEL_WIDTH = 30
_CELL_WIDTH = 13


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _prf(prf: PRF) -> dict:
    return {
        "tp": prf.tp,
        "fp": prf.fp,
        "fn": prf.fn,
        "precision": _r(prf.precision),
        "recall": _r(prf.recall),
        "f1": _r(prf.f1),
    }


def _field(scores: FieldScores) -> dict:
    return {
        "n": scores.n,
        "correct": scores.correct,
        "accuracy": _r(scores.accuracy),
        "null_n": scores.null_n,
        "invented": scores.invented,
        "invented_share": _r(scores.invented_share),
        "labelled": scores.labelled,
    }


def scores_json(scores: CorpusScores) -> dict:
    """Return one CorpusScores as the SCORES dict described in the module docstring."""
    inc = scores.incidents
    return {
        "docs": scores.docs,
        "relevance": {
            **_prf(scores.relevance.prf),
            "average_precision": _r(scores.relevance.average_precision),
            "gold_relevant": scores.relevance.gold_relevant,
        },
        "names": {
            **_prf(scores.names.prf),
            "auprc": _r(scores.names.auprc),
            "gold": scores.names.gold,
            "predicted": scores.names.predicted,
        },
        "incidents": {
            "gold": inc.gold,
            "predicted": inc.predicted,
            "matched": inc.matched,
            "recall": _r(inc.recall),
            "precision": _r(inc.precision),
            "f1": _r(inc.f1),
        },
        "fields": {f.field: _field(f) for f in scores.fields},
        "investigations": {
            "pairs": _prf(scores.investigations.pairs),
            "kinds": _prf(scores.investigations.kinds),
        },
    }


def to_json(run: EvalRun) -> dict:
    """Return the run's figures as a JSON-ready dict with stable keys."""
    speed = run.speed
    return {
        "schema": SCHEMA_VERSION,
        "overall": scores_json(run.overall),
        "firearm": scores_json(run.firearm),
        "speed": {
            "docs": speed.docs,
            "wall_seconds": _r(speed.wall_seconds, 3),
            "cpu_seconds": _r(speed.cpu_seconds, 3),
            "docs_per_cpu_second": _r(speed.docs_per_cpu_second, 2),
            "docs_per_wall_second": _r(speed.docs_per_wall_second, 2),
            "peak_rss_mib": _r(speed.peak_rss_mib, 1),
        },
        "failures": [{"id": doc_id, "error": message} for doc_id, message in run.failures],
    }


# --- text -----------------------------------------------------------------

Getter = Callable[[CorpusScores], str]


@dataclass(frozen=True)
class _Row:
    label: str
    scores: Getter | None = None  # per CorpusScores (all, firearm)
    speed: Callable[[EvalRun], str] | None = None  # once per run


def _num(value: float | None, digits: int = 3) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _with_n(value: float | None, n: int) -> str:
    return f"{_num(value)} ({n})"


def _prf_rows(get: Callable[[CorpusScores], PRF], indent: str = "  ") -> list[_Row]:
    return [
        _Row(f"{indent}precision", lambda s: _num(get(s).precision)),
        _Row(f"{indent}recall", lambda s: _num(get(s).recall)),
        _Row(f"{indent}F1", lambda s: _num(get(s).f1)),
    ]


def _field_rows(name: str) -> list[_Row]:
    return [
        _Row(f"  {name}", lambda s: _with_n(s.field(name).accuracy, s.field(name).n)),
        _Row(
            "    invented (n gold null)",
            lambda s: _with_n(s.field(name).invented_share, s.field(name).null_n),
        ),
    ]


def _rows(field_names: tuple[str, ...]) -> list[_Row]:
    rows = [
        _Row("Documents", lambda s: str(s.docs)),
        _Row("Relevance"),
        *_prf_rows(lambda s: s.relevance.prf),
        _Row("  average precision", lambda s: _num(s.relevance.average_precision)),
        _Row("  gold relevant", lambda s: str(s.relevance.gold_relevant)),
        _Row("Subject names (corpus)"),
        *_prf_rows(lambda s: s.names.prf),
        _Row("  AUPRC", lambda s: _num(s.names.auprc)),
        _Row("  gold / predicted", lambda s: f"{s.names.gold} / {s.names.predicted}"),
        _Row("Incidents"),
        _Row("  gold / predicted", lambda s: f"{s.incidents.gold} / {s.incidents.predicted}"),
        _Row("  matched", lambda s: str(s.incidents.matched)),
        _Row("  recall", lambda s: _num(s.incidents.recall)),
        _Row("  precision", lambda s: _num(s.incidents.precision)),
        _Row("  F1", lambda s: _num(s.incidents.f1)),
        _Row("Fields on matched (accuracy (n))"),
    ]
    for name in field_names:
        rows += _field_rows(name)
    rows += [
        _Row("Investigations (kind, finding)"),
        *_prf_rows(lambda s: s.investigations.pairs),
        _Row("Investigations (kind)"),
        *_prf_rows(lambda s: s.investigations.kinds),
        _Row("Speed and memory"),
        _Row("  docs/s per core (CPU time)", speed=lambda r: _num(r.speed.docs_per_cpu_second, 1)),
        _Row("  docs/s (wall, 1 core)", speed=lambda r: _num(r.speed.docs_per_wall_second, 1)),
        _Row("  CPU seconds", speed=lambda r: _num(r.speed.cpu_seconds, 2)),
        _Row("  wall seconds", speed=lambda r: _num(r.speed.wall_seconds, 2)),
        _Row("  peak memory MiB", speed=lambda r: _num(r.speed.peak_rss_mib, 1)),
        _Row("  failed documents", speed=lambda r: str(len(r.failures))),
    ]
    return rows


def _line(label: str, cells: list[str]) -> str:
    return (label.ljust(_LABEL_WIDTH) + "".join(c.rjust(_CELL_WIDTH) for c in cells)).rstrip()


def format_text(runs: EvalRun | Mapping[str, EvalRun], corpus_name: str) -> str:
    """Return a fixed-width report; several named runs are shown side by side."""
    named = {"forcewatch": runs} if isinstance(runs, EvalRun) else dict(runs)
    if not named:
        return f"eval {corpus_name}: no runs\n"
    first = next(iter(named.values()))
    field_names = tuple(f.field for f in first.overall.fields)
    lines = [f"eval {corpus_name}", ""]
    header, sub = [], []
    for name in named:
        header += [name[: _CELL_WIDTH * 2 - 1].rjust(_CELL_WIDTH * 2)]
        sub += ["all".rjust(_CELL_WIDTH), "firearm".rjust(_CELL_WIDTH)]
    lines.append((" " * _LABEL_WIDTH + "".join(header)).rstrip())
    lines.append((" " * _LABEL_WIDTH + "".join(sub)).rstrip())
    for row in _rows(field_names):
        cells: list[str] = []
        for run in named.values():
            if row.scores is not None:
                cells += [row.scores(run.overall), row.scores(run.firearm)]
            elif row.speed is not None:
                cells += [row.speed(run), ""]
            else:
                cells += ["", ""]
        lines.append(_line(row.label, cells))
    unlabelled = [f.field for f in first.overall.fields if not f.labelled]
    if unlabelled:
        lines += ["", "No gold value anywhere in this corpus for: " + ", ".join(unlabelled)]
    lines += [
        "",
        "firearm = negatives and documents with a firearm incident; fields on firearm incidents.",
        "invented = share of matched incidents with a null gold value where a value was predicted.",
    ]
    return "\n".join(lines) + "\n"
