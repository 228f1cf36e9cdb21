"""Clean decoded text: one newline style, no NUL bytes or invisible junk."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: characters removed outright: zero-width space, word joiner, BOM, soft hyphen, and
#: the bidi marks, embeddings, overrides and isolates, which can make a name or a
#: place read differently from what it holds (ZWJ/ZWNJ are kept: they carry meaning
#: in Indic scripts and emoji)
_INVISIBLE = (
    "\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: C0/C1 controls other than tab and newline, plus DEL
_CONTROLS = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_C1 = "".join(chr(c) for c in range(0x80, 0xA0))
_DELETE = str.maketrans("", "", _INVISIBLE + _CONTROLS + _C1)
#: no-break and figure spaces become plain spaces; line/paragraph separators newlines
_SPACES = str.maketrans(
    {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2028": "\n", "\u2029": "\n", "\x0c": "\n"}
)
_NEWLINES = re.compile(r"\r\n?")
_TRAILING = re.compile(r"[ \t]+\n")


@dataclass(frozen=True)
class CleanText:
    """Cleaned text and how many NUL bytes were removed from it."""

    text: str
    nul_count: int


def clean_text(text: str) -> CleanText:
    """Return text with "\\n" newlines, no controls or zero-width junk, trimmed."""
    nul_count = text.count("\x00")
    text = _NEWLINES.sub("\n", text)
    text = text.translate(_SPACES).translate(_DELETE)
    text = _TRAILING.sub("\n", text)
    return CleanText(text.strip(), nul_count)


def clean_line(text: str) -> str:
    """Return a one-line field (a title) cleaned, with whitespace runs collapsed."""
    return " ".join(clean_text(text).text.split())
