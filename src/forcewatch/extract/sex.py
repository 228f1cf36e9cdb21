"""The subject's sex, from explicit words about the subject, never from the name.

Kept apart from age and the withheld name because it reads the whole story: the subject's
own words ("a female suspect", "Mr Smith"), the pronouns the story binds to it, and
sentences about it, while keeping out the words of everyone else the story speaks of: the
speaker of a quote, a relative ("his mother"), the officer, the victim of the subject's
own crime. The words are those the evidence check accepts (`support.SEX_WORDS`), so every
sex found is said in its sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from forcewatch.extract.docindex import evidence_of, index, ordered
from forcewatch.extract.events import is_police
from forcewatch.extract.people import referents, resolve_pronoun
from forcewatch.extract.subjects import Subject
from forcewatch.extract.support import SEX_WORDS
from forcewatch.records import Fact

__all__ = ["find_sex", "subject_mentions"]

_SEX_WINDOW = 25  # tokens after a subject mention in which a pronoun counts
_ev = evidence_of


def find_sex(subject: Subject, sents: list[Span], doc_id: str) -> Fact[str] | None:
    """Return "male"/"female" from explicit words about the subject (never the name).

    In order of trust: the subject's own words ("a 34-year-old man", "a female suspect",
    "Mr Smith"); the pronouns the story binds to the subject ("Smith ... his car"); an
    unbound pronoun right after the subject; a sentence about the subject whose person
    words give one sex. Not the speaker of a quote ("she said"), nor the words of
    another person (a relative, the officer, the victim of the subject's crime).
    """
    mentions = subject_mentions(subject)
    # the person police used force on first; a subject's other heads may be someone it
    # hurt ("assaulted his mother", "a woman was killed when a man opened fire"), and a
    # kinship noun counts only as the one police shot ("police shot her son")
    shot = {
        ev.patient.i
        for ev in subject.events
        if ev.patient is not None and ev.agent is not None and ev.police_agent
    }
    heads = sorted(
        (t for t in mentions.values() if t.i in shot or not _kin_of_someone(t)),
        key=lambda t: (t.i not in shot, t.lower_ in _KIN_NOUNS, t.i),
    )
    for tok in heads:
        own = _own_sex(tok)
        if own is not None:
            return Fact(own, 0.9, _ev(doc_id, tok.sent))
    doc = sents[0].doc if sents else None
    if doc is None:
        return None
    refs = _referents(doc)
    bound = _bound_pronoun(doc, refs, mentions) if mentions else None
    if bound is not None:
        return Fact(bound[0], 0.8, _ev(doc_id, bound[1].sent))
    for h in sorted(t.i for t in subject.heads):
        for t in doc[h + 1 : min(len(doc), h + _SEX_WINDOW)]:
            sex = _PRONOUN_SEX.get(t.lower_)
            if sex and not _speaker(t) and not _rival(h, t, sex, refs, mentions):
                return Fact(sex, 0.75, _ev(doc_id, t.sent))
    for sent in ordered(sents, _after_names(mentions, doc)):
        found = {sex for sex, _ in _sentence_sex(sent, mentions, subject.count)}
        if len(found) == 1:
            return Fact(found.pop(), 0.6, _ev(doc_id, sent))
    return None


def _kin_of_someone(tok: Token) -> bool:
    """Return True for a relative of someone ("his mother", "Lee's wife"), not for a
    kinship noun that describes the subject itself ("the father was shot")."""
    return tok.lower_ in _KIN_NOUNS and any(c.dep_ == "poss" for c in tok.children)


def _rival(start: int, pron: Token, sex: str, refs: list, mentions: dict[int, Token]) -> bool:
    """Return True when another person who could take the pronoun stands between the
    subject's mention at `start` and the pronoun: a singular referent of no other sex, or
    a noun of the pronoun's sex ("Smith hit his girlfriend ... her children")."""
    for r in refs:
        i = r.token.i
        if start < i < pron.i and i not in mentions and not r.plural:
            own = _NOUN_SEX.get(r.token.lower_)
            if (own or r.sex) in (None, sex):
                return True
    return any(
        _NOUN_SEX.get(t.lower_) == sex and t.i not in mentions and t.pos_ != "PRON"
        for t in pron.doc[start + 1 : pron.i]
    )


_PRONOUN_SEX = {
    "he": "male",
    "him": "male",
    "his": "male",
    "himself": "male",
    "she": "female",
    "her": "female",
    "hers": "female",
    "herself": "female",
}
# every word the evidence check accepts for a sex, but the pronouns: "a man", "Mrs Hill",
# "his son" (the son is male), "a father of three"
_NOUN_SEX = {w: sex for sex, words in SEX_WORDS.items() for w in words if w not in _PRONOUN_SEX}
# the words that name a person by sex, not by kinship: a sentence's "his mother" tells
# the sex of the mother, not of the subject
_PLAIN_NOUNS = frozenset(
    "man men male males boy youth gentleman schoolboy woman women female females girl lady "
    "schoolgirl".split()
) & frozenset(_NOUN_SEX)
_KIN_NOUNS = frozenset(_NOUN_SEX) - _PLAIN_NOUNS - {"mr", "mrs", "ms", "miss"}
_HONORIFICS = {"mr": "male", "mrs": "female", "ms": "female", "miss": "female"}
_SPEECH_LEMMAS = frozenset(
    "say tell add state explain claim allege confirm describe recall report write note "
    "testify insist announce ask".split()
)
# nouns whose complement is someone the subject wronged or quarrelled with: "the rape of
# a woman", "a dispute with a man"
_OTHER_PARTY_NOUNS = frozenset(
    "rape gang-rape assault attack murder stabbing robbery abduction kidnapping kidnap "
    "harassment molestation dispute argument fight quarrel altercation row affair "
    "relationship marriage threat threats".split()
)
_REFS_KEY = "forcewatch_person_referents"


def subject_mentions(subject: Subject) -> dict[int, Token]:
    """Return the tokens that refer to the subject: its heads, its name, and every later
    use of its surname."""
    out = {t.i: t for t in subject.heads}
    if subject.name_token is not None:
        out[subject.name_token.i] = subject.name_token
    surnames = {subject.surname} if subject.surname else set()
    surnames |= {t.lower_ for t in subject.heads if t.pos_ == "PROPN" and t.ent_type_ == "PERSON"}
    if out and surnames:
        doc = next(iter(out.values())).doc
        out.update({t.i: t for t in doc if t.lower_ in surnames and t.pos_ == "PROPN"})
    return out


def _own_sex(tok: Token) -> str | None:
    """Return the sex the subject's own words give it: the head noun or pronoun, a
    modifier or apposed noun ("a female suspect", "Smith, a father of two"), a title
    ("Mr Smith"), "one of the men", or "Smith was a 40-year-old man"."""
    low = tok.lower_
    if low in _PRONOUN_SEX and low not in ("his", "hers"):
        return _PRONOUN_SEX[low]
    if low in _NOUN_SEX and not is_police(tok):
        return _NOUN_SEX[low]
    for c in tok.children:
        word = c.lower_.rstrip(".")
        if c.dep_ in ("compound", "nmod") and word in _HONORIFICS and tok.pos_ == "PROPN":
            return _HONORIFICS[word]
        if c.dep_ in ("amod", "compound", "appos", "nmod") and word in _NOUN_SEX:
            if not (c.dep_ == "appos" and is_police(c)):
                return _NOUN_SEX[word]
        if c.dep_ == "prep" and c.lower_ == "of" and (tok.like_num or low == "one"):
            for g in c.children:
                if g.dep_ == "pobj" and g.lower_ in _PLAIN_NOUNS:
                    return _NOUN_SEX[g.lower_]
    if tok.i > 0 and tok.pos_ == "PROPN":
        before = tok.doc[max(0, tok.i - 3) : tok.i]
        for t in before:
            if t.lower_.rstrip(".") in _HONORIFICS and t.is_title:
                return _HONORIFICS[t.lower_.rstrip(".")]
    if tok.dep_ == "appos" and tok.head.lower_ in _NOUN_SEX and not is_police(tok.head):
        return _NOUN_SEX[tok.head.lower_]
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ == "be":
        for c in tok.head.children:
            if c.dep_ == "attr" and c.lower_ in _NOUN_SEX:
                return _NOUN_SEX[c.lower_]
    return None


def _referents(doc: Doc) -> list:
    refs = doc.user_data.get(_REFS_KEY)
    if refs is None:
        refs = doc.user_data[_REFS_KEY] = referents(doc)
    return refs


def _resolve(pron: Token, refs: list):
    return resolve_pronoun(pron, refs, want_police=None)


def _bound_pronoun(doc: Doc, refs: list, mentions: dict[int, Token]) -> tuple[str, Token] | None:
    """Return the sex most pronouns bound to the subject give, with the first of them.

    A pronoun is bound when it resolves to a mention of the subject and no other person
    who could take it stands between them ("after booking him" after the officer's name
    is the officer's, whatever the resolver prefers)."""
    votes: dict[str, list[Token]] = {}
    for t in doc:
        sex = _PRONOUN_SEX.get(t.lower_)
        if sex is None:
            continue
        ref = _resolve(t, refs)
        if ref is None or ref.token.i not in mentions or _same_clause_subject(ref.token, t):
            continue
        if _rival(ref.token.i, t, sex, refs, mentions):
            continue
        votes.setdefault(sex, []).append(t)
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: (-len(kv[1]), kv[1][0].i))
    if len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1]):
        return None
    return ranked[0][0], ranked[0][1][0]


