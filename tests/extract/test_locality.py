"""The town a suburb lies in (`Mention.locality`), when the story says so, and how linking
reads it: a suburb in one story and its town in another are one place."""

from __future__ import annotations

import pytest

from forcewatch.link.mention import LinkMention
from forcewatch.link.score import same_event, score_pair
from forcewatch.records import Document, PartialDate


def _where(pipeline, text: str) -> tuple[str | None, str | None]:
    result = pipeline.process(Document(external_id="locality-test", text=text))
    assert result.mentions, "the story should give one mention"
    m = result.mentions[0]
    place = m.place.value if m.place is not None else None
    locality = m.locality.value if m.locality is not None else None
    if m.locality is not None:
        assert m.locality.evidence is not None
        sentence = text[m.locality.evidence.start : m.locality.evidence.end]
        assert locality in sentence, "the locality is named in its evidence sentence"
    return place, locality


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (
            "A man is in a stable condition after he was shot by an officer in the Cairns "
            "suburb of Manunda on Sunday afternoon, Queensland Police said.",
            ("Manunda", "Cairns"),
        ),
        (
            "A woman was shot by police during a siege at Creswick, north of Ballarat, on "
            "Wednesday night. Victoria Police said she had fired at officers.",
            ("Creswick", "Ballarat"),
        ),
        (
            "A man has been shot dead by armed police in Walthamstow, east London. The "
            "Metropolitan Police said officers were called to reports of a man with a gun.",
            ("Walthamstow", "London"),
        ),
        (
            "Police shot a man in Auckland's Glen Innes on Friday night after he threatened "
            "officers with a machete, police said.",
            ("Glen Innes", "Auckland"),
        ),
        (
            "A man was shot by police near the Kirra area of Coolangatta on Sunday night "
            "after he ran at officers with a knife, Queensland Police said.",
            ("Kirra", "Coolangatta"),
        ),
        (
            "Police shot and wounded a man in Townsville on Monday night. Officers were called "
            "to a home in Douglas about 8.30pm after reports a man was threatening his family.",
            ("Douglas", "Townsville"),
        ),
    ],
)
def test_the_story_puts_the_suburb_in_its_town(pipeline, text, where):
    assert _where(pipeline, text) == where


def test_a_town_alone_has_no_locality(pipeline):
    text = (
        "A man was shot dead by police in Rotorua on Tuesday night after he fired at "
        "officers from a car, police said."
    )
    assert _where(pipeline, text) == ("Rotorua", None)


def _unnamed(key: str, place: str, locality: str | None = None) -> LinkMention:
    return LinkMention(
        key=f"{key}:0000",
        doc=key,
        age=38,
        sex="male",
        outcome="injured",
        force="firearm",
        date=PartialDate(2024, 3, 9),
        place=place,
        locality=locality,
        region="Queensland",
        country="AU",
    )


def test_a_suburb_and_its_town_link_on_the_same_day():
    breaking = _unnamed("a", "Manunda", "Cairns")
    follow_up = _unnamed("b", "Cairns")
    score = score_pair(breaking, follow_up)
    assert score.links, score.reasons
    assert "place Manunda lies in Cairns" in score.reasons
    assert same_event(breaking, follow_up)


def test_a_suburb_of_another_town_stays_apart():
    breaking = _unnamed("a", "Manunda", "Cairns")
    elsewhere = _unnamed("b", "Mackay")
    assert not score_pair(breaking, elsewhere).links
    assert not same_event(breaking, elsewhere)


def test_two_suburbs_of_one_town_are_not_one_place():
    one = _unnamed("a", "Manunda", "Cairns")
    other = _unnamed("b", "Edge Hill", "Cairns")
    assert not same_event(one, other)
    assert not any("lies in" in r for r in score_pair(one, other).reasons)
