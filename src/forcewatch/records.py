"""Typed records that flow between the pipeline stages.

Enums use the gold-format vocabulary (../shared/docs/gold-format.md), so a value
can be written to JSON as is. Character offsets in `Evidence` index into
`Document.content` (title, a blank line, then the body text).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class Outcome(StrEnum):
    FATAL = "fatal"
    INJURED = "injured"
    MISSED = "missed"
    UNKNOWN = "unknown"


class Force(StrEnum):
    FIREARM = "firearm"
    TASER = "taser"
    RESTRAINT = "restraint"
    VEHICLE = "vehicle"
    DOG = "dog"
    OTHER = "other"


class Weapon(StrEnum):
    FIREARM = "firearm"
    RIFLE = "rifle"
    SHOTGUN = "shotgun"
    HANDGUN = "handgun"
    REPLICA = "replica"
    KNIFE = "knife"
    BLUNT = "blunt"
    VEHICLE = "vehicle"
    OTHER = "other"
    NONE = "none"


class InvestigationKind(StrEnum):
    POLICE = "police"
    CORONER = "coroner"
    OVERSIGHT = "oversight"
    PROSECUTOR = "prosecutor"
    OTHER = "other"


class Finding(StrEnum):
    JUSTIFIED = "justified"
    UNJUSTIFIED = "unjustified"
    CHARGED = "charged"
    CLEARED = "cleared"
    PENDING = "pending"


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> DatePrecision:
        if self.day is not None:
            return DatePrecision.DAY
        if self.month is not None:
            return DatePrecision.MONTH
        return DatePrecision.YEAR

    def iso(self) -> str:
        """Return "YYYY-MM-DD", "YYYY-MM" or "YYYY" as the precision allows."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; raise ValueError otherwise."""
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
        if not m:
            raise ValueError(f"not an ISO partial date: {text!r}")
        year, month, day = (int(g) if g else None for g in m.groups())
        assert year is not None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range in {text!r}")
        if day is not None:
            dt.date(year, month or 1, day)  # validates the day
        return cls(year, month, day)

    @classmethod
    def from_date(cls, d: dt.date) -> PartialDate:
        return cls(d.year, d.month, d.day)

    def bounds(self) -> tuple[dt.date, dt.date]:
        """Return the first and last day the date can mean ("2021-05": May 1 and 31)."""
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.day is None:
            last = calendar.monthrange(self.year, self.month)[1]
            return dt.date(self.year, self.month, 1), dt.date(self.year, self.month, last)
        day = dt.date(self.year, self.month, self.day)
        return day, day


@dataclass(frozen=True)
class Evidence:
    """The sentence that supports a fact: document id and character offsets."""

    doc_id: str
    start: int
    end: int

    def text(self, content: str) -> str:
        return content[self.start : self.end]


@dataclass(frozen=True)
class Fact(Generic[T]):
    """One extracted value with its confidence (0..1) and supporting sentence."""

    value: T
    confidence: float
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Investigation:
    body: str
    kind: InvestigationKind
    finding: Finding | None
    confidence: float
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Mention:
    """One person subjected to police force, as told by one document."""

    doc_id: str
    outcome: Fact[Outcome]
    force: Fact[Force]
    confidence: float
    subject_name: Fact[str] | None = None
    name_withheld: Fact[bool] | None = None
    subject_age: Fact[int] | None = None
    subject_sex: Fact[str] | None = None
    date: Fact[PartialDate] | None = None
    place: Fact[str] | None = None
    region: Fact[str] | None = None
    country: Fact[str] | None = None
    agency: Fact[str] | None = None
    subject_weapon: Fact[Weapon] | None = None
    officers_fired: Fact[int] | None = None
    investigations: tuple[Investigation, ...] = ()
    #: the town or city `place` lies in, when the text says so ("the Toowoomba suburb of
    #: Harristown"); linking reads it, it is not a gold field
    locality: Fact[str] | None = None

    #: names of the optional single-valued fact attributes, in gold-format order
    FIELDS = (
        "subject_name",
        "name_withheld",
        "subject_age",
        "subject_sex",
        "outcome",
        "force",
        "date",
        "place",
        "region",
        "country",
        "agency",
        "subject_weapon",
        "officers_fired",
    )

    def facts(self) -> dict[str, Fact]:
        """Return the present facts by gold field name."""
        out: dict[str, Fact] = {}
        for name in self.FIELDS:
            fact = getattr(self, name)
            if fact is not None:
                out[name] = fact
        return out

    def to_gold(self) -> dict:
        """Return this mention as a gold-format incident dict plus `confidence`."""
        out: dict = {}
        for name in self.FIELDS:
            fact = getattr(self, name)
            value = None if fact is None else fact.value
            if isinstance(value, PartialDate):
                value = value.iso()
            elif isinstance(value, StrEnum):
                value = value.value
            out[name] = value
        out["name_withheld"] = bool(out["name_withheld"])
        out["investigations"] = [
            {
                "body": inv.body,
                "kind": inv.kind.value,
                "finding": inv.finding.value if inv.finding else None,
            }
            for inv in self.investigations
        ]
        out["confidence"] = round(self.confidence, 4)
        return out


def normalise_text(text: str) -> str:
    """Return text in NFC with runs of whitespace collapsed; the basis of the hash."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", text).strip()


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of the normalised text."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """One news article as read from a source, before any analysis."""

    external_id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    lang: str | None = None
    origin: str = ""  # where it was read: "path" or "path:line"
    fmt: str = "txt"  # "txt" | "html" | "jsonl"
    warnings: tuple[str, ...] = ()

    @property
    def doc_id(self) -> str:
        """The content hash: the same text is the same document."""
        return content_hash(self.text)

    @property
    def content(self) -> str:
        """Title, a blank line and the text: the string evidence offsets index into."""
        if self.title:
            return f"{self.title}\n\n{self.text}"
        return self.text


@dataclass(frozen=True)
class Detection:
    """The cheap relevance decision for one document."""

    relevant: bool
    score: float
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class DocResult:
    """What the pipeline made of one document."""

    document: Document
    detection: Detection
    mentions: tuple[Mention, ...] = ()
    skipped: str | None = None  # why extraction did not run, if it did not

    @property
    def relevant(self) -> bool:
        return bool(self.mentions)

    @property
    def score(self) -> float:
        """Document relevance score: the best mention confidence, else the detector's."""
        if self.mentions:
            return max(m.confidence for m in self.mentions)
        return min(self.detection.score, 0.49)
