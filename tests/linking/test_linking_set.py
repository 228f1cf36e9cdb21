"""The linking test set and the NZ reference stories are well-formed and labelled consistently.

`tests/data/linking/linking-set.jsonl` is the benchmark for joining mentions into
incidents: each gold incident carries `incident_key` (one real-world person
shot at, in one incident) and `event_key` (one shooting event). These tests
check the structure the benchmark relies on (3-5 articles per incident, one
unnamed breaking story, one named follow-up, one syndicated copy, one later
story; the distractors), and that every label agrees with its own text and
`published` date. `nz-reference-stories.jsonl` must agree with the rows of the
NZ Police list it points at (`reference_row`, 1-based data row).
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import re
from collections import defaultdict
from pathlib import Path

import pytest

from forcewatch.eval.gold import GoldDoc, GoldIncident, read_gold

DATA = Path(__file__).resolve().parents[1] / "data" / "linking"
LINKING = DATA / "linking-set.jsonl"
NZ_STORIES = DATA / "nz-reference-stories.jsonl"
NZ_LIST = Path("reference") / "nz-police-shootings.csv"

KEY = re.compile(r"^[LDR]\d{2,3}$")
SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: NZ Police list vocabulary -> gold vocabulary (only the values the stories use)
NZ_OUTCOME = {"Fatal": "fatal", "Non-fatal injury": "injured", "Miss": "missed"}
NZ_WEAPON = {
    "Shotgun": "shotgun",
    "Rifle": "rifle",
    "Replica firearm": "replica",
    "Machete": "knife",
    "Cutting/stabbing weapon": "knife",
    "No weapon": "none",
}


@pytest.fixture(scope="module")
def linking() -> list[GoldDoc]:
    return read_gold(LINKING)


@pytest.fixture(scope="module")
def nz_stories() -> list[GoldDoc]:
    return read_gold(NZ_STORIES)


@pytest.fixture(scope="module")
def by_incident(linking: list[GoldDoc]) -> dict[str, list[tuple[GoldDoc, GoldIncident]]]:
    out: dict[str, list[tuple[GoldDoc, GoldIncident]]] = defaultdict(list)
    for doc in linking:
        for incident in doc.incidents:
            out[incident.extra["incident_key"]].append((doc, incident))
    return dict(out)


@pytest.fixture(scope="module")
def nz_rows(shared_data: Path) -> list[dict[str, str]]:
    with (shared_data / NZ_LIST).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _surname(name: str) -> str:
    parts = [p for p in name.replace(",", " ").split() if p.lower() not in SUFFIXES]
    return parts[-1]


def _day(date: str | None) -> dt.date | None:
    return dt.date.fromisoformat(date) if date and len(date) == 10 else None


def _words(doc: GoldDoc) -> int:
    return len(doc.document.text.split())


# ---------------------------------------------------------------- both files


@pytest.mark.parametrize("path", [LINKING, NZ_STORIES], ids=lambda p: p.name)
def test_every_document_is_english_news_of_150_to_600_words(path: Path) -> None:
    docs = read_gold(path)
    bad = [(d.id, _words(d)) for d in docs if not 150 <= _words(d) <= 600]
    assert bad == []
    assert {d.document.lang for d in docs} == {"en"}
    assert all(d.document.title and d.document.source and d.document.published for d in docs)
    assert all(d.document.url.startswith("https://example-news.test/") for d in docs)


def test_ids_and_urls_are_unique_across_both_files(
    linking: list[GoldDoc], nz_stories: list[GoldDoc]
) -> None:
    docs = linking + nz_stories
    assert len({d.id for d in docs}) == len(docs)
    assert len({d.document.url for d in docs}) == len(docs)


@pytest.mark.parametrize("path", [LINKING, NZ_STORIES], ids=lambda p: p.name)
def test_every_incident_carries_an_incident_key_and_an_event_key(path: Path) -> None:
    for doc in read_gold(path):
        for incident in doc.incidents:
            assert KEY.match(incident.extra.get("incident_key", "")), doc.id
            assert re.match(r"^E", incident.extra.get("event_key", "")), doc.id


@pytest.mark.parametrize("path", [LINKING, NZ_STORIES], ids=lambda p: p.name)
def test_named_subject_and_place_are_written_in_the_text(path: Path) -> None:
    for doc in read_gold(path):
        text = doc.document.text
        for incident in doc.incidents:
            if incident.subject_name:  # every word, so 'Lee "Tank" Hargreaves' is fine
                missing = [w for w in incident.subject_name.split() if w not in text]
                assert missing == [], (doc.id, incident.subject_name)
            if incident.place:
                assert incident.place.lower() in text.lower(), (doc.id, incident.place)


@pytest.mark.parametrize("path", [LINKING, NZ_STORIES], ids=lambda p: p.name)
def test_a_weekday_date_is_the_weekday_the_text_names(path: Path) -> None:
    """A date told as "on Saturday" resolves against `published` to that weekday."""
    checked = 0
    for doc in read_gold(path):
        published = doc.document.published
        for incident in doc.incidents:
            day = _day(incident.date)
            if day is None or not 0 <= (published - day).days < 7:
                continue
            assert WEEKDAYS[day.weekday()] in doc.document.text or (
                day == published and "this morning" in doc.document.text
            ), (doc.id, incident.date)
            checked += 1
    assert checked > 0


@pytest.mark.parametrize("path", [LINKING, NZ_STORIES], ids=lambda p: p.name)
def test_no_incident_is_dated_after_its_article(path: Path) -> None:
    for doc in read_gold(path):
        for incident in doc.incidents:
            assert incident.date is not None, doc.id
            assert incident.date <= doc.document.published.isoformat(), doc.id


# ---------------------------------------------------------------- linking set


def test_linking_set_has_at_least_14_incidents_told_by_3_to_5_articles(
    by_incident: dict[str, list[tuple[GoldDoc, GoldIncident]]],
) -> None:
    main = {k: v for k, v in by_incident.items() if k.startswith("L")}
    assert len(main) >= 14
    counts = {k: len(v) for k, v in main.items()}
    assert all(3 <= n <= 5 for n in counts.values()), counts
    assert 55 <= sum(counts.values()) <= 65
    countries = {inc.country for rows in main.values() for _, inc in rows}
    assert countries == {"NZ", "AU", "GB", "CA", "US"}
    years = {inc.date[:4] for rows in main.values() for _, inc in rows}
    assert min(years) >= "2019" and max(years) <= "2025"


def test_distractor_incidents_have_1_to_3_articles(
    by_incident: dict[str, list[tuple[GoldDoc, GoldIncident]]],
) -> None:
    distractors = {k: len(v) for k, v in by_incident.items() if k.startswith("D")}
    assert len(distractors) >= 5
    assert all(1 <= n <= 3 for n in distractors.values()), distractors


def test_each_incident_has_one_day_and_one_event(
    by_incident: dict[str, list[tuple[GoldDoc, GoldIncident]]],
) -> None:
    for key, rows in by_incident.items():
        days = {inc.date for _, inc in rows if _day(inc.date)}
        assert len(days) == 1, (key, days)
        (day,) = days
        partial = [inc.date for _, inc in rows if not _day(inc.date)]
        assert all(day.startswith(p) for p in partial), (key, partial)
        assert len({inc.extra["event_key"] for _, inc in rows}) == 1, key
        assert len({inc.country for _, inc in rows}) == 1, key


def test_each_main_incident_has_breaking_named_copy_and_later_story(
    by_incident: dict[str, list[tuple[GoldDoc, GoldIncident]]],
) -> None:
    for key, rows in by_incident.items():
        if not key.startswith("L"):
            continue
        day = dt.date.fromisoformat(next(i.date for _, i in rows if _day(i.date)))
        ages = {(doc.document.published - day).days for doc, _ in rows}
        assert any(inc.subject_name is None for _, inc in rows), key
        assert any(inc.subject_name for _, inc in rows), key
        assert any("duplicate_of" in doc.extra for doc, _ in rows), key
        assert min(ages) <= 2 and max(ages) >= 14, (key, sorted(ages))


def test_syndicated_copy_is_labelled_like_its_original_but_edited(
    linking: list[GoldDoc],
) -> None:
    docs = {d.id: d for d in linking}
    copies = [d for d in linking if "duplicate_of" in d.extra]
    assert len(copies) >= 14
    for copy in copies:
        original = docs[copy.extra["duplicate_of"]]
        assert copy.incidents == original.incidents, copy.id
        assert [i.extra for i in copy.incidents] == [i.extra for i in original.incidents]
        assert copy.document.published == original.document.published, copy.id
        assert copy.document.source != original.document.source, copy.id
        assert copy.document.title != original.document.title, copy.id
        assert copy.document.text != original.document.text, copy.id
        ratio = difflib.SequenceMatcher(None, copy.document.text, original.document.text).ratio()
        assert ratio >= 0.8, (copy.id, ratio)


def test_sources_disagree_on_age_outcome_and_place(
    by_incident: dict[str, list[tuple[GoldDoc, GoldIncident]]],
) -> None:
    """The set must exercise conflicts: the merged record has to choose."""

    def disagreeing(field: str) -> list[str]:
        return [
            key
            for key, rows in by_incident.items()
            if len({getattr(i, field) for _, i in rows} - {None}) > 1
        ]

    assert disagreeing("subject_age")
    assert disagreeing("place")
    critical_then_died = [
        key
        for key in disagreeing("outcome")
        if [i.outcome for d, i in sorted(by_incident[key], key=lambda r: r[0].id)][:2]
        == ["injured", "fatal"]
    ]
    assert critical_then_died


def test_same_day_distractors_are_in_different_towns_of_one_country(
    by_incident: dict[str, list[tuple[GoldDoc, GoldIncident]]],
) -> None:
    first = {key: rows[0][1] for key, rows in by_incident.items() if key.startswith("D")}
    pairs = [
        (a, b)
        for a in first
        for b in first
        if a < b
        and first[a].date == first[b].date
        and first[a].country == first[b].country
        and first[a].extra["event_key"] != first[b].extra["event_key"]
    ]
    assert pairs
    for a, b in pairs:
        assert first[a].place != first[b].place
        breaking = [d for d, i in by_incident[a] + by_incident[b] if i.subject_name is None]
        assert breaking


def test_two_different_people_share_a_surname(
    by_incident: dict[str, list[tuple[GoldDoc, GoldIncident]]],
) -> None:
    surnames: dict[str, set[str]] = defaultdict(set)
    for rows in by_incident.values():
        for _, inc in rows:
            if inc.subject_name:
                surnames[_surname(inc.subject_name)].add(inc.extra["event_key"])
    assert any(len(events) > 1 for events in surnames.values())


def test_one_event_has_two_people_shot(
    by_incident: dict[str, list[tuple[GoldDoc, GoldIncident]]],
) -> None:
    events: dict[str, set[str]] = defaultdict(set)
    for key, rows in by_incident.items():
        events[rows[0][1].extra["event_key"]].add(key)
    shared = [keys for keys in events.values() if len(keys) == 2]
    assert shared
    (pair,) = shared
    assert 2 <= len(by_incident[sorted(pair)[0]]) <= 3


def test_name_collision_story_is_not_relevant(
    linking: list[GoldDoc], by_incident: dict[str, list[tuple[GoldDoc, GoldIncident]]]
) -> None:
    collisions = [d for d in linking if "name_collision_with" in d.extra]
    assert collisions
    for doc in collisions:
        assert doc.relevant is False and doc.incidents == ()
        names = {i.subject_name for _, i in by_incident[doc.extra["name_collision_with"]]}
        short = {f"{n.split()[0]} {_surname(n)}" for n in names if n}
        assert any(s in doc.document.text for s in short), doc.id


# ---------------------------------------------------------------- NZ reference stories


def test_nz_stories_cover_5_or_6_listed_rows_and_one_unlisted(
    nz_stories: list[GoldDoc],
) -> None:
    listed = [d for d in nz_stories if d.extra["reference_row"] is not None]
    unlisted = [d for d in nz_stories if d.extra["reference_row"] is None]
    assert 5 <= len(listed) <= 6 and len(unlisted) == 1
    assert len({d.extra["reference_date"] for d in listed}) == len(listed)
    assert unlisted[0].extra["reference_date"] is None
    for doc in nz_stories:
        (incident,) = doc.incidents
        assert incident.subject_name is None, f"{doc.id}: do not name real people"
        assert incident.country == "NZ" and incident.agency == "New Zealand Police"


def test_nz_story_matches_its_reference_row(
    nz_stories: list[GoldDoc], nz_rows: list[dict[str, str]]
) -> None:
    for doc in nz_stories:
        row_no = doc.extra["reference_row"]
        if row_no is None:
            continue
        row = nz_rows[row_no - 1]
        (incident,) = doc.incidents
        where = f"{doc.id} vs row {row_no}"
        assert row["Incident.Date"] >= "2016", where
        assert row["Incident.Date"] == doc.extra["reference_date"] == incident.date, where
        assert row["District"].replace("/", " ") == incident.region, where
        assert NZ_OUTCOME[row["Outcome.of.Shots.Fired"]] == incident.outcome, where
        assert NZ_WEAPON[row["Subject.Weapon"]] == incident.subject_weapon, where
        assert int(row["Subject.Age"]) == incident.subject_age, where
        assert {"M": "male", "F": "female"}[row["Subject.Sex"]] == incident.subject_sex, where
        lag = (doc.document.published - dt.date.fromisoformat(incident.date)).days
        assert 1 <= lag <= 2, where


def test_unlisted_nz_story_has_a_date_absent_from_the_list(
    nz_stories: list[GoldDoc], nz_rows: list[dict[str, str]]
) -> None:
    listed_dates = {row["Incident.Date"] for row in nz_rows}
    (doc,) = [d for d in nz_stories if d.extra["reference_row"] is None]
    (incident,) = doc.incidents
    assert incident.date not in listed_dates
    near = dt.date.fromisoformat(incident.date) - dt.timedelta(days=1)
    neighbours = [r for r in nz_rows if r["Incident.Date"] == near.isoformat()]
    assert neighbours and all(
        r["District"].replace("/", " ") != incident.region for r in neighbours
    )
