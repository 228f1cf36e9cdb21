"""Group force events into subjects: the people police used force on.

A subject gathers the events that concern one person: by name (a full name and
later surname-only mentions), by pronoun (resolved to the nearest earlier
person of the same number) and by description ("a man" ... "the man").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from forcewatch.extract.docindex import ent_of, index, sentence_ents
from forcewatch.extract.events import ForceEvent, events_in, is_person, is_police
from forcewatch.extract.geo import region_of
from forcewatch.extract.patterns.lexicon import (
    FEMALE_WORDS,
    MALE_WORDS,
    OFFICIAL_TITLES_RE,
    PERSON_NOUNS,
    POLICE_RE,
)
from forcewatch.extract.wounds import wound_events
from forcewatch.records import Force

_PRONOUN_SEX = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_PLURAL_PRONOUNS = frozenset(("they", "them"))
_NEW_REFERENT_WORDS = frozenset(("another", "second", "third", "other", "fourth"))
_APPOSED_NAME_RE = re.compile(
    r"\b(?:the|a)\s+(?P<noun>man|woman|boy|girl|teenager|teen|youth|suspect|driver|victim|"
    r"deceased)\s*(?:[-–—,]|\()\s*$",
    re.I,
)
_IDENTIFY_RE = re.compile(
    r"\b(?:named|identified|id'd|known)\s+(?:him|her|the (?:man|woman|victim|deceased|suspect|"
    r"driver|teen|teenager|boy|girl)\s+)?as\b",
    re.I,
)
_LOOKBACK_SENTENCES = 6
_COLLECTIVE = frozenset(("police", "gardaí", "gardai", "cops", "swat"))
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))


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


def _person_ent(token: Token) -> Span | None:
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
_ORG_WORDS = re.compile(
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
    if words[0].rstrip(".").lower() in _PLACE_FIRST_WORDS or _in_headline(ent.root):
        return None
    if _ORG_WORDS.search(ent.text) or ent.root.dep_ not in _ARGUMENT_DEPS:
        return None
    return ent


_ARGUMENT_DEPS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"))


def _is_place(ent: Span) -> bool:
    """Return True for a place or body misread as a person ("Berkshire", "St John")."""
    first = ent.text.split()[0].rstrip(".").lower()
    if first in _PLACE_FIRST_WORDS or OFFICIAL_TITLES_RE.search(ent.text.split()[0] + " "):
        return True
    if _ORG_WORDS.search(ent.text):
        return True
    return region_of(ent.text) is not None or bool(POLICE_RE.search(ent.text))


def _modifies_police(ent: Span) -> bool:
    """Return True for a place misread as a person: "Stillwater police officer"."""
    nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return nxt is not None and is_police(nxt) or (nxt is not None and nxt.lower_ == "police")


def _sex_of(token: Token) -> str | None:
    words = {t.lower_ for t in token.subtree} | {token.lower_}
    if words & MALE_WORDS:
        return "male"
    if words & FEMALE_WORDS:
        return "female"
    return _PRONOUN_SEX.get(token.lower_)


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
        ent = _person_ent(tok) or _name_like_ent(tok)
        if ent is not None:
            if tok.i != ent.root.i or _modifies_police(ent) or _is_place(ent):
                continue
            police = is_official(ent)
            out.append(Referent(tok, ent.text, police, _apposed_sex(tok), False))
        elif tok.pos_ == "NOUN" and is_person(tok):
            plural = tok.tag_ in ("NNS", "NNPS") or tok.lower_ in _COLLECTIVE
            out.append(Referent(tok, None, is_police(tok), _sex_of(tok), plural))
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
    sex = _PRONOUN_SEX.get(low)
    first_sent = max(0, pron.sent.start - 400)
    fits: list[Referent] = []
    for ref in reversed(refs):
        if ref.token.i >= pron.i or ref.token.i < first_sent or ref.token.i in exclude:
            continue
        if pron.doc[ref.token.i].sent.start < _sentence_floor(pron):
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
        if ref.token.dep_ in _SUBJECT_DEPS:
            return ref
    return fits[0]


def _sentence_floor(tok: Token) -> int:
    ix = index(tok.doc)
    return ix.sents[max(0, ix.sentence_index(tok.i) - _LOOKBACK_SENTENCES)].start


def find_subjects(doc: Doc, sentences: list[Span] | None = None) -> list[Subject]:
    """Return the subjects of police force in a parsed document."""
    sents = sentences if sentences is not None else index(doc).sents
    events: list[ForceEvent] = []
    for sent in sents:
        found = events_in(sent)
        events.extend(found + wound_events(sent, found))
    refs = referents(doc)
    subjects: list[Subject] = []
    pending: list[ForceEvent] = []
    victims: set[int] = set()  # people someone other than police shot
    for ev in events:
        police = ev.police_agent
        if police is None and ev.trigger is not None:
            police = _pronoun_agent_is_police(ev, refs)
        if police is False and ev.patient is not None:
            victims.add(ev.patient.i)
        if ev.officer_patient:
            continue
        if police is True and ev.patient is None:
            if subjects:  # shots fired: more about the person already found
                subjects[-1].events.append(ev)
        elif police is True:
            _attach(ev, subjects, refs)
        elif police is None:
            pending.append(ev)
    ix = index(doc)
    fire_sents = {
        ix.sentence_index(ev.sent.start) for ev in events if ev.police_agent and ev.patient is None
    }
    civilian = _civilian_shooter(doc, events)
    police_fired = any(ev.police_agent and ev.force == Force.FIREARM for ev in events)
    for ev in pending:
        if ev.patient is None:
            continue
        subj = _match(ev, subjects, refs, create=False)
        here = ix.sentence_index(ev.sent.start)
        near_fire = any(abs(here - s) <= 1 for s in fire_sents)  # police fired next to it
        if subj is not None:
            subj.events.append(_with_conf(ev, 0.7))
            subj.heads.append(ev.patient)
        elif _promotable(ev) and (
            near_fire
            or (
                not civilian
                and (
                    _police_nearby(ev, window=0)
                    or (not subjects and (police_fired or _police_nearby(ev, window=2)))
                )
            )
        ):  # police fired at no one found yet, or are named in the sentence
            # "when officers arrived ... X was shot and killed": no one else is said to shoot
            _attach(_with_conf(ev, 0.6), subjects, refs)
    # shots fired at no one in particular: a subject described elsewhere, shots missed
    if not subjects and not any(ev.officer_patient for ev in events):
        for ev in events:
            if ev.police_agent and ev.patient is None and ev.aimed:
                subjects.append(Subject(events=[_with_conf(ev, 0.55)]))
                break
    _name_unnamed(doc, subjects, refs, victims)
    subjects = _name_group(subjects, refs)
    _expand_names(subjects, refs)
    return [s for s in subjects if s.events]


def _same_person(a: str, b: str) -> bool:
    """Return True when two names can be one person: one surname, and the same first
    name unless one is a surname alone."""
    wa, wb = a.lower().split(), b.lower().split()
    return wa[-1] == wb[-1] and not _other_first_name(a, b)


def _other_first_name(a: str, b: str | None) -> bool:
    """Return True for two full names with one surname and different first names."""
    if b is None:
        return False
    wa, wb = a.lower().split(), b.lower().split()
    return len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1] and wa[0] != wb[0]


def _name_group(subjects: list[Subject], refs: list[Referent]) -> list[Subject]:
    """Split "two men were shot" into one named subject each when the story names as many
    civilians who were hurt or killed ("A, 19, died at the scene. B, 22, was shot")."""
    named_names = [s.name for s in subjects if s.name]
    n_named = len({n.lower() for n in named_names})
    out: list[Subject] = []
    for subj in subjects:
        if subj.name or subj.count < 2:
            out.append(subj)
            continue
        first = min(ev.sent.start for ev in subj.events)
        later = [s for s in subjects if s.name and min(e.sent.start for e in s.events) >= first]
        if n_named >= subj.count and len(later) >= subj.count:
            continue  # "the two men shot ..." and then each named: the group is told twice
        people: dict[str, Referent] = {}
        for ref in refs:
            if (
                ref.name
                and not ref.police
                and len(ref.name.split()) >= 2
                and _subject_like(ref.token)
            ):
                if not any(_same_person(ref.name, n) for n in named_names):
                    people.setdefault(ref.name.lower(), ref)
        # the group is the named people not yet subjects, plus those already subjects
        if not people or len(people) > subj.count or len(people) + n_named < subj.count:
            out.append(subj)
            continue
        for ref in people.values():
            out.append(
                Subject(
                    name=clean_name(ref.name),
                    name_token=ref.token,
                    name_conf=0.6,
                    sex=subj.sex,
                    events=list(subj.events) + _events_about(ref, subjects),
                    heads=[ref.token],
                )
            )
    return out


def _events_about(ref: Referent, subjects: list[Subject]) -> list[ForceEvent]:
    """Return events of other subjects whose patient is this person (moved to them)."""
    moved = []
    for s in subjects:
        for ev in list(s.events):
            if (
                ev.patient is not None
                and ev.patient.sent.start == ref.token.sent.start
                and (ev.patient.i == ref.token.i)
            ):
                moved.append(ev)
                s.events.remove(ev)
    return moved


def _expand_names(subjects: list[Subject], refs: list[Referent]) -> None:
    """Replace a surname-only name with the fullest name in the story that ends with it."""
    for subj in subjects:
        if not subj.name:
            continue
        surname = subj.name.split()[-1].lower()
        best = subj.name
        for ref in refs:
            if ref.name and not ref.police and ref.name.split()[-1].lower() == surname:
                if len(ref.name.split()) > len(best.split()):
                    best = ref.name
        subj.name = clean_name(best)


_SHOOTER_NOUNS = frozenset("gunman gunmen shooter shooters attacker attackers sniper".split())


def _civilian_shooter(doc: Doc, events: list[ForceEvent]) -> bool:
    """Return True when the story says someone other than police shot a civilian."""
    if any(
        ev.police_agent is False
        and not ev.officer_patient
        and not (ev.patient is not None and ev.patient.pos_ == "PRON")  # "fired on them"
        for ev in events
    ):
        return True
    return any(t.lower_ in _SHOOTER_NOUNS for t in doc)


_SHOT_RE = re.compile(r"\b(?:shot|shooting|gunfire|gunshot|fired|bullet)", re.I)


def _promotable(ev: ForceEvent) -> bool:
    """Return True for "X was shot (and killed)": a passive shooting whose agent is unsaid."""
    if not ev.passive:
        return False
    lemma = ev.trigger.lemma_.lower()
    return lemma in ("shoot", "gun", "wound", "injury", "taser", "tase") or (
        lemma == "kill" and bool(_SHOT_RE.search(ev.sent.text))
    )


def _police_nearby(ev: ForceEvent, window: int = 2) -> bool:
    """Return True when police are named in the event's sentence or the `window` before it."""
    ix = index(ev.sent.doc)
    idx = ix.sentence_index(ev.sent.start)
    return any(POLICE_RE.search(s.text) for s in ix.sents[max(0, idx - window) : idx + 1])


