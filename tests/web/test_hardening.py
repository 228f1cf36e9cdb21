"""Web security with the app served by uvicorn on 127.0.0.1 (issue 8, part 5).

Routes are taken from the app's route table, so a route added later is checked too:
every state-changing route refuses a request without a session or a valid CSRF token;
every response carries the security headers; the public sees no candidate or rejected
incident and no curator name through any route; sessions rotate on sign-in and
expire; passwords are argon2 hashes; CSV cells that a spreadsheet would run are
neutralised; no path reads a file outside the app.
"""

from __future__ import annotations

import csv
import io
import re
import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi.routing import APIRoute

from forcewatch.store import review
from forcewatch.store.models import IncidentRow, UserRow
from tests.reliability.record import record
from tests.web.conftest import incident_id_named, web_settings

pytestmark = pytest.mark.reliability

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
CURATORS = ("cora", "ada")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The app under a real uvicorn server in a thread, on a loopback port."""

    def __init__(self, app) -> None:
        self.port = _free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start in 30 s")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(30)


@pytest.fixture
def live(app) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


def _client(live: LiveServer) -> httpx.Client:
    return httpx.Client(base_url=live.url, timeout=30, follow_redirects=False)


def _sign_in(client: httpx.Client, name: str = "cora") -> str:
    from tests.web.conftest import PASSWORD

    token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").text).group(1)
    done = client.post(
        "/login", data={"name": name, "password": PASSWORD, "csrf_token": token, "next": "/"}
    )
    assert done.status_code == 303, done.text
    page = client.get("/review").text
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def _routes(app) -> list[tuple[str, str]]:
    """Return (method, path) of every route of the app, through included routers."""
    out = []
    for route in app.routes:
        if isinstance(route, APIRoute):
            out.extend((m, route.path) for m in route.methods)
        elif hasattr(route, "effective_route_contexts"):  # FastAPI's included routers
            for ctx in route.effective_route_contexts():
                out.extend((m, ctx.path) for m in ctx.methods or ())
        elif getattr(route, "methods", None):
            out.extend((m, route.path) for m in route.methods)
    return sorted(set(out))


def _fill(path: str, ids: dict[str, int]) -> str:
    return (
        path.replace("{incident_id}", str(ids["incident"]))
        .replace("{document_id}", str(ids["document"]))
        .replace("{field}", "place")
    )


@pytest.fixture
def ids(sessions) -> dict[str, int]:
    with sessions() as session:
        confirmed = incident_id_named(session, "Hohepa Karaitiana")
        rejected = incident_id_named(session, "Sonu Tyagi")
        review.set_status(session, confirmed, "confirmed", by="cora")
        review.edit_field(session, confirmed, "place", '=HYPERLINK("http://x")', by="ada")
        review.set_status(session, rejected, "rejected", by="ada", reason="cora said so")
        candidate = session.query(IncidentRow.id).filter_by(status="candidate").first()[0]
        document = session.execute(
            IncidentRow.__table__.select().where(IncidentRow.id == confirmed)
        ).first()
        from forcewatch.store.models import MentionRow

        doc = session.query(MentionRow.document_id).filter_by(incident_id=confirmed).first()[0]
        session.commit()
        assert document is not None
    return {"incident": confirmed, "rejected": rejected, "candidate": candidate, "document": doc}


def test_every_state_changing_route_needs_a_session_and_its_csrf_token(app, live, ids) -> None:
    unsafe = [(m, p) for m, p in _routes(app) if m in UNSAFE]
    assert len(unsafe) >= 14, unsafe  # the API's and the forms' actions, login, logout
    checked = 0
    with _client(live) as anonymous, _client(live) as curator:
        token = _sign_in(curator)
        # complete bodies, so only the session and the token can make the refusal
        body = {"value": "x", "reason": "x", "other": ids["rejected"], "field": "place",
                "document_id": ids["document"], "name": "cora", "password": "x"}  # fmt: skip
        for method, path in unsafe:
            url = _fill(path, ids)
            api = path.startswith("/api/")
            kw = {"json": body} if api else {"data": body}
            r = anonymous.request(method, url, **kw)
            assert r.status_code in (401, 403), (method, path, r.status_code)
            forged = {"X-CSRF-Token": "forged"} if api else {}
            form = {} if api else {"data": {**body, "csrf_token": "forged"}}
            bad = curator.request(method, url, headers=forged, **(form or kw))
            assert bad.status_code == 403, (method, path, bad.status_code)
            checked += 2
        # the token works, so the refusals above were the token's doing
        ok = curator.post(
            f"/api/incidents/{ids['incident']}/reopen", headers={"X-CSRF-Token": token}
        )
        assert ok.status_code == 200
    record(
        "web security",
        "state-changing routes",
        "every POST route of the route table without a session, and with a forged CSRF token",
        checked,
        "all refused (403)",
    )


def _check_headers(r: httpx.Response, where: str) -> None:
    csp = r.headers.get("content-security-policy", "")
    script_src = re.search(r"script-src ([^;]+)", csp)
    assert script_src and "'unsafe-inline'" not in script_src.group(1), where
    assert "frame-ancestors 'none'" in csp, where
    assert r.headers.get("x-content-type-options") == "nosniff", where
    assert r.headers.get("x-frame-options") == "DENY", where
    assert r.headers.get("referrer-policy"), where


def test_security_headers_on_every_page_api_response_error_and_static_file(app, live, ids) -> None:
    gets = [_fill(p, ids) for m, p in _routes(app) if m == "GET"]
    extra = ["/static/style.css", "/static/keys.js", "/nowhere", "/api/incidents?since=bad",
             "/incidents/999999", "/api/incidents/999999"]  # fmt: skip
    n = 0
    with _client(live) as public, _client(live) as curator:
        _sign_in(curator)
        for client in (public, curator):
            for url in gets + extra:
                _check_headers(client.get(url), url)
                n += 1
        _check_headers(public.post("/api/incidents/1/confirm"), "refused POST")
    record("web security", "security headers", "GET every route, static files, 404, 422, 403",
           n + 1, "CSP without inline scripts, nosniff, frame-ancestors, Referrer-Policy on all")  # fmt: skip


def test_the_public_sees_no_candidate_or_rejected_incident_and_no_curator_name(
    app, live, ids
) -> None:
    hidden = (ids["rejected"], ids["candidate"])
    gets = {_fill(p, ids) for m, p in _routes(app) if m == "GET"}
    for other in hidden:
        gets |= {f"/api/incidents/{other}", f"/incidents/{other}"}
    gets |= {"/api/incidents?status=rejected", "/api/incidents?status=candidate",
             "/incidents?status=rejected", "/api/export.csv", "/api/export.json"}  # fmt: skip
    with _client(live) as public:
        for url in sorted(gets):
            r = public.get(url)
            body = r.text
            for name in CURATORS:
                assert not re.search(rf"\b{name}\b", body), (url, name)
            if url.rstrip("/").endswith(tuple(f"/{h}" for h in hidden)):
                assert r.status_code == 404, url
            listed = r.json() if "json" in r.headers.get("content-type", "") else None
            if isinstance(listed, dict) and "items" in listed:
                for item in listed["items"]:
                    assert item.get("status", "confirmed") == "confirmed", url
                    linked = {item.get("incident_id"), *(item.get("incident_ids") or ())}
                    if "status" in item:
                        linked.add(item["id"])
                    assert not linked & set(hidden), (url, item)
            if isinstance(listed, list):  # the JSON export
                assert all(i.get("id") not in hidden for i in listed if isinstance(i, dict)), url
    record("web security", "public visibility",
           "every GET route as the public, with candidate and rejected ids",
           len(gets), "no candidate or rejected incident and no curator name in any response")  # fmt: skip


def test_sessions_rotate_on_sign_in_and_expire(users, settings, sessions) -> None:
    from forcewatch.web.app import create_app

    short = create_app(web_settings(settings.database_url, session_hours=2 / 3600))
    with LiveServer(short) as live, _client(live) as client:
        client.get("/login")
        before = client.cookies.get("forcewatch_session")
        _sign_in(client)
        after = client.cookies.get("forcewatch_session")
        assert before and after and before != after
        assert client.get("/api/me").json()["name"] == "cora"
        with _client(live) as replay:  # the cookie from before sign-in is not signed in
            replay.cookies.set("forcewatch_session", before)
            assert replay.get("/api/me").json() is None
        time.sleep(2.5)
        assert client.get("/api/me").json() is None  # expired
    with sessions() as session:
        hashes = [u.password_hash for u in session.query(UserRow)]
    assert hashes and all(h.startswith("$argon2") for h in hashes)
    record("web security", "sessions and passwords",
           "cookie before and after sign-in, a 2-second session, stored hashes", 4,
           "new cookie on sign-in, old one not signed in, expired after its time, argon2 hashes")  # fmt: skip


def test_csv_export_neutralises_formula_cells(live, ids) -> None:
    with _client(live) as public:
        text = public.get("/api/export.csv").text
    rows = list(csv.DictReader(io.StringIO(text)))
    places = [r["place"] for r in rows]
    assert '\'=HYPERLINK("http://x")' in places
    for row in rows:
        for value in row.values():
            assert not (value or "").startswith(("=", "+", "@", "\t", "\r")), value
            assert not (value or "").startswith("-") or re.fullmatch(r"-\d+(\.\d+)?", value)
    record("web security", "CSV injection", "a curated place starting with '='", 1,
           "exported as text (leading apostrophe)")  # fmt: skip


@pytest.mark.parametrize(
    "path",
    [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/../app.py",
        "/static/..%2fapp.py",
        "/documents/..%2f..%2fetc%2fpasswd",
        "/api/documents/..%2f..%2fetc%2fpasswd",
        "/incidents/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    ],
)
def test_no_path_reads_a_file_outside_the_app(live, path: str) -> None:
    with _client(live) as client:
        r = client.get(path)
    assert r.status_code in (400, 404, 405, 422), (path, r.status_code)
    assert "root:" not in r.text and "create_app" not in r.text
