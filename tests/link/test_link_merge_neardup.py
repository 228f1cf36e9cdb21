"""Field merging with conflicts and changes; near-duplicate text detection."""

from __future__ import annotations

import datetime as dt

from forcewatch.link import neardup
from forcewatch.link.merge import SourceFacts, merge_fields


def src(doc: int, published: dt.date | None, **values: object) -> SourceFacts:
    return SourceFacts(doc, published, 0.8, {k: (v, 0.8) for k, v in values.items()})


def test_ages_that_differ_are_a_conflict_with_both_documents_kept() -> None:
    merged = merge_fields(
        [
            src(1, dt.date(2021, 3, 7), subject_age=32, outcome="fatal", force="firearm"),
            src(2, dt.date(2021, 3, 8), subject_age=33, outcome="fatal", force="firearm"),
            src(3, dt.date(2021, 3, 9), subject_age=32, outcome="fatal", force="firearm"),
        ]
    )
    age = merged.fields["subject_age"]
    assert (age.value, age.conflict) == (32, True)
    assert [(s.value, s.documents) for s in age.supports] == [(32, (1, 3)), (33, (2,))]
    assert merged.conflicts == ("subject_age",)


def test_outcome_that_worsens_later_is_a_recorded_change_not_a_conflict() -> None:
    merged = merge_fields(
        [
            src(5, dt.date(2021, 3, 10), outcome="fatal", force="firearm"),
            src(4, dt.date(2021, 3, 6), outcome="injured", force="firearm"),
        ]
    )
    outcome = merged.fields["outcome"]
    assert (outcome.value, outcome.conflict) == ("fatal", False)
    (change,) = merged.changes
    assert (change.before, change.after) == ("injured", "fatal")
    assert (change.before_documents, change.after_documents) == ((4,), (5,))
    assert (change.before_published, change.after_published) == (
        dt.date(2021, 3, 6),
        dt.date(2021, 3, 10),
    )


def test_outcome_that_goes_back_is_a_conflict() -> None:
    merged = merge_fields(
        [
            src(1, dt.date(2021, 3, 6), outcome="fatal", force="firearm"),
            src(2, dt.date(2021, 3, 9), outcome="injured", force="firearm"),
            src(3, dt.date(2021, 3, 9), outcome="fatal", force="firearm"),
        ]
    )
    assert merged.fields["outcome"].conflict and merged.value("outcome") == "fatal"
    assert merged.changes == ()


def test_date_takes_the_most_precise_agreeing_value() -> None:
    merged = merge_fields(
        [
            src(1, None, date="2023-03", outcome="fatal", force="firearm"),
            src(2, None, date="2023-03-14", outcome="fatal", force="firearm"),
            src(3, None, date="2023", outcome="fatal", force="firearm"),
        ]
    )
    assert (merged.value("date"), merged.fields["date"].conflict) == ("2023-03-14", False)


def test_names_merge_to_the_fullest_and_places_fold_case() -> None:
    merged = merge_fields(
        [
            src(1, None, subject_name="Marrin", place="TARROW", outcome="fatal", force="firearm"),
            src(2, None, subject_name="Dale R. Marrin", place="Tarrow", outcome="fatal",
                force="firearm"),
        ]
    )  # fmt: skip
    assert merged.value("subject_name") == "Dale R. Marrin"
    assert merged.conflicts == ()


STORY = (
    "Officers shot a man outside the Tarrow railway station late on Saturday after a "
    "three-hour standoff. Police said the man had walked along the platform carrying a "
    "shotgun and refused to put it down when negotiators spoke to him through a loudhailer. "
    "Two officers fired. He died at the scene. The Independent Police Conduct Authority "
    "said it had been notified and would send investigators to the town on Sunday morning."
)


def test_a_lightly_edited_copy_is_a_near_duplicate() -> None:
    copy = STORY.replace("late on Saturday", "on Saturday night") + " Reporting by wire staff."
    a, b = neardup.shingles(STORY), neardup.shingles(copy)
    assert neardup.jaccard(a, b) >= neardup.THRESHOLD
    assert set(neardup.text_bands(STORY) or []) & set(neardup.text_bands(copy) or [])


def test_a_different_story_shares_no_band() -> None:
    other = (
        "A woman was wounded when police fired at a car that drove at officers in Oxley on "
        "Tuesday. She was taken to hospital in a stable condition, a spokesperson said, and "
        "the driver of a second car was arrested nearby after a short chase through town."
    )
    assert neardup.jaccard(neardup.shingles(STORY), neardup.shingles(other)) < 0.2
    assert not set(neardup.text_bands(STORY) or []) & set(neardup.text_bands(other) or [])


def test_short_texts_are_not_compared() -> None:
    assert neardup.text_bands("Police shot a man.") is None
