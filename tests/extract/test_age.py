"""The subject's age: told with the force, else the one age a one-person story gives."""

from __future__ import annotations

from forcewatch.records import Document


def _age(pipeline, text: str) -> int | None:
    [mention] = pipeline.process(Document(external_id="age", text=text)).mentions
    return mention.subject_age.value if mention.subject_age is not None else None


def test_the_one_age_of_a_one_person_story_is_the_subjects(pipeline):
    text = (
        "Police went to a house in Logan about 12.30pm after neighbours heard a 45-year-old "
        "man shouting at his brother. He was shot by police after he ran at them with a "
        "knife, police said."
    )
    assert _age(pipeline, text) == 45


def test_two_ages_in_the_story_give_none_unless_told_with_the_force(pipeline):
    text = (
        "Officers were called to a dispute between a 45-year-old man and a 23-year-old man "
        "in Logan. One of them was shot by police after he ran at officers with a knife."
    )
    assert _age(pipeline, text) is None


def test_age_after_an_alias(pipeline):
    text = (
        "Police in Lucknow said gang leader Rakesh Sharma alias Chhotu, 35, died on Monday "
        "when officers shot him during an exchange of fire near a canal bridge."
    )
    assert _age(pipeline, text) == 35


def test_age_in_brackets_after_each_name_and_not_another_persons(pipeline):
    text = (
        "A village feud cost 22-year-old Ravi Lal his life last week. On Sunday police shot "
        "Jon Tal (28) and Sam Fahr (32), held for his killing, as they ran from a jeep."
    )
    result = pipeline.process(Document(external_id="age", text=text))
    ages = {
        m.subject_name.value: m.subject_age.value if m.subject_age else None
        for m in result.mentions
        if m.subject_name is not None
    }
    assert ages == {"Jon Tal": 28, "Sam Fahr": 32}
