"""store_result: one transaction per document, idempotent on the content hash."""

from __future__ import annotations

import datetime as dt
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from forcewatch.errors import StoreError
from forcewatch.records import Detection, DocResult, Evidence, Fact, Outcome
from forcewatch.store.models import DocumentRow, FactRow, IncidentRow, MentionRow
from forcewatch.store.repo import counts, has_document, store_result


def _counts(sessions: sessionmaker[Session]) -> tuple[int, int, int, int]:
    with sessions() as session:
        c = counts(session)
    return (c.documents, c.relevant_documents, c.mentions, c.incidents)


def test_new_result_stores_document_mention_facts_and_incident(sessions, build) -> None:
    doc = build.document()
    outcome = store_result(sessions, build.result(doc))
    assert outcome.new is True
    assert len(outcome.incident_ids) == 1
    assert _counts(sessions) == (1, 1, 1, 1)
    with sessions() as session:
        assert has_document(session, doc.doc_id) is True
        row = session.get(DocumentRow, outcome.document_id)
        assert row is not None
        assert (row.external_id, row.content_hash, row.published) == (
            "story-1",
            doc.doc_id,
            dt.date(2021, 3, 8),
        )
        assert row.warnings == ["no byline"]
        assert row.detector_terms == ["shot", "police"]
        assert (row.relevant, row.score, row.detector_score) == (True, 0.88, 0.8)
        facts = session.scalars(select(FactRow).order_by(FactRow.id)).all()
        assert [f.field for f in facts] == [
            "subject_name",
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
        ]
        by_field = {f.field: f for f in facts}
        assert by_field["date"].value == "2021-03-06"
        assert by_field["subject_weapon"].value == "shotgun"
        assert by_field["officers_fired"].value == "2"
        assert (by_field["country"].start_char, by_field["country"].end_char) == (None, None)
        incident = session.get(IncidentRow, outcome.incident_ids[0])
        assert incident is not None
        assert (incident.status, incident.subject_name, incident.date) == (
            "candidate",
            "Dale Marrin",
            "2021-03-06",
        )
        assert (incident.date_precision, incident.outcome, incident.subject_weapon) == (
            "day",
            "fatal",
            "shotgun",
        )


def test_storing_the_same_result_twice_stores_it_once(sessions, build) -> None:
    result = build.result(build.document())
    first = store_result(sessions, result)
    second = store_result(sessions, result)
    assert second.new is False
    assert second.document_id == first.document_id
    assert second.incident_ids == first.incident_ids
    assert _counts(sessions) == (1, 1, 1, 1)


def test_same_text_under_another_id_is_the_same_document(sessions, build) -> None:
    first = store_result(sessions, build.result(build.document("story-1")))
    again = build.document("mirror-9", url="https://mirror.example/9")
    second = store_result(sessions, build.result(again))
    assert (second.new, second.document_id) == (False, first.document_id)
    assert _counts(sessions) == (1, 1, 1, 1)


def test_document_without_mentions_is_stored_not_relevant(sessions, build) -> None:
    doc = build.document("quiet-1", sentences=("The council met on Monday to discuss parks.",))
    result = DocResult(doc, Detection(False, 0.1, ("council",)), skipped="below threshold")
    outcome = store_result(sessions, result)
    assert (outcome.new, outcome.incident_ids) == (True, [])
    assert _counts(sessions) == (1, 0, 0, 0)
    with sessions() as session:
        row = session.get(DocumentRow, outcome.document_id)
        assert row is not None
        assert (row.relevant, row.skipped, row.score) == (False, "below threshold", 0.1)


def test_two_mentions_make_two_incidents(sessions, build) -> None:
    doc = build.document()
    other = build.mention(
        doc, subject_name=Fact("Lee Orbin", 0.6), outcome=Fact(Outcome.MISSED, 0.5)
    )
    outcome = store_result(sessions, build.result(doc, (build.mention(doc), other)))
    assert len(outcome.incident_ids) == 2
    with sessions() as session:
        names = session.scalars(select(MentionRow.subject_name).order_by(MentionRow.position))
        assert list(names) == ["Dale Marrin", "Lee Orbin"]


