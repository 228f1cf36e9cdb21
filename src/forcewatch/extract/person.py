"""Who the subject is: age and whether the name is withheld (sex is in `sex.py`)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from forcewatch.extract.docindex import ent_of
from forcewatch.extract.patterns.lexicon import POLICE_RE
from forcewatch.extract.people import is_official
from forcewatch.extract.sex import find_sex, subject_mentions
from forcewatch.extract.subjects import Subject
from forcewatch.records import Evidence, Fact

__all__ = ["find_age", "find_lone_age", "find_sex", "find_withheld"]

# "Smith, 34,", "Smith (34)", "Manish Singh alias Sonu, 35,"
_AGE_AFTER_NAME = (
    r"(?:\s+(?:alias|aka|a\.k\.a\.?|urf)\s+[\"'“‘]?[A-Z][\w'’-]*[\"'”’]?(?:\s+[A-Z][\w'’-]*)?)?"
    r"(?:,\s*(?:aged\s+)?(\d{1,2})\s*[,.;)]|\s*\(\s*(?:aged\s+)?(\d{1,2})\s*\))"
)
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


def find_age(subject: Subject, sents: list[Span], doc_id: str) -> Fact[int] | None:
    """Return the subject's age from "Name, 34," or "a 34-year-old man"."""
    if subject.name:
        pat = re.compile(re.escape(subject.name.split()[-1]) + _AGE_AFTER_NAME)
        for sent in sents:
            m = pat.search(sent.text)
            age = int(m.group(1) or m.group(2)) if m else 0
            if 1 <= age <= 99:
                return Fact(age, 0.9, _ev(doc_id, sent))
    heads = {t.i for t in subject.heads}
    mentions = subject_mentions(subject)
    # only a subject known by its own name tells whose another name is
    known = subject.name_token is not None and not any(
        _is_officials(t) for t in mentions.values() if t.pos_ == "PROPN"
    )
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
            if known and _anothers_age(sent, m, mentions):
                continue  # "the death of 22-year-old Ram Lal", "Lee (28) and Smith (32)"
            span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
            near = span is not None and any(abs(t.i - h) <= 6 for t in span for h in heads)
            conf = 0.85 if near else 0.6
            return Fact(int(age_s), conf, _ev(doc_id, sent))
    return None


def _anothers_age(sent: Span, m: re.Match, mentions: dict[int, Token]) -> bool:
    """Return True when an age is written onto another person's name: "22-year-old X"
    or "X (22)" where X is not the subject."""
    if m.group(2):
        name = sent.char_span(m.start(2), m.end(2), alignment_mode="expand")
    elif m.group(4):
        before = sent.char_span(0, m.start(), alignment_mode="contract")
        name = before[-1:] if before is not None and len(before) else None
    else:
        return False
    if name is None or not len(name):
        return False
    tok = name[0]
    if tok.ent_type_ != "PERSON" or tok.i in mentions:
        return False
    return not any(t.i in mentions for t in _ent_tokens(tok))


def _is_officials(tok: Token) -> bool:
    ent = ent_of(tok)
    return ent is not None and is_official(ent)


def _ent_tokens(tok: Token) -> list[Token]:
    ent = ent_of(tok)
    return list(ent) if ent is not None else [tok]


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


def find_withheld(doc: Doc, doc_id: str) -> Fact[bool] | None:
    """Return True when the story says the subject's name is withheld or suppressed."""
    for sent in doc.sents:
        if _WITHHELD_RE.search(sent.text):
            return Fact(True, 0.8, _ev(doc_id, sent))
    return None


def _ev(doc_id: str, sent: Span) -> Evidence:
    return Evidence(doc_id, sent.start_char, sent.end_char)
