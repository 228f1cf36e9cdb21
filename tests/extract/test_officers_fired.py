"""How many officers fired: stated counts, and one officer named as the shooter."""

from __future__ import annotations

import pytest

from forcewatch.records import Document


@pytest.mark.parametrize(
    ("text", "fired"),
    [
        (
            "A man was fatally shot in an interaction with a police officer in Kamloops on "
            "Tuesday night as he tried to flee, the RCMP said.",
            1,
        ),
        (
            "A woman was shot during a confrontation with a sheriff's deputy outside a motel "
            "in Ocala on Friday, officials said.",
            1,
        ),
        ("Two officers fired at the man when he raised a rifle in Napier on Sunday.", 2),
        (
            'The man tried to flee, resulting in an "interaction" with a police officer in '
            "Salmon Arm on Tuesday, during which he was shot, the RCMP said.",
            1,
        ),
    ],
)
def test_officers_fired_from_the_story(pipeline, text, fired):
    result = pipeline.process(Document(external_id="fired", text=text))
    [mention] = result.mentions
    assert mention.officers_fired is not None and mention.officers_fired.value == fired


@pytest.mark.parametrize(
    ("text", "fired"),
    [
        # a shootout with a number of officers: they all fired
        (
            "The attacker was shot dead in a 'fierce gunfight' with four attending officers "
            "outside a warehouse in Ipswich on Friday, police said.",
            4,
        ),
        (
            "A 41-year-old man was wounded in an exchange of fire with three detectives in "
            "Leeds on Friday.",
            3,
        ),
        # an oversight finding names the shooters by number
        (
            "A Gisborne man hit in the arm by police gunfire in March had shot at them "
            "first. The authority said both officers were justified in firing at him.",
            2,
        ),
        # the nominal "shooting by a garda of X"
        (
            "The watchdog is investigating the shooting dead by a garda of Tom Rafter in "
            "Tralee in 2019.",
            1,
        ),
        # a wound between "shot" and "by"
        (
            "Dale Voss, 40, is recovering after he was shot through the shoulder by a "
            "state trooper near Fresno on Tuesday night.",
            1,
        ),
        # one officer named by an ordinal, with a parenthesis and a clause in between
        (
            "Two constables tried to calm a man waving a machete in Red Deer. A third "
            "officer (named only as Officer B by the watchdog), who got there minutes "
            "later, fired twice at the man and hit him in the leg.",
            1,
        ),
    ],
)
def test_officers_fired_counts_told_in_other_words(pipeline, text, fired):
    result = pipeline.process(Document(external_id="fired", text=text))
    [mention] = result.mentions
    assert mention.officers_fired is not None and mention.officers_fired.value == fired


def test_the_officer_who_returned_fire_counts_anywhere_in_a_one_person_story(pipeline):
    text = (
        "Detectives in Oregon on Monday caught a man wanted for wounding a deputy in Yakima "
        "at the weekend. He had a bullet wound in his thigh and spent a night in hospital "
        "before being booked into jail.\n\n"
        "The 31-year-old deputy was hurt while checking a stolen car on Saturday. "
        "Investigators say the deputy returned fire."
    )
    result = pipeline.process(Document(external_id="fired", text=text))
    [mention] = result.mentions
    assert mention.officers_fired is not None and mention.officers_fired.value == 1


@pytest.mark.parametrize(
    "text",
    [
        # a bound, not a count
        "A man was killed in a Tulsa parking lot on Tuesday when at least one deputy "
        "opened fire on him, the sheriff said.",
        # the officer was hit: "an officer shot dead"
        "Dayton mourned on Sunday after an officer shot dead at a traffic stop. The gunman "
        "was later shot and killed by police.",
        # "two officers shot" with nothing shot at: they were the ones hit
        "Two officers shot in Memphis as a gunman opens fire; the gunman was later shot "
        "dead by police.",
        # plural police fired: the number is not told
        "Officers opened fire on a man who pointed a rifle at them in Bendigo on Monday.",
    ],
)
def test_no_count_when_the_story_gives_none(pipeline, text):
    result = pipeline.process(Document(external_id="fired", text=text))
    assert result.mentions
    for mention in result.mentions:
        assert mention.officers_fired is None
