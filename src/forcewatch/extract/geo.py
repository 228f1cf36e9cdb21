"""Places, regions and countries in a sentence, from the gazetteer, patterns and spaCy entities.

Regions are written as the gold format writes them: US states as two-letter codes,
"BC" for British Columbia, other regions by full name ("Queensland", "Gauteng",
"Uttar Pradesh", Irish counties without "County", NZ police districts).
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, replace

from spacy.tokens import Span

from forcewatch.extract.docindex import sentence_ents
from forcewatch.extract.patterns import geo_words as W
from forcewatch.extract.patterns.geo_gazetteer import Reading, fold, gazetteer

log = logging.getLogger(__name__)

_MAX_TOKENS = 6


@dataclass(frozen=True)
class PlaceHit:
    """A place, region or country named in a sentence; offsets index the Doc's text."""

    name: str
    region: str | None
    country: str | None
    start_char: int
    end_char: int
    confidence: float
    kind: str  # "place" | "region" | "country"
    region_in_text: bool = False  # the region is named in the sentence, not only the gazetteer's
    candidates: tuple[tuple[str | None, str], ...] = ()  # all (region, country) readings


@dataclass
class _Match:
    start: int
    end: int
    name: str
    readings: list[Reading]
    confidence: float = 0.8
    region_in_text: bool = False
    fixed: bool = False  # reading chosen by a pattern


def _lookup(key: str) -> tuple[str, tuple[Reading, ...]] | None:
    """Return the matched name (maybe shortened) and its readings."""
    gaz = gazetteer()
    variants = [key]
    if key.endswith("."):
        variants.append(key[:-1])
    if key.endswith(("'s", "’s")):
        variants.append(key[:-2])
    for v in variants:
        if v in gaz.exact:
            return v, gaz.exact[v]
    for v in variants:
        if len(v) >= 4 and (v.isupper() or v[0].isupper()):
            hit = gaz.folded.get(fold(v))
            if hit:
                return v, hit
    return None


def _raw_matches(text: str) -> list[_Match]:
    """Return the longest gazetteer names in `text`, left to right, without overlaps."""
    toks = [(m.start(), m.end()) for m in W.TOKEN.finditer(text)]
    out: list[_Match] = []
    i = 0
    while i < len(toks):
        s, e = toks[i]
        word = text[s:e]
        if not (word[0].isupper() or (len(word) > 1 and word[1].isupper())):
            i += 1
            continue
        found = None
        for n in range(min(_MAX_TOKENS, len(toks) - i), 0, -1):
            if n > 1 and not W.GAP.fullmatch(text[toks[i + n - 2][1] : toks[i + n - 1][0]]):
                continue
            key = text[s : toks[i + n - 1][1]]
            got = _lookup(key)
            if got is None and n == 1 and "-" in key:
                got = _lookup(key.split("-", 1)[0])
            if got is not None:
                found = (n, got)
                break
        if found is None:
            i += 1
            continue
        n, (name, readings) = found
        out.append(_Match(s, s + len(name), name, _ordered(name, readings)))
        i += n
    return out


def _ordered(name: str, readings: tuple[Reading, ...]) -> list[Reading]:
    """Put readings whose region is the name itself first, places first; one per region."""
    out: list[Reading] = []
    for r in sorted(readings, key=lambda r: (r.region != name, r.kind != "place")):
        if not any(o.region == r.region and o.country == r.country for o in out):
            out.append(r)
    return out


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([A-Za-z-]+)[\s,]*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _ent_at(ents: list[tuple[int, int, str]], start: int, end: int) -> str | None:
    for s, e, label in ents:
        if s <= start and end <= e:
            return label
    return None


def _after_comma(text: str, m: _Match) -> bool:
    """Return True when `m` follows "Capitalised, " (the "Place, Region" pattern)."""
    return bool(re.search(r"[A-Z][\w'’.-]*,\s+$", text[max(0, m.start - 40) : m.start]))


def _usable(text: str, m: _Match, raw: list[_Match], ents: list[tuple[int, int, str]]) -> bool:
    """Drop readings the context does not allow; return False when none is left."""
    nxt = text[m.end : m.end + 40]
    if W.ORG_NEXT.match(nxt):
        return False
    label = _ent_at(ents, m.start, m.end)
    comma = _after_comma(text, m)
    code_ok = comma or bool(W.CODE_NEXT.match(nxt))
    geo_next = bool(W.GEO_NEXT.match(nxt))
    followed_by_region = any(
        o.start > m.end
        and re.fullmatch(r",\s+", text[m.end : o.start])
        and any(r.kind != "place" for r in o.readings)
        for o in raw
    )
    context = (
        _prev_word(text, m.start) in W.PREPS
        or label in ("GPE", "LOC", "FAC")
        or geo_next
        or followed_by_region
        or comma
    )
    person_like = label == "PERSON" or (
        bool(W.CAPITAL_NEXT.match(nxt)) and not geo_next and not _lookup_next(text, m.end)
    )
    kept = []
    for r in m.readings:
        if r.flag == "~" and not code_ok:
            continue
        if r.flag == "?" and (not context or person_like):
            continue
        kept.append(r)
    m.readings = kept
    return bool(kept)


