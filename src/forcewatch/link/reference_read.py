"""Read a reference-list CSV (NZ Police, WaPo, or any CSV with a mapping) into records.

Reading never touches the database: `read_reference` returns the typed
`ReferenceRecord`s, one `RowProblem` per bad cell (row number and column
named; a bad date skips the row, any other bad value leaves that field empty)
and one `Duplicate` per repeated row (kept once). A file without the columns
the mapping needs raises `SourceError` naming the file and every missing
column. Row numbers count data rows from 1 (the header is row 0), the way
`reference_row` does in the test corpora.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from forcewatch.errors import SourceError
from forcewatch.link.reference_mapping import (
    FIELDS,
    VOCABULARIES,
    WILDCARD,
    ColumnMapping,
    builtin_mapping,
    load_mapping,
)
from forcewatch.records import DatePrecision, Force, Outcome, PartialDate, Weapon

#: when one cell names several weapons: the first kind listed here wins
WEAPON_PRIORITY = ("handgun", "rifle", "shotgun", "firearm", "replica", "knife", "blunt",
                   "vehicle", "other", "none")  # fmt: skip
FIREARMS = frozenset(("firearm", "rifle", "shotgun", "handgun"))


@dataclass(frozen=True)
class ReferenceRecord:
    """One row of a reference list, in the gold vocabulary.

    `row_key` identifies the row across imports: the external id when the list
    has one, else a hash of the cells the mapping reads.
    """

    list_name: str
    row_number: int
    row_key: str
    external_id: str | None
    name: str | None
    date: PartialDate | None
    place: str | None
    region: str | None
    country: str | None
    outcome: Outcome
    force: Force | None
    age: int | None
    sex: str | None
    weapon: Weapon | None
    raw: dict[str, str]


@dataclass(frozen=True)
class RowProblem:
    """A cell that could not be read; `skipped` tells whether the whole row was dropped."""

    file: str
    row_number: int
    column: str
    message: str
    skipped: bool

    def __str__(self) -> str:
        action = "row skipped" if self.skipped else "left empty"
        return f"{self.file} row {self.row_number}: {self.column} {self.message}; {action}"


@dataclass(frozen=True)
class Duplicate:
    """A row equal to an earlier one (same external id, or same cells): stored once."""

    file: str
    row_number: int
    first_row: int
    external_id: str | None

    def __str__(self) -> str:
        same = f" (same id {self.external_id})" if self.external_id else ""
        return f"{self.file} row {self.row_number} duplicates row {self.first_row}{same}; kept once"


@dataclass(frozen=True)
class ReadResult:
    """The records of one file, with the problems and duplicates found reading it."""

    path: Path
    list_name: str
    fmt: str
    rows: int
    records: list[ReferenceRecord]
    problems: list[RowProblem]
    duplicates: list[Duplicate]


def mapping_for(fmt: str, mapping_path: Path | None) -> ColumnMapping:
    """Return the mapping of a format: built-in, or the TOML file for `csv`."""
    if fmt == "csv":
        if mapping_path is None:
            from forcewatch.errors import ConfigError

            raise ConfigError("--format csv needs --mapping MAP.toml (see docs/reference.md)")
        return load_mapping(mapping_path)
    return builtin_mapping(fmt)


def read_reference(
    path: Path, fmt: str, mapping: ColumnMapping, list_name: str | None = None
) -> ReadResult:
    """Read `path` with `mapping`; raise SourceError if it cannot be read or lacks columns."""
    name = list_name or mapping.default_name or path.stem
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            _check_columns(path, header, mapping)
            rows = list(enumerate(reader, start=1))
    except OSError as err:
        raise SourceError(f"{path}: cannot read the file ({err.strerror})") from err
    except UnicodeDecodeError as err:
        raise SourceError(f"{path}: not UTF-8 text ({err.reason}); save it as UTF-8") from err
    except csv.Error as err:
        raise SourceError(f"{path}: not a readable CSV file ({err})") from err
    records: list[ReferenceRecord] = []
    problems: list[RowProblem] = []
    duplicates: list[Duplicate] = []
    seen: dict[str, int] = {}
    for number, row in rows:
        row = {k: (v or "") for k, v in row.items() if k is not None}
        record, row_problems = _parse_row(path.name, number, row, mapping, name)
        problems.extend(row_problems)
        if record is None:
            continue
        if record.row_key in seen:
            duplicates.append(
                Duplicate(path.name, number, seen[record.row_key], record.external_id)
            )
            continue
        seen[record.row_key] = number
        records.append(record)
    return ReadResult(path, name, fmt, len(rows), records, problems, duplicates)


def _check_columns(path: Path, header: list[str], mapping: ColumnMapping) -> None:
    if not header:
        raise SourceError(f"{path}: empty file, expected a CSV header row")
    missing = [c for c in mapping.required_columns() if c not in header]
    if missing:
        raise SourceError(
            f"{path}: missing column(s) {', '.join(repr(c) for c in missing)} "
            f"needed by {mapping.source}; the file has {', '.join(repr(h) for h in header)}"
        )


def _parse_row(
    file: str, number: int, row: dict[str, str], mapping: ColumnMapping, list_name: str
) -> tuple[ReferenceRecord | None, list[RowProblem]]:
    """Return the record of one row (None when its date is bad) and the row's problems."""
    problems: list[RowProblem] = []
    cells: dict[str, str | None] = {}
    for fld in FIELDS:
        column = mapping.column(fld)
        if column is not None:
            value = row.get(column, "").strip()
            cells[fld] = None if _fold(value) in mapping.na else value
        else:
            cells[fld] = mapping.fixed.get(fld) or None

    def bad(fld: str, message: str, skipped: bool = False) -> None:
        column = mapping.column(fld) or fld
        problems.append(RowProblem(file, number, column, message, skipped))

    date = None
    date_column = mapping.columns["date"]
    raw_date = row.get(date_column, "").strip()
    try:
        date = _parse_date(raw_date, mapping.date_formats)
    except ValueError:
        shown = " or ".join(_human_format(f) for f in mapping.date_formats)
        bad("date", f"{raw_date!r} is not a date ({shown})", skipped=True)
        return None, problems

    mapped = {fld: _map_value(fld, cells[fld], mapping, bad) for fld in FIELDS if fld != "date"}
    age = None
    if mapped["age"] is not None:
        try:
            age = int(float(mapped["age"]))
            if not 0 <= age <= 130 or float(mapped["age"]) != age:
                raise ValueError
        except ValueError:
            bad("age", f"{cells['age']!r} is not an age (a whole number 0-130)")
            age = None
    used = {mapping.columns[f]: row.get(mapping.columns[f], "") for f in mapping.columns}
    external_id = mapped["external_id"]
    record = ReferenceRecord(
        list_name=list_name,
        row_number=number,
        row_key=_row_key(external_id, used),
        external_id=external_id,
        name=mapped["name"],
        date=date,
        place=mapped["place"],
        region=mapped["region"],
        country=(mapped["country"] or "").upper() or None,
        outcome=Outcome(mapped["outcome"] or "unknown"),
        force=Force(mapped["force"]) if mapped["force"] else None,
        age=age,
        sex=mapped["sex"],
        weapon=Weapon(mapped["weapon"]) if mapped["weapon"] else None,
        raw=dict(row),
    )
    return record, problems


