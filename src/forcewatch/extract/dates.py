"""Date expressions in a sentence, resolved against the publication date.

Regular expressions first (fast, predictable); `resolve_expression` falls back to
dateparser for a single odd expression. Conventions follow the gold corpora: a
weekday is the latest such day on or before publication (the same day counts),
"today"/"this morning" is the publication day, "yesterday"/"last night" the day
before, and a month-day without a year takes the latest such date on or before
publication.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span

from forcewatch.records import PartialDate

log = logging.getLogger(__name__)

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
    "anzac day": (4, 25), "waitangi day": (2, 6), "australia day": (1, 26),
    "canada day": (7, 1), "independence day": (7, 4), "fourth of july": (7, 4),
    "halloween": (10, 31), "guy fawkes night": (11, 5), "bonfire night": (11, 5),
    "valentine's day": (2, 14), "st patrick's day": (3, 17), "st. patrick's day": (3, 17),
}  # fmt: skip
#: relative day words -> days before publication
RELATIVE_DAYS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "early today": 0, "early this morning": 0, "earlier this morning": 0,
    "yesterday": 1, "last night": 1, "last evening": 1, "late yesterday": 1,
    "early yesterday": 1, "yesterday morning": 1, "yesterday afternoon": 1,
    "yesterday evening": 1, "the day before yesterday": 2,
}  # fmt: skip
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "a": 1}

# Cue words for `DateHit.kind`, looked for just before the expression.
_BIRTH = re.compile(r"\bborn\b[^.;]{0,12}$", re.I)
_PUBLICATION = re.compile(r"\b(?:published|updated|posted|modified)\b[^.;]{0,15}$", re.I)
_FUTURE = re.compile(
    r"\b(?:next|will|scheduled|set for|due to|expected|adjourned)\b[^.;]{0,20}$",
    re.I,
)
_RANGE = re.compile(
    r"\b(?:since|between|from|by|before|until|till)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?$", re.I
)
_RANGE_WORD = re.compile(r"(?:since|from|by|until|till)\b", re.I)
_OTHER_EVENT = re.compile(
    r"\b(?:jailed|sentenced|convicted|pleaded|paroled|graduated|married|joined the (?:force|police)"
    r"|elected|appointed|founded|established|introduced|enacted)\b",
    re.I,
)
#: "On May 2, the police notified the SIU of an injury": when the oversight body heard,
#: which bounds the incident but does not date its day
_NOTICE = re.compile(
    r"\b(?:notified|informed|advised|alerted)\b[^.;]{0,80}\bof (?:an?|the) "
    r"(?:incident|injury|injuries|death|fatality|shooting|police shooting|interaction)\b",
    re.I,
)
_FORCE_WORDS = re.compile(r"\b(?:shot|shoot|shooting|fired|killed|died|death|taser|tased)\w*", re.I)

_MON = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_WD_NAMES = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_WD_PREFIX = (
    rf"(?:(?P<wd>{_WD_NAMES})(?:\s+(?:morning|afternoon|evening|night))?"
    r",?\s*\(?\s*(?:the\s+)?)?"
)
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?![\d-])"
_REL_YEAR = r"(?:,?\s+(?P<rel>last year|this year|the previous year))?"

_P_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")
_P_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)\b")
_P_MDY = re.compile(rf"\b{_WD_PREFIX}{_MON}\s+{_DAY}\)?(?:,?\s+{_YEAR})?{_REL_YEAR}")
_P_DMY = re.compile(rf"\b{_WD_PREFIX}{_DAY}(?:\s+of)?\s+{_MON}\)?(?:,?\s+{_YEAR})?{_REL_YEAR}")
_DAY2, _MON2 = _DAY.replace("<d>", "<d2>"), _MON.replace("<mon>", "<mon2>")
_P_LASTYEAR_MD = re.compile(
    r"\b(?P<rel>(?i:last year|this year)),?\s+(?:on\s+)?"
    rf"(?:{_MON}\s+{_DAY}|{_DAY2}(?:\s+of)?\s+{_MON2})"
)
_P_MONTH_YEAR = re.compile(rf"\b{_MON}(?:\s+of)?,?\s+{_YEAR}")
_P_MONTH_REL = re.compile(
    r"\b(?:(?P<pre>(?i:last|this|earlier this|late last|early last|in|since|during|until|by|from"
    r"|mid-|early|late|in early|in late|in mid-))\s*)"
    rf"{_MON}(?![\w-]){_REL_YEAR}"
)
_P_MONTH_LASTYEAR = re.compile(rf"\b{_MON}\s+(?P<rel>last year|this year)")
_P_HOLIDAY = re.compile(
    r"\b(?P<h>Christmas Eve|Christmas Day|Christmas|Boxing Day|New Year['’]s Eve"
    r"|New Year['’]s Day|Anzac Day|ANZAC Day|Waitangi Day|Australia Day|Canada Day"
    r"|Independence Day|Fourth of July|Halloween|Guy Fawkes Night|Bonfire Night"
    r"|Valentine['’]s Day|St\.? Patrick['’]s Day)(?:,?\s+" + _YEAR + ")?"
)
_P_RELATIVE = re.compile(
    r"\b(?P<r>the day before yesterday|(?:early |late |earlier )?yesterday(?: morning| afternoon"
    r"| evening)?|today|tonight|(?:early |earlier )?this (?:morning|afternoon|evening)"
    r"|last (?:night|evening)|earlier today|early today)\b",
    re.I,
)
_P_DAYS_AGO = re.compile(r"\b(?P<n>\d|one|two|three|four|five|six|a)\s+days?\s+ago\b", re.I)
_P_REL_PERIOD = re.compile(
    r"\b(?P<r>last year|this year|last month|earlier this month|this month|earlier this year)\b",
    re.I,
)
_P_WEEKDAY = re.compile(
    r"\b(?:(?P<pre>last|this past|past|this coming|coming|next|this)\s+)?"
    rf"(?P<wd>{_WD_NAMES})(?!s\b)\b"
    r"(?!\s+(?:Times|Star|Herald|Mail|Telegraph|Express|Post|Independent|Tribune|World|Mirror"
    r"|People|School|Mass|service|roast|Night Football))"
)
_P_YEAR = re.compile(
    r"(?<![$£€#\d.,/-])\b(?:(?P<pre>(?i:in|during|back in|since|by|until|from|of|early|late|mid-))"
    rf"\s*)?{_YEAR}(?!\s*(?:%|per\b|/\d|s\b))"
)


@dataclass(frozen=True)
class DateHit:
    """One date expression in a sentence, resolved to a partial date."""

    date: PartialDate
    start_char: int
    end_char: int
    text: str
    confidence: float
    relative: bool
    # "event" | "notice" (when an oversight body was told) | "birth" | "publication" |
    # "future" | "range" | "other"
    kind: str = "event"


@dataclass(frozen=True)
class _Resolved:
    date: PartialDate
    confidence: float
    relative: bool


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _latest_md(published: dt.date, month: int, day: int) -> dt.date | None:
    """Return the latest date with this month and day on or before `published`."""
    for year in range(published.year, published.year - 9, -1):
        d = _safe_date(year, month, day)
        if d is not None and d <= published:
            return d
    return None


def _latest_weekday(published: dt.date, weekday: int, strictly_before: bool) -> dt.date:
    delta = (published.weekday() - weekday) % 7
    if delta == 0 and strictly_before:
        delta = 7
    return published - dt.timedelta(days=delta)


def _day_month_year(m: re.Match, published: dt.date | None) -> _Resolved | None:
    gd = m.groupdict()
    month, day = _month(gd.get("mon") or gd["mon2"]), int(gd.get("d") or gd["d2"])
    if not 1 <= day <= 31:
        return None
    rel = (gd.get("rel") or "").lower()
    if gd.get("y"):
        d = _safe_date(int(gd["y"]), month, day)
        conf, relative = 0.95, False
    elif rel and published is not None:
        year = published.year - (0 if rel == "this year" else 1)
        d, conf, relative = _safe_date(year, month, day), 0.9, True
    elif published is not None:
        d, conf, relative = _latest_md(published, month, day), 0.85, True
    else:
        return None
    if d is None:
        return None
    if gd.get("wd") and d.weekday() != WEEKDAYS[gd["wd"].lower()]:
        conf -= 0.3
    return _Resolved(PartialDate.from_date(d), conf, relative)


def _iso(m: re.Match, published: dt.date | None) -> _Resolved | None:
    d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return _Resolved(PartialDate.from_date(d), 0.95, False) if d else None


def _numeric(m: re.Match, published: dt.date | None) -> _Resolved | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if a == b or b > 12 >= a:
        month, day = (a, b) if b > 12 else (a, a)
    elif a > 12 >= b:
        month, day = b, a
    else:
        return None  # 8/9/2019: day-first or month-first cannot be told
    d = _safe_date(year, month, day)
    return _Resolved(PartialDate.from_date(d), 0.85, False) if d else None


def _month_year(m: re.Match, published: dt.date | None) -> _Resolved | None:
    return _Resolved(PartialDate(int(m["y"]), _month(m["mon"])), 0.9, False)


def _month_relative(m: re.Match, published: dt.date | None) -> _Resolved | None:
    if published is None:
        return None
    month = _month(m["mon"])
    pre = (m.groupdict().get("pre") or "").lower()
    if m["mon"] == "May" and not pre and not m["rel"]:
        return None
    rel = m["rel"]
    if rel:
        year = published.year - (0 if rel == "this year" else 1)
        return _Resolved(PartialDate(year, month), 0.85, True)
    if pre.endswith("last"):
        year = published.year if month < published.month else published.year - 1
        return _Resolved(PartialDate(year, month), 0.8, True)
    year = published.year if month <= published.month else published.year - 1
    return _Resolved(PartialDate(year, month), 0.6 if pre.endswith("this") else 0.55, True)


def _holiday(m: re.Match, published: dt.date | None) -> _Resolved | None:
    key = m["h"].lower().replace("’", "'")
    month, day = HOLIDAYS[key]
    if m["y"]:
        return _Resolved(PartialDate(int(m["y"]), month, day), 0.9, False)
    if published is None:
        return None
    d = _latest_md(published, month, day)
    return _Resolved(PartialDate.from_date(d), 0.75, True) if d else None


def _relative_day(m: re.Match, published: dt.date | None) -> _Resolved | None:
    if published is None:
        return None
    key = re.sub(r"^(?:early|late|earlier) (?=yesterday)", "", m["r"].lower())
    if key.startswith("yesterday"):
        key = "yesterday"
    days = RELATIVE_DAYS.get(key, 0)
    return _Resolved(PartialDate.from_date(published - dt.timedelta(days=days)), 0.85, True)


def _days_ago(m: re.Match, published: dt.date | None) -> _Resolved | None:
    if published is None:
        return None
    n = m["n"].lower()
    days = int(n) if n.isdigit() else NUMBER_WORDS[n]
    return _Resolved(PartialDate.from_date(published - dt.timedelta(days=days)), 0.45, True)


def _relative_period(m: re.Match, published: dt.date | None) -> _Resolved | None:
    if published is None:
        return None
    r = m["r"].lower()
    if r == "last year":
        return _Resolved(PartialDate(published.year - 1), 0.6, True)
    if r in ("this year", "earlier this year"):
        return _Resolved(PartialDate(published.year), 0.5, True)
    if r == "last month":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return _Resolved(PartialDate(first.year, first.month), 0.6, True)
    return _Resolved(PartialDate(published.year, published.month), 0.55, True)


def _weekday(m: re.Match, published: dt.date | None) -> _Resolved | None:
    if published is None:
        return None
    weekday = WEEKDAYS[m["wd"].lower()]
    pre = (m["pre"] or "").lower()
    if pre in ("next", "coming", "this coming"):
        delta = (weekday - published.weekday()) % 7 or 7
        return _Resolved(PartialDate.from_date(published + dt.timedelta(days=delta)), 0.6, True)
    d = _latest_weekday(published, weekday, strictly_before=pre in ("last", "past", "this past"))
    return _Resolved(PartialDate.from_date(d), 0.8, True)


def _year(m: re.Match, published: dt.date | None) -> _Resolved | None:
    year = int(m["y"])
    if published is not None and year > published.year + 1:
        return None
    pre = (m["pre"] or "").lower()
    conf = 0.7 if pre in ("in", "during", "back in") else 0.4
    return _Resolved(PartialDate(year), conf, False)


_Handler = Callable[[re.Match, "dt.date | None"], "_Resolved | None"]
#: patterns in priority order: a later pattern cannot claim text an earlier one took
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    (_P_ISO, _iso),
    (_P_NUMERIC, _numeric),
    (_P_LASTYEAR_MD, _day_month_year),
    (_P_MDY, _day_month_year),
    (_P_DMY, _day_month_year),
    (_P_MONTH_YEAR, _month_year),
    (_P_MONTH_LASTYEAR, _month_relative),
    (_P_MONTH_REL, _month_relative),
    (_P_HOLIDAY, _holiday),
    (_P_RELATIVE, _relative_day),
    (_P_DAYS_AGO, _days_ago),
    (_P_REL_PERIOD, _relative_period),
    (_P_WEEKDAY, _weekday),
    (_P_YEAR, _year),
)
_QUICK = re.compile(
    r"\d|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|day|night|morning|evening|afternoon"
    r"|year|month|Christmas|Halloween|Bonfire|Fourth",
    re.I,
)


def _after(date: PartialDate, published: dt.date) -> bool:
    """Return True when `date` lies after `published` at the date's own precision."""
    mine = tuple(v for v in (date.year, date.month, date.day) if v is not None)
    return mine > (published.year, published.month, published.day)[: len(mine)]


