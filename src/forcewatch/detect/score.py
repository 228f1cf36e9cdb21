"""Score a document for police use of force with regular expressions only (no model).

The detector is the cheap gate in front of extraction, so it favours recall:
a sentence with a force word counts when a police word stands in it or in one of
the two sentences before it. Extraction then decides what the story reports.
"""

from __future__ import annotations

import math
import re

from forcewatch.config import Settings
from forcewatch.extract.patterns.lexicon import (
    AGAINST_POLICE_RE,
    FORCE_RE,
    POLICE_FORCE_RE,
    POLICE_RE,
    SELF_HARM_RE,
)
from forcewatch.records import Detection, Document

_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")
_MAX_SCAN = 60_000  # characters: force language sits early in a story
_WINDOW = 4  # sentences before a force word in which a police word counts


def sentences(text: str) -> list[str]:
    """Return rough sentences for scoring (a fast split, not a parser)."""
    return [s for s in _SENTENCE_RE.findall(text) if s.strip()]


def detect(doc: Document, settings: Settings) -> Detection:
    """Return the detector's decision and score for one document."""
    sents = sentences(doc.content[:_MAX_SCAN])
    police = [bool(POLICE_RE.search(s)) for s in sents]
    strong = weak = against = self_harm = 0
    terms: list[str] = []
    for i, sent in enumerate(sents):
        m = POLICE_FORCE_RE.search(sent)
        if m:
            strong += 1
            terms.append(m.group(0).lower())
        elif any(police[max(0, i - _WINDOW) : i + 1]):
            f = FORCE_RE.search(sent)
            if f:
                weak += 1
                terms.append(f.group(0).lower())
        if AGAINST_POLICE_RE.search(sent):
            against += 1
        if SELF_HARM_RE.search(sent):
            self_harm += 1
    z = (
        -1.0
        + 2.0 * min(strong, 3)
        + 1.0 * min(weak, 4)
        - 0.4 * min(against, 3)
        - 0.3 * min(self_harm, 3)
    )
    score = 1.0 / (1.0 + math.exp(-z))
    unique = tuple(dict.fromkeys(terms))[:8]
    return Detection(
        relevant=score >= settings.detect_threshold, score=round(score, 4), terms=unique
    )
