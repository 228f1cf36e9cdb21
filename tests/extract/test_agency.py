"""Agency: the force whose officers used force, by its formal name."""

from __future__ import annotations

import pytest

from forcewatch.extract.agency import (
    default_agency,
    find_agencies,
    find_agencies_in_text,
    join_agencies,
    normalise_agency,
)


def names(text: str, country: str | None = None, region: str | None = None) -> list[str]:
    return [h.name for h in find_agencies_in_text(text, 0, country, region)]


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("Queensland police shot a man in Logan on Tuesday.", "AU", ["Queensland Police Service"]),
        ("NSW Police said the officer fired once.", "AU", ["NSW Police Force"]),
        ("Victorian police are at the scene.", "AU", ["Victoria Police"]),
        ("Gardaí were called to the estate at 3pm.", "IE", ["Garda Síochána"]),
        ("A garda fired two shots at the car.", "IE", ["Garda Síochána"]),
        ("Mounties shot the driver on the highway.", "CA", ["RCMP"]),
        ("Officers from the Lakeview RCMP detachment responded.", "CA", ["RCMP"]),
        ("Officers from the Met shot a man in Croydon.", "GB", ["Metropolitan Police"]),
        ("West Mercia Police said armed officers attended.", "GB", ["West Mercia Police"]),
        ("Avon & Somerset Police confirmed the shooting.", "GB", ["Avon and Somerset Police"]),
        ("Sussex police restrained the man.", "GB", ["Sussex Police"]),
        ("Three Winnipeg police officers fired their guns.", "CA", ["Winnipeg Police Service"]),
        ("A King County sheriff's deputy shot a man.", "US", ["King County Sheriff's Office"]),
        (
            "The Maricopa County Sheriff’s Office said a deputy fired.",
            "US",
            ["Maricopa County Sheriff's Office"],
        ),
        (
            "The Lakewood County Sheriff's Department released video.",
            "US",
            ["Lakewood County Sheriff's Department"],
        ),
        ("A Kenosha police officer shot the man.", "US", ["Kenosha Police Department"]),
        ("Redwood City police said the cruiser hit him.", "US", ["Redwood City Police Department"]),
        (
            "An Indianapolis police officer fired.",
            "US",
            ["Indianapolis Metropolitan Police Department"],
        ),
        ("SAPS members returned fire.", "ZA", ["South African Police Service"]),
        ("JMPD officers shot one suspect.", "ZA", ["JMPD"]),
        (
            "The Johannesburg Metro Police Department said its officers fired.",
            "ZA",
            ["Johannesburg Metro Police Department"],
        ),
        ("The Delhi Police team was fired upon.", "IN", ["Delhi Police"]),
        ("UP police said the criminal was injured.", "IN", ["Uttar Pradesh Police"]),
        ("The Special Task Force shot the gangster.", "IN", ["Special Task Force"]),
        (
            "Texas Department of Public Safety troopers fired.",
            "US",
            ["Texas Department of Public Safety"],
        ),
        ("Ohio state troopers shot the driver.", "US", ["Ohio State Highway Patrol"]),
        ("Michigan State Police said the man died.", "US", ["Michigan State Police"]),
        ("Auckland police said the man was armed.", "NZ", ["New Zealand Police"]),
    ],
)
def test_named_force_gets_formal_name(text: str, country: str, expected: list[str]) -> None:
    assert names(text, country) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Police shot a man on Sunday.",
        "When police arrived the man ran.",
        "The cops chased him down the street.",
        "Fortunately police were nearby.",
        "A Texas police officer was wounded.",
        "The Queensland Police Union backed the officer.",
        "The Independent Police Conduct Authority will investigate.",
        "The Independent Police Investigative Directorate is probing the case.",
        "The Garda Síochána Ombudsman Commission launched an inquiry.",
        "Watchdog Investigating Shooting By Armed Police",
        "On Monday police said the man had died.",
        "The Met Office issued a weather warning.",
    ],
)
def test_plain_police_and_non_forces_give_no_hit(text: str) -> None:
    assert names(text, "US" if "Texas" in text else None) == []


def test_two_forces_are_found_in_order_of_mention() -> None:
    text = "Members of JMPD and the South African Police Service exchanged fire with the men."
    assert names(text, "ZA") == ["JMPD", "South African Police Service"]


def test_join_agencies_dedupes_and_keeps_order() -> None:
    joined = join_agencies(["JMPD", "South African Police Service", "JMPD"])
    assert joined == "JMPD; South African Police Service"
    assert join_agencies([]) is None


def test_city_police_depends_on_country() -> None:
    assert names("Victoria police fired.", "AU") == ["Victoria Police"]
    assert names("Victoria police fired.", "CA") == ["Victoria Police Department"]
    assert names("Springfield police fired.", "US") == ["Springfield Police Department"]


def test_unknown_country_place_gets_lower_confidence() -> None:
    (known,) = find_agencies_in_text("Springfield police fired.", 0, "US")
    (guess,) = find_agencies_in_text("Springfield police fired.", 0, None)
    assert known.name == guess.name == "Springfield Police Department"
    assert guess.confidence < known.confidence


def test_troopers_use_region_when_no_state_is_named() -> None:
    assert names("State troopers shot the driver.", "US", "PA") == ["Pennsylvania State Police"]
    assert names("State troopers shot the driver.", "US", None) == []


@pytest.mark.parametrize(
    ("text", "country", "region", "expected"),
    [
        ("Queensland police", None, None, "Queensland Police Service"),
        ("gardaí", None, None, "Garda Síochána"),
        ("garda", "IE", None, "Garda Síochána"),
        ("Mounties", None, None, "RCMP"),
        ("RCMP", None, None, "RCMP"),
        ("police", "NZ", None, "New Zealand Police"),
        ("Police", "IE", None, "Garda Síochána"),
        ("the Met", None, None, "Metropolitan Police"),
        ("SAPS", None, None, "South African Police Service"),
        ("Kenosha police", "US", None, "Kenosha Police Department"),
        ("state troopers", "US", "MI", "Michigan State Police"),
        ("police", "US", None, None),
        ("cops", None, None, None),
        ("police", "AU", "QLD", "Queensland Police Service"),
    ],
)
def test_normalise_agency(
    text: str, country: str | None, region: str | None, expected: str | None
) -> None:
    assert normalise_agency(text, country, region) == expected


@pytest.mark.parametrize(
    ("country", "region", "expected"),
    [
        ("NZ", None, "New Zealand Police"),
        ("IE", None, "Garda Síochána"),
        ("ZA", None, "South African Police Service"),
        ("AU", "Queensland", "Queensland Police Service"),
        ("AU", "NSW", "NSW Police Force"),
        ("AU", None, None),
        ("CA", "BC", None),
        ("US", "TX", None),
        (None, None, None),
    ],
)
def test_default_agency_by_country(
    country: str | None, region: str | None, expected: str | None
) -> None:
    assert default_agency(country, region) == expected


def test_find_agencies_on_a_parsed_sentence_gives_document_offsets(nlp) -> None:
    content = "Shooting in Logan\n\nA man was hurt. Later, Queensland police said he had a knife."
    doc = nlp(content)
    sent = list(doc.sents)[-1]
    (hit,) = find_agencies(sent, country="AU")
    assert hit.name == "Queensland Police Service"
    assert content[hit.start_char : hit.end_char] == "Queensland police"
