"""Naive baselines scored next to the pipeline: the classic keyword query and a NER rule.

Each baseline is a `process(Document) -> DocResult` function, so `evaluate` runs it
exactly as it runs the pipeline.

- `keywords`: the classic corpus query. A document is relevant when one sentence
  has a police word and a killing word; it then yields one incident with no fields.
- `ner`: every PERSON entity in a sentence with a police word and "shot" or "killed"
  is a subject (one incident per distinct name, confidence 0.5, outcome fatal when
  "killed" is in one of its sentences, else unknown).

A `Mention` must carry a force, so every baseline incident says `firearm` (both
queries look for shootings): read a baseline's force and outcome figures as constant
guesses. Sentences come from a punctuation rule, not a parser.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from forcewatch.config import Settings
from forcewatch.errors import ConfigError
from forcewatch.records import (
    Detection,
    DocResult,
    Document,
    Evidence,
    Fact,
    Force,
    Mention,
    Outcome,
)

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

#: the classic lists of the keyword query (plurals are matched too)
POLICE_WORDS = ("police", "officer", "cop", "trooper", "deputy", "sheriff", "constable", "garda")
KILLING_WORDS = ("killed", "shot", "shooting", "fatally", "died", "death")
#: the action words of the NER baseline; "killed" also sets the outcome to fatal
NER_ACTION_WORDS = ("shot", "killed")
FATAL_WORD = "killed"

BASELINE_CONFIDENCE = 0.5
PERSON_LABEL = "PERSON"

_PLURALS = {"deputy": "deput(?:y|ies)", "garda": "garda[ií]?", "police": "police"}


def _word_re(words: tuple[str, ...], plurals: bool = False) -> re.Pattern[str]:
    forms = [(_PLURALS.get(w) or f"{w}s?") if plurals else re.escape(w) for w in words]
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.IGNORECASE)


POLICE_RE = _word_re(POLICE_WORDS, plurals=True)
KILLING_RE = _word_re(KILLING_WORDS)
NER_ACTION_RE = _word_re(NER_ACTION_WORDS)
FATAL_RE = _word_re((FATAL_WORD,))

#: a sentence runs to . ! or ? (and closing quotes) before white space, or to a line end
_SENTENCE_RE = re.compile(r"\S[^\n]*?(?:[.!?]+[\"'”’)\]]*(?=\s)|(?=\n)|\Z)")


class Baseline(StrEnum):
    """The baselines `forcewatch eval --baseline` knows."""

    KEYWORDS = "keywords"
    NER = "ner"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) character offsets of rough sentences in `text`."""
    return [m.span() for m in _SENTENCE_RE.finditer(text)]


def _mention(doc_id: str, outcome: Outcome, evidence: Evidence, name: str | None) -> Mention:
    conf = BASELINE_CONFIDENCE
    return Mention(
        doc_id=doc_id,
        outcome=Fact(outcome, conf, evidence),
        force=Fact(Force.FIREARM, conf, evidence),
        confidence=conf,
        subject_name=None if name is None else Fact(name, conf, evidence),
    )


def keywords(document: Document) -> DocResult:
    """Return the classic query's result: relevant when a sentence has both kinds of word."""
    content = document.content
    for start, end in sentence_spans(content):
        sentence = content[start:end]
        police = POLICE_RE.search(sentence)
        if police is None:
            continue
        killing = KILLING_RE.search(sentence)
        if killing is None:
            continue
        terms = (police.group(0).lower(), killing.group(0).lower())
        evidence = Evidence(document.doc_id, start, end)
        mention = _mention(evidence.doc_id, Outcome.UNKNOWN, evidence, None)
        return DocResult(document, Detection(True, BASELINE_CONFIDENCE, terms), (mention,))
    return DocResult(document, Detection(False, 0.0))


def ner(document: Document, nlp: Language) -> DocResult:
    """Return one incident per PERSON named in a sentence with a police word and shot/killed.

    Runs only the NER pipe, on those sentences only; `nlp` itself is left unchanged.
    """
    content = document.content
    spans = [
        (start, end)
        for start, end in sentence_spans(content)
        if POLICE_RE.search(content[start:end]) and NER_ACTION_RE.search(content[start:end])
    ]
    if not spans:
        return DocResult(document, Detection(False, 0.0))
    others = [name for name in nlp.pipe_names if name != "ner"]
    doc_id = document.doc_id
    found: dict[str, tuple[str, Outcome, Evidence]] = {}  # folded name -> (name, outcome, where)
    texts = (content[start:end] for start, end in spans)
    for (start, end), parsed in zip(spans, nlp.pipe(texts, disable=others), strict=True):
        outcome = Outcome.FATAL if FATAL_RE.search(parsed.text) else Outcome.UNKNOWN
        evidence = Evidence(doc_id, start, end)
        for ent in parsed.ents:
            if ent.label_ != PERSON_LABEL:
                continue
            name = " ".join(ent.text.split())
            key = name.casefold()
            if key not in found:
                found[key] = (name, outcome, evidence)
            elif outcome is Outcome.FATAL and found[key][1] is not Outcome.FATAL:
                found[key] = (found[key][0], outcome, evidence)
    mentions = tuple(_mention(doc_id, outcome, ev, name) for name, outcome, ev in found.values())
    if not mentions:
        return DocResult(document, Detection(False, 0.0))
    first = content[spans[0][0] : spans[0][1]]
    terms = tuple(
        m.group(0).lower() for m in (POLICE_RE.search(first), NER_ACTION_RE.search(first)) if m
    )
    return DocResult(document, Detection(True, BASELINE_CONFIDENCE, terms), mentions)


def make_baseline(baseline: Baseline | str, settings: Settings) -> Callable[[Document], DocResult]:
    """Return the process function of a baseline; the NER one uses the cached spaCy model."""
    try:
        kind = Baseline(baseline)
    except ValueError as err:
        choices = ", ".join(b.value for b in Baseline)
        raise ConfigError(f"unknown baseline {baseline!r}: use one of {choices}") from err
    if kind is Baseline.KEYWORDS:
        return keywords
    from forcewatch.extract.nlp import load_model

    return functools.partial(ner, nlp=load_model(settings.spacy_model))
