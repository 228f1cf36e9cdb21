"""Linking in the store: across runs and orders, near-duplicates, events, curator actions."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from forcewatch.errors import CurationError
from forcewatch.records import DocResult, Document, Fact, Outcome, PartialDate
from forcewatch.store.curate import merge_incidents, split_source
from forcewatch.store.db import make_engine, session_factory, upgrade
from forcewatch.store.models import (
    DocumentRow,
    DocumentSourceRow,
    IncidentRow,
    LinkConstraintRow,
    MentionRow,
    ReferenceListRow,
    ReferenceMatchRow,
    ReferenceRecordRow,
)
from forcewatch.store.repo import export_incidents, get_incident, list_incidents, store_result
from forcewatch.store.views import StoreOutcome

# Invented stories: (id, published, mentions as dicts of field values).
STORIES: dict[str, tuple[dt.date, list[dict]]] = {
    "breaking": (dt.date(2021, 3, 6), [{"age": 41, "outcome": Outcome.INJURED}]),
    "named": (dt.date(2021, 3, 8), [{"name": "Dale Marrin", "age": 41}]),
    "follow": (dt.date(2021, 3, 20), [{"name": "Marrin", "date": None, "age": 42}]),
    "two": (dt.date(2021, 3, 9), [{"name": "Dale Marrin"}, {"name": "Kerry Marrin", "age": 19}]),
    "other": (
        dt.date(2021, 3, 7),
        [{"name": "Aroha Tane", "place": "Oxley", "region": "Canterbury", "age": 30}],
    ),
    "otherdale": (
        dt.date(2016, 8, 3),
        [
            {
                "name": "Dale Marrin",
                "date": PartialDate(2016, 8, 2),
                "place": "Kuri",
                "region": "Otago",
            }
        ],
    ),  # fmt: skip
}


def story(build, ext: str, doc: Document | None = None) -> DocResult:
    """Return the result of the invented story `ext` (told in `doc` when given)."""
    published, specs = STORIES[ext]
    if doc is None:
        doc = build.document(
            ext,
            sentences=build.unique_sentences(ext),
            published=published,
            url=f"https://n.example/{ext}",
        )
    mentions = []
    for spec in specs:
        date = spec.get("date", PartialDate(2021, 3, 6))
        mentions.append(
            build.mention(
                doc,
                subject_name=Fact(spec["name"], 0.9) if spec.get("name") else None,
                name_withheld=None,
                subject_age=Fact(spec["age"], 0.8) if spec.get("age") else None,
                outcome=Fact(spec.get("outcome", Outcome.FATAL), 0.9),
                date=None if date is None else Fact(date, 0.7),
                place=Fact(spec.get("place", "Tarrow"), 0.8),
                region=Fact(spec.get("region", "Westland"), 0.6),
            )
        )
    return build.result(doc, tuple(mentions))


def groups(sessions: sessionmaker[Session]) -> set[frozenset[str]]:
    """Return the grouping of mentions as sets of "external id:position"."""
    with sessions() as session:
        rows = session.scalars(select(MentionRow)).all()
        by_incident: dict[int, set[str]] = {}
        for r in rows:
            assert r.incident_id is not None
            by_incident.setdefault(r.incident_id, set()).add(
                f"{r.document.external_id}:{r.position}"
            )
    return {frozenset(g) for g in by_incident.values()}


EXPECTED = {
    frozenset({"breaking:0", "named:0", "follow:0", "two:0"}),
    frozenset({"two:1"}),
    frozenset({"other:0"}),
    frozenset({"otherdale:0"}),
}


def test_stories_about_one_person_make_one_incident(sessions, build) -> None:
    for ext in STORIES:
        store_result(sessions, story(build, ext))
    assert groups(sessions) == EXPECTED


@pytest.mark.parametrize("seed", range(4))
def test_grouping_is_the_same_in_any_order(tmp_path, build, seed) -> None:
    orders = list(itertools.permutations(STORIES))
    order = orders[(seed * 211) % len(orders)]
    engine = make_engine(f"sqlite:///{tmp_path / 'order.db'}")
    upgrade(engine)
    sessions = session_factory(engine)
    for ext in order:
        store_result(sessions, story(build, ext))
    assert groups(sessions) == EXPECTED, order
    engine.dispose()


def test_merged_fields_conflicts_and_outcome_change(sessions, session, build) -> None:
    ids = [
        store_result(sessions, story(build, e)).incident_ids
        for e in ("breaking", "named", "follow")
    ]
    assert ids[0] == ids[1] == ids[2]
    detail = get_incident(session, ids[0][0])
    assert detail is not None
    assert detail.summary.subject == "Dale Marrin" and detail.summary.n_sources == 3
    assert detail.summary.conflicts == ("subject_age",)
    age = detail.field("subject_age")
    assert age.conflict and age.value == 41
    assert [(v.value, v.external_ids) for v in age.values] == [
        (41, ("breaking", "named")),
        (42, ("follow",)),
    ]
    (change,) = detail.changes
    assert (change.field, change.before, change.after) == ("outcome", "injured", "fatal")
    assert (change.before_published, change.after_published) == (
        dt.date(2021, 3, 6),
        dt.date(2021, 3, 8),
    )
    assert detail.summary.outcome == "fatal"


def test_two_people_in_one_event_share_an_event_id(sessions, session, build) -> None:
    outcome = store_result(sessions, story(build, "two"))
    a, b = outcome.incident_ids
    assert a != b
    summaries = {s.id: s for s in list_incidents(session)}
    assert summaries[a].event_id == summaries[b].event_id is not None
    assert store_result(sessions, story(build, "other")).incident_ids[0] not in (a, b)
    with sessions() as fresh:
        other = {s.id: s for s in list_incidents(fresh)}
    assert [s.event_id for s in other.values() if s.id not in (a, b)] == [None]


def test_links_across_separate_runs(tmp_path, build) -> None:
    url = f"sqlite:///{tmp_path / 'runs.db'}"
    for ext in ("named", "breaking"):
        engine = make_engine(url)
        upgrade(engine)
        store_result(session_factory(engine), story(build, ext))
        engine.dispose()
    engine = make_engine(url)
    assert groups(session_factory(engine)) == {frozenset({"named:0", "breaking:0"})}
    engine.dispose()


def _copy(doc: Document, ext: str, url: str, smaller: bool | None = None) -> Document:
    """Return a near-copy of `doc`; `smaller` asks for a content hash below (True) or
    above (False) the original's, so a test knows which text is analysed."""
    for n in range(200):
        text = doc.text.replace("Desk log", "Wire desk log")
        text += f"\nReporting by wire staff, desk {n}."
        copy = Document(ext, text, title="Another headline", url=url, source="Wire", origin=ext)
        if smaller is None or (copy.doc_id < doc.doc_id) == smaller:
            return copy
    raise AssertionError("no copy with the hash order asked for")


