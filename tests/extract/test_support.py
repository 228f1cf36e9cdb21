"""`supports`: whether a sentence really says a fact's value or the words it came from."""

from __future__ import annotations

import pytest

from forcewatch.errors import ExtractError
from forcewatch.extract.support import explain, supports
from forcewatch.records import Force, Outcome, PartialDate, Weapon

SUPPORTED = [
    # names: in full, by surname, accents and case ignored, part of a double-barrelled name
    ("subject_name", "Tama Ruru", "Officers shot Tama Ruru outside the dairy."),
    ("subject_name", "Tama Ruru", "Ruru was taken to hospital."),
    ("subject_name", "Zoë Bélanger", "Police said ZOE BELANGER had a knife."),
    ("subject_name", "Ana Lopez", "Deputies fired at Lopez-Garcia as she drove off."),
    ("subject_name", "Kevin Doyle Jr.", "A trooper shot Doyle near the bridge."),
    # ages as digits, with "-year-old", in brackets, "aged", or in words
    ("subject_age", 34, "A 34-year-old man was shot in the leg."),
    ("subject_age", 34, "Liam Ward (34) died at the scene."),
    ("subject_age", 34, "The man, aged 34, was tasered."),
    ("subject_age", 34, "The thirty-four-year-old was restrained by officers."),
    ("subject_age", 19, "A nineteen year old was bitten by a police dog."),
    # sex from words and pronouns
    ("subject_sex", "male", "Police said he pointed a rifle at them."),
    ("subject_sex", "male", "A local man was shot by officers."),
    ("subject_sex", "female", "Officers shot her twice."),
    ("subject_sex", "female", "The woman was tasered in the car park."),
    # outcomes
    ("outcome", Outcome.FATAL, "The driver died at the scene."),
    ("outcome", Outcome.FATAL, "A man was shot dead by police on Friday."),
    ("outcome", Outcome.INJURED, "He was taken to hospital with gunshot wounds."),
    ("outcome", Outcome.INJURED, "An officer shot him in the arm."),
    ("outcome", Outcome.INJURED, "Deputies shot the man, police said."),
    ("outcome", Outcome.INJURED, "He was shot at his home after a standoff."),
    ("outcome", Outcome.MISSED, "Two shots were fired but the man was not hit."),
    ("outcome", Outcome.MISSED, "The suspect was uninjured and arrested."),
    ("outcome", Outcome.UNKNOWN, "Police opened fire during the encounter."),
    # kinds of force
    ("force", Force.FIREARM, "Officers opened fire on the car."),
    ("force", Force.FIREARM, "The constable returned six shots."),
    ("force", Force.TASER, "He was tasered twice outside the shop."),
    ("force", Force.TASER, "An officer used a stun gun on the man."),
    ("force", Force.RESTRAINT, "He stopped breathing after being held down by officers."),
    ("force", Force.RESTRAINT, "Officers restrained the man on the floor."),
    ("force", Force.VEHICLE, "A patrol car struck a pedestrian on the highway."),
    ("force", Force.VEHICLE, "The police van ran over her foot."),
    ("force", Force.DOG, "A police dog bit the teenager on the arm."),
    ("force", Force.DOG, "The K9 unit was sent in."),
    ("force", Force.OTHER, "Officers beat the man with batons."),
    ("force", Force.OTHER, "He died in police custody on Monday."),
    # dates at the precision of the value
    ("date", PartialDate(2021, 3, 14), "The shooting happened on March 14."),
    ("date", PartialDate(2021, 3, 14), "On 14 Mar 2021 officers were called to the house."),
    ("date", PartialDate(2016, 9, 4), "He died on Sept. 4, 2016."),
    ("date", PartialDate(2021, 3, 14), "Police were called on Sunday night."),  # a Sunday
    ("date", PartialDate(2021, 3, 14), "Officers shot a man yesterday."),
    ("date", PartialDate(2021, 3, 14), "Police fired at a car early this morning."),
    ("date", PartialDate(2021, 3, 14), "The man was shot on 14/03/2021."),
    ("date", PartialDate(2019, 7), "The inquest heard he died in July."),
    ("date", PartialDate(2019, 7), "He was shot last month."),
    ("date", PartialDate(2019), "He was shot by police in 2019."),
    ("date", PartialDate(2019), "A man was tasered last year."),
    # places as written
    ("place", "Upper Hutt", "Police shot a man in Upper Hutt on Tuesday."),
    ("place", "Nowra", "The man was tasered outside a Nowra hotel."),
    ("place", "Montréal", "Officers shot a man in Montreal."),
    # regions, their aliases, abbreviations and codes
    ("region", "WA", "Officers in Spokane, Wash., shot a man."),
    ("region", "WA", "A man was shot by police in Washington state."),
    ("region", "WA", "Police in Auburn, WA fired at the driver."),
    ("region", "Queensland", "Queensland police shot a man near Cairns."),
    # a town of the region is enough: the gold conventions take regions "plain from the text"
    ("region", "Queensland", "Police shot a man in Cairns."),
    ("region", "CA", "Police shot a man in Oakland."),
    ("region", "BC", "A man was shot by RCMP in British Columbia."),
    ("region", "CA", "Deputies in Fresno, Calif., fired at the suspect."),
    # countries: by name, place, region, demonym or cue
    ("country", "NZ", "Police shot a man in New Zealand."),
    ("country", "NZ", "The IPCA is investigating the shooting."),
    ("country", "AU", "Queensland police shot a man."),
    ("country", "IE", "Gardaí fired at the car."),
    ("country", "CA", "Mounties shot a man near the highway."),
    ("country", "US", "Deputies from the county sheriff's office fired."),
    ("country", "US", "An NYPD officer fired one shot."),
    ("country", "IN", "The accused was injured in an encounter, the SHO said."),
    # agencies by formal name or by the words they were normalised from
    ("agency", "Queensland Police Service", "Queensland police shot a man at Logan."),
    ("agency", "Garda Síochána", "Gardaí fired shots at the car."),
    ("agency", "RCMP", "Mounties shot a man near the highway."),
    ("agency", "New Zealand Police", "Police shot a man in Christchurch."),
    ("agency", "Kenosha Police Department", "A Kenosha Police Department officer fired."),
    ("agency", "NSW Police Force", "Police shot a man in Tamworth on Friday."),
    (
        "agency",
        "Queensland Police Service; Australian Federal Police",
        "Queensland police and the Australian Federal Police raided the home.",
    ),
    # weapons of the subject's weapon class
    ("subject_weapon", Weapon.KNIFE, "He was armed with a kitchen knife."),
    ("subject_weapon", Weapon.RIFLE, "He pointed a hunting rifle at officers."),
    ("subject_weapon", Weapon.HANDGUN, "Police said he had a pistol."),
    ("subject_weapon", Weapon.REPLICA, "The gun turned out to be a replica pistol."),
    ("subject_weapon", Weapon.FIREARM, "He fired at officers from the porch."),
    ("subject_weapon", Weapon.NONE, "The man was unarmed when he was shot."),
    ("subject_weapon", Weapon.VEHICLE, "He drove at officers before they fired."),
    # officers who fired
    ("officers_fired", 2, "Two officers fired at the car."),
    ("officers_fired", 2, "Both constables discharged their weapons."),
    ("officers_fired", 1, "An officer shot the man once."),
    ("officers_fired", 1, "Officer Reyes fired three shots."),
    ("officers_fired", 1, "Hale then shot him in the chest."),
    ("officers_fired", 3, "Three deputies opened fire."),
    # withheld names
    ("name_withheld", True, "The man's name has not been released."),
    ("name_withheld", True, "Name suppression was granted to the officer."),
    # investigation bodies by name or acronym
    ("investigations", "IPCA", "The Independent Police Conduct Authority is investigating."),
    ("investigations", "IPCA", "The IPCA found the shooting justified."),
    ("investigations", "IOPC", "The Independent Office for Police Conduct has been told."),
    ("investigations", "Tennessee Bureau of Investigation", "The TBI is investigating."),
    ("investigations", "Police", "Police are investigating the shooting."),
    ("investigations", "Coroner", "The coroner will hold an inquest."),
]

