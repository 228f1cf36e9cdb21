"""Field-by-field comparison of a predicted incident with a gold incident."""

from __future__ import annotations

import re
from functools import cache

from forcewatch.eval.gold import INCIDENT_KEYS, GoldIncident
from forcewatch.eval.names import fold, normalise_name
from forcewatch.eval.regions import COUNTRY_ALIASES, REGION_ALIASES

#: the fields scored on matched incidents, in gold-format order
SCORED_FIELDS = INCIDENT_KEYS

_PUNCT = re.compile(r"[.'’`]")
_AGENCY_SPLIT = re.compile(r"[,;]")


def loose(text: str) -> str:
    """Return text folded (case, accents, spaces) with dots and apostrophes removed."""
    return " ".join(_PUNCT.sub("", fold(text)).split())


def is_null(incident: GoldIncident, field: str) -> bool:
    """Return True when the field says nothing (None, or no investigations)."""
    value = getattr(incident, field)
    if field == "investigations":
        return not value
    return value is None


def display(incident: GoldIncident, field: str) -> str | None:
    """Return the field as a short string for error listings, None when null."""
    if is_null(incident, field):
        return None
    value = getattr(incident, field)
    if field == "investigations":
        return "; ".join(f"{inv.kind.value}/{inv.finding or '-'}" for inv in sorted_pairs(value))
    if hasattr(value, "value"):
        return str(value.value)
    return str(value)


def sorted_pairs(investigations: tuple) -> list:
    return sorted(investigations, key=lambda inv: (inv.kind.value, inv.finding or ""))


def field_equal(field: str, gold: GoldIncident, pred: GoldIncident) -> bool:
    """Return True when the predicted field counts as equal to gold's (gold not null)."""
    g, p = getattr(gold, field), getattr(pred, field)
    if field == "investigations":
        return investigation_pairs(gold) == investigation_pairs(pred)
    if p is None:
        return False
    if field == "subject_name":
        key = normalise_name(g)
        return bool(key) and key == normalise_name(p)
    if field in ("name_withheld", "subject_age", "officers_fired"):
        return g == p
    if field == "date":
        return str(g).strip() == str(p).strip()
    if field == "region":
        return region_equal(g, p, gold.country)
    if field == "country":
        return country_code(g) == country_code(p)
    if field == "agency":
        return agency_equal(g, p)
    return loose(str(g)) == loose(str(p))


def investigation_pairs(incident: GoldIncident) -> frozenset[tuple[str, str | None]]:
    """Return the set of (kind, finding) pairs of an incident."""
    return frozenset(
        (inv.kind.value, inv.finding.value if inv.finding else None)
        for inv in incident.investigations
    )


@cache
def _region_index() -> dict[str, dict[str, str]]:
    index: dict[str, dict[str, str]] = {}
    for country, table in REGION_ALIASES.items():
        names = index.setdefault(country, {})
        for code, aliases in table.items():
            for alias in (code, *aliases):
                names[loose(alias)] = code
    return index


def region_keys(region: str, country: str | None) -> frozenset[str]:
    """Return "CC:CODE" keys a region name or code stands for, plus the name itself."""
    name = loose(region)
    index = _region_index()
    code = country_code(country) if country else None
    countries = [code] if code in index else list(index)
    keys = {name}
    for cc in countries:
        found = index[cc].get(name)
        if found:
            keys.add(f"{cc}:{found}")
    return frozenset(keys)


def region_equal(gold: str, pred: str, country: str | None) -> bool:
    """Return True when both name the same region (state name == code, NSW == New South Wales)."""
    return bool(region_keys(gold, country) & region_keys(pred, country))


@cache
def _country_index() -> dict[str, str]:
    index = {}
    for code, aliases in COUNTRY_ALIASES.items():
        for alias in (code, *aliases):
            index[loose(alias)] = code
    return index


def country_code(country: str) -> str:
    """Return the ISO code for a country code or name ("UK" -> "GB"), else it folded."""
    name = loose(country)
    return _country_index().get(name, name.upper())


def agency_key(agency: str) -> str:
    """Return an agency name folded, without "the", dots or apostrophes."""
    return " ".join(w for w in loose(agency).split() if w != "the")


def agency_set(agency: str) -> frozenset[str]:
    """Return the agencies listed in a string separated by "," or ";"."""
    return frozenset(k for k in (agency_key(a) for a in _AGENCY_SPLIT.split(agency)) if k)


def agency_equal(gold: str, pred: str) -> bool:
    """One predicted agency must be among gold's; several must equal gold's set."""
    gold_set, pred_set = agency_set(gold), agency_set(pred)
    if not pred_set:
        return False
    if len(pred_set) == 1:
        return pred_set <= gold_set
    return pred_set == gold_set
