"""Force events read from the dependency parse, on sentences written for these tests."""

from __future__ import annotations

import pytest

from forcewatch.extract.events import events_in
from forcewatch.records import Force


def _events(nlp, text):
    return [ev for sent in nlp(text).sents for ev in events_in(sent)]


@pytest.mark.parametrize(
    ("text", "patient", "force"),
    [
        ("A 52-year-old man was shot dead by police in Timaru on Sunday.", "man", Force.FIREARM),
        (
            "Officers opened fire on the driver as the car reversed at them.",
            "driver",
            Force.FIREARM,
        ),
        ("Police shot and killed Rawiri Tane outside a dairy.", "Tane", Force.FIREARM),
        ("A woman was tasered by RCMP officers in a parking lot.", "woman", Force.TASER),
        (
            "The teenager was bitten by a police dog while hiding in a garden.",
            "teenager",
            Force.DOG,
        ),
        ("A police cruiser struck a cyclist at an intersection.", "cyclist", Force.VEHICLE),
    ],
)
def test_police_force_on_a_person_is_an_event_with_that_patient(nlp, text, patient, force):
    events = [ev for ev in _events(nlp, text) if ev.police_agent]
    assert events, text
    assert events[0].patient is not None and events[0].patient.text == patient
    assert events[0].force == force
    assert not events[0].officer_patient


def test_officer_shot_by_offender_is_an_officer_patient(nlp):
    events = _events(nlp, "The gunman shot a police officer in the shoulder before fleeing.")
    assert len(events) == 1
    assert events[0].officer_patient is True
    assert events[0].police_agent is False


def test_statistics_about_many_people_are_not_events(nlp):
    events = _events(nlp, "Police in the state have shot and killed 212 people since 2010.")
    assert [ev for ev in events if ev.patient is not None] == []


def test_killed_says_fatal_and_fired_at_says_not_hit(nlp):
    killed = _events(nlp, "Two constables shot and killed the intruder.")
    assert any(ev.fatal for ev in killed)
    fired = _events(nlp, "A sergeant fired at the man, who ran off.")
    assert fired and not fired[0].hit


def test_gerund_passive_takes_the_subject_of_the_main_clause(nlp):
    events = _events(nlp, "A man is in hospital after being shot by police in Ipswich.")
    police = [ev for ev in events if ev.police_agent]
    assert police and police[0].patient.text == "man"


def test_taser_used_on_someone_is_a_taser_event(nlp):
    events = _events(nlp, "Constable Mere Hohaia used a Taser on the man in the hallway.")
    assert events and events[0].force == Force.TASER
    assert events[0].patient.text == "man"


@pytest.mark.parametrize(
    ("text", "patient"),
    [
        # the small model reads "deputy shot" / "trooper shot" as a noun: the lost verb
        ("A deputy shot Lena Ortiz in the leg.", "Ortiz"),
        # object control: the officer is the one who shot
        ("He lunged at the officer with a bat, prompting the officer to shoot him.", "him"),
        ("The man drew a pistol, prompting two deputies to shoot and kill him.", "him"),
        # the law-enforcement plural
        ("The man was shot and killed by authorities after a standoff.", "man"),
    ],
)
def test_police_agents_the_parse_hides_are_found(nlp, text, patient):
    events = [ev for ev in _events(nlp, text) if ev.police_agent and ev.patient is not None]
    assert [ev.patient.text for ev in events][:1] == [patient], text


def test_a_purpose_clause_is_not_force_that_happened(nlp):
    text = "Officers used a police dog to tackle the man, but the dog bit an officer instead."
    assert not any(
        ev.police_agent and ev.patient is not None and ev.patient.text == "man"
        for ev in _events(nlp, text)
        if ev.trigger.lemma_ == "tackle" and ev.agent is not None and ev.agent.lower_ == "dog"
    )
