"""The people a story speaks of: named and described referents, pronouns, the roles
they play (speaker, bystander, someone who acts or is hurt like a subject), the written
forms of a name (alias, a noun compounded to it), and the `Subject` record that collects
the force used on one person.

Shared by `subjects.py` (which person each force event is about) and `naming.py`
(what the story calls them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from forcewatch.extract.docindex import ent_of, index
from forcewatch.extract.events import ForceEvent, is_person, is_police
from forcewatch.extract.geo import region_of
from forcewatch.extract.patterns.lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    OFFICIAL_TITLES_RE,
    POLICE_RE,
)

PRONOUN_SEX = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


_PLURAL_PRONOUNS = frozenset(("they", "them"))


_LOOKBACK_SENTENCES = 6


_COLLECTIVE = frozenset(("police", "gardaí", "gardai", "cops", "swat"))


SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))


@dataclass
class Referent:
    """A person spoken of: a named entity or a described noun phrase."""

    token: Token  # head token
    name: str | None
    police: bool
    sex: str | None
    plural: bool


@dataclass
class Subject:
    """One person police used force on, with the events and sentences about them."""

    name: str | None = None
    name_token: Token | None = None
    name_conf: float = 0.0  # how sure the name is the subject's, by how it was found
    sex: str | None = None
    count: int = 1
    events: list[ForceEvent] = field(default_factory=list)
    heads: list[Token] = field(default_factory=list)  # tokens that refer to the subject

    @property
    def surname(self) -> str | None:
        return self.name.split()[-1].lower() if self.name else None

    @property
    def confidence(self) -> float:
        return max(e.confidence for e in self.events) if self.events else 0.0

    def sentences(self) -> list[Span]:
        """Return the sentences of this subject's events and mentions, in order."""
        seen: dict[int, Span] = {}
        for tok in self.heads:
            seen.setdefault(tok.sent.start, tok.sent)
        for ev in self.events:
            seen.setdefault(ev.sent.start, ev.sent)
        return [seen[k] for k in sorted(seen)]


def person_ent(token: Token) -> Span | None:
    ent = ent_of(token)
    return ent if ent is not None and ent.label_ == "PERSON" else None


def is_official(ent: Span) -> bool:
    """Return True when a PERSON entity is written as an officer or official."""
    before = ent.doc[max(0, ent.start - 4) : ent.start].text + " "
    if OFFICIAL_TITLES_RE.search(before):
        return True
    head = ent.root
    if head.dep_ == "appos" and is_police(head.head):
        return True
    for c in head.children:
        if c.dep_ == "appos" and (is_police(c) or c.lower_ in ("spokesman", "spokeswoman")):
            return True
    return False


_PLACE_FIRST_WORDS = frozenset(
    "st saint mount mt port fort lake new north south east west upper lower cape san santa los las".split()
)


ORG_WORDS = re.compile(
    r"\b(?:police|service|department|office|court|council|university|hospital|news|"
    r"ministry|agency|commission|authority|inc|ltd|company|bank|party|street|road|"
    r"avenue|county|city|club|school|church|station|centre|center|group|team|unit|"
    r"command|line|lake|river|boulevard|highway|park|murder|royal|mall|bridge|beach|"
    r"directorate|bureau|squad|standards|strikes?|shootings?|killings?)\b",
    re.I,
)


def _name_like_ent(token: Token) -> Span | None:
    """Return an ORG/GPE/PRODUCT entity that reads like a person's name in an argument slot."""
    ent = ent_of(token)
    if ent is None or ent.label_ not in ("ORG", "GPE", "PRODUCT", "NORP"):
        return None
    words = ent.text.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    if words[0].rstrip(".").lower() in _PLACE_FIRST_WORDS or in_headline(ent.root):
        return None
    if ORG_WORDS.search(ent.text) or ent.root.dep_ not in _ARGUMENT_DEPS:
        return None
    return ent


_ARGUMENT_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"))


def is_place(ent: Span) -> bool:
    """Return True for a place or body misread as a person ("Berkshire", "St John")."""
    first = ent.text.split()[0].rstrip(".").lower()
    if first in _PLACE_FIRST_WORDS or OFFICIAL_TITLES_RE.search(ent.text.split()[0] + " "):
        return True
    if ORG_WORDS.search(ent.text):
        return True
    return region_of(ent.text) is not None or bool(POLICE_RE.search(ent.text))