def test_near_duplicate_is_stored_once_with_both_urls(sessions, session, build) -> None:
    original = story(build, "named")
    first = store_result(sessions, original)
    copy = _copy(original.document, "wire-1", "https://wire.example/1")
    second = store_result(sessions, story(build, "named", copy))
    assert (second.new, second.document_id, second.near_duplicate_of) == (
        False,
        first.document_id,
        first.document_id,
    )
    assert second.incident_ids == first.incident_ids
    again = store_result(sessions, story(build, "named", copy))  # exact re-ingest
    assert (again.new, again.near_duplicate_of) == (False, None)
    rows = session.scalars(select(DocumentSourceRow).order_by(DocumentSourceRow.url)).all()
    assert [(r.document_id, r.url) for r in rows] == [
        (first.document_id, "https://n.example/named"),
        (first.document_id, "https://wire.example/1"),
    ]
    detail = get_incident(session, first.incident_ids[0])
    assert detail is not None
    (source,) = detail.sources
    assert {source.url, *(c.url for c in source.copies)} == {r.url for r in rows}
    (export,) = export_incidents(session)
    assert sorted(export.source_urls.split()) == [r.url for r in rows]


@pytest.mark.parametrize("smaller", [True, False], ids=["copy-analysed", "original-analysed"])
def test_near_duplicates_give_the_same_record_in_either_order(tmp_path, build, smaller) -> None:
    """The analysed text of a near-duplicate pair is the one with the smaller hash, so the
    store ends the same whichever arrives first, even when the two texts tell it apart."""
    original = story(build, "named")
    copy = _copy(original.document, "wire-1", "https://wire.example/1", smaller)
    copied = story(build, "named", copy)
    copied = DocResult(
        copy,
        copied.detection,
        tuple(
            replace(m, subject_age=Fact(42, 0.8, m.subject_age.evidence)) for m in copied.mentions
        ),
    )
    ends = []
    for i, order in enumerate(([original, copied], [copied, original])):
        engine = make_engine(f"sqlite:///{tmp_path / f'order{i}.db'}")
        upgrade(engine)
        sessions = session_factory(engine)
        for result in order:
            store_result(sessions, result)
        with sessions() as s:
            docs = [(d.content_hash, d.url) for d in s.scalars(select(DocumentRow))]
            ages = [(m.position, m.subject_age) for m in s.scalars(select(MentionRow))]
            incidents = [(i.subject_name, i.subject_age) for i in s.scalars(select(IncidentRow))]
            sources = sorted(r.url for r in s.scalars(select(DocumentSourceRow)))
        engine.dispose()
        ends.append((docs, ages, incidents, sources))
    assert ends[0] == ends[1]
    analysed = copy if smaller else original.document
    assert ends[0][0] == [(analysed.doc_id, analysed.url)]
    assert ends[0][1] == [(0, 42 if smaller else 41)]


