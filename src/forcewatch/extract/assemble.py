"""Build one `Mention` per subject from the field finders, each fact with its sentence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TypeVar

from spacy.tokens import Doc, Span

from forcewatch.extract import agency as agency_mod
from forcewatch.extract import dates as dates_mod
from forcewatch.extract import geo as geo_mod
from forcewatch.extract import investigations as inv_mod
from forcewatch.extract import weapon as weapon_mod
from forcewatch.extract.docindex import evidence_of, index, ordered
from forcewatch.extract.outcome import find_force, find_officers_fired, find_outcome
from forcewatch.extract.person import find_age, find_lone_age, find_sex, find_withheld
from forcewatch.extract.place import address_locality, find_where, named_thing
from forcewatch.extract.subjects import Subject
from forcewatch.records import (
    DatePrecision,
    Document,
    Evidence,
    Fact,
    Investigation,
    Mention,
    PartialDate,
)

H = TypeVar("H")
_LEDE_SENTENCES = 4
_AGENCY_MIN = 0.5
_ev = evidence_of
_ordered = ordered


def _first(
    sents: Iterable[Span], finder: Callable[[Span], list[H]], keep: Callable[[H], bool]
) -> tuple[H, Span] | None:
    for sent in sents:
        for hit in finder(sent):
            if keep(hit):
                return hit, sent
    return None


class DocContext:
    """Per-document facts shared by its subjects, computed once."""

    def __init__(self, document: Document, doc: Doc, subjects: list[Subject] = ()) -> None:
        self.document = document
        self.subjects = list(subjects)
        self.doc = doc
        self.doc_id = document.doc_id
        self.sents = index(doc).sents
        self.lede = self.sents[:_LEDE_SENTENCES]
        self._places: dict[int, list] = {}
        self.withheld = find_withheld(doc, self.doc_id)
        doc_hits = [h for s in self.sents for h in self.places(s)]
        self.regions_named = {
            h.region
            for s in self.sents
            for h in self.places(s)
            if h.kind == "region" and h.region and not named_thing(h, s)
        }
        self.country_guess = geo_mod.infer_country(
            doc.text, doc_hits, document.source, document.url
        )
        code = self.country_guess[0] if self.country_guess else None
        inv_hits = [h for s in self.sents for h in inv_mod.find_investigations(s, code)]
        self.investigations = tuple(
            Investigation(
                body=h.body,
                kind=h.kind,
                finding=h.finding,
                confidence=h.confidence,
                evidence=Evidence(self.doc_id, *_sentence_bounds(doc, h.start_char)),
            )
            for h in inv_mod.merge_investigations(inv_hits)
        )

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Last words of the people's names the story gives (subjects and multi-word
        PERSON entities): a place of the same spelling there is the person ("Henderson
        and a woman were seen leaving"), not the town."""
        names = {s.name.split()[-1].lower() for s in self.subjects if s.name}
        names.update(e[-1].lower_ for e in self.doc.ents if e.label_ == "PERSON" and len(e) > 1)
        return frozenset(names)

    @cached_property
    def address_locality(self) -> Fact[str] | None:
        """The locality of the first street address or premises the story gives."""
        return address_locality(self)

    @cached_property
    def dated_shooting(self) -> tuple[object, Span] | None:
        """The date the story gives the shooting itself ("the Sept. 22 shooting")."""
        return _dated_shooting(self, self.document.published)

    def shared_sentences(self, subject: Subject) -> frozenset[int]:
        """Return starts of this subject's event sentences that tell another subject's too."""
        mine = {ev.sent.start for ev in subject.events}
        theirs = {ev.sent.start for s in self.subjects if s is not subject for ev in s.events}
        return frozenset(mine & theirs)

    def places(self, sent: Span) -> list:
        if sent.start not in self._places:
            self._places[sent.start] = geo_mod.find_places(sent)
        return self._places[sent.start]

    def following(self, sents: list[Span], n: int = 2) -> list[Span]:
        """Return up to `n` sentences after each of `sents`."""
        index = {s.start: i for i, s in enumerate(self.sents)}
        out: list[Span] = []
        for s in sents:
            i = index.get(s.start)
            if i is not None:
                out.extend(self.sents[i + 1 : i + 1 + n])
        return out