def _lookup_next(text: str, end: int) -> bool:
    """Return True when the next capitalised word starts another gazetteer name."""
    m = re.match(r"\s+([A-Z][\w'’.-]*)", text[end : end + 30])
    return bool(m and _lookup(m.group(1)))


def _choose(m: _Match, regions: set[str], countries: set[str]) -> Reading:
    if len(m.readings) == 1 or m.fixed:
        return m.readings[0]
    for r in m.readings:
        if r.region in regions and r.region != m.name:
            m.confidence = 0.75
            return r
    for r in m.readings:
        if r.country in countries:
            m.confidence = 0.7
            return r
    m.confidence = 0.7 if m.readings[0].region == m.name else 0.5
    return m.readings[0]


def _fix(m: _Match, region: str | None, country: str, conf: float) -> None:
    """Pick the reading of `m` that agrees with a region/country the text gives next to it."""
    agree = [
        r for r in m.readings if r.country == country and (region is None or r.region == region)
    ]
    agree = agree or [r for r in m.readings if r.country == country]
    m.readings = agree or [Reading("place", region, country)]
    if region is not None and m.readings[0].region is None:
        m.readings = [replace(m.readings[0], region=region)]
    m.fixed, m.region_in_text, m.confidence = True, True, max(m.confidence, conf)


def _region_like(b: _Match | None, a: _Match | None = None) -> Reading | None:
    """Return the reading that lets `b` stand as the region in "A, B" (agreeing with A)."""
    if b is None:
        return None
    fits = [
        r for r in b.readings if r.kind != "place" or (r.region and fold(r.region) == fold(b.name))
    ]
    if a is not None:
        for r in fits:
            if any(x.region == r.region and x.country == r.country for x in a.readings):
                return r
        for r in fits:
            if any(x.country == r.country for x in a.readings):
                return r
    return fits[0] if fits else None


def _run_before(text: str, pos: int) -> tuple[int, str] | None:
    """Return the capitalised word run that ends at `pos` (start, words), if any."""
    words = list(re.finditer(r"[A-Z][\w'’.-]*", text[max(0, pos - 60) : pos]))
    base = max(0, pos - 60)
    run: list[re.Match] = []
    end = pos
    for w in reversed(words):
        if base + w.end() != end or w.group(0) in W.STOP:
            break
        run.insert(0, w)
        end = base + w.start() - 1
        if end >= 0 and text[end] != " " or len(run) == 4:
            break
    if not run or run[-1].group(0) in W.STREET:
        return None
    start = base + run[0].start()
    return start, text[start:pos]


def _apply_patterns(text: str, hits: list[_Match], ents: list[tuple[int, int, str]]) -> None:
    """Attach regions stated next to places: "A, B", "A in B", "the B suburb of A"."""
    by_end = {h.end: h for h in hits}
    for b in list(hits):
        gap = re.search(r",\s+$", text[max(0, b.start - 3) : b.start])
        if gap is None:
            continue
        comma = b.start - len(gap.group(0))
        a = by_end.get(comma)
        reading = _region_like(b, a)
        if reading is None:
            continue
        org_like = bool(W.NOT_REGION_NEXT.match(text[b.end : b.end + 8]))
        if a is not None:
            if org_like and not any(r.region == reading.region for r in a.readings):
                continue
            b.readings, b.region_in_text = [reading], True
            _fix(a, reading.region, reading.country, 0.9)
            continue
        run = _run_before(text, comma)
        if org_like or run is None or _ent_at(ents, run[0], comma) in W.NOT_PLACE_LABELS:
            continue
        b.readings, b.region_in_text = [reading], True
        new = _Match(run[0], comma, run[1], [Reading("place", reading.region, reading.country)])
        new.confidence, new.region_in_text, new.fixed = 0.75, True, True
        hits.append(new)
        by_end[comma] = new
    for a in hits:
        b = next(
            (h for h in hits if h.start == a.end + 4 and text[a.end : h.start] == " in "), None
        )
        reading = _region_like(b) if b else None
        if reading is not None and not a.fixed and a.readings[0].kind == "place":
            if any(r.country == reading.country for r in a.readings):
                _fix(a, reading.region, reading.country, 0.8)
    for pattern in (W.SETTLEMENT_OF, W.A_SETTLEMENT_OF):
        for sm in pattern.finditer(text):
            _settlement(text, sm, pattern is W.SETTLEMENT_OF, hits)


