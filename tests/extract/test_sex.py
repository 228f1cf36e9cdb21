"""The subject's sex: from explicit words about the subject, never from a name, and never
from the words of another person in the story (a spokeswoman, a relative, an officer, the
victim of the subject's own crime)."""

from __future__ import annotations

import pytest

from forcewatch.records import Document


def _sexes(pipeline, text: str) -> list[str | None]:
    result = pipeline.process(Document(external_id="sex", text=text))
    assert result.mentions, "no subject found"
    return [m.subject_sex.value if m.subject_sex is not None else None for m in result.mentions]


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        # the speaker of a quote is not the subject; the dead man named after it is
        (
            "Spokeswoman Thandi Mokoena said officers came under fire near the mall and shot "
            "back. She said one robber was fatally shot. An autopsy on the dead man is "
            "planned for next week.",
            "male",
        ),
        # a pronoun bound to the subject's name, with a relative of the other sex nearby
        (
            "Officers went to a flat in Lower Hutt after Mark Dunn threatened his aunt. Dunn "
            "ran at them with a screwdriver, and an officer shot Dunn once in the chest.",
            "male",
        ),
        # the victim of the subject's own crime is a woman; "his" is the subject's
        (
            "Kerr, wanted since Friday over an attack on his girlfriend, died after police "
            "shot him at a Tauranga petrol station on Monday.",
            "male",
        ),
        # a title is an explicit word
        ("Mr Okafor was shot dead by a garda outside a shop in Athlone.", "male"),
        ("Mrs Tane was shot in the shoulder by police in Rotorua on Friday.", "female"),
        # "the two men" right after the sentence naming them
        (
            "Jon Tal (28) and Sam Fahr (32) were in custody on the highway near Agra. Police "
            "said the two men grabbed a pistol and fired it while trying to run, and officers "
            "shot them both in the leg.",
            "male",
        ),
        # a woman shot, an officer who is a man: the words about the officer do not count
        (
            "A woman was shot by police in Napier on Friday after she pointed a rifle at "
            "officers. The officer who fired said he feared for his life.",
            "female",
        ),
    ],
)
def test_sex_from_words_about_the_subject(pipeline, text, sex):
    assert set(_sexes(pipeline, text)) == {sex}


@pytest.mark.parametrize(
    "text",
    [
        # the woman is the victim of the subjects' crime, not one of them
        "Police in Pune said they fired at two suspects held over the assault of a woman "
        "after the pair bolted from a van on Friday, wounding both.",
        # "the person": no word gives the sex
        "A deputy killed a person sitting in a car reported stolen in Memphis on Tuesday, "
        "a spokeswoman for the county said.",
    ],
)
def test_no_sex_when_only_other_people_have_one(pipeline, text):
    assert set(_sexes(pipeline, text)) == {None}
