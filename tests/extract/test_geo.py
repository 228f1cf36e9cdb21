"""Places, regions and countries (sentences written for these tests)."""

from __future__ import annotations

import time

import pytest

from forcewatch.extract.geo import (
    find_places,
    infer_country,
    normalise_region,
    region_of,
    scan_places,
    with_country,
)


def _places(nlp, text: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = nlp(text)
    return [(h.name, h.region, h.country, h.kind) for s in doc.sents for h in find_places(s)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # US: "Place, State" with AP abbreviations, full names and codes
        ("Officers shot a man in Auburn, Wash., on Saturday.", ("Auburn", "WA", "US", "place")),
        (
            "A deputy fired at a driver in Pine Hollow, Minn., late Friday.",
            ("Pine Hollow", "MN", "US", "place"),
        ),
        ("Troopers shot a man near Tucson, Arizona.", ("Tucson", "AZ", "US", "place")),
        (
            "The man was shot in Springfield, IL, after a chase.",
            ("Springfield", "IL", "US", "place"),
        ),
        (
            "Police shot a man in Washington, D.C., on Monday.",
            ("Washington, D.C.", "DC", "US", "place"),
        ),
        (
            "State troopers shot him in Washington state.",
            ("Washington state", "WA", "US", "region"),
        ),
        ("Police in Georgia shot a man at a gas station.", ("Georgia", "GA", "US", "region")),
        # Australia
        (
            "A man was shot dead by police in the Brisbane suburb of Woodridge.",
            ("Woodridge", "Queensland", "AU", "place"),
        ),
        (
            "Victoria Police said the man died at the scene.",
            ("Victoria", "Victoria", "AU", "region"),
        ),
        (
            "He was shot by officers in Perth, WA, police said.",
            ("Perth", "Western Australia", "AU", "place"),
        ),
        ("NSW Police shot a man in Gunnedah.", ("Gunnedah", "NSW", "AU", "place")),
        ("Police shot a man on the Gold Coast in QLD.", ("QLD", "Queensland", "AU", "region")),
        # Canada
        ("Police shot a man in Tappen, B.C., on Tuesday.", ("Tappen", "BC", "CA", "place")),
        (
            "The shooting happened in Victoria, B.C., late on Friday.",
            ("Victoria", "BC", "CA", "place"),
        ),
        (
            "He was shot in London, Ontario, by a city officer.",
            ("London", "Ontario", "CA", "place"),
        ),
        ("Richmond RCMP shot a man on Tuesday.", ("Richmond", "BC", "CA", "place")),
        (
            "Winnipeg police shot a man, Manitoba's watchdog says.",
            ("Winnipeg", "Manitoba", "CA", "place"),
        ),
        # New Zealand
        ("Police shot a man in Upper Hutt on Sunday.", ("Upper Hutt", "Wellington", "NZ", "place")),
        (
            "Eastern District Commander Jane Roe said staff were safe.",
            ("Eastern", "Eastern", "NZ", "region"),
        ),
        (
            "Hamilton police shot a man in Hamilton, New Zealand.",
            ("Hamilton", "Waikato", "NZ", "place"),
        ),
        (
            "Armed police were called to a house in Counties Manukau.",
            ("Counties Manukau", "Counties Manukau", "NZ", "region"),
        ),
        # UK
        (
            "Armed police shot a man in Bromsgrove, Worcestershire.",
            ("Bromsgrove", "Worcestershire", "GB", "place"),
        ),
        (
            "West Midlands Police shot a man in Birmingham.",
            ("West Midlands", "West Midlands", "GB", "region"),
        ),
        # Ireland
        (
            "Gardaí shot a man in Rathcormac, Co Cork, on Friday.",
            ("Rathcormac", "Cork", "IE", "place"),
        ),
        ("The man was shot in County Longford.", ("County Longford", "Longford", "IE", "region")),
        # South Africa
        (
            "IPID is probing a shooting in Kuilsriver, Western Cape.",
            ("Kuilsriver", "Western Cape", "ZA", "place"),
        ),
        (
            "Police shot three suspects near Johannesburg on Monday.",
            ("Johannesburg", "Gauteng", "ZA", "place"),
        ),
        (
            "The suspects were killed in a shootout in KZN.",
            ("KZN", "KwaZulu-Natal", "ZA", "region"),
        ),
        # India
        (
            "The encounter took place in Nihal Vihar in Delhi.",
            ("Nihal Vihar", "Delhi", "IN", "place"),
        ),
        (
            "UP Police said the encounter happened in Meerut.",
            ("UP", "Uttar Pradesh", "IN", "region"),
        ),
        (
            "A constable fired at the accused in Chennai, Tamil Nadu.",
            ("Chennai", "Tamil Nadu", "IN", "place"),
        ),
    ],
)
def test_place_region_and_country_per_country(nlp, text, expected):
    assert expected in _places(nlp, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Victoria Smith told the Washington Post she saw it.", {"Victoria", "Washington"}),
        ("Georgia Brown, 34, was killed.", {"Georgia"}),
        ("The Waikato Times reported that a man was shot in Huntly.", {"Waikato"}),
        ("Officers spoke to Jackson about the gun.", {"Jackson"}),
        ("The Sydney Morning Herald said police fired twice.", {"Sydney"}),
    ],
)
def test_names_of_people_and_newspapers_are_not_places(nlp, text, absent):
    assert absent.isdisjoint(name for name, *_ in _places(nlp, text))


