"""Scoring and 1:1 assignment of incidents to reference records (pure, no database)."""

from __future__ import annotations

import random

import pytest

from forcewatch.link.reference_match import DateIndex, Side, date_span, match, score_pair
from forcewatch.link.reference_places import compare_places, nz_districts
from forcewatch.records import PartialDate


def _side(id_: int, date: str, country: str = "NZ", **kw) -> Side:
    return Side(id=id_, date=PartialDate.parse(date), country=country, **kw)


@pytest.mark.parametrize(
    ("name", "district"),
    [
        ("Rotorua", "Bay of Plenty"),
        ("Hastings", "Eastern"),
        ("Hawke's Bay", "Eastern"),
        ("Counties/Manukau", "Counties Manukau"),
        ("Whanganui", "Central"),
        ("Invercargill", "Southern"),
        ("Lower Hutt", "Wellington"),
        ("Blenheim", "Tasman"),
        ("Takapuna", "Waitemata"),
    ],
)
def test_nz_places_and_regions_fall_in_their_district(name, district):
    assert district in nz_districts(name)


def test_old_auckland_district_covers_the_three_auckland_districts():
    assert nz_districts("Auckland") >= {"Auckland City", "Waitemata", "Counties Manukau"}
    verdict = compare_places("NZ", "Manurewa", None, None, "Auckland")
    assert verdict.region == 1 and verdict.reason == "district Auckland = Manurewa"


def test_other_nz_district_is_a_disagreement():
    verdict = compare_places("NZ", "Rotorua", "Bay of Plenty", None, "Canterbury")
    assert (verdict.region, verdict.reason) == (-1, "district Canterbury ≠ Rotorua")


def test_reasons_read_date_district_outcome_and_age():
    inc = _side(1, "2021-05-14", place="Rotorua", region="Bay of Plenty", outcome="fatal", age=34)
    rec = _side(9, "2021-05-15", region="Bay of Plenty", outcome="fatal", age=34, sex="male")
    pair = score_pair(inc, rec)
    assert pair is not None
    assert pair.reasons == (
        "date +1 day", "district Bay of Plenty = Rotorua", "outcome fatal", "age 34",
    )  # fmt: skip
    assert pair.score == 2.0 + 2.0 + 1.0 + 1.0


def test_month_precision_incident_is_compatible_with_any_day_of_that_month():
    inc = _side(1, "2021-05", place="Hastings", outcome="injured")
    late = _side(2, "2021-05-31", region="Eastern", outcome="injured")
    june = _side(3, "2021-06-20", region="Eastern", outcome="injured")
    assert date_span(PartialDate(2021, 5))[1] - date_span(PartialDate(2021, 5))[0] == 30
    pairs = match([inc], [late, june])
    assert [(p.incident_id, p.record_id) for p in pairs] == [(1, 2)]
    assert pairs[0].reasons[0] == "date 2021-05 includes 2021-05-31"


def test_us_names_score_full_over_surname_and_penalise_different_names():
    inc = _side(1, "2016-02-03", "US", name="Dale R. Ortiz Jr", region="AZ", place="Mesa")
    full = _side(2, "2016-02-03", "US", name="Dale Ortiz", region="AZ", place="Mesa")
    surname = _side(3, "2016-02-03", "US", name="Ray Ortiz", region="AZ")
    other = _side(4, "2016-02-03", "US", name="Kim Lowe", region="AZ", place="Mesa")
    scores = {r.id: score_pair(inc, r) for r in (full, surname, other)}
    assert scores[2].reasons[:3] == ("date same day", "place Mesa; state AZ", "name Dale Ortiz")
    assert "surname Ortiz" in scores[3].reasons
    assert "name Kim Lowe ≠ Dale R. Ortiz Jr" in scores[4].reasons
    assert scores[2].score > scores[3].score > scores[4].score


def test_pair_without_place_or_name_agreement_is_not_kept():
    inc = _side(1, "2019-12-05", outcome="fatal", age=66)  # no place: nothing anchors it
    rec = _side(2, "2019-12-05", region="Southern", outcome="fatal", age=66)
    assert score_pair(inc, rec) is None and match([inc], [rec]) == []


def test_contradicting_district_outweighs_a_same_day_date():
    inc = _side(1, "2019-12-05", place="Rotorua", outcome="fatal")
    rec = _side(2, "2019-12-05", region="Southern", outcome="fatal")
    assert match([inc], [rec]) == []


def test_assignment_is_one_to_one_best_first_and_ties_go_to_lower_ids():
    recs = [_side(10, "2020-01-02", region="Waikato"), _side(11, "2020-01-02", region="Waikato")]
    incs = [_side(5, "2020-01-02", place="Hamilton"), _side(4, "2020-01-02", place="Hamilton")]
    pairs = match(incs, recs)
    assert [(p.incident_id, p.record_id) for p in pairs] == [(4, 10), (5, 11)]
    assert match(list(reversed(incs)), list(reversed(recs))) == pairs


def test_date_index_finds_records_overlapping_a_window():
    recs = [_side(1, "2020-01"), _side(2, "2020-02-10"), _side(3, "2020-03-01"), _side(4, "2019")]
    index = DateIndex(recs)
    lo, hi = date_span(PartialDate(2020, 2, 8))
    assert sorted(r.id for r in index.around(lo - 3, hi + 3)) == [2]
    lo, hi = date_span(PartialDate(2020, 1, 30))
    assert sorted(r.id for r in index.around(lo - 3, hi + 3)) == [1]
    assert sorted(r.id for r in index.around(lo - 3, hi + 12)) == [1, 2]
    lo, hi = date_span(PartialDate(2019, 12, 31))
    assert sorted(r.id for r in index.around(lo, hi)) == [4]


def _synthetic(n: int, seed: int) -> tuple[list[Side], list[Side]]:
    """Return n records and n incidents over ten years of US dates, half of them true pairs."""
    rng = random.Random(seed)
    states = ["AZ", "CA", "TX", "FL", "WA", "OR", "NV", "GA", "OH", "NY"]
    surnames = [f"Name{i}" for i in range(2000)]
    records, incidents = [], []
    for i in range(n):
        day = rng.randrange(3650)
        d = PartialDate.from_date(date_from(day))
        state = rng.choice(states)
        name = f"Person {rng.choice(surnames)}"
        age = rng.randrange(16, 80)
        city = f"City{rng.randrange(400)}"
        where = {"place": city, "region": state}
        records.append(Side(i, d, "US", name=name, outcome="fatal", age=age, **where))
        if i % 2 == 0:  # a news story about the same shooting, a day off sometimes
            shift = rng.choice((0, 0, 1, -1))
            nd = PartialDate.from_date(date_from(day + shift))
            incidents.append(Side(i, nd, "US", name=name, outcome="fatal", age=age, **where))
        else:  # a shooting the list does not have
            nd = PartialDate.from_date(date_from(rng.randrange(3650)))
            incidents.append(Side(i, nd, "US", region=rng.choice(states), outcome="injured"))
    return records, incidents


def date_from(day: int):
    import datetime as dt

    return dt.date(2010, 1, 1) + dt.timedelta(days=day)


def test_ten_thousand_against_ten_thousand_finds_the_true_pairs():
    """Correctness at scale; the time it takes is measured by benchmarks/linking.py."""
    records, incidents = _synthetic(10_000, seed=7)
    pairs = match(incidents, records)
    true = sum(1 for p in pairs if p.incident_id == p.record_id and p.incident_id % 2 == 0)
    assert true >= 4_950  # of 5,000 true pairs
    assert len(pairs) - true <= 50
