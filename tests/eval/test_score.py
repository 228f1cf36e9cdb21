"""Scoring arithmetic on hand-made gold documents and pipeline results."""

import pytest

from forcewatch.eval.match import match_incidents
from forcewatch.eval.score import PRF, average_precision, score_corpus

from .builders import gold, incident, mention, result


def _names_corpus():
    d1 = gold("d1", incident(subject_name="Aroha Tane"))
    d2 = gold("d2", incident(subject_name="Ben Okafor"))
    d3 = gold("d3", incident(subject_name="Carla Diaz"))
    d4 = gold("d4")
    return [
        (d1, result(d1, mention("d1", subject_name="Aroha Tane", confidence=0.9))),
        (d2, result(d2, mention("d2", subject_name="Ben Okafor", confidence=0.3))),
        (d3, result(d3, mention("d3", subject_name="Ben J. Okafor Jr", confidence=0.7))),
        (
            d4,
            result(
                d4,
                mention("d4", subject_name="Xavier Dunn", confidence=0.8),
                mention("d4", subject_name="Yusuf Ali", confidence=0.6),
            ),
        ),
    ]


def test_name_precision_recall_count_each_name_once():
    names = score_corpus(_names_corpus()).names
    assert (names.prf.tp, names.prf.fp, names.prf.fn) == (2, 2, 1)
    assert names.prf.precision == 0.5
    assert names.prf.recall == pytest.approx(2 / 3)
    assert names.prf.f1 == pytest.approx(4 / 7)
    assert (names.gold, names.predicted) == (3, 4)


def test_name_auprc_ranks_names_by_best_confidence():
    # ranked: aroha .9 hit, xavier .8 miss, ben .7 (best of .3/.7) hit, yusuf .6 miss
    # AP = 1/3 * 1 + 1/3 * 2/3 = 5/9; carla is never predicted
    assert score_corpus(_names_corpus()).names.auprc == pytest.approx(5 / 9)


def test_name_confidence_is_the_lower_of_mention_and_name():
    d1 = gold("d1", incident(subject_name="Aroha Tane"))
    d2 = gold("d2")
    pairs = [
        (
            d1,
            result(
                d1, mention("d1", subject_name="Aroha Tane", confidence=0.9, name_confidence=0.2)
            ),
        ),
        (d2, result(d2, mention("d2", subject_name="Xavier Dunn", confidence=0.5))),
    ]
    # xavier (.5) outranks aroha (.2): AP = 1 * 1/2
    assert score_corpus(pairs).names.auprc == pytest.approx(0.5)


def test_relevance_precision_recall_f1():
    rel = score_corpus(_names_corpus()).relevance
    assert (rel.prf.tp, rel.prf.fp, rel.prf.fn) == (3, 1, 0)
    assert rel.prf.precision == 0.75
    assert rel.prf.recall == 1.0
    assert rel.prf.f1 == pytest.approx(6 / 7)
    assert rel.gold_relevant == 3


def test_relevance_average_precision_uses_document_score():
    g = [gold("a", incident()), gold("b"), gold("c", incident()), gold("d")]
    pairs = [
        (g[0], result(g[0], mention("a", confidence=0.9))),
        (g[1], result(g[1], mention("b", confidence=0.8))),
        (g[2], result(g[2], score=0.4)),
        (g[3], result(g[3], score=0.1)),
    ]
    rel = score_corpus(pairs).relevance
    assert (rel.prf.tp, rel.prf.fp, rel.prf.fn) == (1, 1, 1)
    assert rel.average_precision == pytest.approx(0.5 * 1 + 0.5 * 2 / 3)


def test_average_precision_ties_share_one_step():
    assert average_precision([(0.5, True), (0.5, False)], 1) == 0.5
    assert average_precision([(0.9, True), (0.1, False)], 2) == 0.5
    assert average_precision([], 0) is None


def test_lone_incidents_match_even_with_different_names():
    inc = score_corpus(_names_corpus()).incidents
    assert (inc.gold, inc.predicted, inc.matched) == (3, 5, 3)
    assert inc.recall == 1.0
    assert inc.precision == 0.6
    field = score_corpus(_names_corpus()).field("subject_name")
    assert (field.n, field.correct) == (3, 2)


