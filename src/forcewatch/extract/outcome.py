"""What force police used, what it did to the subject, and how many officers fired."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from forcewatch.extract.bearer import foreign_outcome
from forcewatch.extract.docindex import sentence_ents
from forcewatch.extract.events import is_police
from forcewatch.extract.patterns.lexicon import POLICE_RANK_RE
from forcewatch.extract.subjects import Subject
from forcewatch.extract.support import listed_officer_names
from forcewatch.records import Evidence, Fact, Force, Outcome

_FATAL_RE = re.compile(
    r"\b(?:died|dies|dead|killed|fatal(?:ly)?|pronounced dead|death|deceased|"
    r"succumbed|did not survive|didn't survive|lost (?:his|her) life|body was (?:found|recovered)|(?:his|her|the) body(?![- ](?:armou?r|cam|camera|worn)))\b",
    re.I,
)
_INJURED_RE = re.compile(
    r"\b(?:injur(?:ed|ies|y)|wounded|wounds?|hospital(?:ised|ized)?|critical(?:ly)?|"
    r"serious(?:ly)? (?:injured|hurt|condition)|stable condition|non-life[- ]threatening|"
    r"life[- ]threatening|survived|recovering|treated for|shot in the (?:leg|arm|chest|"
    r"shoulder|stomach|abdomen|hand|foot|back|thigh|knee|head|neck)|bullet wounds?|"
    r"gunshot wounds?|surgery|bitten|hurt|"
    # "took a bullet to the leg", "taking three bullets in his leg"
    r"(?:took|taking|takes|take|received|receiving|sustained|suffered) (?:\w+ )?(?:bullets?|gunshots?)|"
    r"bullets? (?:in|to|into) (?:his|her|the) (?:leg|arm|chest|shoulder|stomach|abdomen|hand|foot|back|thigh|knee|head|neck)s?)\b",
    re.I,
)
_MISSED_RE = re.compile(
    r"\b(?:missed|was not (?:hit|struck|injured)|were not (?:hit|struck|injured)|"
    r"no one was (?:hit|injured|hurt)|nobody was (?:hit|injured|hurt)|"
    r"(?:uninjured|unhurt|unharmed|without injury)|no injuries)\b",
    re.I,
)
_HYPOTHETICAL_RE = re.compile(
    r"\b(?:whenever|any ?time|in the event that|if a|if an|if someone|if anyone)\b", re.I
)
_NEG_FATAL_RE = re.compile(
    r"\b(?:non-fatal|nonfatal|not fatal|did not die|survived|no one was killed|"
    r"was not killed|(?:risk|threat|danger|fear) of (?:death|being killed)|"
    r"could have (?:died|been killed)|feared for (?:his|her|their) li(?:fe|ves))\b",
    re.I,
)
_NUM = {
    "one": 1,
    "an": 1,
    "a": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "both": 2,
    "single": 1,
    "lone": 1,
}
_OFFICER = (
    r"(?:(?-i:[A-Z][\w.-]+) )?"  # "two Hamilton officers", "a Dayton police officer"
    r"(?:armed |police |firearms |tactical |swat |plain-?clothes |specialist |off-duty |"
    r"on-duty |rcmp |state |county |garda |emergency response |sheriff['’]s |responding |"
    r"attending |uniformed |other |city |federal )*"
    r"(?:officers?|policem[ae]n|constables?|deput(?:y|ies)|troopers?|cops?|agents?|gardaí|gardai|"
    r"garda|sergeants?|detectives?|members?)"
)
_COUNT = r"(one|an|a|two|three|four|five|six|seven|eight|both|single|lone|\d)"
# "at least one deputy", "more than two officers": how many fired is not told
_NOT_A_COUNT_RE = re.compile(r"\b(?:at least|more than|up to|as many as|fewer than|over)\s*$", re.I)
_FIRED_COUNT_RE = re.compile(
    rf"\b{_COUNT}\s+(?:of the\s+)?{_OFFICER}\s+"
    r"(?:(?:who|that|had|has|have|then|also|each|allegedly|reportedly|both|later|\w+ly)\s+){0,3}"
    r"(?P<verb>fired|shot|opened fire|discharged|returned fire|fatally shot|shot and killed)",
    re.I,
)
_ADJ = r"(?:[\"“”'‘’]?[\w-]+[\"“”'‘’]?\s+){0,2}?"  # "an 'intense' firefight"
_FIRED_BY_RE = re.compile(
    r"\b(?:shot|fired|fatally shot|shot dead|killed|wounded|shooting(?: dead)?)"
    r"(?:\s+(?:in|through) the \w+|\s+(?:once|twice|\w+ times))?\s+"
    rf"(?:by|(?:during|in) an? {_ADJ}[\"“']?(?:interaction|confrontation|encounter|altercation|"
    r"struggle|scuffle|stand-?off|shoot-?out|firefight|gunfight|gun battle|exchange of (?:gun)?fire)"
    rf"[\"”']?\s+with)\s+(?:an? )?{_COUNT.replace('(one|', '(one|a single|a lone|')}\s+{_OFFICER}",
    re.I,
)
# an oversight finding: "both officers were justified in shooting the man"
_JUSTIFIED_RE = re.compile(
    rf"\b{_COUNT}\s+(?:of the\s+)?{_OFFICER}\s+(?:was|were|had been|acted)\s+"
    r"(?:(?:legally|lawfully|legitimately|fully)\s+)?(?:justified|right|entitled|reasonable)\s+"
    r"(?:in|to)\s+(?:shooting|firing|fire|shoot|open(?:ing)? fire|us(?:e|ing) (?:deadly|lethal) force)",
    re.I,
)
_THE_OFFICER_FIRED_RE = re.compile(
    r"\bthe (?:officer|constable|deputy|trooper|policeman|garda) (?:who )?"
    r"(?:fired|shot|opened fire|discharged|returned fire)"
    # "an 'interaction' with a police officer, during which he was shot"
    rf"|\b(?:interaction|confrontation|encounter|altercation|struggle|scuffle)[\"”’']?\s+with\s+"
    rf"(?:an?|one|a single|a lone)\s+{_OFFICER}\b(?=[^.]*\b(?:shot|fired)\b)",
    re.I,
)


_GUN_WORDS_RE = re.compile(
    r"\b(?:shot|shoot\w*|fired|fire|firing|gun\w*|bullets?|rounds|firearms?|weapon)\b", re.I
)


def find_force(subject: Subject, doc_id: str) -> Fact[Force]:
    """Return the kind of force used on the subject, from its events."""
    best: tuple[int, Force, Span] | None = None
    order = {
        Force.FIREARM: 0,
        Force.TASER: 1,
        Force.VEHICLE: 2,
        Force.DOG: 3,
        Force.RESTRAINT: 4,
        Force.OTHER: 5,
    }
    for ev in subject.events:
        if ev.force is None:
            continue
        rank = order[ev.force]
        if best is None or rank < best[0]:
            best = (rank, ev.force, ev.sent)
    if best is None:
        sent = subject.events[0].sent
        text = " ".join(s.text for s in subject.sentences())
        gun = _GUN_WORDS_RE.search(text)
        force = Force.FIREARM if gun else Force.OTHER
        if gun:  # the sentence that says it was a shooting
            sent = next((s for s in subject.sentences() if _GUN_WORDS_RE.search(s.text)), sent)
        return Fact(force, 0.5, _ev(doc_id, sent))
    return Fact(best[1], 0.85, _ev(doc_id, best[2]))


def find_outcome(
    subject: Subject, sents: list[Span], doc_id: str, others: frozenset[int] = frozenset()
) -> Fact[Outcome]:
    """Return fatal / injured / missed / unknown for the subject.

    `others`: starts of sentences that also tell another subject's force; there only the
    words of this subject's own clause count ("one was shot dead and another wounded").
    """
    for ev in subject.events:
        if ev.fatal:
            return Fact(Outcome.FATAL, 0.9, _ev(doc_id, ev.sent))
    clauses: dict[int, list[str]] = {}
    for ev in subject.events:
        if ev.sent.start in others:
            head = ev.trigger
            clauses.setdefault(ev.sent.start, []).append(
                " ".join(
                    t.text for t in head.subtree if not (t.dep_ == "conj" and t.head.i == head.i)
                )
            )
    fatal = injured = missed = None
    own = _subject_tokens(subject)
    for sent in sents:
        clause = sent.start in clauses
        text = " ".join(clauses[sent.start]) if clause else sent.text
        if _HYPOTHETICAL_RE.search(text):
            continue
        if fatal is None and not _NEG_FATAL_RE.search(text):
            if _FATAL_RE.search(text) if clause else _tells(_FATAL_RE, sent, own):
                fatal = sent
        if injured is None:
            if _INJURED_RE.search(text) if clause else _tells(_INJURED_RE, sent, own):
                injured = sent
        if missed is None and _MISSED_RE.search(text):
            missed = sent
    if fatal is not None:
        return Fact(Outcome.FATAL, 0.75, _ev(doc_id, fatal))
    hit_events = [ev for ev in subject.events if ev.hit]
    if missed is not None and not hit_events:
        return Fact(Outcome.MISSED, 0.7, _ev(doc_id, missed))
    if injured is not None:
        return Fact(Outcome.INJURED, 0.75, _ev(doc_id, injured))
    if hit_events:
        return Fact(Outcome.INJURED, 0.6, _ev(doc_id, hit_events[0].sent))
    if missed is not None:
        return Fact(Outcome.MISSED, 0.6, _ev(doc_id, missed))
    return Fact(Outcome.UNKNOWN, 0.5, _ev(doc_id, subject.events[0].sent))


def _subject_tokens(subject: Subject) -> frozenset[int]:
    """Return the indexes of the tokens that refer to the subject."""
    own = {tok.i for tok in subject.heads}
    own.update(ev.patient.i for ev in subject.events if ev.patient is not None)
    if subject.name_token is not None:
        own.add(subject.name_token.i)
    return frozenset(own)


def _tells(pattern: re.Pattern[str], sent: Span, own: frozenset[int]) -> bool:
    """Return True when an outcome word of `pattern` in `sent` may tell the subject's
    outcome: not an officer's injuries, not what the subject did to someone else."""
    for m in pattern.finditer(sent.text):
        words = sent.doc.char_span(
            sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand"
        )
        if words is None or not foreign_outcome(words.root, own):
            return True
    return False