def test_state_code_is_a_region_only_after_a_place():
    assert scan_places("Police said OK, we will go IN there.") == []
    hits = scan_places("He lives in Norman, OK, with his mother.")
    assert [(h.name, h.region) for h in hits] == [("Norman", "OK"), ("OK", "OK")]


def test_region_in_text_flags_regions_the_sentence_names():
    tappen, bc = scan_places("Police shot a man in Tappen, B.C., on Tuesday.")
    assert tappen.region_in_text and bc.region_in_text
    (shepparton,) = scan_places("A man was shot in Shepparton on Monday.")
    assert shepparton.region == "Victoria" and not shepparton.region_in_text


def test_ambiguous_place_keeps_its_other_readings_and_can_be_reread():
    (richmond,) = scan_places("A man was shot in Richmond on Monday.")
    assert ("Tasman", "NZ") in richmond.candidates and ("BC", "CA") in richmond.candidates
    assert richmond.confidence < 0.8
    nz = with_country(richmond, "NZ")
    assert (nz.region, nz.country) == ("Tasman", "NZ")
    assert with_country(richmond, "ZA") == richmond


def test_unknown_town_from_entities_and_patterns(nlp):
    found = _places(nlp, "When Brookvale police arrived at a Glenmoor home, a man ran at them.")
    names = {name for name, *_ in found}
    assert {"Glenmoor", "Brookvale"} <= names


def test_offsets_index_the_document_text(nlp):
    doc = nlp("Police were called to a house. A man was shot in Kenosha, Wisconsin.")
    hits = [h for s in doc.sents for h in find_places(s)]
    assert [doc.text[h.start_char : h.end_char] for h in hits] == ["Kenosha", "Wisconsin"]
    assert [(h.region, h.country) for h in hits] == [("WI", "US"), ("WI", "US")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Calif.", "CA"),
        ("Texas", "TX"),
        ("Washington state", "WA"),
        ("B.C.", "BC"),
        ("British Columbia", "BC"),
        ("QLD", "Queensland"),
        ("New South Wales", "NSW"),
        ("Co. Cork", "Cork"),
        ("County Longford", "Longford"),
        ("UP", "Uttar Pradesh"),
        ("Orissa", "Odisha"),
        ("KZN", "KwaZulu-Natal"),
        ("Hawkes Bay", "Hawke's Bay"),
        ("Dublin", "Dublin"),
        ("state of Ohio", "OH"),
        ("Nowhereshire", None),
        ("Auckland City", "Auckland City"),
    ],
)
def test_normalise_region(text, expected):
    assert normalise_region(text) == expected


def test_normalise_region_with_country_picks_that_countrys_region():
    assert normalise_region("WA") == "WA"
    assert normalise_region("WA", "AU") == "Western Australia"


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Upper Hutt", None, ("Wellington", "NZ")),
        ("Calif.", None, ("CA", "US")),
        ("Richmond", "CA", ("BC", "CA")),
        ("Richmond", "NZ", ("Tasman", "NZ")),
        ("Soweto", None, ("Gauteng", "ZA")),
        ("Tallaght", None, ("Dublin", "IE")),
        ("Atlantis", None, None),
    ],
)
def test_region_of(name, country, expected):
    assert region_of(name, country) == expected


@pytest.mark.parametrize(
    ("text", "source", "url", "expected"),
    [
        ("Gardaí were called to the scene. GSOC has been notified.", None, None, "IE"),
        ("The IPCA is investigating after the Armed Offenders Squad fired.", None, None, "NZ"),
        ("Sheriff's deputies shot a man after a 911 call.", None, None, "US"),
        ("The RCMP said the IIO has been notified.", None, None, "CA"),
        ("IPID is investigating after SAPS members opened fire.", None, None, "ZA"),
        ("An FIR was lodged against the sub-inspector over the firing.", None, None, "IN"),
        ("The IOPC said it would investigate the shooting.", None, None, "GB"),
        ("The Crime and Corruption Commission will oversee the inquiry.", None, None, "AU"),
        ("Police shot a man on Friday.", None, "https://www.stuff.co.nz/national/1", "NZ"),
        ("Police shot a man on Friday.", None, "https://www.cbc.ca/news/canada/1", "CA"),
        ("Police shot a man on Friday.", "The Irish Times", None, "IE"),
        ("Police shot a man in Gauteng on Friday.", None, None, "ZA"),
    ],
)
def test_infer_country_from_cues_outlets_and_addresses(text, source, url, expected):
    guess = infer_country(text, [], source, url)
    assert guess is not None
    assert guess[0] == expected
    assert 0.3 <= guess[1] <= 0.99


def test_infer_country_is_none_without_evidence():
    assert infer_country("A man was shot on Friday.", [], None, None) is None


def test_infer_country_weighs_hits_and_text_together(nlp):
    doc = nlp("Police shot a man in Tappen, B.C. The Mounties said an officer fired.")
    hits = [h for s in doc.sents for h in find_places(s)]
    code, conf = infer_country(doc.text, hits, "BBC News", "https://www.bbc.com/news/world-1")
    assert code == "CA"
    assert conf > 0.5


def test_find_places_costs_well_under_a_millisecond(nlp):
    doc = nlp("Officers shot a man in Auburn, Wash., after Victoria Police and the RCMP called.")
    sent = next(iter(doc.sents))
    find_places(sent)  # builds the gazetteer once
    start = time.perf_counter()
    for _ in range(500):
        find_places(sent)
    assert (time.perf_counter() - start) / 500 < 0.001