def _with_conf(ev: ForceEvent, conf: float) -> ForceEvent:
    from dataclasses import replace

    return replace(ev, confidence=min(ev.confidence, conf), police_agent=True)


def _pronoun_agent_is_police(ev: ForceEvent, refs: list[Referent]) -> bool | None:
    agent = ev.agent
    if agent is not None and agent.pos_ == "PROPN":
        surname = agent.text.lower()
        for ref in refs:
            if ref.token.i < agent.i and ref.name and ref.name.split()[-1].lower() == surname:
                return ref.police
        return False
    if ev.passive:
        return None  # "X said ..., but one was shot": the shooter is not X
    verb = ev.trigger
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    v = verb
    while subj is None and v.dep_ == "conj":
        v = v.head
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "PRON":
        return None
    ref = resolve_pronoun(subj, refs, want_police=None)
    if ref is None:
        return None
    return ref.police


def _attach(ev: ForceEvent, subjects: list[Subject], refs: list[Referent]) -> None:
    subj = _match(ev, subjects, refs, create=True)
    if subj is None:
        return
    subj.events.append(ev)
    if ev.patient is not None:
        subj.heads.append(ev.patient)


def _match(
    ev: ForceEvent, subjects: list[Subject], refs: list[Referent], *, create: bool
) -> Subject | None:
    patient = ev.patient
    if patient is None:
        if subjects:
            return subjects[-1]
        if not create:
            return None
        subjects.append(Subject())
        return subjects[-1]
    name, name_tok, sex, name_conf = _describe(patient, refs, ev.agent)
    if name is not None:
        surname = name.split()[-1].lower()
        for s in subjects:
            if _other_first_name(name, s.name):
                continue  # "Curtis Lindqvist ... his brother Wade Lindqvist": two people
            if s.surname == surname or (s.name and surname in s.name.lower().split()):
                if len(name.split()) > len((s.name or "").split()):
                    s.name, s.name_token = name, name_tok
                s.name_conf = max(s.name_conf, name_conf)
                return s
        unnamed = [s for s in subjects if s.name is None and s.count == 1]
        if (
            len(unnamed) == 1
            and _compatible(unnamed[0].sex, sex)
            and not _is_new(patient, ev.agent)
            and not _recalled(ev.sent, unnamed[0])
        ):
            unnamed[0].name, unnamed[0].name_token, unnamed[0].name_conf = name, name_tok, name_conf
            return unnamed[0]
        if not create:
            return None
        new = Subject(name=name, name_token=name_tok, name_conf=name_conf, sex=sex)
        subjects.append(new)
        return new
    count = ev.count
    ordinal = _ordinal(patient)
    if ordinal is not None and count == 1:  # "one suspect ... the second suspect"
        unnamed = [s for s in subjects if s.count == 1]
        if ordinal < len(unnamed):
            return unnamed[ordinal]
    if subjects and count == 1 and not _is_new(patient, ev.agent):
        fits = [
            s
            for s in subjects
            if _compatible(s.sex, sex) and s.count == 1 and not _recalled(ev.sent, s)
        ]
        if fits:  # the subject told nearest this sentence ("the man" of this paragraph)
            best = min(fits, key=lambda s: _distance(ev.sent.start, s))
            best.sex = best.sex or sex
            return best
    if not create:
        return None
    new = Subject(sex=sex, count=count)
    subjects.append(new)
    return new


