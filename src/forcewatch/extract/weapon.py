"""The weapon the person had when police used force on them (not the police's).

Pure regular expressions over the sentence text. A weapon word counts for the
subject when no police noun and officer's verb come right before it ("the
deputy fired his rifle", "officers armed with Tasers", "service pistol"); it
carries `subject_cue` when words such as "armed with", "brandishing",
"pointed a ... at" or "a knife was found" tie it to the person.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span

from forcewatch.extract.patterns.weapon_data import (
    CUE_AFTER,
    CUE_BEFORE,
    FIRE_WORDS,
    FIRED_AT_POLICE,
    HOSTILE_BEFORE,
    NOT_WEAPON_AFTER,
    NOT_WEAPON_BEFORE,
    POLICE_NOUN,
    POLICE_OWNED,
    POLICE_VERB,
    SUBJECT_BETWEEN,
    UNARMED,
    VEHICLE_AT_POLICE,
    WEAPON_TERMS,
)
from forcewatch.records import Weapon

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WeaponHit:
    """One weapon word that may be the subject's, with its offsets and cue."""

    weapon: Weapon
    text: str
    start_char: int
    end_char: int
    confidence: float
    subject_cue: bool


_I = re.I
_END = r"(?!\w)(?!-(?!wielding|toting|carrying|armed)\w)"
_TERM_RE = re.compile(
    "|".join(f"(?P<w{i}>(?<![\\w-])(?:{pat}){_END})" for i, (_, pat) in enumerate(WEAPON_TERMS)),
    _I,
)
_TERM_WEAPON = [Weapon(w) for w, _ in WEAPON_TERMS]
_NOT_BEFORE_RE = re.compile(NOT_WEAPON_BEFORE, _I)
_NOT_AFTER_RE = re.compile(NOT_WEAPON_AFTER, _I)
_CUE_BEFORE_RE = re.compile(CUE_BEFORE, _I)
_CUE_AFTER_RE = re.compile(CUE_AFTER, _I)
_POLICE_AGENT_RE = re.compile(
    rf"{POLICE_NOUN}(?P<mid>(?:\s+[\w'’-]+){{0,8}}?)\s+{POLICE_VERB}\s+(?:[\w'’.-]+\s+){{0,5}}?$",
    _I,
)
_POLICE_OWNED_RE = re.compile(POLICE_OWNED, _I)
_HOSTILE_RE = re.compile(HOSTILE_BEFORE, _I)
_SUBJECT_RE = re.compile(SUBJECT_BETWEEN, _I)
_FIRE_RE = re.compile(FIRE_WORDS, _I)
_FIRED_AT_POLICE_RE = re.compile(FIRED_AT_POLICE, _I)
_VEHICLE_RE = re.compile(VEHICLE_AT_POLICE, _I)
_UNARMED_RE = re.compile(UNARMED, _I)
_CLAUSE_BREAK_RE = re.compile(r"[;:(]|\b(?:but|while|whereas|before|after|when)\b|, (?:and|as)\b")
#: police as the goal of the subject's movement or threat, just before the police noun
_TOWARDS_POLICE_RE = re.compile(
    r"\b(?:towards?|at|approached|confronted|advanced on|charged)\s+(?:the\s+|an?\s+|\w+\s+)?$",
    _I,
)
_POLICE_FIRED_RE = re.compile(rf"{POLICE_NOUN}\s+(?:[\w-]+\s+){{0,2}}?$", _I)

_WINDOW = 80
_CONF_CUE = 0.85
_CONF_BARE = 0.45
_GUN_FAMILY = {Weapon.FIREARM, Weapon.RIFLE, Weapon.SHOTGUN, Weapon.HANDGUN, Weapon.REPLICA}
_SPECIFIC_GUNS = (Weapon.REPLICA, Weapon.RIFLE, Weapon.SHOTGUN, Weapon.HANDGUN)


def _clause_before(text: str, start: int) -> str:
    """Return up to `_WINDOW` characters before `start`, cut at the last clause break."""
    before = text[max(0, start - _WINDOW) : start]
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def _police_owned(before: str) -> bool:
    """Return True when the words before a weapon make it a police weapon."""
    if _POLICE_OWNED_RE.search(before):
        return "non-police" not in before.lower()
    m = _POLICE_AGENT_RE.search(before)
    if not m or _SUBJECT_RE.search(m.group("mid")):
        return False
    if _TOWARDS_POLICE_RE.search(before[: m.start()]):
        return False  # "he walked towards officers holding a knife": he holds it
    # "he attacked the constable with a bat": the officer is the object, not the holder
    if m.group("with"):
        return not (
            _SUBJECT_RE.search(before[: m.start()]) or _HOSTILE_RE.search(before[: m.start()])
        )
    return True


