"""Running a process function over gold documents: results, speed, failures, errors."""

from pathlib import Path

from forcewatch.errors import ExtractError
from forcewatch.eval.gold import read_gold
from forcewatch.eval.run import ErrorRow, errors, evaluate

from .builders import mention, oracle, result

SMALL = Path(__file__).resolve().parents[1] / "data" / "eval" / "gold-small.jsonl"


def test_oracle_process_scores_perfectly():
    docs = read_gold(SMALL)
    by_id = {d.id: d for d in docs}
    run = evaluate(docs, lambda document: oracle(by_id[document.external_id]))
    assert run.overall.relevance.prf.f1 == 1.0
    assert run.overall.incidents.matched == 3
    assert all(f.accuracy in (1.0, None) for f in run.overall.fields)
    assert all(f.invented == 0 for f in run.overall.fields)
    assert run.firearm.docs == 3
    assert errors(run.pairs) == []


def test_speed_and_memory_are_measured():
    docs = read_gold(SMALL)
    run = evaluate(docs, lambda document: result(next(d for d in docs if d.document is document)))
    assert run.speed.docs == 3
    assert run.speed.wall_seconds > 0
    assert run.speed.cpu_seconds >= 0
    assert run.speed.peak_rss_mib > 1
    assert run.speed.docs_per_wall_second > 0


def test_failed_document_is_scored_as_not_relevant():
    docs = read_gold(SMALL)

    def process(document):
        if document.external_id == "small-001":
            raise ExtractError("small-001: cannot analyse")
        return result(next(d for d in docs if d.document is document))

    run = evaluate(docs, process)
    assert run.failures == (("small-001", "small-001: cannot analyse"),)
    assert run.pairs[0][1].relevant is False
    assert run.overall.relevance.prf.fn == 2


def test_errors_list_relevance_fields_and_missed_incidents():
    docs = read_gold(SMALL)
    named, pair, negative = docs
    wrong = mention(
        "small-001",
        subject_name="Hemi Te Rangi",
        subject_age=41,
        subject_sex="male",
        date="2021-03",
        place="Tauranga",
        region="Bay of Plenty",
        country="NZ",
        agency="New Zealand Police",
        subject_weapon="rifle",
        officers_fired=1,
        investigations=(("oversight", "pending"),),
    )
    pairs = [
        (named, result(named, wrong)),
        (pair, result(pair)),
        (negative, result(negative, mention("small-003", "injured", force="other"))),
    ]
    rows = errors(pairs)
    assert ErrorRow("small-001", "date", "2021-03-13", "2021-03", 0) in rows
    assert ErrorRow("small-002", "relevant", "true", "false") in rows
    assert ErrorRow("small-002", "incident", "(withheld) fatal firearm 2020-07-31", None, 0) in rows
    assert ErrorRow("small-003", "relevant", "false", "true") in rows
    assert ErrorRow("small-003", "incident", None, "(unnamed) injured other") in rows
    assert len(rows) == 6