def find_officers_fired(
    subject: Subject, sents: list[Span], doc_id: str, story: list[Span] | None = None
) -> Fact[int] | None:
    """Return the number of officers who fired, when the story states it.

    `sents` are the subject's sentences; `story` is every sentence of a story that tells
    of this subject only, where "Police say the officer returned fire" counts even when
    it stands paragraphs away from the shooting.
    """
    for sent in sents:
        n = _stated_count(sent)
        if n:
            return Fact(n, 0.8, _ev(doc_id, sent))
    counted = _count_firing_agents(subject)
    if counted is not None:
        n, sent = counted
        return Fact(n, 0.7, _ev(doc_id, sent))
    plural = any(_plural_police_fired(s) for s in sents)
    for sent in sents:
        if _THE_OFFICER_FIRED_RE.search(sent.text) or (not plural and _one_officer_fired(sent)):
            return Fact(1, 0.65, _ev(doc_id, sent))
    mine = {s.start for s in sents}
    rest = [s for s in story or () if s.start not in mine]
    if any(_plural_police_fired(s) for s in rest):
        return None
    for sent in rest:
        n = _stated_count(sent)
        if n:
            return Fact(n, 0.6, _ev(doc_id, sent))
        if _THE_OFFICER_FIRED_RE.search(sent.text):
            return Fact(1, 0.55, _ev(doc_id, sent))
    return None


