"""The law-enforcement body whose officers used force, by its formal name.

Pure regular expressions over the sentence text: named forces ("RCMP",
"gardaí", "SAPS", "the Met"), then "<Place> police/Police Department/sheriff's
deputies" resolved to a formal name by country ("Queensland police" ->
"Queensland Police Service", "Kenosha police" -> "Kenosha Police Department").
Plain "police" gives no hit; `default_agency` supplies a country's national force.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span

from forcewatch.extract.patterns.agency_data import (
    AU_STATE_FORCES,
    CA_CITIES,
    CA_CITY_FORCES,
    IN_FORCES,
    NAMED_FORCES,
    NATIONAL_FORCES,
    NOT_FORCE_AFTER,
    NZ_PLACES,
    PLACE_STOPWORDS,
    STATE_TROOPER_FORCES,
    UK_FORCES,
    US_CITY_FORCES,
    US_STATES,
    WHOLE_PLACE_STOPWORDS,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AgencyHit:
    """One force named in a sentence: formal name, words as written, offsets."""

    name: str
    text: str
    start_char: int
    end_char: int
    confidence: float


_NAMED_RE = re.compile(
    "|".join(f"(?P<n{i}>(?<![\\w-])(?:{pat})(?![\\w-]))" for i, (pat, _) in enumerate(NAMED_FORCES))
)
_NAMED_CONF = {"FBI": 0.6, "US Marshals Service": 0.7}

_WORD = (
    r"(?:(?!(?:Police|Sheriff|Constabulary|RCMP|PD|State|Highway|Regional)\b)[A-Z][\w'’.\-]*|St\.)"
)
_PLACE = rf"{_WORD}(?:\s+(?:(?:of|and|&)\s+)?{_WORD}){{0,5}}"
_SUFFIX = (
    r"(?P<dept>Police\s+Department|Police\s+Dept\.?|PD)"
    r"|(?P<service>(?:Regional\s+)?Police\s+Service)"
    r"|(?P<force>Police\s+Force)"
    r"|(?P<regional>Regional\s+Police)"
    r"|(?P<constab>Constabulary)"
    r"|(?P<statepol>State\s+Police|State\s+Patrol|(?:State\s+)?Highway\s+Patrol)"
    r"|(?P<trooper>(?i:state\s+troopers?|troopers?))"
    r"|(?P<sheriff>(?i:sheriff(?:'s|’s|s)?)(?:\s+(?P<sheriffdept>(?i:department|dept\.?))"
    r"|\s+(?i:office))?)"
    r"|(?P<rcmp>RCMP)"
    r"|(?P<plain>(?i:police|cops?))"
)
_PLACE_FORCE_RE = re.compile(rf"(?<![\w'’])(?P<place>{_PLACE})\s+(?:{_SUFFIX})(?![\w])")
_NOT_FORCE_AFTER_RE = re.compile(rf"\s+(?:{NOT_FORCE_AFTER})\b", re.I)
_TROOPER_RE = re.compile(r"\b(?:state\s+)?troopers?\b", re.I)
_PLAIN_POLICE_RE = re.compile(
    r"^\s*(?:the\s+)?(?:police(?:\s+officers?)?|cops?|officers?|polic(?:e|ing)\s+force)\s*$",
    re.I,
)
_FUNCTION_POS = frozenset("VERB ADJ ADV ADP DET PRON AUX CCONJ SCONJ NUM PART".split())


def _clean_place(place: str) -> str:
    """Return the place words after the last stopword, without a possessive."""
    words = place.split()
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower().strip(".,'’") in PLACE_STOPWORDS:
            words = words[i + 1 :]
            break
    while words and words[0].lower() in {"of", "and", "&"}:
        words = words[1:]
    out = re.sub(r"['’]s$", "", " ".join(words)).replace("’", "'")
    return "" if out.lower() in WHOLE_PLACE_STOPWORDS else out


def _key(place: str) -> str:
    return re.sub(r"\s+", " ", place.lower().replace("’", "'")).strip()


def _state_code(text: str | None) -> str | None:
    if not text:
        return None
    t = text.strip()
    if t.upper() in STATE_TROOPER_FORCES:
        return t.upper()
    k = _key(t)
    return US_STATES.get(k) or US_STATES.get(f"{k} state")


def _plain_force(
    place: str, country: str | None, written_police: bool = False
) -> tuple[str, float] | None:
    """Return the formal force for "<place> police" in `country`, with confidence."""
    key = _key(place)
    if country in NATIONAL_FORCES and "metro" not in key:
        return NATIONAL_FORCES[country], 0.8
    if country in (None, "AU") and key in AU_STATE_FORCES:
        return AU_STATE_FORCES[key], 0.85
    if country in (None, "GB") and key in UK_FORCES:
        return UK_FORCES[key], 0.85
    if country in (None, "IN") and key in IN_FORCES:
        return IN_FORCES[key], 0.85
    if country is None and key in NZ_PLACES:
        return NATIONAL_FORCES["NZ"], 0.6
    if country == "CA" or (country is None and (key in CA_CITIES or key in CA_CITY_FORCES)):
        if key in CA_CITY_FORCES:
            return CA_CITY_FORCES[key], 0.8
        if key in CA_CITIES:
            return f"{place} Police Service", 0.75
        return (f"{place} Police", 0.6) if written_police else (f"{place} Police Service", 0.45)
    if country in (None, "US"):
        if _state_code(place):
            return None
        if key in US_CITY_FORCES:
            return US_CITY_FORCES[key], 0.8
        return f"{place} Police Department", 0.75 if country == "US" else 0.5
    if country == "IN":
        return f"{place} Police", 0.5
    if country in ("GB", "AU"):
        return f"{place} Police", 0.6 if written_police else 0.4
    return None


def _resolve(
    m: re.Match[str], place: str, country: str | None, region: str | None
) -> tuple[str, float] | None:
    """Return the formal name and confidence of one "<place> <suffix>" match."""
    if m.group("rcmp"):
        return "RCMP", 0.9
    if m.group("dept"):
        return f"{place} Police Department", 0.9
    if m.group("service"):
        regional = "Regional " if m.group("service").startswith("Regional") else ""
        return f"{place} {regional}Police Service", 0.9
    if m.group("force"):
        return f"{place} Police Force", 0.9
    if m.group("regional"):
        return f"{place} Regional Police", 0.9
    if m.group("constab"):
        return f"{place} Constabulary", 0.9
    if m.group("statepol"):
        return f"{place} {' '.join(m.group('statepol').split())}", 0.9
    if m.group("trooper"):
        code = _state_code(place)
        return (STATE_TROOPER_FORCES[code], 0.8) if code else None
    if m.group("sheriff"):
        county = place if re.search(r"\b(?:County|Parish)$", place) else f"{place} County"
        office = "Department" if m.group("sheriffdept") else "Office"
        return f"{county} Sheriff's {office}", 0.85
    return _plain_force(place, country, m.group("plain") == "Police")


def _place_is_proper(sent: Span | None, start: int, end: int) -> bool:
    """Return False when the parser tags every place word as a common word."""
    if sent is None:
        return True
    span = sent.doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return True
    return not all(t.pos_ in _FUNCTION_POS and not t.ent_type_ for t in span)


def find_agencies_in_text(
    text: str,
    offset: int = 0,
    country: str | None = None,
    region: str | None = None,
    sent: Span | None = None,
) -> list[AgencyHit]:
    """Return the forces named in `text`, in order; offsets are shifted by `offset`."""
    hits: list[AgencyHit] = []
    taken: list[tuple[int, int]] = []
    for m in _NAMED_RE.finditer(text):
        name = NAMED_FORCES[int(m.lastgroup[1:])][1]  # type: ignore[index]
        hits.append(
            AgencyHit(
                name, m.group(0), offset + m.start(), offset + m.end(), _NAMED_CONF.get(name, 0.9)
            )
        )
        taken.append(m.span())
    for m in _PLACE_FORCE_RE.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        if _NOT_FORCE_AFTER_RE.match(text, m.end()):
            continue
        place = _clean_place(m.group("place"))
        if not m.group("rcmp") and (not place or _key(place) in {"county", "city", "parish"}):
            continue
        p_start = (
            m.start("place") + m.group("place").rfind(place.split()[0]) if place else m.start()
        )
        known = _key(place) in AU_STATE_FORCES or _key(place) in UK_FORCES
        if (
            place
            and not known
            and not _place_is_proper(sent, offset + p_start, offset + m.end("place"))
        ):
            continue
        resolved = _resolve(m, place, country, region)
        if resolved is None:
            continue
        name, conf = resolved
        hits.append(
            AgencyHit(name, text[p_start : m.end()], offset + p_start, offset + m.end(), conf)
        )
        taken.append(m.span())
    code = _state_code(region) if country in (None, "US") else None
    if code:
        for m in _TROOPER_RE.finditer(text):
            if not any(a <= m.start() < b for a, b in taken):
                name = STATE_TROOPER_FORCES[code]
                hits.append(AgencyHit(name, m.group(0), offset + m.start(), offset + m.end(), 0.45))
    hits.sort(key=lambda h: h.start_char)
    return hits


def find_agencies(
    sent: Span, country: str | None = None, region: str | None = None
) -> list[AgencyHit]:
    """Return the forces named in one sentence, in order of mention."""
    return find_agencies_in_text(sent.text, sent.start_char, country, region, sent=sent)


def default_agency(country: str | None, region: str | None) -> str | None:
    """Return the force a plain "police" means in `country` (and AU state), else None."""
    if country in NATIONAL_FORCES:
        return NATIONAL_FORCES[country]
    if country == "AU" and region:
        return AU_STATE_FORCES.get(_key(region))
    return None


def normalise_agency(
    text: str, country: str | None = None, region: str | None = None
) -> str | None:
    """Return the formal name of the force written as `text`, or None if none can be told."""
    if _PLAIN_POLICE_RE.match(text):
        return default_agency(country, region)
    hits = find_agencies_in_text(text, 0, country, region)
    if hits:
        return hits[0].name
    if _TROOPER_RE.search(text):
        code = _state_code(region)
        return STATE_TROOPER_FORCES.get(code) if code else None
    return None


def join_agencies(names: Iterable[str]) -> str | None:
    """Return distinct force names in first-mention order joined by "; ", or None."""
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return "; ".join(seen) if seen else None
