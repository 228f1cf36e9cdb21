"""Who the subject is: age, sex, and whether the name is withheld."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from forcewatch.extract.patterns.lexicon import FEMALE_WORDS, MALE_WORDS, POLICE_RE
from forcewatch.extract.subjects import Subject
from forcewatch.records import Evidence, Fact

_AGE_AFTER_NAME = r",\s*(?:aged\s+)?(\d{1,2})\s*[,.;)]"
_AGE_RE = re.compile(
    r"\b(\d{1,2})[- ](?:year|yr)s?[- ]old\b(?:\s+(\w+))?"
    r"|\baged\s+(\d{1,2})\b"
    r"|\(\s*(\d{1,2})\s*\)",
    re.I,
)
_WITHHELD_RE = re.compile(
    r"\b(?:name|names|identity|identities)\s+(?:of [^.]{0,60}?)?(?:has|have|had|was|were|is|are)\s+"
    r"(?:not\s+)?(?:yet\s+)?(?:been\s+)?(?:withheld|suppressed|kept confidential)"
    r"|\bname suppression\b|\bsuppressed name\b|\bcannot be named\b|\bcan ?not be identified\b"
    r"|\b(?:withholding|withheld|suppressing)\s+(?:the\s+|his\s+|her\s+)?(?:[\w'’]+\s+){0,2}?(?:name|identity)\b"
    r"|\b(?:name|identity)\b[^.]{0,60}?\b(?:is|are|was|were|has been|have been)\s+being\s+(?:withheld|suppressed)\b"
    r"|\b(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:publicly\s+)?(?:named|identified|released)\b"
    r"|\b(?:did not|didn't|declined to|would not|have not|has not)\s+(?:yet\s+)?"
    r"(?:release|name|identify|disclose)d?\s+(?:the\s+|his\s+|her\s+)?"
    r"(?:man|woman|person|suspect|name|identity|deceased|victim|driver)",
    re.I,
)
_SEX_WINDOW = 25  # tokens after a subject mention in which a pronoun counts


def find_age(subject: Subject, sents: list[Span], doc_id: str) -> Fact[int] | None:
    """Return the subject's age from "Name, 34," or "a 34-year-old man"."""
    if subject.name:
        pat = re.compile(re.escape(subject.name.split()[-1]) + _AGE_AFTER_NAME)
        for sent in sents:
            m = pat.search(sent.text)
            if m and 1 <= int(m.group(1)) <= 99:
                return Fact(int(m.group(1)), 0.9, _ev(doc_id, sent))
    heads = {t.i for t in subject.heads}
    for sent in sents:
        for m in _AGE_RE.finditer(sent.text):
            age_s = m.group(1) or m.group(3) or m.group(4)
            noun = (m.group(2) or "").lower()
            if not age_s or not 1 <= int(age_s) <= 99:
                continue
            if noun and POLICE_RE.fullmatch(noun):
                continue  # "a 25-year-old constable" is an officer
            if m.group(4) and not subject.name:
                continue
            span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
            near = span is not None and any(abs(t.i - h) <= 6 for t in span for h in heads)
            conf = 0.85 if near else 0.6
            return Fact(int(age_s), conf, _ev(doc_id, sent))
    return None


_LONE_AGE_RE = re.compile(
    r"\b(\d{1,2})[- ](?:year|yr)s?[- ]old\s+(man|woman|male|female|suspect|driver|teen|"
    r"teenager|boy|girl|youth|person|offender)\b",
    re.I,
)
_FEMALE_NOUNS = frozenset(("woman", "female", "girl"))
_MALE_NOUNS = frozenset(("man", "male", "boy"))


def find_lone_age(sex: str | None, sents: list[Span], doc_id: str) -> Fact[int] | None:
    """Return the age of "a 45-year-old man" told anywhere in the story, when the story
    gives one such age only (of the subject's sex): it is the subject's, with less
    confidence than an age told with the force."""
    found: dict[int, Span] = {}
    for sent in sents:
        for m in _LONE_AGE_RE.finditer(sent.text):
            noun = m.group(2).lower()
            if (sex == "male" and noun in _FEMALE_NOUNS) or (
                sex == "female" and noun in _MALE_NOUNS
            ):
                continue
            found.setdefault(int(m.group(1)), sent)
    if len(found) != 1:
        return None
    age, sent = next(iter(found.items()))
    return Fact(age, 0.5, _ev(doc_id, sent)) if 1 <= age <= 99 else None


def find_sex(subject: Subject, sents: list[Span], doc_id: str) -> Fact[str] | None:
    """Return "male"/"female" from explicit words about the subject (never the name)."""
    if subject.sex:
        words = MALE_WORDS if subject.sex == "male" else FEMALE_WORDS
        said = [h.sent for h in subject.heads if {t.lower_ for t in h.sent} & words]
        said += [s for s in sents if {t.lower_ for t in s} & words]
        if said:  # the sentence whose words say it
            return Fact(subject.sex, 0.9, _ev(doc_id, said[0]))
    heads = sorted({t.i for t in subject.heads})
    for sent in sents:
        doc = sent.doc
        for h in heads:
            if not sent.start <= h < sent.end:
                continue
            for t in doc[h : min(len(doc), h + _SEX_WINDOW)]:
                if t.lower_ in ("he", "him", "his"):
                    return Fact("male", 0.75, _ev(doc_id, t.sent))
                if t.lower_ in ("she", "her"):
                    return Fact("female", 0.75, _ev(doc_id, t.sent))
    for sent in sents:
        words = {t.lower_ for t in sent}
        if words & MALE_WORDS and not words & FEMALE_WORDS:
            return Fact("male", 0.6, _ev(doc_id, sent))
        if words & FEMALE_WORDS and not words & MALE_WORDS:
            return Fact("female", 0.6, _ev(doc_id, sent))
    return None


def find_withheld(doc: Doc, doc_id: str) -> Fact[bool] | None:
    """Return True when the story says the subject's name is withheld or suppressed."""
    for sent in doc.sents:
        if _WITHHELD_RE.search(sent.text):
            return Fact(True, 0.8, _ev(doc_id, sent))
    return None


def _ev(doc_id: str, sent: Span) -> Evidence:
    return Evidence(doc_id, sent.start_char, sent.end_char)
