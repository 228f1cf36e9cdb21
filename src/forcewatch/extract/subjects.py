"""Group force events into subjects: the people police used force on.

A subject gathers the events that concern one person: by name (a full name and
later surname-only mentions), by pronoun (resolved to the nearest earlier
person of the same number) and by description ("a man" ... "the man").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from forcewatch.extract.docindex import index
from forcewatch.extract.events import ForceEvent, events_in, is_police, name_word
from forcewatch.extract.groups import name_group
from forcewatch.extract.naming import (
    describe,
    expand_names,
    name_unnamed,
    other_first_name,
)
from forcewatch.extract.patterns.lexicon import (
    POLICE_RANK_RE,
    POLICE_RE,
)
from forcewatch.extract.people import (
    Referent,
    Subject,
    referents,
    resolve_pronoun,
)
from forcewatch.extract.wounds import wound_events
from forcewatch.records import Force

__all__ = ["Subject", "find_subjects"]


_NEW_REFERENT_WORDS = frozenset(("another", "second", "third", "other", "fourth"))


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
    shooters = _civilian_shooters(doc, events)
    police_fired = any(ev.police_agent and ev.force == Force.FIREARM for ev in events)
    for ev in pending:
        if ev.patient is None:
            continue
        subj = _match(ev, subjects, refs, create=False)
        here = ix.sentence_index(ev.sent.start)
        # another shooter in the story, unless the only one is this very person ("he had
        # killed his girlfriend ... he refused to drop the weapon and was shot")
        civilian = any(a is None or not _same_person(a, ev.patient) for a in shooters)
        near_fire = any(abs(here - s) <= 1 for s in fire_sents)  # police fired next to it
        if subj is not None:
            subj.events.append(_with_conf(ev, 0.7))
            subj.heads.append(ev.patient)
        elif here == 0 and subjects:
            continue  # the headline sums up people the story tells of: no one new
        elif _promotable(ev) and (
            near_fire
            or (
                not civilian
                and (
                    _police_nearby(ev, window=0)
                    or (not subjects and (police_fired or _police_nearby(ev, window=2)))
                    or (not subjects and _police_on_scene(ev, refs))
                )
            )
        ):  # police fired at no one found yet, or are named in the sentence
            # "when officers arrived ... X was shot and killed": no one else is said to shoot
            _attach(_with_conf(ev, 0.6), subjects, refs)
        elif civilian:  # "the other victim, X, 30, was shot": the gunman's, not police's
            victims.add(ev.patient.i)
            victims.update(c.i for c in ev.patient.children if c.dep_ == "appos")
    # shots fired at no one in particular: a subject described elsewhere, shots missed
    if not subjects and not any(ev.officer_patient for ev in events):
        for ev in events:
            if ev.police_agent and ev.patient is None and ev.aimed:
                subjects.append(Subject(events=[_with_conf(ev, 0.55)]))
                break
    if not subjects:  # "officers opened fire", "the deputy fired twice": at the person
        # the story is about, whom no sentence names as the one shot at
        for ev in events:
            if _fired_without_target(ev):
                fired = Subject(events=[_with_conf(ev, 0.5)])
                target = _confronted(ev, refs, victims)
                if target is not None:  # the name is inferred: less sure than a stated one
                    name, name_tok, sex, name_conf = describe(target, refs, None)
                    fired.name, fired.name_token, fired.sex = name, name_tok, sex
                    fired.name_conf = name_conf * 0.8
                    fired.heads.append(target)
                subjects.append(fired)
                break
    name_unnamed(doc, subjects, refs, victims)
    subjects = name_group(subjects, refs)
    expand_names(subjects, refs)
    return [s for s in subjects if s.events]


_SHOOTER_NOUNS = frozenset("gunman gunmen shooter shooters attacker attackers sniper".split())


def _civilian_shooters(doc: Doc, events: list[ForceEvent]) -> list[Token | None]:
    """Return the people the story says shot a civilian who are not police (their agent
    tokens; None for a shooter only named as "a gunman")."""
    found: list[Token | None] = [
        ev.agent
        for ev in events
        if ev.police_agent is False
        and not ev.officer_patient
        and not (ev.patient is not None and ev.patient.pos_ == "PRON")  # "fired on them"
    ]
    if found:
        return found
    # a gunman police shot is the subject, not another shooter ("the gunman was shot");
    # "an active shooter call" names no one
    if any(ev.patient is not None and ev.patient.lower_ in _SHOOTER_NOUNS for ev in events):
        return []
    if any(t.lower_ in _SHOOTER_NOUNS and t.dep_ not in ("compound", "amod") for t in doc):
        return [None]
    return []


#: what police fire when they fire at no one named: "fired two shots", "opened fire"
_FIRED_OBJECTS = frozenset(
    "fire gunfire shot shots round rounds bullet bullets weapon weapons gun guns firearm "
    "firearms pistol pistols rifle rifles handgun sidearm".split()
)
_NOT_AT_A_PERSON = frozenset(
    "warning air tyre tyres tire tires dog dogs animal animals ground sky".split()
)


_ACCIDENTAL_RE = re.compile(
    r"\b(?:accidental(?:ly)? discharg|negligent discharg|by accident\b|"
    r"accidentally (?:fired|discharged|went off))",
    re.I,
)


def _fired_without_target(ev: ForceEvent) -> bool:
    """Return True for police gunfire with no target said ("officers opened fire", "a
    deputy fired a shot", "police returned fire"): gunfire at the person the story is
    about. Not warning shots, shots into the air, at tyres or at a dog."""
    if not ev.police_agent or ev.patient is not None or ev.aimed or ev.trigger is None:
        return False
    verb = ev.trigger
    if verb.lemma_.lower() not in ("fire", "open", "return", "discharge", "shoot"):
        return False
    if verb.dep_ in ("xcomp", "acl") and verb.tag_ in ("VB", "VBG"):
        return False  # "forced to open fire", "a decision to fire": not that they did
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() not in _FIRED_OBJECTS:
        return False  # "shot a dog"
    back = any(c.lower_ == "back" for c in verb.children)
    if obj is None and not back:  # a bare "officer shot" / "officer fired" in a headline
        # is a passive ("officer (was) fired"): only a finite verb in a finished sentence
        headline = not verb.sent.text.rstrip().endswith((".", "!", "?", '"', "”", "'"))
        if verb.tag_ != "VBD" or headline or index(verb.doc).sentence_index(verb.i) == 0:
            return False
    if any(t.lower_ in _NOT_AT_A_PERSON for t in verb.subtree):
        return False
    return not any(_ACCIDENTAL_RE.search(s.text) for s in index(verb.doc).sents)


def _confronted(ev: ForceEvent, refs: list[Referent], victims: set[int]) -> Token | None:
    """Return the person police fired at when no sentence says it: the one person, not
    police, acting in the sentences up to the gunfire ("he aimed his gun at the deputy,
    who fired"), else None."""
    ix = index(ev.sent.doc)
    idx = ix.sentence_index(ev.sent.start)
    first = ix.sents[max(0, idx - 3)].start
    acting = [
        r.token
        for r in refs
        if first <= r.token.i < ev.trigger.i
        and not r.police
        and not r.plural
        and r.token.i not in victims
        and r.token.dep_ in ("nsubj", "nsubjpass")
    ]
    if not acting:
        return None
    names = {r.name for r in refs if r.token in acting and r.name}
    last = acting[-1]
    # two named people acting: which one police fired at is not said
    return last if len(names) <= 1 else None


def _same_person(a: Token, b: Token) -> bool:
    """Return True when two mentions are written as the same person: the same pronoun or
    the same name word ("he" ... "he", "Rawlinson" ... "Rawlinson")."""
    if a.i == b.i:
        return True
    if a.pos_ == "PRON" or b.pos_ == "PRON":
        return a.lower_ == b.lower_ and a.lower_ in ("he", "she")
    return a.pos_ == "PROPN" and b.pos_ == "PROPN" and a.lower_ == b.lower_


_SHOT_RE = re.compile(
    r"\b(?:shot|shooting|gunfire|gunshot|fired|bullet|gun ?battle|gunfight|shoot-?out|"
    r"exchange of fire|exchanged fire)",
    re.I,
)


def _promotable(ev: ForceEvent) -> bool:
    """Return True for "X was shot (and killed)": a passive shooting whose agent is unsaid.
    Not "X had been shot": that tells what happened before the story's action."""
    if not ev.passive:
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in ev.trigger.children):
        return False
    lemma = ev.trigger.lemma_.lower()
    if lemma in ("shoot", "gun", "wound", "injury", "taser", "tase", "shock", "stun"):
        return True
    if lemma != "kill":
        return False
    # "a gun battle followed. X was killed": the shots may be told a sentence or two before
    ix = index(ev.sent.doc)
    idx = ix.sentence_index(ev.sent.start)
    return any(_SHOT_RE.search(s.text) for s in ix.sents[max(0, idx - 2) : idx + 1])


def _police_nearby(ev: ForceEvent, window: int = 2) -> bool:
    """Return True when police are named in the event's sentence or the `window` before it."""
    ix = index(ev.sent.doc)
    idx = ix.sentence_index(ev.sent.start)
    return any(POLICE_RE.search(s.text) for s in ix.sents[max(0, idx - window) : idx + 1])


#: what police do at the scene before force: "officers arrived", "deputies ordered him"
_SCENE_LEMMAS = frozenset(
    """arrive respond approach confront order tell command chase pursue surround corner
    enter encounter stop spot follow try attempt""".split()
)


def _police_on_scene(ev: ForceEvent, refs: list[Referent], window: int = 4) -> bool:
    """Return True when police are the ones acting at the scene in the sentences before an
    unattributed "X was shot": "when they arrived ... he refused to drop the weapon and was
    shot". Not for "had been shot" (before police came)."""
    ix = index(ev.sent.doc)
    idx = ix.sentence_index(ev.sent.start)
    for sent in ix.sents[max(0, idx - window) : idx + 1]:
        for tok in sent:
            if tok.lemma_.lower() not in _SCENE_LEMMAS or tok.i >= ev.trigger.i:
                continue
            actor = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if actor is None:
                continue
            if actor.lower_ == "they":
                ref = resolve_pronoun(actor, refs, want_police=None)
                if ref is not None and ref.police:
                    return True
            elif is_police(actor):
                return True
    return False


def _with_conf(ev: ForceEvent, conf: float) -> ForceEvent:
    from dataclasses import replace

    return replace(ev, confidence=min(ev.confidence, conf), police_agent=True)


def _pronoun_agent_is_police(ev: ForceEvent, refs: list[Referent]) -> bool | None:
    agent = ev.agent
    if agent is not None and (agent.pos_ == "PROPN" or name_word(agent)):
        surname = agent.text.lower()
        for ref in refs:
            if ref.token.i < agent.i and ref.name and ref.name.split()[-1].lower() == surname:
                if ref.police:
                    return True
                break
        # an officer by the rank before this or an earlier mention of the name ("Sgt. Lynn
        # Thomas fired", "Officers Carter and Stanley ... Stanley shot him")
        doc = agent.doc
        return any(
            POLICE_RANK_RE.search(doc[max(0, t.i - 6) : t.i].text + " ")
            for t in doc[: agent.i + 1]
            if t.lower_ == surname
        )
    if ev.passive:
        return None  # "X said ..., but one was shot": the shooter is not X
    verb = ev.trigger
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None and agent is not None and agent.pos_ == "PRON" and verb.tag_ == "VBG":
        # the firer of a participle clause, found by the event ("they returned fire,
        # killing him")
        subj = agent
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
    name, name_tok, sex, name_conf = describe(patient, refs, ev.agent)
    if name is not None:
        surname = name.split()[-1].lower()
        for s in subjects:
            if other_first_name(name, s.name):
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