NOT_SUPPORTED = [
    ("subject_name", "Tama Ruru", "Officers shot a man outside the dairy."),
    ("subject_name", "Ana Lopez", "Ana was taken to hospital."),
    ("subject_age", 34, "A 43-year-old man was shot."),
    ("subject_age", 34, "He was shot 134 times."),
    ("subject_sex", "male", "Officers shot the driver."),
    ("subject_sex", "female", "Police said he pointed a rifle at them."),
    ("outcome", Outcome.FATAL, "He was taken to hospital with gunshot wounds."),
    ("outcome", Outcome.INJURED, "The chase ended on a gravel road."),
    ("outcome", Outcome.MISSED, "Officers shot him in the leg."),
    ("outcome", Outcome.UNKNOWN, "The inquiry opens next week."),
    ("force", Force.FIREARM, "Officers restrained the man on the floor."),
    ("force", Force.TASER, "Officers opened fire on the car."),
    ("force", Force.OTHER, "Police returned fire, killing the man."),
    ("force", Force.DOG, "A patrol car struck a pedestrian."),
    ("date", PartialDate(2021, 3, 14), "The shooting happened on April 14."),
    ("date", PartialDate(2021, 3, 14), "Police were called on Monday night."),  # not a Monday
    ("date", PartialDate(2021, 3, 14), "Police said the man had a knife."),
    ("date", PartialDate(2019, 7), "The inquest heard he died in June."),
    ("date", PartialDate(2019), "He was shot by police in 2018."),
    ("place", "Upper Hutt", "Police shot a man in Lower Hutt on Tuesday."),
    ("region", "WA", "A Salem Police officer shot a man in Salem."),
    ("country", "US", "Officers shot the man after he refused to drop the knife."),
    ("country", "NZ", "That officer fired one shot."),
    ("agency", "New Zealand Police", "That officer fired one shot."),
    ("agency", "Queensland Police Service", "Police tracked the man to a farm."),
    ("agency", "Queensland Police Service; Australian Federal Police", "Queensland police came."),
    ("subject_weapon", Weapon.KNIFE, "He pointed a hunting rifle at officers."),
    ("subject_weapon", Weapon.NONE, "He was armed with a kitchen knife."),
    ("officers_fired", 1, "Officers Ann Lee, Bo Diaz and Cy Moe shot him."),
    ("officers_fired", 1, "A tactical team fatally shot him."),
    ("officers_fired", 2, "Three deputies opened fire."),
    ("name_withheld", True, "Police named the man as Tama Ruru."),
    ("investigations", "IPCA", "Police shot a man on Friday."),
    ("investigations", "Coroner", "The man died in hospital."),
]