def _sentence_bounds(doc: Doc, char: int) -> tuple[int, int]:
    sent = index(doc).sentence_at_char(char)
    return (sent.start_char, sent.end_char) if sent is not None else (char, char)


def build_mention(subject: Subject, ctx: DocContext) -> Mention:
    """Return the mention for one subject with every field the text supports."""
    doc_id = ctx.doc_id
    event_sents = _ordered(ev.sent for ev in subject.events)
    subj_sents = _ordered(event_sents, _name_sentences(subject, ctx), ctx.following(event_sents))
    scope = _ordered(event_sents, ctx.lede, subj_sents)

    name = None
    if subject.name and subject.name_token is not None:
        name = Fact(
            subject.name,
            round(min(subject.confidence, subject.name_conf or 0.5), 4),
            _ev(doc_id, subject.name_token.sent),
        )
    withheld = None if name else ctx.withheld

    date = _date(scope, ctx, subject)
    where = find_where(scope, ctx)
    place, region, country = where.place, where.region, where.country
    agency = _agency(scope, ctx, country, region)
    weapon = _weapon(subj_sents, ctx)
    sex = find_sex(subject, subj_sents, doc_id)
    return Mention(
        doc_id=doc_id,
        outcome=find_outcome(subject, subj_sents, doc_id, ctx.shared_sentences(subject)),
        force=find_force(subject, doc_id),
        confidence=round(subject.confidence, 4),
        subject_name=name,
        name_withheld=withheld,
        subject_age=_age(subject, subj_sents, ctx, sex),
        subject_sex=sex,
        date=date,
        place=place,
        region=region,
        country=country,
        agency=agency,
        subject_weapon=weapon,
        officers_fired=find_officers_fired(
            subject,
            _ordered(event_sents, subj_sents),
            doc_id,
            story=ctx.sents if len(ctx.subjects) == 1 else None,
        ),
        investigations=ctx.investigations,
        locality=where.locality,
    )


def _age(subject: Subject, subj_sents: list[Span], ctx: DocContext, sex) -> Fact[int] | None:
    """Return the age told with the subject, else, in a story about one person, the one
    age the story gives ("involving a 45-year-old man")."""
    found = find_age(subject, subj_sents, ctx.doc_id)
    if found is not None or len(ctx.subjects) != 1:
        return found
    return find_lone_age(sex.value if sex is not None else None, ctx.sents, ctx.doc_id)


def _name_sentences(subject: Subject, ctx: DocContext) -> list[Span]:
    if not subject.surname:
        return []
    return [s for s in ctx.sents if subject.surname in s.text.lower()]


