"""What a story calls the person police used force on: names from entities, apposition,
"identified as", quotes and pronouns, and the fallbacks when the force sentence names
no one; groups ("two men were shot") split into the people the story names.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from forcewatch.extract.docindex import ent_of, sentence_ents
from forcewatch.extract.events import is_police
from forcewatch.extract.geo import region_of
from forcewatch.extract.patterns.lexicon import (
    OFFICIAL_TITLES_RE,
    PERSON_NOUNS,
    POLICE_RE,
)
from forcewatch.extract.people import (
    ORG_WORDS,
    PRONOUN_SEX,
    SPEECH_VERBS,
    Referent,
    Subject,
    acted_on,
    alias_primary,
    antecedent,
    clean_name,
    in_headline,
    is_official,
    is_place,
    person_ent,
    resolve_pronoun,
    sex_of,
    speaker,
    subject_like,
)

#: "the man - ", "a driver, ", "the victim (": a description a name is apposed to
_DESCRIBED_AS = (
    r"\b(?:[Tt]he|[Aa])\s+(?:(?!other|second|third|another|fellow)\w+\s+"
    r"(?=(?:accused|criminal|gangster|offender|gunman|attacker|assailant|suspect)\b))?(?P<noun>man|woman|boy|girl|teenager|teen|youth|suspect|"
    r"driver|victim|deceased|accused|criminal|gangster|offender|gunman|attacker|assailant|"
    r"motorist|rider|pedestrian|prisoner|inmate|detainee)\s*(?:[-–—,]|\()\s*"
)
_DESCRIBED_RE = re.compile(_DESCRIBED_AS, re.I)
_AS_GAP = 16  # characters between "identified as" and the name: " 31-year-old "
_CLOSING_MARKS = frozenset((",", "-", "–", "—", ")"))


def _apposed_name(doc: Doc, start_char: int) -> tuple[Span, float] | None:
    """Return the name apposed at `start_char` with its confidence: a PERSON entity, or
    proper nouns the model tagged otherwise ("the accused, Dinesh, opened fire") when a
    comma or dash closes them."""
    first = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    ent = ent_of(first[0]) if first is not None and len(first) else None
    if ent is not None and ent.label_ == "PERSON" and ent.start_char == start_char:
        if is_official(ent) or is_place(ent):
            return None
        return alias_primary(ent.root) or ent, 0.8
    run = _proper_run(doc, start_char)
    if run is None or run.end >= len(doc) or doc[run.end].text not in _CLOSING_MARKS:
        return None
    if any(t.ent_type_ in ("DATE", "TIME", "NORP", "CARDINAL") for t in run):
        return None
    return alias_primary(run.root) or run, 0.7


#: "identified as", "named him as", "identified her Thursday as", "named the man shot dead
#: by officers in Brisbane on Tuesday as": a person noun, then up to eight words before "as"
_IDENTIFY_RE = re.compile(
    r"\b(?:named|identified|id'd|known)\s+"
    r"(?:(?:him|her)\s+|the\s+(?:\w+\s+)?(?:man|woman|victim|deceased|suspect|driver|teen|"
    r"teenager|boy|girl|person|motorist|gunman|offender)\b(?:\s+[\w'’-]+){0,8}?\s+)?"
    r"(?:(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+|yesterday\s+|today\s+)?as\b",
    re.I,
)


def other_first_name(a: str, b: str | None) -> bool:
    """Return True for two full names with one surname and different first names."""
    if b is None:
        return False
    wa, wb = a.lower().split(), b.lower().split()
    return len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1] and wa[0] != wb[0]


#: a one-word name is less sure to be the person's name as records keep it ("Smith" for
#: "John Smith"): over the labelled corpora 2 % of one-word names matched, 80 % of fuller ones
_ONE_WORD_NAME = 0.6


def expand_names(subjects: list[Subject], refs: list[Referent]) -> None:
    """Replace a surname-only name with the fullest name in the story that ends with it;
    a name still one word long ranks below fuller names."""
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
        if len(subj.name.split()) == 1:
            subj.name_conf = round((subj.name_conf or 0.5) * _ONE_WORD_NAME, 4)


Described = tuple[str | None, Token | None, str | None, float]


def describe(patient: Token, refs: list[Referent], agent: Token | None = None) -> Described:
    """Return (name, name token, sex, name confidence) for a patient, resolving pronouns."""
    if patient.pos_ == "PRON" and patient.lower_ in ("one", "another", "other"):
        return None, None, None, 0.0  # "two suspects fled, but one was shot": not a name
    base = antecedent(patient)  # "X, who died in custody"; "auto driver A Manikandan"
    if base is not patient:
        name, tok, sex, conf = describe(base, refs, agent)
        return name, tok, sex or sex_of(patient), conf
    if patient.lower_ == "me":  # '"They shot me in the leg," Ravi Kumar told reporters'
        speaker = _quotespeaker(patient)
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
        ent = alias_primary(ent.root) or ent  # "S Rajasekar alias Appu" -> "S Rajasekar"
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
    restated = _that_of(patient)
    if restated is not None:
        return clean_name(restated.text), restated.root, sex_of(patient), 0.85
    # "the man, Sam Tairoa," / "his son Sam" / "a criminal, Sam Tairoa alias Sonu,"
    for c in patient.children:
        if c.dep_ == "appos":
            ent = alias_primary(c) or person_ent(c)
            if ent is not None and not is_place(ent):
                ent = alias_primary(ent.root) or ent
                return clean_name(ent.text), ent.root, sex_of(patient), 0.85
        # "one of the accused, identified as Sam Tairoa," / "a man named as Sam Tairoa"
        if c.dep_ == "acl" and c.lemma_.lower() in ("identify", "name"):
            name = _named_as(c)
            if name is not None:
                return clean_name(name.text), name.root, sex_of(patient), 0.8
    return None, None, sex_of(patient), 0.0


def _that_of(patient: Token) -> Span | None:
    """Return the person a description is restated as right after it: "the police
    shootings of a homeless man – that of Sam Tairoa in 1997"."""
    doc = patient.doc
    for i in {patient.i, patient.right_edge.i}:  # the parser may hang "that of" on the noun
        if i + 4 >= len(doc) or doc[i + 1].text not in _RESTATE_MARKS:
            continue
        if doc[i + 2].lower_ not in ("that", "those") or doc[i + 3].lower_ != "of":
            continue
        ent = person_ent(doc[i + 4])
        if ent is not None and ent.start == i + 4 and not is_official(ent) and not is_place(ent):
            return ent
    return None


