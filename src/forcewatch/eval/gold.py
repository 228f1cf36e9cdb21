"""Read a gold corpus (../shared/docs/gold-format.md) into typed records, line by line."""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from forcewatch.errors import EvalError
from forcewatch.records import (
    Document,
    Finding,
    Force,
    InvestigationKind,
    Mention,
    Outcome,
    PartialDate,
    Weapon,
)

log = logging.getLogger(__name__)

SEXES = ("male", "female")

#: every key a gold incident must carry, in gold-format order
INCIDENT_KEYS = (*Mention.FIELDS, "investigations")

_DOC_KEYS = ("id", "url", "source", "published", "title", "text", "lang", "gold")
_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class GoldInvestigation:
    """One oversight body named in the text, with its kind and finding."""

    body: str | None
    kind: InvestigationKind
    finding: Finding | None


@dataclass(frozen=True)
class GoldIncident:
    """One person subjected to police force, as labelled in the gold corpus."""

    outcome: Outcome
    force: Force
    subject_name: str | None = None
    name_withheld: bool = False
    subject_age: int | None = None
    subject_sex: str | None = None
    date: str | None = None
    place: str | None = None
    region: str | None = None
    country: str | None = None
    agency: str | None = None
    subject_weapon: Weapon | None = None
    officers_fired: int | None = None
    investigations: tuple[GoldInvestigation, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, compare=False)


@dataclass(frozen=True)
class GoldDoc:
    """One labelled document: the document itself, its relevance and incidents."""

    document: Document
    relevant: bool
    incidents: tuple[GoldIncident, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=lambda: _EMPTY, compare=False)

    @property
    def id(self) -> str:
        return self.document.external_id


class _Where:
    """Formats "path:line: field 'x' ..." messages for one line."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def error(self, key: str, problem: str) -> EvalError:
        return EvalError(f"{self.origin}: field '{key}' {problem}")


def read_gold(path: Path) -> list[GoldDoc]:
    """Return every document of a gold JSONL corpus; raise EvalError on the first bad line."""
    return list(iter_gold(path))


def iter_gold(path: Path) -> Iterator[GoldDoc]:
    """Yield the documents of a gold JSONL corpus one line at a time."""
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as err:
        raise EvalError(
            f"{path}: cannot open gold corpus ({err.strerror}); check the path"
        ) from err
    seen: dict[str, int] = {}
    with handle:
        lineno = 0
        while True:
            lineno += 1
            try:
                line = handle.readline()
            except UnicodeDecodeError as err:
                raise EvalError(
                    f"{path}:{lineno}: not UTF-8 ({err.reason}); save as UTF-8"
                ) from err
            if not line:
                break
            if not line.strip():
                continue
            origin = f"{path}:{lineno}"
            doc = parse_line(line, origin)
            if doc.id in seen:
                raise EvalError(
                    f"{origin}: field 'id' {doc.id!r} repeats line {seen[doc.id]}; "
                    "ids must be unique"
                )
            seen[doc.id] = lineno
            yield doc


def parse_line(line: str, origin: str) -> GoldDoc:
    """Return the GoldDoc of one JSON line; `origin` is "path:line" for messages."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as err:
        raise EvalError(f"{origin}: not valid JSON ({err.msg} at column {err.colno})") from err
    where = _Where(origin)
    if not isinstance(raw, dict):
        raise EvalError(f"{origin}: expected a JSON object, got {type(raw).__name__}")
    doc_id = _req_str(raw, "id", where)
    text = _req_str(raw, "text", where)
    document = Document(
        external_id=doc_id,
        text=text,
        title=_opt_str(raw, "title", where),
        url=_opt_str(raw, "url", where),
        source=_opt_str(raw, "source", where),
        published=_published(raw.get("published"), where),
        lang=_opt_str(raw, "lang", where),
        origin=origin,
        fmt="jsonl",
    )
    gold = raw.get("gold")
    if gold is None:
        raise where.error("gold", 'missing; add {"relevant": ..., "incidents": [...]}')
    if not isinstance(gold, dict):
        raise where.error("gold", f"must be an object, got {type(gold).__name__}")
    relevant = gold.get("relevant")
    if "relevant" not in gold:
        raise where.error("gold.relevant", "missing; add true or false")
    if not isinstance(relevant, bool):
        raise where.error("gold.relevant", f"must be true or false, got {relevant!r}")
    items = gold.get("incidents")
    if "incidents" not in gold:
        raise where.error("gold.incidents", "missing; add [] when there are none")
    if not isinstance(items, list):
        raise where.error("gold.incidents", f"must be a list, got {type(items).__name__}")
    if items and not relevant:
        raise where.error(
            "gold.incidents", "must be [] when gold.relevant is false; fix one of the two"
        )
    incidents = tuple(
        parse_incident(item, origin, prefix=f"gold.incidents[{i}]") for i, item in enumerate(items)
    )
    extra = {k: v for k, v in raw.items() if k not in _DOC_KEYS}
    return GoldDoc(document, relevant, incidents, MappingProxyType(extra) if extra else _EMPTY)


