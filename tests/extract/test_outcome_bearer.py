"""Outcome words belong to someone: an officer hurt in the exchange or the victim of the
subject's own crime is not the subject's outcome; the subject's own death or wound is.

The articles are written for these tests.
"""

from __future__ import annotations

import pytest

from forcewatch.extract.bearer import bearer_and_agent
from forcewatch.records import Document


def _outcomes(pipeline, text: str) -> list[str]:
    result = pipeline.process(Document(external_id="outcome", text=text))
    assert result.mentions, "no subject found"
    return [m.outcome.value for m in result.mentions]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        # an officer's wound is not the subject's
        (
            "Police said they fired at Ravi Kumar in retaliation after he opened fire at a "
            "checkpoint outside Meerut on Sunday night. Two constables received bullet "
            "injuries in the gunfight, police said.",
            "unknown",
        ),
        # the people the subject killed earlier are not the subject's outcome
        (
            "A farmhand who had killed his employer and the employer's brother was arrested "
            "after an encounter with police near Kanpur on Tuesday morning.",
            "unknown",
        ),
        # "accused of shooting dead" tells what the subject did
        (
            "A 31-year-old man accused of shooting dead a shopkeeper last week was arrested "
            "after an exchange of fire with police in Ludhiana, officers said on Friday.",
            "unknown",
        ),
        # the subject's own wound, told as taking bullets, beside an officer's injury
        (
            "The accused was caught after a brief encounter with police near the river on "
            "Sunday. A constable was injured when the accused opened fire, and he was "
            "overpowered after taking two bullets in his leg in retaliatory fire.",
            "injured",
        ),
        # the subject's own death, with an officer hurt in the same story
        (
            "An officer was hurt and a gunman was shot dead by police outside a bank in "
            "Croydon on Monday, the IOPC said.",
            "fatal",
        ),
        (
            "Police shot a man who had attacked his neighbour with a machete in Rotorua. He "
            "lost his life in hospital two days later.",
            "fatal",
        ),
    ],
)
def test_outcome_words_are_read_for_the_subject(pipeline, text: str, outcome: str) -> None:
    assert _outcomes(pipeline, text)[0] == outcome


@pytest.mark.parametrize(
    ("text", "word", "bearer", "agent"),
    [
        ("Two officers were injured in the crash.", "injured", "officers", None),
        ("He was shot dead by police.", "dead", "He", "police"),
        ("The gunman, who had killed a guard, fled.", "killed", "guard", "gunman"),
        ("A man accused of shooting a driver was held.", "shooting", "driver", "man"),
        ("She died in hospital on Friday.", "died", "She", None),
        ("The officer suffered injuries to his hands.", "injuries", "officer", None),
    ],
)
def test_bearer_and_agent_from_the_parse(nlp, text: str, word: str, bearer, agent) -> None:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    got_bearer, got_agent = bearer_and_agent(tok)
    assert (got_bearer.text if got_bearer is not None else None) == bearer
    assert (got_agent.text if got_agent is not None else None) == agent
