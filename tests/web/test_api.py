"""The JSON API on a database filled by the real pipeline from the example articles."""

from __future__ import annotations

import csv
import io

import pytest
from fastapi.testclient import TestClient

from forcewatch.store.export import EXPORT_COLUMN_NAMES
from tests.web.conftest import incident_id_named


@pytest.fixture
def karaitiana(sessions) -> int:
    with sessions() as session:
        return incident_id_named(session, "Hohepa Karaitiana")


def test_public_sees_no_incident_before_any_is_confirmed(client: TestClient) -> None:
    page = client.get("/api/incidents").json()
    assert (page["total"], page["items"]) == (0, [])
    assert client.get("/api/stats").json()["overall"]["total"] == 0


def test_curator_lists_every_candidate_with_pagination(curator) -> None:
    client, _ = curator
    page = client.get("/api/incidents", params={"limit": 4}).json()
    assert page["total"] == 11 and len(page["items"]) == 4
    rest = client.get("/api/incidents", params={"limit": 4, "offset": 8}).json()
    assert len(rest["items"]) == 3
    ids = {i["id"] for i in page["items"]} | {i["id"] for i in rest["items"]}
    assert len(ids) == 7


@pytest.mark.parametrize(
    ("params", "subjects"),
    [
        ({"country": "nz", "outcome": "fatal"}, {"Hohepa Karaitiana"}),
        ({"q": "karaitiana"}, {"Hohepa Karaitiana"}),
        ({"q": "lakeland"}, {"Travis Keeling"}),
        ({"force": "taser"}, {"Colin Ashdown"}),
        ({"region": "uttar pradesh"}, {"Sonu Tyagi"}),
        ({"country": "GB", "outcome": "missed"}, {"Darren Whitlock"}),
    ],
)
def test_filters_find_the_incident(curator, params, subjects) -> None:
    client, _ = curator
    items = client.get("/api/incidents", params=params).json()["items"]
    assert {i["subject"] for i in items} == subjects


def test_date_range_keeps_incidents_whose_date_overlaps(curator) -> None:
    client, _ = curator
    items = client.get("/api/incidents", params={"since": "2024-04", "until": "2024-08-09"}).json()
    assert sorted(i["date"] for i in items["items"]) == ["2024-04-17", "2024-04-17", "2024-08-09"]


def test_bad_date_filter_is_named(client: TestClient) -> None:
    r = client.get("/api/incidents", params={"since": "yesterday"})
    assert r.status_code == 422
    assert r.json()["detail"] == "since: 'yesterday' is not YYYY, YYYY-MM or YYYY-MM-DD"


def test_confirmed_incident_is_public_with_fields_evidence_and_sources(
    curator, app, karaitiana: int
) -> None:
    client, token = curator
    r = client.post(f"/api/incidents/{karaitiana}/confirm", headers={"X-CSRF-Token": token})
    assert r.json() == {"incident_id": karaitiana, "detail": "confirmed", "version": 1}
    public = TestClient(app)
    listed = public.get("/api/incidents").json()
    assert [i["id"] for i in listed["items"]] == [karaitiana]
    detail = public.get(f"/api/incidents/{karaitiana}").json()
    assert detail["incident"]["status"] == "confirmed"
    name = next(f for f in detail["fields"] if f["name"] == "subject_name")
    assert name["value"] == "Hohepa Karaitiana" and not name["curated"]
    assert any("named as Hohepa Karaitiana" in e["text"] for e in name["evidence"])
    assert detail["sources"][0]["external_id"].endswith("nz-fatal-shooting-whanganui.txt")
    assert detail["history"] == []  # curator names stay with the curators
    stats = public.get("/api/stats").json()
    assert stats["overall"] == {
        "key": "all", "fatal": 1, "injured": 0, "missed": 0, "unknown": 0, "total": 1
    }  # fmt: skip
    assert [(t["key"], t["fatal"]) for t in stats["by_weapon"]] == [("shotgun", 1)]
    assert [t["key"] for t in stats["by_region"]] == ["NZ Central"]


def test_candidate_is_not_public(client: TestClient, karaitiana: int) -> None:
    r = client.get(f"/api/incidents/{karaitiana}")
    assert r.status_code == 404
    assert r.json()["detail"] == f"no published incident {karaitiana}"
    assert client.get("/api/incidents", params={"status": "candidate"}).json()["total"] == 0


