"""Pairwise scores and clustering: hard negatives, unnamed mentions, order independence."""

from __future__ import annotations

import itertools
import random

import pytest

from forcewatch.link.cluster import BlockingIndex, Constraints, cluster, pair
from forcewatch.link.mention import LinkMention
from forcewatch.link.score import FAR_DAYS, date_gap, same_event, score_pair
from forcewatch.records import PartialDate


def m(key: str, doc: str | None = None, **kw: object) -> LinkMention:
    base: dict[str, object] = {
        "outcome": "fatal",
        "force": "firearm",
        "country": "NZ",
        "place": "Tarrow",
        "region": "Westland",
        "date": PartialDate(2021, 3, 6),
    }
    base.update(kw)
    return LinkMention(key=key, doc=doc or key.split(":")[0], **base)  # type: ignore[arg-type]


def test_full_name_and_surname_follow_up_link() -> None:
    s = score_pair(m("a:0", name="Dale Marrin"), m("b:0", name="Marrin", date=None))
    assert s.links and any("surname" in r for r in s.reasons)


def test_month_date_is_compatible_with_a_day_in_it() -> None:
    a = m("a:0", name="Dale Marrin", date=PartialDate(2021, 3))
    assert score_pair(a, m("b:0", name="Dale Marrin")).links


def test_injured_then_fatal_is_no_conflict() -> None:
    a = m("a:0", name="Dale Marrin", outcome="injured")
    assert score_pair(a, m("b:0", name="Dale Marrin")).links


def test_same_surname_different_first_name_is_a_hard_negative() -> None:
    s = score_pair(m("a:0", name="Dale Marrin"), m("b:0", name="Kerry Marrin"))
    assert s.cannot and not s.links


def test_same_name_two_years_apart_does_not_link() -> None:
    later = m("b:0", name="Dale Marrin", date=PartialDate(2023, 5, 1), place="Oxley")
    assert not score_pair(m("a:0", name="Dale Marrin"), later).links


def test_mentions_of_one_document_never_link_but_share_the_event() -> None:
    a, b = m("a:0", name="Dale Marrin"), m("a:1")
    assert score_pair(a, b).cannot
    assert same_event(a, b)


def test_unnamed_mention_links_only_on_close_date_and_same_place() -> None:
    named = m("a:0", name="Dale Marrin", age=41)
    assert score_pair(named, m("b:0", age=41, date=PartialDate(2021, 3, 7))).links
    assert not score_pair(named, m("c:0", place="Oxley")).links
    assert not score_pair(named, m("d:0", age=41, date=PartialDate(2021, 3, 10))).links
    assert not score_pair(named, m("e:0", age=41, date=None)).links


def test_unnamed_mention_in_another_place_of_the_region_links_on_the_same_day_and_age() -> None:
    """A suburb in one story, its city in the next: the same day and age make one person;
    without the age, two towns of one region on one day stay apart."""
    named = m("a:0", name="Dale Marrin", age=41)
    assert score_pair(named, m("c:0", age=41, place="Oxley")).links
    assert not score_pair(named, m("c:0", age=35, place="Oxley")).links
    assert not score_pair(m("b:0", age=41), m("c:0", place="Oxley")).links


def test_two_shootings_same_day_in_different_towns_stay_apart() -> None:
    a = m("a:0", place="Tarrow", region="Westland")
    b = m("b:0", place="Oxley", region="Canterbury")
    assert not score_pair(a, b).links
    assert not same_event(a, b)


def test_unnamed_mention_never_glues_two_named_people() -> None:
    dale = m("a:0", name="Dale Marrin")
    kerry = m("b:0", name="Kerry Marrin")
    unnamed = m("c:0")
    groups = cluster([dale, kerry, unnamed])
    assert len(groups) == 2
    assert not any({"a:0", "b:0"} <= set(g) for g in groups)


def _world() -> list[LinkMention]:
    """Three people (two in one event), a follow-up, an unnamed story and distractors."""
    return [
        m("d1:0", name="Dale Marrin", age=41),
        m("d1:1", name="Kerry Marrin", age=19),
        m("d2:0", name="Marrin", age=41, date=None),
        m("d3:0", age=19, date=PartialDate(2021, 3, 7)),
        m("d4:0", name="Dale R. Marrin", outcome="injured", date=PartialDate(2021, 3)),
        m("d5:0", name="Aroha Tane", place="Oxley", region="Canterbury"),
        m("d6:0", place="Oxley", region="Canterbury", sex="female"),
        m("d7:0", name="Dale Marrin", date=PartialDate(2016, 8, 2), place="Kuri", region="Otago"),
    ]


def test_clustering_is_the_same_in_every_order() -> None:
    world = _world()
    expected = cluster(world)
    rng = random.Random(7)
    for _ in range(30):
        shuffled = world[:]
        rng.shuffle(shuffled)
        assert cluster(shuffled) == expected
    by_key = {k: g for g in expected for k in g}
    assert by_key["d1:0"] == by_key["d4:0"]
    assert by_key["d1:1"] == by_key["d3:0"]  # the unnamed 19-year-old is Kerry
    assert by_key["d5:0"] == by_key["d6:0"]
    assert by_key["d7:0"] == ("d7:0",)  # same name, five years earlier, elsewhere
    assert by_key["d1:0"] != by_key["d1:1"]


def test_curator_constraints_override_scores() -> None:
    world = _world()
    constraints = Constraints(
        must=frozenset({pair("d7:0", "d1:0")}), cannot=frozenset({pair("d5:0", "d6:0")})
    )
    groups = cluster(world, constraints)
    by_key = {k: g for g in groups for k in g}
    assert by_key["d7:0"] == by_key["d1:0"]
    assert by_key["d5:0"] != by_key["d6:0"]
    for perm in itertools.islice(itertools.permutations(world), 0, 200, 17):
        assert cluster(perm, constraints) == groups


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (PartialDate(2022, 1, 10), PartialDate(2022, 3, 13)),  # 62 days, both to the day
        (PartialDate(2022, 1), PartialDate(2022, 4, 2)),  # a month, then a day 61 days on
        (PartialDate(2021), PartialDate(2022, 3, 2)),  # a year, then a day past it
    ],
)
def test_pairs_dated_far_apart_never_link_so_blocking_may_skip_them(first, second):
    """Everything else agrees at its best; the date gap alone keeps the pair apart, which is
    what lets the blocking index skip dated pairs more than FAR_DAYS apart."""
    best = dict(
        name="Robert James Hale",
        age=40,
        sex="male",
        outcome="fatal",
        force="firearm",
        place="Tarrow",
        region="Westland",
        country="NZ",
        agency="New Zealand Police",
        weapon="knife",
    )
    a = LinkMention(key="a:0000", doc="a", date=first, **best)
    b = LinkMention(key="b:0000", doc="b", date=second, **best)
    assert date_gap(first, second) > FAR_DAYS
    assert not score_pair(a, b).links
    index = BlockingIndex()
    index.add(0, a)
    assert index.add(1, b) == set()
    day = first.bounds()[0]
    near = LinkMention(key="c:0000", doc="c", date=PartialDate.from_date(day), **best)
    assert 0 in index.add(2, near)