def test_promoted_copy_keeps_curator_merge(sessions, session, build) -> None:
    original = story(build, "named")
    dale = _ids(store_result(sessions, original))
    old = _ids(store_result(sessions, story(build, "otherdale")))
    with sessions.begin() as s:
        merged = merge_incidents(s, dale, old, by="curator")
    copy = _copy(original.document, "wire-1", "https://wire.example/1", smaller=True)
    outcome = store_result(sessions, story(build, "named", copy))
    assert outcome.near_duplicate_of is not None
    assert set(outcome.incident_ids) == {merged}
    stored = session.get(DocumentRow, outcome.document_id)
    assert stored is not None and stored.content_hash == copy.doc_id
    assert groups(sessions) == {frozenset({"wire-1:0", "otherdale:0"})}


def _ids(outcome: StoreOutcome) -> int:
    (incident,) = set(outcome.incident_ids)
    return incident


def test_curator_merge_survives_new_documents(sessions, build) -> None:
    dale = _ids(store_result(sessions, story(build, "named")))
    old = _ids(store_result(sessions, story(build, "otherdale")))
    assert dale != old
    with sessions() as session:
        kept = merge_incidents(session, dale, old, by="ana")
        session.commit()
        gone = ({dale, old} - {kept}).pop()
        with pytest.raises(
            CurationError,
            match=rf"incident {gone} was already merged into {kept}; merge {kept} instead",
        ):
            merge_incidents(session, gone, kept, by="ana")
        constraint = session.scalars(select(LinkConstraintRow)).one()
        assert (constraint.kind, constraint.created_by) == ("must", "ana")
    store_result(sessions, story(build, "breaking"))
    store_result(sessions, story(build, "follow"))
    assert frozenset({"named:0", "otherdale:0", "breaking:0", "follow:0"}) in groups(sessions)


def test_curator_split_survives_new_documents(sessions, build) -> None:
    incident = _ids(store_result(sessions, story(build, "named")))
    store_result(sessions, story(build, "breaking"))
    with sessions() as session:
        breaking_doc = session.scalars(
            select(MentionRow.document_id).where(MentionRow.incident_id == incident)
        ).all()
        doc_id = max(breaking_doc)
        new = split_source(session, incident, doc_id, by="ana")
        session.commit()
        assert new != incident
        with pytest.raises(CurationError, match=r"ana kept them apart on .*split"):
            merge_incidents(session, incident, new, by="bo")
    store_result(sessions, story(build, "follow"))
    found = groups(sessions)
    assert frozenset({"breaking:0"}) in found
    assert frozenset({"named:0", "follow:0"}) in found


def test_conflicting_curator_actions_say_what_to_do(sessions, session, build) -> None:
    incident = _ids(store_result(sessions, story(build, "named")))
    doc_id = store_result(sessions, story(build, "named")).document_id
    with pytest.raises(
        CurationError, match=rf"document {doc_id} is the only source of incident {incident}"
    ):
        split_source(session, incident, doc_id, by="ana")
    with pytest.raises(CurationError, match=r"document 999 is not a source of incident"):
        split_source(session, incident, 999, by="ana")
    with pytest.raises(CurationError, match=r"cannot merge incident \d+ with itself"):
        merge_incidents(session, incident, incident, by="ana")
    with pytest.raises(CurationError, match=r"no incident 999: list them"):
        merge_incidents(session, incident, 999, by="ana")
    with pytest.raises(CurationError, match=r"`by` must name the curator"):
        merge_incidents(session, incident, 999, by=" ")


def _matched(session: Session, incident_id: int, row: int) -> None:
    """Record that row `row` of a small invented list matched `incident_id`."""
    now = dt.datetime.now(dt.UTC)
    listed = ReferenceListRow(
        name=f"list-{row}", format="csv", source_file="list.csv", created_at=now, updated_at=now
    )
    record = ReferenceRecordRow(
        row_number=row, row_key=f"k{row}", outcome="fatal", raw={}, imported_at=now
    )
    listed.records.append(record)
    session.add(listed)
    session.flush()
    session.add(
        ReferenceMatchRow(
            list_id=listed.id,
            record_id=record.id,
            incident_id=incident_id,
            score=1.0,
            reasons=["date same day"],
            matched_at=now,
        )
    )
    session.commit()


def test_a_retired_incident_hands_its_reference_match_to_its_successor(sessions, build) -> None:
    dale = _ids(store_result(sessions, story(build, "named")))
    old = _ids(store_result(sessions, story(build, "otherdale")))
    with sessions() as session:
        _matched(session, old, 7)
        _matched(session, dale, 8)
        kept = merge_incidents(session, dale, old, by="ana")
        session.commit()
        moved = session.scalars(select(ReferenceMatchRow).order_by(ReferenceMatchRow.id)).all()
        assert [(m.incident_id, m.reasons) for m in moved] == [
            (kept, ["date same day"]),
            (kept, ["date same day"]),
        ]