def parse_incident(raw: object, origin: str, *, prefix: str = "incident") -> GoldIncident:
    """Return a GoldIncident from a gold-format dict; keys beyond the format go to `extra`."""
    where = _Where(origin)
    if not isinstance(raw, dict):
        raise where.error(prefix, f"must be an object, got {type(raw).__name__}")
    for key in INCIDENT_KEYS:
        if key not in raw:
            raise where.error(f"{prefix}.{key}", "missing; add it (null when the text gives none)")

    def key(name: str) -> str:
        return f"{prefix}.{name}"

    withheld = raw["name_withheld"]
    if not isinstance(withheld, bool):
        raise where.error(key("name_withheld"), f"must be true or false, got {withheld!r}")
    sex = _opt_str(raw, "subject_sex", where, label=key("subject_sex"))
    if sex is not None and sex not in SEXES:
        raise where.error(key("subject_sex"), f"must be 'male', 'female' or null, got {sex!r}")
    date = _opt_str(raw, "date", where, label=key("date"))
    if date is not None:
        try:
            PartialDate.parse(date)
        except ValueError as err:
            raise where.error(
                key("date"), f"must be YYYY-MM-DD, YYYY-MM or YYYY, got {date!r}"
            ) from err
    outcome = _enum(raw["outcome"], Outcome, key("outcome"), where)
    force = _enum(raw["force"], Force, key("force"), where)
    if outcome is None or force is None:
        missing = "outcome" if outcome is None else "force"
        raise where.error(key(missing), "must not be null; use 'unknown' or 'other'")
    extra = {k: v for k, v in raw.items() if k not in INCIDENT_KEYS}
    return GoldIncident(
        outcome=outcome,
        force=force,
        subject_name=_opt_str(raw, "subject_name", where, label=key("subject_name")),
        name_withheld=withheld,
        subject_age=_opt_int(raw, "subject_age", where, key("subject_age")),
        subject_sex=sex,
        date=date,
        place=_opt_str(raw, "place", where, label=key("place")),
        region=_opt_str(raw, "region", where, label=key("region")),
        country=_opt_str(raw, "country", where, label=key("country")),
        agency=_opt_str(raw, "agency", where, label=key("agency")),
        subject_weapon=_enum(raw["subject_weapon"], Weapon, key("subject_weapon"), where),
        officers_fired=_opt_int(raw, "officers_fired", where, key("officers_fired")),
        investigations=_investigations(raw["investigations"], key("investigations"), where),
        extra=MappingProxyType(extra) if extra else _EMPTY,
    )


def _investigations(raw: object, label: str, where: _Where) -> tuple[GoldInvestigation, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise where.error(label, f"must be a list, got {type(raw).__name__}")
    out = []
    for i, item in enumerate(raw):
        sub = f"{label}[{i}]"
        if not isinstance(item, dict):
            raise where.error(sub, f"must be an object, got {type(item).__name__}")
        for name in ("kind", "finding"):
            if name not in item:
                raise where.error(f"{sub}.{name}", "missing; add it (finding may be null)")
        kind = _enum(item["kind"], InvestigationKind, f"{sub}.kind", where)
        if kind is None:
            raise where.error(f"{sub}.kind", "must not be null; use 'other'")
        body = _opt_str(item, "body", where, label=f"{sub}.body")
        finding = _enum(item["finding"], Finding, f"{sub}.finding", where)
        out.append(GoldInvestigation(body, kind, finding))
    return tuple(out)


def _enum(value: object, enum: type, label: str, where: _Where) -> Any:
    if value is None:
        return None
    allowed = ", ".join(repr(m.value) for m in enum)
    if not isinstance(value, str):
        raise where.error(label, f"must be one of {allowed} or null, got {value!r}")
    try:
        return enum(value)
    except ValueError as err:
        raise where.error(label, f"must be one of {allowed} or null, got {value!r}") from err


def _req_str(raw: dict, key: str, where: _Where) -> str:
    if key not in raw or raw[key] is None:
        raise where.error(key, "missing; every document needs it")
    value = raw[key]
    if not isinstance(value, str) or not value.strip():
        raise where.error(key, f"must be a non-empty string, got {value!r}")
    return value


def _opt_str(raw: dict, key: str, where: _Where, *, label: str | None = None) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise where.error(label or key, f"must be a string or null, got {value!r}")
    value = value.strip()
    return value or None


def _opt_int(raw: dict, key: str, where: _Where, label: str) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise where.error(label, f"must be a whole number >= 0 or null, got {value!r}")
    return value


def _published(value: object, where: _Where) -> dt.date | None:
    if value is None:
        return None
    problem = f"must be an ISO date YYYY-MM-DD or null, got {value!r}"
    if not isinstance(value, str):
        raise where.error("published", problem)
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError as err:
        raise where.error("published", problem) from err