def _modifies_police(ent: Span) -> bool:
    """Return True for a place misread as a person: "Stillwater police officer"."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and is_police(nxt) or (nxt is not None and nxt.lower_ == "police")


def sex_of(token: Token) -> str | None:
    words = {t.lower_ for t in token.subtree} | {token.lower_}
    if words & MALE_WORDS:
        return "male"
    if words & FEMALE_WORDS:
        return "female"
    return PRONOUN_SEX.get(token.lower_)


def _apposed_sex(token: Token) -> str | None:
    """Return the sex a name's apposed noun gives it: "his mother, Fay Smith" -> female."""
    if token.dep_ != "appos":
        return None
    head = token.head.lower_
    return "male" if head in MALE_WORDS else "female" if head in FEMALE_WORDS else None


def referents(doc: Doc) -> list[Referent]:
    """Return the people spoken of in `doc`, in order of their head tokens."""
    out: list[Referent] = []
    for tok in doc:
        if tok.pos_ == "PRON":
            continue
        ent = person_ent(tok) or _name_like_ent(tok)
        if ent is not None:
            if tok.i != ent.root.i or _modifies_police(ent) or is_place(ent):
                continue
            police = is_official(ent)
            out.append(Referent(tok, ent.text, police, _apposed_sex(tok), False))
        elif tok.pos_ == "NOUN" and is_person(tok):
            plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in _COLLECTIVE
            out.append(Referent(tok, None, is_police(tok), sex_of(tok), plural))
    return out


def resolve_pronoun(
    pron: Token,
    refs: list[Referent],
    *,
    want_police: bool | None,
    exclude: frozenset[int] = frozenset(),
) -> Referent | None:
    """Return the nearest earlier referent that fits the pronoun's sex, number and role."""
    low = pron.lower_
    plural = low in _PLURAL_PRONOUNS
    sex = PRONOUN_SEX.get(low)
    first_sent = max(0, pron.sent.start - 400)
    fits: list[Referent] = []
    for ref in reversed(refs):
        if ref.token.i >= pron.i or ref.token.i < first_sent or ref.token.i in exclude:
            continue
        if pron.doc[ref.token.i].sent.start < sentence_floor(pron):
            break
        if want_police is not None and ref.police != want_police:
            continue
        if ref.plural != plural:
            continue
        if sex and ref.sex and ref.sex != sex:
            continue
        fits.append(ref)
    if not fits:
        return None
    # prefer the nearest grammatical subject in the same sentence, else the nearest fit
    same = [r for r in fits if r.token.sent.start == pron.sent.start]
    for ref in same:
        if ref.token.dep_ in SUBJECT_DEPS:
            return ref
    return fits[0]


def sentence_floor(tok: Token) -> int:
    ix = index(tok.doc)
    return ix.sents[max(0, ix.sentence_index(tok.i) - _LOOKBACK_SENTENCES)].start


ALIAS_WORDS = frozenset(("alias", "aka", "a.k.a.", "a.k.a", "urf"))


def _name_word(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or tok.lower_ in ALIAS_WORDS


def alias_primary(tok: Token) -> Span | None:
    """Return the name written before "alias"/"aka" in the name run around `tok`
    ("Manish Singh alias Sonu" -> "Manish Singh"), or None when no alias word joins it."""
    doc = tok.doc
    if not _name_word(tok):
        return None
    lo = hi = tok.i
    while lo > 0 and tok.i - lo < 6 and _name_word(doc[lo - 1]):
        lo -= 1
    while hi + 1 < len(doc) and hi - tok.i < 6 and _name_word(doc[hi + 1]):
        hi += 1
    alias = next((t for t in doc[lo : hi + 1] if t.lower_ in ALIAS_WORDS), None)
    if alias is None or alias.i == lo:
        return None
    before = doc[max(lo, alias.i - 4) : alias.i]
    if not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in before):
        return None
    if OFFICIAL_TITLES_RE.search(before.text + " ") or ORG_WORDS.search(before.text):
        return None
    if region_of(before.text) is not None or POLICE_RE.search(before.text):
        return None
    return before


