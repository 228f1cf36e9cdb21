"""Which place an incident gets: the most specific locality the story gives for it."""

from __future__ import annotations

import pytest

from forcewatch.records import Document


def _place(pipeline, text: str) -> str | None:
    result = pipeline.process(Document(external_id="place-test", text=text))
    assert result.mentions, "the story should give one mention"
    place = result.mentions[0].place
    return place.value if place is not None else None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "A man was shot dead by police in Auckland on Tuesday night. Officers had been "
            "called to a house on Kauri Street in Mount Albert after reports of a man with a gun.",
            "Mount Albert",
        ),
        (
            "A man was shot by armed officers in Leeds on Sunday, West Yorkshire Police said. "
            "Officers were called to Harehills Lane, Harehills, shortly after 9pm.",
            "Harehills",
        ),
        (
            "Police shot and wounded a man in Townsville on Monday night. Officers were called "
            "to a home in Douglas about 8.30pm after reports a man was threatening his family.",
            "Douglas",
        ),
    ],
)
def test_an_address_or_the_premises_give_the_suburb(pipeline, text, place):
    assert _place(pipeline, text) == place


def test_a_dateline_gives_way_to_the_place_the_story_names(pipeline):
    text = (
        "WINNIPEG — Police shot and killed a man in Selkirk, Man., on Tuesday night after "
        "he pointed a rifle at officers, the RCMP said."
    )
    assert _place(pipeline, text) == "Selkirk"


def test_where_the_man_lived_is_not_where_he_was_shot(pipeline):
    text = (
        "Deputies shot a man during a traffic stop near Ocala on Tuesday. "
        "Dale Fenner, 41, of Gainesville, was taken to hospital in critical condition."
    )
    assert _place(pipeline, text) == "Ocala"


def test_a_block_or_a_street_after_premises_is_not_a_locality(pipeline):
    text = (
        "Police shot a man in Soweto on Friday after officers approached a house in Block C "
        "and two men opened fire on them."
    )
    assert _place(pipeline, text) == "Soweto"


def test_a_county_named_for_its_warrants_is_not_the_place(pipeline):
    text = (
        "A driver wanted on two warrants in Montgomery County was shot by a deputy during "
        "a traffic stop in Houston on Friday night, the sheriff's office said."
    )
    assert _place(pipeline, text) == "Houston"
