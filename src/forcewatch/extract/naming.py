"""What a story calls the person police used force on: names from entities, apposition,
"identified as", quotes and pronouns, and the fallbacks when the force sentence names
no one; groups ("two men were shot") split into the people the story names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from forcewatch.extract.docindex import ent_of, sentence_ents
from forcewatch.extract.events import ForceEvent, is_police
from forcewatch.extract.geo import region_of
from forcewatch.extract.patterns.lexicon import (
    OFFICIAL_TITLES_RE,
    PERSON_NOUNS,
    POLICE_RE,
)
from forcewatch.extract.people import (
    ORG_WORDS,
    PRONOUN_SEX,
    Referent,
    Subject,
    clean_name,
    in_headline,
    is_official,
    is_place,
    person_ent,
    resolve_pronoun,
    sex_of,
)

#: "the man - ", "a driver, ", "the victim (": a description a name is apposed to
_DESCRIBED_AS = (
    r"\b(?:[Tt]he|[Aa])\s+(?P<noun>man|woman|boy|girl|teenager|teen|youth|suspect|driver|"
    r"victim|deceased)\s*(?:[-–—,]|\()\s*"
)
_APPOSED_NAME_RE = re.compile(_DESCRIBED_AS + "$", re.I)


_IDENTIFY_RE = re.compile(
    r"\b(?:named|identified|id'd|known)\s+(?:him|her|the (?:man|woman|victim|deceased|suspect|"
    r"driver|teen|teenager|boy|girl)\s+)?as\b",
    re.I,
)


def _same_person(a: str, b: str) -> bool:
    """Return True when two names can be one person: one surname, and the same first
    name unless one is a surname alone."""
    wa, wb = a.lower().split(), b.lower().split()
    return wa[-1] == wb[-1] and not other_first_name(a, b)


def other_first_name(a: str, b: str | None) -> bool:
    """Return True for two full names with one surname and different first names."""
    if b is None:
        return False
    wa, wb = a.lower().split(), b.lower().split()
    return len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1] and wa[0] != wb[0]


def name_group(subjects: list[Subject], refs: list[Referent]) -> list[Subject]:
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


def expand_names(subjects: list[Subject], refs: list[Referent]) -> None:
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


Described = tuple[str | None, Token | None, str | None, float]


def describe(patient: Token, refs: list[Referent], agent: Token | None = None) -> Described:
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
        sex = PRONOUN_SEX.get(patient.lower_)
        if ref is None:
            return None, None, sex, 0.0
        if ref.name:
            return ref.name, ref.token, sex or ref.sex, 0.75
        return None, None, sex or ref.sex, 0.0
    ent = person_ent(patient)
    if ent is not None and not is_official(ent) and not is_place(ent):
        return clean_name(ent.text), ent.root, None, 0.95
    # a surname tagged ORG/GPE now and then: the person named in full earlier
    if patient.text[:1].isupper() and patient.pos_ != "PRON" and not in_headline(patient):
        for ref in refs:
            if ref.name and not ref.police and ref.name.split()[-1] == patient.text:
                return clean_name(ref.name), patient, None, 0.85
    # "Sam Tairoa" tagged ORG/GPE now and then: a proper-noun patient is still a name,
    # but not in a headline, where every word is capitalised ("Man Shot By Police")
    if patient.pos_ == "PROPN" and not in_headline(patient) and patient.lower_ not in PERSON_NOUNS:
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
        if len(words) >= 2 and not ORG_WORDS.search(text) and region_of(text) is None:
            return clean_name(text), patient, None, 0.6
    # "Sam Tairoa, a 22-year-old man shot by police": the name the description is apposed to
    if patient.dep_ == "appos":
        ent = person_ent(patient.head)
        if ent is not None and not is_official(ent) and not is_place(ent):
            return clean_name(ent.text), ent.root, sex_of(patient), 0.85
    # "the man, Sam Tairoa," / "his son Sam"
    for c in patient.children:
        if c.dep_ == "appos":
            ent = person_ent(c)
            if ent is not None and not is_place(ent):
                return clean_name(ent.text), ent.root, sex_of(patient), 0.85
        # "one of the accused, identified as Sam Tairoa," / "a man named as Sam Tairoa"
        if c.dep_ == "acl" and c.lemma_.lower() in ("identify", "name"):
            name = _named_as(c)
            if name is not None:
                return clean_name(name.text), name.root, sex_of(patient), 0.8
    return None, None, sex_of(patient), 0.0


def _quote_speaker(token: Token) -> Span | None:
    """Return the named civilian who says the quote `token` stands in ("said X", "X told")."""
    root = token.sent.root
    if root.lemma_.lower() not in _SPEECH_VERBS:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    ent = person_ent(subj) if subj is not None else None
    if ent is None or is_official(ent) or is_place(ent) or ent.start <= token.i:
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
    if OFFICIAL_TITLES_RE.search(span.text + " ") or ORG_WORDS.search(span.text):
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
        return None if is_official(ent) or is_place(ent) else ent
    start = pobj.i
    while (
        start > 0 and pobj.doc[start - 1].pos_ == "PROPN" and pobj.doc[start - 1].dep_ == "compound"
    ):
        start -= 1
    span = pobj.doc[start : pobj.i + 1]
    if ORG_WORDS.search(span.text) or region_of(span.text) is not None:
        return None
    return span


_QUOTES = frozenset(('"', "“", "”", "'", "‘", "’"))


def name_unnamed(
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
                if is_place(ent):
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
                if is_place(ent):
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


_DESCRIBED_NAME_RE = re.compile(_DESCRIBED_AS + r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})")


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
                if OFFICIAL_TITLES_RE.search(span.text + " ") or is_place(span):
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
