"""Subject weapon: what the person had, never the officers' weapons."""

from __future__ import annotations

import pytest

from forcewatch.extract.weapon import WeaponHit, choose_weapon, find_weapons, find_weapons_in_text
from forcewatch.records import Weapon

W = Weapon


def chosen(text: str) -> Weapon | None:
    hit = choose_weapon(find_weapons_in_text(text))
    return hit.weapon if hit else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # firearm, type not given
        ("Callers reported a man armed with a gun outside the shop.", W.FIREARM),
        ("The suspect pointed a gun at officers before they fired.", W.FIREARM),
        ("He fired his weapon at the deputies as they approached.", W.FIREARM),
        ("The two men opened fire on the police party at the checkpoint.", W.FIREARM),
        ("He was injured in an exchange of fire with the police team.", W.FIREARM),
        ("Officers were met by a man firing a gun in his yard.", W.FIREARM),
        ("A loaded firearm was recovered from the car.", W.FIREARM),
        # rifle, shotgun, handgun
        ("He came out of the house carrying an AR-15 rifle.", W.RIFLE),
        ("The man was holding a hunting rifle when police arrived.", W.RIFLE),
        ("He had a sawn-off shotgun in the back seat.", W.SHOTGUN),
        ("The man brandished a shotgun at the officers.", W.SHOTGUN),
        ("Police said he was carrying a semi-automatic pistol.", W.HANDGUN),
        ("He pulled out a revolver and aimed it at the constable.", W.HANDGUN),
        ("A 9mm handgun was found next to the man.", W.HANDGUN),
        ("Police recovered a country-made pistol from the accused.", W.HANDGUN),
        # replica
        ("The man was carrying an imitation pistol.", W.REPLICA),
        ("It later emerged he had been holding a BB gun.", W.REPLICA),
        ("He pointed what turned out to be a replica firearm at officers.", W.REPLICA),
        ("The teenager was carrying an air rifle.", W.REPLICA),
        ("A toy gun was found beside him.", W.REPLICA),
        # knife and other blades
        ("He was armed with a knife when officers arrived.", W.KNIFE),
        ("The man threatened staff with a large kitchen knife.", W.KNIFE),
        ("He came at police wielding a machete.", W.KNIFE),
        ("A scissors-wielding man was shot in the concourse.", W.KNIFE),
        ("The man allegedly had a bladed weapon.", W.KNIFE),
        ("He swung a sword at the officer.", W.KNIFE),
        ("He charged at them with a meat cleaver.", W.KNIFE),
        # blunt
        ("He attacked the constable with a baseball bat.", W.BLUNT),
        ("The man was swinging a metal pole at passers-by.", W.BLUNT),
        ("He was holding a hammer when he was shot.", W.BLUNT),
        ("The man threatened officers with a crowbar.", W.BLUNT),
        # vehicle
        ("The driver accelerated towards the officers before they fired.", W.VEHICLE),
        ("He rammed a police cruiser and tried to run over an officer.", W.VEHICLE),
        ("The man drove his car at police at the roadblock.", W.VEHICLE),
        ("He used the ute as a weapon against the officers.", W.VEHICLE),
        # other
        ("He was armed with a screwdriver.", W.OTHER),
        ("The man pointed a bow and arrow at officers.", W.OTHER),
        ("Police said the man lunged at them with a weapon.", W.OTHER),
        ("He was holding an undisclosed item when he was shot.", W.OTHER),
        # none
        ("The man was unarmed, his lawyer said.", W.NONE),
        ("No weapon was found at the scene.", W.NONE),
        ("Witnesses said he was not armed.", W.NONE),
    ],
)
def test_subject_weapon_vocabulary(text: str, expected: Weapon) -> None:
    assert chosen(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Police fired their rifles at the fleeing car.",
        "The deputy fired his weapon and struck the man.",
        "Officers armed with Tasers and firearms surrounded the house.",
        "The officer was forced to use his gun to protect the family.",
        "The sergeant discharged his official Glock pistol twice.",
        "A cop was seen pointing his pistol at the prisoner's head.",
        "The constable drew his service revolver.",
        "The officer's gun went off during the struggle.",
        "Unarmed gardaí were first on the scene.",
        "The deputy shocked him with a Taser gun.",
        "Officers fired at the man outside the shop.",
        "The gun control debate continued in parliament.",
        "Police used less-lethal weapons first.",
    ],
)
def test_police_weapons_are_not_the_subjects(text: str) -> None:
    assert chosen(text) is None


def test_weapon_after_a_subject_noun_is_the_subjects() -> None:
    assert chosen("Officers confronted a man with a knife in his hand.") is W.KNIFE
    assert chosen("The officer shot the man, who was holding a knife.") is W.KNIFE


def test_cue_words_set_subject_cue_and_raise_confidence() -> None:
    (cued,) = find_weapons_in_text("He was brandishing a knife.")
    (bare,) = find_weapons_in_text("The knife lay on the floor.")
    assert cued.subject_cue is True and bare.subject_cue is False
    assert cued.confidence > bare.confidence


def test_bare_blunt_words_without_cue_are_ignored() -> None:
    assert find_weapons_in_text("The pole was knocked down in the storm.") == []


def hit(weapon: Weapon, conf: float = 0.85, cue: bool = True) -> WeaponHit:
    return WeaponHit(weapon, weapon.value, 0, 5, conf, cue)


def test_choose_specific_gun_over_plain_firearm() -> None:
    assert choose_weapon([hit(W.FIREARM), hit(W.RIFLE, 0.8)]).weapon is W.RIFLE  # type: ignore[union-attr]


def test_choose_replica_over_handgun() -> None:
    assert choose_weapon([hit(W.HANDGUN), hit(W.REPLICA, 0.7)]).weapon is W.REPLICA  # type: ignore[union-attr]


def test_choose_cued_hit_over_bare_one() -> None:
    best = choose_weapon([hit(W.FIREARM, 0.45, cue=False), hit(W.KNIFE, 0.85)])
    assert best is not None and best.weapon is W.KNIFE


def test_choose_named_weapon_over_unspecified_weapon() -> None:
    best = choose_weapon([hit(W.OTHER, 0.85), hit(W.KNIFE, 0.8)])
    assert best is not None and best.weapon is W.KNIFE


def test_choose_weapon_of_nothing_is_none() -> None:
    assert choose_weapon([]) is None


def test_find_weapons_on_a_parsed_sentence_gives_document_offsets(nlp) -> None:
    content = "Standoff ends\n\nPolice were called at 2am. The man was armed with a machete."
    sent = list(nlp(content).sents)[-1]
    (weapon,) = find_weapons(sent)
    assert weapon.weapon is W.KNIFE
    assert content[weapon.start_char : weapon.end_char] == "machete"


def test_car_that_struck_officers_is_a_vehicle_weapon() -> None:
    assert chosen("The driver sped off and struck an officer at the roadblock.") is W.VEHICLE
    assert chosen("The car reversed, its door knocking two officers to the ground.") is W.VEHICLE


def test_weapon_words_in_compounds_are_not_weapons() -> None:
    assert find_weapons_in_text("He faces weapons charges after the raid.") == []
    assert find_weapons_in_text("The gun shop was closed.") == []
