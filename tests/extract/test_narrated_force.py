"""Police force told the way incident reports and short news items tell it: the officer
is named a few sentences before, by a rank, by a pronoun, or not at all after a gun
battle. The texts are written for these tests."""

from __future__ import annotations

import pytest

from forcewatch.records import Document


def _found(pipeline, text: str) -> list:
    return pipeline.process(Document(external_id="narrated", text=text)).mentions


@pytest.mark.parametrize(
    "text",
    [
        # the parser reads "deputy" as a compound of "shot"
        "A deputy stopped a van with false plates near Elkton. When the deputy got out, the "
        "driver pointed a pistol at him. The deputy shot and killed him.",
        # "they" of a participle clause, resolved to the deputies
        "Sheriff's deputies went to a farm to serve a warrant on Dale Hurst. Hurst fired a "
        "shotgun at them from the porch. They returned fire, killing him.",
        # a rank makes the named firer an officer
        "A driver crashed after a chase on Route 9 and walked towards the patrol car with a "
        "bat. Sgt. Maria Okafor fired two shots, hitting the driver in the chest.",
        # "found shot dead" after police exchanged fire with him
        "Tactical officers surrounded a house in Dunmore after reports of shots. They "
        "exchanged gunfire with Owen Pratt for an hour. He was found shot dead inside.",
        # killed after a gun battle told in the sentence before
        "Troopers tried to stop Glen Ashby on the highway. Ashby fired at them and a gun "
        "battle followed. Ashby was killed.",
        # "an active shooter call" names no other shooter
        "Police were called to an active shooter call at a motel. Officers ordered the man "
        "to drop his rifle. He raised it and was shot and killed.",
        # a later clause's "by medics" is not the shooter
        "Officers were called to a car park in Hobart where a man was waving a rifle. "
        "Officers shot him, and he was pronounced dead at the scene by paramedics.",
        # "soon after shot" read with "shot" as a noun: the subject is the clause's
        "Rhys Lyle argued with his landlord and walked out carrying a machete and was soon "
        "after shot and killed by city police.",
        # the subject's own earlier crime is not another shooter
        "Officers went to meet Ned Corran about a murder inquiry. He had killed his cousin "
        "with an axe a week before. When they arrived they found him in a van. He refused "
        "to drop the axe and was shot and killed.",
        # a rank given with two names, the firer named again by surname alone
        "Authorities said Officers Dana Carter and Luis Stanley found Ivo Petrak with a "
        "crowbar in a warehouse. Stanley shot and killed him.",
        # a bullet of the deputy's
        "A deputy tried to arrest Cal Hume, who swung a spade at him. The deputy fired "
        "several shots, and one bullet struck and killed Hume.",
        # a Taser shock told without its user
        "Three officers confronted a man who was smashing windows with a bottle. He was "
        "shocked twice with a Taser, killing him.",
        # "resulted in the officers shooting", parsed apart
        "Deputies went to a house in Gray after a disturbance call. A struggle followed "
        "which resulted in the officers shooting and killing Abel Whitcombe.",
        # a later deed of the same officers: the jury did not shoot him
        "Deputies were sent to a quarry after a report of a man with a shotgun. Deputies "
        "fatally shot Rory Banks after he pointed it at them, and were later cleared by a "
        "grand jury.",
        # "the shooting of a man by officers", the "by" hung on the man
        "The fatal shooting of a Larkfield man by state troopers on Sunday followed two "
        "calls about a fight at a petrol station.",
        # "was Tased" read as an adjective after "was"
        "Officers stopped a car on the ring road and the driver, Cody Rance, ran. He fought "
        "two officers in a ditch and was Tased several times. He died in hospital.",
        # the firer's name hung on an earlier noun, his rank just before it
        "Ted Marlow came out of the barn with a rifle. When he refused to drop it, county "
        "sheriff's deputy Luke Pardo shot him.",
        # "shot" read as a noun between the deputy and the man
        "Vic Brandt pulled a pistol and shot the police chief in the hand. A county sheriff's "
        "deputy shot Brandt.",
        # the officer who fired back, read as one of the people shot at
        "Gil Harte ran into a shed and allegedly shot at deputies and deputy Paul Irvine "
        "fired back, killing Harte.",
        # police gunfire at no one named: at the man the story is about
        "Deputies found Sol Avery walking along the river road with a shotgun. They told him "
        "to put it down. Avery raised the shotgun and deputy Nina Royce fired twice.",
        "Police chased a stolen truck through Elmwood until it hit a fence. The driver got "
        "out holding a knife and ran at the officers. Officers opened fire.",
    ],
)
def test_narrated_police_force_is_found(pipeline, text: str) -> None:
    assert _found(pipeline, text), "no subject found"


@pytest.mark.parametrize(
    "text",
    [
        # a president firing a director is not gunfire, whatever his title
        "Officials said President Ana Ruiz fired police director Tomas Vidal on Monday after "
        "a report on the force's budget.",
        # a named civilian firer without a rank
        "Police said Lynn Carter fired two shots, hitting her neighbour in the leg, after an "
        "argument. Officers arrested her at the scene.",
        # shot before police came: "had been shot"
        "Officers responded to reports of gunfire in Moe and found a man in the street. He "
        "had been shot in the chest and died in hospital.",
        # a weapon discharged by accident during a raid hits no one
        "Armed officers raided a house in Kilbrook on Tuesday. An officer fired a shot as he "
        "climbed through a window, the ombudsman said, calling it an accidental discharge.",
        # warning shots and shots at a dog are not fired at a person
        "Officers searching a yard in Moss Vale fired warning shots into the air when a man "
        "ran. He was arrested a street away.",
        "A deputy shot a dog that attacked him in a front yard in Carlow on Monday, the "
        "sheriff's office said.",
        # a headline's "Officer fired" is a dismissal
        "Officer fired after review of arrest video\n\nThe city dismissed a patrol officer "
        "on Friday after a review of a video of an arrest in May.",
    ],
)
def test_no_police_force_without_an_officer(pipeline, text: str) -> None:
    assert not _found(pipeline, text)
