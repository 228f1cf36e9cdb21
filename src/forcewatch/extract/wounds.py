"""Force told through the wound: "he suffered a gunshot wound", "taken to hospital with
gunshot injuries", "died of gunshot wounds".

News often says who was hurt without a shooting verb: the person is the subject of
sustain/suffer/receive, or of the verb the "with ... wound" phrase hangs on. These
events have no agent; like "he was shot", they count as police force only where the
story puts police gunfire next to them (`subjects.find_subjects` decides that).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from forcewatch.extract.events import ForceEvent, count_of, is_person, is_police
from forcewatch.records import Force

#: nouns naming the wound
_WOUND_NOUNS = frozenset("wound wounds injury injuries".split())
#: modifiers that make it a gunshot wound
_GUN_MODIFIERS = frozenset("gunshot gunshots bullet bullets gun shotgun firearm".split())
#: verbs whose subject bears the wound it takes as object
_BEAR_VERBS = frozenset("sustain suffer receive have take".split())
#: verbs whose subject is found, taken or treated "with" the wound
_WITH_VERBS = frozenset(
    """take rush fly transport airlift treat admit hospitalise hospitalize die remain""".split()
)  # not "found with gunshot wounds": that is how a crime scene is told
_FATAL_MODIFIERS = frozenset("fatal mortal lethal".split())
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


def _subject(verb: Token) -> Token | None:
    """Return the subject of `verb`, or of the verb it is conjoined to ("X was shot and
    died of his wounds")."""
    v = verb
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ in _SUBJECT_DEPS), None)
        for aux in (c for c in v.children if c.dep_ in ("aux", "auxpass")):
            # "X remains hospitalized with ...": the parser makes "remains" an auxiliary
            subj = subj or next((c for c in aux.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None:
            return subj
        if v.dep_ not in ("conj", "xcomp", "advcl") or v.head is v:
            return None
        v = v.head
    return None


def _bearer(noun: Token) -> tuple[Token | None, Token | None]:
    """Return (person, governing verb) for a wound noun, or (None, None)."""
    head = noun.head
    if noun.dep_ in ("dobj", "conj") and head.lemma_.lower() in _BEAR_VERBS:
        return _subject(head), head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in ("with", "of", "from")
        and head.head.pos_
        in (
            "VERB",
            "AUX",
        )
    ):
        verb = head.head
        if verb.lemma_.lower() in _WITH_VERBS:
            return _subject(verb), verb
    return None, None


def wound_events(sent: Span, found: list[ForceEvent]) -> list[ForceEvent]:
    """Return one event per person said to bear a gunshot wound in `sent`."""
    out: list[ForceEvent] = []
    taken = {e.patient.i for e in found if e.patient is not None}
    for tok in sent:
        if tok.lower_ not in _WOUND_NOUNS or tok.pos_ != "NOUN":
            continue
        mods = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        if not mods & _GUN_MODIFIERS:
            continue
        left = " ".join(t.lower_ for t in tok.subtree if t.i < tok.i)
        if "self" in left or "inflicted" in left:
            continue  # "a self-inflicted gunshot wound" is no use of force
        patient, verb = _bearer(tok)
        if patient is None or verb is None or patient.i in taken:
            continue
        if patient.lower_ in ("who", "that") and patient.head.dep_ == "relcl":
            patient = patient.head.head
        if not is_person(patient, lenient=True):
            continue
        fatal = bool(mods & _FATAL_MODIFIERS) or verb.lemma_.lower() == "die"
        out.append(
            ForceEvent(
                sent=sent,
                trigger=tok,
                force=Force.FIREARM,
                agent=None,
                police_agent=None,
                patient=patient,
                officer_patient=is_police(patient),
                count=count_of(patient),
                fatal=fatal,
                passive=True,
                hit=True,
                confidence=0.6,
            )
        )
        taken.add(patient.i)
    return out