_RESTATE_MARKS = frozenset((",", "-", "–", "—", ":"))


def _quotespeaker(token: Token) -> Span | None:
    """Return the named civilian who says the quote `token` stands in ("said X", "X told")."""
    sent = token.sent
    verbs = [sent.root] if sent.root.lemma_.lower() in SPEECH_VERBS else []
    # the parser does not always make the speech verb the root ('..." accused X told')
    verbs += [t for t in sent if t.i > token.i and t.lemma_.lower() in SPEECH_VERBS]
    for verb in verbs:
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        ent = person_ent(subj) if subj is not None else None
        if ent is None or is_official(ent) or is_place(ent) or ent.start <= token.i:
            continue  # the speaker is named after the quote, outside it
        if verb is sent.root or any(t.text in _QUOTES for t in token.doc[token.i : ent.start]):
            return ent
    return None


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
            # the name right after "as" ("as 31-year-old Sam Tairoa"), not one further on
            if ent.label_ == "PERSON" and 0 <= ent.start_char - after <= _AS_GAP:
                if is_place(ent) or is_official(ent):
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
    # "the man - Sam Tairoa - appeared distressed", "the driver, Sam Tairoa,"
    for sent in doc.sents:
        for m in _DESCRIBED_RE.finditer(sent.text):
            found = _apposed_name(doc, sent.start_char + m.end())
            if found is not None and found[0].root.i not in victims | agents:
                unnamed[0].name, unnamed[0].name_token = clean_name(found[0].text), found[0].root
                unnamed[0].name_conf = found[1]
                unnamed[0].heads.append(found[0].root)
                return
    # a narrative whose one named civilian is not a speaker: that is the subject
    # speakers by full name: "his sister, Dana Tairoa, said" leaves "Sam Tairoa" a candidate
    speakers = {r.name.lower() for r in refs if r.name and speaker(r.token)}
    speaker_surnames = {name.split()[-1] for name in speakers}
    counts: dict[str, list[Referent]] = {}
    for ref in refs:
        if ref.name and not ref.police and ref.token.i not in agents | victims:
            if acted_on(ref.token, unnamed[0]):
                continue  # "a gunman who had taken X, 29, hostage": the subject's victim
            name = ref.name.lower()
            if name in speakers or (" " not in name and name in speaker_surnames):
                continue
            counts.setdefault(name.split()[-1], []).append(ref)
    acting = {k: v for k, v in counts.items() if any(subject_like(r.token) for r in v)}
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
