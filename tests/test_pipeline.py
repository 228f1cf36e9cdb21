"""The pipeline's handling of documents it should not or cannot analyse in full."""

from __future__ import annotations

import logging

from forcewatch.records import Document

SHOOTING = (
    "A man was shot dead by police in Timaru on Tuesday night after he threatened officers "
    "with a machete, police said. The Independent Police Conduct Authority is investigating."
)


def test_other_language_document_is_marked_and_skipped_with_a_reason(pipeline):
    doc = Document(
        external_id="fr-1",
        text="Un homme a été abattu par la police mardi soir à Lyon après avoir menacé des agents.",
        lang="fr",
    )
    result = pipeline.process(doc)
    assert not result.relevant
    assert result.skipped == "language fr, not English"


def test_empty_and_near_empty_texts_are_not_relevant(pipeline):
    for text in ("", "   ", "Police shot."):
        result = pipeline.process(Document(external_id="tiny", text=text))
        assert not result.relevant
        assert result.skipped == "too short"


def test_very_long_document_is_cut_to_max_chars_and_still_analysed(pipeline, caplog):
    filler = " ".join(["The council met to discuss the new library budget for the year."] * 4000)
    doc = Document(external_id="long-1", text=SHOOTING + "\n" + filler)
    assert len(doc.content) > pipeline.settings.max_chars
    with caplog.at_level(logging.WARNING):
        result = pipeline.process(doc)
    assert result.relevant
    assert any(
        "only the first" in r.getMessage() and "long-1" in r.getMessage() for r in caplog.records
    )
    for mention in result.mentions:
        for fact in mention.facts().values():
            if fact.evidence is not None:
                assert fact.evidence.end <= pipeline.settings.max_chars


def test_english_police_shooting_is_relevant_with_one_fatal_mention(pipeline):
    result = pipeline.process(Document(external_id="nz-1", text=SHOOTING))
    assert result.relevant
    assert [m.outcome.value for m in result.mentions] == ["fatal"]
    assert result.mentions[0].place is not None and result.mentions[0].place.value == "Timaru"