@pytest.mark.parametrize(("field", "value", "sentence"), SUPPORTED)
def test_sentence_with_the_value_or_its_source_words_supports_it(field, value, sentence):
    assert supports(field, value, sentence) is True


@pytest.mark.parametrize(("field", "value", "sentence"), NOT_SUPPORTED)
def test_sentence_without_the_value_does_not_support_it(field, value, sentence):
    assert supports(field, value, sentence) is False


def test_values_may_be_given_as_their_gold_strings():
    assert supports("force", "taser", "He was tasered in the hallway.") is True
    assert supports("date", "2021-03-14", "The shooting happened on 14 March.") is True
    assert supports("subject_weapon", "knife", "He waved a machete at officers.") is True


def test_explain_names_the_field_the_verdict_and_the_sentence():
    text = explain("subject_age", 34, "A 43-year-old man was shot.")
    assert text.startswith("subject_age=34 NOT supported")
    assert "A 43-year-old man was shot." in text
    assert explain("place", "Nowra", "Police in Nowra fired.").startswith("place='Nowra' supported")


def test_unknown_field_is_an_error_naming_the_field():
    with pytest.raises(ExtractError, match="unknown field 'colour'"):
        supports("colour", "red", "A red car.")


def test_unreadable_value_is_an_error_naming_the_field():
    with pytest.raises(ExtractError, match="field 'date' cannot read the value 'soon'"):
        supports("date", "soon", "It happened soon.")
