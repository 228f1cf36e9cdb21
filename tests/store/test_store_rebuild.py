"""`relink_all` (`forcewatch db relink`): a store whose mentions lost their linking keys
and their grouping (as a database made before linking existed) is relinked whole."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from typer.testing import CliRunner

from forcewatch.cli import app
from forcewatch.store.curate import merge_incidents
from forcewatch.store.db import make_engine, session_factory
from forcewatch.store.models import IncidentRow, MentionKeyRow, MentionRow
from forcewatch.store.rebuild import relink_all
from forcewatch.store.repo import store_result
from tests.store.test_store_linking import groups, story


def _unlink(sessions) -> None:
    """Drop every blocking key and give every mention an incident of its own."""
    now = dt.datetime.now(dt.UTC)
    with sessions.begin() as session:
        session.execute(delete(MentionKeyRow))
        for row in session.scalars(select(MentionRow).order_by(MentionRow.id)):
            incident = IncidentRow(
                status="candidate",
                outcome=row.outcome,
                force=row.force,
                confidence=row.confidence,
                name_withheld=False,
                created_at=now,
                updated_at=now,
            )
            session.add(incident)
            session.flush()
            row.incident_id = incident.id
        session.execute(
            delete(IncidentRow).where(IncidentRow.id.not_in(select(MentionRow.incident_id)))
        )


def test_relink_all_restores_the_grouping_and_keeps_curator_merges(sessions, build) -> None:
    for ext in ("breaking", "named", "follow", "other", "otherdale"):
        store_result(sessions, story(build, ext))
    with sessions() as session:
        dale = session.scalar(
            select(MentionRow.incident_id).where(MentionRow.subject_name == "Dale Marrin")
        )
        aroha = session.scalar(
            select(MentionRow.incident_id).where(MentionRow.subject_name == "Aroha Tane")
        )
        merge_incidents(session, dale, aroha, by="ana")
        session.commit()
    linked = groups(sessions)
    assert frozenset({"breaking:0", "named:0", "follow:0", "other:0"}) in linked
    _unlink(sessions)
    assert len(groups(sessions)) == 5
    summary = relink_all(sessions, batch=2)
    assert (summary.mentions, summary.incidents_before, summary.incidents_after) == (5, 5, 2)
    assert groups(sessions) == linked
    with sessions() as session:
        keys = session.scalars(select(MentionKeyRow.mention_id).distinct()).all()
        ids_before = sorted(session.scalars(select(IncidentRow.id)))
    assert len(keys) == 5
    again = relink_all(sessions)
    assert (again.incidents_before, again.incidents_after) == (2, 2)
    with sessions() as session:
        assert sorted(session.scalars(select(IncidentRow.id))) == ids_before


def test_db_relink_command_reports_what_it_did(tmp_path, build) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["db", "upgrade", "--db", url]).exit_code == 0
    engine = make_engine(url)
    sessions = session_factory(engine)
    for ext in ("breaking", "named"):
        store_result(sessions, story(build, ext))
    _unlink(sessions)
    engine.dispose()
    result = runner.invoke(app, ["db", "relink", "--db", url, "--json"])
    assert result.exit_code == 0, result.output
    assert '"incidents_after": 1' in result.stdout
    assert '"incidents_before": 2' in result.stdout