_YEAR_RE = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_RECALL_RE = re.compile(
    r"\b(?:years? ago|in the past|a similar case|another case|previous(?:ly)?|earlier case|"
    r"the last time|second time in)\b",
    re.I,
)


_LAST_YEAR_RE = re.compile(
    r"\b(?:last|this|earlier this) (?:year|summer|spring|autumn|fall|winter|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b|\ba year ago\b",
    re.I,
)


def _recalled(sent: Span, subject: Subject) -> bool:
    """Return True when `sent` tells an earlier incident than the subject's: it names a year
    the subject's own sentences do not ("In 2021, officers shot dead X")."""
    if not subject.events:
        return False
    years = set(_YEAR_RE.findall(sent.text))
    if not years:
        return False
    own = {y for ev in subject.events for y in _YEAR_RE.findall(ev.sent.text)}
    if not own and not _RECALL_RE.search(sent.text):
        if any(_LAST_YEAR_RE.search(ev.sent.text) for ev in subject.events):
            return False  # "shot a man last year" ... "was shot on 12 March 2023": the same
    return not (years & own) and bool(
        _RECALL_RE.search(sent.text) or sent.start > subject.events[0].sent.start
    )


def _distance(start: int, subject: Subject) -> int:
    """Return how many tokens separate `start` from the subject's nearest event sentence;
    ties go to the earlier-told subject."""
    return min((abs(ev.sent.start - start) for ev in subject.events), default=10**9)


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