def _date(scope: list[Span], ctx: DocContext, subject: Subject) -> Fact[PartialDate] | None:
    """Return the incident date: the most precise event date told with the force (nearest
    its verb, so "shot on Tuesday, died on Friday" gives Tuesday), else the first event
    date of the lede and the subject's sentences."""
    published = ctx.document.published
    triggers: dict[int, list[int]] = {}
    for ev in subject.events:
        if ev.trigger.lemma_.lower() != "die":
            triggers.setdefault(ev.sent.start, []).append(ev.trigger.idx)
    best: tuple[tuple[int, int], object, Span] | None = None
    for sent in _ordered(ev.sent for ev in subject.events):
        for hit in dates_mod.find_dates(sent, published):
            if hit.kind != "event":
                continue
            near = min((abs(hit.start_char - t) for t in triggers.get(sent.start, [])), default=999)
            # a date right by the verb that hurt ("shot ... in April 2019") before a more
            # precise one told with other firing ("the lawsuit, filed Tuesday, alleges ...")
            rank = (near <= _BY_THE_VERB, _PRECISION_RANK[hit.date.precision], -near)
            if best is None or rank > best[0]:
                best = (rank, hit, sent)
    if best is not None:
        _, hit, sent = best
        refined = _refine_date(hit.date, scope, published)
        if refined is not None:
            return Fact(
                refined[0].date,
                min(hit.confidence, refined[0].confidence),
                _ev(ctx.doc_id, refined[1]),
            )
        return Fact(hit.date, hit.confidence, _ev(ctx.doc_id, sent))
    found = ctx.dated_shooting or _first(
        scope, lambda s: dates_mod.find_dates(s, published), lambda h: h.kind == "event"
    )
    if found is None:  # only the day an oversight body was told: the month it happened in
        notice = _first(ctx.sents, lambda s: dates_mod.find_dates(s, published),
                        lambda h: h.kind == "notice" and h.date.month is not None)  # fmt: skip
        if notice is None:
            return None
        hit, sent = notice
        month = PartialDate(hit.date.year, hit.date.month, None)
        return Fact(month, hit.confidence * 0.7, _ev(ctx.doc_id, sent))
    hit, sent = found
    refined = _refine_date(hit.date, scope, published)  # "his death in 2014" ... "in July 2014"
    if refined is not None:
        hit, sent = refined[0], refined[1]
    return Fact(hit.date, hit.confidence * 0.9, _ev(ctx.doc_id, sent))


_SHOOTING_NOUN_RE = re.compile(
    r"^\s*(?:police\s+|fatal\s+|officer[- ]involved\s+)?(?:shooting|police shooting)\b", re.I
)


def _dated_shooting(ctx: DocContext, published) -> tuple[object, Span] | None:
    """Return the date a story gives the shooting itself: "the Sept. 22 shooting", when it
    gives one such date only."""
    found = []
    for sent in ctx.sents:
        for hit in dates_mod.find_dates(sent, published):
            after = ctx.doc.text[hit.end_char : hit.end_char + 40]
            if _SHOOTING_NOUN_RE.match(after):
                found.append((hit, sent))
    return found[0] if len({h.date for h, _ in found}) == 1 else None


def _refine_date(date: PartialDate, scope: list[Span], published) -> tuple[object, Span] | None:
    """Return a more precise date of the same month or year told elsewhere about the
    subject: "in December last year" ... "on 17 December 2019"."""
    if date.day is not None:
        return None
    for sent in scope:
        for hit in dates_mod.find_dates(sent, published):
            d = hit.date
            if hit.kind != "event" or d.year != date.year or d.precision == date.precision:
                continue
            if date.month is not None and d.month != date.month:
                continue
            if _PRECISION_RANK[d.precision] > _PRECISION_RANK[date.precision]:
                return hit, sent
    return None


_BY_THE_VERB = 80  # characters between a force verb and a date told with it
_PRECISION_RANK = {DatePrecision.YEAR: 0, DatePrecision.MONTH: 1, DatePrecision.DAY: 2}


def _agency(
    scope: list[Span], ctx: DocContext, country: Fact[str] | None, region: Fact[str] | None
) -> Fact[str] | None:
    code = country.value if country else None
    reg = region.value if region else None
    found = _first(
        _ordered(scope, ctx.sents),
        lambda s: agency_mod.find_agencies(s, code, reg),
        lambda h: h.confidence >= _AGENCY_MIN,
    )
    if found is not None:
        hit, sent = found
        return Fact(hit.name, hit.confidence, _ev(ctx.doc_id, sent))
    default = agency_mod.default_agency(code, reg)
    if default is None:
        return None
    evidence = country.evidence if country else None
    return Fact(default, 0.5, evidence)


def _weapon(subj_sents: list[Span], ctx: DocContext) -> Fact | None:
    hits = []
    where: dict[int, Span] = {}
    for sent in _ordered(subj_sents, ctx.sents):
        for h in weapon_mod.find_weapons(sent):
            hits.append(h)
            where[id(h)] = sent
    best = weapon_mod.choose_weapon(hits)
    if best is None:
        return None
    return Fact(best.weapon, best.confidence, _ev(ctx.doc_id, where[id(best)]))
