"""What linking knows of a mention (`LinkMention`), and its blocking keys.

Blocking keeps linking near n log n: a mention is only compared with the
mentions that share a key with it. Each mention has `keys` (indexed) and
`probes` (looked up); two mentions are candidates when the keys of one meet the
probes of the other, a symmetric relation, so the candidates of a pair never
depend on which of the two arrived first.

- named (first name known): keys `n:<initial>|<surname>` for each initial the
  first name can go by; probes the same plus `s:<surname>` (surname-only follow-ups);
- surname only: key `s:<surname>`; probes it and `n:<a..z>|<surname>`;
- day-precision date: key `g:<country>|<date>`; an unnamed mention also probes
  the day before and after (an unnamed mention links on date and place only),
  and the month key `gm:<country>|<yyyy-mm>` that month-precision mentions carry.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass

from forcewatch.records import PartialDate

from .names import NameKey, core_surname, fold, parse_name


@dataclass(frozen=True)
class LinkMention:
    """One mention as linking sees it; `key` orders mentions canonically.

    `key` is "<document content hash>:<position>", so it depends on the text only,
    never on arrival order; `doc` is the document's content hash.
    """

    key: str
    doc: str
    name: str | None = None
    withheld: bool = False
    age: int | None = None
    sex: str | None = None
    outcome: str = "unknown"
    force: str = "other"
    date: PartialDate | None = None
    place: str | None = None
    locality: str | None = None  # the town `place` lies in, when the story says so
    region: str | None = None
    country: str | None = None
    agency: str | None = None
    weapon: str | None = None
    published: dt.date | None = None

    @property
    def name_key(self) -> NameKey | None:
        return _parsed(self.name)

    @property
    def named(self) -> bool:
        return self.name_key is not None


_CACHE: dict[str, NameKey | None] = {}


def _parsed(name: str | None) -> NameKey | None:
    if name is None:
        return None
    if name not in _CACHE:
        if len(_CACHE) > 200_000:
            _CACHE.clear()
        _CACHE[name] = parse_name(name)
    return _CACHE[name]


def _country(m: LinkMention) -> str:
    return fold(m.country or "")


def _day_keys(m: LinkMention, spread: int) -> set[str]:
    if m.date is None or m.date.day is None:
        return set()
    day = dt.date(m.date.year, m.date.month or 1, m.date.day)
    country = _country(m)
    return {
        f"g:{country}|{(day + dt.timedelta(days=d)).isoformat()}"
        for d in range(-spread, spread + 1)
    }


def _month_key(m: LinkMention) -> str | None:
    if m.date is None or m.date.month is None:
        return None
    return f"gm:{_country(m)}|{m.date.year:04d}-{m.date.month:02d}"


def blocking_keys(m: LinkMention) -> tuple[frozenset[str], frozenset[str]]:
    """Return (keys, probes) of a mention; see the module docstring."""
    keys: set[str] = set()
    probes: set[str] = set()
    name = m.name_key
    if name is not None:
        core = core_surname(name.surname)
        surnames = {name.surname, core, *core.split("-")}
        if name.surname_only:
            for s in surnames:
                keys.add(f"s:{s}")
                probes.add(f"s:{s}")
                probes |= {f"n:{i}|{s}" for i in string.ascii_lowercase}
            # a follow-up may use a nickname alone: it then probes nothing more
        else:
            for s in surnames:
                named = {f"n:{i}|{s}" for i in name.initials()}
                keys |= named
                probes |= named | {f"s:{s}"}
            probes |= {f"s:{n}" for n in name.nicknames}
    keys |= _day_keys(m, 0)
    month = _month_key(m)
    if name is None:
        probes |= _day_keys(m, 1)
        if month and m.date is not None and m.date.day is not None:
            probes.add(month)  # a named report may know only the month
        elif month:
            keys.add(month)
    elif month and m.date is not None and m.date.day is None:
        keys.add(month)
    return frozenset(keys), frozenset(probes)