def _stated_count(sent: Span) -> int | None:
    """Return the count of officers a sentence says fired: "two officers fired", "shot by a
    police officer", "a firefight with four officers", "both officers were justified in
    shooting"; not "at least one deputy" nor "an officer shot dead" (the officer was hit)."""
    text = sent.text
    for rx in (_FIRED_COUNT_RE, _FIRED_BY_RE, _JUSTIFIED_RE):
        for m in rx.finditer(text):
            if _NOT_A_COUNT_RE.search(text[max(0, m.start() - 20) : m.start()]):
                continue
            if rx is _FIRED_COUNT_RE and not _officer_fires(sent, m.start("verb")):
                continue
            word = m.group(1).lower().replace("a single", "single").replace("a lone", "lone")
            n = _NUM.get(word) or (int(word) if word.isdigit() else None)
            if n:
                return n
    return None


def _officer_fires(sent: Span, char: int) -> bool:
    """Return False when the verb at `char` says officers were hit, not that they fired
    (`_was_hit`), or is "shot" with nothing shot at ("two officers shot in Memphis")."""
    verb = sent.doc.char_span(
        sent.start_char + char, sent.start_char + char + 1, alignment_mode="expand"
    )
    if verb is None:
        return True
    tok = verb.root
    if _was_hit(tok):
        return False
    if tok.lower_ != "shot":
        return True
    return any(_aims(v) for v in (tok, *tok.conjuncts))


