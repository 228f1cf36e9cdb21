"""Where it happened: the place, region and country of a subject, and the town it lies in.

A story names many places (the dateline, the hospital, the court, where the man
lived); the place of the shooting is the first one named firmly in the
subject's sentences, made more specific when the story gives a street address,
a premises or a suburb ("in the Toowoomba suburb of Harristown"). When the
story places that suburb inside a town or city ("Harristown, Toowoomba",
"Buninyong, south of Ballarat", "Auckland's Otara", "Tottenham, north London"),
the town is kept as the place's `locality`: linking reads it to see that a
follow-up saying only "Toowoomba" tells of the same place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spacy.tokens import Span

from forcewatch.extract import geo as geo_mod
from forcewatch.extract.docindex import evidence_of, ordered
from forcewatch.extract.geo import region_of
from forcewatch.records import Fact

if TYPE_CHECKING:
    from forcewatch.extract.assemble import DocContext

_ev = evidence_of


@dataclass(frozen=True)
class Where:
    """The geography of one subject; each fact tied to its sentence."""

    place: Fact[str] | None
    region: Fact[str] | None
    country: Fact[str] | None
    locality: Fact[str] | None = None  # the town or city the place lies in, when told


_MIN_PLACE_CONF = 0.4
_SUBURB_RE = re.compile(
    r"\b(?:suburb|neighbou?rhood|township|village|hamlet|community|locality|settlement|"
    r"town) of ([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,3})"
)


def find_where(scope: list[Span], ctx: DocContext) -> Where:
    """Return the place, region, country and locality the subject's sentences tell."""
    place = region = locality = None
    candidates: list[tuple[object, Span]] = []
    for sent in scope:
        hits = [
            _anchored(h, sent, ctx) for h in sorted(ctx.places(sent), key=lambda h: h.start_char)
        ]
        for h in hits:
            if (
                h.kind == "place"
                and h.confidence >= _MIN_PLACE_CONF
                and not _institution(h, sent)
                and not _residence(h, sent)
                and h.name.lower() not in ctx.surnames
            ):
                candidates.append((h, sent))
            if region is None and h.kind == "region" and h.region and not named_thing(h, sent):
                region = Fact(h.region, h.confidence, _ev(ctx.doc_id, sent))
    if candidates:
        # a suburb or village the gazetteer does not know is more specific than a city it does
        local = [
            c for c in candidates[:6] if c[0].confidence >= 0.6 and region_of(c[0].name) is None
        ]
        h, sent = local[0] if local else _first_firm(candidates)
        inner = _inner_place(h, sent, [c[0] for c in candidates if c[1].start == sent.start])
        if inner is not h and not h.name.isupper():
            locality = Fact(h.name, h.confidence, _ev(ctx.doc_id, sent))  # "A, east of B"
        h = inner
        place = Fact(h.name, h.confidence, _ev(ctx.doc_id, sent))
        if h.region and (region is None or h.region_in_text or h.region in ctx.regions_named):
            # the place's own region (gazetteer), unless the story names another one first
            region = Fact(h.region, h.confidence * 0.9, _ev(ctx.doc_id, sent))
    if place is not None:
        specific = _more_specific(place, ctx)
        if specific.value != place.value and locality is None and not place.value.isupper():
            locality = place  # the story's town, made specific by its suburb or address
        place = specific
        locality = locality or _locality(place.value, ctx)
    guess = ctx.country_guess
    country = None
    if guess is not None:
        code, conf = guess
        sent = _country_sentence(code, scope, ctx)
        # None: the outlet or web address tells the country, no sentence does
        country = Fact(code, conf, _ev(ctx.doc_id, sent) if sent is not None else None)
    return Where(place, region, country, locality)


def _first_firm(candidates: list[tuple[object, Span]]) -> tuple[object, Span]:
    """Return the first place named firmly, passing over a dateline ("VANCOUVER —", where
    the story was filed) and weak guesses; else the first place."""
    for h, sent in candidates[:6]:
        if h.confidence >= 0.6 and not h.name.isupper():
            return h, sent
    return candidates[0]


_RESIDENCE_RE = re.compile(r"\b[A-Z][\w'’-]+,\s+\d{1,3},\s+of\s+$")


def _residence(hit: object, sent: Span) -> bool:
    """Return True for where someone lives, not where it happened: "Sam Rowe, 33, of X"."""
    return bool(_RESIDENCE_RE.search(sent.doc.text[max(0, hit.start_char - 60) : hit.start_char]))


