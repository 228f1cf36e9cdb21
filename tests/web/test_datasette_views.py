"""The SQL views migration 0005 adds for Datasette: the published record and its sources."""

from __future__ import annotations

from forcewatch.store import review
from tests.conftest import query
from tests.web.conftest import incident_id_named


def test_views_show_confirmed_incidents_with_their_sources(web_db_url: str, sessions) -> None:
    with sessions() as session:
        iid = incident_id_named(session, "Colin Ashdown")
        review.set_status(session, iid, "confirmed", by="cora")
        session.commit()
    confirmed = query(
        web_db_url,
        "SELECT incident_id, subject_name, outcome, force, n_sources FROM confirmed_incidents",
    )
    assert confirmed == [(iid, "Colin Ashdown", "fatal", "taser", 1)]
    sources = query(
        web_db_url, f"SELECT status, external_id FROM incident_sources WHERE incident_id = {iid}"
    )
    assert [(s, e.rsplit("/", 1)[-1]) for s, e in sources] == [
        ("confirmed", "ca-taser-death-prince-george.txt")
    ]
    n_all = query(web_db_url, "SELECT COUNT(DISTINCT incident_id) FROM incident_sources")
    assert n_all == [(11,)]