def _settlement(text: str, sm: re.Match, of_form: bool, hits: list[_Match]) -> None:
    """Handle "the Brisbane suburb of A" and "A, a suburb of Brisbane"."""
    start, end = sm.span("a")
    if of_form:
        src = [h for h in hits if sm.start() - 30 <= h.end <= sm.start() and h.start < start]
        src_hit = src[-1] if src else None
    else:
        src_hit = next((h for h in hits if h.start == sm.end()), None)
    reading = None
    if src_hit is not None and src_hit.readings:
        r = src_hit.readings[0]
        reading = Reading("place", r.region, r.country)
    a = next((h for h in hits if h.start == start), None)
    if a is None:
        if W.STOP.isdisjoint(sm.group("a").split()):
            a = _Match(start, end, sm.group("a"), [reading or Reading("place", None, "")])
            hits.append(a)
        else:
            return
    if reading is not None and reading.region:
        _fix(a, reading.region, reading.country, 0.8)
    a.confidence = max(a.confidence, 0.8)


def _hints(text: str, hits: list[_Match]) -> tuple[set[str], set[str]]:
    regions = {h.readings[0].region for h in hits if len(h.readings) == 1 and h.readings[0].region}
    countries = {h.readings[0].country for h in hits if len(h.readings) == 1}
    for code, (pattern, weights) in gazetteer().cues.items():
        for cm in pattern.finditer(text):
            if weights.get(cm.group(0), 0) >= 2.5:
                countries.add(code)
                break
    countries.discard("")
    return {r for r in regions if r}, countries


def scan_places(
    text: str,
    offset: int = 0,
    ents: list[tuple[int, int, str]] | None = None,
    common: set[int] | None = None,
) -> list[PlaceHit]:
    """Return the places in `text`.

    `ents` are (start, end, label) spaCy entities and `common` the start offsets of tokens
    that are not nouns (adverbs, pronouns...), both relative to `text`.
    """
    ents = ents or []
    raw = _raw_matches(text)
    hits = [m for m in raw if _usable(text, m, raw, ents)]
    _apply_patterns(text, hits, ents)
    regions, countries = (
        _hints(text, hits) if any(len(h.readings) > 1 for h in hits) else (set(), set())
    )
    out = []
    for m in sorted(hits, key=lambda h: h.start):
        r = _choose(m, regions, countries)
        out.append(
            PlaceHit(
                name=m.name,
                region=r.region,
                country=r.country or None,
                start_char=offset + m.start,
                end_char=offset + m.end,
                confidence=m.confidence if r.kind != "country" else 0.9,
                kind=r.kind,
                region_in_text=m.region_in_text or (r.kind == "region"),
                candidates=tuple((x.region, x.country) for x in m.readings if x.country),
            )
        )
    covered = [(h.start_char - offset, h.end_char - offset) for h in out]
    out.extend(_unlisted(text, offset, ents, covered, common or set()))
    out.sort(key=lambda h: h.start_char)
    return out


def _unlisted(
    text: str,
    offset: int,
    ents: list[tuple[int, int, str]],
    covered: list[tuple[int, int]],
    common: set[int],
) -> list[PlaceHit]:
    """Return places the gazetteer lacks: spaCy GPE/LOC/FAC entities, then "in <Name>"."""
    out: list[PlaceHit] = []
    spans = list(covered)
    for s, e, label in ents:
        if label not in ("GPE", "LOC", "FAC") or any(s < ce and cs < e for cs, ce in spans):
            continue
        name = W.ENT_TAIL.sub("", re.sub(r"^the\s+", "", text[s:e], flags=re.I))
        start = s + text[s:e].find(name)
        words = name.split()
        if not words or any(c.isdigit() for c in name) or not name[0].isupper():
            continue
        if words[-1] in W.NON_PLACE_TAIL or words[-1] in W.STREET or name in W.STOP:
            continue
        conf = 0.3 if label == "FAC" else 0.45
        out.append(
            PlaceHit(name, None, None, offset + start, offset + start + len(name), conf, "place")
        )
        spans.append((s, e))
    for strong, pattern in enumerate((*W.PLACED, *W.UNLISTED), start=-len(W.PLACED)):
        for m in pattern.finditer(text):
            s, e = m.span("a")
            name = m.group("a")
            while name.split(" ", 1)[0] in W.STOP and " " in name:
                rest = name.split(" ", 1)[1].lstrip()
                s, name = e - len(rest), rest
            words = name.split()
            if any(s < ce and cs < e for cs, ce in spans):
                continue
            if words[0] in W.STOP or words[-1] in W.NON_PLACE_TAIL or words[-1] in W.STREET:
                continue
            if s in common:
                continue  # "Fortunately police ..." : a capitalised word, not a name
            # the small model often calls a town ORG; "X police" / "an X home" outweigh that
            allowed = ("ORG",) if strong else ()
            placed = strong < 0  # "at Creswick, north of Ballarat": any label
            if not placed and any(s < ee and ss < e and lab not in allowed for ss, ee, lab in ents):
                continue
            out.append(PlaceHit(name, None, None, offset + s, offset + e, 0.3, "place"))
            spans.append((s, e))
    return out


