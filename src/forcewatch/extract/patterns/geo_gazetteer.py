"""The geography gazetteer: regions, places, countries and country cues, read from JSON once."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from forcewatch.errors import ExtractError

#: countries whose regions and places the gazetteer knows, in default order for ties
COUNTRIES = ("US", "GB", "AU", "CA", "NZ", "IE", "ZA", "IN")


@dataclass(frozen=True)
class Reading:
    """One meaning of a name: a place, region or country, with its region and country."""

    kind: str  # "place" | "region" | "country"
    region: str | None
    country: str
    flag: str = ""  # "" | "~" (only after "Place, " or before "Police") | "?" (needs context)


@dataclass(frozen=True)
class Gazetteer:
    """Name indexes and country evidence tables."""

    exact: dict[str, tuple[Reading, ...]]
    folded: dict[str, tuple[Reading, ...]]
    cues: dict[str, tuple[re.Pattern[str], dict[str, float]]]
    outlets: tuple[tuple[str, str], ...]
    tlds: tuple[tuple[str, str], ...]


def fold(text: str) -> str:
    """Return text lowercased without diacritics and with straight apostrophes."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _load(name: str) -> dict:
    try:
        raw = resources.files("forcewatch.extract.patterns").joinpath(name).read_text("utf-8")
        return json.loads(raw)
    except (OSError, json.JSONDecodeError) as err:
        raise ExtractError(
            f"forcewatch/extract/patterns/{name}: cannot read the gazetteer ({err}); "
            "reinstall forcewatch or fix the JSON"
        ) from err


def _split(aliases: str) -> list[tuple[str, str]]:
    out = []
    for alias in aliases.split("|"):
        flag = alias[0] if alias[0] in "~?" else ""
        out.append((alias[len(flag) :], flag))
    return out


def _add(index: dict[str, list[Reading]], name: str, reading: Reading) -> None:
    readings = index.setdefault(name, [])
    if reading not in readings:
        readings.append(reading)


@functools.cache
def gazetteer() -> Gazetteer:
    """Return the gazetteer, built once per process."""
    regions, places, cues = (
        _load("geo_regions.json"),
        _load("geo_places.json"),
        _load("geo_cues.json"),
    )
    needs_context = set(cues["context_needed"].split("|"))
    exact: dict[str, list[Reading]] = {}
    for country in COUNTRIES:
        for region, names in places[country].items():
            for name, flag in _split(names):
                flag = flag or ("?" if name in needs_context else "")
                _add(exact, name, Reading("place", region, country, flag))
    for country in COUNTRIES:
        for region, aliases in regions[country].items():
            for name, flag in _split(aliases):
                _add(exact, name, Reading("region", region, country, flag))
            if country == "IE":
                for prefix in ("County ", "Co ", "Co. "):
                    _add(exact, prefix + region, Reading("region", region, country))
    for code, names in cues["countries"].items():
        for name, flag in _split(names):
            _add(exact, name, Reading("country", None, code, flag))
    folded: dict[str, list[Reading]] = {}
    for name, readings in exact.items():
        if len(name) >= 4 and not name.isupper():
            for reading in readings:
                if not reading.flag:
                    _add(folded, fold(name), reading)
    cue_tables = {}
    for country in COUNTRIES:
        weights = dict(cues["demonyms"].get(country, {}))
        weights.update(cues["cues"].get(country, {}))
        alternation = "|".join(re.escape(w) for w in sorted(weights, key=len, reverse=True))
        cue_tables[country] = (re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), weights)
    return Gazetteer(
        exact={k: tuple(v) for k, v in exact.items()},
        folded={k: tuple(v) for k, v in folded.items()},
        cues=cue_tables,
        outlets=tuple(cues["outlets"].items()),
        tlds=tuple(sorted(cues["tlds"].items(), key=lambda kv: -len(kv[0]))),
    )
