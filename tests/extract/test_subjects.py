"""Subjects: events grouped per person, with names, pronouns and descriptions resolved."""

from __future__ import annotations

from forcewatch.extract.subjects import find_subjects


def _subjects(nlp, text):
    return find_subjects(nlp(text))


def test_surname_follow_up_is_the_same_subject_with_the_full_name(nlp):
    text = (
        "Police shot and killed Tama Rewiti, 29, in Gisborne on Monday. "
        "Officers said Rewiti had threatened them with a machete. "
        "A constable shot Rewiti twice in the chest."
    )
    subjects = _subjects(nlp, text)
    assert len(subjects) == 1
    assert subjects[0].name == "Tama Rewiti"


def test_pronoun_patient_resolves_to_the_person_not_the_officer(nlp):
    text = (
        "Officers were called to a flat where Liam Doherty was shouting at neighbours. "
        "Constable Aoife Brennan fired her weapon and shot him in the leg."
    )
    subjects = _subjects(nlp, text)
    assert [s.name for s in subjects] == ["Liam Doherty"]


def test_officer_shot_by_offender_gives_no_subject(nlp):
    text = (
        "A police officer was shot in the arm during a traffic stop in Tulsa on Friday. "
        "The driver fled and was arrested two hours later without a shot being fired by police."
    )
    assert _subjects(nlp, text) == []


def test_two_named_people_shot_are_two_subjects(nlp):
    text = (
        "Police shot Thabo Nkosi and Sipho Dlamini during a robbery in Soweto. "
        "Nkosi died at the scene while Dlamini was taken to hospital."
    )
    names = sorted(s.name for s in _subjects(nlp, text))
    assert names == ["Sipho Dlamini", "Thabo Nkosi"]


def test_two_unnamed_men_shot_dead_count_as_two(nlp):
    subjects = _subjects(nlp, "Two men were shot dead by police after a chase near Durban.")
    assert len(subjects) == 1 and subjects[0].count == 2


def test_unnamed_subject_takes_the_name_the_story_identifies(nlp):
    text = (
        "A man was shot dead by police in Nelson on Saturday. "
        "Police have identified the man as Daniel Kerr, a local builder."
    )
    subjects = _subjects(nlp, text)
    assert len(subjects) == 1 and subjects[0].name == "Daniel Kerr"


def test_civilian_gunman_arrested_without_police_gunfire_gives_no_subject(nlp):
    text = (
        "A gunman shot three people at a shopping centre in Perth on Sunday. "
        "Police arrested the 31-year-old man at the scene without firing a shot."
    )
    assert _subjects(nlp, text) == []


def test_one_of_several_suspects_shot_by_unnamed_shooter_is_a_subject_not_the_speaker(nlp):
    text = (
        "Police spokesperson Mere Tane said officers confronted four suspects at a depot. "
        "Tane said three suspects managed to evade police, but one was fatally shot."
    )
    [subject] = _subjects(nlp, text)
    assert subject.name is None
    assert subject.events[0].trigger.text == "shot"


def test_a_relative_quoted_in_apposition_is_not_the_subject(nlp):
    text = (
        "A deputy shot the man during a struggle outside a motel, officials said. "
        '"They did not have to shoot him," the man\'s mother, Joan Kettle, told reporters. '
        '"He was unarmed and they shot him."'
    )
    [subject] = _subjects(nlp, text)
    assert subject.name is None


def test_a_sister_who_speaks_does_not_hide_her_brother_who_was_named(nlp):
    text = (
        "Tom Ashby, 46, died in hospital on Wednesday after officers used a Taser on him "
        "at a petrol station. His sister, Jo Ashby, said he was unwell. "
        '"They tasered him," she said.'
    )
    [subject] = _subjects(nlp, text)
    assert subject.name == "Tom Ashby"


def test_the_shooting_dead_by_a_garda_of_a_named_man_is_a_fatal_police_shooting(nlp):
    text = (
        "The review follows the inquiry into the shooting dead by a garda of Eoin Farrell "
        "in March 2017, which found no criminal offence had been committed."
    )
    [subject] = _subjects(nlp, text)
    assert subject.name == "Eoin Farrell"
    assert subject.events[0].fatal


def test_with_two_subjects_a_name_apposed_to_one_description_names_that_one(nlp):
    text = (
        "Within hours of a knife-wielding man being shot dead by police at the station, the "
        "force issued a statement. The man - Tavita Lemalu - appeared distressed on video. "
        "It came ten years after police shot and killed a woman in a park in 2007."
    )
    subjects = _subjects(nlp, text)
    assert [s.name for s in subjects] == ["Tavita Lemalu", None]


def test_a_description_apposed_to_a_name_names_the_subject(nlp):
    text = (
        "The family of Tane Walker, a 22-year-old man shot and killed by two Hastings police "
        "officers in April 2019, has sued the police."
    )
    [subject] = _subjects(nlp, text)
    assert subject.name == "Tane Walker"


def test_a_quoted_nickname_does_not_hide_the_name(nlp):
    text = 'Christopher "Chris" Tovey, 30, was shot by a deputy near Flagstaff on Friday.'
    [subject] = _subjects(nlp, text)
    assert subject.name == "Christopher Tovey"


def test_a_follow_up_dated_last_year_and_by_its_day_tells_one_person(nlp):
    text = (
        "Two police officers who shot and killed a man in Huntly last year were justified, "
        "the authority has found. Jared Tamihana, 33, was shot outside a house on "
        "12 March 2023 after he fired a shotgun towards officers."
    )
    [subject] = _subjects(nlp, text)
    assert subject.name == "Jared Tamihana"


def test_two_brothers_shot_in_one_event_are_two_named_subjects(nlp):
    text = (
        "The two men shot by RCMP officers at a farm near Meadow Lake on Friday were "
        "brothers, their family said. Aaron Petersen, 31, was killed. His younger brother "
        "Nils Petersen, 28, was shot in the shoulder and remains in hospital."
    )
    names = sorted(s.name for s in _subjects(nlp, text))
    assert names == ["Aaron Petersen", "Nils Petersen"]


def test_a_magistrate_who_refused_bail_is_not_the_subject(nlp):
    text = (
        "A man accused of driving at two police officers, who then fired at him, has been "
        "refused bail. Liam Doyle, 38, appeared in court on Monday. Police allege Doyle "
        "accelerated at the officers. Magistrate Ruth Hale refused bail."
    )
    [subject] = _subjects(nlp, text)
    assert subject.name == "Liam Doyle"


def test_a_name_after_identified_as_without_an_entity_names_the_subject(nlp):
    text = (
        "A man was shot in the leg by police after he fired at a patrol team on Saturday. "
        "He was arrested and later identified as Rakesh alias Kalu, police said."
    )
    [subject] = _subjects(nlp, text)
    assert subject.name == "Rakesh"


def test_me_in_a_quote_is_the_speaker_named_after_it(nlp):
    text = '"The police shot me in the back," said Tom Briggs, who was wounded on Friday.'
    [subject] = _subjects(nlp, text)
    assert subject.name == "Tom Briggs"


def test_two_accused_shot_and_then_named_are_two_named_subjects(nlp):
    text = (
        "Two accused were shot in the leg by police personnel after they tried to escape "
        "from custody near Nanpara, officials said. Arif Khan, 28, was injured in the leg. "
        "Salim Qureshi, 32, was also injured."
    )
    names = sorted(s.name for s in _subjects(nlp, text) if s.name)
    assert names == ["Arif Khan", "Salim Qureshi"]
