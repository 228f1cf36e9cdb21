"""`forcewatch bench` and its library function on a tiny data folder written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from forcewatch.bench import (
    NEWS_CORPUS,
    BenchReport,
    format_bench,
    load_corpora,
    run_bench,
)
from forcewatch.cli import app
from forcewatch.errors import EvalError

NEWS = [
    "The city council approved a new budget for parks and libraries on Tuesday evening.",
    "Shares in the airline rose after it reported more passengers over the holidays.",
    "Heavy rain closed two roads in the hill country and farmers moved stock to higher ground.",
]
RELEVANT = [
    "Police shot and killed Aroha Manu, 29, after she drove at officers in Rotorua on Sunday.",
    "A deputy shot Carl Jensen in the shoulder during a traffic stop; he survived.",
]
HARD_NEGATIVE = "Police arrested a man after a shop owner was shot by a robber on Friday."


def _incident(name: str, outcome: str) -> dict:
    fields = (
        "subject_age subject_sex date place region country agency subject_weapon officers_fired"
    )
    return {
        "subject_name": name,
        "name_withheld": False,
        "outcome": outcome,
        "force": "firearm",
        "investigations": [],
        **dict.fromkeys(fields.split()),
    }


def _line(doc_id: str, text: str, incidents: list[dict] | None = None) -> str:
    gold = {"relevant": incidents is not None, "incidents": incidents or []}
    return json.dumps({"id": doc_id, "text": text, "lang": "en", "gold": gold})


def _write(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    _write(folder / NEWS_CORPUS, [_line(f"n{i}", t) for i, t in enumerate(NEWS)])
    _write(
        folder / "news-dev.jsonl",
        [
            _line("d1", RELEVANT[0], [_incident("Aroha Manu", "fatal")]),
            _line("d2", HARD_NEGATIVE),
        ],
    )
    _write(folder / "hardcases-news.jsonl", [_line("h1", HARD_NEGATIVE)])
    _write(
        folder / "strib-narratives.jsonl",
        [_line("s1", RELEVANT[1], [_incident("Carl Jensen", "injured")])],
    )
    return folder


def test_load_corpora_takes_news_and_only_gold_relevant_documents(data):
    corpora = load_corpora(data)
    assert [d.external_id for d in corpora.news] == ["n0", "n1", "n2"]
    assert [d.external_id for d in corpora.relevant] == ["d1", "s1"]
    assert dict(corpora.counts) == {
        NEWS_CORPUS: 3,
        "news-dev.jsonl": 1,
        "hardcases-news.jsonl": 0,
        "strib-narratives.jsonl": 1,
    }


def test_limit_caps_documents_per_corpus(data):
    corpora = load_corpora(data, limit=2)
    assert len(corpora.news) == 2
    assert len(corpora.relevant) == 2


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(EvalError, match="nowhere: no such folder; pass --data"):
        load_corpora(tmp_path / "nowhere")


def test_missing_news_corpus_is_named(data):
    (data / NEWS_CORPUS).unlink()
    with pytest.raises(EvalError, match="negatives-news.jsonl: missing or empty"):
        load_corpora(data)


def test_no_relevant_documents_is_an_error(data):
    for name in ("news-dev.jsonl", "strib-narratives.jsonl"):
        (data / name).unlink()
    with pytest.raises(EvalError, match="no gold-relevant documents"):
        load_corpora(data)


@pytest.fixture
def report(data, settings) -> BenchReport:
    return run_bench(load_corpora(data), settings)


def test_run_bench_times_every_stage_and_loads_the_model_once(report):
    assert [s.docs for s in (report.detection, report.keywords_news)] == [3, 3]
    assert [s.docs for s in (report.pipeline, report.keywords_relevant)] == [2, 2]
    for stage in (report.detection, report.keywords_news, report.pipeline):
        assert stage.cpu_seconds > 0
        assert stage.docs_per_cpu_second > 0
        assert stage.chars > 0
    assert report.pipeline_vs_keywords > 0
    assert report.detection_vs_keywords > 0
    assert report.peak_rss_mib > 50
    assert report.model_loads == 1
    assert report.model_loads_while_timing == 0
    assert report.model_loaded_once is True


def test_targets_pass_or_fail_on_their_thresholds(report):
    targets = {t.name: t for t in report.targets}
    assert set(targets) == {"detection", "whole pipeline", "peak memory", "spaCy model loads"}
    assert (targets["detection"].threshold, targets["detection"].op) == (500.0, ">=")
    assert (targets["whole pipeline"].threshold, targets["whole pipeline"].op) == (20.0, ">=")
    assert (targets["peak memory"].threshold, targets["peak memory"].op) == (1024.0, "<")
    assert targets["spaCy model loads"].passed is True
    assert report.passed == all(t.passed for t in report.targets)


def test_text_report_lists_stages_and_a_verdict_per_target(report):
    text = format_bench(report)
    assert "whole pipeline    relevant" in text
    stages = [ln.split("  ")[0] for ln in text.splitlines()[4:8]]
    assert stages == ["detection gate", "keyword baseline", "whole pipeline", "keyword baseline"]
    verdicts = [ln.split()[-1] for ln in text.splitlines() if ln.startswith("  ")]
    assert len(verdicts) == 4
    assert set(verdicts) <= {"PASS", "FAIL"}


def test_bench_command_json_reports_all_figures(data):
    result = CliRunner().invoke(app, ["bench", "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert set(out["stages"]) == {"detection", "keywords_news", "pipeline", "keywords_relevant"}
    for stage in out["stages"].values():
        assert stage["docs"] > 0
        assert stage["docs_per_cpu_second"] > 0
        assert stage["vs_keywords"] > 0
    assert out["stages"]["keywords_news"]["vs_keywords"] == 1.0
    assert out["stages"]["pipeline"]["docs"] == 2
    assert out["peak_rss_mib"] > 0
    assert out["model"]["loads"] == 1 and out["model"]["loaded_once"] is True
    assert [t["name"] for t in out["targets"]] == [
        "detection",
        "whole pipeline",
        "peak memory",
        "spaCy model loads",
    ]
    assert out["passed"] == all(t["passed"] for t in out["targets"])


def test_bench_command_prints_text_with_targets(data):
    result = CliRunner().invoke(app, ["bench", "--data", str(data), "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "detection >= 500 docs/s per core" in result.stdout
    assert "peak memory < 1024 MiB" in result.stdout
    assert "negatives-news.jsonl 1, news-dev.jsonl 1" in result.stdout


def test_bench_command_names_a_missing_folder(tmp_path):
    result = CliRunner().invoke(app, ["bench", "--data", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "none: no such folder" in result.output
