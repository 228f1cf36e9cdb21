"""Reading gold corpora: records, extra keys, and errors for malformed lines."""

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from forcewatch.errors import EvalError
from forcewatch.eval.gold import read_gold
from forcewatch.records import Finding, Force, InvestigationKind, Outcome, Weapon

REPO = Path(__file__).resolve().parents[2]
SMALL = REPO / "tests" / "data" / "eval" / "gold-small.jsonl"
SHARED = REPO.parent / "shared" / "data"


def _incident(**changes):
    base = {
        "subject_name": "Aroha Tane",
        "name_withheld": False,
        "subject_age": 30,
        "subject_sex": "female",
        "outcome": "injured",
        "force": "firearm",
        "date": "2021-05",
        "place": "Hamilton",
        "region": "Waikato",
        "country": "NZ",
        "agency": "New Zealand Police",
        "subject_weapon": "knife",
        "officers_fired": 1,
        "investigations": [],
    }
    base.update(changes)
    return base


def _line(doc_id="t-1", **changes):
    doc = {
        "id": doc_id,
        "url": None,
        "source": "Test Gazette",
        "published": "2021-06-01",
        "title": None,
        "text": "An article written for the reader tests about a police shooting.",
        "lang": "en",
        "gold": {"relevant": True, "incidents": [_incident()]},
    }
    doc.update(changes)
    return json.dumps(doc)


def _write(tmp_path, *lines):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_read_gold_builds_documents_and_incidents():
    docs = read_gold(SMALL)
    assert [d.id for d in docs] == ["small-001", "small-002", "small-003"]
    first = docs[0]
    assert first.document.published == dt.date(2021, 3, 15)
    assert first.document.origin == f"{SMALL}:1"
    assert first.document.fmt == "jsonl"
    assert first.document.title == "Man shot dead by police in Tauranga named"
    inc = first.incidents[0]
    assert (inc.subject_name, inc.subject_age, inc.outcome, inc.force) == (
        "Hemi Te Rangi",
        41,
        Outcome.FATAL,
        Force.FIREARM,
    )
    assert inc.subject_weapon is Weapon.RIFLE
    assert inc.investigations[0].kind is InvestigationKind.OVERSIGHT
    assert inc.investigations[0].finding is Finding.PENDING
    assert inc.extra == {"link_key": "tauranga-2021"}
    assert len(docs[1].incidents) == 2
    assert docs[2].relevant is False and docs[2].incidents == ()


def test_blank_lines_are_skipped(tmp_path):
    path = _write(tmp_path, _line("a"), "", _line("b"))
    assert [d.id for d in read_gold(path)] == ["a", "b"]
    assert read_gold(path)[1].document.origin == f"{path}:3"


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (_line(gold={"incidents": []}), "field 'gold.relevant' missing"),
        (
            _line(gold={"relevant": "yes", "incidents": []}),
            "field 'gold.relevant' must be true or false",
        ),
        (_line(gold={"relevant": True}), "field 'gold.incidents' missing"),
        (_line(text=""), "field 'text' must be a non-empty string"),
        (_line(id=None), "field 'id' missing"),
        (_line(published="June 2021"), "field 'published' must be an ISO date"),
        (
            _line(gold={"relevant": False, "incidents": [_incident()]}),
            "field 'gold.incidents' must be [] when gold.relevant is false",
        ),
        (
            _line(gold={"relevant": True, "incidents": [_incident(outcome="dead")]}),
            "field 'gold.incidents[0].outcome' must be one of 'fatal'",
        ),
        (
            _line(gold={"relevant": True, "incidents": [_incident(subject_age="30")]}),
            "field 'gold.incidents[0].subject_age' must be a whole number",
        ),
        (
            _line(gold={"relevant": True, "incidents": [_incident(date="2021/05/04")]}),
            "field 'gold.incidents[0].date' must be YYYY-MM-DD, YYYY-MM or YYYY",
        ),
        (
            _line(gold={"relevant": True, "incidents": [_incident(subject_sex="man")]}),
            "field 'gold.incidents[0].subject_sex' must be 'male', 'female' or null",
        ),
        (
            _line(gold={"relevant": True, "incidents": [_incident(force=None)]}),
            "field 'gold.incidents[0].force' must not be null",
        ),
        (
            _line(
                gold={
                    "relevant": True,
                    "incidents": [_incident(investigations=[{"kind": "inquiry", "finding": None}])],
                }
            ),
            "field 'gold.incidents[0].investigations[0].kind' must be one of",
        ),
        (_line("t-1"), "field 'id' 't-1' repeats line 1"),
    ],
)
def test_malformed_line_names_file_line_and_field(tmp_path, bad, message):
    path = _write(tmp_path, _line("t-1"), bad)
    with pytest.raises(EvalError) as err:
        read_gold(path)
    assert str(err.value).startswith(f"{path}:2: ")
    assert message in str(err.value)


def test_missing_incident_key_is_an_error(tmp_path):
    inc = _incident()
    del inc["officers_fired"]
    path = _write(tmp_path, _line(gold={"relevant": True, "incidents": [inc]}))
    with pytest.raises(EvalError, match=r":1: field 'gold.incidents\[0\].officers_fired' missing"):
        read_gold(path)


def test_missing_file_says_so(tmp_path):
    with pytest.raises(EvalError, match="cannot open gold corpus"):
        read_gold(tmp_path / "nope.jsonl")


def test_every_shared_corpus_reads_without_error():
    corpora = sorted(SHARED.glob("*.jsonl")) if SHARED.is_dir() else []
    if not corpora:
        if os.environ.get("CI") == "true":
            pytest.fail(f"no gold corpora in {SHARED}; CI needs ../shared/data")
        pytest.skip(f"no gold corpora in {SHARED}")
    for path in corpora:
        docs = read_gold(path)
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        assert len(docs) == len(lines), path.name
        assert all(d.document.text for d in docs), path.name
        assert all(d.relevant or not d.incidents for d in docs), path.name
