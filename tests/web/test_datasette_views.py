"""The SQL views migration 0005 adds for Datasette: the published record and its sources."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from forcewatch.store import review
from tests.web.conftest import incident_id_named


def test_views_show_confirmed_incidents_with_their_sources(db_file: Path, sessions) -> None:
    with sessions() as session:
        iid = incident_id_named(session, "Colin Ashdown")
        review.set_status(session, iid, "confirmed", by="cora")
        session.commit()
    conn = sqlite3.connect(db_file)
    try:
        confirmed = conn.execute(
            "SELECT incident_id, subject_name, outcome, force, n_sources FROM confirmed_incidents"
        ).fetchall()
        assert confirmed == [(iid, "Colin Ashdown", "fatal", "taser", 1)]
        sources = conn.execute(
            "SELECT status, external_id FROM incident_sources WHERE incident_id = ?", (iid,)
        ).fetchall()
        assert [(s, e.rsplit("/", 1)[-1]) for s, e in sources] == [
            ("confirmed", "ca-taser-death-prince-george.txt")
        ]
        n_all = conn.execute("SELECT COUNT(DISTINCT incident_id) FROM incident_sources").fetchone()
        assert n_all == (11,)
    finally:
        conn.close()
