"""Server-rendered pages: dashboard tally and charts, lists, incident page, queue, sign-in."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from forcewatch.store import review
from tests.web.conftest import incident_id_named


def _confirm(sessions, name: str) -> int:
    with sessions() as session:
        iid = incident_id_named(session, name)
        review.set_status(session, iid, "confirmed", by="cora")
        session.commit()
    return iid


def test_dashboard_tally_and_svg_charts_count_confirmed_incidents(client, sessions) -> None:
    empty = client.get("/").text
    assert re.search(r'id="tally-total">0<', empty) and "Nothing confirmed yet." in empty
    _confirm(sessions, "Hohepa Karaitiana")
    _confirm(sessions, "Darren Whitlock")
    html = client.get("/").text
    assert re.search(r'id="tally-fatal">1<', html) and re.search(r'id="tally-missed">1<', html)
    assert re.search(r'id="tally-total">2<', html)
    assert html.count("<svg") == 3
    assert '<rect class="o-missed"' in html and '<rect class="o-fatal"' in html
    assert ">GB Berkshire</text>" in html  # a region bar label
    assert 'href="/api/export.csv"' in html


def test_public_list_shows_confirmed_only(client, sessions) -> None:
    iid = _confirm(sessions, "Travis Keeling")
    html = client.get("/incidents").text
    assert "1 incident(s)" in html and f'href="/incidents/{iid}"' in html
    assert 'name="status"' not in html  # no status filter for the public


def test_incident_page_highlights_evidence_and_hides_actions_from_the_public(
    client, sessions
) -> None:
    iid = _confirm(sessions, "Colin Ashdown")
    html = client.get(f"/incidents/{iid}").text
    marks = re.findall(r'<mark title="([^"]+)"[^>]*>([^<]+)</mark>', html)
    assert any("outcome" in fields.split(", ") for fields, _ in marks)
    assert any("Ashdown" in text for _, text in marks)
    assert 'id="actions"' not in html and "Split this source off" not in html
    assert 'id="history"' not in html


def test_candidate_incident_page_is_not_public(client, sessions) -> None:
    with sessions() as session:
        iid = incident_id_named(session, "Sonu Tyagi")
    r = client.get(f"/incidents/{iid}")
    assert r.status_code == 404 and f"no published incident {iid}" in r.text


def test_curator_queue_lists_candidates_newest_first(curator) -> None:
    client, _ = curator
    html = client.get("/review").text
    assert "11 candidate incident(s)." in html
    ids = [int(i) for i in re.findall(r'<tr class="row" data-href="/incidents/(\d+)"', html)]
    assert len(ids) == 11


def test_curator_form_actions_redirect_back_with_a_note(curator, sessions) -> None:
    client, token = curator
    with sessions() as session:
        iid = incident_id_named(session, "Sonu Tyagi")
    r = client.post(f"/incidents/{iid}/edit",
                    data={"csrf_token": token, "field": "subject_age", "value": "27"},
                    follow_redirects=False)  # fmt: skip
    assert (r.status_code, r.headers["location"]) == (
        303,
        f"/incidents/{iid}?done=subject_age%20set.",
    )
    page = client.get(r.headers["location"]).text
    assert 'id="flash">subject_age set.<' in page
    row = re.search(r'<tr id="field-subject_age".*?</tr>', page, re.S)
    assert row and "<small>by cora</small>" in row.group(0)
    r = client.post(f"/incidents/{iid}/reject", data={"csrf_token": token, "reason": ""})
    assert r.status_code == 400 and "say why incident" in r.text
    r = client.post(f"/incidents/{iid}/reject", data={"csrf_token": token, "reason": "a drill"})
    assert r.status_code == 200 and 'id="status">rejected<' in r.text


def test_sign_out_ends_the_session(curator) -> None:
    client, token = curator
    assert client.get("/api/me").json()["name"] == "cora"
    r = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert r.status_code == 303
    assert client.get("/api/me").json() is None
    assert client.get("/review", follow_redirects=False).status_code == 303


def test_admin_can_curate_too(client: TestClient, sessions) -> None:
    from tests.web.conftest import sign_in

    token = sign_in(client, "ada")
    assert client.get("/api/me").json()["role"] == "admin"
    with sessions() as session:
        iid = incident_id_named(session, "Sonu Tyagi")
    r = client.post(f"/api/incidents/{iid}/confirm", headers={"X-CSRF-Token": token})
    assert r.json() == {"incident_id": iid, "detail": "confirmed", "version": 1}
