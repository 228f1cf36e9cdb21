"""A cheap language guess from function-word frequencies and writing script."""

from __future__ import annotations

import bisect
import re
from collections import Counter

from forcewatch.text.lang_profiles import SCRIPT_RANGES, STOPWORDS

#: fewer words than this and no guess is made
MIN_WORDS = 8
#: only the start of a text is read
MAX_WORDS = 400
MAX_CHARS = 4000
#: the best language needs this weighted share of all words ...
MIN_SHARE = 0.12
#: ... and this many times the runner-up's score
MIN_MARGIN = 1.3
#: share of letters in one non-Latin script that decides the language by script
MIN_SCRIPT_SHARE = 0.5

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_WEIGHTS: dict[str, tuple[tuple[str, float], ...]] = {}
for _lang, _words in STOPWORDS.items():
    for _w in _words:
        _WEIGHTS.setdefault(_w, ())
        _WEIGHTS[_w] += ((_lang, 1.0),)
_WEIGHTS = {w: tuple((lang, 1.0 / len(ls)) for lang, _ in ls) for w, ls in _WEIGHTS.items()}
_SCRIPT_STARTS = [start for start, _, _ in SCRIPT_RANGES]


def _script_language(sample: str) -> str | None:
    """Return the language of a dominant non-Latin script, else None."""
    letters = 0
    counts: Counter[str] = Counter()
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        if code < 0x0370:
            continue
        i = bisect.bisect_right(_SCRIPT_STARTS, code) - 1
        if i >= 0 and code <= SCRIPT_RANGES[i][1]:
            counts[SCRIPT_RANGES[i][2]] += 1
    if not counts:
        return None
    if counts["ja"]:  # kana with kanji is Japanese
        counts["ja"] += counts.pop("zh", 0)
    lang, n = counts.most_common(1)[0]
    return lang if n / letters >= MIN_SCRIPT_SHARE else None


def detect_language(text: str) -> str | None:
    """Return an ISO 639-1 code guessed from the text, or None if too short or unclear."""
    sample = text[:MAX_CHARS]
    by_script = _script_language(sample)
    if by_script is not None:
        return by_script
    words = [m.group().lower() for m in _WORD.finditer(sample, 0)][:MAX_WORDS]
    if len(words) < MIN_WORDS:
        return None
    scores: Counter[str] = Counter()
    for word in words:
        for lang, weight in _WEIGHTS.get(word, ()):
            scores[lang] += weight
    ranked = scores.most_common(2)
    if not ranked:
        return None
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best_score / len(words) < MIN_SHARE or best_score < MIN_MARGIN * runner_up:
        return None
    return best
