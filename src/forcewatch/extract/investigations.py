"""Oversight bodies and inquiries named in a sentence, with their kind and finding.

Pure regular expressions over the sentence text. Each named body (IPCA, IOPC,
SIU, a coroner, a district attorney...) takes its finding from the words
between it and its neighbouring bodies: "found the shooting justified" ->
justified, "no charges" -> cleared, "is investigating" -> pending. A body that
is only asked for ("called for the IPCA to investigate") is not reported.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span

from forcewatch.extract.patterns.investigations_data import (
    ABBREVIATIONS,
    BODIES,
    CHARGED,
    CLEARED,
    CLOSED,
    GENERIC_BODIES,
    HYPOTHETICAL,
    JUSTIFIED,
    OFFICER_NOUNS,
    OFFICERS_ACTION,
    OPEN_QUESTION,
    PENDING,
    POLICE_BODY_BY_COUNTRY,
    POLICE_INVESTIGATING,
    SUBJECT_NOUNS,
    UNJUSTIFIED,
    VERB_AFTER,
    VERB_BEFORE,
)
from forcewatch.records import Finding, InvestigationKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InvestigationHit:
    """One investigation named in a sentence.

    `closed` is True when the text says the body declined to act or ended its
    work without the finding being stated in these words (finding None).
    """

    body: str
    kind: InvestigationKind
    finding: Finding | None
    start_char: int
    end_char: int
    confidence: float
    closed: bool = False


def _alternation(rows: tuple[tuple[str, str | None, str, bool], ...]) -> re.Pattern[str]:
    return re.compile(
        "|".join(f"(?P<b{i}>(?<![\\w-])(?:{row[0]})(?![\\w-]))" for i, row in enumerate(rows))
    )


_BODY_RES = ((_alternation(BODIES), BODIES), (_alternation(GENERIC_BODIES), GENERIC_BODIES))
_ABBR_BETWEEN_RE = re.compile(r"\s*(?:\(|,|or|,\s*or)?\s*")
_HOMICIDE_RE = re.compile(r"(?:['’]s)?\s+homicide\s+(squad|unit)$", re.I)
_I = re.I
_PENDING_RE = re.compile(PENDING, _I)
_CLOSED_RE = re.compile(CLOSED, _I)
_CHARGED_RE = re.compile(CHARGED, _I)
_CLEARED_RE = re.compile(CLEARED, _I)
_JUSTIFIED_RE = re.compile(JUSTIFIED, _I)
_UNJUSTIFIED_RE = re.compile(UNJUSTIFIED, _I)
_OPEN_RE = re.compile(OPEN_QUESTION, _I)
_HYPO_RE = re.compile(HYPOTHETICAL, _I)
_OFFICER_RE = re.compile(OFFICER_NOUNS, _I)
_SUBJECT_RE = re.compile(SUBJECT_NOUNS, _I)
_AGAINST_OFFICER_RE = re.compile(
    rf"\W*(?:[\w-]+\s+){{0,3}}?against\s+(?:the\s+|a\s+|an\s+|two\s+|three\s+|four\s+)?(?:[\w-]+\s+)?"
    rf"{OFFICER_NOUNS}",
    _I,
)
_NOT_BEFORE_RE = re.compile(r"\b(?:not|never|yet\s+to\s+be)\s+(?:yet\s+)?(?:been\s+)?$", _I)
_POLICE_INV_RE = re.compile(POLICE_INVESTIGATING, _I)
_OFFICERS_ACTION_RE = re.compile(OFFICERS_ACTION, _I)
_VERB_AFTER_RE = re.compile(VERB_AFTER, _I)
_VERB_BEFORE_RE = re.compile(VERB_BEFORE, _I)
_LEADING_DET_RE = re.compile(r"^(?:the|a|an|state['’]s)\s+", _I)

_CONF_NAMED = 0.8
_CONF_VERB = 0.65
_CONF_WEAK = 0.45
_WINDOW = 70


@dataclass(frozen=True)
class _Cand:
    start: int
    end: int
    body: str
    kind: InvestigationKind
    needs_verb: bool


def _clean_body(text: str) -> str:
    """Return the body as written: no leading article, straight apostrophes."""
    text = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    text = _LEADING_DET_RE.sub("", text)
    text = _HOMICIDE_RE.sub(lambda m: f" Homicide {m.group(1).title()}", text)
    text = re.sub(
        r"^homicide\s+(squad|unit)$", lambda m: f"Homicide {m.group(1).title()}", text, flags=re.I
    )
    return ABBREVIATIONS.get(text, text)


def _candidates(text: str) -> list[_Cand]:
    """Return named bodies in order; generic unit names only where no named body is."""
    found: list[_Cand] = []
    for regex, rows in _BODY_RES:
        for m in regex.finditer(text):
            if any(c.start < m.end() and m.start() < c.end for c in found):
                continue
            _, name, kind, needs_verb = rows[int(m.lastgroup[1:])]  # type: ignore[index]
            body = name or _clean_body(m.group(0))
            found.append(_Cand(m.start(), m.end(), body, InvestigationKind(kind), needs_verb))
    found.sort(key=lambda c: c.start)
    out: list[_Cand] = []
    for c in found:  # "Independent Office for Police Conduct (IOPC)" is one mention
        prev = out[-1] if out else None
        if prev and prev.body == c.body and _ABBR_BETWEEN_RE.fullmatch(text, prev.end, c.start):
            out[-1] = _Cand(prev.start, c.end, prev.body, prev.kind, prev.needs_verb)
            continue
        out.append(c)
    return out


def _officer_is_object(seg: str, cue: re.Match[str]) -> bool:
    """Return True when the charge words are about an officer, not the suspect."""
    if _AGAINST_OFFICER_RE.match(seg, cue.end()):
        return True
    before = seg[max(0, cue.start() - 120) : cue.start()]
    officer = [m.end() for m in _OFFICER_RE.finditer(before)]
    subject = [m.end() for m in _SUBJECT_RE.finditer(before)]
    return bool(officer) and (not subject or officer[-1] > subject[-1])


def _open(seg: str, cue: re.Match[str]) -> bool:
    """Return True when the finding is still a question ("whether it was justified")."""
    return bool(_OPEN_RE.search(seg[max(0, cue.start() - 50) : cue.start()]))


def finding_in(seg: str, kind: InvestigationKind | None = None) -> tuple[Finding | None, bool]:
    """Return (finding, closed) said by `seg` about an investigation of `kind`."""
    pending = False
    for cue in _CHARGED_RE.finditer(seg):
        if _NOT_BEFORE_RE.search(seg[: cue.start()]) or _open(seg, cue):
            pending = True
        elif _officer_is_object(seg, cue):
            return Finding.CHARGED, False
    m = _UNJUSTIFIED_RE.search(seg)
    if m and not _open(seg, m):
        return Finding.UNJUSTIFIED, False
    cleared = _CLEARED_RE.search(seg)
    if cleared and kind is InvestigationKind.PROSECUTOR:
        return Finding.CLEARED, False
    m = _JUSTIFIED_RE.search(seg)
    if m:
        if not _open(seg, m):
            return Finding.JUSTIFIED, False
        pending = True
    if cleared:
        return Finding.CLEARED, False
    if _CLOSED_RE.search(seg):
        return None, True
    if pending or _PENDING_RE.search(seg):
        return Finding.PENDING, False
    return None, False


def _accept(text: str, c: _Cand, lo: int, hi: int) -> bool:
    """Return True unless the body is only asked for or lacks the verb it needs."""
    before = text[max(lo, c.start - _WINDOW) : c.start]
    if _HYPO_RE.search(before):
        return False
    if not c.needs_verb:
        return True
    after = text[c.end : min(hi, c.end + _WINDOW)]
    if _VERB_AFTER_RE.search(after) or _VERB_BEFORE_RE.search(before):
        return True
    if c.kind is InvestigationKind.POLICE:
        return False  # "Sussex Police officers were cleared": the force, not an inquiry
    finding, closed = finding_in(after, c.kind)
    return finding not in (None, Finding.PENDING) or closed


def _extra_police(text: str, cands: list[_Cand], country: str | None) -> list[_Cand]:
    """Return plain-police investigations and Indian-style disciplinary actions."""
    body = POLICE_BODY_BY_COUNTRY.get(country or "", "Police")
    out: list[_Cand] = []
    spans = [(c.start, c.end) for c in cands]
    m = _POLICE_INV_RE.search(text)
    if m and not any(a <= m.start() < b for a, b in spans):
        out.append(_Cand(m.start(), m.end(), body, InvestigationKind.POLICE, False))
    m = _OFFICERS_ACTION_RE.search(text)
    if m and _OFFICER_RE.search(text) and not out:
        out.append(_Cand(m.start(), m.end(), "Police", InvestigationKind.POLICE, False))
    return out


def find_investigations_in_text(
    text: str, offset: int = 0, country: str | None = None
) -> list[InvestigationHit]:
    """Return the investigations named in `text`; offsets are shifted by `offset`."""
    cands = _candidates(text)
    extra = _extra_police(text, cands, country)
    bounds = [0, *(c.start for c in cands), len(text)]
    accepted = [
        c
        for i, c in enumerate(cands)
        if _accept(text, c, cands[i - 1].end if i else 0, bounds[i + 2])
    ]
    accepted = sorted(accepted + extra, key=lambda c: c.start)
    hits: list[InvestigationHit] = []
    for i, c in enumerate(accepted):
        lo = accepted[i - 1].end if i else 0
        hi = accepted[i + 1].start if i + 1 < len(accepted) else len(text)
        seg = text[lo:hi]
        finding, closed = finding_in(seg, c.kind)
        if c in extra and _OFFICERS_ACTION_RE.match(text, c.start):
            charged = _CHARGED_RE.match(text, c.start)
            finding, closed = (Finding.CHARGED, False) if charged else (None, True)
        conf = _CONF_WEAK if c in extra else _CONF_VERB if c.needs_verb else _CONF_NAMED
        if c.body in ("police watchdog", "prosecutor"):
            conf = min(conf, 0.5)
        if finding is None and not closed:
            conf -= 0.25  # named without a word of inquiry: maybe not about this incident
        hits.append(
            InvestigationHit(
                c.body, c.kind, finding, offset + c.start, offset + c.end, conf, closed
            )
        )
    return hits


def find_investigations(sent: Span, country: str | None = None) -> list[InvestigationHit]:
    """Return the investigations named in one sentence, in order of mention."""
    return find_investigations_in_text(sent.text, sent.start_char, country)


_RANK = {None: 0, Finding.PENDING: 1}


def _rank(h: InvestigationHit) -> int:
    if h.finding is None:
        return 2 if h.closed else 0
    if h.kind is InvestigationKind.PROSECUTOR and h.finding is Finding.CLEARED:
        return 4  # a prosecutor's decision not to charge is its finding, over "acted lawfully"
    return _RANK.get(h.finding, 3)


def _coroner_name_rank(body: str) -> int:
    low = body.lower()
    return 2 if "court" in low else 1 if "coroner" in low else 0


def _pass_generic_findings(merged: list[InvestigationHit]) -> list[InvestigationHit]:
    """Give "the police watchdog"'s finding to the named oversight body it stands for."""
    generic = next((h for h in merged if h.body == "police watchdog" and h.finding), None)
    named = [
        h for h in merged if h.kind is InvestigationKind.OVERSIGHT and h.body != "police watchdog"
    ]
    if generic is None or len(named) != 1 or _rank(named[0]) >= _rank(generic):
        return merged
    return [
        replace(h, finding=generic.finding, closed=generic.closed) if h is named[0] else h
        for h in merged
    ]


