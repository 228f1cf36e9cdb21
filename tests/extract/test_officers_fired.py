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