def test_edit_shows_machine_and_curator_values_and_history(curator, karaitiana: int) -> None:
    client, token = curator
    h = {"X-CSRF-Token": token}
    assert client.post(f"/api/incidents/{karaitiana}/fields/subject_age", json={"value": "43"},
                       headers=h).status_code == 200  # fmt: skip
    detail = client.get(f"/api/incidents/{karaitiana}").json()
    age = next(f for f in detail["fields"] if f["name"] == "subject_age")
    assert (age["value"], age["machine_value"], age["curator_value"], age["curated_by"]) == (
        43,
        41,
        43,
        "cora",
    )
    assert [
        (e["action"], e["field"], e["before"], e["after"], e["user"]) for e in detail["history"]
    ] == [("edit", "subject_age", "41", "43", "cora")]


def test_reject_needs_a_reason_and_records_it(curator, karaitiana: int) -> None:
    client, token = curator
    h = {"X-CSRF-Token": token}
    empty = client.post(f"/api/incidents/{karaitiana}/reject", json={"reason": ""}, headers=h)
    assert empty.status_code == 422
    r = client.post(f"/api/incidents/{karaitiana}/reject", json={"reason": "fiction"}, headers=h)
    assert r.status_code == 200
    history = client.get(f"/api/incidents/{karaitiana}").json()["history"]
    assert (history[-1]["action"], history[-1]["reason"]) == ("reject", "fiction")


def test_bad_field_value_is_a_400_naming_the_field(curator, karaitiana: int) -> None:
    client, token = curator
    r = client.post(f"/api/incidents/{karaitiana}/fields/outcome", json={"value": "vanished"},
                    headers={"X-CSRF-Token": token})  # fmt: skip
    assert r.status_code == 400
    assert r.json()["detail"].startswith("outcome: 'vanished' is not one of fatal, injured")


def test_merged_incident_id_redirects_to_the_survivor(curator, sessions, karaitiana: int) -> None:
    client, token = curator
    with sessions() as session:
        other = incident_id_named(session, "Travis Keeling")
    r = client.post(f"/api/incidents/{karaitiana}/merge", json={"other": other},
                    headers={"X-CSRF-Token": token})  # fmt: skip
    survivor = r.json()["incident_id"]
    gone = other if survivor == karaitiana else karaitiana
    moved = client.get(f"/api/incidents/{gone}", follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"].endswith(f"/api/incidents/{survivor}")
    assert client.get(f"/api/incidents/{survivor}").json()["incident"]["n_sources"] == 2


def test_split_a_source_off(curator, karaitiana: int, sessions) -> None:
    client, token = curator
    h = {"X-CSRF-Token": token}
    with sessions() as session:
        other = incident_id_named(session, "Travis Keeling")
    survivor = client.post(f"/api/incidents/{karaitiana}/merge", json={"other": other},
                           headers=h).json()["incident_id"]  # fmt: skip
    sources = client.get(f"/api/incidents/{survivor}").json()["sources"]
    r = client.post(f"/api/incidents/{survivor}/split",
                    json={"document_id": sources[1]["document_id"]}, headers=h)  # fmt: skip
    assert r.status_code == 200
    new_id = r.json()["incident_id"]
    assert client.get(f"/api/incidents/{new_id}").json()["incident"]["n_sources"] == 1


def test_exports_hold_confirmed_incidents_only(curator, app, karaitiana: int) -> None:
    client, token = curator
    client.post(f"/api/incidents/{karaitiana}/confirm", headers={"X-CSRF-Token": token})
    public = TestClient(app)
    r = public.get("/api/export.csv")
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert tuple(rows[0]) == EXPORT_COLUMN_NAMES
    assert [(x["incident_id"], x["status"]) for x in rows] == [(str(karaitiana), "confirmed")]
    data = public.get("/api/export.json").json()
    assert [d["subject_name"] for d in data] == ["Hohepa Karaitiana"]


def test_documents_public_only_behind_confirmed_incidents(curator, app, karaitiana: int) -> None:
    client, token = curator
    assert client.get("/api/documents").json()["total"] == 14  # 13 examples and ours
    public = TestClient(app)
    assert public.get("/api/documents").json()["total"] == 0
    client.post(f"/api/incidents/{karaitiana}/confirm", headers={"X-CSRF-Token": token})
    docs = public.get("/api/documents").json()
    assert docs["total"] == 1
    one = public.get(f"/api/documents/{docs['items'][0]['id']}").json()
    assert one["incident_ids"] == [karaitiana]
    assert "Hohepa Karaitiana, 41" in one["content"]


def test_openapi_documents_every_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/stats", "/api/export.csv",
            "/api/documents", "/api/incidents/{incident_id}/confirm"} <= set(spec["paths"])  # fmt: skip
    page = client.get("/docs")
    assert page.status_code == 200 and "GET /api/incidents" in page.text
    assert "cdn" not in page.text.lower()
