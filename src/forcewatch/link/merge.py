"""Merge the fields of an incident's mentions, with provenance and conflicts.

Rules, per field (values as stored: enums and dates as strings):
- every field: the documents behind each distinct value are kept; strings are
  compared folded (case and accents), so "Tarrow" and "TARROW" are one value;
- `subject_name`: the fullest spelling ("Dale R. Marrin" over "Marrin"); a
  conflict only when two names cannot be one person;
- `date`: the most specific precision, by summed confidence, earliest on a tie;
  "2023-03" and "2023-03-14" agree; two different days are a conflict;
- `outcome`: when reports move one way over time (missed or injured, then
  fatal: "critical condition" then "died"), the latest report wins and each
  change is recorded with its documents and publication dates; a change back
  (fatal, later injured) is a conflict decided by summed confidence;
- other fields: the value with the highest summed confidence (ties: the
  smallest value), a conflict when sources give different values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from forcewatch.records import Mention, PartialDate

from .names import NameMatch, compare_names, fold, parse_name, richer_name
from .score import date_gap

_SEVERITY = {"missed": 0, "injured": 1, "fatal": 2}


@dataclass(frozen=True)
class SourceFacts:
    """One mention's field values (value, confidence) and its document."""

    document_id: int
    published: dt.date | None
    confidence: float
    values: Mapping[str, tuple[object, float]]


@dataclass(frozen=True)
class ValueSupport:
    """One distinct value of a field and the documents that give it."""

    value: object
    documents: tuple[int, ...]
    weight: float  # summed confidence


@dataclass(frozen=True)
class MergedField:
    name: str
    value: object
    supports: tuple[ValueSupport, ...]  # strongest first
    conflict: bool


@dataclass(frozen=True)
class Change:
    """A field whose value changed in later reports (outcome: injured, then fatal)."""

    field: str
    before: object
    after: object
    before_documents: tuple[int, ...]
    after_documents: tuple[int, ...]
    before_published: dt.date | None  # latest publication giving `before`
    after_published: dt.date | None  # earliest publication giving `after`


@dataclass(frozen=True)
class MergedIncident:
    fields: Mapping[str, MergedField]
    changes: tuple[Change, ...]
    confidence: float

    @property
    def conflicts(self) -> tuple[str, ...]:
        return tuple(name for name, f in self.fields.items() if f.conflict)

    def value(self, name: str) -> object:
        f = self.fields.get(name)
        return None if f is None else f.value


def _group_key(value: object) -> object:
    return fold(value) if isinstance(value, str) else value


def _supports(name: str, sources: Sequence[SourceFacts]) -> list[ValueSupport]:
    """Return each distinct value with its documents and weight, strongest first."""
    groups: dict[object, dict[object, float]] = {}
    docs: dict[object, list[int]] = {}
    for s in sources:
        if name not in s.values:
            continue
        value, conf = s.values[name]
        if value is None:
            continue
        key = _group_key(value)
        spellings = groups.setdefault(key, {})
        spellings[value] = spellings.get(value, 0.0) + conf
        if s.document_id not in docs.setdefault(key, []):
            docs[key].append(s.document_id)
    out = [
        ValueSupport(
            max(sp, key=lambda v: (sp[v], str(v))), tuple(sorted(docs[k])), sum(sp.values())
        )
        for k, sp in groups.items()
    ]
    out.sort(key=lambda v: (-round(v.weight, 9), str(v.value)))
    return out


def _name(supports: list[ValueSupport]) -> tuple[object, bool]:
    names = [str(s.value) for s in supports]
    keys = [parse_name(n) for n in names]
    conflict = any(
        a is not None and b is not None and compare_names(a, b) is NameMatch.CONFLICT
        for i, a in enumerate(keys)
        for b in keys[i + 1 :]
    )
    if conflict:
        return supports[0].value, True
    best = names[0]
    for n in names[1:]:
        best = richer_name(best, n)
    return best, False


def _date(supports: list[ValueSupport]) -> tuple[object, bool]:
    dates = [(PartialDate.parse(str(s.value)), s) for s in supports]
    conflict = any(date_gap(a, b) > 0 for i, (a, _) in enumerate(dates) for b, _ in dates[i + 1 :])
    rank = {"day": 0, "month": 1, "year": 2}
    best = min(dates, key=lambda d: (rank[d[0].precision.value], -round(d[1].weight, 9), d[0]))
    return best[0].iso(), conflict


def _outcome(
    supports: list[ValueSupport], sources: Sequence[SourceFacts]
) -> tuple[object, bool, tuple[Change, ...]]:
    known = [s for s in supports if s.value in _SEVERITY]
    if not known:
        return (supports[0].value if supports else "unknown"), False, ()
    if len(known) == 1:
        return known[0].value, False, ()
    published = {s.document_id: s.published for s in sources}
    timeline: list[tuple[tuple[bool, dt.date, int], str]] = []
    for s in sources:
        value = s.values.get("outcome", (None, 0))[0]
        if value in _SEVERITY:
            when = (s.published is None, s.published or dt.date.max, s.document_id)
            timeline.append((when, str(value)))
    timeline.sort()
    runs: list[str] = []
    for _, value in timeline:
        if not runs or runs[-1] != value:
            runs.append(value)
    forward = all(_SEVERITY[a] < _SEVERITY[b] for a, b in zip(runs, runs[1:], strict=False))
    if not forward:
        return known[0].value, True, ()
    by_value = {str(s.value): s.documents for s in known}
    changes = []
    for a, b in zip(runs, runs[1:], strict=False):
        before = [published[d] for d in by_value[a] if published[d] is not None]
        after = [published[d] for d in by_value[b] if published[d] is not None]
        changes.append(
            Change(
                "outcome",
                a,
                b,
                by_value[a],
                by_value[b],
                max(before) if before else None,
                min(after) if after else None,
            )
        )
    return runs[-1], False, tuple(changes)


def merge_fields(sources: Sequence[SourceFacts]) -> MergedIncident:
    """Return the merged value of every field of one incident's mentions."""
    sources = sorted(sources, key=lambda s: s.document_id)
    fields: dict[str, MergedField] = {}
    changes: tuple[Change, ...] = ()
    for name in Mention.FIELDS:
        supports = _supports(name, sources)
        conflict = False
        if name == "outcome":
            value, conflict, changes = _outcome(supports, sources)
        elif not supports:
            value = None
        elif name == "subject_name":
            value, conflict = _name(supports)
        elif name == "date":
            value, conflict = _date(supports)
        elif name == "name_withheld":
            value, conflict = any(s.value is True for s in supports), False
        else:
            value, conflict = supports[0].value, len(supports) > 1
        fields[name] = MergedField(name, value, tuple(supports), conflict)
    if fields["subject_name"].value is not None:
        withheld = fields["name_withheld"]
        fields["name_withheld"] = MergedField("name_withheld", False, withheld.supports, False)
    return MergedIncident(fields, changes, max((s.confidence for s in sources), default=0.0))
