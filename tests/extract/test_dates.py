"""Incident dates resolved against the publication date (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from forcewatch.extract.dates import find_dates, resolve_expression, scan_dates
from forcewatch.records import PartialDate

PUB = dt.date(2021, 3, 10)  # a Wednesday
JAN_PUB = dt.date(2021, 1, 5)  # a Tuesday, just after a year change


def _isos(nlp, text: str, published: dt.date | None) -> list[str]:
    doc = nlp(text)
    return [h.date.iso() for s in doc.sents for h in find_dates(s, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers shot a man on Tuesday night after a chase.", "2021-03-09"),
        ("The man was shot late on Wednesday outside a bar.", "2021-03-10"),
        ("Police fired at the car on Thursday.", "2021-03-04"),
        ("A woman was tasered by officers last Wednesday.", "2021-03-03"),
        ("An officer shot a man this morning in the city centre.", "2021-03-10"),
        ("Police say a man was shot earlier today.", "2021-03-10"),
        ("Officers fired at a man tonight near the station.", "2021-03-10"),
        ("A man died after being restrained by police yesterday.", "2021-03-09"),
        ("Police shot a teenager last night.", "2021-03-09"),
        ("The shooting happened on Sunday (March 7) at about 10pm.", "2021-03-07"),
        ("He was shot by an officer on November 4.", "2020-11-04"),
        ("The man was shot on March 12 and died later.", "2020-03-12"),
        ("Police shot him last September.", "2020-09"),
        ("Police shot him in September 2019, the report says.", "2019-09"),
        ("The man was killed by police in 2019.", "2019"),
        ("He was shot on 8 September 2019 by two officers.", "2019-09-08"),
        ("He was shot on Sept. 8, 2019, by two officers.", "2019-09-08"),
        ("The inquest heard he was shot on 13/9/2019.", "2019-09-13"),
        ("The record lists the shooting as 2019-09-08.", "2019-09-08"),
        ("He was shot on Christmas Eve after a standoff.", "2020-12-24"),
        ("The man was shot by police on New Year's Day.", "2021-01-01"),
        ("Police shot him last year on September 8 after a chase.", "2020-09-08"),
        ("He was shot in March last year.", "2020-03"),
    ],
)
def test_expression_resolves_against_publication(nlp, text, expected):
    assert _isos(nlp, text, PUB) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police shot the man last December.", "2020-12"),
        ("Police shot the man in December.", "2020-12"),
        ("Police shot the man on December 30.", "2020-12-30"),
        ("He was shot on New Year's Eve.", "2020-12-31"),
        ("The shooting happened on Saturday.", "2021-01-02"),
    ],
)
def test_year_rolls_back_for_january_publication(nlp, text, expected):
    assert _isos(nlp, text, JAN_PUB) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officers shot a man on Tuesday.", []),
        ("The man was shot on November 4.", []),
        ("A man was shot yesterday.", []),
        ("Police shot him in September 2019.", ["2019-09"]),
        ("He was shot on 8 September 2019.", ["2019-09-08"]),
        ("He was shot on Christmas Eve 2018.", ["2018-12-24"]),
    ],
)
def test_without_publication_date_only_absolute_dates_resolve(nlp, text, expected):
    assert _isos(nlp, text, None) == expected


def test_ambiguous_numeric_date_is_not_resolved(nlp):
    assert _isos(nlp, "The file is dated 8/9/2019.", PUB) == []


def test_vague_week_gives_no_date_and_days_ago_low_confidence(nlp):
    assert _isos(nlp, "Police shot a man last week.", PUB) == []
    hits = scan_dates("He was shot two days ago.", PUB)
    assert [(h.date.iso(), h.relative) for h in hits] == [("2021-03-08", True)]
    assert hits[0].confidence < 0.5


def test_bare_may_is_not_a_month():
    assert scan_dates("May I say the officers acted well.", PUB) == []
    assert [h.date.iso() for h in scan_dates("He was shot in May.", PUB)] == ["2020-05"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The man, who was born in 1990, was shot.", "birth"),
        ("The officer will appear in court next Monday.", "future"),
        ("Police have shot six people since 2015.", "range"),
        ("He was jailed in 2016 for burglary.", "other"),
        ("He was shot dead in 2016.", "event"),
        ("The story was updated on March 9, 2021.", "publication"),
    ],
)
def test_kind_tells_event_dates_from_other_dates(text, kind):
    hits = scan_dates(text, PUB)
    assert [h.kind for h in hits] == [kind]


def test_offsets_index_the_document_text(nlp):
    doc = nlp("Police were called to a house. A man was shot there on Sunday, March 7, 2021.")
    hits = [h for s in doc.sents for h in find_dates(s, PUB)]
    assert len(hits) == 1
    hit = hits[0]
    assert doc.text[hit.start_char : hit.end_char] == hit.text
    assert hit.text == "Sunday, March 7, 2021"
    assert hit.date == PartialDate(2021, 3, 7)
    assert hit.relative is False


def test_weekday_that_contradicts_the_date_lowers_confidence():
    right = scan_dates("on Sunday, March 7, 2021", PUB)[0]
    wrong = scan_dates("on Monday, March 7, 2021", PUB)[0]
    assert wrong.confidence < right.confidence


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("late on Thursday", PUB, PartialDate(2021, 3, 4)),
        ("last December", JAN_PUB, PartialDate(2020, 12)),
        ("in 2019", None, PartialDate(2019)),
        ("last week", PUB, None),
        ("Sunday (November 4)", None, None),
        ("", PUB, None),
        ("the morning of 4 March 2020", None, PartialDate(2020, 3, 4)),
    ],
)
def test_resolve_expression(text, published, expected):
    assert resolve_expression(text, published) == expected


def test_resolve_expression_falls_back_to_dateparser_for_odd_forms():
    assert resolve_expression("March the 3rd", PUB) == PartialDate(2021, 3, 3)
    assert resolve_expression("three weeks ago", PUB) is None


def test_find_dates_costs_well_under_a_millisecond(nlp):
    doc = nlp("Police said the man was shot late on Tuesday night, on Sunday (March 7) or in 2019.")
    sent = next(iter(doc.sents))
    start = time.perf_counter()
    for _ in range(500):
        find_dates(sent, PUB)
    assert (time.perf_counter() - start) / 500 < 0.001


def test_the_date_a_story_gives_the_shooting_itself(pipeline):
    import datetime as dt

    from forcewatch.records import Document, PartialDate

    text = (
        "Police shot a man to death at a Burlington gas station, and two officers were "
        "wounded. The Sept. 22 shooting in Burlington is being reviewed by the SIU."
    )
    doc = Document(external_id="dated", text=text, published=dt.date(2018, 10, 3))
    [mention] = pipeline.process(doc).mentions
    assert mention.date is not None and mention.date.value == PartialDate(2018, 9, 22)


def test_a_year_told_with_the_death_is_refined_by_the_month_told_later(pipeline):
    import datetime as dt

    from forcewatch.records import Document, PartialDate

    text = (
        "The family of Dale Tomkins, 32, who died after police restrained him, has fought "
        "for five years over his death in 2014. On the day of the incident in July 2014, "
        "his partner told officers he was unwell."
    )
    doc = Document(external_id="refined", text=text, published=dt.date(2019, 4, 9))
    [mention] = pipeline.process(doc).mentions
    assert mention.date is not None and mention.date.value == PartialDate(2014, 7)


def test_the_day_an_oversight_body_was_told_dates_only_the_month(pipeline):
    import datetime as dt

    from forcewatch.records import Document, PartialDate

    # the report never dates the shooting itself: the notice bounds it to its month
    text = (
        "On June 14, 2022, the Riverside Police Service notified the SIU of an incident at "
        "a farmhouse. Officers had gone to the farmhouse after a call about a man with a "
        "rifle. An officer fired his carbine and struck the man, who died in hospital."
    )
    doc = Document(external_id="notice", text=text, published=dt.date(2023, 2, 1))
    [mention] = pipeline.process(doc).mentions
    assert mention.date is not None and mention.date.value == PartialDate(2022, 6)
    hits = scan_dates(text.split(". ")[0], dt.date(2023, 2, 1))
    assert [h.kind for h in hits] == ["notice"]
