"""Whether a fact's evidence sentence really says its value, field by field.

`supports(field, value, span_text)` answers True when the sentence contains the
value or the words it was normalised from: "Queensland police" for "Queensland
Police Service", "Wash." for WA, "a 34-year-old man" for age 34. It checks words,
not meaning: a sentence that names the value in another role still supports it.
`explain` says what was looked for, for test and log messages.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable
from enum import Enum
from functools import cache

from forcewatch.errors import ExtractError
from forcewatch.extract import agency as agency_mod
from forcewatch.extract import geo as geo_mod
from forcewatch.extract import investigations as inv_mod
from forcewatch.extract import weapon as weapon_mod
from forcewatch.extract.patterns.geo_gazetteer import COUNTRIES, fold, gazetteer
from forcewatch.extract.patterns.investigations_data import ABBREVIATIONS, POLICE_BODY_BY_COUNTRY
from forcewatch.extract.patterns.lexicon import FEMALE_WORDS, MALE_WORDS
from forcewatch.extract.patterns.weapon_data import UNARMED, WEAPON_TERMS
from forcewatch.records import PartialDate

log = logging.getLogger(__name__)

# ---- word lists (data) -------------------------------------------------------------------

_I = re.I
SEX_WORDS = {
    "male": MALE_WORDS
    | frozenset(
        "men mr gentleman grandfather grandson stepfather stepson dad boyfriend "
        "fiance uncle nephew schoolboy teenage-boy males sons brothers fathers".split()
    ),
    "female": FEMALE_WORDS
    | frozenset(
        "women mrs ms miss lady grandmother granddaughter stepmother stepdaughter mum mom "
        "girlfriend fiancee aunt niece schoolgirl females daughters sisters mothers".split()
    ),
}
OUTCOME_RES = {
    "fatal": r"died|dies|die|dead|death|deaths|deadly|killed|kill|kills|killing|killings|fatal|fatally|"
    r"succumbed|did not survive|lost (?:his|her|their) li(?:fe|ves)|deceased|body|bodies|"
    r"gunned down|slain|homicide|inquest|coroner",
    "injured": r"injur(?:ed|ies|y|ing)|wound(?:ed|s|ing)?|hospitali[sz]ed|hospital|critical(?:ly)?|"
    r"serious(?:ly)?|stable|condition|life-threatening|non-life-threatening|survived|recovering|"
    r"treated|surgery|bitten|hurt|shot in the \w+|struck in the \w+|hit in the \w+|bleeding|"
    r"bullet wounds?|gunshot wounds?|"
    # words of a hit: being hit and surviving is "injured"
    r"shot(?!\s+at\s+(?!(?:his|her|their|a|an|the|least)\b))|hit|struck|striking|hitting|"
    r"shoot(?:s|ing)?\s+(?!at\b|to\b)\w+|"
    r"tasered|tased|tazed|stunned|shocked|bit|tasers?|stun guns?|mauled|beaten|beat|punched|"
    r"kicked|pepper-sprayed|sprayed|batoned|run over|restrained|pinned",
    "missed": r"missed|miss|not (?:hit|struck|injured|hurt)|uninjured|unhurt|unharmed|"
    r"without injury|no injuries|no one was (?:hit|injured|hurt)|nobody was (?:hit|injured|hurt)",
}
FORCE_RES = {
    "firearm": r"shot|shoot\w*|fired?|firing|gun\w*|gunfire|gunshots?|bullets?|rounds?|"
    r"encounters?|exchange of fire|shoot-?outs?|firefight|opened fire|returned fire|"
    r"shots|discharg\w+|firearms?|pistols?|rifles?|revolvers?|"
    r"officer-involved|police-involved",
    "taser": r"tasers?|tasered|tasering|tased|tasing|taz\w*|stun|stunned|CEW|electroshock|"
    r"conducted (?:energy|electrical)|zapped|shocked",
    "restraint": r"restrain\w*|restraints?|pinned|pinning|held down|holding (?:him|her) down|"
    r"chokehold|choke\w*|neck hold|headlock|knelt|kneel\w*|prone|handcuff\w*|cuffed|tackled|"
    r"subdued?|subduing|struggle|wrestled|grappled|detained|custody|arrest\w*|positional asphyxia",
    "vehicle": r"car|cars|vehicles?|cruiser|struck|hit|run over|ran over|knocked down|rammed|"
    r"collided|collision|crash\w*|slamm?\w*|(?:drove|ran|driven) into|van|ute|SUV|truck|patrol|"
    r"mowed down",
    "dog": r"dogs?|K-?9s?|canine|bitten|bit|bite|bites|mauled|alsatian|German shepherd",
    "other": r"beat\w*|baton\w*|spray\w*|pepper|capsicum|OC|tear gas|custody|custodial|thrash\w*|"
    r"tortur\w*|assault\w*|punch\w*|kick\w*|batter\w*|bludgeon\w*|lathis?|hit|struck|attacked|"
    r"force|rubber bullets?|bean ?bag|water cannon|flash-?bang|stun grenades?|"
    r"kill\w*",  # "other" is also force whose means the story does not state
}
# any force word: enough for outcome "unknown"
ANY_FORCE_RE = "|".join(FORCE_RES.values())
WITHHELD_RE = (
    r"withh[oe]ld\w*|suppress\w*|not (?:yet )?(?:been )?(?:publicly )?(?:named|identified|"
    r"released)|(?:declined|refused) to (?:name|identify|release)|(?:did not|didn't|would not|"
    r"will not|won't) (?:release|name|identify|disclose)|cannot be (?:named|identified)|"
    r"unnamed|unidentified|confidential|anonymity|anonymous|not been made public"
)
OFFICER_WORDS = (
    r"officers?|policem[ae]n|policewom[ae]n|police|constables?|deput(?:y|ies)|troopers?|cops?|"
    r"agents?|gardaí|gardai|garda|sergeants?|detectives?|inspectors?|sub-inspectors?|members?|"
    r"marshals?|sheriff|sheriff's|mounties?|rcmp|swat|shooter"
)
# several officers named in a row: "officers Ann Lee, Bo Diaz and Cy Moe fired"
LISTED_OFFICERS_RE = (
    r"(?i:officers|deputies|troopers|detectives|agents|constables)\s+"
    r"(?:[A-Z][\w.'’-]*\s+){1,3}?(?:[A-Z][\w.'’-]*)(?:,\s+|\s+and\s+)[A-Z]"
)
# one shooter by name: "Smith then shot him", "Smith, who returned fire"
ONE_SHOOTER_RE = (
    r"[A-Z][\w'’-]+,?(?:\s+who)?(?:\s+(?:then|later|also|again))?\s+"
    r"(?:shot|fired|opened fire|returned fire|fatally shot|discharged)"
)
# one officer named by a singular noun or rank: "Officer Smith shot", "a deputy fired"
ONE_OFFICER_WORDS = (
    r"officer|policeman|policewoman|constable|const|deputy|trooper|cop|agent|garda|sergeant|sgt|"
    r"detective|det|inspector|sub-inspector|marshal|lieutenant|lt|corporal|cpl|patrolman|sheriff|"
    r"captain|capt|shooter|gunman|SI|ASI|sub inspector|(?:dog )?handler"
)
NUMBER_WORDS = {
    0: ("zero", "no", "none"),
    1: ("one", "a", "an", "single", "lone", "the", "sole", "only"),
    2: ("two", "both", "pair", "couple", "second"),
    3: ("three", "third"),
    4: ("four",),
    5: ("five",),
    6: ("six",),
    7: ("seven",),
    8: ("eight",),
    9: ("nine",),
    10: ("ten",),
    11: ("eleven",),
    12: ("twelve",),
}
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_TEENS = "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
RELATIVE_DAY_RE = (
    r"yesterday|today|tonight|overnight|this (?:morning|afternoon|evening)|last (?:night|evening)|"
    r"earlier (?:today|this week)|days? (?:ago|earlier|later|before|after)|the (?:previous|next|"
    r"following) (?:day|night|morning|evening)|the day before|hours (?:ago|earlier|later)|"
    r"early hours|this week|last week|"
    r"christmas|boxing day|new year['’]?s|anzac day|waitangi day|australia day|canada day|"
    r"independence day|fourth of july|halloween|guy fawkes|bonfire night|valentine['’]?s|"
    r"st\.? patrick['’]?s"
)
RELATIVE_MONTH_RE = r"(?:last|this|earlier this|previous|next) month"
RELATIVE_YEAR_RE = r"(?:last|this|earlier this|previous|next) year|years? ago"
_MONTH_ABBR = {
    i: (calendar.month_name[i].lower(), calendar.month_abbr[i].lower()) for i in range(1, 13)
}
_MONTH_ABBR[9] = (*_MONTH_ABBR[9], "sept")
_POLICE_RE = re.compile(r"\b(?:police|polis|cops?|officers?|force|constabulary)\b", _I)
_NAME_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))
_HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"))

# ---- helpers -----------------------------------------------------------------------------


@cache
def _word_re(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", flags)


def _has(pattern: str, text: str, flags: int = _I) -> bool:
    return bool(_word_re(pattern, flags).search(text))


def _phrase(words: str) -> str:
    """Return a regex that matches `words` with any whitespace between them."""
    return r"\s+".join(re.escape(w) for w in words.split())


def _folded_has(needle: str, text: str) -> bool:
    """Return True when `needle` occurs in `text` as whole words, ignoring case and accents.

    A hyphen ends a word here: "Chavez" occurs in "Chavez-Diaz", "Miami" in "Miami-Dade".
    """
    needle = fold(needle).strip()
    pattern = rf"(?<!\w)(?:{_phrase(needle)})(?!\w)"
    return bool(needle) and bool(re.search(pattern, fold(text)))


def _raw(value: object) -> object:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PartialDate):
        return value.iso()
    return value


def _capital_runs(text: str, longest: int = 5) -> Iterable[str]:
    """Return every run of up to `longest` words, each starting with a capital or a code."""
    words = list(re.finditer(r"[^\W\d_][\w'’.&-]*", text))
    for i, w in enumerate(words):
        if not (w.group(0)[0].isupper() or w.group(0).isupper()):
            continue
        for j in range(i, min(i + longest, len(words))):
            chunk = text[w.start() : words[j].end()]
            yield chunk
            if chunk.endswith(("'s", "’s")):
                yield chunk[:-2]
            if chunk.endswith("."):
                yield chunk[:-1]


# ---- field checks ------------------------------------------------------------------------


def _name(value: object, text: str) -> bool:
    name = str(value)
    if _folded_has(name, text):
        return True
    parts = [p for p in re.split(r"\s+", name.strip()) if p]
    parts = [p for p in parts if fold(p).strip(".") not in _HONORIFICS]
    while parts and fold(parts[-1]) in _NAME_SUFFIXES:
        parts.pop()
    if not parts:
        return False
    surname = parts[-1].rstrip(",")
    pieces = [surname, *surname.split("-")] if "-" in surname else [surname]
    return any(len(p) > 1 and _folded_has(p, text) for p in pieces)


def _number_words(n: int) -> list[str]:
    out = list(NUMBER_WORDS.get(n, ()))
    if 13 <= n <= 19:
        out.append(_TEENS[n - 13])
    elif 20 <= n < 100:
        tens = _TENS[n // 10 - 2]
        out.append(tens if n % 10 == 0 else f"{tens}[- ]{NUMBER_WORDS[n % 10][0]}")
    return out


def _age(value: object, text: str) -> bool:
    n = int(value)  # type: ignore[call-overload]
    if re.search(rf"(?<![\d.,]){n}(?![\d])", text):
        return True
    words = [w for w in _number_words(n) if w not in ("a", "an", "the", "no", "only", "second")]
    # a hyphen may follow: "thirty-four-year-old"
    return any(re.search(rf"(?<![\w-])(?:{w})(?!\w)", text, _I) for w in words)


def _sex(value: object, text: str) -> bool:
    words = SEX_WORDS.get(str(value))
    if words is None:
        return False
    return _has("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), text)


def _outcome(value: object, text: str) -> bool:
    key = str(_raw(value))
    pattern = OUTCOME_RES.get(key, ANY_FORCE_RE)
    return _has(pattern, text)


def _force(value: object, text: str) -> bool:
    kind = str(_raw(value))
    pattern = FORCE_RES.get(kind)
    if kind == "other" and _has(FORCE_RES["firearm"], text):
        return False  # a shooting is not "other" force
    return pattern is not None and _has(pattern, text)


def _date(value: object, text: str) -> bool:
    date = value if isinstance(value, PartialDate) else PartialDate.parse(str(value))
    low = text.lower()
    if str(date.year) in re.findall(r"(?<!\d)\d{4}(?!\d)", text):
        if date.month is None:
            return True
    if date.month is None:
        return _has(RELATIVE_YEAR_RE, low)
    month_re = "|".join(re.escape(w) for w in _MONTH_ABBR[date.month])
    month_named = _has(rf"(?:{month_re})\.?", low)
    if date.day is None:
        return month_named or _has(RELATIVE_MONTH_RE, low)
    if month_named and re.search(rf"(?<!\d)0?{date.day}(?:st|nd|rd|th)?(?!\d)", text):
        return True
    if _numeric_date(date, text):
        return True
    weekday = calendar.day_name[dt.date(date.year, date.month, date.day).weekday()].lower()
    return _has(rf"{weekday}|{RELATIVE_DAY_RE}", low)


def _numeric_date(date: PartialDate, text: str) -> bool:
    d, m = date.day, date.month
    for a, b, y in re.findall(r"(?<!\d)(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?!\d)", text):
        nums = {(int(a), int(b)), (int(b), int(a)), (int(b), int(y))}
        if (m, d) in nums or (d, m) in nums:
            return True
    return False


def _place(value: object, text: str) -> bool:
    return _folded_has(str(value), text)


def _region(value: object, text: str) -> bool:
    region = str(value)
    if len(region) <= 3 and region.isupper():
        if _has(re.escape(region), text, 0):
            return True
    elif _folded_has(region, text):
        return True
    if any(geo_mod.normalise_region(run) == region for run in _capital_runs(text)):
        return True
    # a town of that region, as the gold conventions allow ("plain from the text")
    for hit in geo_mod.scan_places(text):
        if hit.region == region or any(r == region for r, _ in hit.candidates):
            return True
    return False


def _countries_in(text: str) -> set[str]:
    """Return the countries the words of `text` point to: names, places, regions, cues."""
    found: set[str] = set()
    for hit in geo_mod.scan_places(text):
        if hit.country:
            found.add(hit.country)
        found.update(code for _, code in hit.candidates if code)
    for run in _capital_runs(text, 3):
        region = geo_mod.region_of(run)
        if region is not None:
            found.add(region[1])
    for code, (pattern, _) in gazetteer().cues.items():
        if pattern.search(text):
            found.add(code)
    for hit in agency_mod.find_agencies_in_text(text):
        found.update(_agency_countries(hit.name))
        found.update(h.country for h in geo_mod.scan_places(hit.name) if h.country)
    return found


def _agency_countries(name: str) -> set[str]:
    """Return the countries whose national force is `name`."""
    return {code for code in COUNTRIES if agency_mod.default_agency(code, None) == name}


def _country(value: object, text: str) -> bool:
    return str(value) in _countries_in(text)


def _agency(value: object, text: str) -> bool:
    parts = [p.strip() for p in str(value).split(";") if p.strip()]
    return bool(parts) and all(_one_agency(p, text) for p in parts)


def _one_agency(name: str, text: str) -> bool:
    if _folded_has(name, text):
        return True
    for country in (None, *COUNTRIES):
        if any(h.name == name for h in agency_mod.find_agencies_in_text(text, 0, country)):
            return True
    if not _POLICE_RE.search(text):
        return False
    # plain "police" plus the words that tell the force: "Queensland police", "police in Perth"
    for country in _countries_in(text):
        regions: set[str | None] = {None}
        for run in _capital_runs(text):
            regions.add(geo_mod.normalise_region(run, country))
            place = geo_mod.region_of(run, country)
            regions.add(place[0] if place else None)
        if any(agency_mod.default_agency(country, r) == name for r in regions):
            return True
    return False


def _weapon(value: object, text: str) -> bool:
    kind = str(_raw(value))
    if any(h.weapon.value == kind for h in weapon_mod.find_weapons_in_text(text)):
        return True
    if kind == "none":
        return _has(UNARMED, text) or _has(r"unarmed|no weapons?|not armed", text)
    terms = [pattern for weapon, pattern in WEAPON_TERMS if weapon == kind]
    return any(re.search(rf"(?<!\w)(?:{p})(?!\w)", text, _I) for p in terms)


def _officers(value: object, text: str) -> bool:
    n = int(value)  # type: ignore[call-overload]
    counts = [str(n), *_number_words(n)]
    count_re = "|".join(counts)
    if _has(rf"(?:{count_re})\s+(?:[\w.'’-]+\s+){{0,3}}?(?:{OFFICER_WORDS})", text):
        return True
    if n == 2 and re.search(_NAME_AND_RANKED_RE, text):
        return True  # "Ann Lee and officer Bo Diaz shot him"
    listed = re.search(LISTED_OFFICERS_RE, text)
    if listed:  # "officers A, B and C shot him": as many officers as names in the list
        return n >= 2 and _listed_names(text[listed.start() :]) == n
    singles = len(_word_re(rf"(?:{ONE_OFFICER_WORDS})\.?").findall(text))
    if n == 1:
        return singles >= 1 or bool(re.search(ONE_SHOOTER_RE, text))
    return singles >= n


_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_NAME_LIST_RE = re.compile(
    rf"(?i:officers|deputies|troopers|detectives|agents|constables)\s+({_NAME}(?:,\s+{_NAME})*,?\s+and\s+{_NAME})"
)


#: two named firers, the second with a rank: "Ann Lee and officer Bo Diaz fired"
_NAME_AND_RANKED_RE = re.compile(
    rf"\b{_NAME}\s+and\s+(?i:officer|deputy|trooper|detective|sergeant|sgt\.?|constable)\s+"
    rf"{_NAME}\s+(?:\w+ly\s+)?(?:shot|fired|opened fire)\b"
)


def _listed_names(text: str) -> int:
    """Return how many names the officer list at the start of `text` has."""
    m = _NAME_LIST_RE.match(text)
    if not m:
        return 0
    return len(re.split(r",\s+and\s+|,\s+|\s+and\s+", m.group(1)))


def listed_officer_names(text: str) -> int:
    """Return how many names the first list of named officers in `text` has ("Officers
    A, B and C"), 0 when there is none."""
    m = _NAME_LIST_RE.search(text)
    return _listed_names(text[m.start() :]) if m else 0


def _withheld(value: object, text: str) -> bool:
    return bool(value) and _has(WITHHELD_RE, text)


def _investigation(value: object, text: str) -> bool:
    body = str(value)
    if _folded_has(body, text):
        return True
    for country in (None, *COUNTRIES):
        if any(h.body == body for h in inv_mod.find_investigations_in_text(text, 0, country)):
            return True
    if any(full == body and _has(abbr, text, 0) for abbr, full in ABBREVIATIONS.items()):
        return True
    police_bodies = {"Police", *POLICE_BODY_BY_COUNTRY.values()}
    if body in police_bodies and _POLICE_RE.search(text):
        return True
    return _one_agency(body, text)


CHECKS: dict[str, Callable[[object, str], bool]] = {
    "subject_name": _name,
    "subject_age": _age,
    "subject_sex": _sex,
    "outcome": _outcome,
    "force": _force,
    "date": _date,
    "place": _place,
    "region": _region,
    "country": _country,
    "agency": _agency,
    "subject_weapon": _weapon,
    "officers_fired": _officers,
    "name_withheld": _withheld,
    "investigations": _investigation,
}

# ---- public API ---------------------------------------------------------------------------


def supports(field: str, value: object, span_text: str) -> bool:
    """Return True when `span_text` contains `value` of `field` or the words it came from."""
    check = CHECKS.get(field)
    if check is None:
        raise ExtractError(
            f"support check: unknown field {field!r}; use one of {', '.join(CHECKS)}"
        )
    try:
        return check(value, span_text)
    except (TypeError, ValueError) as err:
        raise ExtractError(
            f"support check: field {field!r} cannot read the value {value!r} ({err}); "
            "pass the fact's value as the pipeline builds it"
        ) from err


_LOOKED_FOR = {
    "subject_name": "the name or its surname",
    "subject_age": "the age as digits or words",
    "subject_sex": "a word or pronoun of that sex",
    "outcome": "a word of that outcome",
    "force": "a word of that kind of force",
    "date": "a date expression of that precision (month, day, weekday, relative day, year)",
    "place": "the place as written",
    "region": "the region, an alias, abbreviation or state code",
    "country": "the country, one of its regions or places, a demonym or a country cue",
    "agency": "the force's name or the words it was normalised from",
    "subject_weapon": "a weapon word of that class",
    "officers_fired": "a count of officers",
    "name_withheld": "a word saying the name is withheld",
    "investigations": "the body's name or acronym",
}


def explain(field: str, value: object, span_text: str) -> str:
    """Return a one-line account of the check, for test and log messages."""
    ok = supports(field, value, span_text)
    verdict = "supported" if ok else "NOT supported"
    looked = _LOOKED_FOR.get(field, "the value")
    shown = re.sub(r"\s+", " ", span_text).strip()
    if len(shown) > 200:
        shown = shown[:197] + "..."
    return f"{field}={_raw(value)!r} {verdict}: looked for {looked} in {shown!r}"
