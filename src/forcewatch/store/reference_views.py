"""Typed read-only views of reference lists, imports and matches (no ORM objects leave `store`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportSummary:
    """What one import did: `new` rows added, `updated` rows changed, `unchanged` rows seen
    again, and `absent` records of the list that this file no longer has (kept)."""

    list_name: str
    fmt: str
    source_file: str
    rows: int
    new: int
    updated: int
    unchanged: int
    absent: int


@dataclass(frozen=True)
class ReferenceListView:
    """One imported list and how many records it has."""

    id: int
    name: str
    fmt: str
    source_file: str
    records: int
    countries: list[str]
    date_from: str | None
    date_to: str | None


@dataclass(frozen=True)
class RecordBrief:
    """One reference record, short: enough to recognise the row in the file."""

    id: int
    row_number: int
    external_id: str | None
    date: str | None
    name: str | None
    place: str | None
    region: str | None
    country: str | None
    outcome: str
    age: int | None
    sex: str | None
    weapon: str | None


@dataclass(frozen=True)
class IncidentBrief:
    """One incident, short: enough to find it with `forcewatch show ID`."""

    id: int
    date: str | None
    subject: str | None
    place: str | None
    region: str | None
    country: str | None
    outcome: str
    age: int | None


@dataclass(frozen=True)
class MatchedPair:
    """An incident matched to a record, with the score and the reasons for it."""

    incident: IncidentBrief
    record: RecordBrief
    score: float
    reasons: list[str]


@dataclass(frozen=True)
class ListMatchReport:
    """Matching one list: matched pairs, news-only incidents and list-only records.

    News-only incidents are those in the list's countries whose dates fall in
    the list's date range (from `since` when given) with no record; list-only
    records are records (from `since`) with no incident.
    """

    list_name: str
    countries: list[str]
    date_from: str | None
    date_to: str | None
    since: str | None
    records: int
    incidents: int
    matched: list[MatchedPair]
    news_only: list[IncidentBrief]
    list_only: list[RecordBrief]
    seconds: float


@dataclass(frozen=True)
class MatchReport:
    """The report of `forcewatch reference match`: one part per list."""

    lists: list[ListMatchReport]


@dataclass(frozen=True)
class ReferenceMatchView:
    """A stored match of one incident, as `show` displays it."""

    list_name: str
    record: RecordBrief
    score: float
    reasons: list[str]