def _same_clause_subject(ref: Token, pron: Token) -> bool:
    """Return True when `ref` is the subject of the clause whose object is `pron`: a plain
    pronoun there is someone else ("Lee had shot twice at her")."""
    if pron.dep_ not in ("dobj", "pobj", "dative") or pron.lower_ in ("his", "himself", "herself"):
        return False
    verb = pron.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return ref.dep_ in ("nsubj", "nsubjpass") and ref.head.i == verb.i


def _speaker(tok: Token) -> bool:
    """Return True for the speaker of a quote or report: "she said", "he told reporters"."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _SPEECH_LEMMAS


def _sentence_sex(sent: Span, mentions: dict[int, Token], count: int) -> list[tuple[str, Token]]:
    """Return the person words of a sentence that may be the subject's: pronouns that are
    not a speaker's, and "man"/"woman" words that are not another person's (the object of
    the subject's own act, the complement of "the rape of a woman", a clause about the
    subject). Kinship words ("his mother") tell the relative's sex, not the subject's."""
    out = []
    for t in sent:
        low = t.lower_
        if low in _PRONOUN_SEX:
            if not _speaker(t):
                out.append((_PRONOUN_SEX[low], t))
        elif low in _PLAIN_NOUNS and not _anothers(t, mentions):
            if t.tag_ in ("NNS", "NNPS") and count < 2 and not _counted(t):
                continue
            out.append((_NOUN_SEX[low], t))
    return out


def _anothers(tok: Token, mentions: dict[int, Token]) -> bool:
    if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in _OTHER_PARTY_NOUNS:
        return True  # "the rape of a woman", "a dispute with a man"
    if tok.dep_ in ("dobj", "dative") and any(
        c.dep_ == "nsubj" and c.i in mentions for c in tok.head.children
    ):
        return True  # "Smith stabbed a woman"
    return any(a.dep_ in ("relcl", "acl") and a.head.i in mentions for a in tok.ancestors)


def _counted(tok: Token) -> bool:
    """Return True for a plural with its number: "the two men", "both women"."""
    return any(
        c.dep_ in ("nummod", "det", "predet") and (c.like_num or c.lower_ == "both")
        for c in tok.children
    )


def _after_names(mentions: dict[int, Token], doc: Doc) -> list[Span]:
    """Return the sentence after each sentence that names the subject ("Smith (32) and
    Lee (28) were held. The two men fired at officers")."""
    ix = index(doc)
    out = []
    for t in mentions.values():
        if t.pos_ == "PROPN":
            i = ix.sentence_index(t.i) + 1
            if i < len(ix.sents):
                out.append(ix.sents[i])
    return out
