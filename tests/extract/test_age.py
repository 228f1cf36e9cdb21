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