def _kind(text: str, m: re.Match, date: PartialDate, published: dt.date | None) -> str:
    """Return what the expression `m` likely dates: the event or something else."""
    before = text[max(0, m.start() - 40) : m.start()]
    if _BIRTH.search(before):
        return "birth"
    if _PUBLICATION.search(before):
        return "publication"
    if published is not None and _after(date, published):
        return "future"
    if _FUTURE.search(before):
        return "future"
    if _RANGE.search(before) or _RANGE_WORD.match(m.group(0)):
        return "range"
    if _OTHER_EVENT.search(text) and not _FORCE_WORDS.search(text):
        return "other"
    if _NOTICE.search(text[m.end() :]):
        return "notice"
    return "event"


def scan_dates(text: str, published: dt.date | None, offset: int = 0) -> list[DateHit]:
    """Return the date expressions in `text`, offsets shifted by `offset`, in text order."""
    if not _QUICK.search(text):
        return []
    claimed: list[tuple[int, int]] = []
    hits: list[DateHit] = []
    for pattern, handler in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e in claimed):
                continue
            resolved = handler(m, published)
            if resolved is None:
                continue
            claimed.append((start, end))
            kind = _kind(text, m, resolved.date, published)
            hits.append(
                DateHit(
                    date=resolved.date,
                    start_char=offset + start,
                    end_char=offset + end,
                    text=m.group(0),
                    confidence=round(resolved.confidence, 3),
                    relative=resolved.relative,
                    kind=kind,
                )
            )
    hits.sort(key=lambda h: h.start_char)
    return hits


