"""Name and string normalisation shared by scoring and (later) incident linking."""

from __future__ import annotations

import re
import unicodedata

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

#: lower-case words that belong to the surname that follows them ("van", "de la")
SURNAME_PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le st ter ten bin al el mac".split()
)

_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|\([^)]*\)")
_AKA = re.compile(r"\b(?:aka|a\.k\.a\.?|also known as)\b.*$")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_SEPARATORS = re.compile(r"[.,;:_/]+")
_EDGE_PUNCT = "'\"-"


def fold(text: str) -> str:
    """Return text without accents, case-folded, trimmed, with single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def normalise_name(name: str) -> str:
    """Return "first last" in lower case without accents, titles, middle names or suffixes.

    "Pera J. Smiler Jr" and "pera smiler" both give "pera smiler"; an empty string
    means nothing name-like was left.
    """
    text = _QUOTED.sub(" ", fold(name).translate(_APOSTROPHES))
    text = _AKA.sub(" ", text)
    text = _SEPARATORS.sub(" ", text)
    tokens = [t.strip(_EDGE_PUNCT) for t in text.split()]
    tokens = [t for t in tokens if t]
    while len(tokens) > 1 and tokens[0] in TITLES:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens.pop()
    if len(tokens) <= 1:
        return " ".join(tokens)
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1] in SURNAME_PARTICLES:
        start -= 1
    return " ".join([tokens[0], *tokens[start:]])
