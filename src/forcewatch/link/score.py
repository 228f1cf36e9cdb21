"""Pairwise evidence that two mentions tell of one person in one incident.

`score_pair(a, b)` depends on the two mentions only, so linking can never
depend on the order documents arrive in. It adds up signals (name, date with
its precision, place/region/country, outcome, force, age, sex, weapon, agency)
into a score with the reasons; `LINK_THRESHOLD` decides. Some signals are hard
negatives (`PairScore.cannot`): two mentions in one document (two people),
two names that cannot be one person, different countries, different sex, ages
far apart. An unnamed mention links only on strong circumstances: dates at most
a day apart and the same place or region.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from forcewatch.extract.geo import region_of
from forcewatch.records import PartialDate

from .mention import LinkMention
from .names import NameMatch, compare_names, fold

_fold = lru_cache(maxsize=1 << 16)(fold)  # place names repeat: fold each once

#: pairs scoring at least this link (unless one is a hard negative)
LINK_THRESHOLD = 0.5

#: dated pairs further apart than this many days never link: the date costs 0.6, more
#: than every other agreement can make up (tests/link pins it), so blocking skips them
FAR_DAYS = 60

_NAME_SCORE = {NameMatch.SAME: 0.55, NameMatch.COMPATIBLE: 0.5, NameMatch.SURNAME: 0.3}
_SEVERITY = {"missed": 0, "injured": 1, "fatal": 2}


@dataclass(frozen=True)
class PairScore:
    """The evidence for one pair: total score, a hard veto, and why."""

    score: float
    cannot: bool
    reasons: tuple[str, ...]

    @property
    def links(self) -> bool:
        return not self.cannot and self.score >= LINK_THRESHOLD


def date_gap(a: PartialDate, b: PartialDate) -> int:
    """Return the days between two partial dates' ranges (0 when they overlap)."""
    a0, a1 = a.bounds()
    b0, b1 = b.bounds()
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def _same(a: str | None, b: str | None) -> bool | None:
    """Return whether two strings agree once folded; None when one is missing."""
    if not a or not b:
        return None
    return a == b or _fold(a) == _fold(b)


def _date_score(a: PartialDate, b: PartialDate) -> tuple[float, str]:
    gap = date_gap(a, b)
    both_days = a.day is not None and b.day is not None
    if both_days:
        table = ((0, 0.3), (1, 0.25), (3, 0.1), (14, -0.15), (60, -0.35))
    else:
        table = ((0, 0.1 if a.month and b.month else 0.03), (31, -0.1))
    for limit, value in table:
        if gap <= limit:
            return value, f"dates {a.iso()} and {b.iso()} {gap} day(s) apart ({value:+.2f})"
    return -0.6, f"dates {a.iso()} and {b.iso()} {gap} days apart (-0.60)"


@lru_cache(maxsize=1 << 16)
def _gazetteer_region(place: str | None, country: str | None) -> str | None:
    """Return the region the gazetteer puts a place in, or None when it does not know it."""
    if not place:
        return None
    found = region_of(place, country)
    return found[0] if found else None


def _within(a: LinkMention, b: LinkMention) -> bool:
    """Return True when one mention's place is the town the other's place lies in."""
    return bool(_same(a.place, b.locality) or _same(a.locality, b.place))


def _same_place(a: LinkMention, b: LinkMention) -> bool | None:
    """Return whether two places are one (or one lies in the other); None when one is missing."""
    place = _same(a.place, b.place)
    return True if place is False and _within(a, b) else place


def _outside(a: LinkMention, b: LinkMention) -> bool:
    """Return True when `a`'s place lies in a town that `b`'s place is known not to be in:
    `b` names another town the gazetteer knows, or puts its own place in another town."""
    if not a.locality or not b.place or _same(a.locality, b.place):
        return False
    if b.locality:
        return _same(a.locality, b.locality) is False
    return _gazetteer_region(b.place, b.country) is not None


def _other_towns(a: LinkMention, b: LinkMention) -> bool:
    return _outside(a, b) or _outside(b, a)


def _place_score(a: LinkMention, b: LinkMention) -> tuple[float, str | None]:
    place = _same(a.place, b.place)
    region = _same(a.region, b.region)
    if place:
        return 0.2, f"same place {a.place}"
    if place is False and _within(a, b):
        inner, outer = (a, b) if _same(a.locality, b.place) else (b, a)
        return 0.15, f"place {inner.place} lies in {outer.place}"
    if place is False:
        if _same(a.place, b.region) or _same(a.region, b.place):
            return 0.05, f"place {a.place} and {b.place} in one region"
        if _other_towns(a, b):
            return -0.25, f"places {a.place} and {b.place} in different towns"
        if _one_region(a, b):
            # a suburb and its city, two names of one area: a story's choice, not a conflict
            return -0.05, f"places {a.place} and {b.place} in one region"
        if region is False:
            return -0.4, f"places {a.place} and {b.place} in different regions"
        if region:  # "Aldine" and "Houston", both TX: told at different grain, or two towns
            return -0.1, f"different places {a.place} and {b.place} in {a.region}"
        return -0.25, f"different places {a.place} and {b.place}"
    if region:
        return 0.1, f"same region {a.region}"
    if region is False:
        return -0.3, f"different regions {a.region} and {b.region}"
    return 0.0, None