_ORDINALS = {"one": 0, "first": 0, "second": 1, "another": 1, "third": 2}


def _ordinal(patient: Token) -> int | None:
    """Return 0 for "one/the first suspect", 1 for "the second/another", else None."""
    if patient.lower_ == "another":
        return 1
    for c in patient.children:
        if c.lower_ in _ORDINALS and c.dep_ in ("nummod", "amod", "det"):
            return _ORDINALS[c.lower_]
    return None


def _is_new(patient: Token, agent: Token | None = None) -> bool:
    """Return True for "a second man", "another man" (not "he shot another man": vs him)."""
    if patient.lower_ == "another":
        return True
    if agent is not None:
        return any(c.lower_ in ("second", "third", "fourth") for c in patient.children)
    return any(c.lower_ in _NEW_REFERENT_WORDS for c in patient.children)


Described = tuple[str | None, Token | None, str | None, float]


def _describe(patient: Token, refs: list[Referent], agent: Token | None = None) -> Described:
    """Return (name, name token, sex, name confidence) for a patient, resolving pronouns."""
    if patient.pos_ == "PRON" and patient.lower_ in ("one", "another", "other"):
        return None, None, None, 0.0  # "two suspects fled, but one was shot": not a name
    if patient.lower_ == "me":  # '"They shot me in the leg," Ravi Kumar told reporters'
        speaker = _quote_speaker(patient)
        if speaker is None:
            return None, None, None, 0.0
        return clean_name(speaker.text), speaker.root, None, 0.75
    if patient.pos_ == "PRON":
        exclude = frozenset(t.i for t in agent.subtree) if agent is not None else frozenset()
        ref = resolve_pronoun(patient, refs, want_police=False, exclude=exclude)
        sex = _PRONOUN_SEX.get(patient.lower_)
        if ref is None:
            return None, None, sex, 0.0
        if ref.name:
            return ref.name, ref.token, sex or ref.sex, 0.75
        return None, None, sex or ref.sex, 0.0
    ent = _person_ent(patient)
    if ent is not None and not is_official(ent) and not _is_place(ent):
        return clean_name(ent.text), ent.root, None, 0.95
    # a surname tagged ORG/GPE now and then: the person named in full earlier
    if patient.text[:1].isupper() and patient.pos_ != "PRON" and not _in_headline(patient):
        for ref in refs:
            if ref.name and not ref.police and ref.name.split()[-1] == patient.text:
                return clean_name(ref.name), patient, None, 0.85
    # "Sam Tairoa" tagged ORG/GPE now and then: a proper-noun patient is still a name,
    # but not in a headline, where every word is capitalised ("Man Shot By Police")
    if patient.pos_ == "PROPN" and not _in_headline(patient) and patient.lower_ not in PERSON_NOUNS:
        words = [patient]
        i = patient.i - 1
        while i >= 0:
            prev = patient.doc[i]
            if prev.text in _QUOTES and prev.head.i == patient.i:
                # a nickname in quotes: 'Christopher "Chris" Nakai' -> "Christopher Nakai"
                opening = next(
                    (j for j in range(i - 1, max(-1, i - 5), -1) if patient.doc[j].text in _QUOTES),
                    None,
                )
                if opening is None:
                    break
                i = opening - 1
                continue
            if prev.pos_ != "PROPN" or prev.dep_ not in ("compound", "nmod"):
                break
            words.insert(0, prev)
            i -= 1
        text = " ".join(t.text for t in words)
        if len(words) >= 2 and not _ORG_WORDS.search(text) and region_of(text) is None:
            return clean_name(text), patient, None, 0.6
    # "Sam Tairoa, a 22-year-old man shot by police": the name the description is apposed to
    if patient.dep_ == "appos":
        ent = _person_ent(patient.head)
        if ent is not None and not is_official(ent) and not _is_place(ent):
            return clean_name(ent.text), ent.root, _sex_of(patient), 0.85
    # "the man, Sam Tairoa," / "his son Sam"
    for c in patient.children:
        if c.dep_ == "appos":
            ent = _person_ent(c)
            if ent is not None and not _is_place(ent):
                return clean_name(ent.text), ent.root, _sex_of(patient), 0.85
        # "one of the accused, identified as Sam Tairoa," / "a man named as Sam Tairoa"
        if c.dep_ == "acl" and c.lemma_.lower() in ("identify", "name"):
            name = _named_as(c)
            if name is not None:
                return clean_name(name.text), name.root, _sex_of(patient), 0.8
    return None, None, _sex_of(patient), 0.0