def antecedent(tok: Token) -> Token:
    """Return the noun a relative pronoun stands for ("Sam, who died" -> "Sam") and the
    name a descriptive noun is compounded with ("driver Sam Tairoa" -> "Tairoa")."""
    if tok.lower_ in ("who", "whom") and tok.head.dep_ == "relcl" and tok.head.head is not tok:
        return tok.head.head
    if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
        return tok.head
    return tok


_HONORIFIC_RE = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|sir|dame)\.?\s+", re.I)


def clean_name(text: str) -> str:
    """Return a name without honorifics and possessive: "Mr Smiler's" -> "Smiler"."""
    text = _HONORIFIC_RE.sub("", text.strip())
    return re.sub(r"(?:'s|’s)$", "", text).strip()


def in_headline(token: Token) -> bool:
    """Return True when the token stands in the title (before the first blank line)."""
    head = token.doc.text.split("\n\n", 1)
    return len(head) == 2 and token.idx < len(head[0])


_SUBJECT_VERBS = frozenset(
    """die injure wound shoot kill hospitalise hospitalize taser tase restrain arrest charge
    identify name confront threaten flee run point wield brandish carry refuse lunge attack
    pronounce""".split()
)


SPEECH_VERBS = frozenset("say tell add speak state explain describe confirm".split())


#: people named beside the subject who are not the subject: "the man's mother, X"
_BYSTANDER_ROLES = frozenset(
    """mother father parent parents stepmother stepfather wife husband partner fiancee fiance
    sister brother aunt uncle cousin grandmother grandfather grandparent friend neighbour
    neighbor lawyer attorney solicitor barrister counsel spokesperson spokesman spokeswoman
    witness""".split()
)


#: people named in a story beside the subject, whoever they are tied to
_OTHERS = frozenset("neighbour neighbor witness hostage bystander passer-by passerby".split())


def speaker(token: Token) -> bool:
    """Return True for a person quoted or cited ("X said", "said X", "according to X"),
    or named by their tie to someone else ("the man's mother, X, told reporters")."""
    head = token.head
    if token.dep_ == "appos" and head is not token:
        if head.lemma_.lower() in _BYSTANDER_ROLES and any(c.dep_ == "poss" for c in head.children):
            return True
        if head.lemma_.lower() in _OTHERS:  # "the neighbour, X," "a witness, X,"
            return True
        return speaker(head)
    if token.dep_ == "nsubj" and head.lemma_.lower() in SPEECH_VERBS:
        return True
    if token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
        return True
    ent = ent_of(token)
    first = ent.start if ent is not None else token.i
    last = ent.end if ent is not None else token.i + 1
    prev = token.doc[first - 1] if first > 0 else None
    after = token.doc[last] if last < len(token.doc) else None
    nxt = token.doc[last + 1] if last + 1 < len(token.doc) else None
    ends_clause = (
        after is None
        or after.text in (".", "!", "?", '"', "”", "’")
        or (after.text == "," and not (nxt is not None and nxt.like_num))  # not "X, 34,"
    )
    # "..., said Dana Kimura." but not "Police said Cody Mullen fired"
    return prev is not None and prev.lower_ in ("said", "says", "told") and ends_clause


def subject_like(token: Token) -> bool:
    """Return True when a named person acts or suffers like a subject, not a speaker."""
    head = token.head
    lemma = head.lemma_.lower()
    if token.dep_ in ("nsubj", "nsubjpass") and lemma in _SUBJECT_VERBS:
        return True
    if lemma in SPEECH_VERBS:
        return False
    # "Sam Tairoa, 34, faces charges": the person the story is about, with an age in apposition
    return any(c.dep_ == "appos" and c.like_num for c in token.children)


def acted_on(token: Token, subject: Subject) -> bool:
    """Return True when `token` is the object of something the subject did: "police shot
    a man who had stabbed X", "the gunman took X hostage"."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    if token.dep_ not in ("dobj", "pobj", "dative") or verb.pos_ != "VERB":
        return False
    heads = {h.i for h in subject.heads}
    doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if doer is not None and doer.lower_ in ("who", "that") and verb.dep_ == "relcl":
        doer = verb.head
    return doer is not None and doer.i in heads
