"""Score the pipeline on a gold corpus (../shared/docs/gold-format.md)."""

from forcewatch.eval.gold import GoldDoc, GoldIncident, GoldInvestigation, read_gold
from forcewatch.eval.names import normalise_name
from forcewatch.eval.predictions import write_predictions
from forcewatch.eval.report import format_text, to_json
from forcewatch.eval.run import ErrorRow, EvalRun, errors, evaluate
from forcewatch.eval.score import CorpusScores, score_corpus

__all__ = [
    "CorpusScores",
    "ErrorRow",
    "EvalRun",
    "GoldDoc",
    "GoldIncident",
    "GoldInvestigation",
    "errors",
    "evaluate",
    "format_text",
    "normalise_name",
    "read_gold",
    "score_corpus",
    "to_json",
    "write_predictions",
]