def merge_investigations(hits: list[InvestigationHit]) -> list[InvestigationHit]:
    """Return one hit per body: a stated finding beats a closed one, which beats pending.

    Among equals the later sentence wins. All coroner/inquest hits are one body,
    named by the most specific name ("<Place> Coroner's Court" > "Coroner" > "Inquest").
    """
    groups: dict[str, list[InvestigationHit]] = {}
    for h in hits:
        key = "\0coroner" if h.kind is InvestigationKind.CORONER else h.body.lower()
        groups.setdefault(key, []).append(h)
    for key in list(groups):  # "Homicide Squad" and "NSW Police Homicide Squad" are one body
        longer = [k for k in groups if k != key and k.endswith(" " + key)]
        if longer:
            groups[longer[0]] = sorted(
                groups[longer[0]] + groups.pop(key), key=lambda h: h.start_char
            )
    merged: list[InvestigationHit] = []
    for group in groups.values():
        best = group[0]
        for h in group[1:]:
            if _rank(h) >= _rank(best):
                best = h
        if best.kind is InvestigationKind.CORONER:
            named = max(group, key=lambda h: _coroner_name_rank(h.body))
        else:
            named = max(group, key=lambda h: len(h.body))
        # the finding's sentence when it names the body as kept, else the naming sentence
        source = best if best.body == named.body else named
        merged.append(
            replace(
                best,
                body=named.body,
                start_char=source.start_char,
                end_char=source.end_char,
                confidence=max(h.confidence for h in group),
            )
        )
    merged = _pass_generic_findings(merged)
    kinds_named = {(h.kind, h.body) for h in merged if h.body not in ("police watchdog", "Police")}
    out = []
    for h in merged:
        if h.body == "police watchdog" and any(
            k is InvestigationKind.OVERSIGHT for k, _ in kinds_named
        ):
            continue
        if h.body == "Police" and any(k is InvestigationKind.POLICE for k, _ in kinds_named):
            continue
        out.append(h)
    return sorted(out, key=lambda h: h.start_char)
