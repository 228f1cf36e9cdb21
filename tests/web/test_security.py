"""Security: inert article HTML, 403 without a session or CSRF token, SQL injection, rate limits."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from forcewatch.store.models import AuditRow, IncidentRow
from tests.web.conftest import PASSWORD, csrf_of, sign_in

INJECTIONS = (
    "' OR '1'='1",
    "1; DROP TABLE incidents; --",
    "x' UNION SELECT password_hash, name FROM users --",
    "%' OR 1=1 --",
    '"; DELETE FROM audit_log; --',
)
TEXT_FILTERS = ("status", "country", "region", "outcome", "force", "q")


def _script_incident(sessions) -> int:
    with sessions() as session:
        found = session.scalar(select(IncidentRow.id).where(IncidentRow.place == "Tarrowby"))
        assert found is not None
        return found


def test_script_in_article_text_renders_inert(curator, sessions) -> None:
    client, _ = curator
    iid = _script_incident(sessions)
    html = client.get(f"/incidents/{iid}").text
    assert "<script>alert" not in html and "<script>document.title" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Quill Ashgrove&lt;/b&gt;" in html
    assert html.count("<script") == 1  # only the app's own keys.js


def test_pages_send_a_strict_content_security_policy(client: TestClient) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/incidents/{id}/confirm", None),
        ("/api/incidents/{id}/reject", {"reason": "no"}),
        ("/api/incidents/{id}/fields/place", {"value": "Nowhere"}),
        ("/api/incidents/{id}/merge", {"other": 1}),
        ("/api/incidents/{id}/split", {"document_id": 1}),
    ],
)
def test_api_mutations_without_a_session_or_with_a_bad_token_are_refused(
    client: TestClient, sessions, path: str, body
) -> None:
    iid = _script_incident(sessions)
    url = path.format(id=iid)
    anonymous = client.post(url, json=body, headers={"X-CSRF-Token": "guess"})
    assert anonymous.status_code == 403
    sign_in(client)
    for headers in ({}, {"X-CSRF-Token": "forged-token"}):
        r = client.post(url, json=body, headers=headers)
        assert r.status_code == 403
        assert "X-CSRF-Token" in r.json()["detail"]
    with sessions() as session:
        assert session.scalar(select(func.count(AuditRow.id))) == 0
        assert session.get(IncidentRow, iid).status == "candidate"


@pytest.mark.parametrize("action", ["confirm", "reject", "reopen", "edit", "merge", "split"])
def test_form_posts_without_the_csrf_token_are_refused(
    client: TestClient, sessions, action
) -> None:
    iid = _script_incident(sessions)
    form = {"reason": "x", "field": "place", "value": "y", "other": "1", "document_id": "1"}
    assert client.post(f"/incidents/{iid}/{action}", data=form).status_code == 403
    sign_in(client)
    r = client.post(f"/incidents/{iid}/{action}", data={**form, "csrf_token": "stale"})
    assert r.status_code == 403
    assert "security token" in r.text


def test_login_form_needs_its_csrf_token(client: TestClient) -> None:
    client.get("/login")
    r = client.post("/login", data={"name": "cora", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403


def test_review_queue_is_for_curators_only(client: TestClient) -> None:
    r = client.get("/review", follow_redirects=False)
    assert (r.status_code, r.headers["location"]) == (303, "/login?next=/review")


@pytest.mark.parametrize("name", TEXT_FILTERS)
@pytest.mark.parametrize("attack", INJECTIONS)
def test_sql_injection_in_filters_returns_empty_results(curator, sessions, name, attack) -> None:
    client, _ = curator
    r = client.get("/api/incidents", params={name: attack})
    assert r.status_code == 200
    assert r.json()["total"] == 0 and r.json()["items"] == []
    page = client.get("/incidents", params={name: attack})
    assert page.status_code == 200 and "No incidents match." in page.text
    with sessions() as session:
        assert session.scalar(select(func.count(IncidentRow.id))) == 11  # nothing dropped


@pytest.mark.parametrize("name", ["since", "until"])
def test_sql_injection_in_date_filters_is_refused_as_a_bad_date(client: TestClient, name) -> None:
    r = client.get("/api/incidents", params={name: INJECTIONS[0]})
    assert r.status_code == 422
    assert r.json()["detail"].startswith(f"{name}: ")


def test_wrong_passwords_are_refused_then_rate_limited(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    wrong = {"name": "cora", "password": "not the password", "csrf_token": token}
    for _ in range(3):  # login_max_failures in the test settings
        r = client.post("/login", data=wrong)
        assert r.status_code == 401 and "Wrong name or password." in r.text
    right = {"name": "cora", "password": PASSWORD, "csrf_token": token}
    blocked = client.post("/login", data=right, follow_redirects=False)
    assert blocked.status_code == 429
    assert "Too many wrong passwords" in blocked.text
    assert client.get("/api/me").json() is None


def test_login_next_never_leaves_the_site(client: TestClient) -> None:
    token = csrf_of(client.get("/login").text)
    form = {"name": "cora", "password": PASSWORD, "csrf_token": token, "next": "//evil.example/"}
    r = client.post("/login", data=form, follow_redirects=False)
    assert r.headers["location"] == "/review"


def test_forged_session_cookie_is_ignored(client: TestClient) -> None:
    client.cookies.set("forcewatch_session", "eyJ1aWQiOjF9.forged.signature")
    assert client.get("/api/me").json() is None
