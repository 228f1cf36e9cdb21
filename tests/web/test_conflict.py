"""Two curators editing one incident: the second save is refused with a clear conflict
(409), never a silent overwrite - through the API (If-Match) and the HTML forms.
Runs on SQLite and, in the `-m db` run, on PostgreSQL (`web_db_url`)."""

from __future__ import annotations

import re
import threading

import pytest
from fastapi.testclient import TestClient

from forcewatch.errors import ConflictError
from forcewatch.store import db as store_db
from forcewatch.store import review
from forcewatch.store.models import AuditRow, IncidentRow
from tests.reliability.record import record
from tests.web.conftest import incident_id_named, sign_in

pytestmark = pytest.mark.reliability


def _two_curators(app) -> tuple[tuple[TestClient, str], tuple[TestClient, str]]:
    cora, ada = TestClient(app), TestClient(app)
    return (cora, sign_in(cora, "cora")), (ada, sign_in(ada, "ada"))


def test_the_second_api_save_on_a_stale_version_gets_409(app, sessions, settings) -> None:
    with sessions() as session:
        iid = incident_id_named(session, "Hohepa Karaitiana")
    (cora, c_token), (ada, a_token) = _two_curators(app)
    seen_c = cora.get(f"/api/incidents/{iid}").headers["ETag"]
    seen_a = ada.get(f"/api/incidents/{iid}").headers["ETag"]
    assert seen_c == seen_a == '"0"'
    first = cora.post(
        f"/api/incidents/{iid}/fields/place",
        json={"value": "Whanganui East"},
        headers={"X-CSRF-Token": c_token, "If-Match": seen_c},
    )
    assert first.status_code == 200 and first.json()["version"] == 1
    second = ada.post(
        f"/api/incidents/{iid}/fields/place",
        json={"value": "Castlecliff"},
        headers={"X-CSRF-Token": a_token, "If-Match": seen_a},
    )
    assert second.status_code == 409
    assert "changed by someone else" in second.json()["detail"]
    assert "reload" in second.json()["detail"]
    with sessions() as session:
        row = session.get(IncidentRow, iid)
        assert (row.place, row.version) == ("Whanganui East", 1)
        edits = session.query(AuditRow).filter_by(incident_id=iid, action="edit").all()
        assert [e.user_name for e in edits] == ["cora"]
    # after reloading, the second curator may save over it on purpose
    fresh = ada.get(f"/api/incidents/{iid}").headers["ETag"]
    third = ada.post(
        f"/api/incidents/{iid}/fields/place",
        json={"value": "Castlecliff"},
        headers={"X-CSRF-Token": a_token, "If-Match": fresh},
    )
    assert third.status_code == 200 and third.json()["version"] == 2
    bad = ada.post(
        f"/api/incidents/{iid}/confirm", headers={"X-CSRF-Token": a_token, "If-Match": "abc"}
    )
    assert bad.status_code == 400 and "If-Match" in bad.json()["detail"]


def test_the_second_form_save_on_a_stale_page_gets_409(app, sessions) -> None:
    with sessions() as session:
        iid = incident_id_named(session, "Hohepa Karaitiana")
    (cora, _), (ada, _) = _two_curators(app)
    page_c, page_a = cora.get(f"/incidents/{iid}").text, ada.get(f"/incidents/{iid}").text

    def form(html: str) -> dict[str, str]:
        token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        version = re.search(r'name="version" value="(\d+)"', html).group(1)
        return {"csrf_token": token, "version": version}

    ok = cora.post(f"/incidents/{iid}/confirm", data=form(page_c), follow_redirects=False)
    assert ok.status_code == 303
    stale = ada.post(f"/incidents/{iid}/reject", data={**form(page_a), "reason": "not police"})
    assert stale.status_code == 409
    assert "changed by someone else" in stale.text
    with sessions() as session:
        assert session.get(IncidentRow, iid).status == "confirmed"


def test_two_saves_at_once_on_one_version_exactly_one_wins(sessions, settings) -> None:
    """The compare-and-set under real concurrency: two threads, two sessions."""
    with sessions() as session:
        iid = incident_id_named(session, "Hohepa Karaitiana")
    rounds = 10
    outcomes: list[str] = []
    for n in range(rounds):
        barrier = threading.Barrier(2)
        results: list[str] = []

        def save(who: str, value: str, n: int = n, barrier=barrier, results=results) -> None:
            with sessions() as session:
                barrier.wait(30)
                # as a POST does (web/deps.py): a write transaction from the start
                session.connection(execution_options=store_db.WRITE_TRANSACTION)
                try:
                    review.edit_field(session, iid, "place", value, by=who, version=n)
                    session.commit()
                    results.append("won")
                except ConflictError:
                    session.rollback()
                    results.append("refused")
                except Exception as exc:  # noqa: BLE001 - a lock timeout would show here
                    session.rollback()
                    results.append(f"error {type(exc).__name__}")

        threads = [
            threading.Thread(target=save, args=("cora", f"A{n}")),
            threading.Thread(target=save, args=("ada", f"B{n}")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        assert sorted(results) == ["refused", "won"], results
        outcomes.extend(results)
    with sessions() as session:
        assert session.get(IncidentRow, iid).version == rounds
        assert session.query(AuditRow).filter_by(incident_id=iid, action="edit").count() == rounds
    record(
        "concurrency",
        "two curators save one incident at once",
        "two sessions save the same incident version at the same moment (API, form, threads)",
        rounds + 2,
        "the second save is refused with 409 / a conflict every time; no silent overwrite",
        database="PostgreSQL" if settings.database_url.startswith("postgresql") else "SQLite",
    )
