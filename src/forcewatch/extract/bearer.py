"""Whose outcome an outcome word tells: who died or was hurt, and who did it.

Stories of police shootings also tell what happened to other people: officers
hurt in the exchange ("two constables received bullet injuries"), and what the
subject had done before ("the man accused of killing his neighbour"). A word
like "killed" or "injuries" in the subject's sentence then says nothing of the
subject's own outcome. `foreign_outcome` reads the dependency parse to find the
word's bearer (the one who died or was hurt) and its agent (who did it), and
says when the word belongs to someone else: an officer bears it, or the subject
did it to another person.
"""

from __future__ import annotations

from spacy.tokens import Token

from forcewatch.extract.events import is_police

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_RELATIVE = frozenset(("who", "that", "which", "whom"))
#: verbs whose grammatical subject is the one who dies or is hurt
_UNDERGO_LEMMAS = frozenset(("die", "succumb", "survive", "recover", "perish", "lose"))
#: verbs that take an outcome noun as object: "received injuries", "suffered wounds"
_HAVE_LEMMAS = frozenset(("receive", "suffer", "sustain", "have", "get", "take", "treat"))
_PERSONAL = frozenset(("he", "she"))
#: how far up the parse an implicit agent is looked for ("the man accused of shooting ...")
_MAX_CLIMB = 5


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _resolve(tok: Token | None) -> Token | None:
    """Return the noun a relative pronoun stands for ("the man who killed" -> man)."""
    if tok is not None and tok.lower_ in _RELATIVE:
        clause = tok.head
        if clause.dep_ == "relcl":
            return clause.head
    return tok


def _by_agent(verb: Token) -> Token | None:
    """Return the noun of a passive "by" phrase ("shot by police" -> police)."""
    agent = _child(verb, "agent")
    return _child(agent, "pobj") if agent is not None else None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _doer(verb: Token) -> Token | None:
    """Return who does an active verb: its subject, or, for a verb without one (a gerund,
    an infinitive, a participle), the subject or noun of the clause it hangs from."""
    for _ in range(_MAX_CLIMB):
        subject = _child(verb, "nsubj")
        if subject is not None:
            return _resolve(subject)
        head = verb.head
        if head is verb:
            return None
        if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return head  # "the man accused of shooting": the man
        if verb.dep_ not in ("pcomp", "xcomp", "advcl", "conj", "prep", "pobj", "acl"):
            return None
        verb = head
    return None


def _object(verb: Token) -> Token | None:
    """Return the object of an active verb, also where the parse hangs it on a
    predicate adjective ("shooting dead the son": the son)."""
    obj = _child(verb, "dobj")
    if obj is None:
        for pred in verb.children:
            if pred.dep_ in ("oprd", "acomp"):
                obj = _child(pred, "dobj", "pobj")
                if obj is not None:
                    break
    return obj


def _of_verb(verb: Token) -> tuple[Token | None, Token | None]:
    """Return (bearer, agent) of an outcome verb: "killed", "died", "wounded"."""
    if verb.lemma_.lower() in _UNDERGO_LEMMAS:
        return _resolve(_child(verb, "nsubj")), None
    if verb.lemma_.lower() in _HAVE_LEMMAS:  # "took a bullet", "received injuries"
        return _doer(verb), None
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _passive(verb):
        return verb.head, _by_agent(verb)  # "a man killed by police"
    if _passive(verb):
        return _resolve(_child(verb, "nsubjpass")), _by_agent(verb)
    return _object(verb), _doer(verb)


def _of_noun(noun: Token) -> tuple[Token | None, Token | None]:
    """Return (bearer, agent) of an outcome noun: "his death", "injuries"."""
    owner = _child(noun, "poss")
    if owner is not None:
        return owner, None
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "to"):
            pobj = _child(prep, "pobj")
            if pobj is not None:
                return pobj, None  # "the death of the man", "injuries to an officer"
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in _HAVE_LEMMAS:
        return _resolve(_child(head, "nsubj", "nsubjpass")), None
    if noun.dep_ == "pobj" and head.head.lemma_.lower() in _HAVE_LEMMAS:  # "treated for injuries"
        verb = head.head
        return _resolve(_child(verb, "nsubjpass", "nsubj")), None
    return None, None


def bearer_and_agent(tok: Token) -> tuple[Token | None, Token | None]:
    """Return who bears the outcome word `tok` (who died or was hurt) and who caused it.

    Either may be None when the parse does not say.
    """
    if tok.dep_ == "amod" and tok.head is not tok:
        return tok.head, None  # "an injured officer", "the dead man"
    if tok.pos_ in ("VERB", "AUX"):
        return _of_verb(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        return _of_noun(tok)
    if tok.pos_ in ("ADJ", "ADV") and tok.head is not tok and tok.head.pos_ in ("VERB", "AUX"):
        # "shot dead", "fatally shot", "was found dead", "shooting dead the son"
        verb = tok.head
        if verb.lemma_.lower() == "be" or _passive(verb) or verb.lemma_.lower() == "find":
            return _resolve(_child(verb, *_SUBJECT_DEPS)), _by_agent(verb)
        return _object(verb), _doer(verb)
    return None, None


def foreign_outcome(tok: Token, subject_tokens: frozenset[int]) -> bool:
    """Return True when the outcome word `tok` tells someone else's outcome.

    `subject_tokens`: indexes of the tokens that refer to the subject. The word
    is foreign when police bear it (an officer hurt), or when the subject (or a
    he/she in a story about the subject) did it to somebody else.
    """
    bearer, agent = bearer_and_agent(tok)
    if bearer is not None and is_police(bearer):
        return True
    if agent is None or is_police(agent):
        return False
    if bearer is not None and (bearer.i in subject_tokens or bearer.pos_ == "PRON"):
        return False  # the subject's own outcome, or "killed himself"
    if agent.i in subject_tokens:
        return True
    return bearer is not None and agent.lower_ in _PERSONAL
