"""Force told through the wound: the bearer of a gunshot wound is the patient."""

from __future__ import annotations

import pytest

from forcewatch.extract.events import events_in
from forcewatch.extract.subjects import find_subjects
from forcewatch.extract.wounds import wound_events


def _wounds(nlp, text):
    out = []
    for sent in nlp(text).sents:
        out.extend(wound_events(sent, events_in(sent)))
    return out


@pytest.mark.parametrize(
    ("text", "patient", "fatal"),
    [
        ("The driver suffered gunshot wounds to his arm and chest.", "driver", False),
        ("A 41-year-old woman sustained a bullet injury to the shoulder.", "woman", False),
        ("He was taken to Waikato Hospital with a gunshot wound to the leg.", "He", False),
        ("The teenager died of gunshot wounds at the scene.", "teenager", True),
        ("The man received a fatal gunshot wound to the head.", "man", True),
    ],
)
def test_the_bearer_of_a_gunshot_wound_is_the_patient(nlp, text, patient, fatal):
    [event] = _wounds(nlp, text)
    assert event.patient.text == patient
    assert event.fatal is fatal
    assert event.police_agent is None  # who fired is for the story around it to say


@pytest.mark.parametrize(
    "text",
    [
        "The man died of a self-inflicted gunshot wound after a six-hour standoff.",
        "Police found the shopkeeper with gunshot wounds behind the counter.",
        "The goalkeeper suffered a knee injury in the first half.",
    ],
)
def test_self_inflicted_found_and_other_wounds_are_no_events(nlp, text):
    assert _wounds(nlp, text) == []


def test_a_wound_next_to_police_gunfire_makes_a_subject_named_in_apposition(nlp):
    text = (
        "Officers returned fire when the two men shot at a patrol car near the depot, "
        "police said. One of the men, identified as Rangi Parata, suffered a gunshot wound "
        "to his leg and was taken to hospital."
    )
    [subject] = find_subjects(nlp(text))
    assert subject.name == "Rangi Parata"


def test_a_wound_in_a_civilian_shooting_makes_no_subject(nlp):
    text = (
        "A gunman opened fire outside a bar in Hamilton on Saturday night, police said. "
        "A 23-year-old man suffered gunshot wounds and was taken to hospital. "
        "Police arrested the gunman two streets away."
    )
    assert find_subjects(nlp(text)) == []


def test_remains_hospitalized_with_gunshot_wounds(nlp):
    text = "Mark Delaney III, 41, remains hospitalized with gunshot wounds, the sheriff said."
    [event] = _wounds(nlp, text)
    assert event.patient.text == "III"  # the head of "Mark Delaney III"
