"""Reading incidents back: filters, detail with evidence, counts."""

from __future__ import annotations

import datetime as dt

import pytest

from forcewatch.errors import StoreError
from forcewatch.records import Fact, Outcome, PartialDate
from forcewatch.store.repo import counts, get_incident, list_incidents, store_result

#: (external id, country, outcome, date or None, subject name or None)
CASES = (
    ("nz-2021", "NZ", Outcome.FATAL, PartialDate(2021, 3, 6), "Dale Marrin"),
    ("au-2019", "AU", Outcome.INJURED, PartialDate(2019), None),
    ("us-2019-06", "US", Outcome.MISSED, PartialDate(2019, 6), "Ray Tolland"),
    ("gb-undated", "GB", Outcome.FATAL, None, "Sam Pettigrew"),
    ("nz-2019-06-29", "NZ", Outcome.INJURED, PartialDate(2019, 6, 29), "Ana Kerei"),
)


@pytest.fixture
def stored(sessions, build) -> dict[str, int]:
    """Store one incident per case; return incident ids by external id."""
    ids: dict[str, int] = {}
    for ext, country, outcome, date, name in CASES:
        doc = build.document(ext, sentences=build.unique_sentences(ext))
        mention = build.mention(
            doc,
            country=Fact(country, 0.7),
            outcome=Fact(outcome, 0.8),
            date=None if date is None else Fact(date, 0.6),
            subject_name=None if name is None else Fact(name, 0.9),
            name_withheld=Fact(True, 0.7) if name is None else None,
        )
        ids[ext] = store_result(sessions, build.result(doc, (mention,))).incident_ids[0]
    return ids


def _ids(summaries, stored: dict[str, int]) -> list[str]:
    by_id = {v: k for k, v in stored.items()}
    return [by_id[s.id] for s in summaries]


def test_incidents_are_listed_newest_first_undated_last(session, stored) -> None:
    assert _ids(list_incidents(session), stored) == [
        "nz-2021",
        "nz-2019-06-29",
        "us-2019-06",
        "au-2019",
        "gb-undated",
    ]


def test_country_filter_ignores_case(session, stored) -> None:
    assert _ids(list_incidents(session, country="nz"), stored) == ["nz-2021", "nz-2019-06-29"]


def test_outcome_filter(session, stored) -> None:
    assert _ids(list_incidents(session, outcome="injured"), stored) == [
        "nz-2019-06-29",
        "au-2019",
    ]


def test_unknown_outcome_is_refused_with_the_choices(session, stored) -> None:
    with pytest.raises(StoreError, match=r"unknown outcome 'dead': use one of fatal, injured"):
        list_incidents(session, outcome="dead")


@pytest.mark.parametrize(
    ("since", "expected"),
    [
        (dt.date(2019, 6, 30), ["nz-2021", "us-2019-06", "au-2019"]),
        (dt.date(2019, 6, 29), ["nz-2021", "nz-2019-06-29", "us-2019-06", "au-2019"]),
        (dt.date(2019, 7, 1), ["nz-2021", "au-2019"]),
        (dt.date(2020, 1, 1), ["nz-2021"]),
        (dt.date(2021, 3, 7), []),
    ],
)
def test_since_keeps_incidents_whose_date_range_reaches_it(
    session, stored, since: dt.date, expected: list[str]
) -> None:
    assert _ids(list_incidents(session, since=since), stored) == expected


def test_filters_combine_and_limit_cuts(session, stored) -> None:
    found = list_incidents(session, country="NZ", since=dt.date(2019, 1, 1), limit=1)
    assert _ids(found, stored) == ["nz-2021"]


def test_summary_carries_fields_and_withheld_subject(session, stored) -> None:
    by_id = {s.id: s for s in list_incidents(session)}
    first = by_id[stored["nz-2021"]]
    assert (first.subject, first.age, first.sex, first.outcome, first.force) == (
        "Dale Marrin",
        41,
        "male",
        "fatal",
        "firearm",
    )
    assert (first.date, first.date_precision, first.place, first.region, first.country) == (
        "2021-03-06",
        "day",
        "Tarrow",
        "Westland",
        "NZ",
    )
    assert (first.agency, first.weapon, first.officers_fired, first.status) == (
        "New Zealand Police",
        "shotgun",
        2,
        "candidate",
    )
    assert (first.confidence, first.n_sources) == (0.88, 1)
    withheld = by_id[stored["au-2019"]]
    assert (withheld.subject, withheld.date) == ("withheld", "2019")
    assert withheld.date_precision == "year"


def test_get_incident_evidence_is_the_sentence_in_the_content(session, sessions, build) -> None:
    doc = build.document()
    incident_id = store_result(sessions, build.result(doc)).incident_ids[0]
    detail = get_incident(session, incident_id)
    assert detail is not None
    assert detail.id == incident_id
    assert [f.name for f in detail.fields][:3] == ["subject_name", "name_withheld", "subject_age"]
    weapon = detail.field("subject_weapon")
    assert (weapon.value, weapon.confidence) == ("shotgun", 0.8)
    (ev,) = weapon.evidence
    assert ev.text == doc.content[ev.start : ev.end] == build.SENTENCES[1]
    assert (ev.external_id, ev.document_id) == ("story-1", detail.sources[0].document_id)
    name = detail.field("subject_name")
    assert name.evidence[0].text == build.SENTENCES[0]
    assert detail.field("date").value == "2021-03-06"
    country = detail.field("country")
    assert (country.value, country.confidence, country.evidence) == ("NZ", 0.5, ())
    withheld = detail.field("name_withheld")
    assert (withheld.value, withheld.confidence, withheld.evidence) == (False, None, ())


def test_get_incident_lists_investigations_and_sources(session, sessions, build) -> None:
    doc = build.document()
    incident_id = store_result(sessions, build.result(doc)).incident_ids[0]
    detail = get_incident(session, incident_id)
    assert detail is not None
    (inv,) = detail.investigations
    assert (inv.body, inv.kind, inv.finding, inv.confidence) == (
        "Independent Police Conduct Authority",
        "oversight",
        "pending",
        0.65,
    )
    assert inv.evidence is not None
    assert inv.evidence.text == build.SENTENCES[2]
    (source,) = detail.sources
    assert (source.external_id, source.url, source.title, source.source, source.published) == (
        "story-1",
        "https://news.example/story-1",
        build.TITLE,
        "Example News",
        dt.date(2021, 3, 8),
    )
    assert detail.summary.n_sources == 1
    assert detail.created_at.tzinfo is not None
    assert detail.created_at <= dt.datetime.now(dt.UTC)


def test_evidence_offsets_work_without_a_title(session, sessions, build) -> None:
    doc = build.document(title=None)
    incident_id = store_result(sessions, build.result(doc)).incident_ids[0]
    detail = get_incident(session, incident_id)
    assert detail is not None
    (ev,) = detail.field("place").evidence
    assert ev.text == doc.content[ev.start : ev.end] == build.SENTENCES[0]


def test_get_unknown_incident_returns_none(session, stored) -> None:
    assert get_incident(session, max(stored.values()) + 100) is None


def test_counts(session, stored) -> None:
    c = counts(session)
    assert (c.documents, c.relevant_documents, c.mentions, c.incidents) == (5, 5, 5, 5)
