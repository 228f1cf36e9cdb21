"""Score incident/record pairs and pick a deterministic 1:1 assignment.

Pure functions: the store hands in `Side`s (incidents and reference records
seen the same way) and gets back `Pair`s with a score and the reasons for it.
Candidates come from a date-window index per country (records sorted by the
first day their date allows, found by bisection), never from all pairs, so
10,000 records against 10,000 incidents take seconds. A pair is kept when its
score reaches `MIN_SCORE` and the name or the finest place the list gives
(the city; the district or state when it names no city) agrees; the assignment
takes the best score first, ties broken by incident id then record id.
docs/reference.md lists every weight.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from forcewatch.eval.names import normalise_name
from forcewatch.link.reference_places import compare_places, fold, nz_districts
from forcewatch.records import PartialDate

#: days either side of an incident's date in which records are candidates
WINDOW_DAYS = 7
#: the least score a kept pair needs
MIN_SCORE = 4.0
FIREARMS = frozenset(("firearm", "rifle", "shotgun", "handgun"))
#: points for the region (district, state) agreeing (+1), unknown (0), disagreeing (-1)
REGION_POINTS = {1: 2.0, 0: 0.0, -1: -3.0}


@dataclass(frozen=True)
class Side:
    """An incident or a reference record, as the matcher compares them."""

    id: int
    date: PartialDate | None
    country: str | None
    name: str | None = None
    age: int | None = None
    sex: str | None = None
    outcome: str = "unknown"
    force: str | None = None
    place: str | None = None
    region: str | None = None
    weapon: str | None = None

    @cached_property
    def span(self) -> tuple[int, int] | None:
        """Return the first and last day (ordinals) the date allows."""
        return date_span(self.date) if self.date else None

    @cached_property
    def name_key(self) -> str:
        return normalise_name(self.name) if self.name else ""


@dataclass(frozen=True)
class Pair:
    """A scored incident/record pair; `reasons` read like "date +1 day; outcome fatal"."""

    incident_id: int
    record_id: int
    score: float
    reasons: tuple[str, ...]


def date_span(date: PartialDate) -> tuple[int, int]:
    """Return the ordinals of the first and last day of a partial date."""
    first, last = date.bounds()
    return first.toordinal(), last.toordinal()


class DateIndex:
    """Records of one country sorted by the first day their date allows."""

    def __init__(self, records: Iterable[Side]) -> None:
        dated = sorted((r for r in records if r.span), key=lambda r: (r.span[0], r.id))
        self._starts = [r.span[0] for r in dated]
        self._records = dated
        self._widest = max((r.span[1] - r.span[0] for r in dated), default=0)

    def around(self, lo: int, hi: int) -> list[Side]:
        """Return the records whose dates overlap days `lo`..`hi`."""
        i = bisect.bisect_left(self._starts, lo - self._widest)
        j = bisect.bisect_right(self._starts, hi)
        return [r for r in self._records[i:j] if r.span[1] >= lo]


def match(
    incidents: Iterable[Side],
    records: Iterable[Side],
    window_days: int = WINDOW_DAYS,
    min_score: float = MIN_SCORE,
) -> list[Pair]:
    """Return the 1:1 pairs, best score first (ties by incident id, then record id)."""
    by_country: dict[str | None, list[Side]] = {}
    for r in records:
        by_country.setdefault(r.country, []).append(r)
    indexes = {c: DateIndex(rs) for c, rs in by_country.items() if c}
    rec_keys = {r.id: anchor_keys(r, record=True) for rs in by_country.values() for r in rs}
    pairs: list[Pair] = []
    for inc in incidents:
        index = indexes.get(inc.country)
        if index is None or inc.span is None:
            continue
        lo, hi = inc.span
        inc_keys = anchor_keys(inc, record=False)
        for rec in index.around(lo - window_days, hi + window_days):
            if inc_keys.isdisjoint(rec_keys[rec.id]):
                continue  # nothing could anchor the pair: skip the full score
            pair = score_pair(inc, rec)
            if pair is not None and pair.score >= min_score:
                pairs.append(pair)
    return assign(pairs)


def anchor_keys(side: Side, record: bool) -> frozenset[str]:
    """Return keys two sides must share for `score_pair` to find an anchor.

    A necessary condition only (surname, folded place, region, NZ districts), so
    skipping pairs with no shared key never drops a pair `score_pair` would keep.
    """
    keys = set()
    if side.name_key:
        keys.add("n:" + side.name_key.split()[-1])
    if side.place:
        keys.add("p:" + fold(side.place))
    if not (record and side.place):
        if side.region:
            keys.add("r:" + fold(side.region))
        if side.country == "NZ":
            keys.update("d:" + d for d in nz_districts(side.place, side.region))
    return frozenset(keys)


def assign(pairs: Iterable[Pair]) -> list[Pair]:
    """Greedy 1:1 assignment: best score first, then lowest incident id, then record id."""
    used_inc: set[int] = set()
    used_rec: set[int] = set()
    out = []
    for p in sorted(pairs, key=lambda p: (-p.score, p.incident_id, p.record_id)):
        if p.incident_id in used_inc or p.record_id in used_rec:
            continue
        used_inc.add(p.incident_id)
        used_rec.add(p.record_id)
        out.append(p)
    return out


def score_pair(inc: Side, rec: Side) -> Pair | None:
    """Score one pair; None when nothing anchors it (neither the name nor the place agrees)."""
    score = 0.0
    reasons: list[str] = []

    def add(points: float, reason: str | None) -> None:
        nonlocal score
        score += points
        if reason:
            reasons.append(reason)

    add(*_date_points(inc, rec))
    verdict = compare_places(inc.country, inc.place, inc.region, rec.place, rec.region)
    add(REGION_POINTS[verdict.region] + (1.0 if verdict.place > 0 else 0.0), verdict.reason)
    name_points, name_reason = _name_points(inc, rec)
    add(name_points, name_reason)
    # the anchor: the name, or the finest place the list gives (a state is too coarse
    # when the list names the city)
    if name_points <= 0 and verdict.place <= 0 and (verdict.region <= 0 or rec.place):
        return None
    add(*_outcome_points(inc.outcome, rec.outcome))
    if inc.age is not None and rec.age is not None:
        diff = abs(inc.age - rec.age)
        shown = str(rec.age) if diff == 0 else f"{rec.age} ~ {inc.age}"
        if diff <= 1:
            add(1.0, f"age {shown}")
        else:
            add(-1.5, f"age {rec.age} ≠ {inc.age}")
    if inc.sex and rec.sex:
        add(
            0.3 if inc.sex == rec.sex else -2.0,
            None if inc.sex == rec.sex else f"sex {rec.sex} ≠ {inc.sex}",
        )
    if inc.force and rec.force and inc.force != rec.force:
        add(-2.0, f"force {rec.force} ≠ {inc.force}")
    if inc.weapon and rec.weapon:
        if inc.weapon == rec.weapon:
            add(0.5, f"weapon {rec.weapon}")
        elif inc.weapon in FIREARMS and rec.weapon in FIREARMS:
            add(0.3, f"weapon {rec.weapon} ~ {inc.weapon}")
    return Pair(inc.id, rec.id, round(score, 3), tuple(reasons))


def _date_points(inc: Side, rec: Side) -> tuple[float, str]:
    """Score how close the dates are; exact days score most, coarse dates less."""
    assert inc.span is not None and rec.span is not None and inc.date and rec.date
    (ilo, ihi), (rlo, rhi) = inc.span, rec.span
    gap = max(rlo - ihi, ilo - rhi, 0)
    both_days = ilo == ihi and rlo == rhi
    if both_days:
        diff = rlo - ilo
        if diff == 0:
            return 3.0, "date same day"
        unit = "day" if abs(diff) == 1 else "days"
        points = 2.0 if abs(diff) == 1 else 1.0 if abs(diff) <= 3 else 0.3
        return points, f"date {diff:+d} {unit}"
    if gap == 0:
        coarse = max((inc.date, rec.date), key=lambda d: date_span(d)[1] - date_span(d)[0])
        fine = rec.date if coarse is inc.date else inc.date
        points = 1.0 if coarse.month is not None else 0.3
        return points, f"date {coarse.iso()} includes {fine.iso()}"
    unit = "day" if gap == 1 else "days"
    return (
        0.5 if gap <= 3 else 0.1
    ), f"date {gap} {unit} apart ({rec.date.iso()} vs {inc.date.iso()})"


def _name_points(inc: Side, rec: Side) -> tuple[float, str | None]:
    """Full name match +4, surname only +2, different names -2, no name on a side 0."""
    a, b = inc.name_key, rec.name_key
    if not a or not b:
        return 0.0, None
    if a == b and " " in a:
        return 4.0, f"name {rec.name}"
    if a.split()[-1] == b.split()[-1]:
        return 2.0, f"surname {b.split()[-1].title()}"
    return -2.0, f"name {rec.name} ≠ {inc.name}"


def _outcome_points(inc: str, rec: str) -> tuple[float, str | None]:
    """Same outcome +1; injured vs fatal 0 (the wounded may die later); else -1.5."""
    if "unknown" in (inc, rec):
        return 0.0, None
    if inc == rec:
        return 1.0, f"outcome {rec}"
    if {inc, rec} == {"injured", "fatal"}:
        return 0.0, f"outcome {rec} ~ {inc}"
    return -1.5, f"outcome {rec} ≠ {inc}"
