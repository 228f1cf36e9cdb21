"""export_incidents: flat records with stable, documented column names."""

from __future__ import annotations

from dataclasses import fields

from forcewatch.records import Fact, Finding, Investigation, InvestigationKind
from forcewatch.store.export import EXPORT_COLUMN_NAMES, EXPORT_COLUMNS, IncidentExport
from forcewatch.store.repo import export_incidents, store_result

#: the published column order; changing it breaks users' scripts
STABLE_COLUMNS = (
    "incident_id",
    "status",
    "subject_name",
    "name_withheld",
    "subject_age",
    "subject_sex",
    "outcome",
    "force",
    "date",
    "date_precision",
    "place",
    "region",
    "country",
    "agency",
    "subject_weapon",
    "officers_fired",
    "investigations",
    "confidence",
    "source_ids",
    "source_urls",
)


def test_export_columns_are_stable_and_documented() -> None:
    assert EXPORT_COLUMN_NAMES == STABLE_COLUMNS
    assert tuple(f.name for f in fields(IncidentExport)) == STABLE_COLUMNS
    assert all(meaning.endswith(".") and len(meaning) > 10 for _, meaning in EXPORT_COLUMNS)


def test_export_row_values(session, sessions, build) -> None:
    doc = build.document()
    second = Investigation("Coroner; Westland", InvestigationKind.CORONER, None, 0.4)
    mention = build.mention(doc, investigations=(*build.mention(doc).investigations, second))
    incident_id = store_result(sessions, build.result(doc, (mention,))).incident_ids[0]
    (row,) = export_incidents(session)
    record = row.as_dict()
    assert tuple(record) == STABLE_COLUMNS
    assert record == {
        "incident_id": incident_id,
        "status": "candidate",
        "subject_name": "Dale Marrin",
        "name_withheld": False,
        "subject_age": 41,
        "subject_sex": "male",
        "outcome": "fatal",
        "force": "firearm",
        "date": "2021-03-06",
        "date_precision": "day",
        "place": "Tarrow",
        "region": "Westland",
        "country": "NZ",
        "agency": "New Zealand Police",
        "subject_weapon": "shotgun",
        "officers_fired": 2,
        "investigations": (
            "Independent Police Conduct Authority|oversight|pending; Coroner, Westland|coroner|"
        ),
        "confidence": 0.88,
        "source_ids": "story-1",
        "source_urls": "https://news.example/story-1",
    }


def test_export_lists_every_incident_by_id_with_empty_cells_as_none(
    session, sessions, build
) -> None:
    first = build.document("one", sentences=build.unique_sentences("one"), url=None)
    second = build.document("two", sentences=build.unique_sentences("two"))
    bare = build.mention(
        first,
        subject_name=None,
        name_withheld=Fact(True, 0.8),
        subject_age=None,
        date=None,
        investigations=(),
    )
    a = store_result(sessions, build.result(first, (bare,))).incident_ids[0]
    b = store_result(sessions, build.result(second)).incident_ids[0]
    rows = export_incidents(session)
    assert [r.incident_id for r in rows] == [a, b]
    assert (rows[0].subject_name, rows[0].name_withheld, rows[0].subject_age) == (None, True, None)
    assert (rows[0].date, rows[0].date_precision, rows[0].investigations) == (None, None, "")
    assert (rows[0].source_ids, rows[0].source_urls) == ("one", "")
    assert rows[1].source_ids == "two"
    assert rows[1].investigations.startswith("Independent Police Conduct Authority|")
    assert Finding.PENDING.value in rows[1].investigations
