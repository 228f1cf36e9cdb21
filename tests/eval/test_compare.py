"""Field comparisons: regions, agencies, dates, strings and investigations."""

import pytest

from forcewatch.eval.compare import agency_equal, country_code, field_equal, region_equal

from .builders import incident


@pytest.mark.parametrize(
    ("gold", "pred", "country"),
    [
        ("TX", "Texas", "US"),
        ("TX", "tx", "US"),
        ("MN", "Minn.", "US"),
        ("NY", "New York", None),
        ("NSW", "New South Wales", "AU"),
        ("Queensland", "QLD", "AU"),
        ("WA", "Western Australia", "AU"),
        ("WA", "Washington", "US"),
        ("BC", "British Columbia", "CA"),
        ("Ontario", "ON", "CA"),
        ("Québec", "Quebec", "CA"),
        ("Uttar Pradesh", "uttar pradesh", "IN"),
    ],
)
def test_region_name_equals_code(gold, pred, country):
    assert region_equal(gold, pred, country)


@pytest.mark.parametrize(
    ("gold", "pred", "country"),
    [
        ("WA", "Washington", "AU"),
        ("WA", "Western Australia", "US"),
        ("TX", "Oklahoma", "US"),
        ("Gauteng", "Eastern Cape", "ZA"),
    ],
)
def test_region_different_region_is_wrong(gold, pred, country):
    assert not region_equal(gold, pred, country)


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("Dallas Police Department", "dallas police department", True),
        (
            "Dallas Police Department, Dallas County Sheriff's Office",
            "Dallas Police Department",
            True,
        ),
        (
            "Dallas Police Department, Dallas County Sheriff's Office",
            "Dallas County Sheriffs Office",
            True,
        ),
        ("Garda Síochána", "the Garda Siochana", True),
        (
            "Metro Police; South African Police Service",
            "South African Police Service; Metro Police",
            True,
        ),
        (
            "Metro Police; South African Police Service",
            "South African Police Service, Metro Police",
            True,
        ),
        ("Dallas Police Department", "Dallas Police Department; Texas Rangers", False),
        ("Metro Police; South African Police Service", "Metro Police; Texas Rangers", False),
        ("Dallas Police Department", "Houston Police Department", False),
    ],
)
def test_agency_matches_any_listed_agency_or_the_whole_set(gold, pred, expected):
    assert agency_equal(gold, pred) is expected


@pytest.mark.parametrize(
    ("gold", "pred", "expected"),
    [
        ("2019-09-08", "2019-09-08", True),
        ("2019-09-08", "2019-09", False),
        ("2019-09", "2019-09-08", False),
        ("2019", "2019", True),
    ],
)
def test_date_must_match_with_its_precision(gold, pred, expected):
    assert field_equal("date", incident(date=gold), incident(date=pred)) is expected


def test_place_is_case_and_accent_insensitive():
    assert field_equal("place", incident(place="São Paulo"), incident(place=" sao paulo "))


def test_country_name_equals_code():
    assert country_code("United Kingdom") == "GB"
    assert field_equal("country", incident(country="US"), incident(country="U.S."))


def test_investigations_equal_when_kind_finding_sets_equal():
    gold = incident(investigations=[("oversight", "pending"), ("police", None)])
    same = incident(investigations=[("police", None), ("oversight", "pending")])
    other = incident(investigations=[("oversight", "justified"), ("police", None)])
    assert field_equal("investigations", gold, same)
    assert not field_equal("investigations", gold, other)


def test_missing_prediction_is_wrong():
    assert not field_equal("subject_age", incident(subject_age=30), incident())
