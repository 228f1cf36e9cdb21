"""Curator decisions in the store: audited, and kept when a follow-up article relinks the incident.

Runs on SQLite and PostgreSQL, with databases filled by the real pipeline.
"""

from __future__ import annotations

import pytest

from forcewatch.errors import CurationError
from forcewatch.store import db as store_db
from forcewatch.store import review
from forcewatch.store.models import IncidentRow
from tests.conftest import EXAMPLES
from tests.store.conftest import db_url  # noqa: F401 - SQLite and PostgreSQL
from tests.web.conftest import ARTICLES, FOLLOWUP, incident_id_named, ingest

NAME = "Hohepa Karaitiana"


@pytest.fixture
def filled(db_url: str):  # noqa: F811
    """Return a session factory on a database holding the examples."""
    ingest(db_url, EXAMPLES, ARTICLES)
    engine = store_db.make_engine(db_url)
    yield store_db.session_factory(engine)
    engine.dispose()


def test_confirm_and_edit_survive_a_follow_up_article(filled, db_url: str) -> None:  # noqa: F811
    with filled() as session:
        iid = incident_id_named(session, NAME)
        review.set_status(session, iid, "confirmed", by="cora")
        review.edit_field(session, iid, "place", "Castlecliff", by="cora")
        review.edit_field(session, iid, "subject_age", "42", by="cora")
        session.commit()
    ingest(db_url, FOLLOWUP)  # the family's follow-up story links to the same person
    with filled() as session:
        live = review.resolve(session, iid)
        assert live is not None
        row = session.get(IncidentRow, live)
        sources = {m.document_id for m in row.mentions}
        assert len(sources) == 2  # the follow-up joined the incident
        assert (row.status, row.place, row.subject_age) == ("confirmed", "Castlecliff", 42)
        fields = {f.name: f for f in review.field_reviews(session, live)}
        assert fields["place"].curated and fields["place"].curator == "Castlecliff"
        assert fields["place"].machine != "Castlecliff"  # the machine says otherwise
        assert fields["subject_age"].machine == 41
        actions = [(h.action, h.field, h.after) for h in review.history(session, live)]
        assert actions == [
            ("confirm", "status", "confirmed"),
            ("edit", "place", "Castlecliff"),
            ("edit", "subject_age", "42"),
        ]


def test_decisions_follow_mentions_when_linking_retires_their_incident(filled) -> None:
    """A merge retires one incident row into the other: its decisions move with its mentions."""
    with filled() as session:
        ids = incident_id_named(session, NAME), incident_id_named(session, "Travis Keeling")
        iid, other = max(ids), min(ids)  # the lower id survives a merge of equals
        review.set_status(session, iid, "rejected", by="cora", reason="not a police shooting")
        review.edit_field(session, iid, "subject_name", "H. Karaitiana", by="cora")
        session.commit()
        survivor = review.merge(session, iid, other, by="cora")
        session.commit()
    with filled() as session:
        assert survivor == other and session.get(IncidentRow, iid) is None
        assert review.resolve(session, iid) == survivor
        row = session.get(IncidentRow, survivor)
        assert (row.status, row.subject_name) == ("rejected", "H. Karaitiana")
        assert row.place  # the machine's other fields were written too


def test_split_off_source_starts_as_candidate(filled, db_url: str) -> None:  # noqa: F811
    ingest(db_url, FOLLOWUP)
    with filled() as session:
        iid = incident_id_named(session, NAME)
        review.set_status(session, iid, "confirmed", by="cora")
        docs = sorted({m.document_id for m in session.get(IncidentRow, iid).mentions})
        assert len(docs) == 2
        new_id = review.split(session, iid, docs[1], by="cora")
        session.commit()
    with filled() as session:
        assert session.get(IncidentRow, new_id).status == "candidate"
        assert session.get(IncidentRow, iid).status == "confirmed"
        assert [h.action for h in review.history(session, new_id)] == ["split"]


def test_merge_is_audited_on_both_incidents(filled) -> None:
    with filled() as session:
        a = incident_id_named(session, NAME)
        b = incident_id_named(session, "Travis Keeling")
        survivor = review.merge(session, a, b, by="ada")
        session.commit()
        entries = review.history(session, survivor)
        assert {(h.incident_id, h.action) for h in entries} >= {(a, "merge"), (b, "merge")}
        assert all(h.user == "ada" for h in entries)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("outcome", "exploded", "outcome: 'exploded' is not one of fatal, injured"),
        ("subject_age", "-3", "subject_age: '-3' is not a whole number from 0 to 130"),
        ("date", "last week", "date: 'last week' is not YYYY, YYYY-MM or YYYY-MM-DD"),
        ("country", "New Zealand", "country: 'New Zealand' is not a two-letter ISO code"),
        ("force", "", "force cannot be empty"),
        ("colour", "red", "unknown field 'colour'"),
    ],
)
def test_bad_field_values_are_refused_with_the_reason(filled, field, value, message) -> None:
    with filled() as session:
        iid = incident_id_named(session, NAME)
        with pytest.raises(CurationError, match=message):
            review.edit_field(session, iid, field, value, by="cora")


def test_reject_needs_a_reason(filled) -> None:
    with filled() as session:
        iid = incident_id_named(session, NAME)
        with pytest.raises(CurationError, match="say why incident .* is rejected"):
            review.set_status(session, iid, "rejected", by="cora", reason="  ")