def _was_hit(verb: Token) -> bool:
    """Return True when a firing verb says its subject was hit: a participle with no
    "have" ("an officer shot in the leg"), or "shot dead" with no one shot ("an officer
    shot dead at a traffic stop")."""
    if verb.tag_ == "VBN" and not any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children
    ):
        return True
    children = list(verb.children)
    return any(c.lower_ == "dead" for c in children) and not any(
        c.dep_ in ("dobj", "dative") for c in children
    )


def _aims(verb: Token) -> bool:
    return any(
        c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("at", "on", "into"))
        for c in verb.children
    )


_FIRE_LEMMAS = frozenset(("fire", "shoot", "discharge"))
_OFFICER_LEMMAS = frozenset(
    "officer constable deputy trooper policeman policewoman garda sergeant detective "
    "marshal agent cop".split()
)


def _firing_agents(sent: Span) -> list[Token]:
    """Return the police nouns that are subjects of a firing verb in `sent`."""
    out = []
    for tok in sent:
        if tok.lemma_.lower() not in _FIRE_LEMMAS and not (
            tok.lemma_.lower() == "open" and any(c.lower_ == "fire" for c in tok.children)
        ):
            continue
        if _was_hit(tok):
            continue
        out.extend(c for c in tok.children if c.dep_ == "nsubj" and is_police(c))
    return out


def _plural_police_fired(sent: Span) -> bool:
    """Return True when police in the plural fire in `sent` ("officers opened fire")."""
    return any(
        a.tag_ in ("NNS", "NNPS") or a.lower_ in _COLLECTIVE_AGENTS or a.conjuncts
        for a in _firing_agents(sent)
    )


def _vague(agent: Token) -> bool:
    """Return True for an agent whose number is a bound: "at least one sheriff's deputy"."""
    before = agent.doc[agent.left_edge.i : agent.i].text
    return bool(_VAGUE_RE.search(before))


_VAGUE_RE = re.compile(r"\b(?:at least|more than|up to|as many as|fewer than)\b", re.I)
_VAGUE_OFFICERS_RE = re.compile(
    rf"\b(?:at least|more than|up to|as many as)\s+\w+\s+(?:other\s+)?{_OFFICER}", re.I
)


def _one_officer_fired(sent: Span) -> bool:
    """Return True when one officer is the one who fired: "A third officer, who had just
    arrived, fired two rounds" (not "another officer also fired")."""
    for agent in _firing_agents(sent):
        if agent.tag_ != "NN" or agent.lemma_.lower() not in _OFFICER_LEMMAS or agent.conjuncts:
            continue
        if _vague(agent):
            continue
        verb = agent.head
        if any(c.lower_ in ("also", "too", "again") for c in verb.children):
            continue
        if any(c.lower_ in ("another", "each", "every") for c in agent.children):
            continue
        if any(c.dep_ == "dobj" and c.lower_ in ("himself", "herself") for c in verb.children):
            continue
        return True
    return False


