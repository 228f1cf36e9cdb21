"""Text and JSON reports of an eval run."""

import json
from pathlib import Path

from forcewatch.eval.gold import read_gold
from forcewatch.eval.report import format_text, to_json
from forcewatch.eval.run import evaluate

from .builders import oracle, result

SMALL = Path(__file__).resolve().parents[1] / "data" / "eval" / "gold-small.jsonl"


def _runs():
    docs = read_gold(SMALL)
    by_id = {d.id: d for d in docs}
    good = evaluate(docs, lambda doc: oracle(by_id[doc.external_id]))
    empty = evaluate(docs, lambda doc: result(by_id[doc.external_id]))
    return good, empty


def _cells(text, label):
    line = next(ln for ln in text.splitlines() if ln.startswith(label))
    return line[len(label) :].split()


def test_text_report_shows_runs_side_by_side():
    good, empty = _runs()
    text = format_text({"forcewatch": good, "keywords": empty}, "gold-small.jsonl")
    assert text.startswith("eval gold-small.jsonl\n")
    assert "forcewatch" in text and "keywords" in text
    assert _cells(text, "Documents") == ["3", "3", "3", "3"]
    assert _cells(text, "  recall")[:4] == ["1.000", "1.000", "0.000", "0.000"]
    assert _cells(text, "  date") == ["1.000", "(3)", "1.000", "(3)", "-", "(0)", "-", "(0)"]
    assert "  peak memory MiB" in text


def test_text_report_accepts_a_single_run():
    good, _ = _runs()
    text = format_text(good, "gold-small.jsonl")
    assert _cells(text, "  AUPRC") == ["1.000", "1.000"]


def test_json_report_has_stable_keys_and_values():
    good, empty = _runs()
    data = to_json(empty)
    json.dumps(data)  # serialisable
    assert set(data) == {"schema", "overall", "firearm", "speed", "failures"}
    overall = data["overall"]
    assert set(overall) == {"docs", "relevance", "names", "incidents", "fields", "investigations"}
    assert overall["relevance"]["fn"] == 2
    assert overall["relevance"]["precision"] is None
    assert overall["incidents"] == {
        "gold": 3,
        "predicted": 0,
        "matched": 0,
        "recall": 0.0,
        "precision": None,
        "f1": 0.0,
    }
    assert list(overall["fields"])[0] == "subject_name"
    assert set(overall["fields"]["date"]) == {
        "n",
        "correct",
        "accuracy",
        "null_n",
        "invented",
        "invented_share",
        "labelled",
    }
    assert to_json(good)["overall"]["names"]["auprc"] == 1.0
    assert data["speed"]["docs"] == 3