_INSTITUTION_RE = re.compile(
    r"^(?:['’]s)?\s*(?:[A-Z][\w'’.-]+\s+){0,4}(?:Hospital|Court|Courthouse|University|Prison|"
    r"Airport|Station|Centre|Center|Infirmary|Clinic|Magistrates|County\b(?! of))"
)


def _institution(hit: object, sent: Span) -> bool:
    """Return True for a city named as part of an institution or a county: "Brisbane's
    Princess Alexandra Hospital", "Reading Magistrates' Court", "Montgomery County"."""
    after = sent.doc.text[hit.end_char : hit.end_char + 60]
    return bool(_INSTITUTION_RE.match(after))


_NAMED_THING_RE = re.compile(
    r"^[’']?s?\s*(?:Avenue|Ave|Street|St|Road|Rd|Drive|Boulevard|Blvd|Highway|Hwy|Lane|Way|"
    r"Police|Constabulary|Coroner|Court|Prison|Hospital|University|Department|Sheriff)\b"
)


def named_thing(hit: object, sent: Span) -> bool:
    """Return True for a region name that is part of a street or body: "Kentucky Avenue",
    "Thames Valley Police", "West Sussex Coroner's Court"."""
    return bool(_NAMED_THING_RE.match(sent.doc.text[hit.end_char : hit.end_char + 20]))


_WITHIN_RE = re.compile(
    r"^,?\s*(?:(?:about|around|roughly|some|approximately|nearly|almost)\s+)?"
    r"(?:\d[\d.,]*\s*(?:km|kms|kilometres|kilometers|miles|mi)\s+)?"
    r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|"
    r"north-west|south-east|south-west|outside|near|just outside)\s+(?:of\s+)?|"
    r"(?:a|the)\s+(?:suburb|town|village|area|part)\s+(?:of|in)\s+|"
    r"\s*(?:area|neighbou?rhood|locality)\s+(?:of|in)\s+(?:the\s+)?|(?:in|of)\s+(?:outer|inner|"
    r"central|north|south|east|west|northern|southern|eastern|western)\s+)"
)


def _inner_place(hit, sent: Span, same: list) -> object:
    """Return the place inside another in one sentence: "Russell Island, east of Brisbane",
    "Nihal Vihar of outer Delhi", "Delhi's Rohini"."""
    text = sent.doc.text
    for a in same:
        for b in same:
            if a is b or a.kind != "place" or b.kind != "place":
                continue
            between = text[a.end_char : b.start_char]
            if b.start_char > a.end_char and _WITHIN_RE.match(between) and len(between) < 40:
                if hit is b:
                    return a  # "A, east of B": A is the more specific
            if b.start_char > a.end_char and re.fullmatch(r"[’']s\s+", between) and hit is a:
                return b  # "B's A"
    return hit


_ANCHORED_CONF = 0.6


def _anchored(hit, sent: Span, ctx: DocContext) -> object:
    """Return a weak guess made firm when the sentence places it by a known town: an
    unknown word in "at Creswick, north of Ballarat" is a place."""
    if hit.kind != "place" or hit.confidence >= _ANCHORED_CONF:
        return hit
    outer = _outer_place(hit, sent, [h for h in ctx.places(sent) if h.kind == "place"])
    if outer is not None and _known_town(outer):
        return replace(hit, confidence=_ANCHORED_CONF)
    return hit


#: "the Toowoomba suburb of Harristown": B, then these words, then A
_OF_FORM_RE = re.compile(
    r"\s+(?:suburb|neighbou?rhood|township|village|hamlet|community|locality|settlement|"
    r"town|area|district)\s+of\s+"
)


def _outer_place(hit, sent: Span, same: list) -> object | None:
    """Return the place the sentence puts `hit` in: "A, east of B", "A, north B", "A in
    central B", "B's A", "the B suburb of A", and "A, B" when only B is a known town."""
    text = sent.doc.text
    for b in same:
        if b is hit or b.kind != "place" or geo_mod.fold(b.name) == geo_mod.fold(hit.name):
            continue
        if b.start_char >= hit.end_char:
            between = text[hit.end_char : b.start_char]
            if len(between) > 40:
                continue
            if _WITHIN_RE.match(between):
                return b
            if between == ", " and _known_town(b) and region_of(hit.name) is None:
                return b  # "Harristown, Toowoomba": an unknown suburb, then its town
        elif b.end_char <= hit.start_char:
            between = text[b.end_char : hit.start_char]
            if re.fullmatch(r"[’']s\s+", between) or _OF_FORM_RE.fullmatch(between):
                return b
    return None


def _known_town(hit) -> bool:
    return not hit.name.isupper() and region_of(hit.name) is not None