_COLLECTIVE_AGENTS = frozenset("team unit squad force department police swat".split())
_FIRING = frozenset(("shoot", "fire", "open", "discharge", "kill", "wound"))


def _count_firing_agents(subject: Subject) -> tuple[int, Span] | None:
    """Return the most distinct singular officers firing in one sentence, if any fired.

    "the officer fired twice while the acting sergeant shot once" gives 2; a plural
    agent with no number ("officers fired") makes the count unknown.
    """
    best: tuple[int, Span] | None = None
    by_sent: dict[int, set[str]] = {}
    sents: dict[int, Span] = {}
    for ev in subject.events:
        agent = ev.agent
        if agent is None or ev.trigger.lemma_.lower() not in _FIRING or ev.force != Force.FIREARM:
            continue
        if agent.lemma_.lower() in _COLLECTIVE_AGENTS or _vague(agent):
            return None  # "a tactical team shot him", "at least one deputy": not told
        if any(_vague(c) or c.tag_ in ("NNS", "NNPS") for c in agent.conjuncts) or (
            _VAGUE_OFFICERS_RE.search(ev.sent.text)
        ):
            return None  # "Aull and at least four other officers returned fire"
        people = [
            e
            for e in sentence_ents(ev.sent)
            if e.label_ == "PERSON"
            and agent.left_edge.i <= e.root.i < ev.trigger.i
            and not any(a.dep_ == "relcl" for a in e.root.ancestors if a.i > agent.i)
            and not (e.end < len(e.doc) and is_police(e.doc[e.end]))  # "Woodbury officers"
        ]
        if len(people) >= 2:  # "officers Adam Bailey, Doug Wilson and Brian Casey fired"
            # the written list, when the model missed a name of it
            listed = listed_officer_names(ev.sent.text[: ev.trigger.idx - ev.sent.start_char])
            return max(len(people), listed), ev.sent
        named = [c for c in agent.conjuncts if c.i > agent.i]
        if agent.tag_ in ("NNS", "NNPS") and named:
            names = [c for c in agent.children if c.dep_ == "appos"]  # "officers A, B and C"
            if names:
                return len(names) + len(names[0].conjuncts), ev.sent
        if agent.tag_ in ("NNS", "NNPS") or agent.lower_ in ("police", "they", "gardaí", "gardai"):
            if agent.pos_ == "PROPN" and named:
                return 1 + len(named), ev.sent
            return None
        if named and all(c.pos_ == "PROPN" for c in named):
            return 1 + len(named), ev.sent  # "officers Jeff Bailey, Mike Perron and ... shot him"
        if agent.pos_ == "PRON" or not (is_police(agent) or _ranked_name(agent)):
            continue  # a word the parse misread as the firer ("Aull" of "Aull and ...")
        phrase = " ".join(t.lower_ for t in agent.subtree if t.dep_ not in ("det", "punct"))
        by_sent.setdefault(ev.sent.start, set()).add(phrase)
        sents[ev.sent.start] = ev.sent
    for start, agents in by_sent.items():
        if best is None or len(agents) > best[0]:
            best = (len(agents), sents[start])
    return best


def _ranked_name(agent: Token) -> bool:
    """Return True when the story gives the firer's name with a police rank ("Sgt. Lynn
    Thomas ... Thomas fired")."""
    if not agent.text[:1].isupper():
        return False
    doc = agent.doc
    return any(
        POLICE_RANK_RE.search(doc[max(0, t.i - 6) : t.i].text + " ")
        for t in doc[: agent.i + 1]
        if t.lower_ == agent.lower_
    )


def _ev(doc_id: str, sent: Span) -> Evidence:
    return Evidence(doc_id, sent.start_char, sent.end_char)
