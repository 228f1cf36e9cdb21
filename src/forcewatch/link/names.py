"""Subject names: normalisation, parsed name keys and name compatibility for linking.

`fold` and `normalise_name` are also what `eval` compares names with (it imports
them from here). `parse_name` splits a name into given names, surname, suffix and
quoted nicknames; `compare_names` says whether two names can be one person:
"Dale Marrin", "D. Marrin", "Dale R. Marrin Jr", 'Dale "Dee" Marrin' and "Marrin"
can; "Dale Marrin" and "Kerry Marrin" cannot.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum

#: words dropped from the front of a name ("Mr", "Constable", "Shri")
TITLES = frozenset(
    """
    mr mrs ms miss mx dr sir dame lady lord prof professor rev reverend fr father
    sgt sergeant officer constable const pc dc det detective lt lieutenant capt captain
    cpl corporal deputy trooper inspector insp superintendent supt sheriff
    sub-inspector si asi shri sri smt kumari late
    """.split()
)

#: words dropped from the end of a name ("Jr", "III")
SUFFIXES = frozenset("jr jnr sr snr ii iii iv esq phd md".split())

#: suffixes that tell two people apart (father and son), in one spelling each
_GENERATION = {
    "jr": "jr",
    "jnr": "jr",
    "sr": "sr",
    "snr": "sr",
    "ii": "ii",
    "iii": "iii",
    "iv": "iv",
}

#: lower-case words that belong to the surname that follows them ("van", "de la")
SURNAME_PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le st ter ten bin al el mac".split()
)

#: common short forms of given names, short form -> full form
DIMINUTIVES = {
    "bob": "robert", "rob": "robert", "robbie": "robert", "bobby": "robert",
    "bill": "william", "will": "william", "billy": "william", "liam": "william",
    "mike": "michael", "mick": "michael", "mikey": "michael",
    "jim": "james", "jimmy": "james", "jamie": "james",
    "tom": "thomas", "tommy": "thomas", "dick": "richard", "rick": "richard",
    "rich": "richard", "ricky": "richard", "dave": "david", "davey": "david",
    "steve": "steven", "stephen": "steven", "chris": "christopher", "tony": "anthony",
    "joe": "joseph", "joey": "joseph", "dan": "daniel", "danny": "daniel",
    "sam": "samuel", "matt": "matthew", "pat": "patrick", "paddy": "patrick",
    "ed": "edward", "eddie": "edward", "ted": "edward", "ben": "benjamin",
    "nick": "nicholas", "alex": "alexander", "andy": "andrew", "drew": "andrew",
    "greg": "gregory", "jon": "jonathan", "johnny": "john", "jack": "john",
    "kate": "katherine", "katie": "katherine", "liz": "elizabeth", "beth": "elizabeth",
    "jen": "jennifer", "jenny": "jennifer", "sue": "susan", "meg": "margaret",
    "peggy": "margaret", "larry": "lawrence", "jerry": "gerald", "ron": "ronald",
    "ronnie": "ronald", "don": "donald", "tim": "timothy", "ken": "kenneth",
    "charlie": "charles", "chuck": "charles", "fred": "frederick", "pete": "peter",
    "ray": "raymond", "josh": "joshua", "zach": "zachary", "nate": "nathan",
}  # fmt: skip

_QUOTED = re.compile(r"\"([^\"]*)\"|“([^”]*)”|\(([^)]*)\)|'([^']{2,})'")
_AKA = re.compile(r"\b(?:aka|a\.k\.a\.?|also known as)\b(.*)$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_SEPARATORS = re.compile(r"[.,;:_/]+")
_EDGE_PUNCT = "'\"-"


def fold(text: str) -> str:
    """Return text without accents, case-folded, trimmed, with single spaces.

    Invisible format characters (zero-width spaces and joiners, bidi controls, BOMs:
    Unicode category Cf) are dropped, so "Hohepa" with a zero-width space inside is
    still "hohepa"; control characters become spaces.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(
        " " if unicodedata.category(c) == "Cc" else c
        for c in decomposed
        if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )
    return " ".join(bare.casefold().split())


def _tokens(name: str) -> tuple[list[str], list[str]]:
    """Return the name's tokens (titles kept) and its quoted or "aka" nicknames."""
    text = fold(name).translate(_APOSTROPHES)
    nicknames = [g.strip() for m in _QUOTED.finditer(text) for g in m.groups() if g]
    text = _QUOTED.sub(" ", text)
    aka = _AKA.search(text)
    if aka:
        nicknames += aka.group(1).split()
        text = text[: aka.start()]
    text = _SEPARATORS.sub(" ", text)
    tokens = [t.strip(_EDGE_PUNCT) for t in text.split()]
    nicks = [n.strip(_EDGE_PUNCT) for nick in nicknames for n in nick.split()]
    return [t for t in tokens if t], [n for n in nicks if n]