def find_places(sent: Span) -> list[PlaceHit]:
    """Return the places, regions and countries a sentence names; offsets index the Doc."""
    base = sent.start_char
    ents = [(e.start_char - base, e.end_char - base, e.label_) for e in sentence_ents(sent)]
    common = {t.idx - base for t in sent if t.pos_ not in ("PROPN", "NOUN", "X")}
    return scan_places(sent.text, base, ents, common)


def with_country(hit: PlaceHit, country: str) -> PlaceHit:
    """Return `hit` re-read for a known document country, when one of its readings fits."""
    for region, code in hit.candidates:
        if code == country:
            return replace(hit, region=region, country=code)
    return hit


def _readings(name: str) -> list[Reading]:
    name = re.sub(r"\s+", " ", name.strip())
    got = _lookup(name) or _lookup(W.QUALIFIER.sub("", name))
    return _ordered(got[0], got[1]) if got else []


def region_of(name: str, country: str | None = None) -> tuple[str, str] | None:
    """Return (normalised region, country) of a place or region name, or None if unknown."""
    for r in _readings(name):
        if r.region and (country is None or r.country == country):
            return r.region, r.country
    return None


def normalise_region(text: str, country: str | None = None) -> str | None:
    """Return the gold spelling of a region name or abbreviation ("Calif." -> "CA")."""
    for r in _readings(text):
        if country is not None and r.country != country:
            continue
        if r.kind == "region" or (r.region and fold(r.region) == fold(text.strip())):
            return r.region
    return None


_HOST = re.compile(r"^(?:[a-z]+://)?([^/:?#]+)[^/]*(/.*)?$", re.I)


def _url_country(url: str) -> str | None:
    """Return the country an article address betrays (".co.nz", "cbc.ca", "bbc.com/news/uk")."""
    m = _HOST.match(url.strip())
    if m is None:
        return None
    host, path = m.group(1).lower(), (m.group(2) or "").lower()
    for suffix, code in gazetteer().tlds:
        if "/" in suffix:
            if suffix in host + path:
                return code
        elif host.endswith(suffix if suffix.startswith(".") else "." + suffix) or host == suffix:
            return code
    return None


def infer_country(
    text: str, hits: list[PlaceHit], source: str | None, url: str | None
) -> tuple[str, float] | None:
    """Return the document's likely country (ISO code) and a confidence, or None."""
    gaz = gazetteer()
    scores: dict[str, float] = defaultdict(float)
    for h in hits:
        if h.country and h.country in gaz.cues:
            scores[h.country] += (2.5 if h.kind == "country" else 2.0) * h.confidence
    seen: set[str] = set()
    for h in scan_places(text):
        if h.country and h.name not in seen and len(h.candidates) <= 1:
            seen.add(h.name)
            scores[h.country] += 1.0 if h.kind == "place" else 1.5
    for code, (pattern, weights) in gaz.cues.items():
        total = sum(weights.get(m.group(0), 0.0) for m in pattern.finditer(text))
        scores[code] += min(total, 9.0)
    if source:
        for outlet, code in gaz.outlets:
            if outlet in source:
                scores[code] += 3.0
                break
    code = _url_country(url) if url else None
    if code is not None:
        scores[code] += 2.0 if code == "GB" else 3.0
    scores = {k: v for k, v in scores.items() if k in gaz.cues and v > 0}
    if not scores:
        return None
    best = max(scores, key=scores.__getitem__)
    top, total = scores[best], sum(scores.values())
    if top < 1.5:
        return None
    confidence = (top / total) * min(1.0, top / 6.0)
    return best, round(min(0.99, max(0.3, confidence)), 3)
