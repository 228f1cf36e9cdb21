"""Storing lists (idempotent, updatable) and matches, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from forcewatch.errors import ConfigError
from forcewatch.link.reference_read import mapping_for, read_reference
from forcewatch.store.models import IncidentRow, ReferenceMatchRow
from forcewatch.store.reference_repo import (
    count_records,
    import_reference,
    list_references,
    match_report,
    matches_for_incident,
)

from .conftest import NZ_HEADER, NZ_ROWS, write_csv


def _import(session, path, fmt="nz-police", name=None):
    result = read_reference(path, fmt, mapping_for(fmt, None), list_name=name)
    summary = import_reference(session, result)
    session.commit()
    return summary


def _incident(session, **kw) -> int:
    now = dt.datetime.now(dt.UTC)
    values = dict(outcome="unknown", force="firearm", confidence=0.9, country="NZ",
                  name_withheld=False, created_at=now, updated_at=now)  # fmt: skip
    values.update(kw)
    if values.get("date"):
        values.setdefault("date_precision", {4: "year", 7: "month", 10: "day"}[len(values["date"])])
    row = IncidentRow(**values)
    session.add(row)
    session.commit()
    return row.id


def test_reimport_is_idempotent_and_an_updated_file_adds_its_new_rows(session, nz_csv, tmp_path):
    first = _import(session, nz_csv)
    again = _import(session, nz_csv)
    assert (first.new, first.unchanged) == (4, 0)
    assert (again.new, again.updated, again.unchanged, again.absent) == (0, 0, 4, 0)
    newer = write_csv(
        tmp_path / "nz-newer.csv", NZ_HEADER,
        [*NZ_ROWS, '2017-09-01,"Southern","Miss","x","Rifle",50,"M","Unknown",NA'],
    )  # fmt: skip
    update = _import(session, newer)
    assert (update.new, update.unchanged) == (1, 4)
    assert count_records(session) == 5
    (view,) = list_references(session)
    assert (view.name, view.records, view.countries) == ("nz-police", 5, ["NZ"])
    assert (view.date_from, view.date_to) == ("2014-03-02", "2017-09-01")


def test_same_name_with_another_format_is_refused(session, nz_csv, shared_data):
    _import(session, nz_csv, name="mine")
    wapo = shared_data / "reference" / "wapo-fatal-police-shootings.csv"
    with pytest.raises(ConfigError, match="was imported with --format nz-police"):
        _import(session, wapo, fmt="wapo", name="mine")


def test_match_report_stores_pairs_and_reports_news_only_and_list_only(session, nz_csv):
    _import(session, nz_csv)
    rotorua = _incident(session, date="2014-03-02", place="Rotorua", region="Bay of Plenty",
                        outcome="fatal", subject_age=41)  # fmt: skip
    manurewa = _incident(session, date="2014-05", place="Manurewa", outcome="injured")
    unlisted = _incident(session, date="2015-02-11", place="Nelson", outcome="injured")
    _incident(session, date="2015-02-11", place="Sydney", country="AU")  # other country
    report = match_report(session)
    session.commit()
    (part,) = report.lists
    assert [(m.incident.id, m.record.row_number) for m in part.matched] == [
        (rotorua, 1),
        (manurewa, 2),
    ]
    assert part.matched[0].reasons == [
        "date same day", "district Bay of Plenty = Rotorua", "outcome fatal", "age 41",
    ]  # fmt: skip
    assert part.matched[1].reasons[0] == "date 2014-05 includes 2014-05-19"
    assert [i.id for i in part.news_only] == [unlisted]
    assert [r.row_number for r in part.list_only] == [3, 4]
    (view,) = matches_for_incident(session, rotorua)
    assert (view.list_name, view.record.row_number, view.record.region) == (
        "nz-police",
        1,
        "Bay of Plenty",
    )
    assert matches_for_incident(session, unlisted) == []


def test_rematching_replaces_the_stored_matches_and_since_only_limits_the_report(session, nz_csv):
    _import(session, nz_csv)
    inc = _incident(session, date="2014-03-03", place="Tauranga", outcome="fatal")
    match_report(session)
    again = match_report(session, since=dt.date(2015, 1, 1))
    session.commit()
    assert len(session.scalars(select(ReferenceMatchRow)).all()) == 1
    (part,) = again.lists
    assert part.matched == [] and part.since == "2015-01-01"
    assert [r.row_number for r in part.list_only] == [3, 4]
    assert matches_for_incident(session, inc)[0].record.row_number == 1


def test_unknown_list_name_says_which_lists_exist(session, nz_csv):
    _import(session, nz_csv)
    with pytest.raises(ConfigError, match=r"no reference list named 'x' \(imported: nz-police\)"):
        match_report(session, list_name="x")
