"""The curator and public pages in real headless Chromium against a live `forcewatch serve`.

Debian's chromium is driven by Playwright with `executable_path` (no browser
download). Skipped when chromium or Playwright is missing on a laptop; a
failure in CI (CI=true). Screenshots go to test-artifacts/ at the repo root.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, require
from tests.web.conftest import PASSWORD, incident_id_named

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(web_db_url: str, users) -> Iterator[str]:
    """Run `forcewatch serve` on the test database; yield its base URL."""
    port = _free_port()
    env = {
        **os.environ,
        "FORCEWATCH_SESSION_SECRET": "browser-test-secret",
        "FORCEWATCH_PASSWORD_TIME_COST": "1",
        "FORCEWATCH_PASSWORD_MEMORY_KIB": "8",
    }
    cmd = [sys.executable, "-m", "forcewatch", "serve",
           "--db", web_db_url, "--port", str(port)]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"forcewatch serve did not start: {out}")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def page(server: str):
    require(Path(CHROMIUM).exists() or shutil.which("chromium") is not None,
            f"{CHROMIUM} is missing (apt-get install -y chromium)")  # fmt: skip
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "playwright is not installed (pip install '.[test]')")
        raise
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        context = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        yield page
        browser.close()
        assert errors == [], f"the browser reported errors: {errors}"


def test_curator_confirms_edits_and_the_public_sees_it(page, sessions) -> None:
    with sessions() as session:
        iid = incident_id_named(session, "Hohepa Karaitiana")
    page.goto("/")
    assert page.inner_text("#tally-total") == "0"

    page.click("#login-link")
    page.fill("#name", "cora")
    page.fill("#password", PASSWORD)
    page.click("#sign-in")
    page.wait_for_url("**/review")
    assert "11 candidate incident(s)" in page.inner_text("#queue-count")

    page.keyboard.press("j")  # keyboard: focus the first row, open the incident
    page.click(f"#incident-list a[href='/incidents/{iid}']")
    page.wait_for_url(f"**/incidents/{iid}")
    assert page.locator("mark").count() > 0  # evidence sentences highlighted
    page.keyboard.press("c")  # confirm
    page.wait_for_url(f"**/incidents/{iid}?done=*")
    assert page.inner_text("#status") == "confirmed"

    row = page.locator("#field-subject_age")
    row.locator("input[name=value]").fill("42")
    row.locator("button").click()
    page.wait_for_url(f"**/incidents/{iid}?done=*")
    row = page.locator("#field-subject_age")
    assert row.locator("td.value").inner_text().strip() == "42"
    assert row.locator("td.machine").inner_text().strip() == "41"
    assert "42" in row.locator("td.curated").inner_text()
    history = page.inner_text("#history")
    assert "cora" in history and "subject_age" in history and "confirm" in history
    page.screenshot(path=str(ARTIFACTS / "incident.png"), full_page=True)

    page.goto("/")
    assert page.inner_text("#tally-fatal") == "1"
    assert page.inner_text("#tally-total") == "1"

    page.click("#logout")
    page.wait_for_url("**/")
    page.goto(f"/incidents/{iid}")
    assert page.locator("#actions").count() == 0  # no edit buttons for the public
    assert page.locator("form.edit").count() == 0
    assert page.locator("#history").count() == 0
    assert page.inner_text("#field-subject_age td.value").strip() == "42"


def test_dashboard_screenshot_with_confirmed_incidents(page, sessions, client_confirm_all) -> None:
    page.goto("/")
    assert int(page.inner_text("#tally-total")) == client_confirm_all
    assert page.locator("figure.chart svg rect").count() >= 3
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)


@pytest.fixture
def client_confirm_all(sessions) -> int:
    """Confirm every incident with a date or a name, as curator `cora`; return how many."""
    from sqlalchemy import select

    from forcewatch.store import review
    from forcewatch.store.models import IncidentRow

    with sessions() as session:
        ids = session.scalars(
            select(IncidentRow.id).where(
                (IncidentRow.date.is_not(None)) | (IncidentRow.subject_name.is_not(None))
            )
        ).all()
        for i in ids:
            review.set_status(session, i, "confirmed", by="cora")
        session.commit()
    return len(ids)