def _map_value(fld: str, value: str | None, mapping: ColumnMapping, bad) -> str | None:
    """Map one cell through the field's value map; check vocabulary fields."""
    if value is None:
        return None
    sep = mapping.split.get(fld)
    parts = [p.strip() for p in value.split(sep)] if sep else [value]
    table = mapping.values.get(fld, {})
    vocab = VOCABULARIES.get(fld)
    out: list[str] = []
    for part in parts:
        if not part or _fold(part) in mapping.na:
            continue
        key = _fold(part)
        if key in table:
            target = table[key]
        elif vocab is not None and key in vocab:
            target = key
        elif WILDCARD in table:
            target = table[WILDCARD]
        elif vocab is not None:
            known = ", ".join(sorted(k for k in table if k != WILDCARD)) or ", ".join(sorted(vocab))
            bad(fld, f"{part!r} is not a known value (known: {known})")
            continue
        else:
            target = part
        if target:
            out.append(target)
    if not out:
        return None
    if fld == "weapon" and len(out) > 1:
        return _combine_weapons(out)
    return out[0] if len(out) == 1 else sep.join(dict.fromkeys(out)) if sep else out[0]


def _combine_weapons(kinds: list[str]) -> str:
    """Return one weapon for a multi-valued cell: two firearm types give "firearm"."""
    guns = {k for k in kinds if k in FIREARMS}
    if len(guns) > 1:
        return "firearm"
    return min(kinds, key=WEAPON_PRIORITY.index)


def _parse_date(text: str, formats: tuple[str, ...]) -> PartialDate:
    """Parse with the first matching strptime format; its directives give the precision."""
    for fmt in formats:
        try:
            parsed = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if "%d" in fmt or "%j" in fmt:
            precision = DatePrecision.DAY
        elif "%m" in fmt or "%b" in fmt or "%B" in fmt:
            precision = DatePrecision.MONTH
        else:
            precision = DatePrecision.YEAR
        month = parsed.month if precision != DatePrecision.YEAR else None
        day = parsed.day if precision == DatePrecision.DAY else None
        return PartialDate(parsed.year, month, day)
    raise ValueError(text)


_DIRECTIVES = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%y": "YY", "%b": "Mon", "%B": "Month"}


def _human_format(fmt: str) -> str:
    """Return "YYYY-MM-DD" for "%Y-%m-%d"."""
    return re.sub(r"%[a-zA-Z]", lambda m: _DIRECTIVES.get(m.group(), m.group()), fmt)


def _fold(value: str) -> str:
    return " ".join(value.casefold().split())


def _row_key(external_id: str | None, used: dict[str, str]) -> str:
    """Return "id:<external id>", or a SHA-256 of the cells the mapping reads."""
    if external_id:
        return f"id:{external_id}"[:64]
    blob = json.dumps(sorted(used.items()), ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()