def _quote_speaker(token: Token) -> Span | None:
    """Return the named civilian who says the quote `token` stands in ("said X", "X told")."""
    root = token.sent.root
    if root.lemma_.lower() not in _SPEECH_VERBS:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    ent = _person_ent(subj) if subj is not None else None
    if ent is None or is_official(ent) or _is_place(ent) or ent.start <= token.i:
        return None  # the speaker is named after the quote, outside it
    return ent


def _proper_run(doc: Doc, start_char: int) -> Span | None:
    """Return the proper nouns that start right after `start_char` ("X Y alias Z" -> "X Y"),
    when they read as a name and not as an officer, body or place."""
    first = next((t for t in doc if t.idx >= start_char), None)
    if first is None or first.pos_ != "PROPN" or first.idx - start_char > 2:
        return None
    end = first.i
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and end + 1 - first.i < 3:
        end += 1
    span = doc[first.i : end + 1]
    if OFFICIAL_TITLES_RE.search(span.text + " ") or _ORG_WORDS.search(span.text):
        return None
    if region_of(span.text) is not None or POLICE_RE.search(span.text):
        return None
    return span


def _named_as(verb: Token) -> Span | None:
    """Return the proper name after "identified as" / "named as", if it reads as a name."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if pobj is None or pobj.pos_ != "PROPN" or is_police(pobj):
        return None
    ent = ent_of(pobj)
    if ent is not None and ent.label_ == "PERSON":
        return None if is_official(ent) or _is_place(ent) else ent
    start = pobj.i
    while (
        start > 0 and pobj.doc[start - 1].pos_ == "PROPN" and pobj.doc[start - 1].dep_ == "compound"
    ):
        start -= 1
    span = pobj.doc[start : pobj.i + 1]
    if _ORG_WORDS.search(span.text) or region_of(span.text) is not None:
        return None
    return span


_QUOTES = frozenset(('"', "“", "”", "'", "‘", "’"))
_HONORIFIC_RE = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|sir|dame)\.?\s+", re.I)


def clean_name(text: str) -> str:
    """Return a name without honorifics and possessive: "Mr Smiler's" -> "Smiler"."""
    text = _HONORIFIC_RE.sub("", text.strip())
    return re.sub(r"(?:'s|’s)$", "", text).strip()


def _in_headline(token: Token) -> bool:
    """Return True when the token stands in the title (before the first blank line)."""
    head = token.doc.text.split("\n\n", 1)
    return len(head) == 2 and token.idx < len(head[0])


def _name_unnamed(
    doc: Doc,
    subjects: list[Subject],
    refs: list[Referent],
    victims: frozenset[int] | set[int] = frozenset(),
) -> None:
    """Give the only unnamed subject the name the story identifies them by."""
    unnamed = [s for s in subjects if s.name is None and s.count == 1]
    if len(unnamed) >= 1 and len(subjects) > 1:
        _name_described(doc, unnamed, subjects)
        return
    if len(unnamed) != 1 or len([s for s in subjects if s.name]) > 0:
        return
    agents = {ev.agent.i for s in subjects for ev in s.events if ev.agent is not None}
    for sent in doc.sents:
        m = _IDENTIFY_RE.search(sent.text)
        if not m:
            continue
        after = sent.start_char + m.end()
        for ent in sentence_ents(sent):
            if ent.label_ == "PERSON" and ent.start_char >= after and not is_official(ent):
                if _is_place(ent):
                    continue
                unnamed[0].name, unnamed[0].name_token = clean_name(ent.text), ent.root
                unnamed[0].name_conf = 0.85
                unnamed[0].heads.append(ent.root)
                return
        run = _proper_run(doc, after)  # "identified as Shadab alias Chuha": no entity
        if run is not None:
            unnamed[0].name, unnamed[0].name_token = clean_name(run.text), run.root
            unnamed[0].name_conf = 0.7
            unnamed[0].heads.append(run.root)
            return
    # "the man - Danukul Mokmool - appeared distressed", "the driver, Sam Tairoa,"
    for sent in doc.sents:
        for ent in sentence_ents(sent):
            before = doc.text[max(sent.start_char, ent.start_char - 30) : ent.start_char]
            if ent.label_ == "PERSON" and _APPOSED_NAME_RE.search(before) and not is_official(ent):
                if _is_place(ent):
                    continue
                unnamed[0].name, unnamed[0].name_token = clean_name(ent.text), ent.root
                unnamed[0].name_conf = 0.8
                unnamed[0].heads.append(ent.root)
                return
    # a narrative whose one named civilian is not a speaker: that is the subject
    # speakers by full name: "his sister, Dana Tairoa, said" leaves "Sam Tairoa" a candidate
    speakers = {r.name.lower() for r in refs if r.name and _speaker(r.token)}
    speaker_surnames = {name.split()[-1] for name in speakers}
    counts: dict[str, list[Referent]] = {}
    for ref in refs:
        if ref.name and not ref.police and ref.token.i not in agents | victims:
            name = ref.name.lower()
            if name in speakers or (" " not in name and name in speaker_surnames):
                continue
            counts.setdefault(name.split()[-1], []).append(ref)
    acting = {k: v for k, v in counts.items() if any(_subject_like(r.token) for r in v)}
    if len(acting) == 1:
        chosen = next(iter(acting.values()))
    elif len(counts) == 1 and len(next(iter(counts.values()))) >= 2:
        chosen = next(iter(counts.values()))
    else:
        return
    full = max(chosen, key=lambda r: len(r.name.split()))
    unnamed[0].name, unnamed[0].name_token = clean_name(full.name), full.token
    unnamed[0].name_conf = 0.55
    unnamed[0].heads.extend(r.token for r in chosen)


_DESCRIBED_NAME_RE = re.compile(
    r"\b(?:[Tt]he|[Aa])\s+(?P<noun>man|woman|boy|girl|teenager|teen|youth|suspect|driver|victim|"
    r"deceased)\s*(?:[-–—,]|\()\s*(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})"
)


def _name_described(doc: Doc, unnamed: list[Subject], subjects: list[Subject]) -> None:
    """With several subjects, name one only where the story apposes a name to the very
    noun it was described by, after its first event: "the man - Sam Tairoa - appeared"."""
    taken = {s.surname for s in subjects if s.name}
    for subj in unnamed:
        nouns = {h.lemma_.lower() for h in subj.heads if h.pos_ == "NOUN"}
        first = min(ev.sent.start for ev in subj.events)
        for sent in doc.sents:
            if sent.start <= first:
                continue
            for m in _DESCRIBED_NAME_RE.finditer(sent.text):
                span = doc.char_span(
                    sent.start_char + m.start("name"), sent.start_char + m.end("name")
                )
                if span is None or m.group("noun").lower() not in nouns:
                    continue
                if not all(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span):
                    continue
                if OFFICIAL_TITLES_RE.search(span.text + " ") or _is_place(span):
                    continue
                surname = span.text.split()[-1].lower()
                if surname not in taken:
                    subj.name, subj.name_token, subj.name_conf = (
                        clean_name(span.text),
                        span.root,
                        0.7,
                    )
                    subj.heads.append(span.root)
                    taken.add(surname)
                    break
            if subj.name:
                break


_SUBJECT_VERBS = frozenset(
    """die injure wound shoot kill hospitalise hospitalize taser tase restrain arrest charge
    identify name confront threaten flee run point wield brandish carry refuse lunge attack
    pronounce""".split()
)
_SPEECH_VERBS = frozenset("say tell add speak state explain describe confirm".split())


#: people named beside the subject who are not the subject: "the man's mother, X"
_BYSTANDER_ROLES = frozenset(
    """mother father parent parents stepmother stepfather wife husband partner fiancee fiance
    sister brother aunt uncle cousin grandmother grandfather grandparent friend neighbour
    neighbor lawyer attorney solicitor barrister counsel spokesperson spokesman spokeswoman
    witness""".split()
)


def _speaker(token: Token) -> bool:
    """Return True for a person quoted or cited ("X said", "said X", "according to X"),
    or named by their tie to someone else ("the man's mother, X, told reporters")."""
    head = token.head
    if token.dep_ == "appos" and head is not token:
        if head.lemma_.lower() in _BYSTANDER_ROLES and any(c.dep_ == "poss" for c in head.children):
            return True
        return _speaker(head)
    if token.dep_ == "nsubj" and head.lemma_.lower() in _SPEECH_VERBS:
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


def _subject_like(token: Token) -> bool:
    """Return True when a named person acts or suffers like a subject, not a speaker."""
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass"):
        lemma = head.lemma_.lower()
        return lemma in _SUBJECT_VERBS and lemma not in _SPEECH_VERBS
    # "Sam Tairoa, 34," with an age in apposition
    return any(c.dep_ == "appos" and c.like_num for c in token.children)