def _surname_start(tokens: list[str]) -> int:
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1] in SURNAME_PARTICLES:
        start -= 1
    return start


def normalise_name(name: str) -> str:
    """Return "first last" in lower case without accents, titles, middle names or suffixes.

    "Pera J. Smiler Jr" and "pera smiler" both give "pera smiler"; an empty string
    means nothing name-like was left.
    """
    tokens, _ = _tokens(name)
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens.pop()
    if len(tokens) <= 1:
        return " ".join(tokens)
    return " ".join([tokens[0], *tokens[_surname_start(tokens) :]])


@dataclass(frozen=True)
class NameKey:
    """A parsed name: given names (initials as one letter), surname, suffix, nicknames."""

    given: tuple[str, ...]
    surname: str
    suffix: str | None = None
    nicknames: frozenset[str] = frozenset()

    @property
    def surname_only(self) -> bool:
        return not self.given

    def initials(self) -> frozenset[str]:
        """Return the first letters a follow-up could use for this person's first name."""
        firsts = {self.given[0]} if self.given else set()
        firsts |= set(self.nicknames)
        firsts |= {DIMINUTIVES[g] for g in firsts if g in DIMINUTIVES}
        return frozenset(g[0] for g in firsts if g)


def parse_name(name: str | None) -> NameKey | None:
    """Return the parsed name, or None when nothing name-like is left."""
    if not name:
        return None
    tokens, nicknames = _tokens(name)
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens.pop(0)
    suffix = None
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        suffix = suffix or _GENERATION.get(tokens.pop())
    if not tokens:
        return None
    start = _surname_start(tokens) if len(tokens) > 1 else 0
    return NameKey(
        given=tuple(tokens[:start]),
        surname=" ".join(tokens[start:]),
        suffix=suffix,
        nicknames=frozenset(nicknames),
    )


class NameMatch(IntEnum):
    """How two names relate, weakest to strongest; CONFLICT means two people."""

    CONFLICT = 0
    SURNAME = 1  # one side gives only the surname, and it agrees
    COMPATIBLE = 2  # initials, nicknames, short forms or middle names differ in form only
    SAME = 3  # same first name and surname


def core_surname(surname: str) -> str:
    """Return the surname without particles: "de la cruz" -> "cruz"."""
    return " ".join(t for t in surname.split() if t not in SURNAME_PARTICLES) or surname


def _surnames_agree(a: str, b: str) -> bool:
    if a == b or core_surname(a) == core_surname(b):
        return True
    a, b = core_surname(a), core_surname(b)
    parts_a, parts_b = set(a.split("-")), set(b.split("-"))
    return (len(parts_a) > 1 or len(parts_b) > 1) and bool(parts_a & parts_b)


def _given_agree(a: str, b: str, key_a: NameKey, key_b: NameKey) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    if a in key_b.nicknames or b in key_a.nicknames:
        return True
    return DIMINUTIVES.get(a, a) == DIMINUTIVES.get(b, b)


def compare_names(a: NameKey, b: NameKey) -> NameMatch:
    """Return how two parsed names relate."""
    if not _surnames_agree(a.surname, b.surname):
        # a follow-up may call the person by a nickname alone ("Dee")
        if (
            a.surname_only
            and a.surname in b.nicknames
            or b.surname_only
            and b.surname in a.nicknames
        ):
            return NameMatch.SURNAME
        return NameMatch.CONFLICT
    if a.suffix and b.suffix and a.suffix != b.suffix:
        return NameMatch.CONFLICT
    if a.surname_only or b.surname_only:
        return NameMatch.SURNAME
    first_a, first_b = a.given[0], b.given[0]
    if not _given_agree(first_a, first_b, a, b):
        # "J. Dale Marrin" goes by his middle name "Dale"
        if first_a in b.given[1:] or first_b in a.given[1:]:
            return NameMatch.COMPATIBLE
        return NameMatch.CONFLICT
    if len(a.given) > 1 and len(b.given) > 1 and not _given_agree(a.given[1], b.given[1], a, b):
        return NameMatch.CONFLICT
    if first_a == first_b and a.surname == b.surname:
        return NameMatch.SAME
    return NameMatch.COMPATIBLE


def richer_name(a: str, b: str) -> str:
    """Return the fuller of two compatible spellings: more name tokens, then longer, then a-z."""

    def rank(name: str) -> tuple[int, int, str]:
        key = parse_name(name)
        n = 0 if key is None else len(key.given) + 1 + bool(key.suffix)
        return (-n, -len(name), name)

    return min(a, b, key=rank)
