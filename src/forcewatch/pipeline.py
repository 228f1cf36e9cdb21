"""Compose the stages for one document: detect, then parse and extract if relevant.

No I/O of its own: documents come in, `DocResult` records go out.
"""

from __future__ import annotations

import logging

from forcewatch.config import Settings
from forcewatch.detect import detect
from forcewatch.extract import extract
from forcewatch.extract.nlp import load_model
from forcewatch.records import Detection, DocResult, Document

log = logging.getLogger(__name__)

_MIN_CHARS = 40  # shorter texts cannot report an incident


class Pipeline:
    """The analysis stages with their settings; the spaCy model is loaded on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    @property
    def nlp(self):
        return load_model(self.settings.spacy_model)

    def process(self, document: Document) -> DocResult:
        """Return what the stages make of one document."""
        text = document.text.strip()
        if len(text) < _MIN_CHARS:
            return DocResult(document, Detection(False, 0.0), skipped="too short")
        if document.lang and document.lang != "en":
            return DocResult(
                document, Detection(False, 0.0), skipped=f"language {document.lang}, not English"
            )
        detection = detect(document, self.settings)
        if not detection.relevant:
            return DocResult(document, detection)
        content = document.content
        if len(content) > self.settings.max_chars:
            log.warning(
                "%s: text is %d characters; only the first %d are analysed",
                document.external_id,
                len(content),
                self.settings.max_chars,
            )
            content = content[: self.settings.max_chars]
        doc = self.nlp(content)
        mentions = extract(document, doc, threshold=self.settings.mention_threshold)
        return DocResult(document, detection, mentions)