def strong_circumstances(a: LinkMention, b: LinkMention) -> bool:
    """Return True when an unnamed mention may link: date, place and circumstances agree.

    Dates at most a day apart (both known to the day), or a day inside the
    other's month when the age (±1) or sex and weapon also agree; and the same
    place, or the same region when a place is missing.
    """
    if a.date is None or b.date is None:
        return False
    days = a.date.day is not None and b.date.day is not None
    same_age = a.age is not None and b.age is not None and abs(a.age - b.age) <= 1
    if days and date_gap(a.date, b.date) > 1:
        return False
    if not days:
        if a.date.month is None or b.date.month is None or date_gap(a.date, b.date) > 0:
            return False
        same_kind = bool(a.sex and a.sex == b.sex and a.weapon and a.weapon == b.weapon)
        if not (same_age or same_kind):
            return False
    same_place = _same_place(a, b)
    if same_place:
        return True
    if same_place is None:
        return bool(_same(a.region, b.region))
    # a suburb and its city ("Hornby", "Christchurch") on the same day, the same age: one
    # person; without an age, two towns of one state on one day stay apart
    return days and same_age and _one_region(a, b) and not _other_towns(a, b)


def _regions(m: LinkMention) -> set[str]:
    """Return the regions a mention may lie in: the one it states, the gazetteer's."""
    found = {m.region, _gazetteer_region(m.place, m.country)}
    return {_fold(r) for r in found if r}


def _one_region(a: LinkMention, b: LinkMention) -> bool:
    """Return True when two different places lie in one region (stated or gazetteer)."""
    return bool(_regions(a) & _regions(b))


def score_pair(a: LinkMention, b: LinkMention) -> PairScore:
    """Return the evidence that two mentions are one person in one incident."""
    if a.doc == b.doc:
        return PairScore(-math.inf, True, ("same document: two people",))
    reasons: list[str] = []

    def veto(reason: str) -> PairScore:
        return PairScore(-math.inf, True, (*reasons, reason))

    if _same(a.country, b.country) is False:
        return veto(f"different countries {a.country} and {b.country}")
    if a.sex and b.sex and a.sex != b.sex:
        return veto(f"different sex {a.sex} and {b.sex}")
    if a.age is not None and b.age is not None and abs(a.age - b.age) > 4:
        return veto(f"ages {a.age} and {b.age}")
    score = 0.0
    name_a, name_b = a.name_key, b.name_key
    if name_a is not None and name_b is not None:
        match = compare_names(name_a, name_b)
        if match is NameMatch.CONFLICT:
            return veto(f"names {a.name!r} and {b.name!r} are two people")
        score += _NAME_SCORE[match]
        reasons.append(f"names {a.name!r} and {b.name!r}: {match.name.lower()}")
    if a.date is not None and b.date is not None:
        value, why = _date_score(a.date, b.date)
        score += value
        reasons.append(why)
    value, where = _place_score(a, b)
    score += value
    if where:
        reasons.append(where)
    score += _circumstances(a, b, reasons)
    if name_a is None or name_b is None:
        if not strong_circumstances(a, b):
            reasons.append("unnamed: date and place not close enough")
            score = min(score, LINK_THRESHOLD - 0.01)
        elif a.date is not None and b.date is not None and None in (a.date.day, b.date.day):
            score += 0.15
            reasons.append("unnamed: day within the month, same place and circumstances (+0.15)")
        else:
            score += 0.15
            reasons.append("unnamed: same day, place and circumstances (+0.15)")
    return PairScore(round(score, 4), False, tuple(reasons))


def _circumstances(a: LinkMention, b: LinkMention, reasons: list[str]) -> float:
    """Return the score of outcome, force, age, sex, weapon and agency; note each."""
    score = 0.0
    if a.outcome in _SEVERITY and b.outcome in _SEVERITY:
        if a.outcome == b.outcome:
            score += 0.05
        elif "missed" in (a.outcome, b.outcome):
            score -= 0.15
            reasons.append(f"outcomes {a.outcome} and {b.outcome}")
    if a.force != b.force and "other" not in (a.force, b.force):
        score -= 0.2
        reasons.append(f"force {a.force} and {b.force}")
    if a.age is not None and b.age is not None:
        diff = abs(a.age - b.age)
        score += (0.1, 0.05, -0.1, -0.2, -0.3)[diff]
        reasons.append(f"ages {a.age} and {b.age}")
    if a.sex and a.sex == b.sex:
        score += 0.02
    if a.weapon and b.weapon:
        if a.weapon == b.weapon:
            score += 0.05
        elif "none" in (a.weapon, b.weapon):
            score -= 0.05
    if _same(a.agency, b.agency):
        score += 0.05
    return score


def same_event(a: LinkMention, b: LinkMention) -> bool:
    """Return True when two mentions belong to one event: same day (±1) and place.

    Two mentions of one document share the event unless their dates or places differ.
    """
    if _same(a.country, b.country) is False:
        return False
    if a.doc == b.doc:
        far = a.date is not None and b.date is not None and date_gap(a.date, b.date) > 1
        return not far and _same_place(a, b) is not False
    if a.date is None or b.date is None or a.date.day is None or b.date.day is None:
        return False
    return date_gap(a.date, b.date) <= 1 and bool(_same_place(a, b))
