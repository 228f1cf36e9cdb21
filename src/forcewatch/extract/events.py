"""Find force events in parsed sentences: who used force on whom, and how.

A force event is a verb of force (shoot, fire at, kill, taser, restrain, bite,
strike...) whose agent and patient are read from the dependency parse, in the
active ("officers shot the man"), passive ("he was shot by police"), reduced
relative ("a man shot by police") and nominal ("the police shooting of X",
"killed in an encounter with police") forms. The event records whether the
agent is police, whether the patient is an officer (the story is then about an
attack on police), and the words that describe the patient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from forcewatch.extract.docindex import ent_of
from forcewatch.extract.patterns.lexicon import (
    FORCE_VERBS,
    GENERIC_PLURALS,
    IRREGULAR_FORMS,
    NON_PERSON_NOUNS,
    OVERSIGHT_RE,
    PERSON_NOUNS,
    POLICE_LEMMAS,
    POLICE_RE,
)
from forcewatch.records import Force

_GENERIC_AGENT_LEMMAS = frozenset("agent squad team unit force personnel member staff".split())
_POLICE_MODIFIERS = frozenset(
    """police armed tactical swat rcmp garda federal state county sheriff's response
    special firearms trooper""".split()
)
_VEHICLE_NOUNS = frozenset("car vehicle cruiser van suv truck ute patrol squad".split())
_DOG_NOUNS = frozenset("dog k9 k-9 canine".split())
_GUN_NOUNS = frozenset("gunshot gunfire bullet shot round fire weapon gun firearm".split())
_FIREFIGHT_NOUNS = frozenset("exchange shootout shoot-out firefight gunfight gunbattle".split())
_EVENT_NOUNS = frozenset("shooting encounter shootout shoot-out exchange fire gunfire".split())
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "both": 2}
_FIRE_PREPS = frozenset("at on upon into".split())
_WEAPON_OBJECTS = frozenset(
    "fire shot shots round rounds bullet bullets weapon weapons gun guns firearm firearms "
    "taser tasers pistol rifle".split()
)
_TITLE_WORDS = frozenset(
    "officer constable const sergeant sgt deputy trooper detective det inspector patrolman "
    "corporal cpl".split()
)
_USE_VERBS = frozenset(("use", "deploy", "fire", "discharge", "aim", "point"))
_TASER_OBJECTS = frozenset(("taser", "stun", "tasers", "conducted", "cew", "dart", "darts"))
_FIRE_ONLY = frozenset(("open", "fire", "shoot", "discharge"))
_PRONOUNS = frozenset("he him she her they them who whom me".split())  # "me": a quote
_CONTEXT_FORCE = (
    (
        re.compile(
            r"\b(?:shot|shoot|gun|fired|fire|firing|bullet|shooting|encounter|firearm)", re.I
        ),
        Force.FIREARM,
    ),
    (re.compile(r"\b(?:taser|tase|stun gun)", re.I), Force.TASER),
    (re.compile(r"\b(?:restrain|chokehold|pinned|prone|neck)", re.I), Force.RESTRAINT),
    (re.compile(r"\bpolice (?:dog|k9)", re.I), Force.DOG),
    (re.compile(r"\b(?:struck|hit|run over|ran over) by (?:a |the )?police", re.I), Force.VEHICLE),
)


@dataclass(frozen=True)
class ForceEvent:
    """One use of force read from one sentence."""

    sent: Span
    trigger: Token
    force: Force | None
    agent: Token | None
    police_agent: bool | None  # True: police used force; False: someone else; None: not said
    patient: Token | None  # head token of the person force was used on
    officer_patient: bool  # the patient is a police officer
    count: int = 1  # people named by the patient phrase ("two men" -> 2)
    fatal: bool = False  # the verb itself says the person died ("killed", "shot dead")
    aimed: bool = False  # shots fired at something named ("fired at the car")
    passive: bool = False  # "he was shot": the agent, if any, follows "by"
    hit: bool = True  # the verb says the person was struck ("fired at" says not)
    confidence: float = 0.8


def is_police(token: Token) -> bool:
    """Return True when the noun phrase headed by `token` names police."""
    if token.like_num or token.lower_ in ("one", "some", "all", "both", "each", "none"):
        # "three of the officers", "three out of four of the officers"
        for t in token.subtree:
            if t.dep_ == "pobj" and t is not token and is_police(t):
                return True
        return False
    lemma = token.lemma_.lower()
    text = token.lower_
    if text in ("another", "others") and token.dep_ == "conj" and token.head.i != token.i:
        return is_police(token.head)  # "the officer and another fired at him"
    mods = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod")}
    if lemma == "handler" and ("dog" in mods or "police" in mods):
        return True  # a (police) dog handler
    if lemma in _GENERIC_AGENT_LEMMAS or text in _GENERIC_AGENT_LEMMAS:
        if bool(mods & _POLICE_MODIFIERS) or any(POLICE_RE.fullmatch(m) for m in mods):
            return True
        # "a member of the Garda Armed Support Unit", "officers of the tactical team"
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = _child(of, "pobj") if of is not None else None
        return pobj is not None and (is_police(pobj) or bool(POLICE_RE.search(_ent_text(pobj))))
    if lemma in POLICE_LEMMAS or text in POLICE_LEMMAS:
        return True
    if text == "authorities" and token.ent_type_ == "":
        return True  # "shot and killed by authorities": the law-enforcement sense of the plural
    if token.ent_type_ == "ORG" and POLICE_RE.search(_ent_text(token)):
        return True
    if token.pos_ == "PROPN":  # "police officer Scott Mars", "Constable Jane Hill"
        for c in token.children:
            if c.dep_ in ("compound", "appos") and (
                c.lemma_.lower() in POLICE_LEMMAS or c.lower_ in _TITLE_WORDS
            ):
                return True
    return False


def _ent_text(token: Token) -> str:
    ent = ent_of(token)
    return ent.text if ent is not None else token.text


def _police_instrument(token: Token) -> Force | None:
    """Return the force when `token` is a police car, dog, gun or Taser ("an officer's
    gunshot", "police bullets"), else None."""
    mod_toks = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    mods = {c.lower_ for c in mod_toks}
    police_mod = (
        bool(mods & _POLICE_MODIFIERS)
        or any(POLICE_RE.fullmatch(m) for m in mods)
        or any(c.dep_ == "poss" and is_police(c) for c in mod_toks)
    )
    if token.lemma_.lower() in _GUN_NOUNS and (police_mod or _police_fired_before(token)):
        return Force.FIREARM
    if token.lower_ in _TASER_OBJECTS and police_mod:
        return Force.TASER
    if token.lower_ in _VEHICLE_NOUNS and police_mod:
        return Force.VEHICLE
    if token.lower_ in _DOG_NOUNS and police_mod:
        return Force.DOG
    return None


def _police_fired_before(token: Token) -> bool:
    """Return True for "the deputy fired several shots, and one bullet struck him": a
    bullet whose firer, earlier in the sentence, is police."""
    for tok in token.sent:
        if tok.i >= token.i:
            return False
        if tok.lemma_.lower() in ("fire", "shoot", "discharge") and tok.pos_ == "VERB":
            firer = _child(tok, "nsubj")
            if firer is not None and is_police(firer):
                return True
    return False


def _child(token: Token, *deps: str) -> Token | None:
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


#: verbs that say their object did the next verb: "prompting the officer to shoot him"
#: ("used a dog to tackle him", "ordered them to fire" do not say it happened)
_MADE_TO = frozenset("prompt force cause lead compel oblige".split())
#: "a man accused of shooting ...", "charged with killing ...": the accused did it
_ACCUSED_OF = frozenset(
    "accuse charge suspect convict arrest want jail sentence guilty acquit indict".split()
)


def _accused(verb: Token) -> Token | None:
    """Return who is accused of the gerund `verb`: "the man charged with killing her" ->
    man, "he was accused of shooting" -> he, "police accused him of firing" -> him."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.head is prep:
        return None
    head = prep.head
    if head.lemma_.lower() not in _ACCUSED_OF:
        return None
    if head.dep_ == "acl" and head.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head.head
    found = _child(head, "nsubjpass") or _child(head, "dobj")
    if found is None and head.pos_ == "ADJ":  # "found guilty of killing"
        found = _child(head.head, "nsubjpass", "nsubj")
    if found is None:
        found = _child(head, "nsubj")
    if found is not None and found.lower_ in ("who", "that") and head.dep_ == "relcl":
        found = head.head
    return found


def _agent_of(verb: Token) -> tuple[Token | None, bool]:
    """Return (agent head token, passive?) for a force verb."""
    agent = _child(verb, "agent")
    if agent is None and _child(verb, "dobj") is None:
        # "shot and killed by police": the agent hangs on the last force verb (not a verb
        # of its own clause, "police shot him, and he was pronounced dead by medics", nor
        # another deed of the same subject, "deputies shot X and were cleared by a jury")
        agent = next(
            (
                _child(c, "agent")
                for c in verb.conjuncts
                if c.i > verb.i
                and _child(c, "nsubj", "nsubjpass") is None
                and (IRREGULAR_FORMS.get(c.lower_) or c.lemma_.lower()) in FORCE_VERBS
            ),
            None,
        )
    if agent is not None:
        pobj = _child(agent, "pobj")
        return pobj, True
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD"):  # "a man shot by police"
        passive = True
    if _be_complement(verb):  # "... and was Tased": the participle read as an adjective
        passive = True
    if passive:
        return None, True
    subj = _child(verb, "nsubj")
    v = verb
    if subj is None and verb.dep_ == "relcl":  # "officers who shot him"
        return verb.head, False
    if subj is None and verb.dep_ in ("ROOT", "conj"):  # before the climb to a verb it
        subj = _adjacent_subject(verb)  # is coordinated with: that one's subject differs
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp"):
        # "the gunman fired at him, striking him": the firer of the same sentence
        for t in reversed(list(verb.sent[: verb.i - verb.sent.start])):
            if (
                t.lemma_.lower() in ("fire", "shoot", "open", "discharge", "return")
                and t.i < verb.i
            ):
                firer = _child(t, "nsubj") or _adjacent_subject(t)
                if firer is not None:
                    return firer, False
                break
    if _headline_passive(verb):  # "Officer shot and wounded" as a headline
        return None, True
    if verb.tag_ == "VBG" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head, False  # "the officers shooting and killing him"
    if verb.tag_ == "VBG" and verb.i > verb.sent.start and _child(verb, "nsubj") is None:
        before = verb.doc[verb.i - 1]  # "resulted in the officers shooting him", read apart
        if before.dep_ == "pobj" and before.pos_ == "NOUN" and is_person(before):
            return before, False
    if verb.tag_ == "VBG":
        accused = _accused(verb)
        if accused is not None:
            return accused, False
    # "police shot and killed him", "officers opened fire, killing him"
    while subj is None and v.dep_ in ("conj", "advcl", "xcomp", "pcomp") and v.head is not v:
        if v.dep_ == "xcomp" and v.tag_ == "VB" and v.head.lemma_.lower() in _MADE_TO:
            obj = _child(v.head, "dobj")  # "prompting three officers to shoot and kill him"
            if obj is not None:
                return obj, False
        v = v.head
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
            return None, True
        subj = _child(v, "nsubj")
    if subj is not None and subj.lower_ in ("who", "that") and v.dep_ == "relcl":
        subj = v.head
    if subj is None:  # "The deputy shot and killed him" read with "deputy" as a compound
        subj = next(
            (c for c in v.lefts if c.dep_ == "compound" and c.pos_ == "NOUN" and is_person(c)),
            None,
        )
    if subj is not None and subj.pos_ == "NOUN" and not is_person(subj):
        # "he raised the rifle and deputy Jo Reyes fired", read as "the rifle and Reyes fired"
        subj = next((c for c in subj.conjuncts if is_person(c) or is_police(c)), subj)
    return subj, False


def _adjacent_subject(verb: Token) -> Token | None:
    """Return the name or noun right before a finite verb the parse left without a
    subject: "... and officer Jo Reyes fired back" read with "Reyes" as one of the people
    shot at, "deputy Sam Lee shot him" with the name hung on an earlier noun."""
    if verb.tag_ != "VBD" or _child(verb, "nsubj", "nsubjpass", "expl") is not None:
        return None
    j = verb.i - 1
    while j >= verb.sent.start and verb.doc[j].pos_ == "ADV":
        j -= 1  # "officer Reyes then fired"
    if j < verb.sent.start:
        return None
    before = verb.doc[j]
    if before.pos_ not in ("PROPN", "NOUN") or (before.head.i == verb.i and before.dep_ != "nsubj"):
        return None
    return before


def _be_complement(verb: Token) -> bool:
    """Return True for a participle the parser hangs on "was" as an adjective: "and was
    Tased multiple times"."""
    return verb.tag_ == "VBN" and verb.dep_ == "acomp" and verb.head.lemma_.lower() == "be"


def _headline_passive(verb: Token) -> bool:
    """Return True for "X shot" with no object: in news (headlines) that means X was shot."""
    if verb.lemma_.lower() not in ("shoot", "wound", "kill") or verb.tag_ not in ("VBD", "VBN"):
        return False
    if any(
        c.dep_ in ("dobj", "prt", "aux", "auxpass", "advmod", "ccomp", "xcomp")
        for c in verb.children
    ):
        return False
    if any(c.dep_ == "prep" and c.lower_ in _FIRE_PREPS for c in verb.children):
        return False
    v = verb
    while v.dep_ == "conj":
        v = v.head
    subj = _child(v, "nsubj")
    if subj is None or subj.i > verb.i:
        return False
    # no object anywhere in the coordination either ("shot and killed a man")
    return not any(_child(c, "dobj") is not None for c in verb.conjuncts)


def _patient_of(verb: Token, passive: bool) -> Token | None:
    """Return the head token of the person force was used on."""
    if passive and _headline_passive(verb):
        v = verb
        while v.dep_ == "conj":
            v = v.head
        return _child(v, "nsubj")
    if passive:
        subj = _child(verb, "nsubjpass")
        if subj is not None and subj.lemma_ in _WEAPON_OBJECTS:  # "shots were fired at him"
            subj = None
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in _FIRE_PREPS:
                    return _child(c, "pobj")
            return None
        if subj is not None:
            return subj
        if verb.dep_ == "acl":
            return verb.head
        if _child(verb, "agent") is not None and _child(verb, "nsubj") is not None:
            return _child(verb, "nsubj")  # a headline passive read as active: "man shot by police"
        if verb.dep_ in ("pcomp", "advcl", "xcomp"):  # "a man is in hospital after being shot"
            v = verb.head.head if verb.head.dep_ == "prep" else verb.head
            subj = _child(v, "nsubj", "nsubjpass")
            if subj is not None:
                return subj
        v = verb
        # "was soon after shot and killed by police", read with "shot" as a noun: with a
        # "by" agent, climb through the misread preposition to the clause's subject too
        # ("he refused to drop the axe and was shot": on through the infinitive too)
        climb = (
            ("conj", "xcomp", "pobj", "prep")
            if _child(verb, "agent") is not None
            else ("conj", "xcomp")
        )
        if _be_complement(verb):
            climb = ("acomp", *climb)
        for _ in range(6):
            if v.dep_ not in climb or v.head is v:
                break
            v = v.head
            subj = _child(v, "nsubjpass", "nsubj")
            if subj is not None:
                return subj
        return None
    obj = _child(verb, "dobj")
    if obj is not None and (obj.lemma_ in _WEAPON_OBJECTS or obj.lower_ in _TASER_OBJECTS):
        obj = None
    if obj is None:
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in _FIRE_PREPS:
                obj = _child(c, "pobj")
                if obj is not None:
                    break
    if obj is None:
        for c in verb.children:  # "shot and killed Sam Tairoa": object on the conjunct
            if c.dep_ == "conj" and c.lemma_ in FORCE_VERBS:
                obj = _child(c, "dobj")
                if obj is not None:
                    break
    return obj


def count_of(patient: Token) -> int:
    if patient.like_num and patient.lower_ != "one":  # "two of the suspects"
        n = _NUMBER_WORDS.get(patient.lower_) or (
            int(patient.text) if patient.text.isdigit() else 1
        )
        return n if 1 <= n <= 9 else 1
    left = patient.i - 1  # "three armed men", "Three wanted criminals": however parsed
    while (
        left >= 0
        and patient.doc[left].head.i == patient.i
        and patient.doc[left].dep_
        in (
            "amod",
            "compound",
        )
    ):
        left -= 1
    if left >= 0 and patient.tag_ in ("NNS", "NNPS") and left < patient.i - 1:
        n = _NUMBER_WORDS.get(patient.doc[left].lower_)
        if n:
            return n
    for c in patient.children:
        if c.dep_ == "nummod":
            n = _NUMBER_WORDS.get(c.lower_)
            if n is None and c.text.isdigit():
                n = int(c.text)
            if n and patient.tag_ in ("NNS", "NNPS"):
                return n
        if c.lower_ == "both" and patient.tag_ == "NNS":
            return 2
    return 1


def _is_generic(patient: Token) -> bool:
    """Return True for statistics ("40 people") rather than a specific person."""
    if patient.lemma_.lower() in GENERIC_PLURALS or patient.lower_ in GENERIC_PLURALS:
        return True
    if patient.tag_ == "NNS":
        for c in patient.children:
            if (
                c.dep_ == "nummod"
                and c.text.replace(",", "").isdigit()
                and int(c.text.replace(",", "")) > 6
            ):
                return True
    return patient.lower_ in ("anyone", "everyone", "someone", "nobody", "people")


def _instrument_agent(tok: Token) -> Force | None:
    """Return vehicle/dog when a police car or dog is the agent of `tok`."""
    agent = _child(tok, "agent")
    pobj = _child(agent, "pobj") if agent is not None else None
    return _police_instrument(pobj) if pobj is not None else None


def _taser_instrument(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "with":
            pobj = _child(c, "pobj")
            if pobj is not None and (
                pobj.lower_ in _TASER_OBJECTS
                or any(x.lower_ in _TASER_OBJECTS for x in pobj.children)
            ):
                return True
    return False


def _death_after_force(sent: Span, die: Token) -> list[ForceEvent]:
    """Return "died after being restrained by officers" as a fatal force event."""
    agent = _child(die, "agent")
    pobj = _child(agent, "pobj") if agent is not None else None
    force = None
    for t in die.subtree:
        kind = FORCE_VERBS.get(IRREGULAR_FORMS.get(t.lower_) or t.lemma_.lower())
        if kind and t.i > die.i:
            force = Force(kind)
            break
    if pobj is None or not is_police(pobj) or force is None:
        return []
    patient = _child(die, "nsubj")
    if patient is not None and patient.lower_ in ("who", "that") and die.dep_ == "relcl":
        patient = die.head
    if patient is None or not is_person(patient) or is_police(patient):
        return []
    return [
        ForceEvent(
            sent=sent,
            trigger=die,
            force=force,
            agent=pobj,
            police_agent=True,
            patient=patient,
            officer_patient=False,
            fatal=True,
            hit=True,
            confidence=0.85,
        )
    ]


def _hypothetical(tok: Token) -> bool:
    """Return True for force in a condition: "whenever a person is injured", "if shot"."""
    for t in (tok, *tok.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in ("whenever", "if", "unless") for c in t.children):
            return True
        if t.dep_ in ("ROOT",):
            break
    return False


def _under_without(tok: Token) -> bool:
    """Return True for "without a shot being fired", "without firing"."""
    return any(a.lower_ == "without" for a in tok.ancestors) or any(
        c.lower_ == "without" for c in tok.children
    )


def _taser_object(verb: Token) -> bool:
    obj = _child(verb, "dobj")
    return obj is not None and (
        obj.lower_ in _TASER_OBJECTS or any(c.lower_ in _TASER_OBJECTS for c in obj.children)
    )


def _negated(token: Token) -> bool:
    return any(c.lower_ in ("no", "none") for c in token.children) or token.lower_ in (
        "nobody",
        "none",
    )


def is_person(token: Token, *, lenient: bool = False) -> bool:
    """Return True when the phrase headed by `token` can be a person.

    Lenient: any common noun but things ("the lover was shot"); strict: known person
    nouns only, for objects that are often things ("fired at the car").
    """
    if token.lower_ == "one" or token.like_num:
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = _child(of, "pobj") if of is not None else None
        if any(c.lower_ in PERSON_NOUNS for c in token.children if c.dep_ in ("acl", "amod")):
            return True  # "two accused were shot": the parser hangs the noun on the number
        if pobj is None and token.lower_ == "one" and token.dep_ == "nsubjpass":
            # "two suspects fled, but one was shot": "one" of the people just named
            return any(
                t.i < token.i and t.tag_ == "NNS" and t.lemma_.lower() in PERSON_NOUNS
                for t in token.sent
            )
        return pobj is not None and is_person(pobj, lenient=True) and not is_police(pobj)
    if token.lower_ in ("another", "other"):  # "one was killed and another wounded"
        return token.dep_ in ("nsubjpass", "nsubj", "dobj")
    if token.pos_ == "PRON":
        return token.lower_ in _PRONOUNS
    if token.ent_type_ == "PERSON" or token.pos_ == "PROPN":
        # the model tags names as GPE/ORG now and then; the object of "shot" is a person
        return token.ent_type_ not in ("DATE", "TIME", "MONEY", "CARDINAL") and not is_police(token)
    lemma = token.lemma_.lower()
    if (
        lemma in PERSON_NOUNS
        or token.lower_ in PERSON_NOUNS
        or lemma in POLICE_LEMMAS
        or is_police(token)
    ):
        return True
    if lenient and token.pos_ == "NOUN" and token.ent_type_ in ("", "NORP", "PERSON"):
        if lemma not in NON_PERSON_NOUNS and token.lower_ not in NON_PERSON_NOUNS:
            return True
    return any("year-old" in c.text or c.lower_ == "year" for c in token.subtree if c.i < token.i)


def _verb_force(verb: Token, sent: Span) -> Force | None:
    if (verb.lemma_.lower() in _USE_VERBS and _taser_object(verb)) or _taser_instrument(verb):
        return Force.TASER
    instrument = _instrument_agent(verb)
    if instrument is not None:
        return instrument
    kind = FORCE_VERBS.get(IRREGULAR_FORMS.get(verb.lower_) or verb.lemma_.lower())
    if kind is not None:
        return Force(kind)
    text = sent.text
    for pattern, force in _CONTEXT_FORCE:
        if pattern.search(text):
            return force
    return None


def _is_fatal(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "kill":
        return True
    if lemma == "gun" and any(c.lower_ == "down" for c in verb.children):
        return True  # "gunned down"
    return any(c.lower_ in ("dead", "fatally") for c in verb.children)


def events_in(sent: Span) -> list[ForceEvent]:
    """Return the force events of one sentence."""
    out: list[ForceEvent] = []
    for tok in sent:
        lemma = IRREGULAR_FORMS.get(tok.lower_) or tok.lemma_.lower()
        if _instrument_agent(tok) is not None and lemma not in FORCE_VERBS:
            lemma = "instrument"  # "knocked to the ground by a police dog"
        elif _taser_instrument(tok) and lemma not in FORCE_VERBS:
            lemma = "shock"  # "shocked him with a Taser"
        if tok.pos_ not in ("VERB", "AUX", "ADJ") and not (
            lemma in FORCE_VERBS and tok.tag_ in ("VBN", "VBD")
        ):
            continue
        if lemma in ("open", "return"):  # "opened fire", "returned fire"
            obj = _child(tok, "dobj")
            if obj is None or obj.lemma_ not in ("fire", "gunfire"):
                continue
            lemma = "open"
        elif lemma in _USE_VERBS and _taser_object(tok):
            pass
        elif lemma == "die":
            out.extend(_death_after_force(sent, tok))
            continue
        elif lemma not in FORCE_VERBS and lemma != "instrument":
            continue
        if lemma == "run" and not any(c.lower_ == "over" for c in tok.children):
            continue
        if any(c.dep_ == "neg" for c in tok.children) or _under_without(tok) or _hypothetical(tok):
            continue
        if any(c.lower_ == "sexually" for c in tok.children):
            continue  # a sexual assault is a crime, not use of force
        agent, passive = _agent_of(tok)
        patient = _patient_of(tok, passive)
        if (
            patient is not None
            and patient.lower_ in ("who", "that", "which")
            and patient.head.dep_ in ("relcl",)
        ):
            patient = patient.head.head
        if patient is not None and patient.dep_ == "relcl":
            patient = patient.head
        if agent is not None and any(c.lower_ in ("no", "neither") for c in agent.children):
            continue  # "no officers fired their weapons"
        if patient is not None and _is_generic(patient):
            continue
        if patient is None:
            if lemma in _FIRE_ONLY and agent is not None and is_police(agent):
                out.append(_event(sent, tok, agent, None, fire_only=True))
            continue
        if patient.lower_ in ("himself", "herself", "themselves") or _negated(patient):
            continue
        if not is_person(patient, lenient=lemma not in _FIRE_ONLY):
            if lemma in _FIRE_ONLY and agent is not None and is_police(agent):
                out.append(_event(sent, tok, agent, None, fire_only=True))
            continue
        out.append(_event(sent, tok, agent, patient))
        for other in patient.conjuncts:  # "police shot Thabo Nkosi and Sipho Dlamini"
            if other.i > patient.i and is_person(other) and not _is_generic(other):
                out.append(_event(sent, tok, agent, other))
    out.extend(_nominal_events(sent, out))
    out.extend(_encounter_events(sent, out))
    out.extend(_misparsed_shot(sent, out))
    return out


def _misparsed_shot(sent: Span, found: list[ForceEvent]) -> list[ForceEvent]:
    """Return "A deputy shot Marcus Bell" when the small model reads "shot" as a noun (with
    "deputy" as its compound or subject) and hangs the person on it: the verb the parse lost."""
    out: list[ForceEvent] = []
    taken = {e.patient.i for e in found if e.patient is not None}
    for tok in sent:
        if tok.lower_ != "shot" or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        agent = next(
            (c for c in tok.lefts if c.dep_ in ("compound", "nsubj") and is_police(c)), None
        )
        patient = next(
            (c for c in tok.rights if c.dep_ in ("appos", "dobj", "npadvmod", "attr")), None
        )
        if patient is None and tok.dep_ == "compound" and tok.head.i > tok.i:
            patient = tok.head  # "a deputy shot Patch" read as a deputy and a "shot Patch"
        if agent is None or patient is None or patient.i in taken:
            continue
        if is_person(patient) and not _is_generic(patient) and not _negated(patient):
            out.append(_event(sent, tok, agent, patient))
    return out


_ENCOUNTER_VERBS = frozenset(
    "arrest hold nab catch overpower injure die apprehend detain capture kill shoot wound".split()
)
_CUSTODY_RE = re.compile(
    r"\b(?:custodial death|death in (?:police |judicial )?custody|"
    r"died (?:in|while in|in the) (?:police )?custody|lock-?up death)\b",
    re.I,
)


def _encounter_events(sent: Span, found: list[ForceEvent]) -> list[ForceEvent]:
    """Return "arrested after an encounter with police" and custodial deaths as events."""
    out: list[ForceEvent] = []
    taken = {e.patient.i for e in found if e.patient is not None}
    for tok in sent:
        if tok.lemma_.lower() not in _ENCOUNTER_VERBS or tok.pos_ not in ("VERB", "AUX"):
            continue
        if not _in_encounter(tok):
            continue
        patient = _child(tok, "nsubjpass") or (
            _child(tok, "nsubj") if tok.lemma_.lower() == "die" else _child(tok, "dobj")
        )
        if patient is None or patient.i in taken or is_police(patient):
            continue
        if not is_person(patient, lenient=True) or _is_generic(patient):
            continue
        lemma = tok.lemma_.lower()
        out.append(
            ForceEvent(
                sent=sent,
                trigger=tok,
                force=Force.FIREARM,
                agent=None,
                police_agent=True,
                patient=patient,
                officer_patient=False,
                count=count_of(patient),
                fatal=lemma in ("die", "kill"),
                hit=lemma in ("injure", "die", "kill", "shoot", "wound"),
                confidence=0.75,
            )
        )
        taken.add(patient.i)
    m = _CUSTODY_RE.search(sent.text)
    if m and not found:
        span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
        patient = None
        if span is not None:
            for t in span:
                of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                if of is not None:
                    patient = _child(of, "pobj")
                if t.lemma_ == "die":
                    patient = _child(t, "nsubj")
            if span.root.lemma_ == "death":
                of = _of_prep(span.root)
                patient = _child(of, "pobj") if of is not None else patient
        if patient is not None and (not is_person(patient) or is_police(patient)):
            patient = None
        out.append(
            ForceEvent(
                sent=sent,
                trigger=span.root if span is not None else sent.root,
                force=Force.OTHER,
                agent=None,
                police_agent=True,
                patient=patient,
                officer_patient=False,
                fatal=True,
                hit=True,
                aimed=True,
                confidence=0.7,
            )
        )
    return out


def _of_prep(noun: Token) -> Token | None:
    """Return the "of" of a nominal event, also when the parser hangs it on a date told
    in between: "the death on Sunday of Sam Tairoa", "the shooting last week of a man"."""
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        return of
    for c in noun.children:
        when = _child(c, "pobj") if c.dep_ == "prep" else c if c.dep_ == "npadvmod" else None
        if when is not None and when.ent_type_ in ("DATE", "TIME"):
            of = next((g for g in when.children if g.dep_ == "prep" and g.lower_ == "of"), None)
            if of is not None:
                return of
    return None


def _in_encounter(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("after", "in", "during", "following"):
            pobj = _child(c, "pobj")
            if pobj is None:
                continue
            lemma = pobj.lemma_.lower()
            phrase = " ".join(t.lower_ for t in pobj.subtree)
            if lemma == "encounter" and "sexual" not in phrase:
                return True
            if lemma in ("exchange", "fire", "shootout", "firing", "gunfight") and (
                "police" in phrase or "retaliatory" in phrase or "cross" in phrase
            ):
                return True
    return False


def _event(
    sent: Span, verb: Token, agent: Token | None, patient: Token | None, fire_only: bool = False
) -> ForceEvent:
    force = _verb_force(verb, sent)
    police_agent: bool | None
    if verb.lemma_.lower() in ("open", "return"):
        force = Force.FIREARM
    if agent is None:
        police_agent = _in_police_event(verb)
    else:
        instrument = _police_instrument(agent)
        if instrument is not None:
            force = instrument
            police_agent = True
        elif agent.lower_ in _PRONOUNS:
            police_agent = None  # resolved later from context
        elif (agent.pos_ == "PROPN" or name_word(agent)) and not is_police(agent):
            police_agent = None  # a surname: an officer named earlier? resolved later
        elif _not_on_duty(agent):
            police_agent = False  # a retired or off-duty officer's crime is not police force
        else:
            police_agent = is_police(agent)
    lemma = verb.lemma_.lower()
    shot_at = (
        lemma == "shoot"
        and _child(verb, "dobj") is None
        and any(c.dep_ == "prep" and c.lower_ == "at" for c in verb.children)
    )  # "two officers shot at Tewa": aimed, not said to hit
    attempted = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("try", "attempt", "seek")
    attempted = attempted or lemma == "handcuff"  # handcuffing alone hurts no one
    hit = not (fire_only or shot_at or attempted) and lemma not in ("fire", "open", "discharge")
    officer = patient is not None and is_police(patient)
    conf = 0.9 if police_agent else 0.6
    aimed = any(c.dep_ == "prep" and c.lower_ in _FIRE_PREPS for c in verb.children)
    return ForceEvent(
        sent=sent,
        trigger=verb,
        force=force,
        agent=agent,
        police_agent=police_agent,
        patient=patient,
        officer_patient=officer,
        count=count_of(patient) if patient is not None else 1,
        fatal=_is_fatal(verb),
        hit=hit,
        aimed=aimed,
        passive=_is_passive(verb),
        confidence=conf,
    )


_OFF_DUTY = frozenset("retired former ex ex- off-duty suspended dismissed".split())


def name_word(tok: Token) -> bool:
    """Return True for a capitalised word the story uses in a person's name, whatever its
    tag ("Flake shot him", after "Officer Benjamin Flake")."""
    if not tok.text[:1].isupper() or tok.i == tok.sent.start and tok.pos_ != "NOUN":
        return False
    return any(e.label_ == "PERSON" and tok.lower_ in e.text.lower().split() for e in tok.doc.ents)


def _not_on_duty(agent: Token) -> bool:
    """Return True for "a retired police inspector", "an off-duty officer", "ex-cop"."""
    words = {t.lower_ for t in agent.subtree if t.i <= agent.i}
    return bool(words & _OFF_DUTY) or agent.lower_.startswith("ex-")


def _is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass", "agent") for c in verb.children):
        return True
    if _be_complement(verb):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("oprd", "xcomp", "ccomp", "acomp"):
        if verb.head.lemma_.lower() in ("find", "leave"):  # "he was found shot dead"
            return True
    return (verb.dep_ == "acl" and verb.tag_ == "VBN") or _headline_passive(verb)


def _in_police_event(verb: Token) -> bool | None:
    """Return True for "killed in an encounter with police" / "in a police shooting"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "after", "with", "amid"):
            pobj = _child(c, "pobj")
            if pobj is None:
                continue
            phrase = " ".join(t.lower_ for t in pobj.subtree)
            if pobj.lemma_.lower() in _EVENT_NOUNS and (
                "retaliatory" in phrase or pobj.lemma_ == "encounter"
            ):
                return True
            if pobj.lemma_.lower() in _FIREFIGHT_NOUNS and (
                "between" not in phrase or POLICE_RE.search(phrase)
            ):
                return True  # "killed during an exchange of gunfire" (with officers, in context)
            if POLICE_RE.search(phrase) and not _OTHER_SHOOTER_RE.search(phrase):
                return True
    return None


def _of_nominals(sent: Span, found: list[ForceEvent]) -> list[ForceEvent]:
    """Return "the shooting of a man" when the sentence makes it a police shooting."""
    out: list[ForceEvent] = []
    taken = {e.patient.i for e in found if e.patient is not None}
    for tok in sent:
        if tok.lower_ not in _NOMINAL_NOUNS:
            continue
        if tok.pos_ != "NOUN" and not any(c.dep_ == "det" for c in tok.children):
            continue  # "the shooting dead by a garda of X" is a noun even when tagged VERB
        by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if by is None:  # "the shooting dead by a garda of X": "by" hung on the main verb
            j = tok.i + 1
            while j < sent.end - 1 and sent.doc[j].lower_ in ("dead", "fatal"):
                j += 1
            if sent.doc[j].lower_ == "by" and j < sent.end:
                by = sent.doc[j]
        holders = [tok] + [t for t in (by.subtree if by is not None else ()) if t.dep_ == "pobj"]
        of = next(
            (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "of"), None
        )  # "the shooting by gardaí of a man": the parser hangs "of" on "gardaí"
        of = of or _of_prep(tok)
        patient = _child(of, "pobj") if of is not None else None
        if patient is None or patient.i in taken or is_police(patient):
            continue
        if not is_person(patient, lenient=True) or _is_generic(patient):
            continue
        if by is None:  # "the shooting of a man by officers": "by" hung on the man
            by = next((c for c in patient.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        mods = " ".join(c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod"))
        by_police = by is not None and any(is_police(t) for t in by.subtree)
        police_mod = bool(POLICE_RE.search(mods)) or "involved" in mods
        oversight = bool(OVERSIGHT_RE.search(sent.text))
        if not (police_mod or by_police or oversight):
            continue
        force = _NOMINAL_NOUNS[tok.lower_] or _verb_force(tok, sent)
        out.append(
            ForceEvent(
                sent=sent,
                trigger=tok,
                force=force,
                agent=None,
                police_agent=True,
                patient=patient,
                officer_patient=False,
                count=count_of(patient),
                fatal="fatal" in mods or "dead" in mods or tok.lower_ == "killing",
                hit=True,
                confidence=0.85 if (police_mod or by_police) else 0.75,
            )
        )
        taken.add(patient.i)
    return out


_OTHER_SHOOTER_RE = re.compile(r"\b(?:gunman|gunmen|shooter|attacker|robbers?|suspects?)\b", re.I)

_NOMINAL_RE = re.compile(
    r"\b(?:police|officer-involved|officer involved|police-involved|garda|deputy-involved|"
    r"trooper-involved|fatal police|police-related) shootings? (?:of|that killed|which killed|"
    r"that left|that wounded|involving)\b",
    re.I,
)


_NOMINAL_NOUNS = {"shooting": Force.FIREARM, "killing": None, "tasering": Force.TASER}


def _nominal_events(sent: Span, found: list[ForceEvent]) -> list[ForceEvent]:
    """Return events written as nouns: "the police shooting of Sam Tairoa"."""
    out: list[ForceEvent] = _of_nominals(sent, found)
    for m in _NOMINAL_RE.finditer(sent.text):
        span = sent.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        last = span[-1]
        patient = None
        if last.dep_ == "prep":
            patient = _child(last, "pobj")
        else:
            for t in sent.doc[last.i : sent.end]:
                if t.dep_ in ("dobj", "pobj") and t.pos_ in ("PROPN", "NOUN", "PRON"):
                    patient = t
                    break
        if patient is None or _is_generic(patient) or is_police(patient):
            continue
        if any(e.patient is not None and e.patient.i == patient.i for e in found):
            continue
        out.append(
            ForceEvent(
                sent=sent,
                trigger=span[-2] if len(span) > 1 else span[0],
                force=Force.FIREARM,
                agent=None,
                police_agent=True,
                patient=patient,
                officer_patient=False,
                fatal="killed" in m.group(0).lower() or "fatal" in m.group(0).lower(),
                hit="wounded" in m.group(0).lower() or "killed" in m.group(0).lower(),
                confidence=0.85,
            )
        )
    return out