def find_dates(sent: Span, published: dt.date | None) -> list[DateHit]:
    """Return the resolved date expressions in a sentence; offsets index the Doc's text."""
    return scan_dates(sent.text, published, offset=sent.start_char)


_VAGUE = re.compile(r"\b(?:weeks?|fortnight|recently|lately|decades?|years ago|months ago)\b", re.I)
_PERIODS = {"day": "day", "time": "day", "month": "month", "year": "year"}


def resolve_expression(text: str, published: dt.date | None) -> PartialDate | None:
    """Return the date one expression names, or None when it names no day, month or year."""
    hits = scan_dates(text, published)
    if hits:
        return max(hits, key=lambda h: (h.confidence, h.end_char - h.start_char)).date
    if _VAGUE.search(text) or not text.strip():
        return None
    if published is None and not re.search(r"\b(?:19|20)\d\d\b", text):
        return None  # a relative expression with no anchor would resolve against today
    return _dateparser(text, published)


def _dateparser(text: str, published: dt.date | None) -> PartialDate | None:
    from dateparser.date import DateDataParser  # slow import; only for odd expressions

    settings: dict = {"PREFER_DATES_FROM": "past"}
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    cleaned = re.sub(r"\b(?:late|early|on|in|the|of|mid)\b", " ", text, flags=re.I)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(cleaned)
    if data is None or data.date_obj is None:
        return None
    period = _PERIODS.get(data.period or "day")
    d = data.date_obj.date()
    if period == "year":
        return PartialDate(d.year)
    if period == "month":
        return PartialDate(d.year, d.month)
    if period == "day":
        return PartialDate.from_date(d)
    log.debug("dateparser gave period %r for %r; ignored", data.period, text)
    return None
