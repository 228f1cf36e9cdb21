"""Whether an incident's place/region and a reference record's place/region agree.

New Zealand lists give a police district ("Bay of Plenty", "Counties/Manukau",
the pre-split "Auckland"); news gives a town or a region ("Rotorua", "Hawke's
Bay"). `link/patterns/nz_districts.json` says which districts each name
falls in, so "Rotorua" agrees with "Bay of Plenty" and "Hastings" with
"Eastern". Elsewhere regions (US two-letter states) and places are compared
by their folded text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from forcewatch.eval.names import fold as _fold_text

#: what a list's region is called in match reasons, per country
REGION_WORD = {"NZ": "district", "US": "state"}


@dataclass(frozen=True)
class PlaceVerdict:
    """+1 agree, -1 disagree, 0 nothing to compare; `reason` names both sides."""

    region: int
    place: int
    reason: str | None


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Return the folded text (cached: matching folds the same names many times)."""
    return _fold_text(text)


@cache
def nz_district_index() -> dict[str, frozenset[str]]:
    """Return folded name -> NZ Police districts it lies in (aliases, regions, towns)."""
    text = (
        resources.files("forcewatch.link.patterns").joinpath("nz_districts.json").read_text("utf-8")
    )
    data = json.loads(text)
    index: dict[str, set[str]] = {}
    for district, info in data["districts"].items():
        for name in (district, *info["aliases"], *info["regions"], *info["places"]):
            index.setdefault(fold(name), set()).add(district)
    for name, districts in data["legacy"].items():
        index.setdefault(fold(name), set()).update(districts)
    return {k: frozenset(v) for k, v in index.items()}


def nz_districts(*names: str | None) -> frozenset[str]:
    """Return the districts any of `names` lies in (empty when none is known)."""
    index = nz_district_index()
    out: frozenset[str] = frozenset()
    for name in names:
        if name:
            out |= index.get(fold(name), frozenset())
    return out


def compare_places(
    country: str | None,
    inc_place: str | None,
    inc_region: str | None,
    rec_place: str | None,
    rec_region: str | None,
) -> PlaceVerdict:
    """Compare where an incident and a record happened."""
    if country == "NZ":
        verdict = _compare_nz(inc_place, inc_region, rec_place, rec_region)
        if verdict is not None:
            return verdict
    word = REGION_WORD.get(country or "", "region")
    region = place = 0
    reasons: list[str] = []
    if inc_region and rec_region:
        if fold(inc_region) == fold(rec_region):
            region = 1
            reasons.append(f"{word} {rec_region}")
        else:
            region = -1
            reasons.append(f"{word} {rec_region} ≠ {inc_region}")
    if inc_place and rec_place and fold(inc_place) == fold(rec_place):
        place = 1
        reasons.insert(0, f"place {rec_place}")
    return PlaceVerdict(region, place, "; ".join(reasons) or None)


def _compare_nz(
    inc_place: str | None, inc_region: str | None, rec_place: str | None, rec_region: str | None
) -> PlaceVerdict | None:
    """Compare by police district; None when either side names no known district."""
    rec = nz_districts(rec_region, rec_place)
    if not rec:
        return None
    shown_rec = rec_region or rec_place
    for name in (inc_place, inc_region):
        inc = nz_districts(name)
        if inc & rec:
            same_place = bool(inc_place and rec_place and fold(inc_place) == fold(rec_place))
            return PlaceVerdict(1, int(same_place), f"district {shown_rec} = {name}")
    inc_any = nz_districts(inc_place, inc_region)
    if not inc_any:
        return None
    shown_inc = inc_place or inc_region
    return PlaceVerdict(-1, 0, f"district {shown_rec} ≠ {shown_inc}")