def _term_hits(text: str, offset: int) -> list[WeaponHit]:
    hits: list[WeaponHit] = []
    for m in _TERM_RE.finditer(text):
        weapon = _TERM_WEAPON[int(m.lastgroup[1:])]  # type: ignore[index]
        before_raw = text[max(0, m.start() - 30) : m.start()]
        if _NOT_BEFORE_RE.search(before_raw) or _NOT_AFTER_RE.match(text, m.end()):
            continue
        before = _clause_before(text, m.start())
        if _police_owned(before):
            continue
        word = m.group(0).lower()
        cue = bool(_CUE_BEFORE_RE.search(before) or _CUE_AFTER_RE.match(text, m.end()))
        if word.startswith("gunm"):
            cue = True
        elif weapon is Weapon.OTHER and word.startswith("weapon"):
            after = text[m.end() : m.end() + 40]
            if _FIRE_RE.search(before[-30:]) or _FIRE_RE.search(after):
                weapon = Weapon.FIREARM
        elif weapon in (Weapon.BLUNT, Weapon.OTHER) and not cue:
            continue  # bats, poles, rocks or Tasers without a cue are too often not weapons
        conf = _CONF_CUE if cue else _CONF_BARE
        if word.startswith("gunm"):
            conf = 0.6
        hits.append(WeaponHit(weapon, m.group(0), offset + m.start(), offset + m.end(), conf, cue))
    return hits


def _phrase_hits(text: str, offset: int) -> list[WeaponHit]:
    hits: list[WeaponHit] = []
    for m in _FIRED_AT_POLICE_RE.finditer(text):
        if m.group(0).lower().startswith(("fired", "shot", "shooting", "firing", "opened")):
            conf = 0.6 if m.group(0).lower() == "opened fire" else 0.75
            if _POLICE_FIRED_RE.search(_clause_before(text, m.start())):
                continue  # "officers fired at ..." is the police firing
        else:
            conf = 0.75
        hits.append(
            WeaponHit(Weapon.FIREARM, m.group(0), offset + m.start(), offset + m.end(), conf, True)
        )
    for m in _VEHICLE_RE.finditer(text):
        hits.append(
            WeaponHit(Weapon.VEHICLE, m.group(0), offset + m.start(), offset + m.end(), 0.8, True)
        )
    for m in _UNARMED_RE.finditer(text):
        hits.append(
            WeaponHit(Weapon.NONE, m.group(0), offset + m.start(), offset + m.end(), 0.8, True)
        )
    return hits


def find_weapons_in_text(text: str, offset: int = 0) -> list[WeaponHit]:
    """Return the subject's possible weapons in `text`, in order; offsets shifted by `offset`."""
    hits = _term_hits(text, offset) + _phrase_hits(text, offset)
    taken: list[WeaponHit] = []
    for h in sorted(hits, key=lambda h: (h.start_char, -(h.end_char - h.start_char))):
        if any(t.start_char <= h.start_char < t.end_char and t.weapon is h.weapon for t in taken):
            continue
        taken.append(h)
    return taken


def find_weapons(sent: Span) -> list[WeaponHit]:
    """Return the subject's possible weapons named in one sentence."""
    return find_weapons_in_text(sent.text, sent.start_char)


def choose_weapon(hits: Iterable[WeaponHit]) -> WeaponHit | None:
    """Return the subject's weapon: cued hits first, the most confident, then the most specific.

    A specific gun (replica first, then rifle/shotgun/handgun) beats a plain
    firearm; a named weapon beats an unspecified one ("other").
    """
    pool = list(hits)
    if not pool:
        return None
    cued = [h for h in pool if h.subject_cue]
    pool = cued or pool
    best = max(pool, key=lambda h: h.confidence)
    if best.weapon in _GUN_FAMILY:
        for kind in _SPECIFIC_GUNS:
            specific = [h for h in pool if h.weapon is kind]
            if specific:
                return max(specific, key=lambda h: h.confidence)
        return best
    if best.weapon is Weapon.OTHER:
        named = [
            h
            for h in pool
            if h.weapon not in (Weapon.OTHER, Weapon.NONE)
            and h.confidence >= best.confidence - 0.15
        ]
        if named:
            return choose_weapon(named)
    return best
