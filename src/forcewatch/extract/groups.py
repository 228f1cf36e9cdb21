"""Groups of people police used force on ("two men were shot", "the gangsters") split
into the people the story names, one subject each.

A story often tells the group first and the names later: in a list apposed to the
group ("the two men - A and B - were shot"), after "identified as" ("the injured were
identified as A, 23, B, 25, and C, 28"), or as the named people who were hurt ("A and
B were injured. C was arrested"). Each named person becomes a subject with the
group's events, so their own fields (outcome, age) are read from their sentences.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from forcewatch.extract.events import ForceEvent
from forcewatch.extract.geo import region_of
from forcewatch.extract.naming import other_first_name
from forcewatch.extract.patterns.lexicon import OFFICIAL_TITLES_RE, POLICE_RE
from forcewatch.extract.people import (
    ALIAS_WORDS,
    ORG_WORDS,
    Referent,
    Subject,
    clean_name,
    subject_like,
)

__all__ = ["name_group", "names_listed"]


def _same_person(a: str, b: str) -> bool:
    """Return True when two names can be one person: one surname, and the same first
    name unless one is a surname alone."""
    wa, wb = a.lower().split(), b.lower().split()
    return wa[-1] == wb[-1] and not other_first_name(a, b)


_HURT_VERBS = frozenset("injure wound shoot kill die hospitalise hospitalize hit".split())


def _hurt(token: Token) -> bool:
    """Return True when a named person, or the name it is conjoined to, is the subject of
    a verb of harm: "A and B were injured" (both), but not "C was arrested"."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    lemma = token.head.lemma_.lower()
    if token.dep_ == "nsubj":  # "A shot B": only "A died" says A was hurt
        return lemma == "die"
    return token.dep_ == "nsubjpass" and lemma in _HURT_VERBS


def name_group(subjects: list[Subject], refs: list[Referent]) -> list[Subject]:
    """Split "two men were shot" into one named subject each when the story names as many
    civilians who were hurt or killed ("A, 19, died at the scene. B, 22, was shot"), or
    lists their names with the group ("the gangsters - A and B -", "identified as A, B
    and C")."""
    named_names = [s.name for s in subjects if s.name]
    n_named = len({n.lower() for n in named_names})
    out: list[Subject] = []
    for subj in subjects:
        if subj.name or (subj.count < 2 and not _plural(subj)):
            out.append(subj)
            continue
        listed = _group_list(subj, named_names)
        if listed:
            out.extend(_split(subj, [(clean_name(s.text), s.root) for s in listed], subjects, refs))
            continue
        if subj.count < 2:
            out.append(subj)
            continue
        first = min(ev.sent.start for ev in subj.events)
        later = [s for s in subjects if s.name and min(e.sent.start for e in s.events) >= first]
        if n_named >= subj.count and len(later) >= subj.count:
            continue  # "the two men shot ..." and then each named: the group is told twice
        people: dict[str, Referent] = {}
        hurt: dict[str, Referent] = {}  # "A and B were injured. C and D were arrested."
        for ref in refs:
            if ref.name and not ref.police and len(ref.name.split()) >= 2:
                if any(_same_person(ref.name, n) for n in named_names):
                    continue
                if subject_like(ref.token):
                    people.setdefault(ref.name.lower(), ref)
                if _hurt(ref.token):
                    hurt.setdefault(ref.name.lower(), ref)
        if hurt and len(hurt) <= subj.count <= len(hurt) + n_named:
            people = hurt
        # the group is the named people not yet subjects, plus those already subjects
        if not people or len(people) > subj.count or len(people) + n_named < subj.count:
            out.append(subj)
            continue
        out.extend(
            _split(subj, [(clean_name(r.name), r.token) for r in people.values()], subjects, refs)
        )
    return out