def test_field_accuracy_and_invented_share():
    g = gold(
        "d1",
        incident(
            date="2019-09-08",
            region="TX",
            country="US",
            agency="Dallas Police Department, Dallas County Sheriff's Office",
            place="São Paulo",
        ),
    )
    p = mention(
        "d1",
        date="2019-09",
        region="Texas",
        country="US",
        agency="the dallas police department",
        place="sao paulo",
        subject_age=30,
    )
    scores = score_corpus([(g, result(g, p))])
    date = scores.field("date")
    assert (date.n, date.correct, date.accuracy) == (1, 0, 0.0)
    for name in ("region", "agency", "place", "country", "outcome", "force"):
        assert scores.field(name).accuracy == 1.0, name
    age = scores.field("subject_age")
    assert (age.n, age.accuracy, age.null_n, age.invented, age.invented_share) == (
        0,
        None,
        1,
        1,
        1.0,
    )
    assert scores.field("officers_fired").invented_share == 0.0
    assert scores.field("officers_fired").labelled is False


def test_unnamed_incidents_in_one_document_match_by_agreement():
    g = gold(
        "d1",
        incident("fatal", place="Ashford", date="2020-07-31"),
        incident("injured", place="Ashford", date="2020-07-31"),
    )
    p = result(
        g,
        mention("d1", "injured", place="Ashford", date="2020-07-31"),
        mention("d1", "fatal", place="Ashford", date="2020-07-31"),
    )
    scores = score_corpus([(g, p)])
    assert scores.incidents.matched == 2
    assert scores.field("outcome").accuracy == 1.0


def test_named_then_unnamed_matching_in_multi_incident_document():
    g = [incident("fatal", subject_name="Tama Rewi"), incident("injured")]
    p = [incident("injured"), incident("fatal", subject_name="Tama J. Rewi")]
    match = match_incidents(g, p)
    assert match.pairs == ((0, 1), (1, 0))
    assert (match.unmatched_gold, match.unmatched_pred) == ((), ())


def test_two_different_names_in_multi_incident_document_do_not_match():
    g = [incident(subject_name="Tama Rewi"), incident(subject_name="Ana Rewi")]
    p = [incident(subject_name="Hone Rewi"), incident(subject_name="Ana Rewi")]
    match = match_incidents(g, p)
    assert match.pairs == ((1, 1),)
    assert match.unmatched_gold == (0,)
    assert match.unmatched_pred == (0,)


def test_firearm_only_keeps_negatives_and_firearm_incidents():
    d1 = gold("d1", incident(force="firearm", subject_name="Aroha Tane"))
    d2 = gold("d2", incident(force="taser", subject_name="Ben Okafor"))
    d3 = gold("d3")
    d4 = gold("d4", incident("fatal", force="firearm"), incident("injured", force="dog"))
    pairs = [
        (d1, result(d1, mention("d1", subject_name="Aroha Tane"))),
        (d2, result(d2, mention("d2", force="taser", subject_name="Ben Okafor"))),
        (d3, result(d3, mention("d3", force="vehicle"))),
        (d4, result(d4, mention("d4", "fatal"), mention("d4", "injured", force="dog"))),
    ]
    fa = score_corpus(pairs, firearm_only=True)
    assert fa.docs == 3
    assert (fa.relevance.prf.tp, fa.relevance.prf.fp, fa.relevance.prf.fn) == (2, 1, 0)
    assert (fa.names.gold, fa.names.predicted) == (1, 1)
    # d3's vehicle prediction is not firearm; d4's dog incident is left out
    assert (fa.incidents.gold, fa.incidents.predicted, fa.incidents.matched) == (2, 2, 2)
    assert fa.field("force").n == 2
    every = score_corpus(pairs)
    assert (every.incidents.gold, every.incidents.predicted, every.incidents.matched) == (4, 5, 4)


def test_investigation_pairs_and_kinds():
    g = gold("d1", incident(investigations=[("oversight", "pending"), ("police", None)]))
    p = mention("d1", investigations=(("oversight", "justified"), ("police", None)))
    inv = score_corpus([(g, result(g, p))]).investigations
    assert (inv.pairs.tp, inv.pairs.fp, inv.pairs.fn) == (1, 1, 1)
    assert inv.pairs.f1 == 0.5
    assert (inv.kinds.tp, inv.kinds.fp, inv.kinds.fn) == (2, 0, 0)
    assert inv.kinds.f1 == 1.0


def test_prf_undefined_without_items():
    empty = PRF(0, 0, 0)
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)
    assert PRF(0, 0, 2).f1 == 0.0
