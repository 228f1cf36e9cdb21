"""Extraction: one `Mention` per person police used force on, each fact with evidence."""

from __future__ import annotations

from spacy.tokens import Doc

from forcewatch.records import Document, Mention


def extract(document: Document, doc: Doc, *, threshold: float = 0.5) -> tuple[Mention, ...]:
    """Return the mentions of a parsed document whose confidence reaches `threshold`."""
    from forcewatch.extract.assemble import DocContext, build_mention
    from forcewatch.extract.subjects import find_subjects

    subjects = find_subjects(doc)
    if not subjects:
        return ()
    ctx = DocContext(document, doc, subjects)
    mentions: list[Mention] = []
    for subject in subjects:
        if subject.confidence < threshold:
            continue
        mention = build_mention(subject, ctx)
        mentions.extend([mention] * max(1, subject.count))
    return tuple(mentions)