def _split(
    group: Subject,
    people: list[tuple[str, Token]],
    subjects: list[Subject],
    refs: list[Referent],
) -> list[Subject]:
    """Return one subject per named person, each with the group's events and the sex the
    story gives the group ("the men opened fire")."""
    sex, said = group.sex, [h for h in group.heads if h.tag_ in ("NNS", "NNPS")]
    if sex is None:
        told = [r for r in refs if r.plural and not r.police and _PLURAL_SEX.get(r.token.lower_)]
        if told and len({_PLURAL_SEX[r.token.lower_] for r in told}) == 1:
            sex, said = _PLURAL_SEX[told[0].token.lower_], [told[0].token]
    return [
        Subject(
            name=name,
            name_token=token,
            name_conf=0.6,
            sex=sex,
            events=list(group.events) + _events_about(token, subjects),
            heads=[token, *said],
        )
        for name, token in people
    ]


_PLURAL_SEX = {
    "men": "male",
    "boys": "male",
    "brothers": "male",
    "youths": "male",
    "women": "female",
    "girls": "female",
    "sisters": "female",
}


def _events_about(token: Token, subjects: list[Subject]) -> list[ForceEvent]:
    """Return events of other subjects whose patient is this person (moved to them)."""
    moved = []
    for s in subjects:
        for ev in list(s.events):
            if ev.patient is not None and ev.patient.i == token.i:
                moved.append(ev)
                s.events.remove(ev)
    return moved


def _plural(subj: Subject) -> bool:
    """Return True for a group of unstated size: "police fired at the gangsters"."""
    return any(h.tag_ in ("NNS", "NNPS") for h in subj.heads)


_IDENTIFY_LIST_RE = re.compile(
    r"\b(?:were|have been|had been)\s+(?:named|identified)\s+as\s+", re.I
)
_LIST_OPEN = frozenset(("-", "–", "—", "(", ","))


def _group_list(subj: Subject, named: list[str]) -> list[Span]:
    """Return the names listed with the group, as many as it counts (any number from two
    when its size is unstated), none of them a subject already."""
    doc = subj.events[0].sent.doc
    found: list[Span] = []
    # "police fired at gangsters ... the gangsters - A alias B and C - opened fire"
    nouns = {h.lemma_.lower() for h in subj.heads if h.tag_ in ("NNS", "NNPS")}
    for tok in doc[:-1] if nouns else ():
        if tok.lemma_.lower() in nouns and doc[tok.i + 1].text in _LIST_OPEN:
            found = names_listed(doc, tok.i + 2)
            if len(found) >= 2:
                break
    if len(found) < 2:
        first = min(ev.sent.start for ev in subj.events)
        for sent in doc[first:].sents:  # "the injured were identified as A, B and C"
            m = _IDENTIFY_LIST_RE.search(sent.text)
            if m:
                start = doc.char_span(sent.start_char + m.end(), sent.end_char, "expand")
                found = names_listed(doc, start.start) if start is not None else []
                if len(found) >= 2:
                    break
    if len(found) < 2 or len(found) > 6:
        return []
    if subj.count >= 2 and len(found) != subj.count:
        return []
    if any(_same_person(s.text, n) for s in found for n in named):
        return []
    return found


_LIST_GLUE = frozenset((",", "and", "&", "(", ")", "aged"))


def names_listed(doc: Doc, start: int, limit: int = 40) -> list[Span]:
    """Return the names listed from token `start` on: "A alias B, 23, C and D (28)" gives
    A, C and D; empty when anything in the list does not read as a person's name."""
    names: list[Span] = []
    run: list[Token] = []
    skip = False  # inside the alias that follows a name
    for tok in doc[start : min(len(doc), start + limit)]:
        if tok.lower_ in ALIAS_WORDS:
            skip = True
        elif (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON") and tok.text[:1].isupper():
            if not skip:
                run.append(tok)
            continue
        elif tok.text in _LIST_GLUE or tok.like_num:
            skip = False
        else:
            if run:
                names.append(doc[run[0].i : run[-1].i + 1])
            break
        if run:
            names.append(doc[run[0].i : run[-1].i + 1])
            run = []
    else:
        if run:
            names.append(doc[run[0].i : run[-1].i + 1])
    if any(not _name_like(s) for s in names):
        return []
    return names


def _name_like(span: Span) -> bool:
    text = span.text
    if len(span) > 4 or OFFICIAL_TITLES_RE.search(text + " ") or ORG_WORDS.search(text):
        return False
    return region_of(text) is None and not POLICE_RE.search(text)