def test_constraint_failure_leaves_no_half_stored_document(sessions, build) -> None:
    doc = build.document()
    good = build.mention(doc)
    bad = build.mention(doc, subject_age=Fact(-3, 0.4))  # ages are 0..130
    with pytest.raises(StoreError) as info:
        store_result(sessions, build.result(doc, (good, bad)))
    message = str(info.value)
    assert "fixtures.jsonl:story-1: document 'story-1' not stored" in message
    assert "refused mention 1 (" in message
    assert "ck_mentions_subject_age" in message
    assert "\n" not in message
    assert _counts(sessions) == (0, 0, 0, 0)
    with sessions() as session:
        assert has_document(session, doc.doc_id) is False
    # the same document with a valid mention goes in afterwards
    assert store_result(sessions, build.result(doc, (good,))).new is True
    assert _counts(sessions) == (1, 1, 1, 1)


def test_value_outside_the_vocabulary_is_refused(sessions, build) -> None:
    doc = build.document()
    bad = build.mention(doc, outcome=Fact("vanished", 0.5))
    with pytest.raises(StoreError, match=r"ck_mentions_outcome"):
        store_result(sessions, build.result(doc, (bad,)))
    assert _counts(sessions) == (0, 0, 0, 0)


def test_evidence_outside_the_content_is_refused(sessions, build) -> None:
    doc = build.document()
    size = len(doc.content)
    bad = build.mention(doc, place=Fact("Tarrow", 0.8, Evidence(doc.doc_id, size - 2, size + 5)))
    with pytest.raises(StoreError) as info:
        store_result(sessions, build.result(doc, (bad,)))
    assert f"mention 0 field place: evidence offsets {size - 2}:{size + 5}" in str(info.value)
    assert _counts(sessions) == (0, 0, 0, 0)


def test_evidence_from_another_document_is_refused(sessions, build) -> None:
    doc = build.document()
    bad = build.mention(doc, agency=Fact("Police", 0.5, Evidence("elsewhere", 0, 4)))
    with pytest.raises(StoreError, match=r"field agency: evidence names document 'elsewhere'"):
        store_result(sessions, build.result(doc, (bad,)))
    assert _counts(sessions) == (0, 0, 0, 0)


def test_session_caller_commits_and_a_failure_rolls_back_only_its_document(sessions, build) -> None:
    first = build.document("a-1", sentences=("Police shot a man in Carrow on Monday.",))
    second = build.document()
    third = build.document("c-3", sentences=("Police shot a woman in Dunmore on Friday.",))
    bad = build.mention(second, officers_fired=Fact(-1, 0.3))
    with sessions() as session:
        a = store_result(session, build.result(first, ()))
        with pytest.raises(
            StoreError,
            match=r"refused mention 0 \([^)\n]*ck_mentions_officers_fired",
        ):
            store_result(session, build.result(second, (bad,)))
        c = store_result(session, build.result(third, ()))
        session.commit()
    assert (a.new, c.new) == (True, True)
    with sessions() as session:
        stored = session.scalars(select(DocumentRow.external_id).order_by(DocumentRow.id))
        assert list(stored) == ["a-1", "c-3"]


def test_session_left_uncommitted_stores_nothing(sessions, build) -> None:
    with sessions() as session:
        store_result(session, build.result(build.document()))
        session.rollback()
    assert _counts(sessions) == (0, 0, 0, 0)


def test_a_second_writer_waits_and_stores_the_document_once(sessions, build) -> None:
    result = build.result(build.document())
    with sessions() as first, ThreadPoolExecutor(1) as pool:
        a = store_result(first, result)  # not committed yet: holds the write lock
        later = pool.submit(store_result, sessions, result)
        time.sleep(0.5)
        assert later.done() is False  # waiting for the first writer
        first.commit()
        b = later.result(timeout=20)
    assert (a.new, b.new, b.document_id, b.incident_ids) == (
        True,
        False,
        a.document_id,
        a.incident_ids,
    )
    assert _counts(sessions) == (1, 1, 1, 1)