def _locality(name: str, ctx: DocContext) -> Fact[str] | None:
    """Return the town the story puts the place `name` in, wherever it says so."""
    for sent in ctx.sents:
        hits = [h for h in ctx.places(sent) if h.kind == "place"]
        for hit in hits:
            if hit.name != name:
                continue
            outer = _outer_place(hit, sent, hits)
            if outer is not None:
                return Fact(
                    outer.name, min(hit.confidence, outer.confidence), _ev(ctx.doc_id, sent)
                )
    return None


def _country_sentence(code: str, scope: list[Span], ctx: DocContext) -> Span | None:
    """Return the first sentence that names a place, region, force or cue of the country."""
    cue = geo_mod.gazetteer().cues.get(code)
    for sent in ordered(scope, ctx.sents):
        if any(h.country == code for h in ctx.places(sent)):
            return sent
        if cue is not None and cue[0].search(sent.text):
            return sent
    return None


#: "on Keith Street in Caboolture South", "in Summers Street, Rodbourne": the locality
#: an address names is where it happened, as specific as a story gets
_ADDRESS_RE = re.compile(
    r"\b[A-Z][\w'’-]+\s+(?:Street|St|Road|Rd|Drive|Dr|Avenue|Ave|Lane|Crescent|Cres|Place|"
    r"Terrace|Tce|Parade|Highway|Hwy|Close|Boulevard|Blvd|Grove|Esplanade|Square)\.?"
    r"(?:,\s*|\s+(?:at|in)\s+)"
    r"([A-Z][a-z'’-]+(?:\s+(?!Police|Station|Hospital|Court|Shopping|Mall)[A-Z][a-z'’-]+){0,2})"
)


#: "officers were called to a home in Kirwan": the premises police went to
_PREMISES_RE = re.compile(
    r"\b(?:a|an|the|his|her|their)\s+(?:home|house|flat|apartment|unit|property|residence|"
    r"address|motel|hotel|farm|business|shop|store|supermarket|bar|pub|car park|parking lot|"
    r"petrol station|gas station|service station)\s+(?:in|at)\s+"
    r"([A-Z][a-z'’-]+(?:\s+(?!Police|Station|Hospital|Court|Shopping|Mall)[A-Z][a-z'’-]+){0,2})"
)


def address_locality(ctx: DocContext) -> Fact[str] | None:
    """Return the suburb or town of the first street address the story gives, else of the
    first premises police went to."""
    for pattern in (_ADDRESS_RE, _PREMISES_RE):
        for sent in ctx.sents[:_PLACE_LOOKAHEAD]:
            for m in pattern.finditer(sent.text):
                name = m.group(1)
                after = sent.text[m.end() : m.end() + 3]
                if re.match(r"\s+(?:[A-Z0-9]\b|\d)", after):
                    continue  # "a house in Block L", "Unit 4"
                if name.split()[-1] in _STREET_WORDS:
                    continue  # "a house in Queen Street": the address, not the locality
                if geo_mod.normalise_region(name) is None and name not in _NOT_LOCALITIES:
                    return Fact(name, 0.7, _ev(ctx.doc_id, sent))
    return None


_STREET_WORDS = frozenset(
    "Street St Road Rd Drive Dr Avenue Ave Lane Crescent Place Terrace Parade Highway Way".split()
)
_NOT_LOCALITIES = frozenset(("The", "About", "Around", "Shortly", "Just", "Police", "Officers"))


def _more_specific(place: Fact[str], ctx: DocContext) -> Fact[str]:
    """Return the suburb or village the story names within the place, if it names one."""
    address = ctx.address_locality
    if address is not None:
        return address
    for sent in ctx.sents:
        for m in _SUBURB_RE.finditer(sent.text):
            name = m.group(1)
            if name != place.value and (place.value in sent.text or len(ctx.sents) < 40):
                hits = [h for h in ctx.places(sent) if h.name == name]
                if hits or place.value in sent.text:
                    return Fact(name, min(place.confidence, 0.8), _ev(ctx.doc_id, sent))
    for sent in ctx.sents[:_PLACE_LOOKAHEAD]:  # "Russell Island, east of Brisbane"
        hits = [h for h in ctx.places(sent) if h.kind == "place"]
        outer = next((h for h in hits if h.name == place.value), None)
        if outer is not None:
            inner = _inner_place(outer, sent, hits)
            if inner is not outer:
                return Fact(
                    inner.name, min(place.confidence, inner.confidence), _ev(ctx.doc_id, sent)
                )
    return place


_PLACE_LOOKAHEAD = 12  # sentences: where a story says where it happened
